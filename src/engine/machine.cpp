// The run's machine (see machine.hpp): cores, and the real machine's spin calibration.
#include "engine/machine.hpp"

#include <algorithm>
#include <mutex>
#include <thread>

#include "engine/clock_source.hpp"
#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"

namespace interleave::engine {

namespace {
// Iterations of Machine::spin per ms of one core. Rounds are timed with the thread's own CPU
// clock where there is one, so time the OS gives to other programs is not counted (a busy
// machine does not shrink the figure), else with the host clock; the fastest of several timed
// rounds is the least disturbed. The rate divides the iterations that were timed: it used to
// double n first and so halved the time per iteration (cpu(ms) took twice `ms`, issue #8 item 1).
double calibrate() {
    const bool cpu_clock = platform::thread_cpu_ns() >= 0;
    auto now = [cpu_clock] {
        return cpu_clock ? platform::thread_cpu_ns() : platform::monotonic_ns();
    };
    uint64_t n = 20000, x = 1;
    double best_ns_per_iter = 1e9;
    auto timed_round = [&] {
        const int64_t t0 = now();
        x = Machine::spin(n, x);
        const int64_t ns = now() - t0;
        if (ns > 0)
            best_ns_per_iter =
                std::min(best_ns_per_iter, static_cast<double>(ns) / static_cast<double>(n));
        return ns;
    };
    // Grow n until one round lasts >= 1 ms: reading the CPU clock is a syscall (up to ~6 µs on
    // a VM) and the browser's timer has 5 µs steps, so shorter rounds time poorly.
    for (int i = 0; i < 24 && timed_round() < 1'000'000; ++i) n *= 2;
    // Then a few more rounds of that length: the CPU clock ignores preemption, the host clock
    // needs more rounds to find an undisturbed one.
    for (int round = 0; round < (cpu_clock ? 3 : 8); ++round) timed_round();
    volatile uint64_t sink = x;  // keeps the spins observable
    (void)sink;
    return 1e6 / std::max(best_ns_per_iter, 1e-3);
}
}  // namespace

Machine::Machine(const MachineConfig& config) : config_(config) {}

void Machine::prepare() {
    if (!simulated()) (void)spin_iterations_per_ms();
}

unsigned Machine::cpu_count() const {
    if (simulated()) return config_.cores;
    return std::max(1u, std::thread::hardware_concurrency());
}

double Machine::spin_iterations_per_ms() const {
    std::call_once(spin_once_, [this] { spin_ipm_ = calibrate(); });
    return spin_ipm_;
}

void Machine::work(WorkerContext& ctx, int64_t ns) const {
    if (ns <= 0) return;
    int64_t done_ns = 0;
    // Count the work done even when a stop cuts it short.
    struct Account {
        WorkerContext& ctx;
        const int64_t& done;
        ~Account() { ctx.add_cpu_ns(done); }
    } account{ctx, done_ns};
    if (ctx.simulated()) {
        Sim::work(ctx, ns, done_ns);
        return;
    }
    const double ipm = spin_iterations_per_ms();
    const auto total = static_cast<uint64_t>(static_cast<double>(ns) / 1e6 * ipm);
    const auto tick = std::max<uint64_t>(1, static_cast<uint64_t>(ipm * (kTickNs / 1e6)));
    uint64_t done = 0, x = ctx.worker() + 1u;
    while (done < total) {
        ctx.checkpoint();
        const uint64_t n = std::min(tick, total - done);
        x = spin(n, x);
        done += n;
        done_ns = static_cast<int64_t>(static_cast<double>(done) / ipm * 1e6);
    }
    done_ns = ns;
    volatile uint64_t sink = x;  // keeps the spins observable
    (void)sink;
}

void WorkerContext::charge_ns(int64_t ns) noexcept {
    if (sim_ && ns > 0) impl_of(*runtime_).sim->charge(*this, ns);
}

void WorkerContext::charge_interpreted_ns(int64_t ns) noexcept {
    if (sim_ && ns > 0) impl_of(*runtime_).sim->charge(*this, ns, true);
}

void WorkerContext::sync_shared() {
    if (sim_ && !impl_of(*runtime_).sim->abandoned()) Sim::sync_shared(*this);
}

void WorkerContext::work(int64_t ns) {
    runtime().machine().work(*this, ns);
}

uint64_t Machine::spin(uint64_t iterations, uint64_t x) noexcept {
    for (uint64_t i = 0; i < iterations; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        x ^= x >> 29;
    }
    return x;
}

}  // namespace interleave::engine
