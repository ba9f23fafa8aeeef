// The Python sources of multiprocessing and pickle (modules/registry.cpp
// registers them; each runs in its module's dict at first import, after its native init).
//
// What the playground's multiprocessing does (CPython 3.11's Lib/multiprocessing as the
// reference; PYTHON.md §9):
//   ✓ Process(target, args, kwargs, name, daemon): start/join(timeout)/is_alive/exitcode/pid/
//     terminate/kill/close, subclassing with run(), repr; each child is a fresh interpreter in
//     an engine process that re-runs the main program as __mp_main__ (spawn semantics: the
//     `if __name__ == "__main__":` guard matters; starting a process while re-running it raises
//     CPython's "An attempt has been made to start a new process..." RuntimeError); arguments
//     are really pickled (pickle_codec.hpp); "Process Process-1:" + the traceback on stderr when
//     the target raises; exit codes 0, sys.exit(n)'s n, 1, -15 (terminate), -9 (kill)
//   ✓ current_process, parent_process, active_children, cpu_count (the run's cores)
//   ✓ Queue/JoinableQueue/SimpleQueue (queue.Empty/Full), Pipe (duplex or one-way; EOFError once
//     every writing end is closed), Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event
//     (engine primitives shared across processes), Value/Array/RawValue/RawArray (typecodes;
//     get_lock()), Manager().dict()/list() (a server process; proxies pickle their requests)
//   ✓ Pool(processes, initializer, initargs): map/map_async/starmap/apply/apply_async
//     (callback, error_callback)/imap/imap_unordered/close/join/terminate, `with` (terminate),
//     "Pool not running"; results are collected while the parent waits on the pool
//   ✓ get_context/set_start_method/get_start_method/get_all_start_methods ("fork" is the
//     default name, as on Linux), TimeoutError, ProcessError
//   ✗ fork semantics: children never see the parent's state changed under the main guard
//     (mp_isolation, mp_spawn_context); Queue.put pickles at once (CPython's feeder thread
//     reports a pickling error on stderr instead); chunksize and maxtasksperchild are
//     accepted and ignored; RemoteTraceback causes; shared_memory, Listener/Client, logging
//
// concurrent.futures: modules/concurrent_futures*.py (embedded Python source).
#pragma once

namespace interleave::python {

extern const char* const kMultiprocessingSource;          // multiprocessing
extern const char* const kMultiprocessingPoolSource;      // multiprocessing.pool
extern const char* const kMultiprocessingManagersSource;  // multiprocessing.managers
extern const char* const kPickleSource;                    // pickle

}  // namespace interleave::python
