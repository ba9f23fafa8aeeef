// Interleave samples — the run report: one JSON object describing a run, shared by the CLI's
// `--json` and the web API's window.interleave.state().
//
//   {"sample": "threading", "knobs": {"gil": "on", ...}, "status": "finished",
//    "output": [{"t_ms": 0.41, "task": "Thread 1", "worker": "Thread-1", "text": "Thread 1: 0"}],
//    "stats": {"wall_ms", "cpu_ms", "busy_cores_avg", "busy_cores_max", "gil_wait_ms",
//              "gil_switches", "tasks", "dropped_events", "output_lines",
//              "other_busy_cores": cores other work kept busy during a real run, or null,
//              "sim_handoffs": the simulated machine's OS thread switches (0 on the real one)},
//    "notices": ["..."], "exit_code": 0, "error": null}
//
// status is one of running|finished|stopped|deadlock|limit|error. `task` is the task's name, or
// the worker's name for a line printed outside any task; `worker` is the worker's name; a line
// written to sys.stderr (a traceback) also has "stream": "err". exit_code is the program's
// (python3's exit status: 1 for an uncaught exception or a SyntaxError, sys.exit's code);
// error is error_json's object (program_run.hpp) or null.
// Any thread; reads snapshots of the run only (never blocks on its workers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/run.hpp"
#include "samples/catalog.hpp"
#include "samples/program_run.hpp"

namespace interleave::samples {

// "notices" ends with disturbance_note(stats) when there is one.
std::string run_report_json(const Sample& sample, const KnobValues& values,
                            const ProgramRun& program);
// The "exit_code" and "error" members of a report (", \"exit_code\": 1, \"error\": {...}").
std::string program_members(const ProgramRun& program);
// The same object's members without the surrounding braces, for callers that add their own
// members ("{" + run_report_members(...) + ", \"link\": ...}"). `first_notices` go before the
// run's own in "notices" (the UI's: what a share link could not load). `stats`, if given,
// replaces run.stats() (the UI passes the figures it shows, which cost it nothing more).
std::string run_report_members(const Sample& sample, const KnobValues& values,
                               const engine::Run& run,
                               const std::vector<std::string>& first_notices = {},
                               const engine::RunStats* stats = nullptr);
// The "stats" object alone, as in the report (an idle playground reports zeros).
std::string stats_json(const engine::RunStats& stats);

// For a real run that other work disturbed (stats.other_busy_cores >= Run::kDisturbedCores):
// "About 1.2 cores were busy with other work during this run: its times are disturbed. Try
// the simulated machine (machine=simulated) for exact figures." Otherwise "". Pure.
std::string disturbance_note(const engine::RunStats& stats);

// A JSON string literal (with quotes) for arbitrary bytes: escapes quotes, backslashes and
// control characters; invalid UTF-8 becomes U+FFFD, so the result is always valid JSON.
std::string json_string(std::string_view text);
// {"key": "value", ...} in key order.
std::string knobs_json(const KnobValues& values);

}  // namespace interleave::samples
