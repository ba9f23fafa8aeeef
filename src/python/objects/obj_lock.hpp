// The per-object container lock of free-threaded runs (PYTHON.md §6; CPython 3.13t's
// per-object critical sections, simplified).
//
// Object::lock holds two bits: kObjLockable, set by a free-threaded (shared) heap on every
// object it allocates, and kObjLocked. Objects of interpreters that run under the GIL, and the
// immortal statics, are never lockable: taking their lock is one relaxed load and a branch.
//
//   ObjectLock g(d);          // a dict's table, a list's items: consistent while held
//   g.release(); call(...); g.reacquire();   // around code that may run Python (a user
//                                            // __eq__): never hold it across a safepoint
//
// Rules: held only around C++ work on the object's own memory — no Python code, no engine
// checkpoint (on the simulated machine a holder that yielded the baton would stall a waiter
// spinning on it), one object at a time (no lock order to respect). A user's race then loses
// updates at worst; it never crashes the interpreter or tears a value.
//
// Thread-safety: any thread of the interpreter. Not copyable.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "python/objects/object.hpp"

namespace interleave::python {

inline constexpr uint8_t kObjLocked = 1;
inline constexpr uint8_t kObjLockable = 2;

class ObjectLock {
  public:
    explicit ObjectLock(Object* o) noexcept
        : o_((o->lock.load(std::memory_order_relaxed) & kObjLockable) ? o : nullptr) {
        if (o_) acquire(o_);
    }
    ~ObjectLock() {
        if (o_ && held_) release_lock(o_);
    }
    ObjectLock(const ObjectLock&) = delete;
    ObjectLock& operator=(const ObjectLock&) = delete;

    void release() noexcept {
        if (o_ && held_) {
            release_lock(o_);
            held_ = false;
        }
    }
    void reacquire() noexcept {
        if (o_ && !held_) {
            acquire(o_);
            held_ = true;
        }
    }

  private:
    static void acquire(Object* o) noexcept {
        for (unsigned spins = 0;; ++spins) {
            uint8_t v = o->lock.load(std::memory_order_relaxed);
            if (!(v & kObjLocked) &&
                o->lock.compare_exchange_weak(v, uint8_t(v | kObjLocked), std::memory_order_acquire,
                                              std::memory_order_relaxed))
                return;
            // Holders never block while holding it: a short spin, then let the OS run them.
            if (spins > 64) std::this_thread::yield();
        }
    }
    static void release_lock(Object* o) noexcept {
        o->lock.fetch_and(uint8_t(~kObjLocked), std::memory_order_release);
    }
    Object* o_;
    bool held_ = true;
};

}  // namespace interleave::python
