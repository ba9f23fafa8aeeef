// Interleave engine — the machine a run executes on: how many cores it has and what work costs.
//
// Primitives and the UI ask the run's Machine, never the host: a simulated machine with 8 cores
// must make the same program take the same (virtual) time on every computer.
//
//   rt.machine().cpu_count()          cores: the host's (real) or RunConfig::machine.cores
//   rt.machine().simulated()
//   Machine::spin(iterations, x)       the real machine's unit of CPU work (an LCG step)
//
// Real machine ✓: cpu_count() = the host's hardware threads; CPU work spins iterations
//   calibrated once per run on the controller thread before the run's time starts (~5 ms),
//   timed with the thread's CPU clock natively (time the OS gives to other programs is not
//   counted) and with the host clock in the browser (fastest of 8 rounds).
// Thread-safety: const members from any thread; prepare() once, by the run's controller,
// before any worker exists.
#pragma once

#include <cstdint>
#include <mutex>

#include "engine/run.hpp"

namespace interleave::engine {

class Machine {
  public:
    explicit Machine(const MachineConfig& config);
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;

    // Measures what the run's work needs (the real machine's spin rate). Controller only.
    void prepare();

    bool simulated() const { return config_.kind == MachineKind::simulated; }
    const MachineConfig& config() const { return config_; }
    // Cores of this machine: the host's hardware threads, or the simulated machine's cores.
    unsigned cpu_count() const;
    // Real machine: iterations of spin() per ms of one core (prepare() measured it; measured
    // now if it did not run).
    double spin_iterations_per_ms() const;

    // One unit of CPU work: `iterations` steps of a 64-bit LCG, no memory traffic. Pure.
    static uint64_t spin(uint64_t iterations, uint64_t x) noexcept;

  private:
    MachineConfig config_;
    mutable std::once_flag spin_once_;
    mutable double spin_ipm_ = 0;
};

}  // namespace interleave::engine
