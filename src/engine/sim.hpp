// Interleave engine — the simulated machine's scheduler (engine-internal; machine_sim.cpp).
//
// A simulated run still runs its workers on real OS threads, but only one of them executes at a
// time: it holds the *baton*. Switches happen only at the engine's checkpoints (work ticks, GIL
// checks, prints, blocking calls, parks), decided from virtual time and the seed, never by the
// OS. Each worker has its own virtual time; the baton goes to the worker whose next event is
// earliest, so every interaction happens in virtual-time order.
//
// Model (a discrete-event simulation; see machine.hpp for the cost constants; for users:
// docs/simulated-machine.md):
//   ✓ cores: at most `cores` workers are on a core at once; a runnable worker without a core
//     waits in a FIFO (ties broken by the seed). A worker on a core runs until it blocks or,
//     while others wait for a core, for one time slice (Machine::kSliceNs): round-robin.
//   ✓ virtual time: CPU work (cpu ticks, interpreted instructions, process start, pickling, a
//     GIL hand-off, print) advances the worker's time by documented costs; nothing else does.
//   ✓ lookahead: a worker inside Machine::work does nothing visible until the work ends, so it
//     is ordered by that end and its work advances in one step up to the next event that could
//     touch it (a timer, another worker's next visible action, its slice's end, the virtual
//     wall limit, a line-sample period): parallel CPU work costs a few switches, not one per
//     0.1 ms tick (bench_engine `sim`: ~500x less real time per virtual second). A GIL drop
//     request, a stop or a terminate made at time T interrupts it at T: the worker is brought
//     forward to T (its work up to then counted) and handles the request there.
//   ✓ lookahead for interpreted code (kLookaheadNs, 2 ms): a worker whose last cost was
//     interpreted instructions runs on past other *processes'* events by up to kLookaheadNs of
//     virtual time before it hands the baton over; with workers of its own process (shared
//     memory, one GIL) it stays exact. Four processes of interpreted work then hand the baton
//     over about once per 2 ms of virtual time each (a few hundred times for 4 x 200 ms), not
//     once per charge (7.7 µs): on a busy host each hand-off waits for the OS (1-4 ms).
//     Nothing a worker does between two instructions can be seen by another process; whatever
//     can be seen waits until every earlier event of the others has happened (sync_shared:
//     the order is virtual time's, as without lookahead):
//       ✓ process channels (multiprocessing.Queue / Pipe: put, get, poll, qsize, close), a
//         process's start, join, is_alive, exitcode, terminate/kill and the exit it reports,
//         every multiprocessing handle (Lock, Event, Semaphore, Condition, Value/Array) and
//         print(): a receiver never sees a message before its send time, and a non-blocking
//         poll (get_nowait, empty(), poll()) is exact, not early.
//       ✓ cores: a park, an exit and a slice's end wait for earlier events first; a wake-up
//         (a notify) is an event at the time its notifier next asks the scheduler (as without
//         lookahead), run in time order before timers: woken workers take cores in time order.
//       ✓ determinism: when to hand over depends only on virtual times, processes and the
//         seed: the same program, knobs and seed give the same run, under any load.
//       ✗ terminate()/kill() of a process, and the daemons' stop at shutdown, take effect at
//         the target's next instruction check: up to kLookaheadNs (plus one charge) after the
//         request if it had run ahead in interpreted code (its work meanwhile is counted).
//         In cpu() (pure work) it is exact, as below.
//       ✗ the run's memory limit counts allocations of processes that ran ahead a little
//         early (the limit still stops the run deterministically).
//     C++ code (engine tests, kernels) never runs ahead: only interpreted instructions do.
//   ✓ blocking: a parked worker becomes runnable when its probe is true (evaluated after a
//     notify of its WaitCv) at the notifier's time, or at its deadline (a timer). When every
//     worker is blocked the clock jumps to the next timer (as the Go playground's fake time):
//     sleeps, I/O waits and timeouts cost no real time.
//   ✓ wake-ups that only wait again (Rewait; the GIL's waiters): a parked worker woken by its
//     timer or a notify whose step would only look at its primitive and park again (a GIL
//     waiter's switch interval ran out: it sets the drop request; another worker took the GIL
//     first) has that step run by the scheduler, under its mutex, instead of the baton going
//     there and back (two OS thread switches). Exact: the step is the worker's own code on its
//     own state at its virtual time, and the scheduler then decides as that worker's park
//     would have (same decision count, same `now`): the same run, byte for byte.
//   ✓ ties: simultaneous events run in an order drawn from (seed, worker, time, decision
//     count); timers before workers that are already on a core.
//   ✓ deadlock: no runnable worker, no timer, some worker parked: exact, reported like the real
//     machine's (from the registered waits).
//   ✓ limits: RunLimits::wall_s in virtual time (and the controller's real-time guard).
//   ✓ stop: every parked worker is made runnable at the current virtual time and unwinds under
//     the baton (deterministic); if the run does not end within 2 s of real time the scheduler
//     is abandoned and the threads run freely (an escape hatch, never the normal path).
//   ✗ caches, memory bandwidth, hyper-threads, NUMA; the OS's own threads; I/O devices (an I/O
//     wait is a timer); priority or CFS-like fairness (round-robin slices only).
//
// Thread-safety: all members are called by the baton holder, except notified()/on_stop()/
// wake_all()/abandon() (any thread) and time_of() (the worker itself). One mutex guards the
// scheduler's state; it is held only for the bookkeeping of one decision.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <set>
#include <vector>

#include "engine/clock.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine {

// What a parked worker would do when it next runs, run by the scheduler itself when that is only
// a look at its primitive and another wait (a GIL waiter whose switch interval ran out sets the
// drop request and waits again: CPython's take_gil). Saves the two baton passes (OS thread
// switches) of such a wake-up; the virtual run is the same.
struct Rewait {
    void* obj = nullptr;
    // Called with the scheduler's mutex held, on the baton holder's thread, while the worker is
    // parked and about to be given the baton at its virtual time. Returns true if the worker
    // waits again (it did what the worker would have done; its next wait in cv/deadline/probe);
    // false: the worker runs (nothing was done for it).
    bool (*call)(void* obj, WaitCv*& cv, int64_t& deadline, ProbeRef& probe) = nullptr;
    explicit operator bool() const noexcept { return call != nullptr; }
};

// A worker as the scheduler sees it.
struct SimThread {
    enum class St : uint8_t { timer, parked, queued, active, exited };
    uint16_t worker = 0;
    std::atomic<int64_t> vt{0};  // virtual time; written by the worker itself or the holder
    St st = St::timer;
    // parked / timer
    WaitCv* cv = nullptr;
    ProbeRef probe;
    int64_t deadline = Clock::kNever;
    bool timed_out = false;
    Rewait rewait;  // while parked: what it would do when woken, if it may be done for it
    // queued
    int64_t ready_at = 0;
    // active
    int64_t slice_start = 0;
    // The holder runs without asking the scheduler while its time is below this: the earliest
    // other event when it was given the baton (set by dispatch).
    int64_t horizon = Clock::kNever;
    // The earliest event of another worker (or a pending wake-up) when it was given the baton:
    // its time above this means something else comes first (sync_shared).
    int64_t others = Clock::kNever;
    // Interpreted code may run on to here: the horizon with other processes' events moved
    // kLookaheadNs later (its own process's stay exact).
    int64_t reach = Clock::kNever;
    // Its last cost was interpreted instructions (charge(..., true)): it may use `reach`.
    // Written and read by the worker itself.
    bool lookahead = false;
    // It ran past `horizon` on lookahead since it was given the baton: an event of another
    // worker may be earlier than its time. Set by charge, cleared by dispatch.
    bool ran_ahead = false;
    // Inside Machine::work (pure CPU work, nothing visible until it ends): its end, else -1.
    // Others may then order themselves against this worker's end rather than its every tick.
    std::atomic<int64_t> pure_until{-1};
    // Work the scheduler did for it: a pure worker interrupted by an event at time T (a GIL
    // drop request, a stop) is brought forward to T, as if it had computed until then.
    std::atomic<int64_t> credit{0};
    // the baton: 1 = this worker may run
    std::atomic<uint32_t> baton{0};
    WorkerContext* ctx = nullptr;
};

class Sim final : public VirtualTime {
  public:
    explicit Sim(Runtime& rt);
    ~Sim() override;
    Sim(const Sim&) = delete;
    Sim& operator=(const Sim&) = delete;

    // VirtualTime: the calling worker's time, else the machine's current time.
    int64_t now_ns() const noexcept override;
    static int64_t time_of(const SimThread& t) noexcept {
        return t.vt.load(std::memory_order_relaxed);
    }
    // The time a finished run ended at (the latest event).
    int64_t end_ns() const noexcept { return latest_.load(std::memory_order_relaxed); }
    // Times the baton passed from one OS thread to another (each an OS thread switch): the
    // scheduler's real cost, for the bench. Any thread.
    uint64_t handoffs() const noexcept { return handoffs_.load(std::memory_order_relaxed); }
    // Wake-ups the scheduler ran for a parked worker instead of passing the baton (Rewait).
    uint64_t rewaits() const noexcept { return rewaits_.load(std::memory_order_relaxed); }

    // spawn_worker: `worker` exists from now (the spawner's time + Machine::kThreadStartNs,
    // or 0 for the first worker). `spawner` is null for the controller.
    void admit(uint16_t worker, const WorkerContext* spawner);
    // spawn_worker found no OS thread for it: forget it.
    void abandon_admission(uint16_t worker);
    // WorkerScope: binds the context and waits for the worker's first turn.
    void attach(WorkerContext& ctx);
    // ~WorkerScope: the worker has ended; hands the baton on. Never waits.
    void exit(WorkerContext& ctx);

    // Runtime::park on the simulated machine (see runtime.hpp). `rewait`: what the worker does
    // when woken, if the scheduler may do it itself (the GIL's waiters); valid until it returns.
    bool park(WorkerContext& ctx, std::unique_lock<std::mutex>& lock, WaitCv& cv,
              int64_t deadline_ns, ProbeRef probe, Rewait rewait = {});
    // A checkpoint that found breaker::sim_switch (or another engine bit): runs earlier events
    // of other workers first if there are any.
    static void yield_point(WorkerContext& ctx);
    // Lookahead for interpreted code (see the checklist): how far past other processes' events
    // a worker may run between two instructions before it hands the baton over. Virtual ns.
    static constexpr int64_t kLookaheadNs = 2'000'000;

    // Advances the worker's time (its own CPU work). `interpreted`: interpreted instructions,
    // which may run ahead of other processes (reach); anything else stays exact (horizon).
    void charge(WorkerContext& ctx, int64_t ns, bool interpreted = false) noexcept;
    // Before an access to state other processes can see: runs every earlier event of other
    // workers first (a no-op unless this worker ran ahead). The worker itself, holding the
    // baton, no engine primitive's mutex held.
    static void sync_shared(WorkerContext& ctx);
    // Machine::work on the simulated machine: `ns` of CPU work in steps as long as nothing
    // else can happen meanwhile (the next event, a GIL waiter's timer, the slice end), at least
    // a tick when another event is due now; a checkpoint after each step and at the end.
    // `done`: the work done so far (also when a stop cuts it short).
    static void work(WorkerContext& ctx, int64_t ns, int64_t& done);
    // The worker leaves its pure work early (to hand the GIL over, or to stop).
    static void end_pure(WorkerContext& ctx) noexcept {
        ctx.sim_->pure_until.store(-1, std::memory_order_relaxed);
    }

    void notified(WaitCv& cv) noexcept;  // WaitCv::notify_*; any thread
    void on_stop() noexcept;             // end_run: make everything runnable; any thread
    void wake_all() noexcept;            // after a kill / daemon shutdown; any thread
    void abandon() noexcept;             // the escape hatch; any thread
    bool abandoned() const noexcept { return abandoned_.load(std::memory_order_acquire); }

  private:
    SimThread& thread(uint16_t w);
    void make_runnable(SimThread& t, int64_t at);  // parked/timer -> active or queued
    // `t` (woken, about to get the baton) parks again if its Rewait did its step (mu_ held).
    bool rewait(SimThread& t);
    void release_core(SimThread& t, int64_t at);  // t leaves its core at `at`
    uint64_t tie(uint16_t worker, int64_t t) const noexcept;
    int64_t next_visible(const SimThread& t) const;
    // Picks the next event and hands the baton to its worker (mu_ held, released inside).
    // `me`: the caller (it waits for its own baton again if it is still alive and not chosen).
    void dispatch(std::unique_lock<std::mutex>& lk, SimThread* me);
    void wait_baton(SimThread& t);
    void give_baton(SimThread& t);
    // `t` ran ahead (lookahead) and another worker's event is earlier than its time.
    static bool ahead(const SimThread& t) noexcept { return t.ran_ahead && time_of(t) > t.others; }

    Runtime& rt_;
    const unsigned cores_;
    const uint64_t seed_;
    mutable std::mutex mu_;
    std::deque<SimThread> threads_;                                      // index = worker id
    std::set<std::pair<std::pair<int64_t, uint64_t>, uint16_t>> queue_;  // waiting for a core
    unsigned on_core_ = 0;
    int holder_ = -1;                // the worker holding the baton
    uint64_t decisions_ = 0;         // decisions taken: part of every tie-break
    std::mutex note_mu_;             // guards the two below; never held while calling out
    std::vector<WaitCv*> notified_;  // since the last decision
    // Wake-ups taken from notified_ at the deciding worker's time: events (guarded by mu_).
    std::vector<std::pair<int64_t, WaitCv*>> wakeups_;
    bool wake_all_pending_ = false;   // stop, a kill, daemon shutdown: wake every parked worker
    std::atomic<bool> dirty_{false};  // notified_/wake_all_pending_/an admission since then
    std::atomic<bool> abandoned_{false};
    std::atomic<int64_t> latest_{0};  // the latest event time dispatched
    std::atomic<uint64_t> handoffs_{0};
    std::atomic<uint64_t> rewaits_{0};
    int64_t next_sample_ = 0;  // next line-sample period start (virtual)
};

}  // namespace interleave::engine
