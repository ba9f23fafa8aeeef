// Waits: the park/unpark service (WaitCv, Runtime::park), block_until's enter/leave, timed waits
// (sleep, I/O) and GilReleased. On the real machine a park is an OS condition-variable wait of
// at most 20 ms; on the simulated one the scheduler (sim.hpp) parks the worker's OS thread and
// decides from the probes and virtual time when it runs again.
#include <algorithm>

#include "engine/gil.hpp"
#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"

namespace interleave::engine {

namespace {
constexpr int64_t kStopSliceNs = 20'000'000;  // a real wait sees stop within one slice
}

void WaitCv::notify_one() noexcept {
    if (Sim* s = sim_.load(std::memory_order_acquire)) s->notified(*this);
    cv_.notify_one();
}

void WaitCv::notify_all() noexcept {
    if (Sim* s = sim_.load(std::memory_order_acquire)) s->notified(*this);
    cv_.notify_all();
}

bool Runtime::park(WorkerContext& c, std::unique_lock<std::mutex>& lock, WaitCv& cv,
                   int64_t deadline_ns, ProbeRef probe) {
    if (c.sim_ && !impl_->sim->abandoned()) return impl_->sim->park(c, lock, cv, deadline_ns, probe);
    int64_t slice = kStopSliceNs;
    if (deadline_ns != kNever) {
        const int64_t left = deadline_ns - c.now_ns();
        if (left <= 0) return false;
        slice = std::min(slice, left);
    }
    cv.cv_.wait_for(lock, std::chrono::nanoseconds(slice));
    return true;
}

std::shared_ptr<Runtime::WaitRecord> Runtime::enter_wait(WorkerContext& c, WorkerState state,
                                                         const WaitTarget& target, bool timed,
                                                         ProbeRef probe) {
    auto rec = std::make_shared<WaitRecord>();
    rec->worker = c.worker_;
    rec->previous = c.state_;
    if (c.holds_gil_) {
        // Releasing never blocks, so doing it with the primitive's mutex held is safe.
        c.gil_->release(c, state);
        rec->released_gil = true;
    } else {
        c.set_state(state);
    }
    if (!timed) {
        rec->target = target;
        rec->probe = probe;
        {
            std::lock_guard<std::mutex> g(impl_->reg_mu);
            impl_->waits.push_back(rec);
            ++impl_->epoch;
        }
        impl_->ctl_cv.notify_all();  // a deadlock may now be complete: let the controller look
    }
    return rec;
}

bool Runtime::leave_wait(WorkerContext& c, const std::shared_ptr<WaitRecord>& rec) {
    {
        // After this, the detector never calls the probe again: our frame may go away.
        std::lock_guard<std::mutex> g(rec->mu);
        rec->active = false;
    }
    if (rec->probe) {
        std::lock_guard<std::mutex> g(impl_->reg_mu);
        auto& w = impl_->waits;
        w.erase(std::remove(w.begin(), w.end(), rec), w.end());
        ++impl_->epoch;
    }
    if (rec->released_gil) return c.gil_->acquire(c);
    c.set_state(c.gil_ ? rec->previous : WorkerState::running);
    return true;
}

void Runtime::timed_wait(double seconds, WorkerState state) {
    WorkerContext* c = current_worker();
    if (!c || c->runtime_ != this) no_worker();
    if (stop_requested(*c)) throw RunStopped{};
    bool released = false;
    const WorkerState previous = c->state_;
    if (c->holds_gil_) {
        c->gil_->release(*c, state);
        released = true;
    } else {
        c->set_state(state);
    }
    {
        const int64_t deadline = deadline_after(seconds);
        std::unique_lock<std::mutex> lk(impl_->stop_mu);
        auto stopping = [this, c] { return stop_requested(*c); };
        if (!c->sim_ && deadline <= now_ns()) {
            // time.sleep(0) and expired waits still enter the OS, as CPython's sleep does: the
            // moment the GIL is free is when a waiting thread gets its chance to take it.
            impl_->stop_cv.cv_.wait_for(lk, std::chrono::nanoseconds(0));
        }
        // The probe takes no lock of its own: the flags it reads are atomics.
        while (!stopping())
            if (!park(*c, lk, impl_->stop_cv, deadline, ProbeRef(stopping))) break;
    }
    if (released) {
        if (!c->gil_->acquire(*c)) throw RunStopped{};
    } else {
        c->set_state(c->gil_ ? previous : WorkerState::running);
    }
    if (stop_requested(*c)) throw RunStopped{};
}

void Runtime::Impl::wake_all_waits() {
    // Every worker-facing wait re-checks stop within its 20 ms slice on the real machine; the
    // timed waits on stop_cv and the simulated machine's parks are woken here at once.
    { std::lock_guard<std::mutex> g(stop_mu); }
    stop_cv.notify_all();
    if (sim) sim->wake_all();
}

void Runtime::Impl::await_exit(WorkerContext& c, uint16_t worker) {
    if (!sim) return;
    WorkerRecord* r = nullptr;
    {
        std::lock_guard<std::mutex> g(reg_mu);
        r = &workers[worker];
    }
    std::unique_lock<std::mutex> lk(exit_mu);
    auto ended = [r] { return !r->alive.load(std::memory_order_acquire); };
    while (!ended() && !sim->abandoned())
        sim->park(c, lk, exit_cv, Clock::kNever, ProbeRef(ended));
}

// --- GilReleased -----------------------------------------------------------------------------

GilReleased::GilReleased(WorkerState state) {
    WorkerContext* c = current_worker();
    if (!c) return;
    if (c->holds_gil_) {
        c->gil_->release(*c, state);
        released_ = true;
    } else {
        c->set_state(state);
    }
}

GilReleased::~GilReleased() {
    WorkerContext* c = current_worker();
    if (!c) return;
    if (released_) {
        if (!c->runtime_->stop_requested(*c)) c->gil_->acquire(*c);  // false only when stopping
    } else if (!c->gil_) {
        c->set_state(WorkerState::running);
    }
}

}  // namespace interleave::engine
