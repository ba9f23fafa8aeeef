// Other work during a real run, from heartbeats answered by the run's running workers (see
// other_work.hpp for the method and why it is not a probe thread).
#include "engine/other_work.hpp"

#include <algorithm>
#include <mutex>

#include "engine/runtime_impl.hpp"

namespace interleave::engine {

double other_cores_from_samples(const std::vector<ProbeSample>& samples, unsigned cores,
                                double run_s) {
    const size_t w = OtherWorkProbe::kWindowSamples;
    constexpr double kMinS = static_cast<double>(w * OtherWorkProbe::kProbePeriodNs) / 1e9;
    if (run_s < kMinS || samples.empty()) return -1;
    const size_t windows = std::max<size_t>(1, samples.size() / w);
    double sum = 0;  // per window: other cores × samples
    for (size_t k = 0; k < windows; ++k) {
        // The last window takes the remainder: every sample counts, no window is short.
        const size_t b = k * w, e = k + 1 == windows ? samples.size() : b + w;
        double running = 0, late = 0;
        for (size_t i = b; i < e; ++i) {
            running += samples[i].running;
            late += samples[i].late;
        }
        const double n = static_cast<double>(e - b);
        // Too few late answers to say the cores were full: the run was not disturbed (one late
        // answer can be a builtin call without a checkpoint).
        if (late < OtherWorkProbe::kMinLate || late < OtherWorkProbe::kMinLateShare * running)
            continue;
        // The cores were full: what the run's workers did not get went to other work. Not
        // clamped per window, so the noise of a run with more workers than cores averages out.
        sum += (static_cast<double>(cores) - (running - late) / n) * n;
    }
    return std::max(0.0, sum / static_cast<double>(samples.size()));
}

int64_t OtherWorkProbe::tick(Runtime& rt) {
    const int64_t now = impl_of(rt).clock.now_ns();
    if (started_ns_ >= 0) {
        if (now - started_ns_ < kLateNs) return started_ns_ + kLateNs - now;
        judge(rt);
    }
    if (now >= next_ns_) {
        start(rt, now);
        return kLateNs;
    }
    return next_ns_ - now;
}

void OtherWorkProbe::start(Runtime& rt, int64_t now) {
    Runtime::Impl& ri = impl_of(rt);
    watch_.clear();
    {
        std::lock_guard<std::mutex> g(ri.reg_mu);
        for (const WorkerRecord& w : ri.workers) {
            const uint32_t gen = w.running_gen.load(std::memory_order_acquire);
            if (gen % 2 == 1) watch_.push_back({w.id, gen});  // odd: in state running now
        }
    }
    started_ns_ = now;
    next_ns_ = now + kProbePeriodNs;
    if (watch_.empty()) {  // nobody computing: an empty sample (nothing to disturb)
        samples_.push_back({});
        started_ns_ = -1;
        return;
    }
    ri.heartbeat_epoch.store(++epoch_, std::memory_order_release);
    ri.set_breaker_all(breaker::heartbeat);
}

void OtherWorkProbe::judge(Runtime& rt) {
    Runtime::Impl& ri = impl_of(rt);
    ri.clear_breaker_all(breaker::heartbeat);
    ProbeSample s;
    {
        std::lock_guard<std::mutex> g(ri.reg_mu);
        for (const Watch& w : watch_) {
            const WorkerRecord& rec = ri.workers[w.worker];
            const bool answered = rec.heartbeat_epoch.load(std::memory_order_acquire) == epoch_;
            const int64_t at = rec.heartbeat_ns.load(std::memory_order_relaxed);
            // Left `running` meanwhile (a wait, the GIL handed on, the end) without answering:
            // its answer says nothing about the CPU. An answer before leaving still counts.
            if (!answered && rec.running_gen.load(std::memory_order_acquire) != w.running_gen)
                continue;
            ++s.running;
            if (!answered || at - started_ns_ > kLateNs) ++s.late;
        }
    }
    samples_.push_back(s);
    started_ns_ = -1;
}

void OtherWorkProbe::finish(Runtime& rt) {
    if (started_ns_ < 0) return;
    impl_of(rt).clear_breaker_all(breaker::heartbeat);
    started_ns_ = -1;
}

}  // namespace interleave::engine
