// The asyncio package's modules (Python source embedded from modules/asyncio_*.py by
// cmake/python_modules.cmake) and its native core _asyncio (asyncio_core.cpp), for
// modules/registry.cpp.
#pragma once

#include "python/modules/module_def.hpp"

extern "C" const unsigned char interleave_pymod_asyncio_init[], interleave_pymod_asyncio_exceptions[],
    interleave_pymod_asyncio_events[], interleave_pymod_asyncio_futures[],
    interleave_pymod_asyncio_tasks[], interleave_pymod_asyncio_runners[],
    interleave_pymod_asyncio_locks[], interleave_pymod_asyncio_queues[],
    interleave_pymod_asyncio_timeouts[], interleave_pymod_asyncio_taskgroups[],
    interleave_pymod_asyncio_threads[];

namespace interleave::python {

bool init__asyncio(ThreadState& ts, Module* m);

inline const char* pymod_text(const unsigned char* s) {
    return reinterpret_cast<const char*>(s);
}

// ModuleDef lines for registry.cpp's table, in import order.
#define INTERLEAVE_ASYNCIO_MODULES                                                       \
    {"_asyncio", init__asyncio},                                                         \
        {"asyncio", nullptr, pymod_text(interleave_pymod_asyncio_init)},                 \
        {"asyncio.exceptions", nullptr, pymod_text(interleave_pymod_asyncio_exceptions)}, \
        {"asyncio.events", nullptr, pymod_text(interleave_pymod_asyncio_events)},         \
        {"asyncio.futures", nullptr, pymod_text(interleave_pymod_asyncio_futures)},       \
        {"asyncio.tasks", nullptr, pymod_text(interleave_pymod_asyncio_tasks)},           \
        {"asyncio.runners", nullptr, pymod_text(interleave_pymod_asyncio_runners)},       \
        {"asyncio.locks", nullptr, pymod_text(interleave_pymod_asyncio_locks)},           \
        {"asyncio.queues", nullptr, pymod_text(interleave_pymod_asyncio_queues)},         \
        {"asyncio.timeouts", nullptr, pymod_text(interleave_pymod_asyncio_timeouts)},     \
        {"asyncio.taskgroups", nullptr, pymod_text(interleave_pymod_asyncio_taskgroups)}, \
        {"asyncio.threads", nullptr, pymod_text(interleave_pymod_asyncio_threads)},

}  // namespace interleave::python
