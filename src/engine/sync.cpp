// Lock, RLock, Condition, Semaphore, Event, Barrier over Runtime::block_until.
#include "engine/sync.hpp"

#include <algorithm>

namespace interleave::engine {

namespace {
std::string name_or(std::string name, const char* kind) {
    if (!name.empty()) return name;
    WorkerContext* c = current_worker();
    // Numbered per run and kind, from 1 ("Lock#1"); 0 for one made outside a run.
    const uint32_t n = c ? c->runtime().next_serial(std::string(kind) + "#") + 1 : 0;
    return std::string(kind) + "#" + std::to_string(n);
}

int me() {
    WorkerContext* c = current_worker();
    return c ? c->worker() : -1;
}

void check_timeout_args(bool blocking, double timeout_s) {
    if (!blocking && timeout_s >= 0)
        throw ValueError("can't specify a timeout for a non-blocking call");
}

// unlock() of RAII guards must not throw; a misuse in a live run is reported, not hidden.
template <class F>
void unlock_nothrow(F&& release) noexcept {
    try {
        release();
    } catch (const std::exception& e) {
        WorkerContext* c = current_worker();
        if (c && !c->runtime().stop_requested())
            c->runtime().notice(std::string("RuntimeError: ") + e.what());
    } catch (...) {
    }
}
}  // namespace

// --- Lock ------------------------------------------------------------------------------------

Lock::Lock(std::string name) : name_(name_or(std::move(name), "Lock")) {}

bool Lock::acquire(bool blocking, double timeout_s) {
    check_timeout_args(blocking, timeout_s);
    std::unique_lock<std::mutex> lk(m_);
    if (locked_) {
        if (!blocking) return false;
        Runtime& rt = Runtime::current();
        WaitTarget target{"Lock " + name_, [this] { return holder_name(); }};
        if (!rt.block_until(lk, cv_, WorkerState::lock_wait, target, timeout_s,
                            [this] { return !locked_; }))
            return false;
    }
    locked_ = true;
    owner_ = me();
    WorkerContext* c = current_worker();
    rt_ = c ? &c->runtime() : nullptr;
    return true;
}

void Lock::release() {
    {
        std::lock_guard<std::mutex> g(m_);
        if (!locked_) throw RuntimeError("release unlocked lock");
        locked_ = false;
        owner_ = -1;
    }
    cv_.notify_one();
}

void Lock::unlock() noexcept {
    unlock_nothrow([this] { release(); });
}

bool Lock::locked() const {
    std::lock_guard<std::mutex> g(m_);
    return locked_;
}

std::string Lock::holder_name() const {
    std::lock_guard<std::mutex> g(m_);
    if (!locked_ || owner_ < 0 || !rt_) return {};
    return rt_->worker_name(static_cast<uint16_t>(owner_));
}

// --- RLock -----------------------------------------------------------------------------------

RLock::RLock(std::string name) : name_(name_or(std::move(name), "RLock")) {}

bool RLock::acquire(bool blocking, double timeout_s) {
    check_timeout_args(blocking, timeout_s);
    const int self = me();
    std::unique_lock<std::mutex> lk(m_);
    if (owner_ == self && count_ > 0) {
        ++count_;
        return true;
    }
    if (count_ > 0) {
        if (!blocking) return false;
        Runtime& rt = Runtime::current();
        WaitTarget target{"RLock " + name_, [this] { return holder_name(); }};
        if (!rt.block_until(lk, cv_, WorkerState::lock_wait, target, timeout_s,
                            [this] { return count_ == 0; }))
            return false;
    }
    owner_ = self;
    count_ = 1;
    WorkerContext* c = current_worker();
    rt_ = c ? &c->runtime() : nullptr;
    return true;
}

void RLock::release() {
    {
        std::lock_guard<std::mutex> g(m_);
        if (count_ == 0 || owner_ != me()) throw RuntimeError("cannot release un-acquired lock");
        if (--count_ > 0) return;
        owner_ = -1;
    }
    cv_.notify_one();
}

void RLock::unlock() noexcept {
    unlock_nothrow([this] { release(); });
}

size_t RLock::release_all() {
    size_t n = 0;
    {
        std::lock_guard<std::mutex> g(m_);
        if (count_ == 0 || owner_ != me()) throw RuntimeError("cannot wait on un-acquired lock");
        n = count_;
        count_ = 0;
        owner_ = -1;
    }
    cv_.notify_one();
    return n;
}

void RLock::acquire_restore(size_t count) {
    acquire();
    std::lock_guard<std::mutex> g(m_);
    count_ = count;
}

std::string RLock::holder_name() const {
    std::lock_guard<std::mutex> g(m_);
    if (count_ == 0 || owner_ < 0 || !rt_) return {};
    return rt_->worker_name(static_cast<uint16_t>(owner_));
}

// --- Condition -------------------------------------------------------------------------------

Condition::Condition(std::string name)
    : own_(std::make_unique<RLock>()),
      rlock_(own_.get()),
      name_(name_or(std::move(name), "Condition")) {}
Condition::Condition(Lock& lock, std::string name)
    : lock_(&lock), name_(name_or(std::move(name), "Condition")) {}
Condition::Condition(RLock& lock, std::string name)
    : rlock_(&lock), name_(name_or(std::move(name), "Condition")) {}

bool Condition::acquire(bool blocking, double timeout_s) {
    return lock_ ? lock_->acquire(blocking, timeout_s) : rlock_->acquire(blocking, timeout_s);
}

void Condition::release() {
    if (lock_)
        lock_->release();
    else
        rlock_->release();
}

void Condition::unlock() noexcept {
    unlock_nothrow([this] { release(); });
}

size_t Condition::release_save() {
    if (lock_) {
        if (!lock_->locked()) throw RuntimeError("cannot wait on un-acquired lock");
        lock_->release();
        return 1;
    }
    return rlock_->release_all();
}

void Condition::acquire_restore(size_t saved) {
    if (lock_)
        lock_->acquire();
    else
        rlock_->acquire_restore(saved);
}

bool Condition::wait(double timeout_s) {
    Runtime& rt = Runtime::current();
    // Check ownership before queueing: release_save throws if we do not hold the lock.
    if (lock_ ? !lock_->locked() : [&] {
            std::lock_guard<std::mutex> g(rlock_->m_);
            return rlock_->count_ == 0 || rlock_->owner_ != me();
        }())
        throw RuntimeError("cannot wait on un-acquired lock");
    // Queued while we still hold the lock: a notify needs the lock, so none is lost.
    Waiter w;
    {
        std::lock_guard<std::mutex> g(m_);
        waiters_.push_back(&w);
    }
    const size_t saved = release_save();
    bool ok = false;
    auto unqueue = [&] {
        std::lock_guard<std::mutex> g(m_);
        waiters_.erase(std::remove(waiters_.begin(), waiters_.end(), &w), waiters_.end());
    };
    try {
        std::unique_lock<std::mutex> lk(m_);
        WaitTarget target{"Condition " + name_, {}};
        ok = rt.block_until(lk, cv_, WorkerState::lock_wait, target, timeout_s,
                            [&w] { return w.notified; });
        if (!ok) waiters_.erase(std::remove(waiters_.begin(), waiters_.end(), &w), waiters_.end());
    } catch (...) {
        unqueue();  // the run is stopping: do not re-take the lock, just leave
        throw;
    }
    acquire_restore(saved);
    return ok;
}

bool Condition::wait_for(const std::function<bool()>& pred, double timeout_s) {
    bool result = pred();
    const bool timed = timeout_s >= 0;
    Runtime& rt = Runtime::current();
    const int64_t end = timed ? rt.deadline_after(timeout_s) : Runtime::kNever;
    while (!result) {
        double wait_s = -1;
        if (timed) {
            wait_s = static_cast<double>(end - rt.now_ns()) / 1e9;
            if (wait_s <= 0) break;
        }
        wait(wait_s);
        result = pred();
    }
    return result;
}

void Condition::notify(size_t n) {
    const bool owned = lock_ ? lock_->locked() : [&] {
        std::lock_guard<std::mutex> g(rlock_->m_);
        return rlock_->count_ > 0 && rlock_->owner_ == me();
    }();
    if (!owned) throw RuntimeError("cannot notify on un-acquired lock");
    {
        std::lock_guard<std::mutex> g(m_);
        while (n-- > 0 && !waiters_.empty()) {
            waiters_.front()->notified = true;
            waiters_.pop_front();
        }
    }
    cv_.notify_all();
}

void Condition::notify_all() {
    notify(SIZE_MAX);
}

// --- Semaphore -------------------------------------------------------------------------------

Semaphore::Semaphore(size_t value, std::string name)
    : value_(value), name_(name_or(std::move(name), "Semaphore")) {}

bool Semaphore::acquire(bool blocking, double timeout_s) {
    check_timeout_args(blocking, timeout_s);
    std::unique_lock<std::mutex> lk(m_);
    if (value_ == 0) {
        if (!blocking) return false;
        Runtime& rt = Runtime::current();
        WaitTarget target{kind_ + " " + name_, {}};
        if (!rt.block_until(lk, cv_, WorkerState::lock_wait, target, timeout_s,
                            [this] { return value_ > 0; }))
            return false;
    }
    --value_;
    return true;
}

void Semaphore::release(size_t n) {
    if (n < 1) throw ValueError("n must be one or more");
    {
        std::lock_guard<std::mutex> g(m_);
        if (bound_ != SIZE_MAX && value_ + n > bound_)
            throw ValueError("Semaphore released too many times");
        value_ += n;
    }
    cv_.notify_all();
}

void Semaphore::unlock() noexcept {
    unlock_nothrow([this] { release(); });
}

size_t Semaphore::value() const {
    std::lock_guard<std::mutex> g(m_);
    return value_;
}

BoundedSemaphore::BoundedSemaphore(size_t value, std::string name)
    : Semaphore(value, name.empty() ? name_or({}, "BoundedSemaphore") : std::move(name)) {
    bound_ = value;
    kind_ = "BoundedSemaphore";
}

// --- Event -----------------------------------------------------------------------------------

Event::Event(std::string name) : name_(name_or(std::move(name), "Event")) {}

void Event::set() {
    {
        std::lock_guard<std::mutex> g(m_);
        flag_ = true;
    }
    cv_.notify_all();
}

void Event::clear() {
    std::lock_guard<std::mutex> g(m_);
    flag_ = false;
}

bool Event::is_set() const {
    std::lock_guard<std::mutex> g(m_);
    return flag_;
}

bool Event::wait(double timeout_s) {
    std::unique_lock<std::mutex> lk(m_);
    if (flag_) return true;
    Runtime& rt = Runtime::current();
    WaitTarget target{"Event " + name_ + ".wait()", {}};
    return rt.block_until(lk, cv_, WorkerState::lock_wait, target, timeout_s,
                          [this] { return flag_; });
}

// --- Barrier ---------------------------------------------------------------------------------

Barrier::Barrier(size_t parties, std::function<void()> action, double timeout_s, std::string name)
    : parties_(parties),
      action_(std::move(action)),
      timeout_s_(timeout_s),
      name_(name_or(std::move(name), "Barrier")) {
    if (parties_ < 1) throw ValueError("parties must be >= 1");
}

size_t Barrier::wait(double timeout_s) {
    if (timeout_s == -2) timeout_s = timeout_s_;
    Runtime& rt = Runtime::current();
    std::unique_lock<std::mutex> lk(m_);
    WaitTarget target{"Barrier " + name_ + ".wait()", {}};
    // Arrivals wait while the previous generation's action runs (Python's "draining").
    if (releasing_) {
        rt.block_until(lk, cv_, WorkerState::lock_wait, target, -1, [this] { return !releasing_; });
    }
    if (broken_) throw BrokenBarrierError();
    const uint64_t gen = generation_;
    const size_t index = count_++;
    if (count_ == parties_) {
        if (action_) {
            // The action runs Python code (it may need the GIL): never with m_ held.
            releasing_ = true;
            lk.unlock();
            try {
                action_();
            } catch (...) {
                lk.lock();
                releasing_ = false;
                broken_ = true;
                cv_.notify_all();
                throw;
            }
            lk.lock();
            releasing_ = false;
        }
        ++generation_;
        count_ = 0;
        cv_.notify_all();
        return index;
    }
    const bool ok = rt.block_until(lk, cv_, WorkerState::lock_wait, target, timeout_s,
                                   [&] { return generation_ != gen || broken_; });
    if (!ok) {  // a timeout breaks the barrier for everyone (Python)
        broken_ = true;
        cv_.notify_all();
        throw BrokenBarrierError();
    }
    if (generation_ == gen || failed_generation_ == gen) throw BrokenBarrierError();
    return index;
}

void Barrier::reset() {
    {
        std::lock_guard<std::mutex> g(m_);
        if (count_ > 0) {
            // Waiters of this generation get BrokenBarrierError; the barrier starts afresh.
            failed_generation_ = generation_;
            ++generation_;
        }
        count_ = 0;
        broken_ = false;
    }
    cv_.notify_all();
}

void Barrier::abort() {
    {
        std::lock_guard<std::mutex> g(m_);
        broken_ = true;
    }
    cv_.notify_all();
}

bool Barrier::broken() const {
    std::lock_guard<std::mutex> g(m_);
    return broken_;
}

size_t Barrier::n_waiting() const {
    std::lock_guard<std::mutex> g(m_);
    return broken_ ? 0 : count_;
}

}  // namespace interleave::engine
