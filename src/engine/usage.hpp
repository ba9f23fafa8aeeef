// Interleave engine — core usage: how many workers were busy, when.
//
// Derived from the trace (a worker is busy while its state is `running`, `starting` or
// `serialising`). In the browser a page cannot see cores: the UI labels these as workers.
// Natively, the OS's own per-CPU utilisation is sampled from /proc/stat during the run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/trace.hpp"

namespace interleave::engine {

struct Usage {
    double bin_ms = 10;                // width of one bin
    std::vector<float> busy_workers;   // per bin: mean number of busy workers in that bin
    std::vector<uint16_t> worker_ids;  // parallel to busy_fraction
    std::vector<float> busy_fraction;  // per worker: busy time / run wall time (0..1)
    unsigned hardware_cores = 1;       // std::thread::hardware_concurrency (or navigator's)
    // Natively: per CPU, per bin, utilisation 0..1 from /proc/stat. Empty where unavailable.
    std::vector<std::vector<float>> os_cpu_busy;
    double os_bin_ms = 50;
};

// Incremental usage from trace events (feed Tracer::read output: time order within a worker).
// Busy states: running, starting, serialising. Single-threaded: the caller owns it.
class UsageBuilder {
  public:
    explicit UsageBuilder(double bin_ms = 10);
    void add(const std::vector<TraceEvent>& events);
    // Bins and fractions up to `now_ns` (open busy intervals are counted up to it).
    Usage result(int64_t now_ns, unsigned hardware_cores) const;
    // Figures over [0, max(now_ns, latest event)): events stamped after a live snapshot's `now`
    // extend the window rather than overflow it.
    double busy_avg(int64_t now_ns) const;  // total busy time / elapsed
    // Max over bins of the bin's mean busy workers. A last bin covering under half a bin is
    // merged into the previous one (so a run's final instant cannot spike it), which keeps
    // busy_avg() <= busy_max() always.
    double busy_max(int64_t now_ns) const;

  private:
    struct Lane {
        bool busy = false;
        int64_t since = 0;
        int64_t total = 0;
    };
    void add_interval(std::vector<double>& bins, int64_t b, int64_t e) const;
    int64_t horizon(int64_t now_ns) const;
    std::vector<double> bins_with_open(int64_t end_ns) const;
    std::vector<double> bin_means(int64_t end_ns) const;
    double bin_ns_;
    int64_t last_ns_ = 0;  // latest event time seen
    std::vector<Lane> lanes_;
    std::vector<double> bins_;  // busy ns per bin
};

// Busy state? (running, starting, serialising)
bool is_busy(WorkerState s);

// Samples /proc/stat every `bin_ms` on its own thread between start() and stop(), and keeps
// the counters at both ends (totals()). No-op where /proc/stat does not exist (the browser).
class CpuSampler {
  public:
    explicit CpuSampler(double bin_ms = 50);
    ~CpuSampler();
    void start();
    void stop();
    std::vector<std::vector<float>> series() const;  // per CPU, per bin
    // After stop(): CPU seconds every program spent busy on all CPUs between start() and
    // stop(), and the seconds that took (from /proc/stat's counters, USER_HZ ticks: 10 ms
    // steps per CPU). False where /proc/stat is unavailable or the sampler never ran.
    bool totals(double* busy_cpu_s, double* elapsed_s) const;
    static bool available();

  private:
    struct Impl;
    Impl* impl_;
};

}  // namespace interleave::engine
