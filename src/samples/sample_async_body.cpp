// The C++ bodies on the event loop: asyncio, blocking_async, and `choosing` with
// model=asyncio. Coroutines are engine::asyncio::Task; asyncio::run is asyncio.run.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "engine/asyncio.hpp"
#include "engine/kernels.hpp"
#include "engine/runtime.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {
namespace {

using namespace engine;

// --- asyncio: the article's two coroutines -------------------------------------------------
asyncio::Task<void> print_numbers(double step_s) {
    for (int i = 0; i < 5; ++i) {
        print(fmt::format("Async Task 1: {}", i));
        co_await asyncio::sleep(step_s);
    }
}

asyncio::Task<void> print_letters(double step_s) {
    for (char letter : std::string("ABCDE")) {
        print(fmt::format("Async Task 2: {}", letter));
        co_await asyncio::sleep(step_s);
    }
}

asyncio::Task<void> article_main(double step_s) {
    co_await asyncio::gather(print_numbers(step_s), print_letters(step_s));
}

// --- blocking_async ------------------------------------------------------------------------
constexpr int kTicks = 8;

asyncio::Task<void> ticker(double step_s) {
    Runtime& rt = Runtime::current();
    int64_t last = rt.now_ns();  // loop.time()
    for (int i = 0; i < kTicks; ++i) {
        co_await asyncio::sleep(step_s);
        const int64_t now = rt.now_ns();
        print(fmt::format("Ticker: tick {} after {:.0f} ms", i,
                          static_cast<double>(now - last) / 1e6));
        last = now;
    }
}

asyncio::Task<void> worker(double step_s, double block_s, bool blocking) {
    co_await asyncio::sleep(step_s * 2.5);
    print("Worker: start");
    if (blocking) {
        sleep(block_s);  // time.sleep: blocks the loop's thread, so every task waits
    } else {
        co_await asyncio::sleep(block_s);
    }
    print("Worker: done");
}

asyncio::Task<void> blocking_main(double step_s, double block_s, bool blocking) {
    co_await asyncio::gather(ticker(step_s), worker(step_s, block_s, blocking));
}

// --- choosing, model=asyncio ---------------------------------------------------------------
asyncio::Task<void> async_job(int n, bool is_cpu, long cpu_ms, long io_ms) {
    print(fmt::format("Task {}: start", n));
    if (is_cpu) {
        cpu(static_cast<double>(cpu_ms));  // no await: the loop runs nothing else meanwhile
    } else {
        co_await asyncio::sleep(static_cast<double>(io_ms) / 1000.0);
    }
    print(fmt::format("Task {}: done", n));
}

asyncio::Task<void> gather_all(int tasks, bool is_cpu, long cpu_ms, long io_ms) {
    std::vector<asyncio::Task<void>> all;
    for (int n = 0; n < tasks; ++n) all.push_back(async_job(n, is_cpu, cpu_ms, io_ms));
    co_await asyncio::gather(std::move(all));
}

}  // namespace

void body_asyncio(Runtime&, const KnobValues& v) {
    asyncio::run(article_main(1.0 * knob_number(v, "time_scale")));
}

void body_blocking_async(Runtime&, const KnobValues& v) {
    const double scale = knob_number(v, "time_scale");
    asyncio::run(blocking_main(0.1 * scale, 0.5 * scale, knob_choice(v, "blocking") == "on"));
}

void run_choosing_asyncio(int tasks, bool cpu, long cpu_ms, long io_ms) {
    asyncio::run(gather_all(tasks, cpu, cpu_ms, io_ms));
}

}  // namespace interleave::samples::detail
