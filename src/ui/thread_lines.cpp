// Each thread's current line in the editor's gutter (issue #10 item 5): a ▶ per Python thread
// in its timeline lane's colour, its name and state on hover, at the moment the views show
// (the timeline's hover, a replay's moment, or the live edge); and the lines of the thread
// whose lane is selected.
#include <algorithm>

#include "ui/playground.hpp"

namespace interleave::ui {

void Playground::poll_line_markers() {
    if (run.get() != markers_run_) {
        markers_run_ = run.get();
        line_markers.clear();
        selected_worker = -1;  // another run's workers are other threads
        if (run) {
            // py_line code ids name files: only the program's own lines are the editor's.
            std::shared_ptr<engine::Run> r = run;
            line_markers.set_program_filter(
                [r](uint32_t code) { return r->tracer().name(code) == "<main>"; });
        }
    }
    std::vector<ThreadMarker> want;
    if (run && !line_markers.empty()) {
        // The moment under the mouse on the timeline, else the replay's, else the live edge.
        const int64_t end = seen_until_ns();
        const int64_t t = timeline_hover_ns >= 0
                              ? std::min<int64_t>(static_cast<int64_t>(timeline_hover_ns), end)
                          : view_t_ns() >= 0 ? view_t_ns()
                                             : end;
        // A replayed run's markers come from its replay model (the same events, kept with it).
        const std::vector<LineMarkers::At> at =
            replay_ready ? replay.markers_at(t) : line_markers.at(t);
        for (const LineMarkers::At& a : at) {
            ThreadMarker m;
            m.line = a.line;
            m.color = worker_color(a.worker);
            m.name = a.worker < worker_names.size() ? worker_names[a.worker]
                                                    : "worker " + std::to_string(a.worker);
            m.state = line_marker_state(a.state);
            using engine::WorkerState;
            m.activity = a.state == WorkerState::running || a.state == WorkerState::ready
                             ? ThreadMarker::Activity::running
                         : a.state == WorkerState::gil_wait ? ThreadMarker::Activity::gil_wait
                                                            : ThreadMarker::Activity::blocked;
            want.push_back(std::move(m));
        }
    }
    if (want != shown_markers_) {
        shown_markers_ = std::move(want);
        editor.set_thread_markers(shown_markers_);
    }
    // The selected thread's lines: set again when the selection, its line set or the text
    // changed (set_text drops markers; an edit may have moved them off the run's lines).
    const int w = run ? selected_worker : -1;
    const std::vector<int>& lines =
        w >= 0 ? line_markers.lines_of(static_cast<uint16_t>(w)) : std::vector<int>{};
    if (w != lines_worker_ || lines.size() != lines_count_ ||
        editor.model().version() != lines_version_) {
        lines_worker_ = w;
        lines_count_ = lines.size();
        const auto id = static_cast<uint16_t>(std::max(w, 0));
        editor.set_thread_lines(
            lines, worker_color(id),
            id < worker_names.size() ? worker_names[id] : "worker " + std::to_string(id));
        lines_version_ = editor.model().version();
    }
}

}  // namespace interleave::ui
