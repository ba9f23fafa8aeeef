// Interleave engine — the GIL, modelled on CPython 3.2+ (Python/ceval_gil.c).
//
// What is modelled:
//   ✓ one GIL per simulated process; a worker runs Python-level work only while holding it
//   ✓ switch interval (sys.setswitchinterval, default 5 ms): a waiter that waited one interval
//     with no switch happening sets the drop request (traced as gil_drop_request)
//   ✓ the holder drops at its next check (each cpu() tick, print, Runtime::checkpoint())
//   ✓ forced switching (FORCE_SWITCHING): after a requested drop, the dropper waits until
//     another worker took the GIL before it asks again, so the waiter is guaranteed the turn
//   ✓ blocking waits, sleep and I/O release the GIL (Py_BEGIN_ALLOW_THREADS)
//   ✓ free-threaded mode (RunConfig::gil = false, like 3.13t): no GIL object at all
//   ✓ per-thread stats: time holding, time waiting, switches, drop requests
//   ✓ stop: a waiter gives up within 20 ms when the run stops
//   ✓ the eval breaker: a drop request sets breaker::gil_drop in the process's word, which
//     the interpreter polls with one relaxed load (WorkerContext::checkpoint)
//   ✓ on the simulated machine: the same protocol on virtual time; the interval is virtual,
//     a hand-off costs Machine::kGilHandoffNs, and the holder checks at its next checkpoint;
//     a waiter's wake-up that only waits again (its interval ran out: it sets the drop
//     request; another worker took the GIL) is run by the scheduler (rewait), not by passing
//     the baton to the waiter's OS thread and back: the same run, fewer OS thread switches
//   ✗ signal handling, pending calls (the eval-breaker's other jobs); async exceptions are
//     the interpreter's (breaker::async_exc)
//   ✗ fairness among several waiters (like CPython: whoever the OS wakes first wins; on the
//     simulated machine the seed decides)
//   ✗ the reference-count / allocator effects that make real free-threaded code slower
//
// Thread-safety: acquire/release/check only from the worker itself (its WorkerContext);
// holder()/switches() from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "engine/runtime.hpp"

namespace interleave::engine {

class Gil {
  public:
    // `breaker`: the process's eval-breaker word (a drop request sets breaker::gil_drop).
    Gil(Runtime& rt, uint16_t process, double switch_interval_ms, std::atomic<uint32_t>* breaker);
    Gil(const Gil&) = delete;
    Gil& operator=(const Gil&) = delete;

    // take_gil: blocks (state gil_wait when contended) until `ctx` holds the GIL, then traces
    // gil_acquire and state `running`. Returns false, without the GIL, if the run stops.
    // Already holding it: returns true at once.
    bool acquire(WorkerContext& ctx);
    // drop_gil: traces state `next` (must not be `running`) and gil_release, then frees it.
    // Not holding it: only sets the state.
    void release(WorkerContext& ctx, WorkerState next);
    // The eval-loop check: if a drop was requested, drop, wait for another worker to take it,
    // and re-take it. Returns false (GIL not held) if the run stops meanwhile.
    bool check(WorkerContext& ctx) {
        if (!drop_request_.load(std::memory_order_relaxed)) [[likely]]
            return true;
        return yield(ctx);
    }

    // check() would drop: a worker can close what it traces before it waits for the GIL.
    bool drop_requested() const { return drop_request_.load(std::memory_order_relaxed); }
    // sys.setswitchinterval / getswitchinterval (ms > 0): the interval waiters use from their
    // next round on. Any worker of the process; takes the GIL's mutex briefly.
    void set_switch_interval_ms(double ms);
    double switch_interval_ms() const;
    int holder() const { return holder_.load(std::memory_order_relaxed); }  // worker id or -1
    uint64_t switches() const { return switches_.load(std::memory_order_relaxed); }
    uint16_t process() const { return process_; }

  private:
    struct Waiter;  // one worker's wait for the GIL (gil.cpp)
    enum class Step : uint8_t { park, take, fail };

    bool yield(WorkerContext& ctx);
    bool yield_locked(WorkerContext& ctx);
    void settle(WorkerContext& ctx);
    // take_gil's loop: waits (mu_ held in `lk`) until `w` may take the GIL, then takes it.
    // Returns false, without the GIL, if the run stops.
    bool wait_locked(std::unique_lock<std::mutex>& lk, Waiter& w);
    // What the waiter does from where it is (mu_ held): wait again (its next wait set), take
    // the GIL, or give up (stop). `woke`: it just came back from a wait.
    Step step(Waiter& w, bool woke);
    // The simulated scheduler's Rewait (sim.hpp) for a parked waiter: runs its step itself when
    // that step only waits again (a switch interval ran out, or another worker took the GIL).
    static bool rewait(void* waiter, WaitCv*& cv, int64_t& deadline, ProbeRef& probe);
    void take_now(Waiter& w);
    int64_t drop_locked(WorkerContext& ctx, WorkerState next);  // returns the drop's time
    void request_drop(WorkerContext& ctx, int64_t now);
    void clear_drop();

    Runtime& rt_;
    uint16_t process_;
    int64_t interval_ns_;
    std::atomic<uint32_t>* breaker_;
    mutable std::mutex mu_;
    WaitCv cv_;         // GIL freed
    WaitCv switch_cv_;  // GIL taken (forced switching)
    bool locked_ = false;
    int last_holder_ = -1;
    int64_t held_since_ns_ = 0;
    std::atomic<int> holder_{-1};
    std::atomic<bool> drop_request_{false};
    std::atomic<uint64_t> switches_{0};
};

}  // namespace interleave::engine
