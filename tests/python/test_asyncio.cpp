// asyncio on the engine (src/python/modules/asyncio_*.py over _asyncio): programs run inside an
// engine run, on the simulated machine where virtual time decides, to check what only the
// engine can show: sleeps cost no real time, each task's steps are spans on the loop's lane,
// stop ends a sleeping loop, an idle loop with nothing pending is the deadlock report.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "engine/runtime.hpp"
#include "python/interp.hpp"

using namespace interleave;

namespace {

struct Outcome {
    std::shared_ptr<engine::Run> run;
    std::shared_ptr<python::RunResult> result;
    std::string out, err;
};

engine::RunConfig simulated() {
    engine::RunConfig c;
    c.machine.kind = engine::MachineKind::simulated;
    c.machine.cores = 2;
    c.machine.seed = 1;
    return c;
}

std::shared_ptr<engine::Run> start(const std::string& src, engine::RunConfig config,
                                   std::shared_ptr<python::RunResult> result) {
    auto c = python::compile_program(src, "<main>");
    REQUIRE_MESSAGE(c.program, c.error_text);
    auto program = c.program;
    return engine::Run::start(
        [program, result](engine::Runtime& rt) { *result = python::run_main(rt, program, {}); },
        config);
}

void collect(Outcome& o) {
    std::vector<engine::OutputLine> lines;
    o.run->read_output(0, lines);
    for (const auto& l : lines) (l.stream == engine::Stream::err ? o.err : o.out) += l.text + "\n";
}

Outcome run_to_end(const std::string& src, engine::RunConfig config) {
    Outcome o;
    o.result = std::make_shared<python::RunResult>();
    o.run = start(src, config, o.result);
    REQUIRE(o.run->wait(60));
    collect(o);
    return o;
}

}  // namespace

TEST_CASE("asyncio on the simulated machine: sleeps take virtual time only" *
          doctest::timeout(60)) {
    // Half a minute of sleeping, free: virtual time moves, the host's does not (a run's wall
    // limit, 60 s by default, is virtual time too).
    const char* src = R"(import asyncio
async def worker(n):
    await asyncio.sleep(20 * n)
    return n
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    r = await asyncio.gather(worker(1), worker(0.5), asyncio.sleep(0.25, "quick"))
    print(r, round(loop.time() - t0, 3))
asyncio.run(main())
)";
    Outcome o = run_to_end(src, simulated());
    INFO(o.err);
    CHECK(o.run->status() == engine::RunStatus::finished);
    CHECK(o.out == "[1, 0.5, 'quick'] 20.0\n");
    CHECK(o.run->stats().wall_ms >= 20.0 * 1000);
}

TEST_CASE("asyncio tasks are spans on the loop's lane (begin/switch per step)" *
          doctest::timeout(60)) {
    const char* src = R"(import asyncio
async def ping(name, n):
    for i in range(n):
        await asyncio.sleep(0.01)
async def main():
    await asyncio.gather(ping("a", 3), ping("b", 3), return_exceptions=True)
asyncio.run(main())
)";
    Outcome o = run_to_end(src, simulated());
    INFO(o.err);
    REQUIRE(o.run->status() == engine::RunStatus::finished);
    const auto tasks = o.run->tracer().tasks();
    std::vector<uint32_t> ids;
    for (const char* name : {"Task-1", "Task-2", "Task-3"}) {
        auto it = std::find_if(tasks.begin(), tasks.end(),
                               [&](const engine::TaskInfo& t) { return t.name == name; });
        REQUIRE_MESSAGE(it != tasks.end(), name);
        ids.push_back(it->id);
    }
    // Every task runs several steps; the two workers interleave on one worker's lane.
    std::vector<int> begins(3, 0);
    std::vector<uint16_t> lanes;
    for (const auto& e : o.run->tracer().all_sorted()) {
        if (e.kind != engine::EventKind::task_begin) continue;
        for (size_t i = 0; i < ids.size(); ++i)
            if (e.task == ids[i]) {
                ++begins[i];
                lanes.push_back(e.worker);
            }
    }
    CHECK(begins[0] >= 2);  // main: before gather, and after it
    CHECK(begins[1] >= 3);  // each ping: one step per sleep, plus the last
    CHECK(begins[2] >= 3);
    CHECK(std::all_of(lanes.begin(), lanes.end(), [&](uint16_t w) { return w == lanes[0]; }));
}

TEST_CASE("an event loop with every task waiting and no timer is the deadlock report" *
          doctest::timeout(60)) {
    const char* src = R"(import asyncio
async def main():
    ready = asyncio.Event()
    print("waiting")
    await ready.wait()
asyncio.run(main())
)";
    for (bool sim : {false, true}) {
        CAPTURE(sim);
        Outcome o = run_to_end(src, sim ? simulated() : engine::RunConfig{});
        CHECK(o.out == "waiting\n");
        CHECK(o.run->status() == engine::RunStatus::deadlock);
        std::string notices;
        for (const auto& n : o.run->notices()) notices += n + "\n";
        INFO(notices);
        CHECK(notices.find("Task-1 (main) at line 5") != std::string::npos);
    }
}

TEST_CASE("stop ends a loop that sleeps, with no traceback" * doctest::timeout(60)) {
    const char* src = R"(import asyncio
async def main():
    print("sleeping")
    await asyncio.sleep(3600)
    print("never")
asyncio.run(main())
)";
    auto result = std::make_shared<python::RunResult>();
    Outcome o;
    o.result = result;
    o.run = start(src, engine::RunConfig{}, result);
    // Wait until the program printed (the loop is then in its idle wait or about to be).
    std::vector<engine::OutputLine> lines;
    while (lines.empty() && !o.run->wait(0.01)) o.run->read_output(0, lines);
    o.run->stop();
    REQUIRE(o.run->wait(30));
    collect(o);
    CHECK(o.out == "sleeping\n");
    CHECK(o.err.empty());
    CHECK(result->stopped);
}

TEST_CASE("asyncio's messages for unawaited coroutines and unretrieved task errors" *
          doctest::timeout(60)) {
    const char* src = R"(import asyncio
async def boom():
    raise ValueError("lost")
async def main():
    asyncio.create_task(boom())
    boom()
    await asyncio.sleep(0.01)
asyncio.run(main())
)";
    Outcome o = run_to_end(src, simulated());
    CHECK(o.out.empty());
    CHECK(o.err ==
          "Task exception was never retrieved\n"
          "future: <Task finished name='Task-2' coro=<boom() done, defined at <main>:2> "
          "exception=ValueError('lost')>\n"
          "Traceback (most recent call last):\n"
          "  File \"<main>\", line 3, in boom\n"
          "    raise ValueError(\"lost\")\n"
          "ValueError: lost\n"
          "<main>:6: RuntimeWarning: coroutine 'boom' was never awaited\n"
          "  boom()\n"
          "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}
