// Knob parsing: strict (CLI), lenient (links), canonical text, ranges.
#include <doctest/doctest.h>

#include "samples/catalog.hpp"
#include "samples/knobs.hpp"

using namespace interleave::samples;

namespace {

KnobSpec int_spec() {
    KnobSpec k;
    k.key = "workers";
    k.type = KnobType::integer;
    k.min = 1;
    k.max = 8;
    k.default_value = "2";
    return k;
}

KnobSpec number_spec() {
    KnobSpec k;
    k.key = "time_scale";
    k.type = KnobType::number;
    k.min = 0.01;
    k.max = 10;
    k.default_value = "1";
    return k;
}

KnobSpec choice_spec() {
    KnobSpec k;
    k.key = "gil";
    k.type = KnobType::choice;
    k.choices = {"on", "off"};
    k.default_value = "on";
    return k;
}

}  // namespace

TEST_CASE("range_text names the valid values") {
    CHECK(int_spec().range_text() == "1..8");
    CHECK(number_spec().range_text() == "0.01..10");
    CHECK(choice_spec().range_text() == "on|off");
}

TEST_CASE("parse_knob: integers are strict") {
    const auto spec = int_spec();
    std::string err;
    CHECK(parse_knob(spec, "4", &err) == std::optional<std::string>("4"));
    CHECK(parse_knob(spec, "+4", &err) == std::optional<std::string>("4"));
    CHECK(parse_knob(spec, "08", &err) == std::optional<std::string>("8"));
    for (const char* bad : {"", "-", "4.0", " 4", "4 ", "0x4", "four", "4e0"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_knob(spec, bad, &err));
        CHECK(err.find("workers") != std::string::npos);
        CHECK(err.find("1..8") != std::string::npos);
    }
    CHECK_FALSE(parse_knob(spec, "9", &err));
    CHECK(err == "workers=9 is out of range 1..8");
    CHECK_FALSE(parse_knob(spec, "0", &err));
    CHECK_FALSE(parse_knob(spec, "99999999999999999999999", &err));
    CHECK(err.find("out of range") != std::string::npos);
}

TEST_CASE("parse_knob: numbers are canonical") {
    const auto spec = number_spec();
    std::string err;
    CHECK(parse_knob(spec, "0.1", &err) == std::optional<std::string>("0.1"));
    CHECK(parse_knob(spec, "2.50", &err) == std::optional<std::string>("2.5"));
    CHECK(parse_knob(spec, "5", &err) == std::optional<std::string>("5"));
    CHECK(parse_knob(spec, "1e0", &err) == std::optional<std::string>("1"));
    CHECK(parse_knob(spec, ".5", &err) == std::optional<std::string>("0.5"));
    for (const char* bad : {"", ".", "nan", "inf", "1e", "0x1p3", "1,5", "--1", "1e999"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_knob(spec, bad, &err));
        CHECK(err.find("time_scale") != std::string::npos);
    }
    CHECK_FALSE(parse_knob(spec, "10.5", &err));
    CHECK(err == "time_scale=10.5 is out of range 0.01..10");
}

TEST_CASE("parse_knob: choices are exact") {
    const auto spec = choice_spec();
    std::string err;
    CHECK(parse_knob(spec, "off", &err) == std::optional<std::string>("off"));
    CHECK_FALSE(parse_knob(spec, "OFF", &err));
    CHECK(err == "gil=OFF is not one of on|off");
}

TEST_CASE("clamp_knob: always valid, says what it changed") {
    std::string note;
    CHECK(clamp_knob(int_spec(), "3", &note) == "3");
    CHECK(note.empty());
    CHECK(clamp_knob(int_spec(), "99", &note) == "8");
    CHECK(note == "workers=99 is out of range 1..8; using 8");
    CHECK(clamp_knob(int_spec(), "-5", &note) == "1");
    CHECK(clamp_knob(int_spec(), "-99999999999999999999999", &note) == "1");
    CHECK(clamp_knob(int_spec(), "lots", &note) == "2");
    CHECK(note.find("default 2") != std::string::npos);
    CHECK(clamp_knob(number_spec(), "0", &note) == "0.01");
    CHECK(clamp_knob(number_spec(), "1e400", &note) == "10");
    CHECK(clamp_knob(choice_spec(), "maybe", &note) == "on");
    CHECK(note == "gil=maybe is not one of on|off; using the default on");
    // Hostile text is shortened and control characters made visible.
    CHECK(clamp_knob(choice_spec(), std::string("a\nb") + std::string(100, 'x'), &note) == "on");
    CHECK(note.find('\n') == std::string::npos);
    CHECK(note.size() < 150);
}

TEST_CASE("typed reads and defaults") {
    const std::vector<KnobSpec> specs = {int_spec(), number_spec(), choice_spec()};
    KnobValues v = defaults(specs);
    CHECK(v.size() == 3);
    CHECK(knob_int(v, "workers") == 2);
    CHECK(knob_number(v, "time_scale") == 1.0);
    CHECK(knob_choice(v, "gil") == "on");
    CHECK(find_knob(specs, "gil") == &specs[2]);
    CHECK(find_knob(specs, "nope") == nullptr);
    CHECK_THROWS(knob_int(v, "missing"));
}

TEST_CASE("every catalog knob is well-formed") {
    for (const auto& s : catalog()) {
        CAPTURE(s.id);
        CHECK(!s.title.empty());
        CHECK(!s.summary.empty());
        for (const auto& k : s.knobs) {
            CAPTURE(k.key);
            CHECK(!k.help.empty());
            CHECK(!k.label.empty());
            std::string err;
            // The default parses to itself: it is canonical and in range.
            CHECK(parse_knob(k, k.default_value, &err) ==
                  std::optional<std::string>(k.default_value));
            if (k.type != KnobType::choice) CHECK(k.min <= k.max);
            if (k.type == KnobType::choice) CHECK(k.choices.size() >= 2);
        }
    }
}
