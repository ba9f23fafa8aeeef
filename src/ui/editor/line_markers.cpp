// Each thread's current line from the trace (line_markers.hpp).
#include "ui/editor/line_markers.hpp"

#include <algorithm>

namespace interleave::ui {

void LineMarkers::clear() {
    workers_.clear();
    program_ids_.clear();
}

LineMarkers::Worker& LineMarkers::worker(uint16_t id) {
    if (id >= workers_.size()) workers_.resize(size_t(id) + 1);
    return workers_[id];
}

void LineMarkers::add(const std::vector<engine::TraceEvent>& events) {
    using engine::EventKind;
    for (const engine::TraceEvent& e : events) {
        switch (e.kind) {
            case EventKind::py_line: {
                const uint32_t line = engine::py_line_line(e.arg);
                if (line == 0) break;
                if (is_program_) {
                    const uint32_t code = engine::py_line_code(e.arg);
                    if (code >= program_ids_.size()) program_ids_.resize(size_t(code) + 1, -1);
                    if (program_ids_[code] < 0) program_ids_[code] = is_program_(code) ? 1 : 0;
                    if (!program_ids_[code]) break;
                }
                Worker& wk = worker(e.worker);
                auto& w = wk.lines;
                const int l = static_cast<int>(line) - 1;
                if (!w.empty() && w.back().line == l) break;  // unchanged: no new sample
                w.push_back({e.t_ns, l});
                const auto at = std::lower_bound(wk.seen.begin(), wk.seen.end(), l);
                if (at == wk.seen.end() || *at != l) wk.seen.insert(at, l);
                break;
            }
            case EventKind::state:
                worker(e.worker).states.push_back(
                    {e.t_ns, static_cast<engine::WorkerState>(e.arg)});
                break;
            case EventKind::worker_exit:
                worker(e.worker).exit_t = e.t_ns;
                break;
            default:
                break;
        }
    }
}

std::vector<LineMarkers::At> LineMarkers::at(int64_t t) const {
    std::vector<At> out;
    for (size_t id = 0; id < workers_.size(); ++id) {
        const Worker& w = workers_[id];
        if (w.lines.empty() || t >= w.exit_t) continue;
        auto l = std::upper_bound(w.lines.begin(), w.lines.end(), t,
                                  [](int64_t v, const Sample& s) { return v < s.t; });
        if (l == w.lines.begin()) continue;
        At a;
        a.worker = static_cast<uint16_t>(id);
        a.line = std::prev(l)->line;
        auto s = std::upper_bound(w.states.begin(), w.states.end(), t,
                                  [](int64_t v, const StateChange& c) { return v < c.t; });
        a.state = s == w.states.begin() ? engine::WorkerState::running : std::prev(s)->s;
        out.push_back(a);
    }
    return out;
}

const std::vector<int>& LineMarkers::lines_of(uint16_t worker) const {
    static const std::vector<int> none;
    return worker < workers_.size() ? workers_[worker].seen : none;
}

void LineMarkers::move_times(std::vector<int64_t>& out) const {
    for (const Worker& w : workers_)
        for (const Sample& s : w.lines) out.push_back(s.t);  // add() keeps changes only
}

const char* line_marker_state(engine::WorkerState s) {
    using engine::WorkerState;
    switch (s) {
        case WorkerState::running:
            return "running";
        case WorkerState::gil_wait:
            return "waiting for the GIL";
        case WorkerState::lock_wait:
            return "blocked on a lock";
        case WorkerState::queue_wait:
            return "blocked on a queue or future";
        case WorkerState::io_wait:
            return "sleeping / waiting for I/O";
        case WorkerState::ready:
            return "ready, waiting for a core";
        case WorkerState::idle:
            return "idle";
        case WorkerState::starting:
            return "starting";
        case WorkerState::serialising:
            return "pickling";
        default:
            return "";
    }
}

}  // namespace interleave::ui
