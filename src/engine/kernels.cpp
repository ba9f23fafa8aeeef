// Kernels: calibrated CPU work in GIL-checked ticks, timed I/O waits, print.
#include "engine/kernels.hpp"

#include <algorithm>

#include "engine/machine.hpp"
#include "engine/runtime.hpp"

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
    Runtime::current();  // throws outside a run
    WorkerContext& c = *current_worker();
    c.work(Clock::duration_ns(ms / 1000.0));
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
