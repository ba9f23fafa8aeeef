// The knob <-> text binding (knob_text.hpp): which line is a knob, what its value is, and that
// moving a knob changes only that value's bytes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "samples/knob_text.hpp"

using namespace interleave::samples;

namespace {

KnobSpec int_spec(const char* key, const char* name, long def, long lo, long hi) {
    KnobSpec k;
    k.key = key;
    k.name = name;
    k.type = KnobType::integer;
    k.min = static_cast<double>(lo);
    k.max = static_cast<double>(hi);
    k.default_value = std::to_string(def);
    return k;
}

KnobSpec num_spec(const char* key, const char* name, const char* def, double lo, double hi) {
    KnobSpec k;
    k.key = key;
    k.name = name;
    k.type = KnobType::number;
    k.min = lo;
    k.max = hi;
    k.default_value = def;
    return k;
}

KnobSpec choice_spec(const char* key, const char* name, std::vector<std::string> choices,
                     std::vector<std::string> literals = {}) {
    KnobSpec k;
    k.key = key;
    k.name = name;
    k.type = KnobType::choice;
    k.default_value = choices.front();
    k.choices = std::move(choices);
    k.literals = std::move(literals);
    return k;
}

const std::vector<KnobSpec> kSpecs = {
    int_spec("tasks", "TASKS", 4, 1, 16),
    num_spec("time_scale", "TIME_SCALE", "1", 0.01, 10),
    choice_spec("model", "MODEL", {"threads", "processes"}),
    choice_spec("lock", "USE_LOCK", {"off", "on"}, {"False", "True"}),
    choice_spec("gil", "", {"on", "off"}),  // a run setting: never in the text
};
const KnobSpec& spec(const char* key) {
    for (const auto& s : kSpecs) {
        if (s.key == key) return s;
    }
    FAIL("no spec " << key);
    return kSpecs[0];
}

// The one knob `key` read from `text`; a missing knob fails the check.
TextKnob knob(const std::string& text, const char* key) {
    for (auto& k : read_knobs(kSpecs, text)) {
        if (k.spec->key == key) return k;
    }
    FAIL_CHECK("no knob " << key << " in:\n" << text);
    return {};
}
bool has_knob(const std::string& text, const char* key) {
    for (auto& k : read_knobs(kSpecs, text)) {
        if (k.spec->key == key) return true;
    }
    return false;
}
std::string value(const std::string& text, const char* key) {
    const TextKnob k = knob(text, key);
    CAPTURE(k.notice);
    REQUIRE(k.value);
    return *k.value;
}
std::string notice(const std::string& text, const char* key) {
    const TextKnob k = knob(text, key);
    CHECK_FALSE(k.value);
    return k.notice;
}

// Sets `key` to `v` in `text`, checks that only the literal's bytes changed, returns the text.
std::string set(const std::string& text, const char* key, const char* v) {
    std::string error;
    auto e = knob_edit(spec(key), text, v, &error);
    CAPTURE(error);
    REQUIRE(e);
    const std::string out = apply_edit(text, *e);
    CHECK(out.substr(0, e->offset) == text.substr(0, e->offset));
    CHECK(out.substr(e->offset + e->replacement.size()) == text.substr(e->offset + e->length));
    CHECK(value(out, key) == *parse_knob(spec(key), v, nullptr));
    return out;
}
std::string edit_error(const std::string& text, const char* key, const char* v) {
    std::string error;
    CHECK_FALSE(knob_edit(spec(key), text, v, &error));
    return error;
}

}  // namespace

TEST_CASE("knob_text: a knob is the first top-level NAME = literal line") {
    const std::string text =
        "\"\"\"A docstring.\n"
        "TASKS = 9\n"  // inside the docstring: not a statement
        "\"\"\"\n"
        "import time\n"
        "\n"
        "def f():\n"
        "    TASKS = 7\n"  // indented: a local, not the knob
        "\n"
        "call(\n"
        "TASKS = 8,\n"  // inside brackets: a keyword argument
        ")\n"
        "x = 1 + \\\n"
        "2\n"
        "s = 'TASKS = 6 # not this'\n"
        "TASKS = 4  # this one\n"
        "TASKS = 5  # later assignments are program code\n";
    CHECK(value(text, "tasks") == "4");
    CHECK(knob(text, "tasks").at.line == 15);
    const auto all = top_level_assignments(text);
    std::vector<std::string> names;
    for (const auto& a : all) names.push_back(a.name);
    CHECK(names == std::vector<std::string>{"x", "s", "TASKS"});
    CHECK_FALSE(all[0].plain);  // 1 + \ 2: an expression
    CHECK(all[1].plain);
}

TEST_CASE("knob_text: spacing, comments, line ends and a BOM are tolerated") {
    CHECK(value("TASKS=4", "tasks") == "4");
    CHECK(value("TASKS   =\t 7   # how many\n", "tasks") == "7");
    CHECK(value("x = 1\r\nTASKS = 3\r\ny = 2\r\n", "tasks") == "3");
    CHECK(knob("x = 1\r\nTASKS = 3\r\n", "tasks").at.line == 2);
    CHECK(value("\xEF\xBB\xBFTASKS = 2\n", "tasks") == "2");
    CHECK(value("# TASKS = 9\nTASKS = 2#no space before the comment\n", "tasks") == "2");
    CHECK(value("TASKS = 2  # a comment with = and 'quotes\n", "tasks") == "2");
}

TEST_CASE("knob_text: the values Python writes, validated by the spec") {
    CHECK(value("TASKS = 1_6\n", "tasks") == "16");
    CHECK(value("TASKS = +3\n", "tasks") == "3");
    CHECK(value("TIME_SCALE = .5\n", "time_scale") == "0.5");
    CHECK(value("TIME_SCALE = 5.\n", "time_scale") == "5");
    CHECK(value("TIME_SCALE = 1e-2\n", "time_scale") == "0.01");
    CHECK(value("TIME_SCALE = 2.50\n", "time_scale") == "2.5");
    CHECK(value("TIME_SCALE = 3\n", "time_scale") == "3");
    CHECK(value("MODEL = \"processes\"\n", "model") == "processes");
    CHECK(value("MODEL = 'processes'\n", "model") == "processes");
    CHECK(value("USE_LOCK = True\n", "lock") == "on");
    CHECK(value("USE_LOCK = False\n", "lock") == "off");
}

TEST_CASE("knob_text: values at the range edges") {
    CHECK(value("TASKS = 1\n", "tasks") == "1");
    CHECK(value("TASKS = 16\n", "tasks") == "16");
    CHECK(notice("TASKS = 0\n", "tasks") == "line 1: TASKS = 0 is out of range 1..16");
    CHECK(notice("x = 1\nTASKS = 17\n", "tasks") == "line 2: TASKS = 17 is out of range 1..16");
    CHECK(notice("TASKS = -1\n", "tasks") == "line 1: TASKS = -1 is out of range 1..16");
    CHECK(notice("TASKS = 99999999999999999999999\n", "tasks").find("out of range 1..16") !=
          std::string::npos);
    CHECK(value("TIME_SCALE = 0.01\n", "time_scale") == "0.01");
    CHECK(value("TIME_SCALE = 10.0\n", "time_scale") == "10");
    CHECK(notice("TIME_SCALE = 0.009\n", "time_scale") ==
          "line 1: TIME_SCALE = 0.009 is out of range 0.01..10");
    CHECK(notice("TIME_SCALE = 1e999\n", "time_scale").find("out of range") != std::string::npos);
}

TEST_CASE("knob_text: a value the knob cannot take is a notice, never a silent default") {
    CHECK(notice("TASKS = 4.0\n", "tasks") ==
          "line 1: TASKS = 4.0 is not a whole number (range 1..16)");
    CHECK(notice("TASKS = 07\n", "tasks").find("is not a whole number") != std::string::npos);
    CHECK(notice("TASKS = 1__0\n", "tasks").find("is not a whole number") != std::string::npos);
    CHECK(notice("TASKS = 10_\n", "tasks").find("is not a whole number") != std::string::npos);
    CHECK(notice("TASKS = \"4\"\n", "tasks").find("is not a whole number") != std::string::npos);
    CHECK(notice("TIME_SCALE = None\n", "time_scale").find("is not a number") != std::string::npos);
    CHECK(notice("MODEL = \"thread\"\n", "model") ==
          "line 1: MODEL = \"thread\" is not one of \"threads\", \"processes\"");
    CHECK(notice("USE_LOCK = 1\n", "lock") == "line 1: USE_LOCK = 1 is not one of False, True");
    // Expressions: the knob is there (the line is), but it cannot show or set the value.
    for (const char* t :
         {"TASKS = 2 * 2\n", "TASKS = 4; X = 1\n", "TASKS = (4)\n", "TASKS = len('abcd')\n",
          "TASKS = OTHER = 4\n", "TASKS = 4 \\\n  + 1\n", "TASKS = -x\n", "TASKS =\n"}) {
        CAPTURE(t);
        CHECK(notice(t, "tasks").find("is not a plain value") != std::string::npos);
        CHECK(edit_error(t, "tasks", "5").find("is not a plain value") != std::string::npos);
    }
    CHECK(notice("MODEL = threads\n", "model").find("is not a plain value") != std::string::npos);
    // A string continued on the next line by a backslash (found by fuzz_knob_text): moving it
    // would join two lines, so it is not a value the knob can set.
    const std::string continued = "MODEL = \"threads\\\n\"  # c\nTASKS = 4\n";
    CHECK(notice(continued, "model").find("is not a plain value") != std::string::npos);
    CHECK(knob(continued, "tasks").at.line == 3);
    CHECK(notice("MODEL = f\"threads\"\n", "model").find("is not a plain value") !=
          std::string::npos);
    CHECK(notice("MODEL = \"\"\"threads\"\"\"\n", "model").find("is not a plain value") !=
          std::string::npos);
    // Hostile bytes in a notice are shown escaped and short.
    const std::string n = notice("TASKS = 4\x01" + std::string(80, 'x') + "\n", "tasks");
    CHECK(n.find('\x01') == std::string::npos);
    CHECK(n.size() < 140);
}

TEST_CASE("knob_text: a line that is not `NAME = value` is no knob; moved or deleted lines") {
    for (const char* t :
         {"TASKS: int = 4\n", "TASKS += 1\n", "TASKS == 4\n", "  TASKS = 4\n", "\tTASKS = 4\n",
          "if x: TASKS = 4\n", "TASKS_2 = 4\n", "MY_TASKS = 4\n", "TASKS\n", "", "TASKSé = 4\n"}) {
        CAPTURE(t);
        CHECK_FALSE(has_knob(t, "tasks"));
    }
    const std::string base = "import time\n\nTASKS = 4  # how many\n\n\ndef f():\n    pass\n";
    CHECK(knob(base, "tasks").at.line == 3);
    // Moved below the function: still the knob, on its new line.
    const std::string moved = "import time\n\n\ndef f():\n    pass\n\nTASKS = 4  # how many\n";
    CHECK(knob(moved, "tasks").at.line == 7);
    // Deleted: no knob, and moving it is refused rather than re-creating the line.
    const std::string deleted = "import time\n\n\ndef f():\n    pass\n";
    CHECK_FALSE(has_knob(deleted, "tasks"));
    CHECK(edit_error(deleted, "tasks", "5").find("has no line `TASKS = ...`") != std::string::npos);
    // Commented out: no knob either.
    CHECK_FALSE(has_knob("# TASKS = 4\n", "tasks"));
    // Run settings are never read from the text, whatever it says.
    CHECK(read_knobs(kSpecs, "gil = 'off'\n").empty());
    CHECK(edit_error("x = 1\n", "gil", "off").find("run setting") != std::string::npos);
}

TEST_CASE("knob_text: unicode around the knob line") {
    const std::string text =
        "# Café ☕ — threads and ünïcödé\n"
        "café = 'naïve ☃'\n"
        "TASKS = 4  # wie viele Aufgaben — 任务数\n"
        "MODEL = \"threads\"  # ☕\n"
        "print('TASKS = 9 ☃')\n";
    CHECK(value(text, "tasks") == "4");
    CHECK(knob(text, "tasks").at.line == 3);
    const std::string t2 = set(text, "tasks", "12");
    CHECK(t2.find("TASKS = 12  # wie viele Aufgaben — 任务数\n") != std::string::npos);
    const std::string t3 = set(t2, "model", "processes");
    CHECK(t3.find("MODEL = \"processes\"  # ☕\n") != std::string::npos);
    CHECK(t3.find("café = 'naïve ☃'\n") != std::string::npos);
}

TEST_CASE("knob_text: setting a value changes only its literal, keeping its form") {
    const std::string text =
        "TASKS   =  4   # tasks\n"
        "TIME_SCALE = 1  # scale\n"
        "MODEL = 'threads'\n"
        "USE_LOCK = False\n"
        "print(TASKS)\n";
    std::string t = set(text, "tasks", "16");
    CHECK(t.rfind("TASKS   =  16   # tasks\n", 0) == 0);
    t = set(t, "time_scale", "2");
    CHECK(t.find("TIME_SCALE = 2  # scale\n") != std::string::npos);
    t = set(t, "time_scale", "0.25");
    CHECK(t.find("TIME_SCALE = 0.25  # scale\n") != std::string::npos);
    t = set(t, "model", "processes");
    CHECK(t.find("MODEL = 'processes'\n") != std::string::npos);  // the text's quotes
    t = set(t, "lock", "on");
    CHECK(t.find("USE_LOCK = True\n") != std::string::npos);
    // Back to the original values: back to the original text, byte for byte.
    t = set(set(set(set(t, "tasks", "4"), "time_scale", "1"), "model", "threads"), "lock", "off");
    CHECK(t == text);
    // The value the text already has: the literal stays as written.
    for (const char* same : {"TIME_SCALE = 1.0\n", "TIME_SCALE = 1e0\n", "TIME_SCALE = 1.\n"}) {
        CHECK(set(same, "time_scale", "1") == same);
    }
    CHECK(set("TASKS = 1_0\n", "tasks", "10") == "TASKS = 1_0\n");
    CHECK(set("TASKS = +3  # c\n", "tasks", "3") == "TASKS = +3  # c\n");
    // Otherwise the canonical literal: numbers as the knob writes them, strings in double quotes
    // unless the text used single ones.
    CHECK(set("TIME_SCALE = 1.0\n", "time_scale", "2.5") == "TIME_SCALE = 2.5\n");
    CHECK(set("TIME_SCALE = 1.0\n", "time_scale", "3") == "TIME_SCALE = 3\n");
    CHECK(knob_literal(spec("model"), "threads") == "\"threads\"");
    CHECK(knob_literal(spec("lock"), "on") == "True");
    // An invalid value in the text is replaced by moving the knob (the user asked for it).
    CHECK(set("TASKS = 99\n", "tasks", "5") == "TASKS = 5\n");
    CHECK(set("TASKS = 1_000\n", "tasks", "8") == "TASKS = 8\n");
    // The knob's own value check is strict: no clamping on the way in.
    CHECK(edit_error("TASKS = 4\n", "tasks", "17") == "tasks=17 is out of range 1..16");
    CHECK(edit_error("MODEL = 'threads'\n", "model", "fibers").find("is not one of") !=
          std::string::npos);
}

TEST_CASE("knob_text: apply_edit clamps a stale edit to the text instead of reading past it") {
    CHECK(apply_edit("abc", TextEdit{1, 1, "X"}) == "aXc");
    CHECK(apply_edit("abc", TextEdit{2, 10, "X"}) == "abX");
    CHECK(apply_edit("abc", TextEdit{10, 1, "X"}) == "abcX");
}
