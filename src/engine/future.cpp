// Interleave engine — Future<T> (see future.hpp).
#include "engine/future.hpp"

#include <algorithm>
#include <chrono>

#include "engine/runtime.hpp"

namespace interleave::engine::detail {

namespace {
double steady_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
double remaining(double deadline_s) {
    return deadline_s < 0 ? -1.0 : std::max(0.0, deadline_s - steady_s());
}
}  // namespace

// Installed in futures by wait()/as_completed; completions append here.
struct FutureWaiter {
    std::mutex m;
    std::condition_variable cv;
    ReturnWhen when = ALL_COMPLETED;
    size_t pending = 0;
    bool triggered = false;
    std::vector<FutureCore*> completed;  // completion order (borrowed: callers hold refs)

    void on_done(FutureCore& f) {
        {
            std::lock_guard<std::mutex> g(m);
            completed.push_back(&f);
            if (pending) --pending;
            if (when == FIRST_COMPLETED || pending == 0 ||
                (when == FIRST_EXCEPTION && f.status() == FutureStatus::finished &&
                 f.exception_ptr()))
                triggered = true;
        }
        cv.notify_all();
    }
};

struct FutureCore::Extras {
    std::vector<std::function<void(FutureCore&)>> callbacks;
    std::vector<std::shared_ptr<FutureWaiter>> waiters;
};

FutureCore::FutureCore() = default;
FutureCore::~FutureCore() = default;

bool FutureCore::set_running_or_notify_cancel() noexcept {
    auto expected = FutureStatus::pending;
    return status_.compare_exchange_strong(expected, FutureStatus::running,
                                           std::memory_order_acq_rel);
}

void FutureCore::set_exception(std::exception_ptr e) {
    error_ = std::move(e);
    finish();
}

void FutureCore::finish() {
    complete(FutureStatus::finished);
}

bool FutureCore::cancel() {
    {
        std::lock_guard<std::mutex> g(m_);
        auto expected = FutureStatus::pending;
        if (!status_.compare_exchange_strong(expected, FutureStatus::cancelled,
                                             std::memory_order_acq_rel))
            return expected == FutureStatus::cancelled;
    }
    complete(FutureStatus::cancelled);
    return true;
}

void FutureCore::complete(FutureStatus to) {
    std::unique_ptr<Extras> extras;
    bool notify;
    {
        // Under m_: a thread in wait() either sees the new status or is already counted in
        // blocked_ and waiting on cv_ (it checks under m_ before waiting), so no lost wake-up.
        std::lock_guard<std::mutex> g(m_);
        status_.store(to, std::memory_order_release);
        notify = blocked_ > 0;
        extras = std::move(extras_);
    }
    if (notify) cv_.notify_all();
    if (!extras) return;
    for (auto& w : extras->waiters) w->on_done(*this);
    for (auto& cb : extras->callbacks) {
        try {
            cb(*this);
        } catch (const RunStopped&) {
            throw;
        } catch (...) {
            // Python logs "exception calling callback for <Future>" and carries on.
        }
    }
}

bool FutureCore::wait(double timeout_s, const char* what) {
    if (done()) return true;
    if (timeout_s == 0) return false;
    Runtime& rt = Runtime::current();
    std::unique_lock<std::mutex> lock(m_);
    ++blocked_;
    // block_until may throw with `lock` released: re-take it before touching blocked_.
    struct Unblock {
        std::unique_lock<std::mutex>& lock;
        uint32_t& n;
        ~Unblock() {
            if (!lock.owns_lock()) lock.lock();
            --n;
        }
    } unblock{lock, blocked_};
    Runtime* rtp = runtime_ ? runtime_ : &rt;
    WaitTarget target{what, [rtp, this] {
                          const uint32_t w = worker_.load();
                          return w ? rtp->worker_name(static_cast<uint16_t>(w - 1)) : std::string();
                      }};
    return rt.block_until(lock, cv_, WorkerState::queue_wait, target, timeout_s,
                          [this] { return done(); });
}

void FutureCore::add_done_callback(std::function<void(FutureCore&)> cb) {
    {
        std::lock_guard<std::mutex> g(m_);
        if (!done()) {
            if (!extras_) extras_ = std::make_unique<Extras>();
            extras_->callbacks.push_back(std::move(cb));
            return;
        }
    }
    try {
        cb(*this);
    } catch (const RunStopped&) {
        throw;
    } catch (...) {
    }
}

void FutureCore::add_waiter(const std::shared_ptr<FutureWaiter>& w) {
    {
        std::lock_guard<std::mutex> g(m_);
        if (!done()) {
            if (!extras_) extras_ = std::make_unique<Extras>();
            extras_->waiters.push_back(w);
            return;
        }
    }
    w->on_done(*this);
}

void FutureCore::remove_waiter(const FutureWaiter* w) {
    std::lock_guard<std::mutex> g(m_);
    if (!extras_) return;
    auto& ws = extras_->waiters;
    ws.erase(std::remove_if(ws.begin(), ws.end(), [w](const auto& p) { return p.get() == w; }),
             ws.end());
}

void check_result(FutureCore& c, double timeout_s) {
    if (!c.wait(timeout_s, "Future.result()")) throw TimeoutError();
    if (c.status() == FutureStatus::cancelled) {
        if (WorkerContext* w = current_worker(); w && w->runtime && w->runtime->stop_requested())
            throw RunStopped{};
        throw CancelledError();
    }
    if (c.exception_ptr()) std::rethrow_exception(c.exception_ptr());
}

WaitOutcome wait_cores(const std::vector<FutureCore*>& fs, double timeout_s, ReturnWhen when) {
    WaitOutcome out;
    const double deadline = timeout_s < 0 ? -1.0 : steady_s() + timeout_s;
    if (when == ALL_COMPLETED) {
        // Waiting for each in turn is the same condition as a waiter counting down, and needs
        // no per-future installation (the common case: wait(fs) after submitting many).
        // Last first: executors run work roughly in submit order, so once the last future is
        // done the others mostly are too, and the waiter blocks about once instead of per future.
        for (auto it = fs.rbegin(); it != fs.rend(); ++it)
            if (!(*it)->wait(remaining(deadline), "wait(ALL_COMPLETED)")) break;
        for (FutureCore* f : fs) out.done.push_back(f->done());
        return out;
    }
    auto waiter = std::make_shared<FutureWaiter>();
    waiter->when = when;
    bool satisfied = false;
    size_t pending = 0;
    for (FutureCore* f : fs) {
        if (!f->done()) {
            ++pending;
        } else if (when == FIRST_COMPLETED ||
                   (f->status() == FutureStatus::finished && f->exception_ptr())) {
            satisfied = true;
        }
    }
    if (pending == 0) satisfied = true;
    if (!satisfied) {
        {
            std::lock_guard<std::mutex> g(waiter->m);
            waiter->pending = pending;
        }
        for (FutureCore* f : fs)
            if (!f->done()) f->add_waiter(waiter);
        // A future may have completed before its waiter was installed: add_waiter reported
        // it at once, so the waiter's own state is the whole truth from here on.
        Runtime& rt = Runtime::current();
        std::unique_lock<std::mutex> lock(waiter->m);
        const char* what =
            when == FIRST_COMPLETED ? "wait(FIRST_COMPLETED)" : "wait(FIRST_EXCEPTION)";
        struct Cleanup {
            const std::vector<FutureCore*>& fs;
            FutureWaiter* w;
            ~Cleanup() {
                for (FutureCore* f : fs) f->remove_waiter(w);
            }
        };
        try {
            rt.block_until(lock, waiter->cv, WorkerState::queue_wait, WaitTarget{what, {}},
                           remaining(deadline), [&] { return waiter->triggered; });
        } catch (...) {
            if (lock.owns_lock()) lock.unlock();
            Cleanup c{fs, waiter.get()};
            throw;
        }
        lock.unlock();
        Cleanup c{fs, waiter.get()};
    }
    for (FutureCore* f : fs) out.done.push_back(f->done());
    return out;
}

CompletionQueue::CompletionQueue(std::vector<FutureCore*> fs, double timeout_s)
    : fs_(std::move(fs)),
      waiter_(std::make_shared<FutureWaiter>()),
      remaining_(fs_.size()),
      deadline_s_(timeout_s < 0 ? -1.0 : steady_s() + timeout_s) {
    waiter_->when = FIRST_COMPLETED;
    waiter_->pending = fs_.size();
    for (size_t i = 0; i < fs_.size(); ++i) index_.emplace(fs_[i], i);
    remaining_ = index_.size();  // duplicates count once, as in Python's set
    // Already-done futures come first (Python yields them before waiting), in input order.
    for (FutureCore* f : fs_) f->add_waiter(waiter_);
}

CompletionQueue::~CompletionQueue() {
    for (FutureCore* f : fs_) f->remove_waiter(waiter_.get());
}

long CompletionQueue::next() {
    if (remaining_ == 0) return -1;
    std::unique_lock<std::mutex> lock(waiter_->m);
    auto take = [&]() -> long {
        while (cursor_ < waiter_->completed.size()) {
            auto it = index_.find(waiter_->completed[cursor_++]);
            if (it == index_.end()) continue;
            const size_t i = it->second;
            index_.erase(it);
            --remaining_;
            return static_cast<long>(i);
        }
        return -1;
    };
    long i = take();
    if (i >= 0) return i;
    Runtime& rt = Runtime::current();
    const size_t seen = waiter_->completed.size();
    const bool ok =
        rt.block_until(lock, waiter_->cv, WorkerState::queue_wait, WaitTarget{"as_completed()", {}},
                       remaining(deadline_s_), [&] { return waiter_->completed.size() > seen; });
    if (!ok)
        throw TimeoutError(std::to_string(remaining_) + " (of " + std::to_string(fs_.size()) +
                           ") futures unfinished");
    return take();
}

}  // namespace interleave::engine::detail
