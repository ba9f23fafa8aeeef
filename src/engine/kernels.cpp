// Kernels: calibrated CPU work in GIL-checked ticks, timed I/O waits, print.
#include "engine/kernels.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"

namespace interleave::engine {

namespace {
std::atomic<uint64_t> g_sink{0};  // keeps the spin loop's result observable

double calibrate() {
    using clock = std::chrono::steady_clock;
    // Best of a few short runs: the fastest run is the one least disturbed by preemption.
    // ~15 ms in total, once per process.
    uint64_t n = 20000;
    double best_ns_per_iter = 1e9;
    uint64_t x = 1;
    for (int round = 0; round < 12; ++round) {
        auto t0 = clock::now();
        x = cpu_spin(n, x);
        double ns = std::chrono::duration<double, std::nano>(clock::now() - t0).count();
        if (ns < 200e3 && round < 4) n *= 2;  // grow until a run lasts ~0.2 ms or more
        best_ns_per_iter = std::min(best_ns_per_iter, ns / double(n));
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
