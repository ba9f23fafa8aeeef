// The Python text of `choosing`: one job (CPU- or I/O-bound), run under the chosen model.
// Each model's text is complete and runnable; the knob values are written in.
#include <fmt/format.h>

#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {

std::string python_choosing(const KnobValues& v) {
    const std::string model = choice_or(v, "model", "threads");
    const bool cpu = choice_or(v, "work", "cpu") == "cpu";
    const long tasks = int_or(v, "tasks", 4);
    const long workers = int_or(v, "workers", 2);
    const bool is_async = model == "asyncio";

    std::string s;
    if (model == "threads") s += "import threading\n";
    if (model == "processes") s += "import multiprocessing\n";
    if (is_async) s += "import asyncio\n";
    if (model == "thread_pool") s += "from concurrent.futures import ThreadPoolExecutor\n";
    if (model == "process_pool") s += "from concurrent.futures import ProcessPoolExecutor\n";
    s += "import time\n";
    s += py_gil_header(v);
    s += fmt::format("\nTASKS = {}  # knob tasks\n", tasks);
    if (model == "thread_pool" || model == "process_pool") {
        s += fmt::format("WORKERS = {}  # knob workers\n", workers);
    }
    if (cpu) {
        s += fmt::format("CPU_MS = {}  # knob cpu_ms: CPU work per task, in ms of one core\n",
                         int_or(v, "cpu_ms", 200));
    } else {
        s += fmt::format("IO_MS = {}  # knob io_ms: I/O wait per task, in ms\n",
                         int_or(v, "io_ms", 200));
    }

    // The job itself.
    s += "\n\n";
    s += is_async ? "async def job(n):\n" : "def job(n):\n";
    s += "    print(f\"Task {n}: start\")\n";
    if (cpu) {
        s += "    # CPU-bound: compute until this thread has used CPU_MS of CPU time.\n"
             "    end = time.thread_time() + CPU_MS / 1000\n"
             "    while time.thread_time() < end:\n"
             "        pass\n";
        if (is_async) s += "    # (no await inside: the event loop runs nothing else meanwhile)\n";
    } else if (is_async) {
        s += "    await asyncio.sleep(IO_MS / 1000)  # I/O-bound: the loop runs others meanwhile\n";
    } else {
        s += "    time.sleep(IO_MS / 1000)  # I/O-bound: waiting, the GIL released\n";
    }
    s += "    print(f\"Task {n}: done\")\n";

    // The model.
    s += "\n\n";
    if (model == "sequential") {
        s += "def main():\n"
             "    for n in range(TASKS):\n"
             "        job(n)\n";
    } else if (model == "threads") {
        s += "def main():\n"
             "    threads = [threading.Thread(target=job, args=(n,)) for n in range(TASKS)]\n"
             "    for t in threads:\n"
             "        t.start()\n"
             "    for t in threads:\n"
             "        t.join()\n";
    } else if (model == "processes") {
        s += "def main():\n"
             "    processes = [multiprocessing.Process(target=job, args=(n,)) for n in "
             "range(TASKS)]\n"
             "    for p in processes:\n"
             "        p.start()\n"
             "    for p in processes:\n"
             "        p.join()\n";
    } else if (is_async) {
        s += "async def gather_all():\n"
             "    await asyncio.gather(*(job(n) for n in range(TASKS)))\n"
             "\n\n"
             "def main():\n"
             "    asyncio.run(gather_all())\n";
    } else {
        const char* pool = model == "thread_pool" ? "ThreadPoolExecutor" : "ProcessPoolExecutor";
        s += fmt::format(
            "def main():\n"
            "    with {}(max_workers=WORKERS) as executor:\n"
            "        list(executor.map(job, range(TASKS)))\n",
            pool);
    }
    s += fmt::format(
        "\n\n"
        "if __name__ == \"__main__\":\n"
        "    start = time.perf_counter()\n"
        "    main()\n"
        "    elapsed = time.perf_counter() - start\n"
        "    print(f\"{} ({}): {{TASKS}} tasks in {{elapsed:.2f}} s\")\n",
        model, cpu ? "cpu" : "io");
    return s;
}

}  // namespace interleave::samples::detail
