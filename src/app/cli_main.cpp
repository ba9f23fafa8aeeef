// interleave-cli — the headless runner: list the samples, show their Python, run them.
//
//   interleave-cli list [--json]
//   interleave-cli python SAMPLE [--KNOB=VALUE]...
//   interleave-cli run SAMPLE [--KNOB=VALUE]... [--json] [--trace FILE] [--timeout S]
//   interleave-cli run PATH.py|- [--gil=on|off] [--switch_interval_ms=X] [--machine=real|simulated]
//                 [--cores=N] [--seed=N] [--json] [--trace FILE]
//                  [--timeout S]        runs a Python program like `python3 PATH.py`
//
// Exit codes: 0 finished, 2 bad usage (sample, knob, value), 3 deadlock, 4 stopped by --timeout
// or a run limit, 5 the program failed (an uncaught exception, a SyntaxError, sys.exit(n) with
// n != 0), 6 the trace file cannot be written (checked by
// opening it before the run: nothing runs; or writing it failed after), 130 interrupted
// (Ctrl-C; a second Ctrl-C kills at once).
#include <fmt/format.h>

#include <signal.h>
#include <atomic>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/cli_run_py.hpp"
#include "app/trace_file.hpp"
#include "engine/run.hpp"
#include "samples/catalog.hpp"
#include "samples/knobs.hpp"
#include "samples/report.hpp"

namespace {

using namespace interleave;
using app::TraceFile;
using samples::KnobValues;
using samples::Sample;

constexpr int kExitUsage = 2, kExitDeadlock = 3, kExitStopped = 4, kExitError = 5,
              kExitTraceFile = 6, kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};
extern "C" void on_sigint(int) {
    g_interrupted.store(true);
}

void print_help(std::FILE* to) {
    std::fputs(
        "interleave-cli: run Interleave's concurrency samples without a UI.\n"
        "\n"
        "Usage:\n"
        "  interleave-cli list [--json]                 samples, their knobs and ranges\n"
        "  interleave-cli python SAMPLE [--KNOB=VALUE]  the sample's program with those values:\n"
        "                                               the very text that runs\n"
        "  interleave-cli run SAMPLE [--KNOB=VALUE]... [--json] [--trace FILE] [--timeout S]\n"
        "  interleave-cli run PATH.py [--gil=on|off] [--switch_interval_ms=X] [--json] [--trace "
        "F]\n"
        "                 [--machine=real|simulated] [--cores=N] [--seed=N] [--timeout S]\n"
        "                                      run a Python program (PATH '-': standard input)\n"
        "  interleave-cli --help\n"
        "\n"
        "run prints each output line as it happens (time, worker, text), then a summary.\n"
        "  --json       print one JSON object at the end instead (sample, knobs, status,\n"
        "               output, stats, notices, exit_code, error)\n"
        "  --trace F    write the Chrome Trace Event JSON (Perfetto, chrome://tracing) to F\n"
        "  --timeout S  stop the run after S seconds\n"
        "Knobs are strict: an unknown knob or an out-of-range value is an error.\n"
        "\n"
        "Exit codes:\n"
        "  0    finished\n"
        "  2    bad usage: unknown command, sample, knob or option, or a value out of range\n"
        "  3    the run deadlocked\n"
        "  4    stopped: --timeout or a run limit (time, output, memory, tasks)\n"
        "  5    the sample's program failed: an uncaught exception (traceback on stderr),\n"
        "       a SyntaxError, or sys.exit(n) with n != 0\n"
        "  6    the --trace file cannot be written (the run does not start; the message\n"
        "       names the file and the system's reason)\n"
        "  130  interrupted (Ctrl-C)\n",
        to);
}

std::string sample_ids() {
    std::string out;
    for (const auto& s : samples::catalog()) out += (out.empty() ? "" : ", ") + s.id;
    return out;
}

int usage_error(const std::string& message) {
    fmt::print(stderr, "interleave-cli: {}\n", message);
    fmt::print(stderr, "Try 'interleave-cli --help'.\n");
    return kExitUsage;
}

const char* type_name(samples::KnobType t) {
    switch (t) {
        case samples::KnobType::integer:
            return "integer";
        case samples::KnobType::number:
            return "number";
        case samples::KnobType::choice:
            return "choice";
    }
    return "?";
}

int cmd_list(bool json) {
    if (json) {
        std::string out = "[";
        bool first_sample = true;
        for (const auto& s : samples::catalog()) {
            out += first_sample ? "\n" : ",\n";
            first_sample = false;
            out += fmt::format(
                R"(  {{"id": {}, "title": {}, "summary": {}, "from_article": {}, "knobs": [)",
                samples::json_string(s.id), samples::json_string(s.title),
                samples::json_string(s.summary), s.from_article ? "true" : "false");
            for (size_t i = 0; i < s.knobs.size(); ++i) {
                const auto& k = s.knobs[i];
                out += fmt::format(
                    R"({}{{"key": {}, "label": {}, "type": "{}", "range": {}, "default": {}, "help": {}, "name": {}}})",
                    i ? ", " : "", samples::json_string(k.key), samples::json_string(k.label),
                    type_name(k.type), samples::json_string(k.range_text()),
                    samples::json_string(k.default_value), samples::json_string(k.help),
                    k.name.empty() ? "null" : samples::json_string(k.name));
            }
            out += "]}";
        }
        out += "\n]\n";
        std::fputs(out.c_str(), stdout);
        return 0;
    }
    for (const auto& s : samples::catalog()) {
        fmt::print("{:<16} {}{}\n", s.id, s.title, s.from_article ? "" : "  (beyond the article)");
        fmt::print("{:<16} {}\n", "", s.summary);
        for (const auto& k : s.knobs) {
            // Where the knob lives: its name in the program's text, or a run setting.
            fmt::print("{:<16}   {:<26} {:<14} {}: {}\n", "", "--" + k.key + "=" + k.default_value,
                       k.range_text(), k.name.empty() ? "run setting" : k.name, k.help);
        }
        fmt::print("\n");
    }
    return 0;
}

struct RunArgs {
    const Sample* sample = nullptr;
    KnobValues knobs;
    bool json = false;
    std::string trace_file;
    double timeout_s = -1;
};

// Parses SAMPLE and the options after it. `allow_run_options` is false for `python`.
int parse_run_args(const std::vector<std::string>& args, bool allow_run_options, RunArgs* out) {
    if (args.empty()) return usage_error("which sample? choose one of: " + sample_ids());
    out->sample = samples::find_sample(args[0]);
    if (!out->sample) {
        return usage_error(
            fmt::format("unknown sample '{}'; choose one of: {}", args[0], sample_ids()));
    }
    const Sample& s = *out->sample;
    out->knobs = samples::defaults(s.knobs);
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            return usage_error(fmt::format("unexpected argument '{}' (knobs are --KNOB=VALUE)", a));
        }
        std::string key = a.substr(2), value;
        bool has_value = false;
        if (auto eq = key.find('='); eq != std::string::npos) {
            value = key.substr(eq + 1);
            key.resize(eq);
            has_value = true;
        }
        if (allow_run_options && key == "json" && !has_value) {
            out->json = true;
            continue;
        }
        auto next_value = [&]() -> bool {
            if (has_value) return true;
            if (i + 1 >= args.size()) return false;
            value = args[++i];
            return true;
        };
        if (allow_run_options && key == "trace") {
            if (!next_value() || value.empty()) return usage_error("--trace needs a file name");
            out->trace_file = value;
            continue;
        }
        if (allow_run_options && key == "timeout") {
            char* end = nullptr;
            if (!next_value()) return usage_error("--timeout needs a number of seconds");
            const double t = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(t > 0) || t > 86400) {
                return usage_error(
                    fmt::format("--timeout={} is not a number of seconds in (0, 86400]", value));
            }
            out->timeout_s = t;
            continue;
        }
        const samples::KnobSpec* spec = samples::find_knob(s.knobs, key);
        if (!spec) {
            std::string names;
            for (const auto& k : s.knobs) names += (names.empty() ? "" : ", ") + ("--" + k.key);
            return usage_error(fmt::format("unknown knob --{} for sample {}; its knobs: {}", key,
                                           s.id, names.empty() ? "(none)" : names));
        }
        if (!next_value()) {
            return usage_error(fmt::format("--{} needs a value ({})", key, spec->range_text()));
        }
        std::string error;
        auto parsed = samples::parse_knob(*spec, value, &error);
        if (!parsed) return usage_error(error);
        out->knobs[spec->key] = *parsed;
    }
    return 0;
}

// The program with the knobs' values written in: the very text that runs, on stdout. Run
// settings are not in the text; for those that differ from their defaults, stderr says what
// python3 needs to match (catalog.hpp: "Knobs: values in the text, run settings").
int cmd_python(const RunArgs& a) {
    std::fputs(samples::program(*a.sample, a.knobs).c_str(), stdout);
    for (const auto& spec : a.sample->knobs) {
        const std::string& value = a.knobs.at(spec.key);
        if (!samples::is_run_setting(spec) || value == spec.default_value) continue;
        std::string how;
        if (spec.key == "switch_interval_ms") {
            how = fmt::format("in CPython: import sys; sys.setswitchinterval({}) at the top",
                              samples::knob_number(a.knobs, spec.key) / 1000.0);
        } else if (spec.key == "gil" && value == "off") {
            how = "in CPython: a free-threaded build, python3.13t -X gil=0";
        }
        fmt::print(stderr, "# run setting --{}={} is not in the text{}{}\n", spec.key, value,
                   how.empty() ? "" : "; ", how);
    }
    return 0;
}

int exit_code(engine::RunStatus st, bool interrupted) {
    if (interrupted) return kExitInterrupted;
    switch (st) {
        case engine::RunStatus::finished:
            return 0;
        case engine::RunStatus::deadlock:
            return kExitDeadlock;
        case engine::RunStatus::stopped:
        case engine::RunStatus::limit:
            return kExitStopped;
        case engine::RunStatus::error:
        case engine::RunStatus::running:
            return kExitError;
    }
    return kExitError;
}

int cmd_run(const RunArgs& a) {
    TraceFile trace;  // opened before the run: an unwritable path runs nothing
    if (!a.trace_file.empty() && !trace.open(a.trace_file)) return kExitTraceFile;
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sa.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends the program at once
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);

    // The sample's Python text with the knobs' values, run by the interpreter.
    const std::shared_ptr<samples::ProgramRun> program = samples::start(*a.sample, a.knobs);
    const std::shared_ptr<engine::Run>& run = program->run();
    std::unordered_map<uint16_t, std::string> worker_names;
    auto worker_name = [&](uint16_t id) -> const std::string& {
        auto it = worker_names.find(id);
        if (it == worker_names.end()) {
            for (const auto& w : run->workers()) worker_names[w.id] = w.name;
            it = worker_names.find(id);
            if (it == worker_names.end())
                it = worker_names.emplace(id, fmt::format("#{}", id)).first;
        }
        return it->second;
    };

    size_t next_line = 0;
    std::vector<engine::OutputLine> lines;
    auto drain = [&] {
        lines.clear();
        next_line = run->read_output(next_line, lines);
        if (a.json) return;
        for (const auto& l : lines) {
            // What the program wrote to sys.stderr (tracebacks) goes to our stderr.
            std::FILE* to = l.stream == engine::Stream::err ? stderr : stdout;
            fmt::print(to, "{:>9.1f} ms  {:<22} {}\n", l.t_ms, worker_name(l.worker), l.text);
        }
        std::fflush(stdout);
    };

    bool interrupted = false, timed_out = false;
    const auto t0 = std::chrono::steady_clock::now();
    // Poll: Run::wait with a short timeout is the only wait; output is streamed between waits.
    while (!run->wait(0.02)) {
        drain();
        if (g_interrupted.load() && !interrupted) {
            interrupted = true;
            run->stop();
        }
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (a.timeout_s > 0 && elapsed >= a.timeout_s && !timed_out) {
            timed_out = true;
            run->stop();
        }
    }
    drain();
    const engine::RunStatus status = run->status();

    int code = exit_code(status, interrupted);
    if (timed_out && !interrupted) code = kExitStopped;
    // An uncaught exception, a SyntaxError or sys.exit(n != 0): the program failed.
    if (code == 0 && program->exit_code() != 0) code = kExitError;
    if (trace.is_open() && !trace.write_and_close(run->export_chrome_trace()) && code == 0)
        code = kExitTraceFile;
    if (a.json) {
        std::fputs((samples::run_report_json(*a.sample, a.knobs, *program) + "\n").c_str(), stdout);
        return code;
    }
    const engine::RunStats st = run->stats();
    std::string why;
    if (interrupted) why = " (Ctrl-C)";
    if (timed_out && !interrupted) why = fmt::format(" (--timeout {} s)", a.timeout_s);
    fmt::print(
        "--- {}{} after {:.1f} ms: {} lines, {} tasks, CPU work {:.1f} ms, busy cores avg "
        "{:.2f} max {:.2f}, GIL wait {:.1f} ms, {} GIL switches{}\n",
        engine::to_string(status), why, st.wall_ms, st.output_lines, st.tasks, st.cpu_ms,
        st.busy_cores_avg, st.busy_cores_max, st.gil_wait_ms, st.gil_switches,
        st.dropped_events ? fmt::format(", {} trace events dropped", st.dropped_events)
                          : std::string());
    for (const auto& n : run->notices()) fmt::print("notice: {}\n", n);
    if (!a.trace_file.empty() && code != kExitTraceFile) {
        fmt::print("trace written to {}\n", a.trace_file);
    }
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_help(stderr);
        return kExitUsage;
    }
    const std::string verb = args[0];
    args.erase(args.begin());
    if (verb == "--help" || verb == "-h" || verb == "help") {
        print_help(stdout);
        return 0;
    }
    if (verb == "list") {
        if (args.size() > 1 || (args.size() == 1 && args[0] != "--json")) {
            return usage_error("list takes only --json");
        }
        return cmd_list(!args.empty());
    }
    if (verb == "python" || verb == "run") {
        if (verb == "run" && !args.empty() && app::is_python_path(args[0])) {
            // A Python file: runs like `python3 PATH.py` (cli_run_py.cpp).
            struct sigaction sa {};
            sa.sa_handler = on_sigint;
            sa.sa_flags = SA_RESETHAND;
            sigemptyset(&sa.sa_mask);
            sigaction(SIGINT, &sa, nullptr);
            return app::run_python_file(args, &g_interrupted);
        }
        RunArgs a;
        if (int rc = parse_run_args(args, verb == "run", &a)) return rc;
        if (verb == "python") return cmd_python(a);
        return cmd_run(a);
    }
    return usage_error(fmt::format("unknown command '{}'; use list, python or run", verb));
}
