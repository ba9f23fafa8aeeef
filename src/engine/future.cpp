// Interleave engine — Future<T> (see future.hpp).
#include "engine/future.hpp"

#include <algorithm>
#include <mutex>

#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"

namespace interleave::engine::detail {

namespace {
// Deadlines are run times from the waiting worker's runtime (its one clock).
Runtime* runtime_of(const std::vector<FutureCore*>& fs) {
    if (WorkerContext* c = current_worker()) return &c->runtime();
    for (FutureCore* f : fs)
        if (f->runtime_) return f->runtime_;
    return nullptr;
}
int64_t deadline_for(Runtime* rt, double timeout_s) {
    if (timeout_s < 0) return Runtime::kNever;
    if (!rt) return 0;  // no run to wait in: the timeout is already over
    return rt->deadline_after(timeout_s);
}
double remaining(Runtime* rt, int64_t deadline_ns) {
    if (deadline_ns == Runtime::kNever) return -1.0;
    if (!rt) return 0.0;
    return std::max(0.0, static_cast<double>(deadline_ns - rt->now_ns()) / 1e9);
}
}  // namespace

// Installed in futures by wait()/as_completed; completions append here.
struct FutureWaiter {
    std::mutex m;
    WaitCv cv;
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

namespace {
// Parking lots shared by the run's futures, picked by address (Runtime::Impl::future_lots): a
// blocked wait() sleeps on its future's lot, and the completer of a watched future notifies it
// (waking the lot's other sleepers spuriously now and then; they re-check). Extras are guarded
// by the lot's mutex.
using Lot = Runtime::Impl::FutureLot;
Lot& lot_of(const FutureCore* f) {
    if (!f->runtime_) throw std::logic_error("a Future made outside an Interleave run");
    return impl_of(*f->runtime_).future_lots[(reinterpret_cast<uintptr_t>(f) >> 6) % 64];
}
}  // namespace

FutureCore::FutureCore() {
    if (WorkerContext* c = current_worker()) runtime_ = &c->runtime();
}
FutureCore::~FutureCore() = default;

bool FutureCore::set_running_or_notify_cancel() noexcept {
    uint8_t s = state_.load(std::memory_order_acquire);
    for (;;) {
        if ((s & kStatusMask) != static_cast<uint8_t>(FutureStatus::pending)) return false;
        const uint8_t to = static_cast<uint8_t>((s & kWatched) | uint8_t(FutureStatus::running));
        if (state_.compare_exchange_weak(s, to, std::memory_order_acq_rel)) return true;
    }
}

void FutureCore::set_exception(std::exception_ptr e) {
    error_ = std::move(e);
    finish();
}

void FutureCore::finish() {
    complete(FutureStatus::finished);
}

bool FutureCore::cancel() {
    uint8_t s = state_.load(std::memory_order_acquire);
    for (;;) {
        const auto status = static_cast<FutureStatus>(s & kStatusMask);
        if (status != FutureStatus::pending) return status == FutureStatus::cancelled;
        if (state_.compare_exchange_weak(s, static_cast<uint8_t>(FutureStatus::cancelled),
                                         std::memory_order_acq_rel))
            break;
    }
    if (s & kWatched) completed();
    return true;
}

void FutureCore::complete(FutureStatus to) {
    // A thread that watches sets kWatched (an RMW on the same atomic) before it sleeps or
    // installs extras, so either it sees the new status, or this exchange sees its bit.
    const uint8_t before = state_.exchange(static_cast<uint8_t>(to), std::memory_order_acq_rel);
    if (before & kWatched) completed();
}

void FutureCore::completed() {
    if (!runtime_) return;  // made outside a run: nobody could watch it
    Lot& lot = lot_of(this);
    std::unique_ptr<Extras> extras;
    {
        // Taking the lot's mutex orders this after any watcher that is between setting
        // kWatched and sleeping (it holds the mutex): no lost wake-up, no half-installed extra.
        std::lock_guard<std::mutex> g(lot.m);
        extras = std::move(extras_);
    }
    lot.cv.notify_all();
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
    Lot& lot = lot_of(this);
    std::unique_lock<std::mutex> lock(lot.m);
    state_.fetch_or(kWatched, std::memory_order_acq_rel);
    Runtime* rtp = runtime_ ? runtime_ : &rt;
    WaitTarget target{what, [rtp, this] {
                          const uint32_t w = worker_.load();
                          return w ? rtp->worker_name(static_cast<uint16_t>(w - 1)) : std::string();
                      }};
    return rt.block_until(lock, lot.cv, WorkerState::queue_wait, target, timeout_s,
                          [this] { return done(); });
}

// Runs `install` under the lot's mutex if the future is not done yet (marking it watched, so
// its completer takes the lot and runs the extras); returns false if it was already done.
template <class Install>
bool FutureCore::watch(Install install) {
    std::lock_guard<std::mutex> g(lot_of(this).m);
    const uint8_t s = state_.fetch_or(kWatched, std::memory_order_acq_rel);
    const auto status = static_cast<FutureStatus>(s & kStatusMask);
    if (status == FutureStatus::cancelled || status == FutureStatus::finished) return false;
    if (!extras_) extras_ = std::make_unique<Extras>();
    install(*extras_);
    return true;
}

void FutureCore::add_done_callback(std::function<void(FutureCore&)> cb) {
    if (watch([&](Extras& x) { x.callbacks.push_back(std::move(cb)); })) return;
    try {
        cb(*this);
    } catch (const RunStopped&) {
        throw;
    } catch (...) {
    }
}

void FutureCore::add_waiter(const std::shared_ptr<FutureWaiter>& w) {
    if (!watch([&](Extras& x) { x.waiters.push_back(w); })) w->on_done(*this);
}

void FutureCore::remove_waiter(const FutureWaiter* w) {
    std::lock_guard<std::mutex> g(lot_of(this).m);
    if (!extras_) return;
    auto& ws = extras_->waiters;
    ws.erase(std::remove_if(ws.begin(), ws.end(), [w](const auto& p) { return p.get() == w; }),
             ws.end());
}

void check_result(FutureCore& c, double timeout_s) {
    if (!c.wait(timeout_s, "Future.result()")) throw TimeoutError();
    if (c.status() == FutureStatus::cancelled) {
        if (WorkerContext* w = current_worker(); w && w->runtime().stop_requested())
            throw RunStopped{};
        throw CancelledError();
    }
    if (c.exception_ptr()) std::rethrow_exception(c.exception_ptr());
}

void WaitOutcome::record(const std::vector<FutureCore*>& fs) {
    done.resize(fs.size());
    done_count = 0;
    for (size_t i = 0; i < fs.size(); ++i) done_count += (done[i] = fs[i]->done());
}

WaitOutcome wait_cores(const std::vector<FutureCore*>& fs, double timeout_s, ReturnWhen when) {
    WaitOutcome out;
    Runtime* rt_of = runtime_of(fs);
    const int64_t deadline = deadline_for(rt_of, timeout_s);
    if (when == ALL_COMPLETED) {
        // Waiting for each in turn is the same condition as a waiter counting down, and needs
        // no per-future installation (the common case: wait(fs) after submitting many).
        // Last first: executors run work roughly in submit order, so once the last future is
        // done the others mostly are too, and the waiter blocks about once instead of per future.
        for (auto it = fs.rbegin(); it != fs.rend(); ++it)
            if (!(*it)->wait(remaining(rt_of, deadline), "wait(ALL_COMPLETED)")) break;
        out.record(fs);
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
            rt.block_until_deadline(lock, waiter->cv, WorkerState::queue_wait,
                                    WaitTarget{what, {}}, deadline,
                                    [&] { return waiter->triggered; });
        } catch (...) {
            if (lock.owns_lock()) lock.unlock();
            Cleanup c{fs, waiter.get()};
            throw;
        }
        lock.unlock();
        Cleanup c{fs, waiter.get()};
    }
    out.record(fs);
    return out;
}

CompletionQueue::CompletionQueue(std::vector<FutureCore*> fs, double timeout_s)
    : fs_(std::move(fs)),
      waiter_(std::make_shared<FutureWaiter>()),
      remaining_(fs_.size()),
      deadline_ns_(deadline_for(runtime_of(fs_), timeout_s)) {
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
    const bool ok = rt.block_until_deadline(lock, waiter_->cv, WorkerState::queue_wait,
                                            WaitTarget{"as_completed()", {}}, deadline_ns_,
                                            [&] { return waiter_->completed.size() > seen; });
    if (!ok)
        throw TimeoutError(std::to_string(remaining_) + " (of " + std::to_string(fs_.size()) +
                           ") futures unfinished");
    return take();
}

}  // namespace interleave::engine::detail
