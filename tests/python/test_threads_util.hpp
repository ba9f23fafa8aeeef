// Helpers for the interpreter's thread tests: run a Python program inside an engine run (real
// or simulated machine) and collect its output, status and figures.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/run.hpp"
#include "python/interp.hpp"

namespace interleave::python::testing {

// Repetitions for stress loops: `base` times INTERLEAVE_STRESS (default 1). Never below 1.
inline int stress_reps(int base) {
    double f = 1.0;
    if (const char* s = std::getenv("INTERLEAVE_STRESS")) f = std::atof(s);
    const int n = static_cast<int>(base * f);
    return n < 1 ? 1 : n;
}

struct PyRun {
    std::string out, err;  // lines, each with "\n"
    std::vector<std::string> notices;
    engine::RunStatus status = engine::RunStatus::running;
    engine::RunStats stats;
    RunResult result;
};

inline engine::RunConfig sim_config(unsigned cores, bool gil = true, double switch_ms = 5.0) {
    engine::RunConfig c;
    c.machine.kind = engine::MachineKind::simulated;
    c.machine.cores = cores;
    c.gil = gil;
    c.switch_interval_ms = switch_ms;
    return c;
}

// Runs `source` as __main__ to its end (or `timeout_s`, then stops it). `stop_after_s` >= 0:
// stops the run once that much real time passed (to test stop).
inline PyRun run_python(const std::string& source, engine::RunConfig cfg = {},
                        double timeout_s = 60) {
    PyRun r;
    CompileResult c = compile_program(source, "<main>");
    REQUIRE_MESSAGE(c.program, c.error_text);
    auto result = std::make_shared<RunResult>();
    auto program = c.program;
    auto run = engine::Run::start(
        [result, program](engine::Runtime& rt) { *result = run_main(rt, program); }, cfg);
    if (!run->wait(timeout_s)) {
        run->stop();
        run->wait(30);
    }
    std::vector<engine::OutputLine> lines;
    run->read_output(0, lines);
    for (const auto& l : lines) (l.stream == engine::Stream::err ? r.err : r.out) += l.text + "\n";
    r.notices = run->notices();
    r.status = run->status();
    r.stats = run->stats();
    r.result = *result;
    return r;
}

inline bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

}  // namespace interleave::python::testing
