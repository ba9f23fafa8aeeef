// Each Python thread publishes the line it is on (issue #9 item 7) for the editor's line
// markers: periodically while it runs (line samples), and as it starts to wait, so a blocked
// thread's line is the line it blocks at — the program's own line, not one inside a module
// written in Python (threading's Condition.wait). Runs without line sampling get none of this.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "engine/runtime.hpp"
#include "python/interp.hpp"

using namespace interleave;

namespace {

std::shared_ptr<engine::Run> run_program(const std::string& src, double line_sample_ms) {
    auto c = python::compile_program(src, "<main>");
    REQUIRE_MESSAGE(c.program, c.error_text);
    engine::RunConfig config;
    config.machine.kind = engine::MachineKind::simulated;
    config.machine.cores = 2;
    config.machine.seed = 3;
    config.line_sample_ms = line_sample_ms;
    auto program = c.program;
    auto run = engine::Run::start(
        [program](engine::Runtime& rt) { python::run_main(rt, program, {}); }, config);
    REQUIRE(run->wait(60));
    return run;
}

// For each worker: the line of the program it published last before entering `state`.
std::map<std::string, std::vector<int>> lines_at(const engine::Run& run,
                                                 engine::WorkerState state) {
    std::map<uint16_t, std::string> names;
    for (const auto& w : run.tracer().workers()) names[w.id] = w.name.substr(0, w.name.find(' '));
    std::map<uint16_t, int> last;
    std::map<std::string, std::vector<int>> out;
    for (const auto& e : run.tracer().all_sorted()) {
        if (e.kind == engine::EventKind::py_line &&
            run.tracer().name(engine::py_line_code(e.arg)) == "<main>")
            last[e.worker] = static_cast<int>(engine::py_line_line(e.arg));
        if (e.kind == engine::EventKind::state && static_cast<engine::WorkerState>(e.arg) == state)
            out[names[e.worker]].push_back(last.count(e.worker) ? last[e.worker] : 0);
    }
    return out;
}

const char* const kProgram =
    "import threading, time\n"               // 1
    "lock = threading.Lock()\n"              // 2
    "done = threading.Event()\n"             // 3
    "def holder():\n"                        // 4
    "    with lock:\n"                       // 5
    "        time.sleep(0.05)\n"             // 6
    "def waiter():\n"                        // 7
    "    time.sleep(0.01)\n"                 // 8
    "    lock.acquire()\n"                   // 9
    "    lock.release()\n"                   // 10
    "    done.wait()\n"                      // 11
    "a = threading.Thread(target=holder)\n"  // 12
    "b = threading.Thread(target=waiter)\n"  // 13
    "a.start(); b.start()\n"                 // 14
    "a.join(); time.sleep(0.01)\n"           // 15: b reaches done.wait() first
    "done.set()\n"                           // 16
    "b.join()\n";                            // 17

}  // namespace

TEST_CASE("a waiting thread publishes the program line it waits at" * doctest::timeout(60)) {
    auto run = run_program(kProgram, 1);
    const auto locks = lines_at(*run, engine::WorkerState::lock_wait);
    const auto sleeps = lines_at(*run, engine::WorkerState::io_wait);
    CAPTURE(locks.size());
    REQUIRE(locks.count("Thread-2") == 1);
    // lock.acquire() on line 9; done.wait() on line 11 goes through threading's Condition
    // (a module written in Python): still the program's line.
    CHECK(locks.at("Thread-2").front() == 9);
    CHECK(locks.at("Thread-2").back() == 11);
    REQUIRE(sleeps.count("Thread-1") == 1);
    CHECK(sleeps.at("Thread-1").front() == 6);
    CHECK(sleeps.at("Thread-2").front() == 8);
    REQUIRE(locks.count("MainThread") == 1);
    // start() waits for the thread to start (line 14, as CPython's Event), then the joins.
    const auto& m = locks.at("MainThread");
    CHECK(m.front() == 14);
    CHECK(std::count(m.begin(), m.end(), 15) >= 1);
    CHECK(m.back() == 17);
}

TEST_CASE("without line sampling no line is published" * doctest::timeout(60)) {
    auto run = run_program(kProgram, 0);
    for (const auto& e : run->tracer().all_sorted()) CHECK(e.kind != engine::EventKind::py_line);
}
