// Interleave UI — each Python thread's current line at a moment of a run (issue #10 item 5,
// issue #9 item 7), from the trace: the interpreter's py_line samples (a running thread
// publishes its line once per sample period, and a thread publishes it as it starts to wait)
// and the workers' state events. A function of the trace and a time, so the live view, a
// finished run and a scrubbed moment are one path (DESIGN "Seams": whatever the UI shows is a
// function of the trace, the output and a view time).
//
// Main thread only. add(): O(events); at(): O(workers x log samples).
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "engine/trace.hpp"

namespace interleave::ui {

class LineMarkers {
  public:
    // Which code ids (Tracer::intern'd filenames) are the user's program ("<main>"): samples
    // in other files (modules written in Python) are not lines of the editor's text.
    explicit LineMarkers(std::function<bool(uint32_t code)> is_program = {})
        : is_program_(std::move(is_program)) {}
    void set_program_filter(std::function<bool(uint32_t code)> f) { is_program_ = std::move(f); }

    void clear();
    // Events of one run, in each worker's time order (as a TraceCursor reads them).
    void add(const std::vector<engine::TraceEvent>& events);

    struct At {
        uint16_t worker = 0;
        int line = 0;  // 0-based
        engine::WorkerState state = engine::WorkerState::running;
    };
    // Each worker alive at `t_ns` that has published a line of the program by then: its last
    // such line and its state at `t_ns`. Ordered by worker id.
    std::vector<At> at(int64_t t_ns) const;
    bool empty() const { return workers_.empty(); }
    // Every program line `worker` published during the run so far (0-based, ascending, each
    // once): "its lines", shown when its timeline lane is selected. Empty for an unknown
    // worker. O(1); the set grows in add() (O(log lines) per new line).
    const std::vector<int>& lines_of(uint16_t worker) const;
    // Appends every time a marker moved (a worker's line changed, its first line included):
    // the moments a replay's "next/previous event" stops at. O(samples).
    void move_times(std::vector<int64_t>& out) const;

  private:
    struct Sample {
        int64_t t;
        int line;
    };
    struct StateChange {
        int64_t t;
        engine::WorkerState s;
    };
    struct Worker {
        std::vector<Sample> lines;
        std::vector<StateChange> states;
        std::vector<int> seen;  // lines_of(): sorted, unique
        int64_t exit_t = INT64_MAX;
    };
    std::function<bool(uint32_t)> is_program_;
    std::vector<int8_t> program_ids_;  // code id -> 1 program, 0 not, -1 not asked yet
    std::vector<Worker> workers_;      // by worker id
    Worker& worker(uint16_t id);
};

// "running", "waiting for the GIL", "blocked on a lock", ... (the marker's hover text).
const char* line_marker_state(engine::WorkerState s);

}  // namespace interleave::ui
