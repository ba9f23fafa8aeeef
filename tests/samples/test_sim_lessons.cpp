// Issue #11 item 3, "exact lessons": the `choosing` sample with each model on 1, 4 and 8
// simulated cores. The simulated machine's figures are exact (virtual time, documented costs in
// engine/machine.hpp), so these are assertions, not timings: CPU-bound threads under the GIL
// take k x one task (speed-up ~1), processes and free-threaded threads k / min(k, cores) plus
// start-up, I/O-bound threads and asyncio overlap their waits. Also the deadlock sample's
// report at an exact virtual time, and a program of 60 s of sleeps that takes 60 virtual s and
// finishes at once. And the simulated machine's lookahead for interpreted code (engine
// sim.hpp): processes hand the baton over rarely, and what one process sees of another stays in
// virtual-time order and deterministic.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "engine/machine.hpp"
#include "python/interp.hpp"
#include "sample_test_util.hpp"
#include "samples/catalog.hpp"
#include "samples/compare.hpp"
#include "samples/report.hpp"

using namespace interleave;
using namespace interleave::samples;
using namespace interleave::samples::test;

namespace {

constexpr double kStartMs = engine::Machine::kProcessStartNs / 1e6;
const char* const kModels[] = {"sequential", "threads",     "processes",
                               "asyncio",    "thread_pool", "process_pool"};

struct Figures {
    engine::RunStatus status;
    double wall_ms = 0;
    double busy_max = 0;
};

Figures run_choosing(const std::string& model, const std::string& work, unsigned cores,
                     const std::string& gil = "on") {
    const Sample* s = find_sample("choosing");
    REQUIRE(s);
    const KnobValues v = knobs_for(*s, {{"machine", "simulated"},
                                        {"cores", std::to_string(cores)},
                                        {"model", model},
                                        {"work", work},
                                        {"tasks", "4"},
                                        {"workers", "2"},
                                        {"cpu_ms", "100"},
                                        {"io_ms", "100"},
                                        {"gil", gil}});
    auto program = start(*s, v);
    const auto& run = program->run();
    REQUIRE(run->wait(60));
    // The program itself ran to its end (a traceback would say why not).
    const auto error = program->error();
    REQUIRE_MESSAGE(!error, model << ": " << (error ? error->traceback : ""));
    return {run->status(), run->stats().wall_ms, run->stats().busy_cores_max};
}

}  // namespace

TEST_CASE("sim lessons: choosing, CPU-bound, on 1, 4 and 8 simulated cores" *
          doctest::timeout(480)) {  // wasm under node runs the interpreter several times slower
    const double one = 100, k = 4;  // 4 tasks of 100 ms of CPU each
    for (unsigned cores : {1u, 4u, 8u}) {
        CAPTURE(cores);
        const double share = k / std::min<double>(k, cores);  // rounds of parallel work
        std::map<std::string, Figures> f;
        std::string table;
        for (const std::string m : kModels) {
            CAPTURE(m);
            f[m] = run_choosing(m, "cpu", cores);
            REQUIRE(f[m].status == engine::RunStatus::finished);
            table += " " + m + " " + std::to_string(f[m].wall_ms);
        }
        const Figures free = run_choosing("threads", "cpu", cores, "off");
        MESSAGE(cores << " cores, cpu (ms):" << table << " threads(gil=off) " << free.wall_ms);
        const double seq = f["sequential"].wall_ms;
        CHECK(seq == doctest::Approx(k * one).epsilon(0.01));
        // Under the GIL, threads are no faster than one after another (speed-up ~1), on any
        // number of cores; so are asyncio (no await in CPU work) and a thread pool.
        for (const std::string m : {"threads", "asyncio", "thread_pool"}) {
            CAPTURE(m);
            CHECK(f[m].wall_ms == doctest::Approx(seq).epsilon(0.03));
            CHECK(f[m].wall_ms >= seq);  // never faster: the bars do not invert
            CHECK(f[m].busy_max <= 1.0 + 1e-9);
        }
        // Free-threaded threads: k / min(k, cores) of one task.
        CHECK(free.wall_ms == doctest::Approx(share * one).epsilon(0.03));
        CHECK(free.busy_max == doctest::Approx(std::min<double>(k, cores)));
        // Processes: the same plus their start-up (CPU work too, sharing the cores).
        CHECK(f["processes"].wall_ms == doctest::Approx(share * (one + kStartMs)).epsilon(0.03));
        // A pool of 2 processes: 4 tasks in 2 rounds when there are 2 cores or more.
        const double rounds = k / std::min(2.0, static_cast<double>(cores));
        CHECK(f["process_pool"].wall_ms ==
              doctest::Approx(rounds * one + std::min(2.0, rounds) * kStartMs).epsilon(0.05));
        // The lesson's order never inverts: with more than one core, processes beat threads.
        if (cores > 1) CHECK(f["processes"].wall_ms < 0.5 * f["threads"].wall_ms);
    }
}

TEST_CASE("sim lessons: choosing, I/O-bound: threads and asyncio overlap their waits" *
          doctest::timeout(480)) {  // wasm under node runs the interpreter several times slower
    const double wait = 100, k = 4;
    for (unsigned cores : {1u, 4u, 8u}) {
        CAPTURE(cores);
        std::map<std::string, Figures> f;
        std::string table;
        for (const std::string m : kModels) {
            CAPTURE(m);
            f[m] = run_choosing(m, "io", cores);
            REQUIRE(f[m].status == engine::RunStatus::finished);
            table += " " + m + " " + std::to_string(f[m].wall_ms);
        }
        MESSAGE(cores << " cores, io (ms):" << table);
        CHECK(f["sequential"].wall_ms == doctest::Approx(k * wait).epsilon(0.01));
        // All 4 waits at once, on any number of cores.
        CHECK(f["threads"].wall_ms == doctest::Approx(wait).epsilon(0.02));
        CHECK(f["asyncio"].wall_ms == doctest::Approx(wait).epsilon(0.02));
        // 2 pool workers: 2 rounds of waits.
        CHECK(f["thread_pool"].wall_ms == doctest::Approx(2 * wait).epsilon(0.02));
        // Processes overlap their waits too, after their start-up.
        CHECK(f["processes"].wall_ms > wait);
        CHECK(f["processes"].wall_ms < wait + k * kStartMs + 2);
    }
}

TEST_CASE("sim lessons: the deadlock sample is detected the moment the second thread blocks" *
          doctest::timeout(60)) {
    for (const std::string io_ms : {"100", "1000"}) {
        for (const std::string seed : {"1", "2"}) {
            CAPTURE(io_ms);
            CAPTURE(seed);
            std::string first;
            for (int rep = 0; rep < 2; ++rep) {
                const Sample* s = find_sample("deadlock");
                REQUIRE(s);
                auto run =
                    start(*s, knobs_for(
                                  *s, {{"machine", "simulated"}, {"seed", seed}, {"io_ms", io_ms}}))
                        ->run();
                REQUIRE(run->wait(30));
                REQUIRE(run->status() == engine::RunStatus::deadlock);
                std::string notices;
                for (const auto& n : run->notices()) notices += n + "\n";
                // lock_a = threading.Lock() is line 6 of the program, lock_b line 7.
                CHECK(notices.find("waits for Lock at line 7 held by") != std::string::npos);
                CHECK(notices.find("waits for Lock at line 6 held by") != std::string::npos);
                std::vector<engine::OutputLine> out;
                run->read_output(0, out);
                int64_t last_wait = -1;  // when the second "waiting for" line was printed
                for (const auto& l : out)
                    if (l.text.find("waiting for") != std::string::npos) last_wait = l.t_ns;
                REQUIRE(last_wait > 0);
                // Both threads slept io_ms holding their first lock, then blocked: the report
                // comes at that virtual instant (the real machine's detector polls every 5 ms).
                const double io = std::atof(io_ms.c_str());
                const double end_ms = run->stats().wall_ms;
                CHECK(end_ms >= io);
                CHECK(end_ms - static_cast<double>(last_wait) / 1e6 <= 0.01);
                // Exact: the same seed gives the same instant, to the nanosecond.
                const std::string fig = std::to_string(run->stats().wall_ms) + " " +
                                        std::to_string(last_wait) + " " + notices;
                if (rep == 0) first = fig;
                CHECK(fig == first);
            }
        }
    }
}

TEST_CASE("sim lessons: a Python program of 60 s of sleeps takes 60 virtual s" *
          doctest::timeout(60)) {
    const char* text =
        "import time\n"
        "t0 = time.monotonic()\n"
        "for i in range(60):\n"
        "    time.sleep(1)\n"
        "print(f'{time.monotonic() - t0:.3f}')\n";
    python::CompileResult compiled = python::compile_program(text, "sleeps.py");
    REQUIRE(compiled.program);
    engine::RunConfig c;
    c.machine.kind = engine::MachineKind::simulated;
    c.limits.wall_s = 120;
    auto program = compiled.program;
    auto run = engine::Run::start(
        [program](engine::Runtime& rt) { python::run_main(rt, program, python::RunOptions{}); }, c);
    // It finishes (the test's timeout bounds the real time; nothing here measures it) ...
    REQUIRE(run->wait(50));
    REQUIRE(run->status() == engine::RunStatus::finished);
    // ... and inside, a minute passed.
    std::vector<engine::OutputLine> out;
    run->read_output(0, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].text == "60.000");
    CHECK(run->stats().wall_ms == doctest::Approx(60'000).epsilon(0.001));
}

TEST_CASE("compare: Run all models runs on the simulated machine unless this computer was chosen") {
    const Sample* s = find_sample("choosing");
    REQUIRE(s);
    const KnobValues v = defaults(s->knobs);  // machine=real, the knob's default
    const ComparePlan sim = compare_plan(*s, v, false);
    CHECK(sim.simulated);
    CHECK(sim.repeats == 1);
    REQUIRE(sim.runs.size() == find_knob(s->knobs, "model")->choices.size());
    for (size_t i = 0; i < sim.runs.size(); ++i) {
        CHECK(sim.runs[i].at("machine") == "simulated");
        CHECK(sim.runs[i].at("model") == find_knob(s->knobs, "model")->choices[i]);
        CHECK(sim.runs[i].at("cores") == v.at("cores"));
    }
    // This computer: every model 3 times, interleaved.
    const ComparePlan real = compare_plan(*s, v, true);
    CHECK_FALSE(real.simulated);
    REQUIRE(real.runs.size() == 3 * sim.runs.size());
    for (size_t i = 0; i < real.runs.size(); ++i) {
        CHECK(real.runs[i].at("machine") == "real");
        CHECK(real.runs[i].at("model") == sim.runs[i % sim.runs.size()].at("model"));
    }
    // A sample without a model knob has nothing to compare.
    CHECK(compare_plan(*find_sample("threading"), defaults(find_sample("threading")->knobs), false)
              .runs.empty());
    // Median and spread.
    const ModelFigure f = summarise("threads", {900, 300, 600});
    CHECK(f.runs == 3);
    CHECK(f.median_ms == 600);
    CHECK(f.min_ms == 300);
    CHECK(f.max_ms == 900);
    CHECK(summarise("x", {1, 3}).median_ms == 2);
    CHECK(summarise("x", {}).runs == 0);
}

TEST_CASE("compare: the default Run all models batch gives bars that never invert" *
          doctest::timeout(480)) {  // wasm under node runs the interpreter several times slower
    // What the Compare panel runs for `choosing` at its defaults (4 simulated cores), for both
    // workloads: the lesson's order holds in the figures themselves.
    const Sample* s = find_sample("choosing");
    REQUIRE(s);
    for (const char* work : {"cpu", "io"}) {
        CAPTURE(work);
        KnobValues v = defaults(s->knobs);
        v["work"] = work;
        std::map<std::string, double> wall;
        for (const KnobValues& run_knobs : compare_plan(*s, v, false).runs) {
            auto run = start(*s, run_knobs)->run();
            REQUIRE(run->wait(60));
            REQUIRE(run->status() == engine::RunStatus::finished);
            wall[run_knobs.at("model")] = run->stats().wall_ms;
        }
        const double seq = wall["sequential"];
        if (std::string(work) == "cpu") {
            // Under the GIL nothing beats sequential; processes do, by about the core count.
            CHECK(wall["threads"] >= seq);
            CHECK(wall["asyncio"] >= seq);
            CHECK(wall["thread_pool"] >= seq);
            CHECK(wall["processes"] < wall["process_pool"]);
            CHECK(wall["process_pool"] < seq);
            CHECK(seq / wall["processes"] > 3.5);  // 4 tasks on 4 cores, less start-up
        } else {
            // Waiting overlaps with threads and asyncio; a pool of 2 halves sequential.
            CHECK(seq / wall["threads"] > 3.5);
            CHECK(seq / wall["asyncio"] > 3.5);
            CHECK(seq / wall["thread_pool"] > 1.8);
            CHECK(wall["threads"] < wall["thread_pool"]);
        }
    }
}

namespace {

// A Python program on the simulated machine, run to its end.
std::shared_ptr<engine::Run> run_python(const char* text, unsigned cores = 4) {
    python::CompileResult compiled = python::compile_program(text, "lookahead.py");
    REQUIRE(compiled.program);
    engine::RunConfig c;
    c.machine.kind = engine::MachineKind::simulated;
    c.machine.cores = cores;
    auto program = compiled.program;
    return engine::Run::start(
        [program](engine::Runtime& rt) { python::run_main(rt, program, python::RunOptions{}); }, c);
}

// What a run shows: output with exact times, the trace, the stats JSON.
std::string fingerprint(const engine::Run& run) {
    std::string s = std::string(engine::to_string(run.status())) + "\n";
    std::vector<engine::OutputLine> out;
    run.read_output(0, out);
    for (const auto& l : out)
        s += std::to_string(l.t_ns) + " " + std::to_string(l.worker) + " " + l.text + "\n";
    for (const auto& e : run.tracer().all_sorted())
        s += std::to_string(e.t_ns) + "," + std::to_string(e.worker) + "," +
             std::to_string(static_cast<int>(e.kind)) + "," + std::to_string(e.arg) + ";";
    return s + "\n" + stats_json(run.stats());
}

}  // namespace

TEST_CASE("sim lookahead: processes of interpreted work hand the baton over rarely, exactly" *
          doctest::timeout(480)) {  // wasm under node runs the interpreter several times slower
    // `choosing` at its defaults, processes, CPU-bound: 4 processes x 200 ms of interpreted
    // work on 4 cores. In lock-step (no lookahead) the baton changed hands at nearly every
    // charge of 256 instructions (7.7 µs): ~100,000 OS thread switches, each one waiting for
    // the OS on a busy host. With 2 ms of lookahead: about one per 2 ms of each process's work.
    const Sample* s = find_sample("choosing");
    REQUIRE(s);
    const KnobValues v =
        knobs_for(*s, {{"machine", "simulated"}, {"model", "processes"}, {"work", "cpu"}});
    auto first = start(*s, v)->run();
    // The same run twice at once beside it: two more sets of OS threads competing for the
    // cores (load), and the same run, byte for byte.
    auto second = start(*s, v)->run();
    auto third = start(*s, v)->run();
    for (const auto& run : {first, second, third}) {
        REQUIRE(run->wait(120));
        REQUIRE(run->status() == engine::RunStatus::finished);
    }
    const engine::RunStats st = first->stats();
    MESSAGE("processes x 4, 200 ms each: " << st.wall_ms << " ms virtual, " << st.sim_handoffs
                                           << " baton hand-offs");
    // The lesson's figure is unchanged: one task's work plus a process start.
    CHECK(st.wall_ms == doctest::Approx(200 + kStartMs).epsilon(0.01));
    // 800 ms of work / 2 ms of lookahead = 400, plus starts, prints and joins.
    CHECK(st.sim_handoffs < 1500);
    CHECK(st.sim_handoffs > 0);
    const std::string fp = fingerprint(*first);
    CHECK(fingerprint(*second) == fp);
    CHECK(fingerprint(*third) == fp);
}

TEST_CASE("sim GIL: threads under the GIL pass the baton about once per GIL switch" *
          doctest::timeout(480)) {
    // `choosing` at its defaults, threads, CPU-bound: 4 threads x 200 ms of interpreted work
    // under one GIL. Each waiting thread used to get the baton (an OS thread switch, 1-4 ms on
    // a busy host) whenever its 5 ms switch interval ran out and whenever another thread took
    // the GIL, only to look and wait again: 1446 hand-offs. The scheduler now runs such a
    // wake-up itself (engine Gil::rewait); the run is the same (engine test_sim pins it).
    const Sample* s = find_sample("choosing");
    REQUIRE(s);
    const KnobValues v =
        knobs_for(*s, {{"machine", "simulated"}, {"model", "threads"}, {"work", "cpu"}});
    auto run = start(*s, v)->run();
    REQUIRE(run->wait(120));
    REQUIRE(run->status() == engine::RunStatus::finished);
    const engine::RunStats st = run->stats();
    MESSAGE("threads x 4, 200 ms each: " << st.wall_ms << " ms virtual, " << st.gil_switches
                                         << " GIL switches, " << st.sim_handoffs
                                         << " baton hand-offs");
    // The lesson: no speed-up under the GIL (4 x 200 ms plus hand-offs and starts).
    CHECK(st.wall_ms > 800);
    CHECK(st.gil_switches > 100);
    CHECK(st.sim_handoffs <= 2 * st.gil_switches + 40);
}

TEST_CASE("sim lookahead: a message is never seen before it was sent, nor later" *
          doctest::timeout(120)) {
    // The parent polls a multiprocessing.Queue with get_nowait() in interpreted code while the
    // child computes and then sends its send time. Both run ahead of each other by turns
    // (lookahead); the put and every poll wait for the other's earlier events, so the parent
    // sees the message at its first poll after the send: not before (causality), and not up
    // to a lookahead later (exactness). Pipe.poll() and Queue.empty() likewise.
    const char* text =
        "import multiprocessing, queue, time\n"
        "def child(q, conn):\n"
        "    x = 0\n"
        "    for i in range(20000):\n"
        "        x += i\n"
        "    q.put(time.monotonic())\n"
        "    for i in range(20000):\n"
        "        x += i\n"
        "    conn.send(time.monotonic())\n"
        "if __name__ == '__main__':\n"
        "    q = multiprocessing.Queue()\n"
        "    a, b = multiprocessing.Pipe()\n"
        "    p = multiprocessing.Process(target=child, args=(q, b))\n"
        "    p.start()\n"
        "    polls = 0\n"
        "    while True:\n"
        "        try:\n"
        "            sent = q.get_nowait()\n"
        "            break\n"
        "        except queue.Empty:\n"
        "            polls += 1\n"
        "    seen = time.monotonic()\n"
        "    print(f'queue {(seen - sent) * 1e6:.0f} {polls > 10}')\n"
        "    while not a.poll():\n"
        "        polls += 1\n"
        "    seen = time.monotonic()\n"
        "    sent = a.recv()\n"
        "    print(f'pipe {(seen - sent) * 1e6:.0f}')\n"
        "    p.join()\n"
        "    print(p.exitcode, q.empty())\n";
    std::string first;
    for (int rep = 0; rep < 2; ++rep) {
        auto run = run_python(text);
        REQUIRE(run->wait(60));
        REQUIRE(run->status() == engine::RunStatus::finished);
        std::vector<engine::OutputLine> out;
        run->read_output(0, out);
        REQUIRE(out.size() == 3);
        for (const auto& l : out) MESSAGE(l.text);
        // "queue D True": seen D µs after the send, D in [0, 100): one poll's worth of
        // instructions, far below the 2000 µs lookahead.
        int d = -1;
        char polled[8] = {};
        REQUIRE(std::sscanf(out[0].text.c_str(), "queue %d %7s", &d, polled) == 2);
        CHECK(d >= 0);
        CHECK(d < 100);
        CHECK(std::string(polled) == "True");  // it did poll while the child computed
        REQUIRE(std::sscanf(out[1].text.c_str(), "pipe %d", &d) == 1);
        CHECK(d >= 0);
        CHECK(d < 100);
        CHECK(out[2].text == "0 True");
        const std::string fp = fingerprint(*run);
        if (rep == 0) first = fp;
        CHECK(fp == first);
    }
}

TEST_CASE("sim lookahead: terminate() stops a process in Python code within the lookahead" *
          doctest::timeout(120)) {
    // The documented ✗ (engine sim.hpp): a process that ran ahead in interpreted code stops at
    // its next instruction check, at most kLookaheadNs (2 ms) plus one charge after the call.
    const char* text =
        "import multiprocessing, time\n"
        "def spin():\n"
        "    while True:\n"
        "        pass\n"
        "if __name__ == '__main__':\n"
        "    p = multiprocessing.Process(target=spin)\n"
        "    p.start()\n"
        "    x = 0\n"
        "    for i in range(30000):\n"
        "        x += i\n"
        "    t0 = time.monotonic()\n"
        "    p.terminate()\n"
        "    p.join()\n"
        "    print(p.exitcode, int((time.monotonic() - t0) * 1e6))\n";
    auto run = run_python(text);
    REQUIRE(run->wait(60));
    REQUIRE(run->status() == engine::RunStatus::finished);
    std::vector<engine::OutputLine> out;
    run->read_output(0, out);
    REQUIRE(out.size() == 1);
    MESSAGE(out[0].text);
    int code = 0, us = -1;
    REQUIRE(std::sscanf(out[0].text.c_str(), "%d %d", &code, &us) == 2);
    CHECK(code == -15);
    CHECK(us >= 0);
    CHECK(us <= 2000 + 100);
}
