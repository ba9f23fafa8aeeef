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

TEST_CASE("replay: the editor's line markers at t, scrubbed both ways, from the run's samples") {
    constexpr int64_t ms = 1'000'000;
    auto line = [](int64_t t, uint16_t w, uint32_t l, uint32_t code = 1) {
        return TraceEvent{t, 0, w, EventKind::py_line, 0, interleave::engine::py_line_arg(code, l)};
    };
    // MainThread runs line 3 then waits on line 7 (a join) from 10 ms; Thread-1 runs lines 20,
    // 21 (sampled at 20 and 30 ms), a module's line at 35 ms that is not the program's, exits
    // at 40 ms; MainThread goes on at line 8 and exits at 50 ms.
    const std::vector<TraceEvent> events{state(0, 0, WorkerState::running),
                                         line(0, 0, 3),
                                         line(10 * ms, 0, 7),
                                         state(10 * ms, 0, WorkerState::lock_wait),
                                         state(10 * ms, 1, WorkerState::running),
                                         line(20 * ms, 1, 20),
                                         line(30 * ms, 1, 21),
                                         line(35 * ms, 1, 90, 2),
                                         exit_of(40 * ms, 1),
                                         state(40 * ms, 0, WorkerState::running),
                                         line(40 * ms, 0, 8),
                                         exit_of(50 * ms, 0)};
    SpanBuilder b;
    b.add(events);
    LineMarkers lm([](uint32_t code) { return code == 1; });
    lm.add(events);
    ReplayModel m;
    m.build({5 * ms}, b, 50 * ms, lm);
    auto at = m.markers_at(25 * ms);
    REQUIRE(at.size() == 2);
    CHECK(at[0].worker == 0);
    CHECK(at[0].line == 6);  // 0-based: program line 7, the join
    CHECK(at[0].state == WorkerState::lock_wait);
    CHECK(at[1].worker == 1);
    CHECK(at[1].line == 19);
    CHECK(at[1].state == WorkerState::running);
    at = m.markers_at(36 * ms);  // the module's line leaves Thread-1's marker where it was
    REQUIRE(at.size() == 2);
    CHECK(at[1].line == 20);
    at = m.markers_at(5 * ms);  // back before Thread-1 started: MainThread alone, at line 3
    REQUIRE(at.size() == 1);
    CHECK(at[0].line == 2);
    at = m.markers_at(45 * ms);  // Thread-1 has exited
    REQUIRE(at.size() == 1);
    CHECK(at[0].line == 7);
    CHECK(m.markers_at(50 * ms).empty());   // everyone has exited: the live view's end
    CHECK(m.markers_at(900 * ms).empty());  // past the end: the end's
    CHECK(m.markers_at(-3).size() == 1);    // before 0: 0's
    // Next/previous event stop where a marker moves (Thread-1 to line 21 at 30 ms), not at
    // the module's line (35 ms), besides output lines (5 ms) and state changes.
    std::vector<int64_t> forward;
    for (int64_t t = 0; t < m.end_ns();) forward.push_back(t = m.next_moment(t));
    CHECK(forward == std::vector<int64_t>{5 * ms, 10 * ms, 20 * ms, 30 * ms, 40 * ms, 50 * ms});
    CHECK(m.prev_moment(35 * ms) == 30 * ms);
    CHECK(m.prev_moment(30 * ms) == 20 * ms);
    m.clear();
    CHECK(m.markers_at(0).empty());
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
