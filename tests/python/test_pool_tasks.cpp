// Pool work items as tasks: each call submitted to a concurrent.futures pool is its own task of
// the run on the worker that runs it (the timeline's task row, RunStats::tasks, output
// attribution), as the engine's C++ executors trace their items.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "test_threads_util.hpp"

using namespace interleave;
using namespace interleave::python::testing;

namespace {

struct Span {
    uint16_t worker = 0;
    int64_t begin = -1, end = -1;
};

// The run, with its trace events, output lines and task names.
struct TracedRun {
    engine::RunStatus status = engine::RunStatus::running;
    engine::RunStats stats;
    std::vector<engine::TraceEvent> events;
    std::vector<engine::OutputLine> lines;
    std::map<uint32_t, std::string> task_names;
    std::map<uint16_t, std::string> worker_names;
};

TracedRun run_traced(const std::string& source, engine::RunConfig cfg) {
    TracedRun r;
    python::CompileResult c = python::compile_program(source, "<main>");
    REQUIRE_MESSAGE(c.program, c.error_text);
    auto program = c.program;
    auto run = engine::Run::start(
        [program](engine::Runtime& rt) { (void)python::run_main(rt, program); }, cfg);
    if (!run->wait(60)) {
        run->stop();
        run->wait(30);
    }
    r.status = run->status();
    r.stats = run->stats();
    engine::Tracer::Cursor cursor;
    run->read_events(cursor, r.events);
    run->read_output(0, r.lines);
    for (const auto& t : run->tasks()) r.task_names[t.id] = t.name;
    for (const auto& w : run->workers()) r.worker_names[w.id] = w.name;
    return r;
}

// Spans of the tasks whose name starts with "Task " (the pool's items).
std::map<uint32_t, Span> item_spans(const TracedRun& r) {
    std::map<uint32_t, Span> spans;
    for (const auto& e : r.events) {
        auto name = r.task_names.find(e.task);
        if (name == r.task_names.end() || name->second.rfind("Task ", 0) != 0) continue;
        Span& s = spans[e.task];
        if (e.kind == engine::EventKind::task_begin) {
            CHECK(s.begin < 0);  // one span per item
            s.begin = e.t_ns;
            s.worker = e.worker;
        } else if (e.kind == engine::EventKind::task_end) {
            CHECK(s.end < 0);
            CHECK(e.worker == s.worker);
            s.end = e.t_ns;
        }
    }
    return spans;
}

const char* kFiveCalls = R"(import time
from concurrent.futures import ThreadPoolExecutor
def call(n):
    print("start", n)
    time.sleep(0.02)
    print("end", n)
    return n * n
with ThreadPoolExecutor(max_workers=2) as pool:
    fs = [pool.submit(call, n) for n in range(5)]
    print([f.result() for f in fs])
)";

}  // namespace

TEST_CASE("ThreadPoolExecutor: 5 calls to a pool of 2 are 5 tasks on the pool's workers" *
          doctest::timeout(120)) {
    for (bool simulated : {true, false}) {
        CAPTURE(simulated);
        engine::RunConfig cfg = simulated ? sim_config(2) : engine::RunConfig{};
        TracedRun r = run_traced(kFiveCalls, cfg);
        REQUIRE(r.status == engine::RunStatus::finished);
        // MainThread, the two workers and the five items.
        CHECK(r.stats.tasks == 8);
        auto spans = item_spans(r);
        REQUIRE(spans.size() == 5);
        std::map<std::string, int> names;
        for (const auto& [task, s] : spans) {
            ++names[r.task_names[task]];
            CHECK(s.begin >= 0);
            CHECK(s.end >= s.begin);
            const std::string& worker = r.worker_names[s.worker];
            CHECK(worker.rfind("ThreadPoolExecutor-", 0) == 0);
        }
        CHECK(names ==
              std::map<std::string, int>{
                  {"Task 0", 1}, {"Task 1", 1}, {"Task 2", 1}, {"Task 3", 1}, {"Task 4", 1}});
        // Each call's output belongs to its task and lies within its span, on its worker.
        int inside = 0;
        for (const auto& l : r.lines) {
            if (l.text.rfind("start ", 0) != 0 && l.text.rfind("end ", 0) != 0) continue;
            auto it = spans.find(l.task);
            REQUIRE_MESSAGE(it != spans.end(), l.text);
            const Span& s = it->second;
            CHECK(l.worker == s.worker);
            CHECK(l.t_ns >= s.begin);
            CHECK(l.t_ns <= s.end);
            const std::string n = l.text.substr(l.text.find(' ') + 1);
            CHECK(r.task_names[l.task] == "Task " + n);
            ++inside;
        }
        CHECK(inside == 10);
        // The result line is MainThread's, not a pool item's.
        REQUIRE(!r.lines.empty());
        CHECK(r.lines.back().text == "[0, 1, 4, 9, 16]");
        CHECK(r.task_names[r.lines.back().task] == "MainThread");
    }
}

TEST_CASE("ThreadPoolExecutor: a cancelled item is no task; a failing call's span still ends" *
          doctest::timeout(120)) {
    const char* src = R"(import threading
from concurrent.futures import ThreadPoolExecutor
gate = threading.Event()
def block():
    gate.wait()
def fail():
    raise ValueError("no")
with ThreadPoolExecutor(max_workers=1) as pool:
    first = pool.submit(block)
    cancelled = pool.submit(print, "never")
    print(cancelled.cancel())
    bad = pool.submit(fail)
    gate.set()
    print(repr(bad.exception()))
)";
    TracedRun r = run_traced(src, sim_config(2));
    REQUIRE(r.status == engine::RunStatus::finished);
    auto spans = item_spans(r);
    std::map<std::string, Span> by_name;
    for (const auto& [task, s] : spans) by_name[r.task_names[task]] = s;
    CHECK(by_name.size() == 2);
    CHECK(by_name.count("Task 0") == 1);
    CHECK(by_name.count("Task 1") == 0);  // cancelled before it ran
    REQUIRE(by_name.count("Task 2") == 1);
    CHECK(by_name["Task 2"].end >= by_name["Task 2"].begin);
    std::string out;
    for (const auto& l : r.lines) out += l.text + "\n";
    CHECK(out == "True\nValueError('no')\n");
}

TEST_CASE("process pools: each call is a task in the worker process that runs it" *
          doctest::timeout(120)) {
    // map(chunksize=1) queues one task per item, as CPython's Pool does.
    const char* src = R"(import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
def sq(x):
    print("call", x)
    return x * x
if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(sq, range(4))))
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(10, 13), chunksize=1))
)";
    TracedRun r = run_traced(src, sim_config(2));
    REQUIRE(r.status == engine::RunStatus::finished);
    auto spans = item_spans(r);
    // 4 executor items and 3 pool tasks, each span on a worker that is not MainThread.
    std::map<std::string, int> names;
    for (const auto& [task, s] : spans) {
        ++names[r.task_names[task]];
        CHECK(s.begin >= 0);
        CHECK(s.end >= s.begin);
        CHECK(r.worker_names[s.worker] != "MainThread");
    }
    CHECK(names ==
          std::map<std::string, int>{{"Task 0", 2}, {"Task 1", 2}, {"Task 2", 2}, {"Task 3", 1}});
    int calls = 0;
    for (const auto& l : r.lines) {
        if (l.text.rfind("call ", 0) != 0) continue;
        auto it = spans.find(l.task);
        REQUIRE_MESSAGE(it != spans.end(), l.text);
        CHECK(l.worker == it->second.worker);
        CHECK(l.t_ns >= it->second.begin);
        CHECK(l.t_ns <= it->second.end);
        ++calls;
    }
    CHECK(calls == 7);
    std::string out;
    for (const auto& l : r.lines)
        if (l.text.rfind("call ", 0) != 0) out += l.text + "\n";
    CHECK(out == "[0, 1, 4, 9]\n[100, 121, 144]\n");
}
