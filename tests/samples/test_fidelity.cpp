// Fidelity: what the playground's interpreter prints for a sample is what CPython prints. Each
// case runs the sample's program (src/samples/python/<id>_sample.py with the case's knob values
// written in) with the machine's python3 and through samples::start (the interpreter on the
// engine, as the playground runs it), and compares:
// each task's lines in the same order, the same set of lines. Numbers that measure time or races
// (elapsed seconds, latencies, lost updates) are masked in the samples that print them. Native
// only: the browser has no python3.
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sample_test_util.hpp"

using namespace interleave;
using namespace interleave::samples;
using namespace interleave::samples::test;

namespace {

// print() made atomic per line for the comparison. CPython's print writes the text and the
// newline separately, so under PYTHONUNBUFFERED two threads (or processes) can splice their
// lines ("Thread 1: 0Thread 2: A"); that is a property of the terminal, not of the program.
// runpy keeps __main__ intact so process pools can pickle the sample's functions.
const char* kWrapper = R"(import builtins, runpy, sys, threading
_lock = threading.Lock()
def _atomic_print(*args, sep=" ", end="\n", file=None, flush=False):
    out = sys.stdout if file is None else file
    text = (" " if sep is None else sep).join(map(str, args)) + ("\n" if end is None else end)
    with _lock:
        out.write(text)
        out.flush()
builtins.print = _atomic_print
runpy.run_path(sys.argv[1], run_name="__main__")
)";

bool have_python3() {
    return std::system("command -v python3 > /dev/null 2>&1") == 0;
}

std::string read_file(const std::string& path) {
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string line;
    while (std::getline(ss, line)) out.push_back(line);
    return out;
}

struct PyResult {
    int exit_code = -1;
    std::vector<std::string> lines;
    std::string stderr_text;
};

// Runs `program` with python3 in a fresh directory (so no file there shadows a stdlib module),
// killed after `timeout_s` (the deadlock sample never ends in CPython).
PyResult run_python(const std::string& program, double timeout_s) {
    char dir_template[] = "/tmp/interleave-fidelity-XXXXXX";
    const char* dir = mkdtemp(dir_template);
    REQUIRE(dir);
    const std::string d = dir;
    std::ofstream(d + "/interleave_sample.py") << program;
    std::ofstream(d + "/wrap.py") << kWrapper;
    const std::string cmd = "cd '" + d + "' && timeout -s KILL " + std::to_string(timeout_s) +
                            " python3 wrap.py interleave_sample.py > out.txt 2> err.txt";
    const int status = std::system(cmd.c_str());
    PyResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.lines = split_lines(read_file(d + "/out.txt"));
    r.stderr_text = read_file(d + "/err.txt");
    std::system(("rm -rf '" + d + "'").c_str());
    return r;
}

struct Case {
    std::string id;
    KnobValues knobs;
    bool mask = false;          // the sample prints timings or race results
    bool python_hangs = false;  // deadlock: CPython never ends; compare what it printed
};

void check_fidelity(const Case& c) {
    const Sample* s = find_sample(c.id);
    REQUIRE(s);
    const KnobValues v = knobs_for(*s, c.knobs);
    const std::string text = program(*s, v);
    CAPTURE(text);

    PyResult py = run_python(text, c.python_hangs ? 6.0 : 60.0);
    if (!c.python_hangs) REQUIRE_MESSAGE(py.exit_code == 0, "python3 failed:\n" << py.stderr_text);
    Outcome eng = run_text_to_end(c.id, text, c.knobs);
    CAPTURE(eng.error ? eng.error->traceback : std::string());
    CHECK(eng.exit_code == 0);
    CHECK(eng.status ==
          (c.python_hangs ? engine::RunStatus::deadlock : engine::RunStatus::finished));

    // Group by task on the raw lines ("Task 0" and "Task 1" must stay apart), then mask.
    auto normalise = [&](std::vector<std::string> lines) {
        if (c.mask) {
            for (auto& l : lines) l = mask_numbers(l);
        }
        return lines;
    };
    const auto py_lines = normalise(py.lines), eng_lines = normalise(eng.lines);
    CAPTURE(joined(py_lines));
    CAPTURE(joined(eng_lines));
    CHECK(std::multiset<std::string>(py_lines.begin(), py_lines.end()) ==
          std::multiset<std::string>(eng_lines.begin(), eng_lines.end()));
    const auto py_tasks = by_task(py.lines), eng_tasks = by_task(eng.lines);
    CHECK(py_tasks.size() == eng_tasks.size());
    for (const auto& entry : py_tasks) {  // no structured binding: clang 14 cannot capture one
        const std::string& task = entry.first;
        CAPTURE(task);
        auto it = eng_tasks.find(task);
        REQUIRE(it != eng_tasks.end());
        CHECK(joined(normalise(entry.second)) == joined(normalise(it->second)));
    }
}

}  // namespace

TEST_CASE("fidelity: each sample's Python text prints in the playground what python3 prints" *
          doctest::timeout(300)) {
    if (!have_python3()) {
        MESSAGE("SKIPPED: python3 not found on PATH; the fidelity test needs CPython");
        return;
    }
    std::vector<Case> cases = {
        {"threading", {{"io_ms", "0"}}},
        {"threading", {{"io_ms", "20"}}},
        {"multiprocessing", {{"io_ms", "20"}}},
        {"asyncio", {{"time_scale", "0.02"}}},
        {"executors", {{"io_ms", "10"}}},
        {"executors", {{"io_ms", "0"}, {"workers", "3"}}},
        {"multiprocessing", {{"io_ms", "0"}}},
        {"race", {{"count", "200"}}, true},
        {"race", {{"count", "200"}, {"lock", "on"}, {"tasks", "3"}}, true},
        {"queue", {{"tasks", "5"}, {"io_ms", "10"}}},
        {"convoy", {{"tasks", "5"}, {"io_ms", "2"}, {"cpu_ms", "100"}}, true},
        {"blocking_async", {{"blocking", "on"}, {"time_scale", "0.1"}}, true},
        {"blocking_async", {{"blocking", "off"}, {"time_scale", "0.1"}}, true},
        // 1 s holding the first lock: on a busy machine CPython's second thread once started
        // more than 50 ms late, after the first had both locks (no deadlock to compare).
        {"deadlock", {{"io_ms", "1000"}}, false, true},
    };
    for (const char* model :
         {"sequential", "threads", "processes", "asyncio", "thread_pool", "process_pool"}) {
        for (const char* work : {"cpu", "io"}) {
            cases.push_back({"choosing",
                             {{"model", model},
                              {"work", work},
                              {"tasks", "3"},
                              {"cpu_ms", "20"},
                              {"io_ms", "20"}},
                             true});
        }
    }
    for (const auto& c : cases) {
        std::string label = c.id;
        for (const auto& [k, v] : c.knobs) label += " " + k + "=" + v;
        SUBCASE(label.c_str()) {
            check_fidelity(c);
        }
    }
}

TEST_CASE("fidelity: the .py files run as they are, from their own folder" *
          doctest::timeout(120)) {
    if (!have_python3()) {
        MESSAGE("SKIPPED: python3 not found on PATH");
        return;
    }
    // A file named threading.py would import itself for `import threading`; <id>_sample.py
    // does not. The quick samples, at their defaults, exactly as a learner would run them.
    for (const char* id : {"threading", "multiprocessing", "executors", "race", "queue"}) {
        CAPTURE(id);
        const std::string dir = std::string(INTERLEAVE_SOURCE_DIR) + "/src/samples/python";
        const std::string cmd = "cd '" + dir + "' && timeout -s KILL 60 python3 -B " + id +
                                "_sample.py > /dev/null 2>&1";
        const int status = std::system(cmd.c_str());
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
}

#endif  // __EMSCRIPTEN__
