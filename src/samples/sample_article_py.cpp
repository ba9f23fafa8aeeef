// The Python text of the article's first four samples: the article's snippets, completed
// with the start()/join()/asyncio.run()/map lines they leave out, and with the knob values
// written in, so the text shown is exactly the program the engine runs.
#include <fmt/format.h>

#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {
namespace {

// The pause after each print (knob io_ms); none at 0, which is the article's exact code.
std::string pause_line(const KnobValues& v, const char* indent, const char* why) {
    const long ms = int_or(v, "io_ms", 0);
    if (ms <= 0) return {};
    return fmt::format("{}time.sleep({}){}\n", indent, py_seconds(ms / 1000.0), why);
}

}  // namespace

std::string python_threading(const KnobValues& v) {
    const bool pause = int_or(v, "io_ms", 0) > 0;
    std::string s = "import threading\n";
    if (pause) s += "import time\n";
    s += py_gil_header(v);
    s += "\n\ndef print_numbers():\n    for i in range(5):\n        print(f\"Thread 1: {i}\")\n";
    s += pause_line(v, "        ", "  # knob io_ms: a pause, so the threads interleave");
    s += "\n\ndef print_letters():\n    for letter in 'ABCDE':\n"
         "        print(f\"Thread 2: {letter}\")\n";
    s += pause_line(v, "        ", "");
    s += "\n\n"
         "thread1 = threading.Thread(target=print_numbers)\n"
         "thread2 = threading.Thread(target=print_letters)\n"
         "\n"
         "thread1.start()\n"
         "thread2.start()\n"
         "\n"
         "thread1.join()\n"
         "thread2.join()\n";
    return s;
}

std::string python_multiprocessing(const KnobValues& v) {
    const bool pause = int_or(v, "io_ms", 0) > 0;
    std::string s = "import multiprocessing\n";
    if (pause) s += "import time\n";
    s += "\n\ndef print_numbers():\n    for i in range(5):\n        print(f\"Process 1: {i}\")\n";
    s += pause_line(v, "        ", "  # knob io_ms: a pause, so the processes interleave");
    s += "\n\ndef print_letters():\n    for letter in 'ABCDE':\n"
         "        print(f\"Process 2: {letter}\")\n";
    s += pause_line(v, "        ", "");
    s += "\n\n"
         "if __name__ == \"__main__\":  # needed where processes start by spawning\n"
         "    process1 = multiprocessing.Process(target=print_numbers)\n"
         "    process2 = multiprocessing.Process(target=print_letters)\n"
         "\n"
         "    process1.start()\n"
         "    process2.start()\n"
         "\n"
         "    process1.join()\n"
         "    process2.join()\n";
    return s;
}

std::string python_asyncio(const KnobValues& v) {
    const double scale = number_or(v, "time_scale", 1.0);
    const std::string step = py_seconds(1.0 * scale);
    const std::string why = scale == 1.0 ? "" : "  # 1 s x knob time_scale";
    std::string s = "import asyncio\n\n\n";
    s += fmt::format(
        "async def print_numbers():\n"
        "    for i in range(5):\n"
        "        print(f\"Async Task 1: {{i}}\")\n"
        "        await asyncio.sleep({0}){1}\n"
        "\n\n"
        "async def print_letters():\n"
        "    for letter in 'ABCDE':\n"
        "        print(f\"Async Task 2: {{letter}}\")\n"
        "        await asyncio.sleep({0})\n"
        "\n\n"
        "async def main():\n"
        "    await asyncio.gather(print_numbers(), print_letters())\n"
        "\n\n"
        "asyncio.run(main())\n",
        step, why);
    return s;
}

std::string python_executors(const KnobValues& v) {
    const long workers = int_or(v, "workers", 2);
    const bool pause = int_or(v, "io_ms", 0) > 0;
    std::string s = "from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor\n";
    if (pause) s += "import time\n";
    s += py_gil_header(v);
    s += "\n\ndef print_numbers(n):\n";
    s += pause_line(v, "    ", "  # knob io_ms: some work before printing");
    s += "    print(f\"Task {n}: {n}\")\n"
         "\n\n"
         "def print_letters(letter):\n";
    s += pause_line(v, "    ", "");
    s += fmt::format(
        "    print(f\"Task {{letter}}: {{letter}}\")\n"
        "\n\n"
        "if __name__ == \"__main__\":\n"
        "    with ThreadPoolExecutor(max_workers={0}) as executor:  # knob workers\n"
        "        list(executor.map(print_numbers, range(5)))\n"
        "\n"
        "    with ProcessPoolExecutor(max_workers={0}) as executor:\n"
        "        list(executor.map(print_letters, 'ABCDE'))\n",
        workers);
    return s;
}

}  // namespace interleave::samples::detail
