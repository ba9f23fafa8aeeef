// Starting a Python callable on a new engine worker thread with a fresh ThreadState — the one
// spawn path of every Python-level thread: threading.Thread, _thread.start_new_thread,
// ThreadPoolExecutor workers, asyncio.to_thread's executor (PYTHON.md §6 "Threads and frames").
//
//   ThreadStartOptions o;
//   o.name = "Thread-1 (worker)";                       // the trace lane, deadlock reports
//   auto h = start_thread(ts, callable, args_tuple, kwargs_dict_or_null, o);
//   if (!h) return Value::null();                       // RuntimeError raised
//   ...
//   if (!h->join(ts, -1)) return Value::null();         // stopping (ts.stopped set)
//
// The new thread is an engine worker (Runtime::spawn_worker, daemon flag included) in the
// caller's simulated process, sharing ts.interp (heap, modules, GIL). It starts holding the
// process's GIL (or free-threaded), builds its ThreadState, calls callable(*args, **kwargs),
// and ends. The Interp must be owned by a std::shared_ptr (run_main's is): each thread keeps
// it alive, so a daemon thread still running when the main thread returns never touches a
// destroyed interpreter; the last owner destroys it on its own worker.
//
// What happens to an exception escaping the callable: SystemExit ends the thread quietly
// (as CPython's _thread); a stop (ts.stopped) unwinds without output; anything else goes to
// `on_exception` if set, else is printed as CPython 3.11's _thread prints it
// ("Exception ignored in thread started by: <repr of callable>" and the traceback).
//
// Thread-safety: start_thread on a thread of the interpreter holding its GIL (or attached when
// free-threaded); a handle's members from any thread of the same interpreter.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "engine/runtime.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

struct ThreadStartOptions {
    std::string name;  // the engine worker's name; empty: "Thread-N" from the run's counter
    bool daemon = false;
    engine::WorkerKind kind = engine::WorkerKind::thread;
    // Becomes the new ThreadState's thread_obj (threading.Thread), kept reachable meanwhile.
    Value thread_obj = Value::null();
    // Called on the new thread (holding the GIL) with the exception the callable raised
    // (never for SystemExit or a stop). May run Python code; errors inside are dropped.
    void (*on_exception)(ThreadState& ts, Value callable, Value exc) = nullptr;
};

// A started Python thread. Owned by shared_ptr; dropping the last reference never blocks
// (an unjoined OS thread is handed to the run, which joins it when the run ends).
class PyThreadHandle {
  public:
    PyThreadHandle(engine::Runtime& rt, engine::WorkerThread os, uint16_t worker);
    PyThreadHandle(const PyThreadHandle&) = delete;
    PyThreadHandle& operator=(const PyThreadHandle&) = delete;

    uint16_t worker() const noexcept { return worker_; }
    int64_t ident() const noexcept;
    int64_t native_id() const noexcept;
    // Waits until the thread has ended or `timeout_s` passed (< 0: no timeout): the GIL is
    // released meanwhile, the wait is traced (lock_wait) and deadlock-visible
    // ("Thread-2.join()"). Returns 1 if it ended, 0 on timeout, -1 when the run is stopping
    // (ts.stopped is then set: unwind). Call on a thread of the interpreter.
    int join(ThreadState& ts, double timeout_s);
    bool is_alive() const;  // any thread

  private:
    engine::Runtime& rt_;
    std::mutex os_mu_;  // one joiner at a time reaps the OS thread
    engine::WorkerThread os_;
    uint16_t worker_;
};

// Starts callable(*args, **kwargs) (args: a tuple or null for none; kwargs: a dict or null) on
// a new engine worker thread with a fresh ThreadState on ts.interp. Returns the handle, or
// nullptr with an exception set: RuntimeError "can't start new thread" (past
// RunLimits::threads, or no OS thread / Web Worker to give), RuntimeError when there is no
// engine run (run_detached) or the interpreter is finalizing. Cost: one OS thread start
// (~50 µs natively; a pooled Web Worker in the browser) plus a ThreadState.
std::shared_ptr<PyThreadHandle> start_thread(ThreadState& ts, Value callable, Value args,
                                             Value kwargs, ThreadStartOptions options);

// After a blocking call re-took the GIL (or at the eval breaker): false, with the stop status
// raised, if the thread must unwind — the run is stopping, or a spawned thread got the GIL
// back after interpreter shutdown began (CPython 3.11's daemon threads exit in take_gil).
bool thread_may_continue(ThreadState& ts);

// threading.get_ident() / get_native_id() of the thread running on engine worker `worker`:
// stable numbers shaped like CPython's (a pthread_t-sized ident, a small TID), the same in
// every run of a program.
int64_t thread_ident_of(uint16_t worker) noexcept;
int64_t thread_native_id_of(uint16_t worker) noexcept;
// The calling thread's ident (the main thread's when there is no engine run).
int64_t current_thread_ident(ThreadState& ts) noexcept;

}  // namespace interleave::python
