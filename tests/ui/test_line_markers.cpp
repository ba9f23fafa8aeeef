// Each thread's current line at a moment of a run (issue #10 item 5), from trace events: the
// last program line a worker published by then, its state then, nothing once it has exited;
// lines of other files (modules written in Python) are not the editor's.
#include <doctest/doctest.h>

#include "ui/editor/line_markers.hpp"

using namespace interleave;
using namespace interleave::ui;
using engine::EventKind;
using engine::WorkerState;

namespace {

engine::TraceEvent ev(int64_t t, uint16_t worker, EventKind kind, uint64_t arg) {
    engine::TraceEvent e;
    e.t_ns = t;
    e.worker = worker;
    e.kind = kind;
    e.arg = arg;
    return e;
}
engine::TraceEvent line(int64_t t, uint16_t w, uint32_t l, uint32_t code = 1) {
    return ev(t, w, EventKind::py_line, engine::py_line_arg(code, l));
}
engine::TraceEvent state(int64_t t, uint16_t w, WorkerState s) {
    return ev(t, w, EventKind::state, static_cast<uint64_t>(s));
}

}  // namespace

TEST_CASE("line markers: the last line by then, the state then, gone after exit") {
    LineMarkers m([](uint32_t code) { return code == 1; });  // code 1 is "<main>"
    m.add({state(0, 0, WorkerState::running), line(10, 0, 5), state(10, 1, WorkerState::running),
           line(20, 1, 9), line(25, 1, 40, 2),  // threading.py's line: not the program's
           line(30, 0, 6), state(30, 0, WorkerState::lock_wait), line(40, 1, 11),
           state(40, 1, WorkerState::gil_wait), ev(90, 1, EventKind::worker_exit, 0)});
    CHECK(m.at(5).empty());  // nobody has published a line yet
    auto a = m.at(20);
    REQUIRE(a.size() == 2);
    CHECK(a[0].worker == 0);
    CHECK(a[0].line == 4);  // 0-based
    CHECK(a[0].state == WorkerState::running);
    CHECK(a[1].line == 8);
    a = m.at(26);
    REQUIRE(a.size() == 2);
    CHECK(a[1].line == 8);  // the module's line left it where it was
    a = m.at(50);
    REQUIRE(a.size() == 2);
    CHECK(a[0].line == 5);
    CHECK(a[0].state == WorkerState::lock_wait);
    CHECK(a[1].line == 10);
    CHECK(a[1].state == WorkerState::gil_wait);
    a = m.at(90);  // worker 1 exited at 90
    REQUIRE(a.size() == 1);
    CHECK(a[0].worker == 0);
    // Scrubbing back is the same question: any moment, any order.
    CHECK(m.at(20).size() == 2);
    m.clear();
    CHECK(m.at(50).empty());
}

TEST_CASE("line markers: events in several batches, as the UI reads them") {
    LineMarkers m;
    m.add({line(1, 3, 2)});
    m.add({line(2, 3, 2), line(5, 3, 7)});
    CHECK(m.at(3).at(0).line == 1);
    CHECK(m.at(5).at(0).line == 6);
    CHECK(std::string(line_marker_state(WorkerState::gil_wait)) == "waiting for the GIL");
}

TEST_CASE("line markers: a worker's lines, for its selected timeline lane") {
    LineMarkers m([](uint32_t code) { return code == 1; });
    m.add({line(10, 1, 9), line(20, 1, 4), line(25, 1, 40, 2),  // another file: not a line here
           line(30, 1, 9), line(35, 2, 7)});
    CHECK(m.lines_of(1) == std::vector<int>{3, 8});  // 0-based, ascending, each once
    CHECK(m.lines_of(2) == std::vector<int>{6});     // only its own
    CHECK(m.lines_of(0).empty());                    // a worker that published none
    CHECK(m.lines_of(77).empty());                   // an id the run never had
    m.add({line(40, 1, 2)});                         // live: the set grows as the run goes on
    CHECK(m.lines_of(1) == std::vector<int>{1, 3, 8});
    m.clear();
    CHECK(m.lines_of(1).empty());
}
