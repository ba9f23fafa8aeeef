// Replay and scrubbing (issue #11 item 4): the state of a finished run at a moment t, and the
// replay clock.
#include <doctest/doctest.h>

#include <vector>

#include "ui/replay_model.hpp"

using namespace interleave::ui;
using interleave::engine::EventKind;
using interleave::engine::Span;
using interleave::engine::SpanBuilder;
using interleave::engine::TraceEvent;
using interleave::engine::WorkerState;

namespace {

TraceEvent state(int64_t t, uint16_t w, WorkerState s) {
    return TraceEvent{t, 0, w, EventKind::state, 0, static_cast<uint64_t>(s)};
}
TraceEvent exit_of(int64_t t, uint16_t w) {
    return TraceEvent{t, 0, w, EventKind::worker_exit, 0, 0};
}

// Two workers: MainThread runs 0..10, waits 10..40, runs 40..50 and exits; Thread-1 starts at
// 10, runs 10..40 and exits. Lines at 5, 10, 40, 50 (ms).
ReplayModel two_workers() {
    constexpr int64_t ms = 1'000'000;
    SpanBuilder b;
    b.add({state(0, 0, WorkerState::running), state(10 * ms, 1, WorkerState::running),
           state(10 * ms, 0, WorkerState::lock_wait), exit_of(40 * ms, 1),
           state(40 * ms, 0, WorkerState::running), exit_of(50 * ms, 0)});
    ReplayModel m;
    m.build({5 * ms, 10 * ms, 40 * ms, 50 * ms}, b, 50 * ms);
    return m;
}

}  // namespace

TEST_CASE("replay: the console shows the lines printed up to t, a line at exactly t included") {
    constexpr int64_t ms = 1'000'000;
    const ReplayModel m = two_workers();
    CHECK(m.end_ns() == 50 * ms);
    CHECK(m.lines_at(0) == 0);
    CHECK(m.lines_at(5 * ms - 1) == 0);
    CHECK(m.lines_at(5 * ms) == 1);
    CHECK(m.lines_at(39 * ms) == 2);
    CHECK(m.lines_at(50 * ms) == 4);
    CHECK(m.lines_at(-1) == 0);
}

TEST_CASE("replay: the timeline at t has the spans begun by t, cut at t; at the end, whole") {
    constexpr int64_t ms = 1'000'000;
    const ReplayModel m = two_workers();
    std::vector<Span> at;
    m.states_at(20 * ms, at);
    // MainThread's run 0..10 whole, its wait cut at 20, Thread-1's run cut at 20.
    REQUIRE(at.size() == 3);
    int64_t total = 0;
    for (const auto& s : at) {
        CHECK(s.end_ns <= 20 * ms);
        total += s.end_ns - s.begin_ns;
    }
    CHECK(total == 10 * ms + 10 * ms + 10 * ms);
    at.clear();
    m.states_at(m.end_ns(), at);
    CHECK(at.size() == 4);  // everything the run recorded
    at.clear();
    m.states_at(0, at);
    for (const auto& s : at) CHECK(s.end_ns == s.begin_ns);  // begun, nothing drawn yet
}

TEST_CASE("replay: each worker's state and the busy workers at t") {
    constexpr int64_t ms = 1'000'000;
    const ReplayModel m = two_workers();
    CHECK(m.state_of(0, 5 * ms) == WorkerState::running);
    CHECK(m.state_of(0, 10 * ms) == WorkerState::lock_wait);  // a change at t is in effect at t
    CHECK(m.state_of(1, 5 * ms) == std::nullopt);             // not started yet
    CHECK(m.state_of(1, 39 * ms) == WorkerState::running);
    CHECK(m.state_of(1, 40 * ms) == std::nullopt);  // exited
    CHECK(m.state_of(7, 1) == std::nullopt);        // no such worker
    CHECK(m.busy_at(5 * ms) == 1);
    CHECK(m.busy_at(20 * ms) == 1);  // MainThread waits on a lock: not busy
    CHECK(m.busy_at(45 * ms) == 1);
    CHECK(m.busy_at(50 * ms) == 0);  // both have exited
}

TEST_CASE("replay: step to the next and the previous moment, both ways, stopping at the ends") {
    constexpr int64_t ms = 1'000'000;
    const ReplayModel m = two_workers();
    std::vector<int64_t> forward;
    for (int64_t t = 0; t < m.end_ns();) forward.push_back(t = m.next_moment(t));
    CHECK(forward == std::vector<int64_t>{5 * ms, 10 * ms, 40 * ms, 50 * ms});
    CHECK(m.next_moment(m.end_ns()) == m.end_ns());
    CHECK(m.prev_moment(40 * ms) == 10 * ms);
    CHECK(m.prev_moment(41 * ms) == 40 * ms);
    CHECK(m.prev_moment(0) == 0);
}

TEST_CASE("replay: an empty run") {
    ReplayModel m;
    CHECK(m.empty());
    m.build({}, SpanBuilder{}, 0);
    CHECK(m.lines_at(100) == 0);
    CHECK(m.next_moment(0) == 0);
    CHECK(m.busy_at(0) == 0);
}

TEST_CASE("playback: speed scales virtual time, pause holds it, the end stops it") {
    constexpr int64_t ms = 1'000'000;
    Playback p;
    p.advance(1.0, 100 * ms);
    CHECK(p.t_ns == 0);  // not playing
    p.play(100 * ms);
    p.speed = 0.1;
    p.advance(0.2, 100 * ms);  // 0.2 s real at 0.1x = 20 ms
    CHECK(p.t_ns == 20 * ms);
    p.speed = 1;
    p.advance(0.05, 100 * ms);
    CHECK(p.t_ns == 70 * ms);
    p.pause();
    p.advance(1.0, 100 * ms);
    CHECK(p.t_ns == 70 * ms);
    p.play(100 * ms);
    p.speed = 10;
    p.advance(1.0, 100 * ms);
    CHECK(p.t_ns == 100 * ms);
    CHECK(!p.playing);  // the end stops it
    p.play(100 * ms);   // from the start again
    CHECK(p.t_ns == 0);
    p.speed = Playback::kInstant;
    p.advance(0.001, 100 * ms);
    CHECK(p.t_ns == 100 * ms);
}

TEST_CASE("playback: a scrub moves both ways, clamps to the run and pauses") {
    constexpr int64_t ms = 1'000'000;
    Playback p;
    p.play(100 * ms);
    p.seek(60 * ms, 100 * ms);
    CHECK(p.t_ns == 60 * ms);
    CHECK(!p.playing);
    p.seek(20 * ms, 100 * ms);
    CHECK(p.t_ns == 20 * ms);
    p.seek(-5, 100 * ms);
    CHECK(p.t_ns == 0);
    p.seek(500 * ms, 100 * ms);
    CHECK(p.t_ns == 100 * ms);
}
