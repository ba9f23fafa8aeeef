// Interleave engine — Future<T>: Python's concurrent.futures.Future.
//
// A Future is the handle to one unit of work submitted to an executor (executor.hpp): it is
// pending, then running, then finished (with a value or an exception), or cancelled before it
// ever ran. result() blocks through Runtime::block_until (state `queue_wait`), so a wait on a
// future that can never finish is reported as a deadlock instead of hanging.
//
//   result(timeout) ✓ (re-raises the task's exception, CancelledError, TimeoutError)
//   exception(timeout) ✓  done/cancel/cancelled/running ✓  add_done_callback ✓
//   wait(fs, timeout, FIRST_COMPLETED|FIRST_EXCEPTION|ALL_COMPLETED) ✓  as_completed ✓
//   set_result/set_exception by user code ✗ (only executors complete futures)
//
// Thread-safety: every member may be called from any worker of the run, concurrently. Calls
// that block (result, exception, wait, as_completed) must run on a worker of a Run. A Future is
// a cheap shared handle (one intrusive reference count): copies refer to the same state.
// Memory: the state, the work item and its arguments are a single allocation.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/slab.hpp"

namespace interleave::engine {

class Runtime;

// concurrent.futures.CancelledError: result() of a cancelled future.
struct CancelledError : std::runtime_error {
    CancelledError() : std::runtime_error("CancelledError") {}
    using std::runtime_error::runtime_error;
};
// TimeoutError (concurrent.futures.TimeoutError is the builtin since Python 3.11).
struct TimeoutError : std::runtime_error {
    TimeoutError() : std::runtime_error("TimeoutError") {}
    using std::runtime_error::runtime_error;
};

enum class FutureStatus : uint8_t { pending, running, cancelled, finished };

enum class ReturnWhen : uint8_t { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED };
inline constexpr ReturnWhen FIRST_COMPLETED = ReturnWhen::FIRST_COMPLETED;
inline constexpr ReturnWhen FIRST_EXCEPTION = ReturnWhen::FIRST_EXCEPTION;
inline constexpr ReturnWhen ALL_COMPLETED = ReturnWhen::ALL_COMPLETED;

namespace detail {

struct FutureWaiter;

// The type-erased part of every future: status, exception, blocking, callbacks, waiters. Also
// the executor's work item (run() + an intrusive queue link), so submit() allocates once.
class FutureCore {
  public:
    FutureCore();
    FutureCore(const FutureCore&) = delete;
    FutureCore& operator=(const FutureCore&) = delete;
    virtual ~FutureCore();

    // Every submit allocates one state: small ones come from the thread's slab (slab.hpp).
    static void* operator new(std::size_t n) {
        return n <= kSlabMaxObject ? slab_alloc(n) : ::operator new(n);
    }
    static void operator delete(void* p, std::size_t n) noexcept {
        if (n <= kSlabMaxObject)
            slab_free(p);
        else
            ::operator delete(p);
    }
    static void* operator new(std::size_t n, std::align_val_t a) { return ::operator new(n, a); }
    static void operator delete(void* p, std::size_t, std::align_val_t a) noexcept {
        ::operator delete(p, a);
    }

    void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
    // add_ref() while no other thread can see this state yet (submit): a plain store.
    void add_ref_unshared() noexcept {
        refs_.store(refs_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
    void release() noexcept {
        if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
    }

    FutureStatus status() const noexcept {
        return static_cast<FutureStatus>(state_.load(std::memory_order_acquire) & kStatusMask);
    }
    bool done() const noexcept {
        const auto s = status();
        return s == FutureStatus::cancelled || s == FutureStatus::finished;
    }
    bool has_exception() const noexcept { return done() && error_ != nullptr; }
    const std::exception_ptr& exception_ptr() const noexcept { return error_; }

    // Executor side. pending -> running; false if the future was cancelled (then skip it).
    bool set_running_or_notify_cancel() noexcept;
    // Stores the exception and completes. Call at most once, instead of finish().
    void set_exception(std::exception_ptr e);
    // The run stopped the task midway: completes as cancelled (result() then raises
    // RunStopped on a stopping run, CancelledError otherwise).
    void set_stopped() { complete(FutureStatus::cancelled); }
    // Publishes a stored result: status finished, wakes blocked threads, runs callbacks.
    void finish();

    bool cancel();  // Python's Future.cancel(): only while pending
    // Blocks until done or timeout (<0: none). Returns done(). Needs a run worker if it blocks.
    bool wait(double timeout_s, const char* what);
    void add_done_callback(std::function<void(FutureCore&)> cb);
    void add_waiter(const std::shared_ptr<FutureWaiter>& w);
    void remove_waiter(const FutureWaiter* w);

    // Work item: run the call and complete the future (set_result/finish or set_exception).
    // Runs on an executor's worker, inside a traced task. RunStopped must propagate without
    // completing the future: the executor completes it (cancelled on a stopping run,
    // BrokenProcessPool when its pool process was terminated). The interpreter's items
    // (PYTHON.md §9) subclass FutureState<T> and override this.
    virtual void run() {}

    FutureCore* next_ = nullptr;       // executor queue link (owned by the executor's lock)
    uint32_t index_ = 0;               // submit index within its executor ("Task <index>")
    std::atomic<uint32_t> worker_{0};  // 1 + id of the worker running it (0 = none), for reports
    Runtime* runtime_ = nullptr;       // the run it belongs to (set at construction on a worker)

  protected:
    std::exception_ptr error_;

  private:
    // state_: the status in the low bits, plus kWatched once a thread blocked in wait() or
    // installed a callback/waiter. Completing is one atomic exchange; only a watched future
    // takes its lot's mutex (see future.cpp), so the common submit/run/result path locks
    // nothing per future and a future carries no mutex or condition variable of its own.
    static constexpr uint8_t kStatusMask = 3, kWatched = 4;
    void complete(FutureStatus to);
    void completed();  // the watched path of complete(): wake sleepers, run extras
    // Installs a callback/waiter unless done (then returns false). future.cpp only.
    template <class Install>
    bool watch(Install install);
    std::atomic<uint32_t> refs_{1};
    std::atomic<uint8_t> state_{static_cast<uint8_t>(FutureStatus::pending)};
    struct Extras;  // callbacks and waiters: rare, allocated on first use, guarded by the lot
    std::unique_ptr<Extras> extras_;
};

// Intrusive reference to a FutureCore subclass.
template <class S>
class Ref {
  public:
    Ref() = default;
    explicit Ref(S* adopt) noexcept : p_(adopt) {}  // takes over one reference
    Ref(const Ref& o) noexcept : p_(o.p_) {
        if (p_) p_->add_ref();
    }
    Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    Ref& operator=(Ref o) noexcept {
        std::swap(p_, o.p_);
        return *this;
    }
    ~Ref() {
        if (p_) p_->release();
    }
    static Ref share(S* p) noexcept {
        p->add_ref();
        return Ref(p);
    }
    S* get() const noexcept { return p_; }
    S* operator->() const noexcept { return p_; }
    S& operator*() const noexcept { return *p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    S* leak() noexcept { return std::exchange(p_, nullptr); }

  private:
    S* p_ = nullptr;
};

template <class T>
class FutureState : public FutureCore {
  public:
    template <class... A>
    void set_result(A&&... v) {
        value_.emplace(std::forward<A>(v)...);
        finish();
    }
    const T& value() const { return *value_; }

  private:
    std::optional<T> value_;
};

template <>
class FutureState<void> : public FutureCore {
  public:
    void set_result() { finish(); }
};

// Blocks until the future is done (or times out), then rethrows what Python's result() raises.
void check_result(FutureCore& c, double timeout_s);
// Waits for several futures; `done` gets a flag per future. Used by wait()/as_completed.
struct WaitOutcome {
    std::vector<bool> done;
    size_t done_count = 0;
    void record(const std::vector<FutureCore*>& fs);  // fills both from fs, now
};
WaitOutcome wait_cores(const std::vector<FutureCore*>& fs, double timeout_s, ReturnWhen when);

// as_completed's engine: yields futures as they complete.
class CompletionQueue {
  public:
    CompletionQueue(std::vector<FutureCore*> fs, double timeout_s);
    ~CompletionQueue();
    CompletionQueue(const CompletionQueue&) = delete;
    CompletionQueue& operator=(const CompletionQueue&) = delete;
    // Index (into the constructor's list) of the next completed future, or -1 when all were
    // yielded. Throws TimeoutError past the deadline.
    long next();

  private:
    std::vector<FutureCore*> fs_;
    std::shared_ptr<FutureWaiter> waiter_;
    std::unordered_map<FutureCore*, size_t> index_;  // not yet yielded
    size_t cursor_ = 0;                              // into the waiter's completion list
    size_t remaining_;
    int64_t deadline_ns_;  // a run time (Runtime::now_ns), Runtime::kNever: none
};

}  // namespace detail

template <class T>
class [[nodiscard]] Future {
  public:
    using value_type = T;
    Future() = default;
    explicit Future(detail::Ref<detail::FutureState<T>> s) : s_(std::move(s)) {}

    bool valid() const noexcept { return static_cast<bool>(s_); }

    // The task's return value. Blocks until done; timeout_s < 0 waits forever. Raises the
    // task's exception, CancelledError if cancelled, TimeoutError if not done in time.
    T result(double timeout_s = -1) const {
        detail::check_result(*s_, timeout_s);
        if constexpr (!std::is_void_v<T>) return s_->value();
    }
    // The task's exception (nullptr if it returned normally). Blocks like result(); raises
    // CancelledError / TimeoutError, never the task's exception.
    std::exception_ptr exception(double timeout_s = -1) const {
        if (!s_->wait(timeout_s, "Future.exception()")) throw TimeoutError();
        if (s_->status() == FutureStatus::cancelled) throw CancelledError();
        return s_->exception_ptr();
    }
    bool done() const noexcept { return s_->done(); }
    bool running() const noexcept { return s_->status() == FutureStatus::running; }
    bool cancelled() const noexcept { return s_->status() == FutureStatus::cancelled; }
    // Cancels if it has not started; true if it is (now) cancelled.
    bool cancel() { return s_->cancel(); }
    // fn(Future<T>) runs when the future completes, on the thread that completes it (a pool
    // worker or the canceller), or at once on the caller if it is already done. Exceptions
    // from fn are swallowed (Python logs them).
    template <class F>
    void add_done_callback(F fn) {
        s_->add_done_callback([fn = std::move(fn)](detail::FutureCore& c) mutable {
            fn(Future(detail::Ref<detail::FutureState<T>>::share(
                static_cast<detail::FutureState<T>*>(&c))));
        });
    }

    detail::FutureCore* core() const noexcept { return s_.get(); }
    friend bool operator==(const Future& a, const Future& b) { return a.s_.get() == b.s_.get(); }

  private:
    detail::Ref<detail::FutureState<T>> s_;
};

// concurrent.futures.wait: partitions `fs` (input order kept) into done and not done.
template <class T>
struct DoneAndNotDone {
    std::vector<Future<T>> done;
    std::vector<Future<T>> not_done;
};

template <class T>
[[nodiscard]] DoneAndNotDone<T> wait(const std::vector<Future<T>>& fs, double timeout_s = -1,
                                     ReturnWhen return_when = ALL_COMPLETED) {
    std::vector<detail::FutureCore*> cores;
    cores.reserve(fs.size());
    for (const auto& f : fs) cores.push_back(f.core());
    auto outcome = detail::wait_cores(cores, timeout_s, return_when);
    DoneAndNotDone<T> r;
    if (outcome.done_count == fs.size()) {
        r.done = fs;  // the common case: one allocation, no growth
        return r;
    }
    for (size_t i = 0; i < fs.size(); ++i) (outcome.done[i] ? r.done : r.not_done).push_back(fs[i]);
    return r;
}

// concurrent.futures.as_completed: iterate futures in completion order (already-done first).
//   for (auto& f : as_completed(fs)) use(f.result());
// Iteration blocks; raises TimeoutError if `timeout_s` (from the call) passes first.
template <class T>
class AsCompleted {
  public:
    AsCompleted(std::vector<Future<T>> fs, double timeout_s)
        : fs_(std::move(fs)), q_(cores(fs_), timeout_s) {}

    std::optional<Future<T>> next() {
        const long i = q_.next();
        if (i < 0) return std::nullopt;
        return fs_[static_cast<size_t>(i)];
    }

    class iterator {
      public:
        using value_type = Future<T>;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        explicit iterator(AsCompleted* owner) : owner_(owner) { ++*this; }
        Future<T>& operator*() { return *cur_; }
        Future<T>* operator->() { return &*cur_; }
        iterator& operator++() {
            cur_ = owner_->next();
            if (!cur_) owner_ = nullptr;
            return *this;
        }
        bool operator==(const iterator& o) const { return owner_ == o.owner_; }
        bool operator!=(const iterator& o) const { return owner_ != o.owner_; }

      private:
        AsCompleted* owner_ = nullptr;
        std::optional<Future<T>> cur_;
    };
    iterator begin() { return iterator(this); }
    iterator end() { return iterator(); }

  private:
    static std::vector<detail::FutureCore*> cores(const std::vector<Future<T>>& fs) {
        std::vector<detail::FutureCore*> c;
        c.reserve(fs.size());
        for (const auto& f : fs) c.push_back(f.core());
        return c;
    }
    std::vector<Future<T>> fs_;
    detail::CompletionQueue q_;
};

template <class T>
[[nodiscard]] AsCompleted<T> as_completed(std::vector<Future<T>> fs, double timeout_s = -1) {
    return AsCompleted<T>(std::move(fs), timeout_s);
}

}  // namespace interleave::engine
