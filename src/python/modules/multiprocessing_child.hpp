// The child's side of multiprocessing.Process.start() (PYTHON.md §9): a fresh interpreter in
// the new simulated process re-runs the main program as `__mp_main__` (so the
// `if __name__ == "__main__":` guard matters as with CPython's spawn), unpickles the Process
// object and runs multiprocessing._bootstrap on it, which prints "Process Process-1:" and the
// traceback when the target raises, as CPython 3.11's BaseProcess._bootstrap.
//
// The 'fork' start method (CPython 3.11's default on Linux, and ours) is emulated on top: the
// re-run prints nothing (sys.stdout discards) and ends at the first process start it meets (so
// a program without the main guard works, as with a real fork); then the parent's main-module
// globals at start() (fork_globals) replace the child's, `__name__` is "__main__" and the main
// module's functions and classes say `__module__ == "__main__"`. What a real fork has and this
// lacks: globals that do not pickle (threads, threading locks, generators, open iterators:
// the child keeps its re-run's own values), the state of other modules (random's generator),
// identity between the parent's objects and the values the re-run made, and the re-run's side
// effects before its first start (time, threads it starts) happen again.
//
// Exit codes (the engine's ProcessCore records them): 0; sys.exit(n)'s n; 1 after an uncaught
// exception (in the target or while re-running the main program); -15/-9 when terminated or
// killed (the engine stops the child at its next checkpoint; no finally runs).
//
// Thread-safety: make_child_entry on the parent's Python thread; the entry runs on the child's
// worker. Cost: the child builds its interpreter and re-runs the main module (imports included).
#pragma once

#include <functional>
#include <memory>

#include "engine/process.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

// The entry for ProcessCore::start. When the child ends, however it ends, `notify` (if any)
// receives `token_clean` after a clean exit (code 0), otherwise `token_dirty`.
// fork: emulate the 'fork' start method (above); args then carry fork_globals' dict.
std::function<void(const engine::Pickled&)> make_child_entry(
    ThreadState& parent, std::shared_ptr<engine::detail::Channel> notify,
    engine::Pickled token_clean, engine::Pickled token_dirty, bool fork);

// The parent's side of an emulated fork: the main module's globals a child takes over, as a
// new dict: every one that pickles, except dunder names, modules, functions and classes (the
// child's re-run defines those again, and they pickle by name). Runs the values' pickling
// (user __reduce__ code too) once more to try it. Null with the exception raised on a stop or
// MemoryError.
Value fork_globals(ThreadState& ts);

// Drops the outermost traceback entries that belong to the interpreter's own Python modules
// (multiprocessing's _bootstrap and run), so a child's traceback shows the user's frames only.
void strip_internal_frames(ThreadState& ts, Value exc);

}  // namespace interleave::python
