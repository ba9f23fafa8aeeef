// Python threads on engine workers: threading/queue semantics, the GIL's switch points, stop,
// deadlock reports, shutdown, and stress loops with the GIL on and off (run under TSan/ASan by
// ./build.sh test). Timing is asserted only on the simulated machine (test_threads_sim.cpp).
#include <doctest/doctest.h>

#include <string>

#include "test_threads_util.hpp"

using namespace interleave;
using namespace interleave::python::testing;

namespace {

engine::RunConfig real(bool gil = true) {
    engine::RunConfig c;
    c.gil = gil;
    return c;
}

}  // namespace

TEST_CASE("threads start, run their target with args and kwargs, and join" * doctest::timeout(60)) {
    PyRun r = run_python(R"(
import threading
out = []
def work(a, b, *, c):
    out.append((a, b, c, threading.current_thread().name))
ts = [threading.Thread(target=work, args=(i, i * 2), kwargs={"c": -i}) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
print([t.is_alive() for t in ts], threading.active_count(), threading.current_thread().name)
print(threading.main_thread() is threading.current_thread(), ts[0].ident != threading.get_ident())
)",
                         real());
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.err == "");
    CHECK(r.out ==
          "[(0, 0, 0, 'Thread-1 (work)'), (1, 2, -1, 'Thread-2 (work)'), (2, 4, -2, 'Thread-3 "
          "(work)'), (3, 6, -3, 'Thread-4 (work)')]\n"
          "[False, False, False, False] 1 MainThread\nTrue True\n");
}

TEST_CASE("an exception in a thread prints CPython's header and traceback; the run goes on" *
          doctest::timeout(60)) {
    PyRun r = run_python(R"(import threading
def worker():
    raise ValueError("boom")
t = threading.Thread(target=worker)
t.start()
t.join()
print("after")
)",
                         real());
    CHECK(r.out == "after\n");
    CHECK(r.err ==
          "Exception in thread Thread-1 (worker):\nTraceback (most recent call last):\n"
          "  File \"<main>\", line 3, in worker\n    raise ValueError(\"boom\")\n"
          "ValueError: boom\n");
    CHECK(r.result.exit_code == 0);
}

TEST_CASE("start twice, join before start, join self: CPython's RuntimeErrors" *
          doctest::timeout(60)) {
    PyRun r = run_python(R"(import threading
t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print(e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print(e)
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
)",
                         real());
    CHECK(r.out ==
          "cannot join thread before it is started\nthreads can only be started once\ncannot join "
          "current thread\n");
}

TEST_CASE("locks keep a shared counter exact under contention, GIL on and off" *
          doctest::timeout(300)) {
    const std::string src = R"(import threading
lock = threading.Lock()
count = 0
def work():
    global count
    for _ in range(2000):
        with lock:
            count += 1
ts = [threading.Thread(target=work) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(count)
)";
    for (int i = 0; i < stress_reps(3); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            PyRun r = run_python(src, real(gil));
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.out == "12000\n");
            CHECK(r.err == "");
        }
    }
}

TEST_CASE("Condition, Semaphore, Event, Barrier and RLock behave as CPython's" *
          doctest::timeout(120)) {
    PyRun r = run_python(R"(import threading
cond = threading.Condition()
items = []
def consumer(n, got):
    for _ in range(n):
        with cond:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))
got = []
c = threading.Thread(target=consumer, args=(50, got))
c.start()
for i in range(50):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(got == list(range(50)))

sem = threading.BoundedSemaphore(2)
inside = [0, 0]
guard = threading.Lock()
def limited():
    with sem:
        with guard:
            inside[0] += 1
            inside[1] = max(inside[1], inside[0])
        threading.Event().wait(0.001)
        with guard:
            inside[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(inside[1] <= 2, inside[0])
try:
    sem.release()
except ValueError as e:
    print(e)

b = threading.Barrier(3, action=lambda: print("barrier passed"))
idx = []
def waiter():
    idx.append(b.wait())
ts = [threading.Thread(target=waiter) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(idx))
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)

r = threading.RLock()
with r:
    with r:
        print("reentrant")
try:
    r.release()
except RuntimeError as e:
    print(e)
e = threading.Event()
print(e.wait(0.001), e.is_set())
threading.Timer(0.001, e.set).start()
print(e.wait())
)",
                         real());
    CHECK(r.err == "");
    CHECK(r.out ==
          "True\nTrue 0\nSemaphore released too many times\nbarrier passed\n[0, 1, 2]\nbroken "
          "True\nreentrant\ncannot release un-acquired lock\nFalse False\nTrue\n");
}

TEST_CASE("queue producer/consumer: every item once, task_done/join, Empty and Full" *
          doctest::timeout(300)) {
    const std::string src = R"(import threading, queue
q = queue.Queue(maxsize=8)
total = []
lock = threading.Lock()
def consumer():
    s = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        s += item
        q.task_done()
    with lock:
        total.append(s)
cs = [threading.Thread(target=consumer) for _ in range(3)]
for c in cs: c.start()
def producer(base):
    for i in range(300):
        q.put(base + i)
ps = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
for p in ps: p.start()
for p in ps: p.join()
q.join()
for _ in cs: q.put(None)
for c in cs: c.join()
print(sum(total), q.qsize(), q.empty())
try:
    q.get(timeout=0.001)
except queue.Empty:
    print("Empty")
f = queue.Queue(1)
f.put(1)
try:
    f.put(2, block=False)
except queue.Full:
    print("Full")
lq, pq, sq = queue.LifoQueue(), queue.PriorityQueue(), queue.SimpleQueue()
for x in [3, 1, 2]:
    lq.put(x); pq.put(x); sq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)], [sq.get() for _ in range(3)])
)";
    const std::string want = std::to_string(3 * (300 * 299 / 2) + 300 * (0 + 1000 + 2000)) +
                             " 0 True\nEmpty\nFull\n[2, 1, 3] [1, 2, 3] [3, 1, 2]\n";
    for (int i = 0; i < stress_reps(2); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            PyRun r = run_python(src, real(gil));
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.err == "");
            CHECK(r.out == want);
        }
    }
}

TEST_CASE("threads sharing lists and dicts without locks never crash (free-threaded too)" *
          doctest::timeout(300)) {
    const std::string src = R"(import threading
shared = []
d = {}
def work(k):
    for i in range(3000):
        shared.append(i)
        d[i % 50] = k
        if len(shared) > 100:
            shared.pop()
        x = [j for j in range(5)]
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), len(shared) > 0)
)";
    for (int i = 0; i < stress_reps(2); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            PyRun r = run_python(src, real(gil));
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.out == "50 True\n");
        }
    }
}

TEST_CASE("a lock-order deadlock ends as the engine's deadlock report naming the lines" *
          doctest::timeout(120)) {
    PyRun r = run_python(R"(import threading
a = threading.Lock()
b = threading.Lock()
both = threading.Barrier(2)
def one():
    with a:
        both.wait()
        with b:
            pass
def two():
    with b:
        both.wait()
        with a:
            pass
t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start(); t2.start()
t1.join(); t2.join()
print("never")
)",
                         real());
    CHECK(r.status == engine::RunStatus::deadlock);
    CHECK(r.out == "");
    std::string all;
    for (const auto& n : r.notices) all += n + "\n";
    CAPTURE(all);
    CHECK(contains(all, "Lock at line 2"));
    CHECK(contains(all, "Lock at line 3"));
    CHECK(contains(all, "Thread-1 (one)"));
}

TEST_CASE("stop ends busy and blocked Python threads promptly" * doctest::timeout(120)) {
    for (int i = 0; i < stress_reps(2); ++i) {
        python::CompileResult c = python::compile_program(R"(import threading, time
ev = threading.Event()
def spin():
    x = 0
    while True:
        x += 1
def block():
    ev.wait()
for f in (spin, spin, block):
    threading.Thread(target=f).start()
print("started", flush=True)
while True:
    pass
)",
                                                          "<main>");
        REQUIRE(c.program);
        auto program = c.program;
        auto run = engine::Run::start(
            [program](engine::Runtime& rt) { python::run_main(rt, program); }, real());
        // Wait for the program to be running (its first line), then stop.
        for (int k = 0; k < 3000; ++k) {
            std::vector<engine::OutputLine> lines;
            run->read_output(0, lines);
            if (!lines.empty()) break;
            run->wait(0.01);
        }
        run->stop();
        CHECK(run->wait(30));
        CHECK(run->status() == engine::RunStatus::stopped);
    }
}

TEST_CASE("shutdown joins non-daemon threads and cuts daemon threads" * doctest::timeout(60)) {
    PyRun r = run_python(R"(import threading, time
def slow():
    time.sleep(0.05)
    print("non-daemon finished")
def forever():
    while True:
        time.sleep(0.01)
threading.Thread(target=slow).start()
threading.Thread(target=forever, daemon=True).start()
print("main done")
)",
                         // Exact: on the real machine a busy host can run slow()'s print
                         // before main's, its 50 ms sleep notwithstanding.
                         sim_config(4));
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.out == "main done\nnon-daemon finished\n");
    CHECK(r.err == "");
}

TEST_CASE("threading.local gives each thread its own attributes" * doctest::timeout(60)) {
    PyRun r = run_python(R"(import threading
data = threading.local()
data.x = "main"
seen = []
def work(n):
    seen.append(hasattr(data, "x"))
    data.x = n
    seen.append(data.x)
t = threading.Thread(target=work, args=(7,))
t.start(); t.join()
print(seen, data.x)
)",
                         real());
    CHECK(r.out == "[False, 7] main\n");
}

TEST_CASE("sys.setswitchinterval reaches the GIL; getswitchinterval starts at the knob" *
          doctest::timeout(60)) {
    engine::RunConfig c = real();
    c.switch_interval_ms = 2.0;
    PyRun r = run_python(R"(import sys
print(sys.getswitchinterval())
sys.setswitchinterval(0.0001)
print(sys.getswitchinterval())
)",
                         c);
    CHECK(r.out == "0.002\n0.0001\n");
}
