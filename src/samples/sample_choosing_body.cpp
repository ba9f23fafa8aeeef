// The C++ body of `choosing`: the same job under each model, timed like the Python text.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/executor.hpp"
#include "engine/kernels.hpp"
#include "engine/process.hpp"
#include "engine/runtime.hpp"
#include "engine/thread.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {
namespace {

using namespace engine;

struct Job {
    bool cpu = true;
    long cpu_ms = 0, io_ms = 0;
};

// job(n): print start, do the work, print done. A plain function so processes can run it.
// Returns None in Python; 0 here (map's results are not used).
int job(int n, int is_cpu, long cpu_ms, long io_ms) {
    print(fmt::format("Task {}: start", n));
    if (is_cpu) {
        cpu(static_cast<double>(cpu_ms));
    } else {
        io(static_cast<double>(io_ms));
    }
    print(fmt::format("Task {}: done", n));
    return 0;
}

}  // namespace

void body_choosing(Runtime& rt, const KnobValues& v) {
    const std::string model = knob_choice(v, "model");
    const std::string work = knob_choice(v, "work");
    const int tasks = static_cast<int>(knob_int(v, "tasks"));
    const int workers = static_cast<int>(knob_int(v, "workers"));
    Job j{work == "cpu", knob_int(v, "cpu_ms"), knob_int(v, "io_ms")};

    const int64_t start = rt.now_ns();
    if (model == "sequential") {
        for (int n = 0; n < tasks; ++n) {
            // One traced task per job, so the timeline shows them one after another.
            rt.begin_task(rt.new_task(fmt::format("Task {}", n)));
            job(n, j.cpu ? 1 : 0, j.cpu_ms, j.io_ms);
            rt.end_task();
        }
    } else if (model == "threads") {
        std::vector<std::unique_ptr<Thread>> threads;
        for (int n = 0; n < tasks; ++n) {
            threads.push_back(
                std::make_unique<Thread>([n, j] { job(n, j.cpu ? 1 : 0, j.cpu_ms, j.io_ms); }, "",
                                         false, fmt::format("Task {}", n)));
        }
        start_then_join(threads);
    } else if (model == "processes") {
        std::vector<std::unique_ptr<Process>> processes;
        for (int n = 0; n < tasks; ++n) {
            processes.push_back(
                std::make_unique<Process>(job, n, j.cpu ? 1 : 0, j.cpu_ms, j.io_ms));
        }
        start_then_join(processes);
    } else if (model == "asyncio") {
        run_choosing_asyncio(tasks, j.cpu, j.cpu_ms, j.io_ms);
    } else {
        std::vector<int> ns;
        for (int n = 0; n < tasks; ++n) ns.push_back(n);
        const std::vector<int> is_cpu(ns.size(), j.cpu ? 1 : 0);
        const std::vector<long> cpu_ms(ns.size(), j.cpu_ms), io_ms(ns.size(), j.io_ms);
        if (model == "thread_pool") {
            ThreadPoolExecutor executor(workers);
            executor.map(job, ns, is_cpu, cpu_ms, io_ms).list();
        } else {
            ProcessPoolExecutor executor(workers);
            executor.map(job, ns, is_cpu, cpu_ms, io_ms).list();
        }
    }
    const double elapsed = static_cast<double>(rt.now_ns() - start) / 1e9;
    print(fmt::format("{} ({}): {} tasks in {:.2f} s", model, work, tasks, elapsed));
}

}  // namespace interleave::samples::detail
