// The C++ bodies of the threaded extras: race, convoy, deadlock. Each follows its
// Python text line by line.
#include <fmt/format.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/kernels.hpp"
#include "engine/runtime.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {

using namespace engine;

void body_race(Runtime&, const KnobValues& v) {
    const bool locked = knob_choice(v, "lock") == "on";
    const int threads_n = static_cast<int>(knob_int(v, "tasks"));
    const long increments = knob_int(v, "count");
    // Python's `counter` global. Separate relaxed load and store (never fetch_add): the C++ is
    // free of undefined behaviour, and the read-modify-write stays as breakable as Python's.
    std::atomic<long> counter{0};
    Lock lock("lock");
    auto work = [&](std::string name) {
        for (long i = 0; i < increments; ++i) {
            auto step = [&] {
                const long value = counter.load(std::memory_order_relaxed);  // read
                sleep(0);  // another thread may run here (I/O, a GIL switch)
                counter.store(value + 1, std::memory_order_relaxed);  // write
            };
            if (locked) {
                std::lock_guard<Lock> with(lock);
                step();
            } else {
                step();
            }
        }
        print(name + ": done");
    };
    std::vector<std::unique_ptr<Thread>> threads;
    for (int i = 0; i < threads_n; ++i) {
        const std::string name = fmt::format("Thread {}", i + 1);
        threads.push_back(std::make_unique<Thread>([work, name] { work(name); }, "", false, name));
    }
    start_then_join(threads);
    const long expected = threads_n * increments;
    const long got = counter.load();
    print(fmt::format("Counter: {} (expected {}, lost {})", got, expected, expected - got));
}

void body_convoy(Runtime& rt, const KnobValues& v) {
    const long round_trips = knob_int(v, "tasks");
    const long io_ms = knob_int(v, "io_ms");
    const long cpu_ms = knob_int(v, "cpu_ms");
    Thread cpu_thread(
        [cpu_ms] {
            print("CPU: start");
            cpu(static_cast<double>(cpu_ms));
            print("CPU: done");
        },
        "", false, "CPU");
    Thread io_thread(
        [&rt, round_trips, io_ms] {
            double total = 0;
            for (long i = 0; i < round_trips; ++i) {
                const int64_t start = rt.now_ns();
                io(static_cast<double>(io_ms));  // releases the GIL; getting it back means waiting
                const double took = static_cast<double>(rt.now_ns() - start) / 1e6;
                total += took;
                print(fmt::format("I/O: round trip {} took {:.1f} ms", i, took));
            }
            print(fmt::format("I/O: mean round trip {:.1f} ms for {} ms of waiting",
                              total / static_cast<double>(round_trips), io_ms));
        },
        "", false, "I/O");
    start_then_join(cpu_thread, io_thread);
}

void body_deadlock(Runtime&, const KnobValues& v) {
    const long io_ms = knob_int(v, "io_ms");
    Lock lock_a("lock_a");
    Lock lock_b("lock_b");
    Thread thread1(
        [&] {
            std::lock_guard<Lock> a(lock_a);
            print("Thread 1: holding lock_a");
            sleep(io_ms / 1000.0);
            print("Thread 1: waiting for lock_b");
            std::lock_guard<Lock> b(lock_b);
            print("Thread 1: got both locks");
        },
        "", true, "Thread 1");
    Thread thread2(
        [&] {
            std::lock_guard<Lock> b(lock_b);  // the opposite order: this is the bug
            print("Thread 2: holding lock_b");
            sleep(io_ms / 1000.0);
            print("Thread 2: waiting for lock_a");
            std::lock_guard<Lock> a(lock_a);
            print("Thread 2: got both locks");
        },
        "", true, "Thread 2");
    start_then_join(thread1, thread2);  // the engine sees every worker blocked: a deadlock
    print("Main: both threads finished");
}

}  // namespace interleave::samples::detail
