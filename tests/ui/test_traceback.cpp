// Tracebacks read back into program places (issue #10 item 4): the texts are what CPython 3.11
// prints (and the interpreter, which prints the same layout).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "ui/editor/traceback.hpp"

using namespace interleave::ui;

namespace {

std::vector<Diagnostic> read_all(const std::string& text, TracebackReader& r) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) r.feed(line);
    return r.diagnostics();
}

std::vector<Diagnostic> read_all(const std::string& text) {
    TracebackReader r;
    return read_all(text, r);
}

}  // namespace

TEST_CASE("traceback_line: a frame line of the program gives its line number") {
    CHECK(traceback_line("  File \"<main>\", line 14, in worker") == 14);
    CHECK(traceback_line("  File \"<main>\", line 2") == 2);
    CHECK(traceback_line("  File \"<main>\", line 3, in <module>") == 3);
    CHECK(traceback_line("  File \"/usr/lib/python3.11/threading.py\", line 1038, in run") == 0);
    CHECK(traceback_line("  File \"<main>\", line x, in f") == 0);
    CHECK(traceback_line("  File \"<main>\", line 0") == 0);
    CHECK(traceback_line("print('File \"<main>\", line 3')") == 0);
    CHECK(traceback_line("  File \"<main>\", line 3 and more") == 0);
}

TEST_CASE("an uncaught exception: the innermost frame in the program, with 3.11's carets") {
    const auto d = read_all(
        "0\n"
        "Traceback (most recent call last):\n"
        "  File \"<main>\", line 6, in <module>\n"
        "    print(f(0))\n"
        "          ^^^^\n"
        "  File \"<main>\", line 2, in f\n"
        "    return 1/x\n"
        "           ~^~\n"
        "ZeroDivisionError: division by zero\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 1);
    CHECK(d[0].type == "ZeroDivisionError");
    CHECK(d[0].message == "division by zero");
    CHECK(d[0].thread.empty());
    CHECK(d[0].col_begin == 7);  // "1/x" in "return 1/x"
    CHECK(d[0].col_end == 10);
    CHECK(caret_byte_columns("    return 1/x", 7, 10) == std::pair<int, int>(11, 14));
}

TEST_CASE("an exception in a thread is that thread's; the run goes on to the next one") {
    TracebackReader r;
    const auto d = read_all(
        "Exception in thread Thread-1 (worker):\n"
        "Traceback (most recent call last):\n"
        "  File \"<frozen threading>\", line 1038, in _bootstrap_inner\n"
        "  File \"<main>\", line 9, in worker\n"
        "    raise ValueError(f\"bad item {n}\")\n"
        "ValueError: bad item 3\n"
        "main goes on\n"
        "  File \"<main>\", line 4\n"
        "    x = (1,\n"
        "        ^\n"
        "SyntaxError: '(' was never closed\n",
        r);
    REQUIRE(d.size() == 2);
    CHECK(d[0].line == 8);
    CHECK(d[0].thread == "Thread-1 (worker)");
    CHECK(d[0].type == "ValueError");
    CHECK(d[0].message == "bad item 3");
    CHECK(d[0].col_begin == -1);  // no carets: the whole line
    CHECK(d[1].line == 3);
    CHECK(d[1].thread.empty());
    CHECK(d[1].type == "SyntaxError");
    CHECK(d[1].col_begin == 4);
    CHECK(d[1].col_end == 5);
    r.clear();
    CHECK(r.diagnostics().empty());
}

TEST_CASE("chained exceptions mark the last one; output that looks similar is not a traceback") {
    const auto d = read_all(
        "Traceback (most recent call last):\n"
        "  File \"<main>\", line 3, in <module>\n"
        "    d['k']\n"
        "KeyError: 'k'\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "Traceback (most recent call last):\n"
        "  File \"<main>\", line 5, in <module>\n"
        "    raise RuntimeError('no key')\n"
        "RuntimeError: no key\n"
        "Error: this is just printed text\n"
        "    indented printed text\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 4);
    CHECK(d[0].type == "RuntimeError");
}

TEST_CASE("caret columns count characters from the stripped line; bytes come out") {
    // "é" is two bytes: "x", character 8 of "s = é + x", is byte 10 after the tab.
    CHECK(caret_byte_columns("\ts = \xc3\xa9 + x", 8, 9) == std::pair<int, int>(10, 11));
    CHECK(caret_byte_columns("x", -1, -1) == std::pair<int, int>(-1, -1));
    CHECK(caret_byte_columns("ab", 1, 99) == std::pair<int, int>(1, 2));  // clamped to the line
}
