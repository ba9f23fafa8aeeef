// The GIL: CPython's take_gil/drop_gil with FORCE_SWITCHING, plus tracing and stop.
#include "engine/gil.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "engine/machine.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"

namespace interleave::engine {

Gil::Gil(Runtime& rt, uint16_t process, double switch_interval_ms, std::atomic<uint32_t>* breaker)
    : rt_(rt),
      process_(process),
      interval_ns_(static_cast<int64_t>(std::max(switch_interval_ms, 0.001) * 1e6)),
      breaker_(breaker) {}

void Gil::set_switch_interval_ms(double ms) {
    std::lock_guard<std::mutex> g(mu_);
    interval_ns_ = static_cast<int64_t>(std::max(ms, 0.001) * 1e6);
}

double Gil::switch_interval_ms() const {
    std::lock_guard<std::mutex> g(mu_);
    return static_cast<double>(interval_ns_) / 1e6;
}

void Gil::request_drop(WorkerContext& ctx, int64_t now) {
    if (drop_request_.load(std::memory_order_relaxed)) return;
    drop_request_.store(true, std::memory_order_relaxed);
    breaker_->fetch_or(breaker::gil_drop, std::memory_order_relaxed);
    ctx.record_->gil_drop_requests.fetch_add(1, std::memory_order_relaxed);
    // The waiter's event (the scheduler may run this step for it: see Gil::rewait).
    ctx.emit(EventKind::gil_drop_request, process_, now);
}

void Gil::clear_drop() {
    drop_request_.store(false, std::memory_order_relaxed);
    breaker_->fetch_and(~breaker::gil_drop, std::memory_order_relaxed);
}

// One worker's wait for the GIL: take_gil's loop state. It lives in the waiter's frame; on the
// simulated machine the scheduler may run a step of it (Gil::rewait) while the waiter is parked.
struct Gil::Waiter {
    enum class Phase : uint8_t { forced, enter, round };
    struct Free {  // the GIL is free: the waiter may take it
        Gil* g;
        bool operator()() const {
            std::lock_guard<std::mutex> l(g->mu_);
            return !g->locked_;
        }
    };
    struct Taken {  // FORCE_SWITCHING: another worker took the GIL since this one dropped it
        Gil* g;
        int me;
        bool operator()() const {
            std::lock_guard<std::mutex> l(g->mu_);
            return g->last_holder_ != me;
        }
    };

    Waiter(Gil& gil, WorkerContext& c, int64_t since, Phase ph)
        : g(gil), ctx(c), waiting_since(since), phase(ph), free{&gil}, taken{&gil, c.worker_} {}

    Gil& g;
    WorkerContext& ctx;
    int64_t waiting_since;  // when it began waiting, or -1: at its first look
    Phase phase;
    uint64_t saved = 0;       // switches_ when the round began
    int64_t round_start = 0;  // one interval after this without a switch, it asks for a drop
    int64_t now = 0;          // the time of its last look
    // Its next wait.
    WaitCv* cv = nullptr;
    int64_t deadline = Runtime::kNever;
    ProbeRef probe;
    // A step the scheduler ran ended otherwise than in a wait (a stop came meanwhile): the
    // waiter goes on from there.
    std::optional<Step> pending;
    Free free;
    Taken taken;
};

bool Gil::acquire(WorkerContext& ctx) {
    if (ctx.holds_gil_) return true;
    bool ok;
    {
        std::unique_lock<std::mutex> lk(mu_);
        Waiter w(*this, ctx, -1, Waiter::Phase::enter);
        ok = wait_locked(lk, w);
    }
    settle(ctx);
    return ok;
}

// On the simulated machine, a hand-off's cost may have moved this worker past another's event:
// let that run first, before anything this worker does next becomes visible.
void Gil::settle(WorkerContext& ctx) {
    if (ctx.sim_ && (ctx.breaker() & breaker::sim_switch)) Sim::yield_point(ctx);
}

void Gil::release(WorkerContext& ctx, WorkerState next) {
    if (!ctx.holds_gil_) {
        ctx.set_state(next == WorkerState::running ? WorkerState::idle : next);
        return;
    }
    std::lock_guard<std::mutex> g(mu_);
    drop_locked(ctx, next);
}

bool Gil::wait_locked(std::unique_lock<std::mutex>& lk, Waiter& w) {
    Sim* sim = w.ctx.sim_ ? impl_of(rt_).sim.get() : nullptr;
    Step s = step(w, false);
    while (s == Step::park) {
        if (sim && !sim->abandoned())
            sim->park(w.ctx, lk, *w.cv, w.deadline, w.probe, Rewait{&w, &Gil::rewait});
        else
            rt_.park(w.ctx, lk, *w.cv, w.deadline, w.probe);
        s = w.pending ? *std::exchange(w.pending, std::nullopt) : step(w, true);
    }
    if (s == Step::fail) {
        w.ctx.record_->gil_wait_ns.fetch_add(w.ctx.now_ns() - w.waiting_since,
                                             std::memory_order_relaxed);
        return false;
    }
    take_now(w);
    return true;
}

// take_gil's loop between two waits, as CPython 3.11's Python/ceval_gil.c.
Gil::Step Gil::step(Waiter& w, bool woke) {
    WorkerContext& ctx = w.ctx;
    if (w.phase == Waiter::Phase::forced) {
        // FORCE_SWITCHING: do not compete until another worker has actually taken the GIL.
        if (last_holder_ == ctx.worker_) {
            if (rt_.stop_requested(ctx)) return Step::fail;
            w.cv = &switch_cv_;
            w.deadline = Runtime::kNever;
            w.probe = ProbeRef(w.taken);
            return Step::park;
        }
        w.phase = Waiter::Phase::enter;
    }
    w.now = ctx.now_ns();
    if (w.phase == Waiter::Phase::enter) {
        if (!locked_) return Step::take;
        if (w.waiting_since < 0) {
            w.waiting_since = w.now;
            ctx.set_state(WorkerState::gil_wait, w.now);
        }
        w.saved = switches_.load(std::memory_order_relaxed);
        w.round_start = w.now;
        w.phase = Waiter::Phase::round;
    } else if (woke) {
        if (!locked_) return Step::take;
        // CPython: a waiter that saw no switch during a whole interval asks for a drop.
        const uint64_t sw = switches_.load(std::memory_order_relaxed);
        if (sw != w.saved) {
            w.saved = sw;
            w.round_start = w.now;
        } else if (w.now - w.round_start >= interval_ns_) {
            request_drop(ctx, w.now);
            w.round_start = w.now;
        }
    }
    if (rt_.stop_requested(ctx)) return Step::fail;
    // take_gil's timed wait: one switch interval (virtual on the simulated machine).
    w.cv = &cv_;
    w.deadline = w.round_start + interval_ns_;
    w.probe = ProbeRef(w.free);
    return Step::park;
}

// Called by the simulated scheduler, its mutex held (then this GIL's: the lock order), on the
// baton holder's thread, when the parked waiter would get the baton. A step that only waits
// again costs the waiter nothing it could see, so the scheduler runs it here instead of
// handing the baton over and back (two OS thread switches): the same state, the same trace
// event (a drop request, written to the waiter's own buffer, which it is not using), at the
// same virtual time. Taking the GIL and giving up are left to the waiter.
bool Gil::rewait(void* waiter, WaitCv*& cv, int64_t& deadline, ProbeRef& probe) {
    Waiter& w = *static_cast<Waiter*>(waiter);
    Gil& g = w.g;
    std::lock_guard<std::mutex> lk(g.mu_);
    if (w.pending || !g.locked_ || g.rt_.stop_requested(w.ctx)) return false;
    if (w.phase == Waiter::Phase::enter && w.waiting_since < 0) return false;  // sets its state
    const Step s = g.step(w, true);
    if (s != Step::park) {  // a stop from another thread since the check above
        w.pending = s;
        return false;
    }
    cv = w.cv;
    deadline = w.deadline;
    probe = w.probe;
    return true;
}

// One clock read per transition: the wait ends, the hold begins, gil_acquire and the state
// `running` all carry the same time, so a worker's hold and wait intervals tile its time with
// the GIL exactly (no gap, no overlap between the figures).
void Gil::take_now(Waiter& w) {
    WorkerContext& ctx = w.ctx;
    WorkerRecord& rec = *ctx.record_;
    int64_t now = w.now;
    locked_ = true;
    holder_.store(ctx.worker_, std::memory_order_relaxed);
    if (last_holder_ != ctx.worker_) {
        if (last_holder_ >= 0) {  // the very first take is not a hand-off
            switches_.fetch_add(1, std::memory_order_relaxed);
            rec.gil_switches.fetch_add(1, std::memory_order_relaxed);
            // The simulated machine charges what a hand-off costs a real one (the waiter's
            // wake-up); the real machine pays it for real.
            if (ctx.sim_) {
                ctx.charge_ns(Machine::kGilHandoffNs);
                now = ctx.now_ns();
            }
        }
        last_holder_ = ctx.worker_;
    }
    if (w.waiting_since >= 0)
        rec.gil_wait_ns.fetch_add(now - w.waiting_since, std::memory_order_relaxed);
    switch_cv_.notify_all();  // FORCE_SWITCHING: the dropper waits for exactly this
    clear_drop();
    ctx.holds_gil_ = true;
    held_since_ns_ = now;
    // Traced under mu_: the previous holder's release is always earlier in time (one clock,
    // latched where host clocks may disagree).
    ctx.emit(EventKind::gil_acquire, process_, now);
    ctx.set_state(WorkerState::running, now);
}

int64_t Gil::drop_locked(WorkerContext& ctx, WorkerState next) {
    const int64_t now = ctx.now_ns();
    // The state leaves `running` before the GIL is free: the trace never shows two workers
    // running in one process.
    ctx.set_state(next == WorkerState::running ? WorkerState::idle : next, now);
    ctx.record_->gil_hold_ns.fetch_add(now - held_since_ns_, std::memory_order_relaxed);
    ctx.emit(EventKind::gil_release, process_, now);
    locked_ = false;
    holder_.store(-1, std::memory_order_relaxed);
    ctx.holds_gil_ = false;
    cv_.notify_all();
    return now;
}

bool Gil::yield(WorkerContext& ctx) {
    const bool ok = yield_locked(ctx);
    settle(ctx);
    return ok;
}

bool Gil::yield_locked(WorkerContext& ctx) {
    std::unique_lock<std::mutex> lk(mu_);
    if (!drop_request_.load(std::memory_order_relaxed)) return true;  // already served
    // From the drop until the GIL is ours again, this worker waits for it: one interval.
    const int64_t dropped = drop_locked(ctx, WorkerState::gil_wait);
    Waiter w(*this, ctx, dropped, Waiter::Phase::enter);
    // FORCE_SWITCHING: do not compete until another worker has actually taken the GIL.
    if (last_holder_ == ctx.worker_) {
        clear_drop();
        w.phase = Waiter::Phase::forced;
    }
    return wait_locked(lk, w);
}

}  // namespace interleave::engine
