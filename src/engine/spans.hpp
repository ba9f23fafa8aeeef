// Interleave engine — spans: the trace turned into intervals, the shape both the timeline view
// and the Chrome-trace export draw.
//
// State spans are cut at every task_begin/task_end of their worker, so each lies inside exactly
// one nesting level of task spans (what the Chrome export needs for perfect nesting); `task` is
// the innermost task open during the span.
//
// SpanBuilder is incremental: feed it events as they arrive (any order across workers, time
// order within a worker, as Tracer::read gives them) and it appends closed spans; open ones
// are reported with end = `now` by open_spans(). Single-threaded: the caller owns it.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/trace.hpp"

namespace interleave::engine {

struct Span {
    int64_t begin_ns = 0;
    int64_t end_ns = 0;
    uint32_t task = 0;    // task running (or waiting) in that span, 0 = none
    uint16_t worker = 0;  // lane; for GIL spans: the holder
    WorkerState state = WorkerState::idle;
};

// A GIL span: `worker` held GIL `process` from begin to end.
struct GilSpan {
    int64_t begin_ns = 0;
    int64_t end_ns = 0;
    uint16_t worker = 0;
    uint16_t process = 0;
};

// A task span on a worker (task_begin..task_end); depth = nesting level on that worker.
struct TaskSpan {
    int64_t begin_ns = 0;
    int64_t end_ns = 0;
    uint32_t task = 0;
    uint16_t worker = 0;
    uint16_t depth = 0;
};

class SpanBuilder {
  public:
    void add(const std::vector<TraceEvent>& events);
    void clear();

    const std::vector<Span>& states() const { return states_; }    // closed state spans
    const std::vector<GilSpan>& gil() const { return gil_; }       // closed GIL holds
    const std::vector<TaskSpan>& tasks() const { return tasks_; }  // closed task spans
    // Spans still open, closed at `now_ns` (for live drawing). Not stored.
    void open_spans(int64_t now_ns, std::vector<Span>& states, std::vector<GilSpan>& gil,
                    std::vector<TaskSpan>& tasks) const;
    int64_t last_ns() const { return last_ns_; }  // latest event time seen

  private:
    struct Lane {
        bool has_state = false;
        WorkerState state = WorkerState::idle;
        int64_t state_begin = 0;
        uint32_t state_task = 0;
        std::vector<TaskSpan> open_tasks;  // stack
        bool holds_gil = false;
        int64_t gil_begin = 0;
        uint16_t gil_process = 0;
    };
    std::vector<Lane> lanes_;  // index = worker id
    std::vector<Span> states_;
    std::vector<GilSpan> gil_;
    std::vector<TaskSpan> tasks_;
    int64_t last_ns_ = 0;
};

}  // namespace interleave::engine
