// Python threads on the simulated machine (exact, seeded, independent of the host's load):
// CPU-bound Python costs virtual time through the eval breaker's instruction charge, the GIL
// serialises it, free-threaded runs use the cores, and the GIL's switch points are CPython
// 3.11's (a plain `x += 1` loop keeps its count; read / builtin call / write loses updates).
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "test_threads_util.hpp"

using namespace interleave;
using namespace interleave::python::testing;

namespace {

// Virtual seconds `threads` CPU-bound Python threads take, measured by the program itself.
double burn_seconds(int threads, bool gil, unsigned cores) {
    const std::string src = R"(import threading, time
def burn():
    x = 0
    for i in range(20000):
        x += i
t0 = time.perf_counter()
ts = [threading.Thread(target=burn) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(repr(time.perf_counter() - t0))
)";
    std::string program = src;
    program.replace(program.find("range(N)"), 8, "range(" + std::to_string(threads) + ")");
    PyRun r = run_python(program, sim_config(cores, gil));
    REQUIRE(r.status == engine::RunStatus::finished);
    REQUIRE(r.err == "");
    return std::atof(r.out.c_str());
}

}  // namespace

TEST_CASE("simulated: two CPU-bound threads take ~2x one under the GIL, ~1x free-threaded" *
          doctest::timeout(300)) {
    const double one = burn_seconds(1, true, 4);
    const double two_gil = burn_seconds(2, true, 4);
    const double two_free = burn_seconds(2, false, 2);
    MESSAGE("one thread ", one * 1e3, " ms; two with the GIL ", two_gil * 1e3,
            " ms; two free-threaded on 2 cores ", two_free * 1e3, " ms (virtual)");
    CHECK(one > 0.001);  // 20k iterations cost virtual time: the instruction charge works
    CHECK(two_gil / one == doctest::Approx(2.0).epsilon(0.1));
    CHECK(two_free / one == doctest::Approx(1.0).epsilon(0.1));
}

TEST_CASE("simulated: the same program and seed give the same virtual time" *
          doctest::timeout(120)) {
    CHECK(burn_seconds(3, true, 2) == burn_seconds(3, true, 2));
}

TEST_CASE("simulated: x += 1 keeps its count under the GIL; read/call/write loses updates" *
          doctest::timeout(300)) {
    const std::string plain = R"(import sys, threading
sys.setswitchinterval(0.00005)
x = 0
def work():
    global x
    for _ in range(20000):
        x += 1
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(x)
)";
    PyRun a = run_python(plain, sim_config(4, true));
    CHECK(a.out == "80000\n");
    CHECK(a.stats.gil_switches > 4);  // the threads did interleave

    const std::string racy = R"(import sys, threading
sys.setswitchinterval(0.00005)
x = 0
def work():
    global x
    for _ in range(20000):
        t = x
        abs(t)
        x = t + 1
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(x)
)";
    PyRun b = run_python(racy, sim_config(4, true));
    REQUIRE(b.status == engine::RunStatus::finished);
    const long got = std::atol(b.out.c_str());
    MESSAGE("read/abs()/write with 4 threads: ", got, " of 80000");
    CHECK(got < 80000);
    CHECK(got >= 20000);
}

TEST_CASE("simulated: a blocking queue pipeline finishes and sleeps cost no real time" *
          doctest::timeout(120)) {
    PyRun r = run_python(R"(import threading, queue, time
q = queue.Queue(2)
def producer():
    for i in range(5):
        time.sleep(1)
        q.put(i)
    q.put(None)
out = []
def consumer():
    while (item := q.get()) is not None:
        out.append(item)
t0 = time.monotonic()
ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts: t.start()
for t in ts: t.join()
print(out, round(time.monotonic() - t0))
)",
                         sim_config(2));
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.out == "[0, 1, 2, 3, 4] 5\n");
}

TEST_CASE("simulated: time.sleep(0) hands the GIL to a waiting thread, as CPython's pysleep" *
          doctest::timeout(120)) {
    // CPython drops the GIL around the sleep's system call even for 0 s: a thread waiting for
    // the GIL takes it meanwhile. Two threads sleeping 100 times each: (about) every sleep is a
    // switch. (Before the sleep had a cost, the waiter and the sleeper were a tie at the same
    // virtual time, drawn from the seed: about half of them.) And a sleep takes its call's time.
    const std::string src = R"(import threading, time
start = threading.Barrier(2)
def work():
    start.wait()
    for _ in range(100):
        time.sleep(0)
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
t0 = time.perf_counter()
time.sleep(0)
print(time.perf_counter() - t0 >= 2e-6)
)";
    PyRun r = run_python(src, sim_config(4, true));
    REQUIRE(r.status == engine::RunStatus::finished);
    CHECK(r.out == "True\n");
    MESSAGE("GIL switches: ", r.stats.gil_switches);
    CHECK(r.stats.gil_switches >= 195);
}

TEST_CASE("simulated: Python run between two sleeps takes its time before the next sleep" *
          doctest::timeout(60)) {
    // Instructions are charged in batches of 256, and before every builtin call: the few
    // instructions between two time.sleep() calls are a running span of their own cost (37
    // of them, 1.11 µs), not a 0-length hold with their cost paid inside a later sleep.
    const std::string src = R"(import time
for i in range(20):
    x = 0
    for k in range(3):
        x += k
    time.sleep(0.001)
)";
    python::CompileResult c = python::compile_program(src, "<main>");
    REQUIRE(c.program);
    auto program = c.program;
    auto run = engine::Run::start([program](engine::Runtime& rt) { run_main(rt, program, {}); },
                                  sim_config(1));
    REQUIRE(run->wait(60));
    REQUIRE(run->status() == engine::RunStatus::finished);
    // MainThread's states in time order: every io_wait (a sleep) after the first comes after
    // a running span that lasted.
    std::vector<std::pair<int64_t, engine::WorkerState>> states;
    for (const auto& e : run->tracer().all_sorted())
        if (e.kind == engine::EventKind::state && e.worker == 0)
            states.emplace_back(e.t_ns, static_cast<engine::WorkerState>(e.arg));
    int sleeps = 0;
    for (size_t i = 1; i < states.size(); ++i) {
        if (states[i].second != engine::WorkerState::io_wait) continue;
        ++sleeps;
        CAPTURE(i);
        REQUIRE(states[i - 1].second == engine::WorkerState::running);
        CHECK(states[i].first - states[i - 1].first >= 500);  // ns: at least ~17 instructions
    }
    CHECK(sleeps == 20);
}
