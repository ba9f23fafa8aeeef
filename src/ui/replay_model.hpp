// Interleave UI — replay and scrubbing (issue #11 item 4): what the console, the timeline and
// the cores view show at a moment t of a finished run, from what the run recorded (its output
// lines' times and the spans built from its trace), and the playback clock that moves t.
// No ImGui here; the panels ask it for the state at the view time.
//
//   ReplayModel m;
//   m.build(line_times_ns, spans, run_end_ns);   // once, when the run has finished
//   m.lines_at(t)                 // output lines printed at or before t
//   m.states_at(t, out)           // state spans as the timeline had them at t (cut at t)
//   m.state_of(worker, t)         // what a worker was doing at t
//   m.busy_at(t)                  // busy workers at t (as the Cores view counts them)
//   m.next_moment(t), prev_moment(t)   // step to the next / previous event
//   m.markers_at(t)               // each thread's current line at t (the editor's markers)
//   Playback p; p.play(); p.advance(real_seconds, m.end_ns());   // the replay clock
//
// Semantics ✓: a line printed at exactly t is shown at t; a span that began at or before t and
//   ends after it is shown up to t; one that begins after t is not shown; at t = end every span
//   and line is shown whole (the live view's final picture). Busy = running, starting or
//   serialising (engine::is_busy, as the Cores view). Moments (the events next/previous step
//   to) are the distinct times at which something shown changes: an output line, a span's
//   begin or end (a thread's state), a thread's line marker moving to another line; 0 and
//   the end included.
//   Line markers at t are LineMarkers::at(t) of the run's py_line and state events (the last
//   program line each live thread published by t, sampled every 10 ms of run time while it
//   runs, and as it starts to wait); past the end, the end's.
//   ✗ Not yet: the GIL/task lanes' own accessors (the timeline draws them cut at t instead).
// Cost: build O(n log n) over lines + spans; lines_at / next / prev O(log n); states_at O(spans
// before t); state_of O(log spans of that worker); busy_at O(workers log n).
// Main thread only (owned by the playground).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/spans.hpp"
#include "ui/editor/line_markers.hpp"

namespace interleave::ui {

class ReplayModel {
  public:
    // From a finished run: its output lines' times (ns, in output order), its spans (all
    // closed: a finished run's workers have exited) and its end (the run's wall time, ns).
    // `markers`: the run's line markers (a copy of what the live view built from its events).
    void build(std::vector<int64_t> line_times_ns, const engine::SpanBuilder& spans, int64_t end_ns,
               LineMarkers markers = LineMarkers());
    void clear();
    bool empty() const { return end_ns_ <= 0 && lines_.empty(); }
    int64_t end_ns() const { return end_ns_; }

    size_t lines_at(int64_t t_ns) const;
    // State spans that had begun by t, each ending at min(its end, t), appended to `out` in
    // the order the run recorded them.
    void states_at(int64_t t_ns, std::vector<engine::Span>& out) const;
    // The state span of `worker` covering t (begin <= t < end), or nothing (not yet started,
    // or already exited).
    std::optional<engine::WorkerState> state_of(uint16_t worker, int64_t t_ns) const;
    int busy_at(int64_t t_ns) const;
    // The first moment after t (end_ns() when there is none), the last moment before t (0).
    int64_t next_moment(int64_t t_ns) const;
    int64_t prev_moment(int64_t t_ns) const;
    // Each thread's current line at t (t clamped to [0, end]), by worker id.
    std::vector<LineMarkers::At> markers_at(int64_t t_ns) const;

  private:
    std::vector<int64_t> lines_;                        // sorted (output order is time order)
    std::vector<std::vector<engine::Span>> by_worker_;  // per worker, sorted by begin
    std::vector<engine::Span> states_;                  // as recorded
    std::vector<int64_t> moments_;                      // sorted, distinct
    LineMarkers markers_;
    int64_t end_ns_ = 0;
};

// The replay clock: where the view time is, and how fast it moves.
struct Playback {
    // Virtual time per real time: 0.1, 1, 10; kInstant jumps to the end at the next advance.
    static constexpr double kInstant = 0;
    double speed = 1;
    bool playing = false;
    int64_t t_ns = 0;

    void play(int64_t end_ns);  // from the start again when at the end
    void pause() { playing = false; }
    // Moves t by real_seconds x speed (to the end at kInstant), stopping at end_ns.
    void advance(double real_seconds, int64_t end_ns);
    // Puts t at `t_ns` (clamped to [0, end_ns]): a scrub pauses playback.
    void seek(int64_t t_ns, int64_t end_ns);
};

}  // namespace interleave::ui
