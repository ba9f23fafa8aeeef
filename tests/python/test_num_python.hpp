// Differential testing against the machine's python3 (CPython 3.11), for the test_num_*.cpp
// files: run a Python script over an input text once, compare its output lines with ours.
// Native only: under Emscripten there is no python3 to spawn (callers guard with
// #ifndef __EMSCRIPTEN__). Without python3 the tests say SKIPPED and pass.
#pragma once

#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace num_test {

// Sanitizer builds run 1/8 of the random cases (the same code paths, 5-20x slower builds).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr int kScale = 8;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr int kScale = 8;
#else
inline constexpr int kScale = 1;
#endif
#else
inline constexpr int kScale = 1;
#endif

inline bool have_python3() {
    static const bool ok = std::system(
                               "python3 -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, "
                               "11) else 1)' >/dev/null 2>&1") == 0;
    return ok;
}

// Runs `script` with PYTHONHASHSEED=0 and `input` on stdin; returns stdout split in lines, or
// nullopt (with a SKIPPED note) when python3.11 is missing. A failing script fails the test.
inline std::optional<std::vector<std::string>> run_python(const std::string& script,
                                                          const std::string& input) {
    if (!have_python3()) {
        MESSAGE("SKIPPED: differential test needs python3 (3.11) on PATH");
        return std::nullopt;
    }
    char dir_template[] = "/tmp/interleave_num_XXXXXX";
    const char* dir = mkdtemp(dir_template);
    REQUIRE(dir != nullptr);
    const std::string base = dir;
    {
        std::ofstream(base + "/t.py") << script;
        std::ofstream(base + "/in.txt", std::ios::binary) << input;
    }
    const std::string cmd = "PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 python3 " + base + "/t.py < " +
                            base + "/in.txt > " + base + "/out.txt 2> " + base + "/err.txt";
    const int rc = std::system(cmd.c_str());
    std::ifstream out_file(base + "/out.txt", std::ios::binary);
    std::stringstream ss;
    ss << out_file.rdbuf();
    std::ifstream err_file(base + "/err.txt");
    std::stringstream err;
    err << err_file.rdbuf();
    std::system(("rm -rf " + base).c_str());
    INFO("python3 stderr: " << err.str());
    REQUIRE(rc == 0);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(ss, line)) lines.push_back(line);
    return lines;
}

// Compares python's output lines with ours (case descriptions for the messages); reports at
// most 10 differences, each cut to 300 characters.
inline void compare_lines(const std::vector<std::string>& theirs,
                          const std::vector<std::string>& ours,
                          const std::vector<std::string>& what) {
    REQUIRE(theirs.size() == ours.size());
    int failures = 0;
    for (size_t i = 0; i < ours.size(); ++i) {
        if (theirs[i] == ours[i]) continue;
        if (++failures > 10) continue;
        INFO("case: " << what[i].substr(0, 300));
        CHECK(theirs[i].substr(0, 300) == ours[i].substr(0, 300));
        CHECK(theirs[i].size() == ours[i].size());
    }
    CHECK(failures == 0);
}

}  // namespace num_test

#endif
