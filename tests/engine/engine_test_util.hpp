// Helpers shared by the engine tests.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine::testing {

// Repetitions for stress loops: `base` times INTERLEAVE_STRESS (default 1; e.g. 0.2 under TSan,
// 5 for a long soak). Never below 1.
inline int reps(int base) {
    double f = 1.0;
    if (const char* s = std::getenv("INTERLEAVE_STRESS")) f = std::atof(s);
    int n = static_cast<int>(base * f);
    return n < 1 ? 1 : n;
}

// The simulated machine (sim.hpp): exact, seeded, independent of the host's load. Order and
// time are asserted there; real runs assert only what holds on a busy machine (REVIEW §2.12).
inline RunConfig simulated(unsigned cores = 4, uint32_t seed = 1) {
    RunConfig c;
    c.machine.kind = MachineKind::simulated;
    c.machine.cores = cores;
    c.machine.seed = seed;
    return c;
}

// Runs `body` to completion (or `timeout_s`), returns the finished run.
inline std::shared_ptr<Run> run_sync(Run::Body body, RunConfig cfg = {}, double timeout_s = 30) {
    auto run = Run::start(std::move(body), cfg);
    run->wait(timeout_s);
    return run;
}

inline std::vector<std::string> output_texts(const Run& run) {
    std::vector<OutputLine> lines;
    run.read_output(0, lines);
    std::vector<std::string> out;
    for (auto& l : lines) out.push_back(l.text);
    return out;
}

inline std::string all_notices(const Run& run) {
    std::string s;
    for (auto& n : run.notices()) s += n + "\n";
    return s;
}

}  // namespace interleave::engine::testing
