// The run report as JSON. Hand-written (no JSON library in either toolchain's baseline);
// json_string guarantees valid output for any bytes a sample prints.
#include "samples/report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>

namespace interleave::samples {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t utf8_length(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0)
        n = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0)
        n = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0)
        n = 4, cp = c & 0x07;
    else
        return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return n;
}

std::string number(double x) {
    if (!std::isfinite(x)) return "0";
    // Three decimals is microsecond resolution for *_ms values; trailing zeros trimmed.
    std::string s = fmt::format("{:.3f}", x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

}  // namespace

std::string json_string(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\u{:04x}", c);
        } else if (c >= 0x80) {
            const size_t n = utf8_length(text, i);
            if (n == 0) {
                out += "\\ufffd";
                ++i;
                continue;
            }
            out.append(text.substr(i, n));
            i += n;
            continue;
        } else {
            out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
    return out;
}

std::string knobs_json(const KnobValues& values) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : values) {
        if (!first) out += ", ";
        first = false;
        out += json_string(k) + ": " + json_string(v);
    }
    return out + "}";
}

std::string stats_json(const engine::RunStats& st) {
    return fmt::format(
        "{{\"wall_ms\": {}, \"cpu_ms\": {}, \"busy_cores_avg\": {}, \"busy_cores_max\": {}, "
        "\"gil_wait_ms\": {}, \"gil_switches\": {}, \"tasks\": {}, \"dropped_events\": {}, "
        "\"output_lines\": {}, \"other_busy_cores\": {}, \"sim_handoffs\": {}}}",
        number(st.wall_ms), number(st.cpu_ms), number(st.busy_cores_avg), number(st.busy_cores_max),
        number(st.gil_wait_ms), st.gil_switches, st.tasks, st.dropped_events, st.output_lines,
        st.other_busy_cores < 0 ? std::string("null") : number(st.other_busy_cores),
        st.sim_handoffs);
}

std::string disturbance_note(const engine::RunStats& stats) {
    if (stats.other_busy_cores < engine::Run::kDisturbedCores) return "";
    return fmt::format(
        "About {:.1f} cores were busy with other work during this run: its times are disturbed. "
        "Try the simulated machine (machine=simulated) for exact figures.",
        stats.other_busy_cores);
}

std::string run_report_json(const Sample& sample, const KnobValues& values,
                            const ProgramRun& program) {
    return "{" + run_report_members(sample, values, *program.run()) + program_members(program) +
           "}";
}

std::string program_members(const ProgramRun& program) {
    return fmt::format(", \"exit_code\": {}, \"error\": {}", program.exit_code(),
                       error_json(program.error()));
}

std::string run_report_members(const Sample& sample, const KnobValues& values,
                               const engine::Run& run,
                               const std::vector<std::string>& first_notices,
                               const engine::RunStats* stats) {
    // Status first: a run that ends while we read is reported as still running rather than
    // finished with a partial output list.
    const engine::RunStatus status = run.status();
    std::unordered_map<uint32_t, std::string> task_names;
    for (const auto& t : run.tasks()) task_names[t.id] = t.name;
    std::unordered_map<uint16_t, std::string> worker_names;
    for (const auto& w : run.workers()) worker_names[w.id] = w.name;
    auto worker_name = [&](uint16_t id) {
        auto it = worker_names.find(id);
        return it != worker_names.end() ? it->second : fmt::format("worker {}", id);
    };

    std::vector<engine::OutputLine> lines;
    run.read_output(0, lines);
    const engine::RunStats st = stats ? *stats : run.stats();

    std::string out = "\"sample\": " + json_string(sample.id);
    out += ", \"knobs\": " + knobs_json(values);
    out += ", \"status\": " + json_string(engine::to_string(status));
    out += ", \"output\": [";
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        auto t = task_names.find(l.task);
        const std::string task =
            l.task != 0 && t != task_names.end() ? t->second : worker_name(l.worker);
        if (i) out += ", ";
        out += "{\"t_ms\": " + number(l.t_ms) + ", \"task\": " + json_string(task) +
               ", \"worker\": " + json_string(worker_name(l.worker)) +
               ", \"text\": " + json_string(l.text);
        if (l.stream == engine::Stream::err) out += ", \"stream\": \"err\"";
        out += "}";
    }
    out += "]";
    out += ", \"stats\": " + stats_json(st);
    out += ", \"notices\": [";
    std::vector<std::string> notices = first_notices;
    for (auto& n : run.notices()) notices.push_back(std::move(n));
    if (std::string note = disturbance_note(st); !note.empty()) notices.push_back(std::move(note));
    for (size_t i = 0; i < notices.size(); ++i) {
        if (i) out += ", ";
        out += json_string(notices[i]);
    }
    out += "]";
    return out;
}

}  // namespace interleave::samples
