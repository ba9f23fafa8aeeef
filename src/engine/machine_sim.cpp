// The simulated machine's scheduler (see sim.hpp for the model and its checklist).
//
// One decision (dispatch): wake what stop or a notify made runnable, then repeatedly take the
// earliest event — a timer (a parked worker's deadline, a new worker's start) or a worker on a
// core at its virtual time — firing timers, until the earliest is a worker on a core: it gets
// the baton. Ties: timers first, then an order drawn from (seed, worker, time).
//
// Locks: mu_ (this scheduler's state) is taken after a primitive's mutex is released, and probes
// (which take primitive mutexes) run under mu_: order mu_ -> primitive. Notifies, which may come
// with a primitive's mutex held (the GIL, Barrier), only touch note_mu_.
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <thread>
#include <utility>

#include "engine/machine.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"
#include "engine/usage.hpp"

namespace interleave::engine {

namespace {
// What ends a worker's pure work early.
constexpr uint32_t kInterrupts = breaker::gil_drop | breaker::stop | breaker::kill_daemons;

uint64_t splitmix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
}  // namespace

Sim::Sim(Runtime& rt)
    : rt_(rt),
      cores_(std::clamp(rt.config().machine.cores, 1u, MachineConfig::kMaxCores)),
      seed_(splitmix64(rt.config().machine.seed)) {}

Sim::~Sim() = default;

int64_t Sim::now_ns() const noexcept {
    const WorkerContext* c = current_worker();
    if (c && c->sim_ && &c->runtime() == &rt_) return time_of(*c->sim_);
    return latest_.load(std::memory_order_relaxed);
}

SimThread& Sim::thread(uint16_t w) {
    while (threads_.size() <= w) threads_.emplace_back();
    return threads_[w];
}

// A fresh order at every decision: the same pair of simultaneous workers does not always meet
// in the same order (a program whose steps cost no time would otherwise never interleave).
uint64_t Sim::tie(uint16_t worker, int64_t t) const noexcept {
    return splitmix64(seed_ ^ (uint64_t{worker} * 0xD6E8FEB86659FD93ull) ^
                      (static_cast<uint64_t>(t) * 0x9E3779B97F4A7C15ull) ^ splitmix64(decisions_));
}

// --- Admission, exit ---------------------------------------------------------------------------

void Sim::admit(uint16_t worker, const WorkerContext* spawner) {
    std::unique_lock<std::mutex> lk(mu_);
    SimThread& t = thread(worker);
    t.worker = worker;
    // A new thread starts like a timer: runnable kThreadStartNs after its spawner's now (the
    // first worker at 0).
    const int64_t at =
        spawner && spawner->sim_ ? time_of(*spawner->sim_) + Machine::kThreadStartNs : 0;
    t.vt.store(at, std::memory_order_relaxed);
    t.st = SimThread::St::timer;
    t.deadline = at;
    if (holder_ < 0) {
        dispatch(lk, nullptr);  // nobody else would start it (MainThread, from the controller)
    } else if (spawner && spawner->sim_) {
        // A new event, maybe before the spawner's horizon: its next checkpoint decides.
        dirty_.store(true, std::memory_order_release);
        const_cast<WorkerContext*>(spawner)->set_breaker(breaker::sim_switch);
    }
}

void Sim::abandon_admission(uint16_t worker) {
    std::unique_lock<std::mutex> lk(mu_);
    SimThread& t = thread(worker);
    t.st = SimThread::St::exited;
    t.deadline = Clock::kNever;
    if (holder_ == worker) holder_ = -1;
}

void Sim::attach(WorkerContext& ctx) {
    SimThread* t = nullptr;
    {
        std::lock_guard<std::mutex> g(mu_);
        t = &thread(ctx.worker_);
        t->ctx = &ctx;
    }
    ctx.sim_ = t;
    wait_baton(*t);
}

void Sim::exit(WorkerContext& ctx) {
    std::unique_lock<std::mutex> lk(mu_);
    SimThread& t = *ctx.sim_;
    // Ran ahead (lookahead): earlier events of others go first, so its core is released and
    // its end seen in time order.
    if (!abandoned() && t.st == SimThread::St::active && ahead(t)) dispatch(lk, &t);
    const int64_t now = time_of(t);
    if (now > latest_.load(std::memory_order_relaxed))
        latest_.store(now, std::memory_order_relaxed);
    release_core(t, now);
    t.st = SimThread::St::exited;
    t.ctx = nullptr;
    if (holder_ == t.worker) holder_ = -1;
    if (abandoned()) return;
    dispatch(lk, nullptr);  // hand the baton on; this thread never needs it again
}

// --- Waits and time ------------------------------------------------------------------------------

bool Sim::park(WorkerContext& ctx, std::unique_lock<std::mutex>& lock, WaitCv& cv,
               int64_t deadline_ns, ProbeRef probe, Rewait rewait) {
    cv.sim_.store(this, std::memory_order_release);
    SimThread& t = *ctx.sim_;
    lock.unlock();  // before mu_: see the lock order above
    {
        std::unique_lock<std::mutex> lk(mu_);
        if (t.st == SimThread::St::active && ahead(t)) {
            // Ran ahead (lookahead): earlier events of others go first (it keeps its core
            // meanwhile), so its core is released in time order. They may have made its
            // condition true (or stopped the run): then it does not park at all.
            dispatch(lk, &t);
            if ((probe && probe()) || rt_.stop_requested()) {
                lk.unlock();
                lock.lock();
                return true;
            }
        }
        t.cv = &cv;
        t.probe = probe;
        t.deadline = deadline_ns;
        t.timed_out = false;
        t.rewait = rewait;
        release_core(t, time_of(t));
        t.st = SimThread::St::parked;
        dispatch(lk, &t);  // returns once this worker holds the baton again
        t.rewait = {};     // its frame is its own again
    }
    lock.lock();
    return !t.timed_out;
}

void Sim::charge(WorkerContext& ctx, int64_t ns, bool interpreted) noexcept {
    SimThread& t = *ctx.sim_;
    const int64_t v = t.vt.load(std::memory_order_relaxed) + ns;
    t.vt.store(v, std::memory_order_relaxed);
    t.lookahead = interpreted;
    if (v < t.horizon) return;
    // Past an event of another worker: interpreted code runs on to its reach (it ran ahead:
    // what it does next that others can see waits for them, sync_shared); anything else (pure
    // work, a start, pickling, a GIL hand-off) stops here, exactly.
    if (interpreted) t.ran_ahead = true;
    if (v >= (interpreted ? t.reach : t.horizon)) ctx.set_breaker(breaker::sim_switch);
}

void Sim::sync_shared(WorkerContext& ctx) {
    Sim& s = *impl_of(ctx.runtime()).sim;
    if (s.abandoned()) return;
    SimThread& t = *ctx.sim_;
    if (!ahead(t)) return;  // nothing earlier is pending: it holds the baton in time order
    std::unique_lock<std::mutex> lk(s.mu_);
    s.dispatch(lk, &t);
}

void Sim::work(WorkerContext& ctx, int64_t ns, int64_t& done) {
    SimThread& t = *ctx.sim_;
    // Leaving early (a stop unwinds through a checkpoint): the work the scheduler did for this
    // worker while bringing it forward counts as done.
    struct Pure {
        SimThread& t;
        int64_t& done;
        ~Pure() {
            t.pure_until.store(-1, std::memory_order_relaxed);
            done += t.credit.exchange(0, std::memory_order_relaxed);
        }
    } pure{t, done};
    t.pure_until.store(time_of(t) + ns, std::memory_order_relaxed);
    while (done < ns) {
        ctx.checkpoint();  // stop, a GIL drop request, the scheduler
        done += t.credit.exchange(0, std::memory_order_relaxed);  // brought forward meanwhile
        if (done >= ns) break;
        t.pure_until.store(time_of(t) + (ns - done), std::memory_order_relaxed);
        // Up to the next event that could touch this worker; at least a tick when one is due
        // now (so the worker makes progress after winning a tie).
        const int64_t room = t.horizon - time_of(t);
        const int64_t step = std::min(ns - done, std::max(room, Machine::kTickNs));
        ctx.charge_ns(step);
        done += step;
        t.pure_until.store(time_of(t) + (ns - done), std::memory_order_relaxed);
    }
    t.pure_until.store(-1, std::memory_order_relaxed);
    ctx.checkpoint();  // what follows the work is visible: let earlier events go first
}

void Sim::yield_point(WorkerContext& ctx) {
    Sim& s = *impl_of(ctx.runtime()).sim;
    ctx.clear_breaker(breaker::sim_switch);
    if (s.abandoned()) return;
    SimThread& t = *ctx.sim_;
    // Interpreted code may run on to its reach (lookahead), anything else to its horizon.
    if (time_of(t) < (t.lookahead ? t.reach : t.horizon) &&
        !s.dirty_.load(std::memory_order_acquire))
        return;
    std::unique_lock<std::mutex> lk(s.mu_);
    // A slice's end passes the core on: after every earlier event of the others (lookahead).
    if (t.st == SimThread::St::active && !s.queue_.empty() && ahead(t) &&
        time_of(t) - t.slice_start >= Machine::kSliceNs)
        s.dispatch(lk, &t);
    // Round-robin: a worker that used a whole slice while others wait for a core goes to the
    // back of the queue (its core passes to the first in line). It is traced as `ready`
    // meanwhile, so the cores view never shows more busy workers than cores.
    const int64_t now = time_of(t);
    WorkerState resume = WorkerState::count_;
    if (t.st == SimThread::St::active && !s.queue_.empty() &&
        now - t.slice_start >= Machine::kSliceNs) {
        s.release_core(t, now);
        t.st = SimThread::St::queued;
        t.ready_at = now;
        s.queue_.insert({{now, s.tie(t.worker, now)}, t.worker});
        if (is_busy(ctx.state())) {
            resume = ctx.state();
            lk.unlock();
            ctx.set_state(WorkerState::ready, now);
            lk.lock();
        }
    }
    s.dispatch(lk, &t);
    lk.unlock();
    if (resume != WorkerState::count_) ctx.set_state(resume, time_of(t));
}

void Sim::notified(WaitCv& cv) noexcept {
    {
        std::lock_guard<std::mutex> g(note_mu_);
        notified_.push_back(&cv);
    }
    dirty_.store(true, std::memory_order_release);
    // The notifier is almost always the worker holding the baton: its next checkpoint decides
    // whether the woken worker goes first.
    if (WorkerContext* c = current_worker(); c && c->sim_ && &c->runtime() == &rt_)
        c->set_breaker(breaker::sim_switch);
}

void Sim::on_stop() noexcept {
    {
        std::lock_guard<std::mutex> g(note_mu_);
        wake_all_pending_ = true;
    }
    dirty_.store(true, std::memory_order_release);
}

void Sim::wake_all() noexcept {
    on_stop();
    if (WorkerContext* c = current_worker(); c && c->sim_ && &c->runtime() == &rt_)
        c->set_breaker(breaker::sim_switch);
}

void Sim::abandon() noexcept {
    abandoned_.store(true, std::memory_order_release);
    std::lock_guard<std::mutex> g(mu_);
    for (auto& t : threads_) {
        t.baton.store(1, std::memory_order_release);
        t.baton.notify_all();
    }
}

// The time of a worker's next action that others could see: its time, or the end of the pure
// work it is in, unless something is pending for it (a GIL drop request, a stop, a kill).
int64_t Sim::next_visible(const SimThread& t) const {
    const int64_t v = time_of(t);
    const int64_t p = t.pure_until.load(std::memory_order_relaxed);
    if (p <= v || !t.ctx) return v;
    if (t.ctx->breaker() & kInterrupts) return v;
    // While others wait for a core its slice may end first: it gives its core up then.
    if (!queue_.empty()) return std::min(p, std::max(v, t.slice_start + Machine::kSliceNs));
    return p;
}

// --- Cores ---------------------------------------------------------------------------------------

void Sim::make_runnable(SimThread& t, int64_t at) {
    t.cv = nullptr;
    t.probe = {};
    t.deadline = Clock::kNever;
    const int64_t v = std::max(time_of(t), at);
    t.vt.store(v, std::memory_order_relaxed);
    if (on_core_ < cores_) {
        t.st = SimThread::St::active;
        t.slice_start = v;
        ++on_core_;
    } else {
        t.st = SimThread::St::queued;
        t.ready_at = v;
        queue_.insert({{v, tie(t.worker, v)}, t.worker});
    }
}

void Sim::release_core(SimThread& t, int64_t at) {
    if (t.st != SimThread::St::active) return;
    --on_core_;
    if (queue_.empty()) return;
    const auto first = *queue_.begin();
    queue_.erase(queue_.begin());
    SimThread& q = threads_[first.second];
    const int64_t v = std::max(q.ready_at, at);
    q.vt.store(v, std::memory_order_relaxed);
    q.st = SimThread::St::active;
    q.slice_start = v;
    ++on_core_;
}

// --- The decision --------------------------------------------------------------------------------

void Sim::dispatch(std::unique_lock<std::mutex>& lk, SimThread* me) {
    Runtime::Impl& im = impl_of(rt_);
    // Whose decision this is: the caller's, or that of the worker whose wake-up was last run
    // here (Rewait: it would have parked again and decided, as every worker does).
    SimThread* decider = me;
    for (;;) {
        ++decisions_;
        // The time of whatever just happened (a notify, a stop, a drop request): the decider's.
        const int64_t now = decider ? time_of(*decider) : latest_.load(std::memory_order_relaxed);
        dirty_.store(false, std::memory_order_relaxed);
        std::vector<WaitCv*> notes;
        bool wake_all = false;
        {
            std::lock_guard<std::mutex> g(note_mu_);
            notes.swap(notified_);
            wake_all = std::exchange(wake_all_pending_, false);
        }
        // A pure worker something is now pending for (a GIL drop request, a stop) was ordered by
        // the end of its work; the request was made now: bring it forward to now, its work up
        // to then done, so it answers at the request's time and not at its older one.
        // A stop (or kill, or daemon shutdown) happens at the machine's current time; a GIL drop
        // request at its requester's (the caller: it parks right after asking).
        const int64_t stop_time = std::max(now, latest_.load(std::memory_order_relaxed));
        for (SimThread& t : threads_) {
            if (t.st != SimThread::St::active || !t.ctx) continue;
            const int64_t p = t.pure_until.load(std::memory_order_relaxed), v = time_of(t);
            const uint32_t bits = t.ctx->breaker() & kInterrupts;
            if (p <= v || !bits) continue;
            const int64_t at = (bits & ~breaker::gil_drop) ? stop_time : now;
            const int64_t to = std::min(p, std::max(v, at));
            t.vt.store(to, std::memory_order_relaxed);
            t.credit.fetch_add(to - v, std::memory_order_relaxed);
            t.pure_until.store(-1, std::memory_order_relaxed);
        }
        // A stop wakes every parked worker now.
        if (wake_all)
            for (SimThread& t : threads_)
                if (t.st == SimThread::St::parked) make_runnable(t, stop_time);
        // A notify is a wake-up event at the notifier's time (the caller's: the notifier holds
        // the baton). When the caller ran ahead (lookahead), earlier events of others come
        // first, so a woken worker takes a core in time order.
        for (WaitCv* cv : notes) {
            if (std::find_if(wakeups_.begin(), wakeups_.end(), [&](const auto& w) {
                    return w.first == now && w.second == cv;
                }) == wakeups_.end())
                wakeups_.emplace_back(now, cv);
        }

        // The earliest event. Wake-ups go first at their time (a notify made at T is seen by a
        // waiter at T), then timers, then workers on a core.
        SimThread* best = nullptr;
        int64_t best_time = Clock::kNever;
        int best_class = 2;  // 0 timer, 1 on a core
        uint64_t best_tie = 0;
        bool parked_any = false;
        for (bool woke = true; woke;) {
            best = nullptr;
            best_time = Clock::kNever;
            best_class = 2;
            best_tie = 0;
            parked_any = false;
            for (SimThread& t : threads_) {
                int cls;
                int64_t when;
                if (t.st == SimThread::St::active) {
                    cls = 1;
                    when = next_visible(t);
                } else if ((t.st == SimThread::St::parked || t.st == SimThread::St::timer) &&
                           t.deadline != Clock::kNever) {
                    cls = 0;
                    when = t.deadline;
                } else {
                    if (t.st == SimThread::St::parked) parked_any = true;
                    continue;
                }
                const uint64_t tb = tie(t.worker, when);
                if (!best || when < best_time || (when == best_time && cls < best_class) ||
                    (when == best_time && cls == best_class && tb < best_tie)) {
                    best = &t;
                    best_time = when;
                    best_class = cls;
                    best_tie = tb;
                }
            }

            woke = false;
            int64_t at = Clock::kNever;
            for (const auto& w : wakeups_) at = std::min(at, w.first);
            if (at != Clock::kNever && (!best || at <= best_time)) {
                // The wake-ups due first: parked workers whose condition may have changed, in
                // worker order (deterministic); then the earliest event again.
                for (SimThread& t : threads_) {
                    if (t.st != SimThread::St::parked || !t.cv || !t.probe) continue;
                    const bool notified =
                        std::find_if(wakeups_.begin(), wakeups_.end(), [&](const auto& w) {
                            return w.first == at && w.second == t.cv;
                        }) != wakeups_.end();
                    if (notified && t.probe()) make_runnable(t, at);
                }
                wakeups_.erase(std::remove_if(wakeups_.begin(), wakeups_.end(),
                                              [at](const auto& w) { return w.first == at; }),
                               wakeups_.end());
                woke = true;
            }
        }

        if (!best) {
            holder_ = -1;
            if (!parked_any || abandoned()) return;
            // Every worker is parked, no timer is pending: a deadlock, exactly. The report comes
            // from the registered waits (the real machine's detector, which probes them all).
            if (!rt_.run_stopping()) {
                lk.unlock();
                if (!im.detect_deadlock(rt_))
                    rt_.end_run(RunStatus::deadlock,
                                "Deadlock: every thread waits and nothing can wake it");
                lk.lock();
                continue;  // the stop makes everyone runnable
            }
            // Stopping and still stuck (a wait that ignores stop): free the threads.
            lk.unlock();
            abandon();
            return;
        }

        // The virtual wall limit and line samples happen at event times.
        if (const int64_t limit = Clock::duration_ns(rt_.config().limits.wall_s);
            !rt_.run_stopping() && best_time > limit) {
            // The run ends at the limit, not at the later event.
            if (limit > latest_.load(std::memory_order_relaxed))
                latest_.store(limit, std::memory_order_relaxed);
            lk.unlock();
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g s", rt_.config().limits.wall_s);
            rt_.end_run(RunStatus::limit,
                        std::string("Time limit reached (") + buf + "): the run was stopped.");
            lk.lock();
            continue;
        }
        if (rt_.config().line_sample_ms > 0 && best_time >= next_sample_) {
            const auto period =
                std::max<int64_t>(1, static_cast<int64_t>(rt_.config().line_sample_ms * 1e6));
            while (next_sample_ <= best_time) next_sample_ += period;
            rt_.request_line_samples();
        }
        // The machine's time: the event's (a worker ordered by the end of its pure work is
        // still at its own time).
        if (const int64_t at = best_class == 0 ? best_time : time_of(*best);
            at > latest_.load(std::memory_order_relaxed))
            latest_.store(at, std::memory_order_relaxed);

        if (best_class == 0) {  // a timer fires: its worker becomes runnable at its deadline
            best->timed_out = best->st == SimThread::St::parked;
            make_runnable(*best, best_time);
            continue;
        }

        // `best` runs until the next event: its horizon. Interpreted code may run on past other
        // processes' events by kLookaheadNs (its reach); its own process's stay exact (shared
        // memory, one GIL), and so do wake-ups. A worker not attached yet counts as its own.
        int64_t horizon = Clock::kNever, reach = Clock::kNever;
        const int process = best->ctx ? best->ctx->process() : -1;
        for (SimThread& t : threads_) {
            if (&t == best) continue;
            int64_t when;
            if (t.st == SimThread::St::active)
                when = next_visible(t);
            else if ((t.st == SimThread::St::parked || t.st == SimThread::St::timer) &&
                     t.deadline != Clock::kNever)
                when = t.deadline;
            else
                continue;
            horizon = std::min(horizon, when);
            const bool other = process >= 0 && t.ctx && t.ctx->process() != process;
            reach = std::min(
                reach, other && when < Clock::kNever - kLookaheadNs ? when + kLookaheadNs : when);
        }
        for (const auto& w : wakeups_) {
            horizon = std::min(horizon, w.first);
            reach = std::min(reach, w.first);
        }
        best->others = horizon;
        // Its own events, exact for both: the end of its slice while others wait for a core,
        // and the run's own: the virtual wall limit (just past it: an event at the limit still
        // happens) and the next line-sample period. Without these a lone worker in long work
        // would run past the limit and publish no line samples.
        int64_t own = Clock::kNever;
        if (!queue_.empty()) own = std::min(own, best->slice_start + Machine::kSliceNs);
        if (!rt_.run_stopping())
            own = std::min(own, Clock::duration_ns(rt_.config().limits.wall_s) + 1);
        if (rt_.config().line_sample_ms > 0) own = std::min(own, next_sample_);
        best->horizon = std::min(horizon, own);
        best->reach = std::min(reach, own);
        best->ran_ahead = false;
        // A woken worker whose step only waits again (Rewait): done here, without passing the
        // baton there and back; it parks again and decides next, as it would have.
        if (best != me && best->rewait && rewait(*best)) {
            decider = best;
            continue;
        }
        if (best == me) {
            holder_ = me->worker;
            return;
        }
        give_baton(*best);
        if (!me || me->st == SimThread::St::exited) return;
        lk.unlock();
        wait_baton(*me);
        lk.lock();
        return;
    }
}

bool Sim::rewait(SimThread& t) {
    if (abandoned() || t.st != SimThread::St::active || !t.ctx) return false;
    WaitCv* cv = nullptr;
    int64_t deadline = Clock::kNever;
    ProbeRef probe;
    if (!t.rewait.call(t.rewait.obj, cv, deadline, probe)) return false;
    // What park does: the worker leaves its core at its time and waits again.
    cv->sim_.store(this, std::memory_order_release);
    t.cv = cv;
    t.probe = probe;
    t.deadline = deadline;
    t.timed_out = false;
    release_core(t, time_of(t));
    t.st = SimThread::St::parked;
    rewaits_.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void Sim::give_baton(SimThread& t) {
    holder_ = t.worker;
    handoffs_.fetch_add(1, std::memory_order_relaxed);
    t.baton.store(1, std::memory_order_release);
    t.baton.notify_one();
}

// The baton often comes back within microseconds (two workers taking turns): look for it a
// little, yielding the CPU meanwhile (the worker just woken may be waiting for this very
// core), before sleeping in the kernel. On a busy machine a sleep and a wake-up cost ~1 ms.
void Sim::wait_baton(SimThread& t) {
    for (int i = 0; i < 64; ++i) {
        if (t.baton.exchange(0, std::memory_order_acquire) == 1) return;
        if (abandoned()) return;
        std::this_thread::yield();
    }
    for (;;) {
        if (t.baton.exchange(0, std::memory_order_acquire) == 1) return;
        if (abandoned()) return;
        t.baton.wait(0, std::memory_order_acquire);
    }
}

}  // namespace interleave::engine
