// Deadlock detection: exact reports, never a hang, never a false positive.
#include <doctest/doctest.h>

#include "engine/kernels.hpp"
#include "engine/queue.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

TEST_CASE("deadlock: two locks in opposite order are reported by name" * doctest::timeout(20)) {
    for (int rep = 0; rep < reps(10); ++rep) {
        auto run = run_sync([](Runtime&) {
            Lock a("lock_a"), b("lock_b");
            Barrier both(2);
            Thread t1([&] {
                std::lock_guard<Lock> ga(a);
                both.wait();
                std::lock_guard<Lock> gb(b);
            });
            Thread t2([&] {
                std::lock_guard<Lock> gb(b);
                both.wait();
                std::lock_guard<Lock> ga(a);
            });
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        });
        REQUIRE(run->done());
        CHECK(run->status() == RunStatus::deadlock);
        const std::string n = all_notices(*run);
        INFO(n);
        CHECK(n.find("Deadlock: ") != std::string::npos);
        CHECK(n.find("Thread-1 waits for Lock lock_b held by Thread-2") != std::string::npos);
        CHECK(n.find("Thread-2 waits for Lock lock_a held by Thread-1") != std::string::npos);
        CHECK(n.find("MainThread waits for Thread-1.join()") != std::string::npos);
    }
}

TEST_CASE("deadlock: re-acquiring a Lock you hold" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Lock l("self");
        l.acquire();
        l.acquire();
    });
    CHECK(run->status() == RunStatus::deadlock);
    CHECK(all_notices(*run).find("MainThread waits for Lock self held by MainThread") !=
          std::string::npos);
}

TEST_CASE("deadlock: get() on a queue nobody fills" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Queue<int> q(0, "jobs");
        (void)q.get();
    });
    CHECK(run->status() == RunStatus::deadlock);
    CHECK(all_notices(*run).find("MainThread waits for Queue jobs.get()") != std::string::npos);
}

TEST_CASE("deadlock: a timed wait is not a deadlock" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Lock l("l");
        Event e, locked;
        Thread t([&] {
            l.acquire();
            locked.set();
            e.wait();  // untimed, until main gives up on the lock
            l.release();
        });
        t.start();
        locked.wait();
        CHECK_FALSE(l.acquire(true, 0.15));  // everyone "waits", but this wait can end
        e.set();
        t.join();
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("deadlock: no false positive in racy hand-offs (stress)" * doctest::timeout(120)) {
    const int n = reps(200);
    for (int rep = 0; rep < n; ++rep) {
        auto run = run_sync(
            [rep](Runtime& rt) {
                switch (rep % 4) {
                    case 0: {  // producer/consumer over a tiny bounded queue
                        Queue<int> q(1);
                        Thread prod([&] {
                            for (int i = 0; i < 20; ++i) q.put(i);
                            q.put(-1);
                        });
                        Thread cons([&] {
                            while (q.get() >= 0) {
                            }
                        });
                        prod.start();
                        cons.start();
                        prod.join();
                        cons.join();
                        break;
                    }
                    case 1: {  // lock ping-pong with a condition
                        Lock l;
                        Condition c(l);
                        int turn = 0;
                        auto player = [&](int me) {
                            for (int i = 0; i < 10; ++i) {
                                std::lock_guard<Lock> g(l);
                                while (turn != me) c.wait();
                                turn = 1 - me;
                                c.notify();
                            }
                        };
                        Thread a([&] { player(0); }), b([&] { player(1); });
                        a.start();
                        b.start();
                        a.join();
                        b.join();
                        break;
                    }
                    case 2: {  // join a thread that is just starting
                        Thread t([] {});
                        t.start();
                        t.join();
                        Thread u([&] { rt.checkpoint(); });
                        u.start();
                        break;  // destructor joins
                    }
                    case 3: {  // event chain + barrier
                        Event e1, e2;
                        Barrier bar(3);
                        Thread a([&] {
                            e1.wait();
                            e2.set();
                            bar.wait();
                        });
                        Thread b([&] {
                            e1.set();
                            bar.wait();
                        });
                        a.start();
                        b.start();
                        e2.wait();
                        bar.wait();
                        a.join();
                        b.join();
                        break;
                    }
                }
            },
            RunConfig{}, 30);
        INFO("rep " << rep << ": " << all_notices(*run));
        REQUIRE(run->status() == RunStatus::finished);
    }
}

TEST_CASE("deadlock: condition waits nobody will notify, semaphores, barriers" *
          doctest::timeout(30)) {
    for (int kind = 0; kind < 3; ++kind) {
        auto run = run_sync([kind](Runtime&) {
            Condition c(std::string("cond"));
            Semaphore s(0, "sem");
            Barrier b(3, {}, -1, "bar");
            Thread t([&] {
                if (kind == 0) {
                    std::lock_guard<Condition> g(c);
                    c.wait();
                }
                if (kind == 1) s.acquire();
                if (kind == 2) b.wait();
            });
            t.start();
            if (kind == 2) b.wait();
            t.join();
        });
        INFO(all_notices(*run));
        CHECK(run->status() == RunStatus::deadlock);
        const std::string n = all_notices(*run);
        if (kind == 0) CHECK(n.find("Thread-1 waits for Condition cond") != std::string::npos);
        if (kind == 1) CHECK(n.find("Thread-1 waits for Semaphore sem") != std::string::npos);
        if (kind == 2)
            CHECK(n.find("MainThread waits for Barrier bar.wait()") != std::string::npos);
    }
}
