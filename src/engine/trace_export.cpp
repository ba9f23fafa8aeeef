// Chrome Trace Event JSON export: pids per simulated process, small tids, perfectly nested
// X slices (tasks, with state slices cut at task boundaries), a GIL track per process.
#include "engine/trace_export.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>

#include "engine/spans.hpp"

namespace interleave::engine {

namespace {

void json_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char ch : s) {
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (ch < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                    out += buf;
                } else {
                    out += static_cast<char>(ch);
                }
        }
    }
    out += '"';
}

// Microseconds with exact nanosecond digits: nesting survives the unit change.
void micros(std::string& out, int64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%" PRId64 ".%03d", ns / 1000, static_cast<int>(ns % 1000));
    out += buf;
}

struct Slice {
    int64_t begin, end;
    int rank;  // tie-break for equal begin and length: outer first (task depth, then state)
    std::string name;
    const char* cat;
    std::string args;  // pre-rendered JSON object or empty
};

}  // namespace

std::string export_chrome_trace(const Tracer& tracer, const std::vector<OutputLine>& output,
                                int64_t end_ns) {
    const auto workers = tracer.workers();
    const auto tasks = tracer.tasks();
    Tracer::Cursor cursor;
    std::vector<TraceEvent> events;
    tracer.read(cursor, events);

    SpanBuilder sb;
    sb.add(events);
    std::vector<Span> states = sb.states();
    std::vector<GilSpan> gil = sb.gil();
    std::vector<TaskSpan> task_spans = sb.tasks();
    sb.open_spans(std::max(end_ns, sb.last_ns()), states, gil, task_spans);

    auto task_name = [&](uint32_t id) {
        return id >= 1 && id <= tasks.size() ? tasks[id - 1].name : std::string("task");
    };
    auto worker_name = [&](uint16_t id) {
        return id < workers.size() ? workers[id].name : std::string("worker");
    };
    auto pid_of = [&](uint16_t w) { return (w < workers.size() ? workers[w].process : 0) + 1; };
    const int gil_tid_base = static_cast<int>(workers.size()) + 1;

    // Slices per (pid, tid) track.
    std::map<std::pair<int, int>, std::vector<Slice>> tracks;
    for (const auto& t : task_spans)
        tracks[{pid_of(t.worker), t.worker + 1}].push_back(
            Slice{t.begin_ns, t.end_ns, t.depth, task_name(t.task), "task", {}});
    for (const auto& s : states) {
        if (s.end_ns <= s.begin_ns) continue;
        tracks[{pid_of(s.worker), s.worker + 1}].push_back(
            Slice{s.begin_ns, s.end_ns, 1 << 20, to_string(s.state), "state", {}});
    }
    std::map<uint16_t, bool> processes;
    for (const auto& w : workers) processes[w.process] = true;
    for (const auto& g : gil) {
        if (g.end_ns <= g.begin_ns) continue;
        std::string args = "{\"holder\":";
        json_string(args, worker_name(g.worker));
        args += '}';
        tracks[{g.process + 1, gil_tid_base + g.process}].push_back(
            Slice{g.begin_ns, g.end_ns, 0, worker_name(g.worker), "gil", args});
    }

    // Python call spans (py_span) on a track of their own per worker: they nest among
    // themselves, not with the state slices.
    const int py_tid_base = gil_tid_base + static_cast<int>(workers.size()) + 1;
    std::map<uint16_t, bool> py_workers;
    for (const TraceEvent& ev : events) {
        if (ev.kind != EventKind::py_span) continue;
        const int64_t d = py_span_duration(ev.arg);
        tracks[{pid_of(ev.worker), py_tid_base + ev.worker}].push_back(
            Slice{ev.t_ns - d, ev.t_ns, 0, tracer.name(py_span_code(ev.arg)), "py", {}});
        py_workers[ev.worker] = true;
    }

    std::string out;
    out.reserve(256 + events.size() * 96);
    out += "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
    bool first = true;
    auto sep = [&] {
        if (!first) out += ",\n";
        first = false;
    };
    auto meta = [&](const char* what, int pid, int tid, const std::string& name) {
        sep();
        out += "{\"ph\":\"M\",\"name\":\"";
        out += what;
        out += "\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
               ",\"args\":{\"name\":";
        json_string(out, name);
        out += "}}";
    };
    for (auto& [p, _] : processes) {
        std::string pname = p == 0 ? "MainProcess" : "Process-" + std::to_string(p);
        for (const auto& w : workers)
            if (w.process == p && w.kind == WorkerKind::process_main) {
                pname = w.name;
                break;
            }
        meta("process_name", p + 1, 0, pname);
    }
    for (const auto& w : workers) meta("thread_name", w.process + 1, w.id + 1, w.name);
    for (auto& [w, _] : py_workers)
        meta("thread_name", pid_of(w), py_tid_base + w, worker_name(w) + " (Python calls)");
    std::map<uint16_t, bool> gil_procs;
    for (const auto& g : gil) gil_procs[g.process] = true;
    for (auto& [p, _] : gil_procs) {
        meta("thread_name", p + 1, gil_tid_base + p, "GIL");
        sep();
        out += "{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":" + std::to_string(p + 1) +
               ",\"tid\":" + std::to_string(gil_tid_base + p) + ",\"args\":{\"sort_index\":-1}}";
    }

    for (auto& [key, slices] : tracks) {
        std::sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) {
            if (a.begin != b.begin) return a.begin < b.begin;
            if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
            return a.rank < b.rank;
        });
        for (const Slice& s : slices) {
            sep();
            out += "{\"ph\":\"X\",\"cat\":\"";
            out += s.cat;
            out += "\",\"name\":";
            json_string(out, s.name);
            out += ",\"pid\":" + std::to_string(key.first) +
                   ",\"tid\":" + std::to_string(key.second) + ",\"ts\":";
            micros(out, s.begin);
            out += ",\"dur\":";
            micros(out, s.end - s.begin);
            if (!s.args.empty()) out += ",\"args\":" + s.args;
            out += '}';
        }
    }

    // Instants: prints (with their text) and GIL drop requests.
    for (const TraceEvent& ev : events) {
        if (ev.kind != EventKind::print && ev.kind != EventKind::gil_drop_request) continue;
        sep();
        out += "{\"ph\":\"i\",\"s\":\"t\",\"name\":\"";
        out += ev.kind == EventKind::print ? "print" : "gil_drop_request";
        out += "\",\"pid\":" + std::to_string(pid_of(ev.worker)) +
               ",\"tid\":" + std::to_string(ev.worker + 1) + ",\"ts\":";
        micros(out, ev.t_ns);
        if (ev.kind == EventKind::print && ev.arg < output.size()) {
            out += ",\"args\":{\"text\":";
            json_string(out, output[ev.arg].text);
            out += '}';
        }
        out += '}';
    }
    out += "\n]}\n";
    return out;
}

}  // namespace interleave::engine
