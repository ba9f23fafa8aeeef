// Interleave engine — the asyncio event loop (see asyncio.hpp, asyncio_task.hpp).
#include "engine/asyncio.hpp"

#include <algorithm>
#include <cmath>

#include "engine/runtime.hpp"

namespace interleave::engine::asyncio::detail {

thread_local Loop* tl_loop = nullptr;

bool is_cancelled_error(const std::exception_ptr& e) {
    if (!e) return false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
    }
    return false;
}

// --- TaskBase --------------------------------------------------------------------------------

TaskBase::~TaskBase() {
    // Normally retired (frame destroyed) by the loop; a task dropped without a loop still frees.
    if (frame) frame.destroy();
}

uint64_t TaskBase::suspend(coro::coroutine_handle<> h) {
    resume_point = h;
    waiting = true;
    const uint64_t g = wait_gen;
    // Python's _must_cancel: a cancel that arrived while running is delivered at this await.
    if (cancel_requested) wake(g);
    return g;
}

bool TaskBase::wake(uint64_t gen) {
    if (!waiting || gen != wait_gen || done() || !loop) return false;
    waiting = false;
    ++wait_gen;
    loop->schedule(this);
    return true;
}

bool TaskBase::cancel() {
    if (done()) return false;
    cancel_requested = true;
    if (waiting) wake(wait_gen);
    return true;
}

void TaskBase::rethrow_if_failed() {
    retrieved = true;
    if (status == Status::cancelled) throw CancelledError();
    if (error) std::rethrow_exception(error);
}

bool wake_entry(const WaitEntry& e) {
    auto t = e.task.lock();
    return t && t->wake(e.gen);
}

void no_running_loop() {
    throw std::logic_error("no running event loop (await outside asyncio::run)");
}

void throw_cancelled(TaskBase& t) {
    t.cancel_requested = false;  // delivered once, like Python's CancelledError
    throw CancelledError();
}

void FinalAwaiter::finish(PromiseBase& p) noexcept {
    if (p.continuation) {
        // Back to the awaiting coroutine, through the step loop (no nested resume).
        tl_loop->current_task()->next = p.continuation;
        return;
    }
    if (TaskBase* t = p.root) {
        t->take_result(p);
        t->status =
            is_cancelled_error(t->error) ? TaskBase::Status::cancelled : TaskBase::Status::finished;
        t->done_seq = t->loop->next_done_seq();
    }
}

void sleep_suspend(coro::coroutine_handle<> h, double seconds) {
    TaskBase& t = current_task();
    const uint64_t gen = t.suspend(h);
    if (!t.waiting) return;  // a pending cancel rescheduled it already
    if (seconds <= 0 || std::isnan(seconds))
        t.wake(gen);  // sleep(0): to the back of the ready queue
    else
        t.loop->add_timer(seconds, t, gen);
}

void WaitAny::await_suspend(coro::coroutine_handle<> h) {
    TaskBase& me = current_task();
    const uint64_t gen = me.suspend(h);
    for (auto* t : *ts)
        if (!t->done()) t->waiters.push_back({me.weak_from_this(), gen});
    if (timeout_s >= 0 && me.waiting) me.loop->add_timer(timeout_s, me, gen);
}

Task<void> gather_wait(std::vector<std::shared_ptr<TaskBase>> ts) {
    std::vector<TaskBase*> pending;
    for (;;) {
        TaskBase* failed = nullptr;
        pending.clear();
        for (auto& t : ts) {
            if (!t->done()) {
                pending.push_back(t.get());
            } else if ((t->error || t->status == TaskBase::Status::cancelled) &&
                       (!failed || t->done_seq < failed->done_seq)) {
                failed = t.get();
            }
        }
        if (failed) failed->rethrow_if_failed();
        if (pending.empty()) co_return;
        try {
            co_await WaitAny{&pending, -1};
        } catch (...) {
            // gather itself was cancelled: so are its children (Python's _GatheringFuture).
            for (auto& t : ts) t->cancel();
            throw;
        }
    }
}

// --- Inbox -----------------------------------------------------------------------------------

void Inbox::post(WaitEntry e) {
    {
        std::lock_guard<std::mutex> g(m);
        if (closed) return;
        items.push_back(std::move(e));
        has_.store(true, std::memory_order_release);
    }
    cv.notify_one();
}

std::vector<WaitEntry> Inbox::take() {
    std::lock_guard<std::mutex> g(m);
    has_.store(false, std::memory_order_relaxed);
    return std::move(items);
}

// --- Loop ------------------------------------------------------------------------------------

Loop::Loop(Runtime& rt) : rt_(rt), inbox_(std::make_shared<Inbox>()) {
    if (tl_loop) throw std::logic_error("asyncio.run() cannot be called from a running event loop");
    tl_loop = this;
}

Loop::~Loop() {
    destroy_all();
    // Workers of the default executor may still post; the inbox outlives us (shared) and is
    // closed so late posts are dropped. The executor's destructor joins its threads.
    {
        std::lock_guard<std::mutex> g(inbox_->m);
        inbox_->closed = true;
        inbox_->items.clear();
    }
    executor_.reset();
    if (traced_) {
        try {
            rt_.end_task();
        } catch (...) {
        }
    }
    tl_loop = nullptr;
}

Loop* Loop::current() noexcept {
    return tl_loop;
}

Loop& Loop::running() {
    if (!tl_loop) throw std::logic_error("no running event loop");
    return *tl_loop;
}

void Loop::add_timer(double delay_s, TaskBase& t, uint64_t gen) {
    timers_.push(Timer{rt_.deadline_after(delay_s), timer_seq_++,
                       WaitEntry{t.weak_from_this(), gen}});
}

void Loop::adopt(const std::shared_ptr<TaskBase>& t, std::string name) {
    t->loop = this;
    t->name = name.empty() ? "Async Task " + std::to_string(next_task_number()) : std::move(name);
    t->trace_task = rt_.new_task(t->name);
    t->registry_index = registry_.size();
    registry_.push_back(t);
    t->resume_point = t->frame;
    schedule(t.get());
}

void Loop::trace_switch(TaskBase* t) {
    if (traced_ == t->trace_task) return;  // same task again: its span simply continues
    if (traced_)
        rt_.switch_task(t->trace_task);
    else
        rt_.begin_task(t->trace_task);
    traced_ = t->trace_task;
}

void Loop::step(TaskBase* t) {
    trace_switch(t);
    current_ = t;
    if (!t->started) {
        t->started = true;
        if (t->cancel_requested) {  // cancelled before it ever ran: the coroutine never starts
            t->cancel_requested = false;
            t->status = TaskBase::Status::cancelled;
            t->done_seq = next_done_seq();
            current_ = nullptr;
            retire(t);
            return;
        }
    }
    coro::coroutine_handle<> h = std::exchange(t->resume_point, {});
    // The trampoline: child starts and returns to parents are queued in t->next by the
    // awaiters and resumed here, so the native stack stays flat.
    while (h) {
        t->next = {};
        h.resume();
        h = std::exchange(t->next, {});
    }
    current_ = nullptr;
    if (t->done()) retire(t);
    // A RunStopped raised inside the step (a kernel in a coroutine) was stored as the task's
    // error; the loop itself leaves here.
    if (rt_.stop_requested()) throw RunStopped{};
}

void Loop::retire(TaskBase* t) {
    std::shared_ptr<TaskBase> keep = registry_[t->registry_index];
    if (t->frame) std::exchange(t->frame, {}).destroy();
    const size_t i = t->registry_index;
    if (i + 1 != registry_.size()) {
        registry_[i] = std::move(registry_.back());
        registry_[i]->registry_index = i;
    }
    registry_.pop_back();
    auto ws = std::move(t->waiters);
    t->waiters.clear();
    for (auto& w : ws) wake_entry(w);
    if (t->error && t->status == TaskBase::Status::finished) failed_.push_back(keep);
}

void Loop::run_timers() {
    if (timers_.empty()) return;
    const int64_t now = rt_.now_ns();
    while (!timers_.empty() && timers_.top().when_ns <= now) {
        WaitEntry e = timers_.top().entry;
        timers_.pop();
        wake_entry(e);
    }
}

void Loop::drain_inbox() {
    for (auto& e : inbox_->take()) wake_entry(e);
}

void Loop::idle_wait() {
    if (traced_) {
        rt_.end_task();
        traced_ = 0;
    }
    std::unique_lock<std::mutex> lk(inbox_->m);
    const int64_t deadline = timers_.empty() ? Runtime::kNever : timers_.top().when_ns;
    static const WaitTarget target{"asyncio event loop (every task waits, no timer pending)", {}};
    rt_.block_until_deadline(lk, inbox_->cv, WorkerState::idle, target, deadline,
                             [this] { return !inbox_->items.empty(); });
}

template <class Done>
void Loop::run_until(Done done) {
    for (;;) {
        if (done()) return;
        if (inbox_->has_items()) drain_inbox();
        run_timers();
        if (ready_.empty()) {
            idle_wait();
            continue;
        }
        // One batch: the tasks ready now (as asyncio's _run_once); newly ready ones wait for
        // the next batch, after timers and the inbox were looked at.
        for (size_t n = ready_.size(); n > 0 && !ready_.empty(); --n) {
            TaskBase* t = ready_.front();
            ready_.pop_front();
            rt_.checkpoint();  // stop, and the GIL's drop request, between steps
            step(t);
        }
    }
}

void Loop::run_until_done(TaskBase& main) {
    run_until([&main] { return main.done(); });
}

void Loop::finish() {
    for (auto& t : std::vector<std::shared_ptr<TaskBase>>(registry_)) t->cancel();
    run_until([this] { return registry_.empty(); });
    for (auto& t : failed_) {
        if (t->retrieved || t->name == "Async main") continue;
        std::string what = "unknown exception";
        try {
            std::rethrow_exception(t->error);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        rt_.notice("Task exception was never retrieved: " + t->name + ": " + what);
    }
    failed_.clear();
    if (executor_) executor_->shutdown(true);
    if (traced_) {
        rt_.end_task();
        traced_ = 0;
    }
}

void Loop::destroy_all() noexcept {
    ready_.clear();
    timers_ = {};
    auto all = std::move(registry_);
    registry_.clear();
    // Destroying a root frame destroys its locals, including the child coroutines it awaits,
    // so the whole await chain goes. Tasks referring to each other are fine: every frame is
    // destroyed explicitly, whatever the reference counts.
    for (auto& t : all)
        if (t->frame) std::exchange(t->frame, {}).destroy();
    // Handles may outlive the loop: leave their tasks cancelled and detached from it.
    for (auto& t : all) {
        if (!t->done()) t->status = TaskBase::Status::cancelled;
        t->waiting = false;
        t->loop = nullptr;
    }
    all.clear();
    failed_.clear();
}

ThreadPoolExecutor& Loop::default_executor() {
    if (!executor_) executor_ = std::make_unique<ThreadPoolExecutor>(0, "asyncio");
    return *executor_;
}

ThreadPoolExecutor& default_executor() {
    return Loop::running().default_executor();
}

}  // namespace interleave::engine::asyncio::detail
