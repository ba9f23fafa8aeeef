// Interleave engine — work kernels: the Python-level work a sample body does.
//
// Free functions mirroring Python, for the calling worker of the current run (they throw
// std::logic_error outside a run, RunStopped when the run stops):
//   cpu(ms)    CPU-bound work worth `ms` ms of one core (the run's Machine), in ticks
//              of <= ~0.1 ms; each tick is a GIL check and a cancellation point. Needs the GIL
//              (when on) all along, so two threads under the GIL take twice as long.
//   io(ms)     an I/O-bound wait of `ms` ms: a real timed wait, GIL released, state io_wait.
//   sleep(s)   time.sleep(s): same as io, in seconds.
//   print(t)   Python's print: one output line with time, task and worker.
// Thread-safety: each call acts on the calling worker only.
#pragma once

#include <cstdint>
#include <string>

namespace interleave::engine {

void cpu(double ms);
void io(double ms);
void sleep(double seconds);
void print(std::string text);

// Loop iterations per millisecond of one core, measured now (~5 ms; any thread). Benchmarks.
double cpu_iterations_per_ms();
// Spins `iterations` of the calibrated loop without any check (Machine::spin; benchmarks).
uint64_t cpu_spin(uint64_t iterations, uint64_t seed);

}  // namespace interleave::engine
