// Thread: a worker OS thread with Python's start/join semantics.
#include "engine/thread.hpp"

#include <system_error>

namespace interleave::engine {

Thread::Thread(std::function<void()> target, std::string name, std::optional<bool> daemon,
               std::string task_name)
    : target_(std::move(target)), name_(std::move(name)), task_name_(std::move(task_name)) {
    rt_ = &Runtime::current();
    daemon_ = daemon ? *daemon : current_worker()->is_daemon();
    if (name_.empty()) name_ = "Thread-" + std::to_string(rt_->next_thread_number());
    if (task_name_.empty()) task_name_ = name_;
}

Thread::~Thread() {
    if (!started_ || detached_) return;
    if (daemon_ && is_alive() && !rt_->stop_requested()) {
        // Python: a daemon thread outlives its Thread object and is stopped at shutdown. Its
        // OS thread refers to nothing of ours; the run joins it when it ends. (C++ bodies: what
        // a daemon target captures must outlive the frame, e.g. by shared_ptr.) A stopping run
        // joins instead, below: the frame's locals may be what the thread still waits on.
        detach();
        return;
    }
    WorkerContext* c = current_worker();
    // Like interpreter shutdown: wait for the thread (GIL released, deadlock-visible). When the
    // run is stopping the thread exits by itself within a tick.
    if (c && &c->runtime() == rt_ && !rt_->stop_requested()) {
        try {
            join();
        } catch (...) {
        }
    }
    // Stopping (or not on a worker): the thread ends by itself at its next cancellation
    // point, and this frame's locals may be what it still uses: wait for it (WorkerThread::join
    // never throws RunStopped, and on the simulated machine it gives the thread its turns).
    std::lock_guard<std::mutex> g(os_mu_);
    if (os_.joinable()) {
        try {
            os_.join();
        } catch (...) {
        }
    }
}

void Thread::detach() noexcept {
    std::lock_guard<std::mutex> g(os_mu_);
    detached_ = true;
    os_.detach();
}

void Thread::start() {
    if (started_) throw RuntimeError("threads can only be started once");
    WorkerContext* c = current_worker();
    if (!c || &c->runtime() != rt_) throw std::logic_error("Thread::start outside its run");
    task_ = rt_->new_task(task_name_);
    started_ = true;
    auto target = target_;
    Runtime* rt = rt_;
    const uint32_t task = task_;
    auto fn = [target, rt, task] {
        rt->begin_task(task);
        target();
        rt->end_task();
    };
    try {
        os_ = rt_->spawn_worker(name_, WorkerKind::thread, c->process(), std::move(fn), daemon_);
        worker_.store(os_.worker(), std::memory_order_release);
    } catch (const std::system_error&) {
        // Out of threads: RunLimits::threads, or in the browser the worker pool is exhausted.
        // Python says this.
        started_ = false;
        throw RuntimeError("can't start new thread");
    }
}

bool Thread::join(double timeout_s) {
    if (!started_) throw RuntimeError("cannot join thread before it is started");
    WorkerContext* c = current_worker();
    const int w = worker_.load(std::memory_order_acquire);
    if (c && &c->runtime() == rt_ && w == c->worker())
        throw RuntimeError("cannot join current thread");
    if (!rt_->wait_worker_exit(static_cast<uint16_t>(w), timeout_s)) return false;
    std::lock_guard<std::mutex> g(os_mu_);
    if (os_.joinable()) os_.join();  // the worker has ended: this is brief
    return true;
}

bool Thread::is_alive() const {
    if (!started_) return false;
    return rt_->worker_alive(static_cast<uint16_t>(worker_.load(std::memory_order_acquire)));
}

}  // namespace interleave::engine
