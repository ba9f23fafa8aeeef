// Thread: a worker OS thread with Python's start/join semantics.
#include "engine/thread.hpp"

#include <system_error>

#include "engine/runtime_impl.hpp"

namespace interleave::engine {

Thread::Thread(std::function<void()> target, std::string name, std::optional<bool> daemon,
               std::string task_name)
    : target_(std::move(target)), name_(std::move(name)), task_name_(std::move(task_name)) {
    rt_ = &Runtime::current();
    daemon_ = daemon ? *daemon : current_worker()->record->daemon;
    if (name_.empty()) name_ = "Thread-" + std::to_string(rt_->next_thread_number());
    if (task_name_.empty()) task_name_ = name_;
}

Thread::~Thread() {
    if (!started_) return;
    if (daemon_ && is_alive() && !rt_->stop_requested()) {
        // Python: a daemon thread outlives its Thread object and is stopped at shutdown. Its
        // OS thread refers to nothing of ours; the run joins it when it ends. (C++ bodies: what
        // a daemon target captures must outlive the frame, e.g. by shared_ptr.) A stopping run
        // joins instead, below: the frame's locals may be what the thread still waits on.
        std::lock_guard<std::mutex> g(os_mu_);
        if (os_.joinable()) rt_->adopt_thread(std::move(os_));
        return;
    }
    WorkerContext* c = current_worker();
    // Like interpreter shutdown: wait for the thread (GIL released, deadlock-visible). When the
    // run is stopping the thread exits by itself within a tick.
    if (c && c->runtime == rt_ && !rt_->stop_requested()) {
        try {
            join();
        } catch (...) {
        }
    }
    std::lock_guard<std::mutex> g(os_mu_);
    if (os_.joinable()) os_.join();
}

void Thread::start() {
    if (started_) throw RuntimeError("threads can only be started once");
    WorkerContext* c = current_worker();
    if (!c || c->runtime != rt_) throw std::logic_error("Thread::start outside its run");
    task_ = rt_->new_task(task_name_);
    started_ = true;
    auto st = st_;
    auto target = target_;
    Runtime* rt = rt_;
    uint32_t task = task_;
    auto fn = [st, target, rt, task] {
        struct Finish {  // set even when the target throws or the run stops
            State* s;
            ~Finish() {
                {
                    std::lock_guard<std::mutex> g(s->m);
                    s->finished = true;
                }
                s->cv.notify_all();
            }
        } finish{st.get()};
        {
            std::lock_guard<std::mutex> g(st->m);
            st->worker = current_worker()->worker;
        }
        rt->begin_task(task);
        target();
        rt->end_task();
    };
    try {
        os_ = rt_->spawn_worker(name_, WorkerKind::thread, c->process, std::move(fn), daemon_);
    } catch (const std::system_error&) {
        // Out of OS threads (in the browser: the worker pool is exhausted). Python says this.
        started_ = false;
        throw RuntimeError("can't start new thread");
    }
}

bool Thread::join(double timeout_s) {
    if (!started_) throw RuntimeError("cannot join thread before it is started");
    WorkerContext* c = current_worker();
    {
        std::unique_lock<std::mutex> lk(st_->m);
        if (c && c->runtime == rt_ && st_->worker == c->worker)
            throw RuntimeError("cannot join current thread");
        if (!st_->finished) {
            Runtime& rt = c && c->runtime ? *c->runtime : *rt_;
            WaitTarget target{name_ + ".join()", {}};
            State* s = st_.get();
            if (!rt.block_until(lk, s->cv, WorkerState::lock_wait, target, timeout_s,
                                [s] { return s->finished; }))
                return false;
        }
    }
    std::lock_guard<std::mutex> g(os_mu_);
    if (os_.joinable()) os_.join();  // the thread is past its target: this is brief
    return true;
}

bool Thread::is_alive() const {
    if (!started_) return false;
    std::lock_guard<std::mutex> g(st_->m);
    return !st_->finished;
}

}  // namespace interleave::engine
