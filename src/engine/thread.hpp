// Interleave engine — Thread, as Python's threading.Thread.
//
//   Thread t([]{ ... }, "Thread-1");  // name optional: "Thread-N", numbered per run from 1
//   t.start(); t.join();               // join(timeout) like Python; is_alive(), name()
//
// Each Thread is one OS thread (a Web Worker in the browser) registered as a worker of the
// current run, with one task (named like the thread unless task_name is given) traced on it.
// It belongs to the simulated process of the worker that created it and shares its GIL.
// An exception escaping the target becomes a notice "Exception in thread NAME: what" (CPython
// prints it and carries on); RunStopped ends the thread quietly.
//
// Modelled: start-once, join with timeout, join-before-start / join-self errors, is_alive,
// auto names ✓, "can't start new thread" past RunLimits::threads ✓. Shutdown ✓: the destructor of a still-running non-daemon Thread waits for it,
// as interpreter shutdown waits for non-daemon threads; a daemon thread outlives its Thread
// object and is stopped where it is once only daemon threads are left, and the run finishes
// (so what a daemon's target captures must outlive the creating frame: share it). Without
// an explicit `daemon`, a thread is a daemon if the thread that creates it is ✓.
//
// Thread-safety: construct/start in a worker of a run; join/is_alive from any worker of the
// same run. Not copyable or movable (the OS thread refers to it).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "engine/runtime.hpp"

namespace interleave::engine {

// Python's RuntimeError (wrong use of a primitive: double start, releasing an unlocked lock).
struct RuntimeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Thread {
  public:
    // daemon: std::nullopt = the creating thread's (Python's daemon=None).
    explicit Thread(std::function<void()> target, std::string name = {},
                    std::optional<bool> daemon = std::nullopt, std::string task_name = {});
    ~Thread();  // waits for a still-running non-daemon thread (see above) unless detached
    Thread(const Thread&) = delete;
    Thread& operator=(const Thread&) = delete;

    // RuntimeError if started twice, or "can't start new thread" past RunLimits::threads or
    // when the OS (the browser's worker pool) has none to give.
    void start();
    // Waits until the thread ends or `timeout_s` passes (< 0: forever). Returns !is_alive().
    // RuntimeError if not started or joining itself. Releases the GIL while waiting.
    bool join(double timeout_s = -1);
    bool is_alive() const;
    const std::string& name() const { return name_; }
    bool daemon() const { return daemon_; }
    uint32_t task() const { return task_; }  // trace task id (0 until start())
    int worker() const { return worker_; }   // its worker id once started, else -1
    // Lets the thread go on without this object (a GC dropping the handle): never blocks; the
    // run joins the OS thread when it ends. What the target captures must outlive it.
    void detach() noexcept;

  private:
    std::function<void()> target_;
    std::string name_, task_name_;
    bool daemon_;
    std::atomic<bool> started_{false};  // read by is_alive()/join() from other workers
    bool detached_ = false;
    std::atomic<int> worker_{-1};
    uint32_t task_ = 0;
    Runtime* rt_ = nullptr;
    std::mutex os_mu_;  // guards os_ joining
    WorkerThread os_;
};

}  // namespace interleave::engine
