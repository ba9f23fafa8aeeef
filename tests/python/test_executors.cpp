// concurrent.futures' ThreadPoolExecutor on Python threads: futures completed by worker threads
// while others wait on them (Future's Condition, wait/as_completed waiters), shutdown racing
// submissions, and the pool's workers joined at interpreter exit; stress loops with the GIL on
// and off (run under TSan/ASan by ./build.sh test). Output is CPython's, checked exactly.
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

TEST_CASE(
    "ThreadPoolExecutor: many futures, callbacks and waiters from several threads, GIL "
    "on and off" *
    doctest::timeout(300)) {
    // Three client threads each submit to one pool and wait with result(), as_completed and
    // wait(); callbacks count completions from the workers.
    const std::string src = R"(import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
done_lock = threading.Lock()
callbacks = 0
def on_done(f):
    global callbacks
    with done_lock:
        callbacks += 1
def square(x):
    return x * x
totals = {}
def client(k, pool):
    fs = [pool.submit(square, i) for i in range(60)]
    for f in fs:
        f.add_done_callback(on_done)
    if k == 0:
        s = sum(f.result() for f in fs)
    elif k == 1:
        s = sum(f.result() for f in as_completed(fs))
    else:
        done, not_done = wait(fs)
        s = sum(f.result() for f in done) + len(not_done)
    totals[k] = s
with ThreadPoolExecutor(max_workers=4) as pool:
    ts = [threading.Thread(target=client, args=(k, pool)) for k in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
print(sorted(totals.items()), callbacks)
)";
    for (int i = 0; i < stress_reps(3); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            PyRun r = run_python(src, real(gil));
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.out == "[(0, 70210), (1, 70210), (2, 70210)] 180\n");
            CHECK(r.err == "");
        }
    }
}

TEST_CASE(
    "ThreadPoolExecutor: shutdown(cancel_futures) races running work; every future ends "
    "exactly once" *
    doctest::timeout(300)) {
    const std::string src = R"(import threading
from concurrent.futures import ThreadPoolExecutor, CancelledError
pool = ThreadPoolExecutor(max_workers=3)
fs = [pool.submit(sum, range(i)) for i in range(200)]
pool.shutdown(wait=True, cancel_futures=True)
ok = cancelled = 0
for i, f in enumerate(fs):
    try:
        if f.result() == i * (i - 1) // 2:
            ok += 1
    except CancelledError:
        cancelled += 1
print(ok + cancelled, all(f.done() for f in fs))
try:
    pool.submit(abs, 1)
except RuntimeError as e:
    print(e)
)";
    for (int i = 0; i < stress_reps(3); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            PyRun r = run_python(src, real(gil));
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.out == "200 True\ncannot schedule new futures after shutdown\n");
            CHECK(r.err == "");
        }
    }
}

TEST_CASE("ThreadPoolExecutor: a pool never shut down finishes its queue at interpreter exit" *
          doctest::timeout(120)) {
    PyRun r = run_python(R"(import threading
from concurrent.futures import ThreadPoolExecutor
release = threading.Event()
def job(n):
    release.wait()
    print("job", n)
pool = ThreadPoolExecutor(max_workers=1)
for n in range(3):
    pool.submit(job, n)
print("end of main")
release.set()
)",
                         real());
    CHECK(r.status == engine::RunStatus::finished);
    CHECK(r.out == "end of main\njob 0\njob 1\njob 2\n");
    CHECK(r.err == "");
}

TEST_CASE(
    "asyncio: call_soon_threadsafe from many threads wakes the idle loop; to_thread and "
    "run_coroutine_threadsafe, GIL on and off" *
    doctest::timeout(300)) {
    // The loop waits untimed (no timer pending) for a future that the last of 4 threads'
    // 50 callbacks completes: a lost wake-up would end in the engine's deadlock report.
    const std::string src = R"(import asyncio, threading
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    got = []
    def cb(v):
        got.append(v)
        if len(got) == 200:
            fut.set_result(sum(got))
    def producer(k):
        for i in range(50):
            loop.call_soon_threadsafe(cb, k * 50 + i)
    ts = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
    for t in ts: t.start()
    total = await fut
    for t in ts: t.join()
    async def double(x):
        return 2 * x
    def client():
        return [asyncio.run_coroutine_threadsafe(double(i), loop).result() for i in range(20)]
    doubled = await asyncio.to_thread(client)
    squares = await asyncio.gather(*(asyncio.to_thread(pow, i, 2) for i in range(20)))
    print(total, sum(doubled), sum(squares))
asyncio.run(main())
)";
    for (int i = 0; i < stress_reps(3); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            PyRun r = run_python(src, real(gil));
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.out == "19900 380 2470\n");
            CHECK(r.err == "");
        }
    }
}
