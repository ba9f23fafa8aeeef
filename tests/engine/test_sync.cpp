// Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier: Python semantics.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

#include "engine/kernels.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {
void expect_finished(const std::shared_ptr<Run>& run) {
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
}
}  // namespace

TEST_CASE("sync: Lock acquire/release/locked, non-blocking and timeout" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        Lock l("l");
        CHECK_FALSE(l.locked());
        CHECK(l.acquire());
        CHECK(l.locked());
        CHECK_FALSE(l.acquire(false));
        CHECK_FALSE(l.acquire(true, 0.02));  // times out: we hold it ourselves
        CHECK_THROWS_AS(l.acquire(false, 1.0), ValueError);
        l.release();
        CHECK_THROWS_AS(l.release(), RuntimeError);
        {
            std::lock_guard<Lock> g(l);  // `with l:`
            CHECK(l.locked());
        }
        CHECK_FALSE(l.locked());
        // Python allows another thread to release a Lock.
        l.acquire();
        Thread t([&] { l.release(); });
        t.start();
        t.join();
        CHECK_FALSE(l.locked());
    }));
}

TEST_CASE("sync: Lock protects a read-modify-write across threads" * doctest::timeout(30)) {
    for (int rep = 0; rep < reps(20); ++rep) {
        expect_finished(run_sync([](Runtime& rt) {
            Lock l;
            int counter = 0;
            auto work = [&] {
                for (int i = 0; i < 200; ++i) {
                    std::lock_guard<Lock> g(l);
                    int v = counter;
                    rt.checkpoint();  // a switch point inside the critical section
                    counter = v + 1;
                }
            };
            Thread a(work), b(work);
            a.start();
            b.start();
            a.join();
            b.join();
            CHECK(counter == 400);
        }));
    }
}

TEST_CASE("sync: RLock recursion and ownership" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        RLock r("r");
        CHECK(r.acquire());
        CHECK(r.acquire());
        r.release();
        bool other_got_it = true;
        Thread t([&] {
            other_got_it = r.acquire(true, 0.02);
            CHECK_THROWS_AS(r.release(), RuntimeError);  // not the owner
        });
        t.start();
        t.join();
        CHECK_FALSE(other_got_it);
        r.release();
        CHECK_THROWS_AS(r.release(), RuntimeError);
        Thread t2([&] {
            CHECK(r.acquire(false));
            r.release();
        });
        t2.start();
        t2.join();
    }));
}

TEST_CASE("sync: Event set/clear/wait with timeout" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        Event e;
        CHECK_FALSE(e.is_set());
        CHECK_FALSE(e.wait(0.02));
        Thread t([&] { e.set(); });
        t.start();
        CHECK(e.wait());
        t.join();
        CHECK(e.is_set());
        e.clear();
        CHECK_FALSE(e.is_set());
        CHECK(e.wait(0) == false);
    }));
}

TEST_CASE("sync: Semaphore and BoundedSemaphore" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        Semaphore s(2);
        CHECK(s.acquire());
        CHECK(s.acquire());
        CHECK_FALSE(s.acquire(false));
        CHECK_FALSE(s.acquire(true, 0.02));
        s.release(2);
        CHECK(s.value() == 2);
        s.release();  // unbounded: fine
        CHECK(s.value() == 3);
        BoundedSemaphore b(1);
        CHECK(b.acquire());
        b.release();
        CHECK_THROWS_AS(b.release(), ValueError);
        // A waiter is woken by a release from another thread.
        Semaphore gate(0);
        Thread t([&] { gate.release(); });
        t.start();
        CHECK(gate.acquire());
        t.join();
    }));
}

TEST_CASE("sync: Condition wait/notify, wait_for, timeout, errors" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        Condition c;
        CHECK_THROWS_AS(c.wait(0.01), RuntimeError);
        CHECK_THROWS_AS(c.notify(), RuntimeError);
        int items = 0;
        Thread producer([&] {
            for (int i = 0; i < 5; ++i) {
                std::lock_guard<Condition> g(c);
                ++items;
                c.notify();
            }
        });
        {
            std::lock_guard<Condition> g(c);
            producer.start();
            CHECK(c.wait_for([&] { return items == 5; }));
        }
        producer.join();
        {
            std::lock_guard<Condition> g(c);
            CHECK_FALSE(c.wait(0.02));  // nobody notifies
            CHECK_FALSE(c.wait_for([] { return false; }, 0.02));
        }
        // Condition over a plain Lock; notify_all wakes everyone.
        Lock l;
        Condition c2(l, "c2");
        int woken = 0;
        bool go = false;
        auto waiter = [&] {
            std::lock_guard<Lock> g(l);
            while (!go) c2.wait();
            ++woken;
        };
        Thread w1(waiter), w2(waiter), w3(waiter);
        w1.start();
        w2.start();
        w3.start();
        {
            std::lock_guard<Lock> g(l);
            go = true;
            c2.notify_all();
        }
        w1.join();
        w2.join();
        w3.join();
        CHECK(woken == 3);
    }));
}

TEST_CASE("sync: RLock-based Condition restores recursion depth" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        RLock r;
        Condition c(r);
        r.acquire();
        r.acquire();
        bool flag = false;
        Thread t([&] {
            std::lock_guard<RLock> g(r);  // possible only if wait released both levels
            flag = true;
            c.notify();
        });
        t.start();
        while (!flag) c.wait();
        r.release();
        r.release();
        CHECK_THROWS_AS(r.release(), RuntimeError);
        t.join();
    }));
}

TEST_CASE("sync: Barrier indices, action, abort, timeout, reset" * doctest::timeout(20)) {
    expect_finished(run_sync([](Runtime&) {
        std::atomic<int> actions{0};
        Barrier b(3, [&] { ++actions; });
        std::vector<size_t> idx(3, 99);
        auto party = [&](int i) { return [&, i] { idx[i] = b.wait(); }; };
        Thread t0(party(0)), t1(party(1));
        t0.start();
        t1.start();
        idx[2] = b.wait();
        t0.join();
        t1.join();
        std::sort(idx.begin(), idx.end());
        CHECK(idx == std::vector<size_t>{0, 1, 2});
        CHECK(actions == 1);
        CHECK(b.n_waiting() == 0);

        // Timeout breaks the barrier for everyone.
        Barrier b2(2);
        CHECK_THROWS_AS(b2.wait(0.02), BrokenBarrierError);
        CHECK(b2.broken());
        CHECK_THROWS_AS(b2.wait(), BrokenBarrierError);
        b2.reset();
        CHECK_FALSE(b2.broken());

        // abort() wakes a waiter with BrokenBarrierError.
        Barrier b3(2);
        bool broke = false;
        Thread w([&] {
            try {
                b3.wait();
            } catch (const BrokenBarrierError&) {
                broke = true;
            }
        });
        w.start();
        while (b3.n_waiting() == 0) sleep(0.001);
        b3.abort();
        w.join();
        CHECK(broke);
    }));
}

TEST_CASE("sync: stop interrupts every kind of wait" * doctest::timeout(30)) {
    for (int kind = 0; kind < 6; ++kind) {
        std::atomic<bool> waiting{false};
        auto run = Run::start([&](Runtime&) {
            Lock l;
            l.acquire();
            Event e;
            Semaphore s(0);
            Condition c;
            Barrier b(2);
            RLock r;
            Thread holder([&] { r.acquire(), e.wait(); });
            waiting = true;
            switch (kind) {
                case 0:
                    l.acquire();
                    break;
                case 1:
                    e.wait();
                    break;
                case 2:
                    s.acquire();
                    break;
                case 3: {
                    std::lock_guard<Condition> g(c);
                    c.wait();
                    break;
                }
                case 4:
                    b.wait();
                    break;
                case 5:
                    sleep(60.0);
                    break;
            }
        });
        while (!waiting) std::this_thread::yield();
        run->stop();
        CHECK(run->wait(5));
        // Kinds 0-4 may also be detected as a deadlock first; either way it ended.
        CHECK((run->status() == RunStatus::stopped || run->status() == RunStatus::deadlock));
    }
}
