// pickle, multiprocessing and concurrent.futures' process pool (src/python/modules/pickle*,
// multiprocessing*, concurrent*): exact pickle bytes, CPython's messages, processes as fresh
// interpreters in engine processes, stop and terminate mid-run, a stress loop, and exact
// figures on the simulated machine.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "py_test_util.hpp"

using namespace interleave;
using interleave::python::testing::run_source;

namespace {

struct EngineRan {
    std::string out, err;
    python::RunResult result;
    engine::RunStatus status = engine::RunStatus::running;
    std::vector<std::string> notices;
};

// Runs `source` as __main__ in an engine run (children print through the engine too).
EngineRan run_engine(const std::string& source, engine::RunConfig config = {},
                     double timeout_s = 60,
                     std::function<void(engine::Run&)> while_running = nullptr) {
    EngineRan r;
    auto c = python::compile_program(source, "<main>");
    REQUIRE_MESSAGE(c.program, c.error_text);
    auto program = c.program;
    python::RunResult result;
    auto run = engine::Run::start(
        [&result, program](engine::Runtime& rt) { result = python::run_main(rt, program); },
        config);
    if (while_running) while_running(*run);
    REQUIRE(run->wait(timeout_s));
    std::vector<engine::OutputLine> lines;
    run->read_output(0, lines);
    for (const auto& l : lines)
        (l.stream == engine::Stream::err ? r.err : r.out) += l.text + (l.newline ? "\n" : "");
    r.result = result;
    r.status = run->status();
    r.notices = run->notices();
    return r;
}

}  // namespace

TEST_CASE("pickle.dumps gives CPython 3.11's protocol 4 bytes; loads rebuilds them" *
          doctest::timeout(30)) {
    auto r = run_source(R"(import pickle
print(pickle.dumps(1))
print(pickle.dumps([1, 2]))
print(pickle.dumps({"a": (1, 2.5, None, True)}))
print(pickle.dumps(2**70), pickle.dumps(-5), pickle.dumps(-2**40))
class P:
    def __init__(self, x): self.x = x
def f(): pass
print(pickle.dumps(P(3)))
print(pickle.dumps(f), pickle.dumps(abs))
print(pickle.dumps(ValueError("x")))
p = pickle.loads(pickle.dumps(P([1, {2}])))
print(type(p).__name__, p.x)
l = [1]; l.append(l); l2 = pickle.loads(pickle.dumps(l)); print(l2, l2[1] is l2)
print(pickle.loads(pickle.dumps((b"ab", frozenset([3]), 10**30, -1.5))))
)");
    CHECK(r.err == "");
    CHECK(r.out ==
          "b'\\x80\\x04K\\x01.'\n"
          "b'\\x80\\x04\\x95\\t\\x00\\x00\\x00\\x00\\x00\\x00\\x00]\\x94(K\\x01K\\x02e.'\n"
          "b'\\x80\\x04\\x95\\x18\\x00\\x00\\x00\\x00\\x00\\x00\\x00}\\x94\\x8c\\x01a\\x94(K\\x01G@"
          "\\x04\\x00\\x00\\x00\\x00\\x00\\x00N\\x88t\\x94s.'\n"
          "b'"
          "\\x80\\x04\\x95\\x0c\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8a\\t\\x00\\x00\\x00\\x00\\x00"
          "\\x00\\x00\\x00@.' "
          "b'\\x80\\x04\\x95\\x06\\x00\\x00\\x00\\x00\\x00\\x00\\x00J\\xfb\\xff\\xff\\xff.' "
          "b'"
          "\\x80\\x04\\x95\\t\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8a\\x06\\x00\\x00\\x00\\x00\\x00"
          "\\xff.'\n"
          "b'\\x80\\x04\\x95\\x1f\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x08__main__"
          "\\x94\\x8c\\x01P\\x94\\x93\\x94)\\x81\\x94}\\x94\\x8c\\x01x\\x94K\\x03sb.'\n"
          "b'\\x80\\x04\\x95\\x12\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x08__main__"
          "\\x94\\x8c\\x01f\\x94\\x93\\x94.' "
          "b'"
          "\\x80\\x04\\x95\\x14\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x08builtins\\x94\\x8c\\x03"
          "abs\\x94\\x93\\x94.'\n"
          "b'\\x80\\x04\\x95#"
          "\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x08builtins\\x94\\x8c\\nValueError\\x94\\x93\\"
          "x94\\x8c\\x01x\\x94\\x85\\x94R\\x94.'\n"
          "P [1, {2}]\n"
          "[1, [...]] True\n"
          "(b'ab', frozenset({3}), 1000000000000000000000000000000, -1.5)\n");
}

TEST_CASE("pickling a lambda or a local function fails with CPython 3.11's messages" *
          doctest::timeout(30)) {
    auto r = run_source(R"(import pickle
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    t = str(e)
    i = t.find(" at 0x")
    print(type(e).__module__, type(e).__name__, t[:i] + t[t.find(">", i):])
def outer():
    def inner(): pass
    return inner
try:
    pickle.dumps(outer())
except AttributeError as e:
    print(e)
try:
    pickle.loads(b"\x80\x04K")
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)
try:
    pickle.dumps(x for x in [])
except TypeError as e:
    print(e)
)");
    CHECK(r.err == "");
    CHECK(r.out ==
          "_pickle PicklingError Can't pickle <function <lambda>>: attribute lookup <lambda> on "
          "__main__ failed\n"
          "Can't pickle local object 'outer.<locals>.inner'\n"
          "UnpicklingError: pickle data was truncated\n"
          "cannot pickle 'generator' object\n");
}

TEST_CASE(
    "Process (spawn): a fresh interpreter re-running __main__ as __mp_main__, pickled "
    "arguments, exit codes" *
    doctest::timeout(60)) {
    auto r = run_engine(R"(import multiprocessing as mp
import sys
print("module level runs in", __name__)
data = ["parent"]
def child(q, lst, code):
    lst.append("child")
    q.put((__name__, lst, mp.current_process().name))
    if code == "raise":
        raise ValueError("child failed")
    sys.exit(code)
if __name__ == "__main__":
    mp.set_start_method("spawn")
    q = mp.Queue()
    for code in (0, 3, "raise", "text"):
        p = mp.Process(target=child, args=(q, data, code))
        p.start()
        print(q.get())
        p.join()
        print(p.exitcode, p.is_alive(), data)
)");
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.result.exit_code == 0);
    CHECK(r.out ==
          "module level runs in __main__\n"
          "module level runs in __mp_main__\n"
          "('__mp_main__', ['parent', 'child'], 'Process-1')\n"
          "0 False ['parent']\n"
          "module level runs in __mp_main__\n"
          "('__mp_main__', ['parent', 'child'], 'Process-2')\n"
          "3 False ['parent']\n"
          "module level runs in __mp_main__\n"
          "('__mp_main__', ['parent', 'child'], 'Process-3')\n"
          "1 False ['parent']\n"
          "module level runs in __mp_main__\n"
          "('__mp_main__', ['parent', 'child'], 'Process-4')\n"
          "1 False ['parent']\n");
    CHECK(r.err ==
          "Process Process-3:\n"
          "Traceback (most recent call last):\n"
          "  File \"<main>\", line 9, in child\n"
          "    raise ValueError(\"child failed\")\n"
          "ValueError: child failed\n"
          "text\n");
}

TEST_CASE("Pool and ProcessPoolExecutor: results, errors, a lambda's PicklingError, a dead worker" *
          doctest::timeout(60)) {
    auto r = run_engine(R"(import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
def sq(x):
    if x == 5:
        raise KeyError(x)
    return x * x
def die():
    mp.current_process().terminate()
    while True:
        pass
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(5)), pool.starmap(pow, [(2, 3), (3, 2)]))
        print(sorted(pool.imap_unordered(sq, range(4))), list(pool.imap(sq, [7, 8])))
        try:
            pool.map(lambda x: x, [1])
        except Exception as e:
            print(type(e).__name__)
        r = pool.apply_async(sq, (5,))
        print(r.wait(10), r.ready(), r.successful())
    with ProcessPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(sq, i) for i in range(6)]
        print(sorted(f.result() for f in as_completed(fs[:5])), repr(fs[5].exception()))
        print(list(ex.map(sq, [1, 2, 3])), len(wait(fs).done))
    ex = ProcessPoolExecutor(max_workers=1)
    f = ex.submit(die)
    try:
        f.result()
    except BrokenProcessPool as e:
        print("broken:", e)
    try:
        ex.submit(sq, 1)
    except BrokenProcessPool:
        print("submit after: BrokenProcessPool")
    ex.shutdown()
)");
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.err == "");
    CHECK(r.out ==
          "[0, 1, 4, 9, 16] [8, 9]\n"
          "[0, 1, 4, 9] [49, 64]\n"
          "PicklingError\n"
          "None True False\n"
          "[0, 1, 4, 9, 16] KeyError(5)\n"
          "[1, 4, 9] 6\n"
          "broken: A process in the process pool was terminated abruptly while the future was "
          "running or "
          "pending.\n"
          "submit after: BrokenProcessPool\n");
}

TEST_CASE("terminate/kill mid-run, daemons at exit, Value/Array/Lock/Event across processes" *
          doctest::timeout(60)) {
    auto r = run_engine(R"(import multiprocessing as mp
import time
def spin(ev):
    ev.set()
    while True:
        pass
def sleeper():
    time.sleep(60)
def add(v, a, lock, n):
    for _ in range(n):
        with lock:
            v.value += 1
    with a.get_lock():
        a[0] = a[0] + 1.5
if __name__ == "__main__":
    for how in ("terminate", "kill"):
        ev = mp.Event()
        p = mp.Process(target=spin, args=(ev,))
        p.start()
        print(ev.wait(30))
        getattr(p, how)()
        p.join()
        print(how, p.exitcode, p.is_alive())
    v = mp.Value("i", 0)
    a = mp.Array("d", [0.0, 0.0])
    lock = mp.Lock()
    ps = [mp.Process(target=add, args=(v, a, lock, 200)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value, a[:])
    d = mp.Process(target=sleeper, daemon=True)
    d.start()
    print("daemon alive:", d.is_alive())
)");
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.out ==
          "True\nterminate -15 False\n"
          "True\nkill -9 False\n"
          "600 [4.5, 0.0]\n"
          "daemon alive: True\n");
}

TEST_CASE("a stop mid-run ends processes blocked on queues and spinning ones" *
          doctest::timeout(60)) {
    auto r = run_engine(R"(import multiprocessing as mp
def wait_forever(q):
    q.get()
def spin():
    while True:
        pass
if __name__ == "__main__":
    q = mp.Queue()
    ps = [mp.Process(target=wait_forever, args=(q,)) for _ in range(3)]
    ps += [mp.Process(target=spin) for _ in range(2)]
    for p in ps: p.start()
    print("started", flush=True)
    for p in ps: p.join()
)",
                        {}, 60, [](engine::Run& run) {
                            // Wait for the parent's line, then stop the run.
                            for (int i = 0; i < 6000; ++i) {
                                std::vector<engine::OutputLine> lines;
                                run.read_output(0, lines);
                                if (!lines.empty()) break;
                                run.wait(0.01);
                            }
                            run.stop();
                        });
    CHECK(r.status == engine::RunStatus::stopped);
    CHECK(r.out == "started\n");
}

TEST_CASE("stress: many processes and queues, pickled messages both ways" * doctest::timeout(120)) {
    const char* kSource = R"(import multiprocessing as mp
def worker(inq, outq):
    while True:
        item = inq.get()
        if item is None:
            break
        outq.put((item[0], sum(item[1]), {"k": item[0]}))
if __name__ == "__main__":
    inq, outq = mp.Queue(), mp.Queue(maxsize=4)
    ps = [mp.Process(target=worker, args=(inq, outq)) for _ in range(6)]
    for p in ps: p.start()
    for i in range(60):
        inq.put((i, list(range(i))))
    got = sorted(outq.get() for _ in range(60))
    for p in ps: inq.put(None)
    for p in ps: p.join()
    print(len(got), got[59][1], all(g[2]["k"] == g[0] for g in got), [p.exitcode for p in ps])
)";
    const char* env = std::getenv("INTERLEAVE_STRESS");
    const int rounds = env ? std::max(1, std::atoi(env)) * 2 : 2;
    for (int i = 0; i < rounds; ++i) {
        auto r = run_engine(kSource);
        CHECK(r.status == engine::RunStatus::finished);
        CHECK(r.out == "60 1711 True [0, 0, 0, 0, 0, 0]\n");
    }
}

TEST_CASE(
    "simulated machine: process starts overlap on 2 cores and queue up on 1 (exact virtual time)" *
    doctest::timeout(60)) {
    // Each child pays Machine::kProcessStartNs (5 ms) of CPU in state `starting`; two at once
    // take one start's time on 2 cores and two starts' on 1 core. Pickling adds 2 µs + 5 ns per
    // byte per message, so the figures are exact but not round: compare in whole milliseconds.
    const char* kSource = R"(import multiprocessing as mp
import time
def child():
    pass
if __name__ == "__main__":
    t0 = time.perf_counter()
    ps = [mp.Process(target=child) for _ in range(2)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(int((time.perf_counter() - t0) * 1000))
)";
    std::vector<std::string> results;
    for (unsigned cores : {1u, 2u, 2u}) {
        engine::RunConfig cfg;
        cfg.machine.kind = engine::MachineKind::simulated;
        cfg.machine.cores = cores;
        auto r = run_engine(kSource, cfg);
        CHECK(r.status == engine::RunStatus::finished);
        results.push_back(r.out);
    }
    CHECK(results[0] == "10\n");      // 2 x 5 ms on one core
    CHECK(results[1] == "5\n");       // overlapped on two
    CHECK(results[2] == results[1]);  // identical run after run
}
