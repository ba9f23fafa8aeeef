// Interleave UI — the timeline's data: the engine's spans sorted into lanes (per worker:
// state spans, task spans by nesting depth; per process: GIL holds), appended incrementally
// from a SpanBuilder each frame. No ImGui; the benchmark feeds it synthetic spans.
//
// Main thread only (owned by the playground).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/spans.hpp"

namespace interleave::ui {

struct TimelineModel {
    // Index = worker id. Each vector is non-overlapping and sorted (by begin and by end).
    std::vector<std::vector<engine::Span>> states;
    std::vector<std::vector<std::vector<engine::TaskSpan>>> tasks;  // [worker][depth]
    std::vector<std::vector<engine::GilSpan>> gil;  // [process], kept sorted on insert
    int64_t end_ns = 0;                             // latest time seen

    void clear();
    // Appends the builder's spans closed since the last sync (the builder only grows).
    void sync(const engine::SpanBuilder& b);
    void add_state(const engine::Span& s);
    void add_task(const engine::TaskSpan& t);
    void add_gil(const engine::GilSpan& g);
    // Several GIL holds at once (one read of the tracer: grouped by worker, so out of time
    // order): sorted, then merged into each lane's tail. O(n log n + the tail they overlap),
    // where inserting them one by one moved the lane's tail once per hold.
    void add_gil_batch(const engine::GilSpan* holds, size_t n);
    size_t span_count() const { return count_; }

  private:
    size_t seen_states_ = 0, seen_tasks_ = 0, seen_gil_ = 0, count_ = 0;
};

}  // namespace interleave::ui
