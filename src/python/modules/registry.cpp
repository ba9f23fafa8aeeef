// Every module the interpreter offers (one line each; see module_def.hpp).
#include "python/modules/asyncio_modules.hpp"
#include "python/modules/module_def.hpp"
#include "python/modules/multiprocessing_sources.hpp"
#include "python/modules/py_modules.hpp"

namespace interleave::python {

bool init_sys(ThreadState& ts, Module* m);
bool init_time(ThreadState& ts, Module* m);
bool init_math(ThreadState& ts, Module* m);
bool init_mp_native(ThreadState& ts, Module* m);
bool init_pickle(ThreadState& ts, Module* m);
bool init_random_core(ThreadState& ts, Module* m);
bool init_posix(ThreadState& ts, Module* m);
bool init__signal(ThreadState& ts, Module* m);
bool init__thread(ThreadState& ts, Module* m);
bool init_threading(ThreadState& ts, Module* m);
extern const char* const kThreadingSource;
extern const char* const kQueueSource;

std::span<const ModuleDef> native_modules() {
    static const ModuleDef kModules[] = {
        {"sys", init_sys},
        {"time", init_time, pymod_text(interleave_pymod_time)},
        {"math", init_math},
        {"_structseq", nullptr, pymod_text(interleave_pymod__structseq)},
        {"_sysinfo", nullptr, pymod_text(interleave_pymod__sysinfo)},
        {"itertools", nullptr, pymod_text(interleave_pymod_itertools)},
        {"functools", nullptr, pymod_text(interleave_pymod_functools)},
        {"collections", nullptr, pymod_text(interleave_pymod_collections)},
        {"collections.abc", nullptr, pymod_text(interleave_pymod_collections_abc)},
        {"operator", nullptr, pymod_text(interleave_pymod_operator)},
        {"contextlib", nullptr, pymod_text(interleave_pymod_contextlib)},
        {"dataclasses", nullptr, pymod_text(interleave_pymod_dataclasses)},
        {"copy", nullptr, pymod_text(interleave_pymod_copy)},
        {"io", nullptr, pymod_text(interleave_pymod_io)},
        {"datetime", nullptr, pymod_text(interleave_pymod_datetime)},
        {"_random", init_random_core},
        {"random", nullptr, pymod_text(interleave_pymod_random)},
        {"bisect", nullptr, pymod_text(interleave_pymod_bisect)},
        {"heapq", nullptr, pymod_text(interleave_pymod_heapq)},
        {"posix", init_posix},
        {"os", nullptr, pymod_text(interleave_pymod_os)},
        {"_signal", init__signal},
        {"signal", nullptr, pymod_text(interleave_pymod_signal)},
        {"posixpath", nullptr, pymod_text(interleave_pymod_posixpath)},
        {"string", nullptr, pymod_text(interleave_pymod_string)},
        {"typing", nullptr, pymod_text(interleave_pymod_typing)},
        {"enum", nullptr, pymod_text(interleave_pymod_enum)},
        {"contextvars", nullptr, pymod_text(interleave_pymod_contextvars)},
        {"types", nullptr, pymod_text(interleave_pymod_types)},
        {"traceback", nullptr, pymod_text(interleave_pymod_traceback)},
        {"logging", nullptr, pymod_text(interleave_pymod_logging)},
        {"abc", nullptr, pymod_text(interleave_pymod_abc)},
        {"timeit", nullptr, pymod_text(interleave_pymod_timeit)},
        {"statistics", nullptr, pymod_text(interleave_pymod_statistics)},
        {"json", nullptr, pymod_text(interleave_pymod_json)},
        {"atexit", nullptr, pymod_text(interleave_pymod_atexit)},
        {"pprint", nullptr, pymod_text(interleave_pymod_pprint)},
        {"json.decoder", nullptr, "from json import JSONDecoder, JSONDecodeError\n"},
        {"json.encoder", nullptr, "from json import JSONEncoder\n"},
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
        // pymp: pickle, multiprocessing, concurrent.futures (modules/multiprocessing*.cpp)
        {"_mp", init_mp_native},
        {"pickle", init_pickle, kPickleSource},
        {"multiprocessing", nullptr, kMultiprocessingSource},
        {"multiprocessing.pool", nullptr, kMultiprocessingPoolSource},
        {"multiprocessing.managers", nullptr, kMultiprocessingManagersSource},
        {"multiprocessing.queues", nullptr,
         "from multiprocessing import Queue, JoinableQueue, SimpleQueue\n"},
        {"multiprocessing.synchronize", nullptr,
         "from multiprocessing import Lock, RLock, Semaphore, BoundedSemaphore, Condition, "
         "Event\n"},
        {"multiprocessing.sharedctypes", nullptr,
         "from multiprocessing import Synchronized, SynchronizedArray, Value, Array, RawValue, "
         "RawArray\n"},
        {"multiprocessing.connection", nullptr, "from multiprocessing import Connection, Pipe\n"},
        {"multiprocessing.context", nullptr,
         "from multiprocessing import ProcessError, BufferTooShort, TimeoutError, "
         "AuthenticationError, BaseContext, ForkContext, SpawnContext, ForkServerContext, "
         "ForkProcess, SpawnProcess, ForkServerProcess, Process\n"},
        {"multiprocessing.process", nullptr,
         "from multiprocessing import Process as BaseProcess, current_process, parent_process, "
         "active_children\n"},
        {"urllib", nullptr, ""},
        {"urllib.error", nullptr, pymod_text(interleave_pymod_urllib_error)},
        {"urllib.request", nullptr, pymod_text(interleave_pymod_urllib_request)},
        {"concurrent", nullptr, ""},
        {"concurrent.futures", nullptr, pymod_text(interleave_pymod_concurrent_futures)},
        {"concurrent.futures._base", nullptr, pymod_text(interleave_pymod_concurrent_futures_base)},
        {"concurrent.futures.process", nullptr,
         pymod_text(interleave_pymod_concurrent_futures_process)},
        {"concurrent.futures.thread", nullptr,
         pymod_text(interleave_pymod_concurrent_futures_thread)},
        {"_thread", init__thread},
        {"threading", init_threading, kThreadingSource},
        {"queue", nullptr, kQueueSource},
    };
    return kModules;
}

}  // namespace interleave::python
