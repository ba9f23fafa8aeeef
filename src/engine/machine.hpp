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
//   counted) and with the host clock in the browser (fastest of 8 rounds). Process start-up,
//   pickling and GIL hand-offs cost what they really cost here.
// Simulated machine ✓: cpu_count() = RunConfig::machine.cores; work costs virtual time by the
//   named constants below (sim.hpp has the scheduler and its checklist). They are documented
//   estimates for CPython 3.11 on a current Linux laptop, not measurements of this host:
//     kInstructionNs      30 ns   one interpreted bytecode instruction (PYTHON.md §12)
//     kProcessStartNs      5 ms   Process.start / a pool's worker: fork + a fresh interpreter
//     kThreadStartNs      50 µs   Thread.start until the thread's first instruction
//     kPickleNsPerMessage  2 µs   pickle.dumps/loads of one message, plus ...
//     kPickleNsPerByte     5 ns   ... per byte (about 200 MB/s)
//     kGilHandoffNs        5 µs   the GIL changing hands (a futex wake-up and a context switch)
//     kPrintNs             2 µs   one print() to the console
//     kSliceNs            10 ms   the simulated OS's time slice when more workers are runnable
//                                 than there are cores (round-robin, seeded tie-breaks)
// Thread-safety: const members from any thread; prepare() once, by the run's controller,
// before any worker exists.
#pragma once

#include <cstdint>
#include <mutex>

#include "engine/run.hpp"

namespace interleave::engine {

class WorkerContext;

class Machine {
  public:
    static constexpr int64_t kInstructionNs = 30;
    static constexpr int64_t kProcessStartNs = 5'000'000;
    static constexpr int64_t kThreadStartNs = 50'000;
    static constexpr int64_t kPickleNsPerMessage = 2'000;
    static constexpr int64_t kPickleNsPerByte = 5;
    static constexpr int64_t kGilHandoffNs = 5'000;
    static constexpr int64_t kPrintNs = 2'000;
    static constexpr int64_t kSliceNs = 10'000'000;
    // cpu() work between two checks on the real machine; on the simulated one the shortest step
    // (longer ones when nothing else can happen meanwhile: sim.hpp, lookahead).
    static constexpr int64_t kTickNs = 100'000;

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

    // CPU work worth `ns` of one core on `ctx`'s worker, in ticks of kTickNs; each tick ends
    // with ctx.checkpoint() (a GIL check and a cancellation point). Real: spins calibrated
    // iterations. Simulated: advances the worker's virtual time, in steps as long as nothing
    // else can happen meanwhile (Sim::work; checkpoints between them). Adds the work done to the
    // worker's cpu_ms, also when a stop cuts it short. (WorkerContext::work, cpu(ms).)
    void work(WorkerContext& ctx, int64_t ns) const;

    // One unit of CPU work: `iterations` steps of a 64-bit LCG, no memory traffic. Pure.
    static uint64_t spin(uint64_t iterations, uint64_t x) noexcept;

  private:
    MachineConfig config_;
    mutable std::once_flag spin_once_;
    mutable double spin_ipm_ = 0;
};

}  // namespace interleave::engine
