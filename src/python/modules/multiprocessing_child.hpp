// The child's side of multiprocessing.Process.start() (PYTHON.md §9, spawn semantics): a fresh
// interpreter in the new simulated process re-runs the main program as `__mp_main__` (so the
// `if __name__ == "__main__":` guard matters as with CPython's spawn), unpickles the Process
// object and runs multiprocessing._bootstrap on it, which prints "Process Process-1:" and the
// traceback when the target raises, as CPython 3.11's BaseProcess._bootstrap.
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
std::function<void(const engine::Pickled&)> make_child_entry(
    ThreadState& parent, std::shared_ptr<engine::detail::Channel> notify,
    engine::Pickled token_clean, engine::Pickled token_dirty);

// Drops the outermost traceback entries that belong to the interpreter's own Python modules
// (multiprocessing's _bootstrap and run), so a child's traceback shows the user's frames only.
void strip_internal_frames(ThreadState& ts, Value exc);

}  // namespace interleave::python
