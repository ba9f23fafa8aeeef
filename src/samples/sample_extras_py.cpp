// The Python text of the samples beyond the article: race, queue, convoy, blocking_async,
// deadlock. Complete programs with the knob values written in.
#include <fmt/format.h>

#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {

std::string python_race(const KnobValues& v) {
    const bool locked = choice_or(v, "lock", "off") == "on";
    std::string s = "import threading\nimport time\n";
    s += py_gil_header(v);
    s += fmt::format(
        "\nTHREADS = {}  # knob tasks\n"
        "INCREMENTS = {}  # knob count: increments per thread\n"
        "counter = 0\n"
        "lock = threading.Lock()\n"
        "\n\n"
        "def work(name):\n"
        "    global counter\n"
        "    for _ in range(INCREMENTS):\n",
        int_or(v, "tasks", 2), int_or(v, "count", 1000));
    // `counter += 1` is this read, add and write; CPython 3.10+ seldom switches threads inside
    // it, so the text yields there explicitly and the loss shows on every run.
    s +=
        "        # counter += 1 is a read, an add and a write; a thread switch in between loses\n"
        "        # the other thread's updates. time.sleep(0) lets the switch happen right there.\n";
    const char* body =
        "value = counter  # read\n"
        "{0}time.sleep(0)  # another thread runs here (as after any I/O or GIL switch)\n"
        "{0}counter = value + 1  # write\n";
    if (locked) {
        s += "        with lock:  # knob lock=on: one thread at a time in here\n            ";
        s += fmt::format(fmt::runtime(body), "            ");
    } else {
        s += "        ";
        s += fmt::format(fmt::runtime(body), "        ");
    }
    s += "    print(f\"{name}: done\")\n"
         "\n\n"
         "threads = [threading.Thread(target=work, args=(f\"Thread {i + 1}\",)) "
         "for i in range(THREADS)]\n"
         "for t in threads:\n"
         "    t.start()\n"
         "for t in threads:\n"
         "    t.join()\n"
         "\n"
         "expected = THREADS * INCREMENTS\n"
         "print(f\"Counter: {counter} (expected {expected}, lost {expected - counter})\")\n";
    return s;
}

std::string python_queue(const KnobValues& v) {
    std::string s = "import queue\nimport threading\nimport time\n";
    s += py_gil_header(v);
    s += fmt::format(
        "\nITEMS = {}  # knob tasks\n"
        "q = queue.Queue(maxsize=2)  # a full queue makes the producer wait\n"
        "DONE = None  # the sentinel: no more items\n"
        "\n\n"
        "def producer():\n"
        "    for i in range(ITEMS):\n"
        "        time.sleep({})  # knob io_ms: making an item takes a while\n"
        "        q.put(i)\n"
        "        print(f\"Producer: put {{i}}\")\n"
        "    q.put(DONE)\n"
        "    print(\"Producer: done\")\n"
        "\n\n"
        "def consumer():\n"
        "    while True:\n"
        "        item = q.get()  # waits while the queue is empty\n"
        "        if item is DONE:\n"
        "            break\n"
        "        print(f\"Consumer: got {{item}}\")\n"
        "    print(\"Consumer: done\")\n"
        "\n\n"
        "threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]\n"
        "for t in threads:\n"
        "    t.start()\n"
        "for t in threads:\n"
        "    t.join()\n",
        int_or(v, "tasks", 5), py_seconds(int_or(v, "io_ms", 100) / 1000.0));
    return s;
}

std::string python_convoy(const KnobValues& v) {
    std::string s = "import threading\nimport time\n";
    s += py_gil_header(v);
    s += fmt::format(
        "\nROUND_TRIPS = {}  # knob tasks\n"
        "IO_MS = {}  # knob io_ms: each round trip waits this long (a socket read, say)\n"
        "CPU_MS = {}  # knob cpu_ms: the CPU-bound thread's work\n"
        "\n\n"
        "def cpu_bound():\n"
        "    print(\"CPU: start\")\n"
        "    end = time.thread_time() + CPU_MS / 1000\n"
        "    while time.thread_time() < end:\n"
        "        pass\n"
        "    print(\"CPU: done\")\n"
        "\n\n"
        "def io_bound():\n"
        "    total = 0.0\n"
        "    for i in range(ROUND_TRIPS):\n"
        "        start = time.perf_counter()\n"
        "        time.sleep(IO_MS / 1000)  # releases the GIL; getting it back means waiting\n"
        "        took = (time.perf_counter() - start) * 1000\n"
        "        total += took\n"
        "        print(f\"I/O: round trip {{i}} took {{took:.1f}} ms\")\n"
        "    print(f\"I/O: mean round trip {{total / ROUND_TRIPS:.1f}} ms for {{IO_MS}} ms of "
        "waiting\")\n"
        "\n\n"
        "threads = [threading.Thread(target=cpu_bound), threading.Thread(target=io_bound)]\n"
        "for t in threads:\n"
        "    t.start()\n"
        "for t in threads:\n"
        "    t.join()\n",
        int_or(v, "tasks", 10), int_or(v, "io_ms", 2), int_or(v, "cpu_ms", 500));
    return s;
}

std::string python_blocking_async(const KnobValues& v) {
    const bool blocking = choice_or(v, "blocking", "on") == "on";
    const double scale = number_or(v, "time_scale", 1.0);
    std::string s = "import asyncio\n";
    if (blocking) s += "import time\n";
    s += fmt::format(
        "\nTICKS = 8\n"
        "STEP = {}  # 0.1 s x knob time_scale\n"
        "BLOCK = {}  # 0.5 s x knob time_scale\n"
        "\n\n"
        "async def ticker():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    last = loop.time()\n"
        "    for i in range(TICKS):\n"
        "        await asyncio.sleep(STEP)\n"
        "        now = loop.time()\n"
        "        print(f\"Ticker: tick {{i}} after {{(now - last) * 1000:.0f}} ms\")\n"
        "        last = now\n"
        "\n\n"
        "async def worker():\n"
        "    await asyncio.sleep(STEP * 2.5)\n"
        "    print(\"Worker: start\")\n",
        py_seconds(0.1 * scale), py_seconds(0.5 * scale));
    if (blocking) {
        s += "    time.sleep(BLOCK)  # knob blocking=on: a blocking call stalls the whole loop\n";
    } else {
        s +=
            "    await asyncio.sleep(BLOCK)  # knob blocking=off: the loop runs others meanwhile\n";
    }
    s += "    print(\"Worker: done\")\n"
         "\n\n"
         "async def main():\n"
         "    await asyncio.gather(ticker(), worker())\n"
         "\n\n"
         "asyncio.run(main())\n";
    return s;
}

std::string python_deadlock(const KnobValues& v) {
    const std::string pause = py_seconds(int_or(v, "io_ms", 100) / 1000.0);
    std::string s = "import threading\nimport time\n";
    s += py_gil_header(v);
    s += fmt::format(
        "\nlock_a = threading.Lock()\n"
        "lock_b = threading.Lock()\n"
        "\n\n"
        "def one():\n"
        "    with lock_a:\n"
        "        print(\"Thread 1: holding lock_a\")\n"
        "        time.sleep({0})  # knob io_ms: time for the other thread to take lock_b\n"
        "        print(\"Thread 1: waiting for lock_b\")\n"
        "        with lock_b:\n"
        "            print(\"Thread 1: got both locks\")\n"
        "\n\n"
        "def two():\n"
        "    with lock_b:  # the opposite order: this is the bug\n"
        "        print(\"Thread 2: holding lock_b\")\n"
        "        time.sleep({0})\n"
        "        print(\"Thread 2: waiting for lock_a\")\n"
        "        with lock_a:\n"
        "            print(\"Thread 2: got both locks\")\n"
        "\n\n"
        "# daemon=True only so that Ctrl-C can end the program once it hangs.\n"
        "thread1 = threading.Thread(target=one, daemon=True)\n"
        "thread2 = threading.Thread(target=two, daemon=True)\n"
        "thread1.start()\n"
        "thread2.start()\n"
        "thread1.join()  # hangs: each thread waits for the lock the other holds\n"
        "thread2.join()\n"
        "print(\"Main: both threads finished\")\n",
        pause);
    return s;
}

}  // namespace interleave::samples::detail
