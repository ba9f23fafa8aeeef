// Interleave engine — synchronisation primitives, as Python's threading module.
//
//   Lock, RLock            acquire(blocking=true, timeout=-1) -> bool, release(), locked()
//                          (std::lock_guard / std::unique_lock work: lock()/unlock()/try_lock())
//   Condition              wait(timeout) -> bool, wait_for(pred, timeout), notify(n),
//                          notify_all(); over its own RLock by default, or a given Lock/RLock
//   Semaphore              acquire(blocking, timeout), release(n); BoundedSemaphore checks
//   Event                  set(), clear(), is_set(), wait(timeout) -> bool
//   Barrier                wait(timeout) -> arrival index, reset(), abort(), broken(),
//                          n_waiting(), parties(); BrokenBarrierError as in Python
//
// Every blocking call goes through Runtime::block_until: the GIL is released while blocked,
// the state is traced (lock_wait), stop() ends the wait with RunStopped, and an untimed wait is
// visible to the deadlock detector, which names the object ("Lock lock_b") and its holder.
// Pass a name to the constructor to make reports readable; unnamed objects get "Lock#3", numbered
// per run and kind (the same program names them the same in every run).
//
// Modelled ✓: Python semantics incl. timeouts, RLock ownership and recursion, Condition's
// save/restore of an RLock's recursion, Bounded semaphores, Barrier action/abort/timeout/reset.
// Not modelled ✗: Lock being released by another thread is allowed (as in Python), but the
// deadlock report then names the last acquirer; no priority or fairness guarantees (as CPython).
//
// Thread-safety: all methods from any worker of the run that created the object. Objects must
// outlive every wait on them. Not copyable.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>

#include "engine/runtime.hpp"
#include "engine/thread.hpp"

namespace interleave::engine {

struct ValueError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct BrokenBarrierError : std::runtime_error {
    BrokenBarrierError() : std::runtime_error("BrokenBarrierError") {}
};

class Lock {
  public:
    explicit Lock(std::string name = {});
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    bool acquire(bool blocking = true, double timeout_s = -1);
    void release();  // RuntimeError("release unlocked lock") if not locked
    bool locked() const;
    const std::string& name() const { return name_; }

    // BasicLockable/Lockable for std::lock_guard (Python's `with lock:`). unlock() never
    // throws: misuse while the run is live becomes a notice instead.
    void lock() { acquire(); }
    bool try_lock() { return acquire(false); }
    void unlock() noexcept;

  private:
    friend class Condition;
    std::string holder_name() const;
    mutable std::mutex m_;
    WaitCv cv_;
    bool locked_ = false;
    int owner_ = -1;  // last acquirer's worker id (for reports only)
    Runtime* rt_ = nullptr;
    std::string name_;
};

class RLock {
  public:
    explicit RLock(std::string name = {});
    RLock(const RLock&) = delete;
    RLock& operator=(const RLock&) = delete;

    bool acquire(bool blocking = true, double timeout_s = -1);
    void release();  // RuntimeError("cannot release un-acquired lock") if not the owner
    const std::string& name() const { return name_; }
    void lock() { acquire(); }
    bool try_lock() { return acquire(false); }
    void unlock() noexcept;

  private:
    friend class Condition;
    size_t release_all();                // Condition: fully release, return the count
    void acquire_restore(size_t count);  // Condition: re-take with that count
    std::string holder_name() const;
    mutable std::mutex m_;
    WaitCv cv_;
    int owner_ = -1;
    size_t count_ = 0;
    Runtime* rt_ = nullptr;
    std::string name_;
};

class Condition {
  public:
    explicit Condition(std::string name = {});  // over its own RLock
    explicit Condition(Lock& lock, std::string name = {});
    explicit Condition(RLock& lock, std::string name = {});
    Condition(const Condition&) = delete;
    Condition& operator=(const Condition&) = delete;

    // The underlying lock (`with cond:`).
    bool acquire(bool blocking = true, double timeout_s = -1);
    void release();
    void lock() { acquire(); }
    void unlock() noexcept;

    // Must hold the lock. Releases it, waits for notify (or timeout), re-acquires it.
    // Returns false on timeout.
    bool wait(double timeout_s = -1);
    // Python's wait_for: waits until pred() (checked with the lock held); returns pred().
    bool wait_for(const std::function<bool()>& pred, double timeout_s = -1);
    void notify(size_t n = 1);  // must hold the lock
    void notify_all();

  private:
    struct Waiter {
        bool notified = false;
    };
    size_t release_save();
    void acquire_restore(size_t saved);
    std::unique_ptr<RLock> own_;
    Lock* lock_ = nullptr;
    RLock* rlock_ = nullptr;
    std::mutex m_;
    WaitCv cv_;
    std::deque<Waiter*> waiters_;
    std::string name_;
};

class Semaphore {
  public:
    explicit Semaphore(size_t value = 1, std::string name = {});
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;

    bool acquire(bool blocking = true, double timeout_s = -1);
    void release(size_t n = 1);
    size_t value() const;
    void lock() { acquire(); }
    void unlock() noexcept;

  protected:
    mutable std::mutex m_;
    WaitCv cv_;
    size_t value_;
    size_t bound_ = SIZE_MAX;  // BoundedSemaphore's initial value
    std::string name_;
    std::string kind_ = "Semaphore";
};

class BoundedSemaphore : public Semaphore {
  public:
    explicit BoundedSemaphore(size_t value = 1, std::string name = {});
    // release() past the initial value throws ValueError("Semaphore released too many times").
};

class Event {
  public:
    explicit Event(std::string name = {});
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    void set();
    void clear();
    bool is_set() const;
    bool wait(double timeout_s = -1);  // returns the flag

  private:
    mutable std::mutex m_;
    WaitCv cv_;
    bool flag_ = false;
    std::string name_;
};

class Barrier {
  public:
    explicit Barrier(size_t parties, std::function<void()> action = {}, double timeout_s = -1,
                     std::string name = {});
    Barrier(const Barrier&) = delete;
    Barrier& operator=(const Barrier&) = delete;

    size_t wait(double timeout_s = -2);  // -2: the barrier's default timeout
    void reset();
    void abort();
    bool broken() const;
    size_t parties() const { return parties_; }
    size_t n_waiting() const;

  private:
    mutable std::mutex m_;
    WaitCv cv_;
    size_t parties_;
    std::function<void()> action_;
    double timeout_s_;
    size_t count_ = 0;
    uint64_t generation_ = 0;
    uint64_t failed_generation_ = UINT64_MAX;  // reset() with waiters: they get broken
    bool broken_ = false;
    bool releasing_ = false;  // the action is running
    std::string name_;
};

}  // namespace interleave::engine
