// interleave-cli run PATH.py (see cli_run_py.hpp): stdout byte for byte on stdout, tracebacks
// on stderr, the exit status python3 would give.
#include "app/cli_run_py.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/trace_file.hpp"
#include "engine/run.hpp"
#include "samples/program_run.hpp"
#include "samples/report.hpp"

namespace interleave::app {

namespace {

constexpr int kExitUsage = 2, kExitDeadlock = 3, kExitStopped = 4, kExitTraceFile = 6,
              kExitInterrupted = 130;

int usage(const std::string& msg) {
    fmt::print(stderr, "interleave-cli: {}\nTry 'interleave-cli --help'.\n", msg);
    return kExitUsage;
}

struct Options {
    std::string path;
    bool json = false;
    std::string trace_file;
    double timeout_s = -1;
    engine::RunConfig config;
};

bool parse_bool(const std::string& v, bool* out) {
    if (v == "on" || v == "true" || v == "1" || v == "yes") return *out = true, true;
    if (v == "off" || v == "false" || v == "0" || v == "no") return *out = false, true;
    return false;
}

int parse(const std::vector<std::string>& args, Options* o) {
    o->path = args[0];
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0)
            return usage(fmt::format("unexpected argument '{}' (options are --KNOB=VALUE)", a));
        std::string key = a.substr(2), value;
        bool has_value = false;
        if (auto eq = key.find('='); eq != std::string::npos) {
            value = key.substr(eq + 1);
            key.resize(eq);
            has_value = true;
        }
        auto next_value = [&]() -> bool {
            if (has_value) return true;
            if (i + 1 >= args.size()) return false;
            value = args[++i];
            return true;
        };
        if (key == "json" && !has_value) {
            o->json = true;
        } else if (key == "trace") {
            if (!next_value() || value.empty()) return usage("--trace needs a file name");
            o->trace_file = value;
        } else if (key == "timeout") {
            if (!next_value()) return usage("--timeout needs a number of seconds");
            char* end = nullptr;
            double t = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(t > 0) || t > 86400)
                return usage(
                    fmt::format("--timeout={} is not a number of seconds in (0, 86400]", value));
            o->timeout_s = t;
        } else if (key == "gil") {
            if (!next_value() || !parse_bool(value, &o->config.gil))
                return usage(fmt::format("--gil={} is not on or off", value));
        } else if (key == "switch_interval_ms") {
            if (!next_value()) return usage("--switch_interval_ms needs a number");
            char* end = nullptr;
            double t = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(t >= 0.1) || t > 1000)
                return usage(fmt::format("--switch_interval_ms={} is not in [0.1, 1000]", value));
            o->config.switch_interval_ms = t;
        } else if (key == "machine") {
            if (!next_value() || (value != "real" && value != "simulated"))
                return usage(fmt::format("--machine={} is not real or simulated", value));
            o->config.machine.kind =
                value == "simulated" ? engine::MachineKind::simulated : engine::MachineKind::real;
        } else if (key == "cores" || key == "seed") {
            if (!next_value()) return usage(fmt::format("--{} needs a whole number", key));
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            const long hi = key == "cores" ? long(engine::MachineConfig::kMaxCores) : 2147483647L;
            if (value.empty() || *end != '\0' || n < (key == "cores" ? 1 : 0) || n > hi)
                return usage(fmt::format("--{}={} is not a whole number in [{}, {}]", key, value,
                                         key == "cores" ? 1 : 0, hi));
            if (key == "cores")
                o->config.machine.cores = unsigned(n);
            else
                o->config.machine.seed = uint32_t(n);
        } else {
            return usage(
                fmt::format("unknown option --{} for a Python file; its knobs: --gil, "
                            "--switch_interval_ms, --machine, --cores, --seed",
                            key));
        }
    }
    return 0;
}

bool read_source(const std::string& path, std::string* out) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        *out = ss.str();
        return true;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

}  // namespace

bool is_python_path(const std::string& arg) {
    return arg == "-" || (arg.size() > 3 && arg.compare(arg.size() - 3, 3, ".py") == 0);
}

int run_python_file(const std::vector<std::string>& args,
                    const std::atomic<bool>* interrupted_flag) {
    Options o;
    if (int rc = parse(args, &o)) return rc;
    std::string source;
    if (!read_source(o.path, &source)) {
        fmt::print(stderr, "python3: can't open file '{}': [Errno 2] No such file or directory\n",
                   o.path);
        return kExitUsage;
    }
    TraceFile trace;  // opened before the run: an unwritable path runs nothing
    if (!o.trace_file.empty() && !trace.open(o.trace_file)) return kExitTraceFile;
    const std::string filename = o.path == "-" ? "<stdin>" : o.path;
    // __main__.__file__ as CPython 3.9+ sets it: the script's absolute path.
    std::error_code ec;
    std::string main_file =
        o.path == "-" ? "<stdin>" : std::filesystem::absolute(o.path, ec).string();
    if (ec) main_file = o.path;
    // The playground's own path (samples/program_run.hpp): a SyntaxError is written to stderr
    // by the run, as python3 writes it, and gives exit status 1.
    const std::shared_ptr<samples::ProgramRun> program =
        samples::ProgramRun::start(source, filename, o.config, {o.path}, main_file);
    const std::shared_ptr<engine::Run>& run = program->run();
    size_t next = 0;
    std::vector<engine::OutputLine> lines;
    std::string json_out;
    auto drain = [&] {
        lines.clear();
        next = run->read_output(next, lines);
        for (const auto& l : lines) {
            if (o.json) {
                json_out += fmt::format("{}{{\"t_ms\": {:.3f}, \"stream\": \"{}\", \"text\": {}}}",
                                        json_out.empty() ? "" : ", ", l.t_ms,
                                        l.stream == engine::Stream::err ? "stderr" : "stdout",
                                        samples::json_string(l.text));
                continue;
            }
            std::FILE* to = l.stream == engine::Stream::err ? stderr : stdout;
            std::fwrite(l.text.data(), 1, l.text.size(), to);
            if (l.newline) std::fputc('\n', to);
        }
        std::fflush(stdout);
        std::fflush(stderr);
    };
    bool interrupted = false, timed_out = false;
    const auto t0 = std::chrono::steady_clock::now();
    while (!run->wait(0.02)) {
        drain();
        if (interrupted_flag && interrupted_flag->load() && !interrupted) {
            interrupted = true;
            run->stop();
        }
        double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (o.timeout_s > 0 && elapsed >= o.timeout_s && !timed_out) {
            timed_out = true;
            run->stop();
        }
    }
    drain();
    engine::RunStatus status = run->status();
    int code = program->exit_code();
    if (interrupted)
        code = kExitInterrupted;
    else if (status == engine::RunStatus::deadlock)
        code = kExitDeadlock;
    else if (timed_out || status == engine::RunStatus::stopped ||
             status == engine::RunStatus::limit || program->stopped())
        code = kExitStopped;
    if (!o.json) {
        for (const auto& n : run->notices()) fmt::print(stderr, "interleave: {}\n", n);
    }
    if (trace.is_open() && !trace.write_and_close(run->export_chrome_trace()) && code == 0)
        code = kExitTraceFile;
    if (o.json) {
        std::string notices;
        for (const auto& n : run->notices())
            notices += (notices.empty() ? "" : ", ") + samples::json_string(n);
        const std::string err = samples::error_json(program->error());
        const engine::RunStats st = run->stats();
        fmt::print(
            "{{\"file\": {}, \"status\": \"{}\", \"exit_code\": {}, \"output\": [{}], "
            "\"stats\": {}, \"notices\": [{}], \"error\": {}}}\n",
            samples::json_string(filename), engine::to_string(status), code, json_out,
            samples::stats_json(st), notices, err);
    }
    return code;
}

}  // namespace interleave::app
