// Every module the interpreter offers (one line each; see module_def.hpp).
#include "python/modules/asyncio_modules.hpp"
#include "python/modules/module_def.hpp"

namespace interleave::python {

bool init_sys(ThreadState& ts, Module* m);
bool init_time(ThreadState& ts, Module* m);
bool init_math(ThreadState& ts, Module* m);

std::span<const ModuleDef> native_modules() {
    static const ModuleDef kModules[] = {
        {"sys", init_sys},
        {"time", init_time},
        {"math", init_math},
        {"_asyncio", init__asyncio},
        {"asyncio", nullptr, pymod_text(interleave_pymod_asyncio_init)},
        {"asyncio.exceptions", nullptr, pymod_text(interleave_pymod_asyncio_exceptions)},
        {"asyncio.events", nullptr, pymod_text(interleave_pymod_asyncio_events)},
        {"asyncio.futures", nullptr, pymod_text(interleave_pymod_asyncio_futures)},
        {"asyncio.tasks", nullptr, pymod_text(interleave_pymod_asyncio_tasks)},
        {"asyncio.runners", nullptr, pymod_text(interleave_pymod_asyncio_runners)},
        {"asyncio.locks", nullptr, pymod_text(interleave_pymod_asyncio_locks)},
        {"asyncio.queues", nullptr, pymod_text(interleave_pymod_asyncio_queues)},
        {"asyncio.timeouts", nullptr, pymod_text(interleave_pymod_asyncio_timeouts)},
        {"asyncio.taskgroups", nullptr, pymod_text(interleave_pymod_asyncio_taskgroups)},
        {"asyncio.threads", nullptr, pymod_text(interleave_pymod_asyncio_threads)},
    };
    return kModules;
}

}  // namespace interleave::python
