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
    if (b.gil().size() > seen_gil_)
        add_gil_batch(b.gil().data() + seen_gil_, b.gil().size() - seen_gil_);
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

void TimelineModel::add_gil_batch(const engine::GilSpan* holds, size_t n) {
    const auto by_end = [](const engine::GilSpan& a, const engine::GilSpan& b) {
        return a.end_ns < b.end_ns;
    };
    std::vector<engine::GilSpan> batch(holds, holds + n);
    std::stable_sort(batch.begin(), batch.end(), [](const auto& a, const auto& b) {
        return a.process != b.process ? a.process < b.process : a.end_ns < b.end_ns;
    });
    for (size_t i = 0; i < batch.size();) {
        const uint16_t process = batch[i].process;
        size_t j = i;
        while (j < batch.size() && batch[j].process == process) ++j;
        if (process >= gil.size()) gil.resize(process + 1u);
        auto& lane = gil[process];
        // Only the part of the lane that ends after the batch's first hold takes part.
        const auto from = std::upper_bound(lane.begin(), lane.end(), batch[i], by_end);
        const auto mid = static_cast<std::ptrdiff_t>(lane.size());
        const auto start = from - lane.begin();
        lane.insert(lane.end(), batch.begin() + static_cast<std::ptrdiff_t>(i),
                    batch.begin() + static_cast<std::ptrdiff_t>(j));
        std::inplace_merge(lane.begin() + start, lane.begin() + mid, lane.end(), by_end);
        end_ns = std::max(end_ns, lane.back().end_ns);
        count_ += j - i;
        i = j;
    }
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
