// Interleave engine — core usage: how many workers were busy, when.
//
// Derived from the trace (a worker is busy while its state is `running`, `starting` or
// `serialising`). In the browser a page cannot see cores: the UI labels these as workers.
// Natively, the OS's own per-CPU utilisation is sampled from /proc/stat during the run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace interleave::engine {

struct Usage {
    double bin_ms = 10;                 // width of one bin
    std::vector<float> busy_workers;    // per bin: mean number of busy workers in that bin
    std::vector<uint16_t> worker_ids;   // parallel to busy_fraction
    std::vector<float> busy_fraction;   // per worker: busy time / run wall time (0..1)
    unsigned hardware_cores = 1;        // std::thread::hardware_concurrency (or navigator's)
    // Natively: per CPU, per bin, utilisation 0..1 from /proc/stat. Empty where unavailable.
    std::vector<std::vector<float>> os_cpu_busy;
    double os_bin_ms = 50;
};

// Samples /proc/stat every `bin_ms` on its own thread between start() and stop().
// No-op where /proc/stat does not exist (the browser).
class CpuSampler {
public:
    explicit CpuSampler(double bin_ms = 50);
    ~CpuSampler();
    void start();
    void stop();
    std::vector<std::vector<float>> series() const;  // per CPU, per bin
    static bool available();

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace interleave::engine
