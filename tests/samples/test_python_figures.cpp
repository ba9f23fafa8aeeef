// The figures a Python run's report prints (RunStats: the CLI's summary and --json, the web
// API's state(), the views' summary) against measures the engine does not compute for them:
// what the program itself measured and printed (time.perf_counter, time.thread_time, how many
// threads or tasks it started), and each other (issue #8: "busy cores avg 0.03 max 0", "1
// tasks" for a threaded program, CPU work that grew only when a worker ended).
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "samples/catalog.hpp"
#include "samples/program_run.hpp"
#include "samples/report.hpp"

using namespace interleave;
using namespace interleave::samples;

namespace {

engine::RunConfig simulated(unsigned cores, bool gil) {
    engine::RunConfig c;
    c.gil = gil;
    c.machine.kind = engine::MachineKind::simulated;
    c.machine.cores = cores;
    return c;
}

std::vector<std::string> output_of(const engine::Run& run) {
    std::vector<engine::OutputLine> lines;
    run.read_output(0, lines);
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

// Runs `text` to its end (bounded) and returns the run.
std::shared_ptr<engine::Run> run_to_end(const std::string& text, const engine::RunConfig& config) {
    auto p = ProgramRun::start(text, "<main>", config);
    const auto& run = p->run();
    const bool ended = run->wait(120);
    if (!ended) run->stop();
    REQUIRE(ended);
    INFO(output_of(*run).size() << " lines; notices: "
                                << (run->notices().empty() ? "" : run->notices()[0]));
    REQUIRE(run->status() == engine::RunStatus::finished);
    REQUIRE(p->exit_code() == 0);
    return run;
}

// The value after "key " in a line of "key value" pairs.
double field(const std::string& line, const std::string& key) {
    std::istringstream in(line);
    std::string k;
    double v = 0;
    while (in >> k)
        if (k == key && in >> v) return v;
    FAIL("no " << key << " in: " << line);
    return 0;
}

// The run's first output line, once printed (empty if the run ended first); each wait
// returns early if the run ends.
std::string first_line(engine::Run& run) {
    std::vector<engine::OutputLine> lines;
    while (lines.empty() && !run.done()) {
        run.read_output(0, lines);
        if (lines.empty()) run.wait(0.005);
    }
    return lines.empty() ? std::string() : lines[0].text;
}

// Two threads of pure-Python CPU work; each prints its own elapsed and CPU time in ms.
const char* kTwoThreads = R"(import threading, time
def compute(name):
    t0 = time.perf_counter()
    c0 = time.thread_time()
    s = 0
    for i in range(150000):
        s += i
    print(name, "wall", (time.perf_counter() - t0) * 1000, "cpu", (time.thread_time() - c0) * 1000)
ts = [threading.Thread(target=compute, args=("w%d" % k,)) for k in range(2)]
t0 = time.perf_counter()
for t in ts: t.start()
for t in ts: t.join()
print("main", "wall", (time.perf_counter() - t0) * 1000, "threads", threading.active_count())
)";

}  // namespace

TEST_CASE("python figures: a CPU-bound 2-thread program on the simulated machine, exactly" *
          doctest::timeout(240)) {
    for (const bool gil : {false, true}) {
        CAPTURE(gil);
        auto run = run_to_end(kTwoThreads, simulated(2, gil));
        const auto lines = output_of(*run);
        REQUIRE(lines.size() == 3);
        const double w0 = field(lines[0], "wall"), c0 = field(lines[0], "cpu");
        const double w1 = field(lines[1], "wall"), c1 = field(lines[1], "cpu");
        const double main_wall = field(lines[2], "wall");
        const engine::RunStats st = run->stats();
        INFO("threads wall " << w0 << " / " << w1 << " cpu " << c0 << " / " << c1 << "; run wall "
                             << st.wall_ms << " cpu " << st.cpu_ms << " busy " << st.busy_cores_avg
                             << " / " << st.busy_cores_max << " gil wait " << st.gil_wait_ms
                             << " switches " << st.gil_switches);
        REQUIRE(c0 > 5);
        // Tasks: MainThread and the two threads it started.
        CHECK(st.tasks == 3);
        // CPU work: every thread's own CPU time, and the main thread's (compiling, importing,
        // starting and joining: little, as it waits in join).
        CHECK(st.cpu_ms >= c0 + c1);
        CHECK(st.cpu_ms <= c0 + c1 + 0.25 * (c0 + c1));
        CHECK(st.busy_cores_max >= st.busy_cores_avg);
        CHECK(st.wall_ms >= main_wall);
        if (!gil) {
            // Free-threaded on 2 cores: each thread runs on its own core from start to end
            // (its elapsed time is its CPU time); both at once, so 2 cores are busy at the peak.
            CHECK(w0 == doctest::Approx(c0).epsilon(0.01));
            CHECK(w1 == doctest::Approx(c1).epsilon(0.01));
            CHECK(main_wall <= std::max(w0, w1) * 1.1);
            CHECK(st.busy_cores_max == doctest::Approx(2.0).epsilon(0.01));
            CHECK(st.gil_wait_ms == 0);
            CHECK(st.gil_switches == 0);
        } else {
            // With the GIL they take turns: never more than one core busy, the work takes the
            // sum of their times, and each waits for the GIL while the other runs (at least the
            // other's CPU time less the switch interval it ran before the first request).
            CHECK(st.busy_cores_max <= 1.0 + 1e-9);
            CHECK(main_wall >= 0.99 * (c0 + c1));
            CHECK(st.gil_wait_ms >= c0 + c1 - 2 * 5.0);
            // A forced switch every 5 ms of the other thread's run (sys.getswitchinterval()).
            CHECK(static_cast<double>(st.gil_switches) >= 0.9 * (c0 + c1) / 5.0);
        }
    }
}

TEST_CASE("python figures: tasks are what the program started" * doctest::timeout(240)) {
    struct Case {
        const char* what;
        const char* text;
        unsigned tasks;
    };
    const Case cases[] = {
        {"threads", R"(import threading
ts = [threading.Thread(target=print, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
)",
         5},
        {"processes", R"(import multiprocessing
if __name__ == "__main__":
    ps = [multiprocessing.Process(target=print, args=(k,)) for k in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
)",
         4},
        {"asyncio", R"(import asyncio
async def one(k):
    await asyncio.sleep(0.001 * k)
async def main():
    await asyncio.gather(*(one(k) for k in range(3)))
asyncio.run(main())
)",
         7},  // MainThread and six Tasks, as CPython 3.11 makes them (Task-1 ... Task-6): main(),
              // the three gather wraps the coroutines in, and asyncio.run's shutdown_asyncgens()
              // and shutdown_default_executor()
        {"thread pool", R"(from concurrent.futures import ThreadPoolExecutor
import threading
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(sum, range(1000)) for _ in range(6)]
    started = threading.active_count() - 1
print(started)
)",
         0},  // MainThread, the pool's worker threads (printed by the program) and the six
              // calls (each work item is a task, as the engine's C++ pools trace theirs)
    };
    for (const Case& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        auto run = run_to_end(c.text, simulated(4, true));
        const engine::RunStats st = run->stats();
        unsigned expect = c.tasks;
        if (expect == 0) {
            const auto lines = output_of(*run);
            REQUIRE(!lines.empty());
            expect = 1 + static_cast<unsigned>(std::stoi(lines.back()));
            CHECK(expect >= 2);
            expect += 6;
        }
        CHECK(st.tasks == expect);
        CHECK(run->tasks().size() == st.tasks);
        CHECK(st.busy_cores_max >= st.busy_cores_avg);
    }
}

namespace {
// A thread does CPU work, then waits; MainThread prints once it has (a synchronisation point
// in the program: the worker starts waiting, and so lets the GIL go, before MainThread can
// print) and then computes until the test stops the run (a run that only waited would end at
// once on the simulated machine: its virtual time runs on to the timeout or a deadlock).
const char* kWorkThenWait = R"(import threading, time
done = threading.Event()
release = threading.Event()
spent = 0
def work():
    global spent
    c0 = time.thread_time()
    s = 0
    for i in range(1000000):
        s += i
    spent = (time.thread_time() - c0) * 1000
    done.set()
    release.wait(60)
t = threading.Thread(target=work)
t.start()
done.wait()
print("worked", spent)
while True:
    pass
)";
}  // namespace

TEST_CASE("python figures: CPU work grows during the run, not when a worker ends" *
          doctest::timeout(240)) {
    for (const bool sim : {false, true}) {
        CAPTURE(sim);
        engine::RunConfig config = sim ? simulated(2, true) : engine::RunConfig{};
        auto p = ProgramRun::start(kWorkThenWait, "<main>", config);
        const auto& run = p->run();
        // Until the program says it has worked.
        const std::string line = first_line(*run);
        REQUIRE(!line.empty());
        const double spent = field(line, "worked");
        // A snapshot while both threads are alive and waiting: the work counts already.
        const engine::RunStats st = run->stats();
        const std::string report = run_report_json(*find_sample("threading"), {}, *p);
        const bool running = !run->done();
        run->stop();
        REQUIRE(run->wait(30));
        INFO("worker CPU " << spent << " ms; CPU work mid-run " << st.cpu_ms << " ms; at the end "
                           << run->stats().cpu_ms << " ms");
        REQUIRE(running);
        REQUIRE(spent > 1);
        CHECK(st.cpu_ms >= spent);
        const auto at = report.find("\"cpu_ms\": ");
        REQUIRE(at != std::string::npos);
        CHECK(std::stod(report.substr(at + 10)) >= spent);
        CHECK(run->stats().cpu_ms >= st.cpu_ms);
    }
}

TEST_CASE("python figures: a lone CPU-bound thread's work counts at each line sample" *
          doctest::timeout(240)) {
    // No waits at all: the playground's line samples (every 10 ms of run time, virtual here)
    // are when it counts. The program prints how much CPU it has used, then goes on.
    engine::RunConfig config = simulated(2, true);
    config.line_sample_ms = 10;
    auto p = ProgramRun::start(R"(import time
s = 0
for i in range(1000000):
    s += i
print("spent", time.thread_time() * 1000)
while True:
    pass
)",
                               "<main>", config);
    const auto& run = p->run();
    const std::string line = first_line(*run);
    REQUIRE(!line.empty());
    const double spent = field(line, "spent");
    const engine::RunStats st = run->stats();
    const bool running = !run->done();
    run->stop();
    REQUIRE(run->wait(30));
    INFO("CPU " << spent << " ms by the print; CPU work mid-run " << st.cpu_ms << " ms");
    REQUIRE(running);
    REQUIRE(spent > 50);
    // Counted up to the last sample before the print, at least (within one 10 ms period).
    CHECK(st.cpu_ms >= spent - 10.5);
}

TEST_CASE("python figures: busy cores peak is never below the average" * doctest::timeout(240)) {
    // Python runs of every shape, both machines: the peak is a maximum over bins whose
    // time-weighted mean is the average.
    const char* programs[] = {
        kTwoThreads,
        R"(import threading
a = threading.Lock()
def f():
    with a: pass
ts = [threading.Thread(target=f) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
)",
        "print(sum(range(1000)))\n",
    };
    for (const char* text : programs) {
        for (const bool sim : {false, true}) {
            CAPTURE(sim);
            auto run = run_to_end(text, sim ? simulated(2, true) : engine::RunConfig{});
            const engine::RunStats st = run->stats();
            CAPTURE(st.busy_cores_avg);
            CAPTURE(st.busy_cores_max);
            CHECK(st.busy_cores_avg > 0);
            CHECK(st.busy_cores_max >= st.busy_cores_avg);
            const std::string j = stats_json(st);
            CHECK(j.find("\"busy_cores_max\": 0,") == std::string::npos);
        }
    }
}
