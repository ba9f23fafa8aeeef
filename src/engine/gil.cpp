// The GIL: CPython's take_gil/drop_gil with FORCE_SWITCHING, plus tracing and stop.
#include "engine/gil.hpp"

#include <algorithm>

#include "engine/runtime_impl.hpp"
#include "engine/machine.hpp"
#include "engine/sim.hpp"

namespace interleave::engine {

Gil::Gil(Runtime& rt, uint16_t process, double switch_interval_ms,
         std::atomic<uint32_t>* breaker)
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

void Gil::request_drop(WorkerRecord& rec, int64_t now) {
    if (drop_request_.load(std::memory_order_relaxed)) return;
    drop_request_.store(true, std::memory_order_relaxed);
    breaker_->fetch_or(breaker::gil_drop, std::memory_order_relaxed);
    rec.gil_drop_requests.fetch_add(1, std::memory_order_relaxed);
    rt_.emit(EventKind::gil_drop_request, process_, now);
}

void Gil::clear_drop() {
    drop_request_.store(false, std::memory_order_relaxed);
    breaker_->fetch_and(~breaker::gil_drop, std::memory_order_relaxed);
}

bool Gil::acquire(WorkerContext& ctx) {
    if (ctx.holds_gil_) return true;
    bool ok;
    {
        std::unique_lock<std::mutex> lk(mu_);
        ok = take_locked(lk, ctx, -1);
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

// One clock read per transition: the wait ends, the hold begins, gil_acquire and the state
// `running` all carry the same time, so a worker's hold and wait intervals tile its time with
// the GIL exactly (no gap, no overlap between the figures).
bool Gil::take_locked(std::unique_lock<std::mutex>& lk, WorkerContext& ctx, int64_t waiting_since) {
    WorkerRecord& rec = *ctx.record_;
    int64_t now = ctx.now_ns();
    if (locked_) {
        if (waiting_since < 0) {
            waiting_since = now;
            ctx.set_state(WorkerState::gil_wait, now);
        }
        uint64_t saved = switches_.load(std::memory_order_relaxed);
        int64_t round_start = now;
        auto free = [this] {
            std::lock_guard<std::mutex> g(mu_);
            return !locked_;
        };
        while (locked_) {
            if (rt_.stop_requested()) {
                rec.gil_wait_ns.fetch_add(ctx.now_ns() - waiting_since, std::memory_order_relaxed);
                return false;
            }
            // take_gil's timed wait: one switch interval (virtual on the simulated machine).
            rt_.park(ctx, lk, cv_, round_start + interval_ns_, ProbeRef(free));
            now = ctx.now_ns();
            if (!locked_) break;
            // CPython: a waiter that saw no switch during a whole interval asks for a drop.
            const uint64_t sw = switches_.load(std::memory_order_relaxed);
            if (sw != saved) {
                saved = sw;
                round_start = now;
            } else if (now - round_start >= interval_ns_) {
                request_drop(rec, now);
                round_start = now;
            }
        }
    }
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
    if (waiting_since >= 0) rec.gil_wait_ns.fetch_add(now - waiting_since, std::memory_order_relaxed);
    switch_cv_.notify_all();  // FORCE_SWITCHING: the dropper waits for exactly this
    clear_drop();
    ctx.holds_gil_ = true;
    held_since_ns_ = now;
    // Traced under mu_: the previous holder's release is always earlier in time (one clock,
    // latched where host clocks may disagree).
    ctx.emit(EventKind::gil_acquire, process_, now);
    ctx.set_state(WorkerState::running, now);
    return true;
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
    // FORCE_SWITCHING: do not compete until another worker has actually taken the GIL.
    if (last_holder_ == ctx.worker_) {
        clear_drop();
        auto taken = [this, me = static_cast<int>(ctx.worker_)] {
            std::lock_guard<std::mutex> g(mu_);
            return last_holder_ != me;
        };
        while (last_holder_ == ctx.worker_) {
            if (rt_.stop_requested()) {
                ctx.record_->gil_wait_ns.fetch_add(ctx.now_ns() - dropped,
                                                   std::memory_order_relaxed);
                return false;
            }
            rt_.park(ctx, lk, switch_cv_, Runtime::kNever, ProbeRef(taken));
        }
    }
    return take_locked(lk, ctx, dropped);
}

}  // namespace interleave::engine
