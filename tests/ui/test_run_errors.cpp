// Errors at their line in the playground (issue #10 item 4): tracebacks in the run's output
// become editor markers as the lines arrive, a thread's in a colour of its own, columns on the
// editor's bytes; a new run starts clean. A program that ended on an uncaught exception is
// said so in the status bar, not "finished".
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "ui/app_harness.hpp"
#include "ui/playground.hpp"

using namespace interleave::ui;

namespace {

struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

std::vector<Marker> errors(const Playground& p) {
    std::vector<Marker> out;
    for (const Marker& m : p.editor.model().markers())
        if (m.kind == MarkerKind::error) out.push_back(m);
    return out;
}

void print(Playground& p, const char* text) {
    p.console.add(0, 0, 0, text);
}

}  // namespace

TEST_CASE("run errors: a thread's exception and then the main one, marked as they arrive") {
    Context ctx;
    Playground p;
    p.select_sample(0);
    p.editor.set_text(
        "import threading\n"
        "def work(n):\n"
        "    return 10 / n   # \xc3\xa9\n"
        "t = threading.Thread(target=work, args=(0,))\n"
        "t.start(); t.join()\n"
        "print(undefined_name)\n");
    p.poll_run_errors();
    CHECK(errors(p).empty());

    for (const char* l :
         {"Exception in thread Thread-1 (work):", "Traceback (most recent call last):",
          "  File \"<main>\", line 3, in work", "    return 10 / n   # \xc3\xa9",
          "           ~~~^~~"})
        print(p, l);
    p.poll_run_errors();
    CHECK(errors(p).empty());  // not complete yet
    print(p, "ZeroDivisionError: division by zero");
    p.poll_run_errors();
    auto e = errors(p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].line == 2);
    CHECK(e[0].col_begin == 11);  // "10 / n" after 4 spaces of indent
    CHECK(e[0].col_end == 17);
    CHECK(e[0].color != 0);  // the thread's colour, not the error red
    CHECK(e[0].label == "ZeroDivisionError in Thread-1 (work)");
    CHECK(e[0].detail == "division by zero");

    for (const char* l :
         {"Traceback (most recent call last):", "  File \"<main>\", line 6, in <module>",
          "    print(undefined_name)", "          ^^^^^^^^^^^^^^",
          "NameError: name 'undefined_name' is not defined"})
        print(p, l);
    p.poll_run_errors();
    e = errors(p);
    REQUIRE(e.size() == 2);
    CHECK(e[1].line == 5);
    CHECK(e[1].color == 0);
    CHECK(e[1].col_begin == 6);
    CHECK(e[1].col_end == 20);

    // Clearing the output (a new run does too) clears the marks.
    p.console.clear();
    p.poll_run_errors();
    CHECK(errors(p).empty());
}

TEST_CASE("the status bar says a program ended with an exception or an exit code, not finished") {
    interleave::ui::test::AppHarness h;
    const auto line = [&] {
        const std::string j = h.app->ui_json();
        const size_t at = j.find("\"status_line\": \"");
        REQUIRE(at != std::string::npos);
        return j.substr(at + 16, j.find('"', at + 16) - at - 16);
    };
    h.app->set_code("print('ok')\n");
    h.run_to_end();
    CHECK(line().find(": finished, ") != std::string::npos);
    h.app->set_code("x = 1 / 0\n");
    h.run_to_end();
    CHECK(line().find(": ended with ZeroDivisionError, ") != std::string::npos);
    h.app->set_code("import sys\nsys.exit(3)\n");
    h.run_to_end();
    CHECK(line().find(": exited with code 3, ") != std::string::npos);
}
