// The state of a finished run at a moment t, and the replay clock (see replay_model.hpp).
#include "ui/replay_model.hpp"

#include <algorithm>
#include <cmath>

#include "engine/usage.hpp"

namespace interleave::ui {

void ReplayModel::clear() {
    lines_.clear();
    by_worker_.clear();
    states_.clear();
    moments_.clear();
    markers_.clear();
    end_ns_ = 0;
}

void ReplayModel::build(std::vector<int64_t> line_times_ns, const engine::SpanBuilder& spans,
                        int64_t end_ns, LineMarkers markers) {
    clear();
    markers_ = std::move(markers);
    lines_ = std::move(line_times_ns);
    // Output order is time order (one clock, latched in the browser); sorting keeps lines_at
    // right even if two lines of different workers shared a tick in another order.
    std::sort(lines_.begin(), lines_.end());
    states_ = spans.states();
    end_ns_ = std::max<int64_t>(end_ns, 0);
    for (const auto& s : states_) {
        if (s.worker >= by_worker_.size()) by_worker_.resize(s.worker + 1u);
        by_worker_[s.worker].push_back(s);
        end_ns_ = std::max(end_ns_, s.end_ns);
    }
    for (auto& lane : by_worker_)
        std::stable_sort(
            lane.begin(), lane.end(),
            [](const engine::Span& a, const engine::Span& b) { return a.begin_ns < b.begin_ns; });
    if (!lines_.empty()) end_ns_ = std::max(end_ns_, lines_.back());
    moments_.reserve(lines_.size() + 2 * states_.size() + 2);
    moments_.push_back(0);
    moments_.push_back(end_ns_);
    moments_.insert(moments_.end(), lines_.begin(), lines_.end());
    for (const auto& s : states_) {
        moments_.push_back(s.begin_ns);
        moments_.push_back(s.end_ns);
    }
    // The editor's line markers move at line samples: stepping stops there too, so every
    // step shows something change (a learner steps through the lines a thread runs).
    markers_.move_times(moments_);
    for (auto& m : moments_) m = std::clamp<int64_t>(m, 0, end_ns_);
    std::sort(moments_.begin(), moments_.end());
    moments_.erase(std::unique(moments_.begin(), moments_.end()), moments_.end());
}

size_t ReplayModel::lines_at(int64_t t_ns) const {
    return static_cast<size_t>(std::upper_bound(lines_.begin(), lines_.end(), t_ns) -
                               lines_.begin());
}

void ReplayModel::states_at(int64_t t_ns, std::vector<engine::Span>& out) const {
    for (const auto& s : states_) {
        if (s.begin_ns > t_ns) continue;
        engine::Span cut = s;
        cut.end_ns = std::min(s.end_ns, t_ns);
        out.push_back(cut);
    }
}

std::optional<engine::WorkerState> ReplayModel::state_of(uint16_t worker, int64_t t_ns) const {
    if (worker >= by_worker_.size()) return std::nullopt;
    const auto& lane = by_worker_[worker];
    // The last span that began at or before t.
    auto it = std::upper_bound(lane.begin(), lane.end(), t_ns,
                               [](int64_t t, const engine::Span& s) { return t < s.begin_ns; });
    if (it == lane.begin()) return std::nullopt;
    --it;
    if (t_ns >= it->end_ns) return std::nullopt;  // exited (or a gap between spans)
    return it->state;
}

int ReplayModel::busy_at(int64_t t_ns) const {
    int n = 0;
    for (uint16_t w = 0; w < by_worker_.size(); ++w) {
        const auto s = state_of(w, t_ns);
        if (s && engine::is_busy(*s)) ++n;
    }
    return n;
}

int64_t ReplayModel::next_moment(int64_t t_ns) const {
    auto it = std::upper_bound(moments_.begin(), moments_.end(), t_ns);
    return it == moments_.end() ? end_ns_ : *it;
}

int64_t ReplayModel::prev_moment(int64_t t_ns) const {
    auto it = std::lower_bound(moments_.begin(), moments_.end(), t_ns);
    return it == moments_.begin() ? 0 : *(it - 1);
}

std::vector<LineMarkers::At> ReplayModel::markers_at(int64_t t_ns) const {
    return markers_.at(std::clamp<int64_t>(t_ns, 0, end_ns_));
}

void Playback::play(int64_t end_ns) {
    if (t_ns >= end_ns) t_ns = 0;
    playing = true;
}

void Playback::advance(double real_seconds, int64_t end_ns) {
    if (!playing) return;
    if (speed == kInstant) {
        t_ns = end_ns;
    } else if (real_seconds > 0) {
        const double step = real_seconds * 1e9 * speed;
        t_ns = static_cast<int64_t>(
            std::min(static_cast<double>(end_ns), static_cast<double>(t_ns) + std::floor(step)));
    }
    if (t_ns >= end_ns) {
        t_ns = end_ns;
        playing = false;
    }
}

void Playback::seek(int64_t t, int64_t end_ns) {
    t_ns = std::clamp<int64_t>(t, 0, std::max<int64_t>(end_ns, 0));
    playing = false;
}

}  // namespace interleave::ui
