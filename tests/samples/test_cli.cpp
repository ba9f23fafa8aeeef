// interleave-cli as a user runs it: exit codes, messages, --json, --trace, Ctrl-C.
// The binary's path comes from cmake/tests.cmake (INTERLEAVE_CLI_PATH). Native only.
#if !defined(__EMSCRIPTEN__) && defined(INTERLEAVE_CLI_PATH)

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Cli {
    int code = -1;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Runs the CLI with `args` (shell words, already quoted where needed).
Cli cli(const std::string& args) {
    char tmpl[] = "/tmp/interleave-cli-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    const std::string cmd = std::string("'") + INTERLEAVE_CLI_PATH + "' " + args + " > '" + dir +
                            "/out' 2> '" + dir + "/err'";
    const int status = std::system(cmd.c_str());
    Cli r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir + "/out");
    r.err = slurp(dir + "/err");
    std::system(("rm -rf '" + dir + "'").c_str());
    return r;
}

bool has(const std::string& s, const std::string& what) {
    return s.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("cli: --help and list" * doctest::timeout(30)) {
    auto h = cli("--help");
    CHECK(h.code == 0);
    CHECK(has(h.out, "run SAMPLE"));
    auto l = cli("list");
    CHECK(l.code == 0);
    for (const char* id : {"threading", "multiprocessing", "asyncio", "executors", "choosing",
                           "race", "queue", "convoy", "blocking_async", "deadlock"}) {
        CHECK(has(l.out, id));
    }
    CHECK(has(l.out, "--workers=2"));
    CHECK(has(l.out, "1..8"));
    CHECK(has(l.out, "sequential|threads|processes|asyncio|thread_pool|process_pool"));
    auto j = cli("list --json");
    CHECK(j.code == 0);
    CHECK(has(j.out, "\"id\": \"choosing\""));
    CHECK(cli("").code == 2);
    CHECK(cli("frobnicate").code == 2);
}

TEST_CASE("cli: bad sample, knob or value exits 2 naming it and the choices" *
          doctest::timeout(30)) {
    auto s = cli("run nope");
    CHECK(s.code == 2);
    CHECK(has(s.err, "unknown sample 'nope'"));
    CHECK(has(s.err, "threading, multiprocessing"));

    auto k = cli("run threading --workers=3");
    CHECK(k.code == 2);
    CHECK(has(k.err, "unknown knob --workers for sample threading"));
    CHECK(has(k.err, "--io_ms"));

    auto r = cli("run choosing --workers=99");  // out of range is an error, never clamped
    CHECK(r.code == 2);
    CHECK(has(r.err, "workers=99 is out of range 1..8"));

    auto c = cli("run choosing --model=fibers");
    CHECK(c.code == 2);
    CHECK(has(c.err, "model=fibers is not one of sequential|threads|processes"));

    auto m = cli("run asyncio --time_scale");
    CHECK(m.code == 2);
    CHECK(has(m.err, "--time_scale needs a value"));

    CHECK(cli("run asyncio --timeout=-1").code == 2);
    CHECK(cli("run asyncio stray").code == 2);
}

TEST_CASE("cli: run streams lines, then a summary; python prints the text" * doctest::timeout(60)) {
    auto r = cli("run threading --io_ms=0");
    CHECK(r.code == 0);
    CHECK(has(r.out, "Thread 1: 0"));
    CHECK(has(r.out, "Thread 2: E"));
    CHECK(has(r.out, "--- finished after"));
    auto p = cli("python asyncio --time_scale=0.5");
    CHECK(p.code == 0);
    CHECK(has(p.out, "\nTIME_SCALE = 0.5  #"));
    CHECK(has(p.out, "await asyncio.sleep(1 * TIME_SCALE)"));
    CHECK(p.err.empty());
    // A run setting is not in the text; stderr says what python3 needs to match it.
    auto q = cli("python race --switch_interval_ms=1 --lock=on");
    CHECK(q.code == 0);
    CHECK(has(q.out, "\nUSE_LOCK = True  #"));
    CHECK(!has(q.out, "setswitchinterval"));
    CHECK(has(q.err, "--switch_interval_ms=1 is not in the text"));
    CHECK(has(q.err, "sys.setswitchinterval(0.001)"));
}

TEST_CASE("cli: --json is the report object; exit codes follow the status" * doctest::timeout(60)) {
    auto r = cli("run asyncio --time_scale=0.01 --json");
    CHECK(r.code == 0);
    CHECK(r.out.rfind("{\"sample\": \"asyncio\", \"knobs\": {\"cores\": \"4\", \"machine\": \"real\", "
                     "\"seed\": \"1\", \"time_scale\": \"0.01\"}, "
                      "\"status\": \"finished\"",
                      0) == 0);
    CHECK(has(r.out, "\"text\": \"Async Task 2: E\""));
    CHECK_FALSE(has(r.out, "---"));  // no human summary mixed into the JSON

    auto d = cli("run deadlock --io_ms=20 --json");
    CHECK(d.code == 3);
    CHECK(has(d.out, "\"status\": \"deadlock\""));

    auto t = cli("run asyncio --time_scale=10 --timeout=0.3");
    CHECK(t.code == 4);
    CHECK(has(t.out, "--- stopped (--timeout 0.3 s)"));
}

TEST_CASE("cli: the summary's figures are the --json's (busy cores peak at two decimals)" *
          doctest::timeout(120)) {
    // The simulated machine: the same run twice, so both outputs describe one run. The peak
    // was printed with no decimals ("avg 0.03 max 0", issue #8).
    auto s = cli("run deadlock --machine=simulated");
    auto j = cli("run deadlock --machine=simulated --json");
    REQUIRE(s.code == 3);
    REQUIRE(j.code == 3);
    const auto at = s.out.find("busy cores avg ");
    REQUIRE(at != std::string::npos);
    double avg = 0, max = 0;
    REQUIRE(std::sscanf(s.out.c_str() + at, "busy cores avg %lf max %lf", &avg, &max) == 2);
    auto json_number = [&](const char* key) {
        const auto k = j.out.find(std::string("\"") + key + "\": ");
        REQUIRE(k != std::string::npos);
        return std::stod(j.out.substr(k + std::strlen(key) + 4));
    };
    CHECK(max >= avg);
    CHECK(max > 0);
    CHECK(max == doctest::Approx(json_number("busy_cores_max")).epsilon(0.01));
    CHECK(avg == doctest::Approx(json_number("busy_cores_avg")).epsilon(0.01));
    CHECK(has(s.out, "3 tasks"));  // MainThread and the two threads it started
    CHECK(json_number("tasks") == 3);
}

TEST_CASE("cli: run FILE.py --json has the same stats as a sample's" * doctest::timeout(60)) {
    char path[] = "/tmp/interleave-figures-XXXXXX.py";
    const int fd = mkstemps(path, 3);
    REQUIRE(fd >= 0);
    const std::string text =
        "import threading\nt = threading.Thread(target=print, args=(1,))\n"
        "t.start()\nt.join()\n";
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(fd);
    auto r = cli(std::string("run ") + path + " --machine=simulated --json");
    unlink(path);
    CHECK(r.code == 0);
    for (const char* key :
         {"\"wall_ms\": ", "\"cpu_ms\": ", "\"busy_cores_avg\": ", "\"busy_cores_max\": ",
          "\"gil_wait_ms\": ", "\"gil_switches\": ", "\"tasks\": 2,", "\"dropped_events\": 0",
          "\"output_lines\": 1", "\"other_busy_cores\": null"})
        CHECK_MESSAGE(has(r.out, key), key);
}

TEST_CASE("cli: --trace writes Chrome Trace JSON" * doctest::timeout(60)) {
    char tmpl[] = "/tmp/interleave-trace-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    auto r = cli("run threading --io_ms=0 --trace '" + dir + "/t.json'");
    CHECK(r.code == 0);
    const std::string trace = slurp(dir + "/t.json");
    CHECK(has(trace, "traceEvents"));
    CHECK(has(trace, "thread_name"));
    std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("cli: an unwritable --trace is said before the run, with the path and the reason" *
          doctest::timeout(60)) {
    // Checked first: nothing runs (no output lines), exit 6, the file and the OS's reason.
    auto missing = cli("run threading --io_ms=0 --trace /nonexistent-dir/t.json");
    CHECK(missing.code == 6);
    CHECK(has(missing.err, "cannot write the trace to /nonexistent-dir/t.json"));
    CHECK(has(missing.err, "No such file or directory"));
    CHECK_FALSE(has(missing.out, "Thread 1: 0"));
    auto dir = cli("run threading --io_ms=0 --trace /tmp");
    CHECK(dir.code == 6);
    CHECK(has(dir.err, "/tmp: Is a directory"));
    CHECK_FALSE(has(dir.out, "Thread 1: 0"));
    // Opened fine, but writing fails at the end (a full disk): said, exit 6, after the run.
    auto full = cli("run threading --io_ms=0 --trace /dev/full");
    CHECK(full.code == 6);
    CHECK(has(full.err, "cannot write the trace to /dev/full: No space left on device"));
    CHECK(has(full.out, "Thread 1: 0"));
    CHECK_FALSE(has(full.out, "trace written"));
    // --help documents the codes.
    auto h = cli("--help");
    CHECK(has(h.out, "6    the --trace file cannot be written"));
    // The same for a Python file: checked before it runs.
    char tmpl[] = "/tmp/interleave-cli-py-XXXXXX";
    const std::string pdir = mkdtemp(tmpl);
    std::FILE* f = std::fopen((pdir + "/p.py").c_str(), "w");
    REQUIRE(f);
    std::fputs("print('ran')\n", f);
    std::fclose(f);
    auto py = cli("run " + pdir + "/p.py --trace /nonexistent-dir/t.json");
    CHECK(py.code == 6);
    CHECK(has(py.err, "cannot write the trace to /nonexistent-dir/t.json: No such file"));
    CHECK_FALSE(has(py.out, "ran"));
    auto py_ok = cli("run " + pdir + "/p.py --trace " + pdir + "/t.json");
    CHECK(py_ok.code == 0);
    CHECK(has(py_ok.out, "ran"));
    CHECK(has(slurp(pdir + "/t.json"), "traceEvents"));
    std::system(("rm -rf '" + pdir + "'").c_str());
}

TEST_CASE("cli: Ctrl-C stops the run cleanly" * doctest::timeout(60)) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    std::vector<std::string> args = {INTERLEAVE_CLI_PATH, "run", "asyncio", "--time_scale=10"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);

    // Read until the first output line: the run is going and the SIGINT handler is in place.
    std::string out;
    auto read_some = [&](int timeout_ms) {
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return false;
        char buf[4096];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) return false;
        out.append(buf, static_cast<size_t>(n));
        return true;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!has(out, "Async Task 1: 0") && std::chrono::steady_clock::now() < deadline) {
        if (!read_some(100) && has(out, "---")) break;
    }
    REQUIRE(has(out, "Async Task 1: 0"));
    kill(pid, SIGINT);
    while (std::chrono::steady_clock::now() < deadline && read_some(100)) {
    }
    int status = 0;
    pid_t done = 0;
    while ((done = waitpid(pid, &status, WNOHANG)) == 0 &&
           std::chrono::steady_clock::now() < deadline) {
        read_some(50);
    }
    if (done == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        FAIL("interleave-cli did not exit after Ctrl-C");
    }
    close(fds[0]);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    CHECK(has(out, "--- stopped (Ctrl-C)"));
}

#endif
