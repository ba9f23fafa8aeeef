// Each sample's program is its .py file; its knobs are the values at the top of that text; the
// catalog reads and writes them there, and the interpreter runs exactly that text.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "sample_test_util.hpp"
#include "samples/catalog.hpp"

using namespace interleave;
using namespace interleave::samples;
using namespace interleave::samples::test;

namespace {

std::string source_file(const std::string& id) {
    std::ifstream f(std::string(INTERLEAVE_SOURCE_DIR) + "/src/samples/python/" + id + "_sample.py",
                    std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string line_of(std::string_view text, int line) {
    size_t b = 0;
    for (int i = 1; i < line; ++i) b = text.find('\n', b) + 1;
    return std::string(text.substr(b, text.find('\n', b) - b));
}

// A random valid value for `spec` (edges included).
std::string random_value(const KnobSpec& spec, std::mt19937& rng) {
    switch (spec.type) {
        case KnobType::integer: {
            std::uniform_int_distribution<long> d(static_cast<long>(spec.min),
                                                  static_cast<long>(spec.max));
            const int edge = static_cast<int>(rng() % 4);
            const long v = edge == 0   ? static_cast<long>(spec.min)
                           : edge == 1 ? static_cast<long>(spec.max)
                                       : d(rng);
            return std::to_string(v);
        }
        case KnobType::number: {
            std::uniform_real_distribution<double> d(spec.min, spec.max);
            auto v = parse_knob(spec, std::to_string(d(rng)).substr(0, 5), nullptr);
            REQUIRE(v);
            return *v;
        }
        case KnobType::choice:
            return spec.choices[rng() % spec.choices.size()];
    }
    return spec.default_value;
}

}  // namespace

TEST_CASE("program: each sample's text is its .py file, embedded byte for byte") {
    for (const auto& s : catalog()) {
        CAPTURE(s.id);
        const std::string file = source_file(s.id);
        REQUIRE_MESSAGE(!file.empty(), "src/samples/python/" << s.id << "_sample.py missing");
        CHECK(s.text == file);
        CHECK(program(s, defaults(s.knobs)) == file);
        CHECK(s.text.find('\t') == std::string_view::npos);
        CHECK(s.text.back() == '\n');
    }
}

TEST_CASE("program: every text knob is a commented value at the top, run settings are not text") {
    for (const auto& s : catalog()) {
        CAPTURE(s.id);
        const auto found = knobs(s, s.text);
        std::vector<const KnobSpec*> text_specs;
        for (const auto& spec : s.knobs) {
            if (!is_run_setting(spec)) text_specs.push_back(&spec);
        }
        REQUIRE(found.size() == text_specs.size());
        int previous_line = 0, first_def = 1;  // the line of the first top-level function
        for (const std::string& def : {std::string("\ndef "), std::string("\nasync def ")}) {
            const size_t at = s.text.find(def);
            if (at == std::string_view::npos) continue;
            const int line =
                static_cast<int>(std::count(s.text.begin(), s.text.begin() + at, '\n')) + 2;
            if (first_def == 1 || line < first_def) first_def = line;
        }
        REQUIRE(first_def > 1);
        for (size_t i = 0; i < found.size(); ++i) {
            const TextKnob& k = found[i];
            CAPTURE(k.spec->key);
            CHECK(k.spec == text_specs[i]);  // spec order is text order (the knob panel's order)
            CHECK(k.notice.empty());
            CHECK(k.value == k.spec->default_value);
            CHECK(k.at.line > previous_line);
            CHECK(k.at.line < first_def);  // at the top, before any function
            previous_line = k.at.line;
            // What it changes, said on its line.
            const std::string line = line_of(s.text, k.at.line);
            CHECK(line.find("  # ") != std::string::npos);
            CHECK(line.size() <= 92);
        }
        // The run settings (gil, switch interval) are never written in a sample's text.
        CHECK(s.text.find("setswitchinterval") == std::string_view::npos);
    }
}

TEST_CASE("program: knobs read back what program() wrote, for random values of every sample") {
    std::mt19937 rng(20240611);
    for (const auto& s : catalog()) {
        CAPTURE(s.id);
        for (int round = 0; round < 40; ++round) {
            KnobValues v = defaults(s.knobs);
            for (const auto& spec : s.knobs) v[spec.key] = random_value(spec, rng);
            const std::string text = program(s, v);
            CAPTURE(text);
            for (const auto& k : knobs(s, text)) {
                CHECK(k.notice.empty());
                CHECK(k.value == v.at(k.spec->key));
            }
            // Back to the defaults, one knob at a time: the canonical text, byte for byte.
            std::string back = text;
            for (const auto& spec : s.knobs) {
                if (is_run_setting(spec)) continue;
                auto t = with_knob(s, back, spec.key, spec.default_value);
                REQUIRE(t);
                back = *t;
            }
            CHECK(back == s.text);
        }
    }
}

TEST_CASE("program: with_knob names what it cannot do") {
    const Sample& s = *find_sample("choosing");
    std::string error;
    CHECK_FALSE(with_knob(s, s.text, "nope", "1", &error));
    CHECK(error == "sample choosing has no knob nope");
    CHECK_FALSE(with_knob(s, s.text, "gil", "off", &error));
    CHECK(error == "gil is a run setting, not a value in the program's text");
    CHECK_FALSE(with_knob(s, s.text, "tasks", "0", &error));
    CHECK(error == "tasks=0 is out of range 1..16");
    CHECK_FALSE(with_knob(s, "print('hello')\n", "tasks", "3", &error));
    CHECK(error == "the program has no line `TASKS = ...`, so it has no tasks knob");
    auto t = with_knob(s, s.text, "model", "asyncio");
    REQUIRE(t);
    CHECK(t->find("\nMODEL = \"asyncio\"  # how the tasks run\n") != std::string::npos);
    CHECK(t->size() ==
          s.text.size() + std::string("asyncio").size() - std::string("threads").size());
}

TEST_CASE("program: what runs is the text, edited or not, and a user's own program" *
          doctest::timeout(60)) {
    const Sample& s = *find_sample("threading");
    // A value edited in the text is the value the run uses.
    std::string text = *with_knob(s, s.text, "io_ms", "0");
    Outcome o = run_text_to_end("threading", text, {});
    CHECK(o.status == engine::RunStatus::finished);
    CHECK(o.lines.size() == 10);
    CHECK(o.exit_code == 0);
    CHECK_FALSE(o.error);

    // Any edit runs as written: a line added, a value no knob allows (the knob only says so).
    Outcome more = run_text_to_end("threading", text + "print('one more line')\n", {});
    CHECK(more.status == engine::RunStatus::finished);
    REQUIRE(more.lines.size() == 11);
    CHECK(more.lines.back() == "one more line");
    std::string negative = std::string(s.text);
    negative.replace(negative.find("IO_MS = 100"), 11, "IO_MS = -5");
    CHECK(run_text_to_end("threading", negative, {}).lines.size() == 10);

    // A program of the user's own.
    Outcome own = run_text_to_end("threading", "for i in range(3):\n    print(i * i)\n", {});
    CHECK(own.status == engine::RunStatus::finished);
    CHECK(joined(own.lines) == "0\n1\n4\n");
}

TEST_CASE("program: a SyntaxError or an uncaught exception is reported as CPython reports it" *
          doctest::timeout(60)) {
    // CPython 3.11's text for a SyntaxError, on stderr; nothing of the program runs; exit 1.
    Outcome syn = run_text_to_end("threading", "print('before')\nprint('a'\n", {});
    CHECK(syn.status == engine::RunStatus::finished);
    CHECK(syn.exit_code == 1);
    CHECK(joined(syn.lines) ==
          "  File \"<main>\", line 2\n"
          "    print('a'\n"
          "         ^\n"
          "SyntaxError: '(' was never closed\n");
    REQUIRE(syn.error);
    CHECK(syn.error->type == "SyntaxError");
    CHECK(syn.error->message == "'(' was never closed");
    CHECK(syn.error->line == 2);
    CHECK(syn.error->column == 6);
    CHECK(syn.error->traceback == joined(syn.lines));
    CHECK(error_json(syn.error).find("\"line\": 2, \"column\": 6, ") != std::string::npos);
    Outcome indent = run_text_to_end("threading", "if True:\nprint(1)\n", {});
    REQUIRE(indent.error);
    CHECK(indent.error->type == "IndentationError");
    CHECK(indent.error->line == 2);

    // An uncaught exception: what ran printed, then the traceback; exit 1.
    Outcome exc = run_text_to_end("threading", "print('one')\nx = 1 / 0\n", {});
    CHECK(exc.status == engine::RunStatus::finished);
    CHECK(exc.exit_code == 1);
    CHECK(joined(exc.lines) ==
          "one\n"
          "Traceback (most recent call last):\n"
          "  File \"<main>\", line 2, in <module>\n"
          "    x = 1 / 0\n"
          "        ~~^~~\n"
          "ZeroDivisionError: division by zero\n");
    REQUIRE(exc.error);
    CHECK(exc.error->type == "ZeroDivisionError");
    CHECK(exc.error->message == "division by zero");
    CHECK(exc.error->line == 2);
    CHECK(error_json(std::nullopt) == "null");
}
