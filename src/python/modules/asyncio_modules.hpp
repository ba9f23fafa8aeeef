// The asyncio package's modules for modules/registry.cpp: Python source embedded from
// modules/asyncio_*.py (cmake/python_modules.cmake) and the native core _asyncio
// (asyncio_core.cpp).
#pragma once

#include "python/modules/module_def.hpp"

extern "C" const unsigned char interleave_pymod_asyncio_init[];
extern "C" const unsigned char interleave_pymod_asyncio_exceptions[];
extern "C" const unsigned char interleave_pymod_asyncio_events[];
extern "C" const unsigned char interleave_pymod_asyncio_futures[];
extern "C" const unsigned char interleave_pymod_asyncio_tasks[];
extern "C" const unsigned char interleave_pymod_asyncio_runners[];
extern "C" const unsigned char interleave_pymod_asyncio_locks[];
extern "C" const unsigned char interleave_pymod_asyncio_queues[];
extern "C" const unsigned char interleave_pymod_asyncio_timeouts[];
extern "C" const unsigned char interleave_pymod_asyncio_taskgroups[];
extern "C" const unsigned char interleave_pymod_asyncio_threads[];

namespace interleave::python {

bool init__asyncio(ThreadState& ts, Module* m);

// Collects, then prints CPython's "coroutine '...' was never awaited" RuntimeWarning (stderr)
// for each coroutine freed before it ever ran; false when writing fails (exception set). The
// calling thread's interpreter; asyncio.run and the end of the program call it.
bool report_never_awaited(ThreadState& ts);

// An embedded module's text as ModuleDef::source wants it (NUL-terminated by the embedding).
inline const char* pymod_text(const unsigned char* s) {
    return reinterpret_cast<const char*>(s);
}

}  // namespace interleave::python
