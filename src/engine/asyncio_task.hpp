// Interleave engine — asyncio internals: the coroutine type Task<T>, scheduled tasks
// (TaskHandle<T>) and the event loop they run on. Public API: asyncio.hpp.
//
// How a task runs: the loop keeps a ready queue of tasks; a *step* resumes one task until it
// suspends on an awaitable (sleep, Queue.get, Event.wait, another task, a thread's Future).
// Resumption is trampolined: starting a child coroutine (`co_await child()`) and returning
// from it go through the loop's step loop, never through nested resume() calls, so a long
// chain of synchronously finishing coroutines cannot grow the stack (wasm has no tail calls).
//
// Waking is by generation: every suspension gets a number; timers, queues and events keep
// (weak task, generation) entries, and a wake whose generation is stale is ignored. So a
// cancelled or timed-out wait never needs to be unlinked from every list it is on, and no list
// keeps a task (or its coroutine frame) alive.
//
// Thread-safety: everything here runs on the loop's thread, except Inbox::post (any thread).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "engine/coro.hpp"
#include "engine/future.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine {
class Runtime;
class ThreadPoolExecutor;
}  // namespace interleave::engine

namespace interleave::engine::asyncio {

// asyncio.CancelledError and TimeoutError are engine::CancelledError / engine::TimeoutError,
// so one catch clause serves threads and coroutines alike.
using engine::CancelledError;
using engine::TimeoutError;
// asyncio.InvalidStateError: result() of a task that is not done.
struct InvalidStateError : std::logic_error {
    using std::logic_error::logic_error;
};

template <class T = void>
class Task;
template <class T = void>
class TaskHandle;

namespace detail {

class Loop;
class TaskBase;
struct PromiseBase;

struct WaitEntry {
    std::weak_ptr<TaskBase> task;
    uint64_t gen = 0;
};
// Wakes the entry's task if it is still waiting on that suspension. Returns true if it woke.
bool wake_entry(const WaitEntry& e);

// A scheduled task (asyncio.Task): owns the root coroutine frame until the task is done.
class TaskBase : public std::enable_shared_from_this<TaskBase> {
  public:
    enum class Status : uint8_t { pending, finished, cancelled };
    virtual ~TaskBase();
    bool done() const { return status != Status::pending; }

    // Suspends the current step on an awaitable: remembers where to resume and returns the
    // suspension's generation. If a cancel is pending the task is rescheduled at once.
    uint64_t suspend(coro::coroutine_handle<> h);
    // Reschedules the task if it still waits on suspension `gen`.
    bool wake(uint64_t gen);
    // Python's Task.cancel(): CancelledError is raised at the task's current await.
    bool cancel();
    // Moves the result out of the finished root promise (final_suspend of the root frame).
    virtual void take_result(PromiseBase& p) = 0;
    // Throws the stored exception / CancelledError; marks the exception retrieved.
    void rethrow_if_failed();

    Loop* loop = nullptr;
    Status status = Status::pending;
    bool started = false;
    bool waiting = false;
    bool cancel_requested = false;
    bool retrieved = false;
    uint64_t wait_gen = 0;
    uint64_t done_seq = 0;  // completion order, for gather's "first exception"
    uint32_t trace_task = 0;
    size_t registry_index = 0;
    coro::coroutine_handle<> frame;         // root frame, owned
    coro::coroutine_handle<> resume_point;  // where the next step continues
    coro::coroutine_handle<> next;          // trampoline: resume this next, in the same step
    std::exception_ptr error;
    std::vector<WaitEntry> waiters;  // tasks awaiting this one
    std::string name;
};

template <class T>
using Wire = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// Posts from other threads (a thread's Future completing) into the loop. Shared, so a late post
// after the loop ended is harmless.
class Inbox {
  public:
    void post(WaitEntry e);
    std::vector<WaitEntry> take();
    bool has_items() const { return has_.load(std::memory_order_acquire); }

    std::mutex m;
    WaitCv cv;
    std::vector<WaitEntry> items;  // guarded by m
    bool closed = false;           // guarded by m

  private:
    std::atomic<bool> has_{false};
};

// The event loop (one per asyncio::run, on the calling worker).
class Loop {
  public:
    explicit Loop(Runtime& rt);
    ~Loop();  // destroys every pending coroutine frame
    Loop(const Loop&) = delete;
    Loop& operator=(const Loop&) = delete;

    static Loop* current() noexcept;  // the calling thread's running loop, or nullptr
    static Loop& running();           // ... or throws RuntimeError-like std::logic_error

    TaskBase* current_task() const noexcept { return current_; }
    Runtime& runtime() { return rt_; }
    void schedule(TaskBase* t) { ready_.push_back(t); }
    void add_timer(double delay_s, TaskBase& t, uint64_t gen);
    // Registers a new task (its frame already set) and schedules its first step.
    void adopt(const std::shared_ptr<TaskBase>& t, std::string name);
    void run_until_done(TaskBase& main);
    // asyncio.run's epilogue: cancel what is left, let it finish, shut the default executor.
    void finish();
    const std::shared_ptr<Inbox>& inbox() const { return inbox_; }
    ThreadPoolExecutor& default_executor();
    uint64_t next_done_seq() { return ++done_seq_; }
    uint32_t next_task_number() { return ++task_numbers_; }

  private:
    struct Timer {
        int64_t when_ns;
        uint64_t seq;
        WaitEntry entry;
        bool operator>(const Timer& o) const {
            return when_ns != o.when_ns ? when_ns > o.when_ns : seq > o.seq;
        }
    };
    template <class Done>
    void run_until(Done done);
    void step(TaskBase* t);
    void retire(TaskBase* t);
    void run_timers();
    void drain_inbox();
    void idle_wait();
    void trace_switch(TaskBase* t);
    void destroy_all() noexcept;

    Runtime& rt_;
    std::deque<TaskBase*> ready_;  // pending tasks only: the registry keeps them alive
    std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> timers_;
    uint64_t timer_seq_ = 0;
    std::vector<std::shared_ptr<TaskBase>> registry_;  // every pending task
    std::shared_ptr<Inbox> inbox_;
    TaskBase* current_ = nullptr;
    uint32_t traced_ = 0;  // task whose span is open on the trace (coalesces repeated steps)
    uint64_t done_seq_ = 0;
    uint32_t task_numbers_ = 0;
    std::vector<std::shared_ptr<TaskBase>> failed_;  // finished with an exception
    std::unique_ptr<ThreadPoolExecutor> executor_;
};

extern thread_local Loop* tl_loop;  // the calling thread's running loop
[[noreturn]] void no_running_loop();
[[noreturn]] void throw_cancelled(TaskBase& t);

// The current task, for awaitables. Throws if no loop is running on this thread.
inline TaskBase& current_task() {
    Loop* l = tl_loop;
    if (!l || !l->current_task()) [[unlikely]]
        no_running_loop();
    return *l->current_task();
}
// At resumption: raise CancelledError if a cancel was delivered to the current task.
inline void check_cancel() {
    TaskBase& t = current_task();
    if (t.cancel_requested) [[unlikely]]
        throw_cancelled(t);
}
bool is_cancelled_error(const std::exception_ptr& e);

// --- Promise -----------------------------------------------------------------------------------
struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(coro::coroutine_handle<P> h) noexcept {
        PromiseBase& p = h.promise();
        finish(p);
    }
    void await_resume() const noexcept {}
    static void finish(PromiseBase& p) noexcept;
};

struct PromiseBase {
    coro::coroutine_handle<> continuation;  // the awaiting parent (inline `co_await child()`)
    TaskBase* root = nullptr;               // set when this frame is a scheduled task's root
    std::exception_ptr error;

    coro::suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    // Stored, never inspected here (no rethrow inside the handler: Emscripten's JS exceptions
    // mis-count such nesting). A RunStopped is noticed by the loop through stop_requested().
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <class T>
struct Promise : PromiseBase {
    std::optional<T> value;
    Task<T> get_return_object() noexcept;
    template <class U>
    void return_value(U&& v) {
        value.emplace(std::forward<U>(v));
    }
    T take() {
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }
};

template <>
struct Promise<void> : PromiseBase {
    Task<void> get_return_object() noexcept;
    void return_void() const noexcept {}
    void take() {
        if (error) std::rethrow_exception(error);
    }
};

template <class T>
class TaskState final : public TaskBase {
  public:
    void take_result(PromiseBase& p) override {
        auto& pr = static_cast<Promise<T>&>(p);
        if (pr.error) {
            error = pr.error;
        } else if constexpr (!std::is_void_v<T>) {
            value = std::move(pr.value);
        }
    }
    T result() {
        rethrow_if_failed();
        if constexpr (!std::is_void_v<T>) return *value;
    }
    std::optional<Wire<T>> value;
};

}  // namespace detail

// The coroutine type: `asyncio::Task<int> fetch(std::string url) { ...; co_return 42; }`.
// Like a Python coroutine object it does nothing until awaited (`co_await fetch(u)`, runs
// inline in the awaiting task) or scheduled (create_task / gather / asyncio::run). Move-only;
// destroying an un-started Task frees its frame.
template <class T>
class [[nodiscard]] Task {
  public:
    using promise_type = detail::Promise<T>;
    using handle = coro::coroutine_handle<promise_type>;

    Task() = default;
    explicit Task(handle h) noexcept : h_(h) {}
    Task(Task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
    Task& operator=(Task&& o) noexcept {
        if (this != &o) {
            if (h_) h_.destroy();
            h_ = std::exchange(o.h_, {});
        }
        return *this;
    }
    ~Task() {
        if (h_) h_.destroy();
    }

    struct Awaiter {
        handle h;
        bool await_ready() const noexcept { return false; }
        void await_suspend(coro::coroutine_handle<> parent) {
            h.promise().continuation = parent;
            detail::current_task().next = h;  // the step loop starts the child
        }
        T await_resume() { return h.promise().take(); }
    };
    Awaiter operator co_await() && noexcept { return Awaiter{h_}; }

    handle release() noexcept { return std::exchange(h_, {}); }
    bool valid() const noexcept { return static_cast<bool>(h_); }

  private:
    handle h_;
};

namespace detail {
template <class T>
Task<T> Promise<T>::get_return_object() noexcept {
    return Task<T>(coro::coroutine_handle<Promise<T>>::from_promise(*this));
}
inline Task<void> Promise<void>::get_return_object() noexcept {
    return Task<void>(coro::coroutine_handle<Promise<void>>::from_promise(*this));
}
}  // namespace detail

// asyncio.Task: a coroutine scheduled on the loop (create_task). Awaiting it yields its result
// (or raises its exception / CancelledError). Cheap shared handle. Loop thread only.
template <class T>
class TaskHandle {
  public:
    TaskHandle() = default;
    explicit TaskHandle(std::shared_ptr<detail::TaskState<T>> s) : s_(std::move(s)) {}

    bool done() const { return s_->done(); }
    bool cancelled() const { return s_->status == detail::TaskBase::Status::cancelled; }
    bool cancel() { return s_->cancel(); }
    const std::string& get_name() const { return s_->name; }
    // The result; raises the task's exception, CancelledError, or InvalidStateError if pending.
    T result() const {
        if (!s_->done()) throw InvalidStateError("Result is not set.");
        return s_->result();
    }
    // The task's exception (nullptr if none); raises CancelledError / InvalidStateError.
    std::exception_ptr exception() const {
        if (!s_->done()) throw InvalidStateError("Exception is not set.");
        if (cancelled()) throw CancelledError();
        s_->retrieved = true;
        return s_->error;
    }

    struct Awaiter {
        std::shared_ptr<detail::TaskState<T>> s;
        bool await_ready() const noexcept { return s->done(); }
        void await_suspend(coro::coroutine_handle<> h) {
            auto& me = detail::current_task();
            const uint64_t gen = me.suspend(h);
            s->waiters.push_back({me.weak_from_this(), gen});
        }
        T await_resume() {
            detail::check_cancel();  // woken by a cancel of the awaiting task
            return s->result();
        }
    };
    Awaiter operator co_await() const noexcept { return Awaiter{s_}; }

    const std::shared_ptr<detail::TaskState<T>>& state() const { return s_; }

  private:
    std::shared_ptr<detail::TaskState<T>> s_;
};

}  // namespace interleave::engine::asyncio
