#include "ui/timeline_model.hpp"

#include <algorithm>

namespace interleave::ui {

void TimelineModel::clear() {
    states.clear();
    tasks.clear();
    gil.clear();
    end_ns = 0;
    seen_states_ = seen_tasks_ = seen_gil_ = count_ = 0;
}

void TimelineModel::sync(const engine::SpanBuilder& b) {
    if (b.states().size() < seen_states_ || b.tasks().size() < seen_tasks_ ||
        b.gil().size() < seen_gil_) {
        clear();  // the builder was cleared: start over
    }
    for (size_t i = seen_states_; i < b.states().size(); ++i) add_state(b.states()[i]);
    for (size_t i = seen_tasks_; i < b.tasks().size(); ++i) add_task(b.tasks()[i]);
    for (size_t i = seen_gil_; i < b.gil().size(); ++i) add_gil(b.gil()[i]);
    seen_states_ = b.states().size();
    seen_tasks_ = b.tasks().size();
    seen_gil_ = b.gil().size();
    end_ns = std::max(end_ns, b.last_ns());
}

void TimelineModel::add_state(const engine::Span& s) {
    if (s.worker >= states.size()) states.resize(s.worker + 1u);
    states[s.worker].push_back(s);
    end_ns = std::max(end_ns, s.end_ns);
    ++count_;
}

void TimelineModel::add_task(const engine::TaskSpan& t) {
    if (t.worker >= tasks.size()) tasks.resize(t.worker + 1u);
    auto& lane = tasks[t.worker];
    if (t.depth >= lane.size()) lane.resize(t.depth + 1u);
    lane[t.depth].push_back(t);
    end_ns = std::max(end_ns, t.end_ns);
    ++count_;
}

void TimelineModel::add_gil(const engine::GilSpan& g) {
    if (g.process >= gil.size()) gil.resize(g.process + 1u);
    // Holds of one GIL never overlap, but they arrive grouped by worker (the tracer's reads
    // concatenate workers), so keep the lane sorted: usually an append, else a short move.
    auto& lane = gil[g.process];
    if (lane.empty() || lane.back().end_ns <= g.end_ns) {
        lane.push_back(g);
    } else {
        auto at =
            std::upper_bound(lane.begin(), lane.end(), g.end_ns,
                             [](int64_t t, const engine::GilSpan& x) { return t < x.end_ns; });
        lane.insert(at, g);
    }
    end_ns = std::max(end_ns, g.end_ns);
    ++count_;
}

}  // namespace interleave::ui
