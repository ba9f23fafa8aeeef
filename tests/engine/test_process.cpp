// Process, ProcessQueue, Pipe: multiprocessing semantics (isolation, exit codes, channels).
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/kernels.hpp"
#include "engine/process.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;
namespace engine = interleave::engine;

namespace {
// The child changes its own copy of the arguments and reports what it sees.
void mutate_and_report(ProcessQueue<std::vector<int>> out, std::vector<int> data,
                       std::map<std::string, int>& counts) {
    data.push_back(99);
    counts["child"] = 1;
    out.put(data);
    out.put({static_cast<int>(counts.size()), current_worker()->process()});
}

void count_to(ProcessQueue<std::string> q, std::string who, int n) {
    for (int i = 0; i < n; ++i) q.put(who + ": " + std::to_string(i));
}

void fail() {
    throw std::runtime_error("boom");
}

void echo(Connection<std::string> conn) {
    for (;;) {
        std::string s = conn.recv();
        if (s == "bye") break;
        conn.send("echo " + s);
    }
}

bool has_state_on(const Run& run, WorkerState s, WorkerKind kind) {
    std::set<uint16_t> ids;
    for (auto& w : run.workers())
        if (w.kind == kind) ids.insert(w.id);
    for (const auto& e : run.tracer().all_sorted())
        if (e.kind == EventKind::state && e.arg == static_cast<uint64_t>(s) && ids.count(e.worker))
            return true;
    return false;
}
}  // namespace

TEST_CASE("process: the child works on a copy of its arguments" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        ProcessQueue<std::vector<int>> q;
        std::vector<int> data{1, 2, 3};
        std::map<std::string, int> counts{{"parent", 1}};
        Process p(mutate_and_report, q, data, counts);
        CHECK(p.name() == "Process-1");
        CHECK_FALSE(p.is_alive());
        CHECK_FALSE(p.exitcode().has_value());
        p.start();
        CHECK(q.get() == std::vector<int>{1, 2, 3, 99});
        auto info = q.get();
        CHECK(info[0] == 2);  // child saw parent + child
        CHECK(info[1] != 0);  // in another process
        CHECK(info[1] != current_worker()->process());
        CHECK(p.join());
        CHECK_FALSE(p.is_alive());
        CHECK(p.exitcode() == 0);
        CHECK(data == std::vector<int>{1, 2, 3});  // the parent's data: untouched
        CHECK(counts == std::map<std::string, int>{{"parent", 1}});
        CHECK_THROWS_AS(p.start(), RuntimeError);
    });
    CHECK(run->status() == RunStatus::finished);
    CHECK(has_state_on(*run, WorkerState::starting, WorkerKind::process_main));
    CHECK(has_state_on(*run, WorkerState::serialising, WorkerKind::process_main));
    CHECK(has_state_on(*run, WorkerState::serialising, WorkerKind::main));
}

TEST_CASE("process: two processes, own GILs, messages through one queue" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        ProcessQueue<std::string> q;
        Process a(count_to, q, std::string("Process 1"), 5);
        Process b(count_to, q, std::string("Process 2"), 5);
        CHECK(b.name() == "Process-2");
        a.start();
        b.start();
        std::vector<std::string> got;
        for (int i = 0; i < 10; ++i) got.push_back(q.get());
        a.join();
        b.join();
        CHECK(a.pid() != b.pid());
        std::vector<std::string> from_a;
        for (auto& s : got)
            if (s.rfind("Process 1", 0) == 0) from_a.push_back(s);
        CHECK(from_a == std::vector<std::string>{"Process 1: 0", "Process 1: 1", "Process 1: 2",
                                                 "Process 1: 3", "Process 1: 4"});
        CHECK(q.empty());
        CHECK_THROWS_AS(q.get(false), Empty);
        CHECK_THROWS_AS(q.get(true, 0.01), Empty);
    });
    CHECK(run->status() == RunStatus::finished);
    std::set<uint16_t> procs;
    for (auto& w : run->workers())
        if (w.kind == WorkerKind::process_main) procs.insert(w.process);
    CHECK(procs.size() == 2);
}

TEST_CASE("process: exit codes; join timeout" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Process bad(fail);
        bad.start();
        bad.join();
        CHECK(bad.exitcode() == 1);
        Process slow([](double s) { engine::sleep(s); }, 0.2);
        slow.start();
        CHECK_FALSE(slow.join(0.01));
        CHECK(slow.is_alive());
        CHECK(slow.join());
        CHECK(slow.exitcode() == 0);
    });
    CHECK(run->status() == RunStatus::finished);
    CHECK(all_notices(*run).find("Process Process-1: boom") != std::string::npos);
}

TEST_CASE("process: bounded queue and pipe" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        ProcessQueue<int> q(1);
        q.put(1);
        CHECK_THROWS_AS(q.put(2, false), Full);
        CHECK_THROWS_AS(q.put(2, true, 0.01), Full);
        CHECK(q.get() == 1);

        auto [parent, child] = Pipe<std::string>();
        Process p(echo, child);
        p.start();
        parent.send("a");
        parent.send("b");
        CHECK(parent.recv() == "echo a");
        CHECK(parent.recv() == "echo b");
        CHECK_FALSE(parent.poll(0.0));
        parent.send("bye");
        p.join();
        CHECK(p.exitcode() == 0);

        auto [r, w] = Pipe<int>(false);
        w.send(7);
        w.close();
        CHECK(r.poll());
        CHECK(r.recv() == 7);
        CHECK_THROWS_AS(r.recv(), EOFError);
    });
    CHECK(run->status() == RunStatus::finished);
}

TEST_CASE("process: a child blocked forever on a queue is a deadlock, not a hang" *
          doctest::timeout(20)) {
    auto run = Run::start([](Runtime&) {
        ProcessQueue<int> q;
        Process p([](ProcessQueue<int> qq) { (void)qq.get(); }, q);
        p.start();
        p.join();
    });
    REQUIRE(run->wait(15));
    CHECK(run->status() == RunStatus::deadlock);
}

TEST_CASE("process: stop during start-up, queue wait and join" * doctest::timeout(30)) {
    for (int i = 0; i < reps(5); ++i) {
        auto run = Run::start([](Runtime&) {
            ProcessQueue<int> q;
            Process a([](ProcessQueue<int> qq) { (void)qq.get(); }, q);
            Process b([] { cpu(60000); });
            a.start();
            b.start();
            (void)q.get();
        });
        if (i % 2) {
            while (run->workers().size() < 3 && !run->done()) std::this_thread::yield();
        }
        run->stop();
        REQUIRE(run->wait(5));
        CHECK(run->status() == RunStatus::stopped);
    }
}

TEST_CASE("process: start-up has a real, measurable cost" * doctest::timeout(20)) {
    auto run = run_sync([](Runtime&) {
        Process p([] {});
        p.start();
        p.join();
    });
    REQUIRE(run->status() == RunStatus::finished);
    int64_t begin = -1, end = -1;
    uint16_t child = 0;
    for (auto& w : run->workers())
        if (w.kind == WorkerKind::process_main) child = w.id;
    for (const auto& e : run->tracer().all_sorted()) {
        if (e.worker != child || e.kind != EventKind::state) continue;
        if (e.arg == static_cast<uint64_t>(WorkerState::starting) && begin < 0) begin = e.t_ns;
        if (begin >= 0 && end < 0 && e.arg != static_cast<uint64_t>(WorkerState::starting))
            end = e.t_ns;
    }
    REQUIRE(begin >= 0);
    REQUIRE(end > begin);
    MESSAGE("process start-up (starting state): " << (end - begin) / 1e6 << " ms");
}

namespace {
void forever(ProcessQueue<int> started) {
    started.put(1);
    for (;;) sleep(1.0);  // blocked in a timed wait, as a child sleeping in Python
}
void spin_forever(ProcessQueue<int> started) {
    started.put(1);
    for (;;) cpu(1);
}
}  // namespace

TEST_CASE("process: terminate() and kill() stop the child with -15 / -9" * doctest::timeout(30)) {
    auto run = run_sync([](Runtime&) {
        ProcessQueue<int> q1, q2;
        Process sleeper(forever, q1), spinner(spin_forever, q2);
        sleeper.start();
        spinner.start();
        CHECK(q1.get() == 1);
        CHECK(q2.get() == 1);
        CHECK(sleeper.is_alive());
        sleeper.terminate();
        spinner.kill();
        CHECK(sleeper.join(10));
        CHECK(spinner.join(10));
        CHECK(sleeper.exitcode() == -15);
        CHECK(spinner.exitcode() == -9);
        sleeper.terminate();  // ended: no effect
        CHECK(sleeper.exitcode() == -15);
        print("parent goes on");
    });
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"parent goes on"});
}

TEST_CASE("process: a daemonic child is stopped when the parent ends" * doctest::timeout(30)) {
    auto run = run_sync([](Runtime&) {
        ProcessQueue<int> q;
        Process p(forever, q);
        p.set_daemon(true);
        CHECK(p.daemon());
        p.start();
        CHECK_THROWS_AS(p.set_daemon(false), std::logic_error);
        CHECK(q.get() == 1);
        p.detach();  // a GC dropping the handle: never blocks
        print("main done");
    });
    INFO(all_notices(*run));
    CHECK(run->status() == RunStatus::finished);
    CHECK(output_texts(*run) == std::vector<std::string>{"main done"});
}
