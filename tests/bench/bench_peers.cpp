// Native peers for the executor benchmark: the same job (submit N empty tasks to 2 workers,
// then wait for all) on oneTBB and on std::async, so the engine's figure has neighbours measured
// in the same run on the same machine. Prints one JSON object; figures only, no assertions.
//
//   bench_peers [--tasks N] [--async-tasks N] [--reps R]
//
// oneTBB: a task_arena of 2 threads (this one + 1 worker), a task_group inside it; the arena is
// initialised outside the timed region, as the engine's pool threads start lazily but cheaply.
// std::async(launch::async) starts one thread per task, so it runs a smaller N and reports
// per-task cost (scaled to N for the table).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>
#include <vector>

#ifdef INTERLEAVE_HAVE_TBB
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

#ifdef INTERLEAVE_HAVE_TBB
double tbb_once(long n) {
    tbb::task_arena arena(2);
    arena.initialize();
    double s = 0;
    arena.execute([&] {
        tbb::task_group g;
        auto t0 = Clock::now();
        for (long i = 0; i < n; ++i) g.run([] {});
        g.wait();
        s = seconds_since(t0);
    });
    return s;
}
#endif

double async_once(long n) {
    std::vector<std::future<void>> fs;
    fs.reserve(static_cast<size_t>(n));
    auto t0 = Clock::now();
    for (long i = 0; i < n; ++i) fs.push_back(std::async(std::launch::async, [] {}));
    for (auto& f : fs) f.get();
    return seconds_since(t0);
}

long arg_long(int argc, char** argv, const char* name, long def) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::atol(argv[i + 1]);
    return def;
}

}  // namespace

int main(int argc, char** argv) {
    const long tasks = arg_long(argc, argv, "--tasks", 100000);
    const long async_tasks = arg_long(argc, argv, "--async-tasks", 5000);
    const int reps = static_cast<int>(arg_long(argc, argv, "--reps", 5));

    std::string out = "{";
#ifdef INTERLEAVE_HAVE_TBB
    {
        std::vector<double> v;
        tbb_once(1000);  // warm the library (first arena creates the market)
        for (int r = 0; r < reps; ++r) v.push_back(tbb_once(tasks));
        const double s = median(v);
        out += "\"tbb_tasks\": " + std::to_string(tasks) + ", \"tbb_s\": " + std::to_string(s) +
               ", \"tbb_ns_per_task\": " + std::to_string(s * 1e9 / static_cast<double>(tasks)) +
               ", ";
    }
#else
    out += "\"tbb_s\": null, ";
#endif
    {
        std::vector<double> v;
        for (int r = 0; r < reps; ++r) v.push_back(async_once(async_tasks));
        const double s = median(v);
        out += "\"async_tasks\": " + std::to_string(async_tasks) +
               ", \"async_s\": " + std::to_string(s) + ", \"async_ns_per_task\": " +
               std::to_string(s * 1e9 / static_cast<double>(async_tasks));
    }
    out += "}";
    std::puts(out.c_str());
    return 0;
}
