// Kernels: calibrated CPU work in GIL-checked ticks, timed I/O waits, print.
#include "engine/kernels.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "engine/clock_source.hpp"
#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"

namespace interleave::engine {

namespace {
std::atomic<uint64_t> g_sink{0};  // keeps the spin loop's result observable

// Iterations of cpu_spin per ms of one core. Rounds are timed with the thread's own CPU clock
// where there is one, so time the OS gives to other programs is not counted (a busy machine
// does not shrink the figure), else with the host clock; the fastest of several timed rounds
// is the least disturbed. The rate divides the iterations that were timed: it used to double n
// first and so halved the time per iteration (cpu(ms) took twice `ms`, issue #8 item 1).
// ~8 ms, once per process.
double calibrate() {
    const bool cpu_clock = platform::thread_cpu_ns() >= 0;
    auto now = [cpu_clock] {
        return cpu_clock ? platform::thread_cpu_ns() : platform::monotonic_ns();
    };
    uint64_t n = 20000, x = 1;
    // Grow n until one round lasts >= 1 ms: reading the CPU clock is a syscall (up to ~6 µs
    // on a VM) and the browser's timer has 5 µs steps, so shorter rounds time poorly.
    for (int i = 0; i < 24; ++i) {
        const int64_t t0 = now();
        x = cpu_spin(n, x);
        if (now() - t0 >= 1'000'000) break;
        n *= 2;
    }
    double best_ns_per_iter = 1e9;
    for (int round = 0; round < 5; ++round) {
        const int64_t t0 = now();
        x = cpu_spin(n, x);
        const double ns = static_cast<double>(now() - t0);
        if (ns > 0) best_ns_per_iter = std::min(best_ns_per_iter, ns / static_cast<double>(n));
    }
    g_sink.fetch_add(x, std::memory_order_relaxed);
    return 1e6 / std::max(best_ns_per_iter, 1e-3);
}
}  // namespace

uint64_t cpu_spin(uint64_t iterations, uint64_t x) {
    for (uint64_t i = 0; i < iterations; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        x ^= x >> 29;
    }
    return x;
}

double cpu_iterations_per_ms() {
    static std::once_flag once;
    static double ipm = 0;
    std::call_once(once, [] { ipm = calibrate(); });
    return ipm;
}

void cpu(double ms) {
    Runtime& rt = Runtime::current();
    WorkerContext* c = current_worker();
    const double ipm = cpu_iterations_per_ms();
    const auto total = static_cast<uint64_t>(std::max(0.0, ms) * ipm);
    const auto tick = std::max<uint64_t>(1, static_cast<uint64_t>(ipm * 0.1));
    uint64_t done = 0, x = c->worker + 1;
    // Count the work done even when a stop cuts it short.
    struct Account {
        WorkerContext* c;
        const uint64_t& done;
        double ipm;
        ~Account() {
            c->record->cpu_ns.fetch_add(static_cast<int64_t>(double(done) / ipm * 1e6),
                                        std::memory_order_relaxed);
        }
    } account{c, done, ipm};
    while (done < total) {
        rt.checkpoint();
        const uint64_t n = std::min(tick, total - done);
        x = cpu_spin(n, x);
        done += n;
    }
    g_sink.fetch_add(x, std::memory_order_relaxed);
}

void io(double ms) {
    Runtime::current().timed_wait(ms / 1000.0, WorkerState::io_wait);
}

void sleep(double seconds) {
    Runtime::current().timed_wait(seconds, WorkerState::io_wait);
}

void print(std::string text) {
    Runtime::current().print(std::move(text));
}

}  // namespace interleave::engine
