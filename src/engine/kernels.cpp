// Kernels: calibrated CPU work in GIL-checked ticks, timed I/O waits, print.
#include "engine/kernels.hpp"

#include <algorithm>

#include "engine/machine.hpp"
#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"

namespace interleave::engine {

uint64_t cpu_spin(uint64_t iterations, uint64_t seed) {
    return Machine::spin(iterations, seed);
}

double cpu_iterations_per_ms() {
    Machine m(MachineConfig{});
    m.prepare();
    return m.spin_iterations_per_ms();
}

void cpu(double ms) {
    Runtime& rt = Runtime::current();
    WorkerContext* c = current_worker();
    const double ipm = rt.machine().spin_iterations_per_ms();
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
        x = Machine::spin(n, x);
        done += n;
    }
    volatile uint64_t sink = x;  // keeps the spins observable
    (void)sink;
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
