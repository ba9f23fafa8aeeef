// Share links: readable encoding, strict and total decoding, round-trip property.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>
#include <stdexcept>

#include "samples/catalog.hpp"
#include "samples/share_link.hpp"

using namespace interleave::samples;

namespace {

bool mentions(const std::vector<std::string>& notices, const std::string& what) {
    for (const auto& n : notices) {
        if (n.find(what) != std::string::npos) return true;
    }
    return false;
}

// A decoded state must be loadable: a known sample, every one of its knobs, all valid.
void check_valid(const LinkState& st) {
    const Sample* s = find_sample(st.sample);
    REQUIRE(s != nullptr);
    CHECK(st.knobs.size() == s->knobs.size());
    for (const auto& k : s->knobs) {
        auto it = st.knobs.find(k.key);
        REQUIRE(it != st.knobs.end());
        std::string err;
        CHECK(parse_knob(k, it->second, &err) == std::optional<std::string>(it->second));
    }
}

LinkState random_valid_state(std::mt19937& rng) {
    const auto& all = catalog();
    const Sample& s = all[std::uniform_int_distribution<size_t>(0, all.size() - 1)(rng)];
    LinkState st;
    st.sample = s.id;
    st.run = rng() % 2 == 0;
    for (const auto& k : s.knobs) {
        std::string text;
        if (rng() % 3 == 0) {
            text = k.default_value;
        } else if (k.type == KnobType::integer) {
            text = std::to_string(std::uniform_int_distribution<long>(
                static_cast<long>(k.min), static_cast<long>(k.max))(rng));
        } else if (k.type == KnobType::number) {
            text = fmt::format("{}", std::uniform_real_distribution<double>(k.min, k.max)(rng));
        } else {
            text = k.choices[rng() % k.choices.size()];
        }
        std::string err;
        auto canonical = parse_knob(k, text, &err);
        REQUIRE_MESSAGE(canonical, err);
        st.knobs[k.key] = *canonical;
    }
    return st;
}

std::string random_garbage(std::mt19937& rng) {
    static const std::vector<std::string> atoms = {
        "v",    "sample", "run", "gil",     "workers",    "model",     "=",     "&",
        "%",    "%2",     "%zz", "%41",     "1",          "0",         "-1",    "99999999",
        "on",   "off",    "#",   "threads", "choosing",   "threading", "1e308", "nan",
        "\x01", "\xff",   "=",   "&&",      "time_scale", "0.0001"};
    std::string out;
    const size_t n = std::uniform_int_distribution<size_t>(0, rng() % 8 == 0 ? 3000 : 40)(rng);
    for (size_t i = 0; i < n; ++i) {
        if (rng() % 4 == 0) {
            out += static_cast<char>(rng() % 256);
        } else {
            out += atoms[rng() % atoms.size()];
        }
    }
    return out;
}

}  // namespace

TEST_CASE("encode writes only what differs from the defaults, readably") {
    LinkState st;
    st.sample = "choosing";
    st.knobs = defaults(find_sample("choosing")->knobs);
    CHECK(encode_link(st) == "#v=1&sample=choosing");
    st.knobs["model"] = "processes";
    st.knobs["gil"] = "off";
    st.run = true;
    CHECK(encode_link(st) == "#v=1&sample=choosing&model=processes&gil=off&run=1");
}

TEST_CASE("decode: the issue's example link loads cleanly") {
    auto d = decode_link("#v=1&sample=choosing&model=threads&work=cpu&gil=off");
    CHECK(d.notices.empty());
    CHECK(d.state.sample == "choosing");
    CHECK(d.state.knobs.at("gil") == "off");
    CHECK(d.state.knobs.at("model") == "threads");
    CHECK(d.state.knobs.at("workers") == "2");  // defaults fill the rest
    CHECK_FALSE(d.state.run);
    check_valid(d.state);
}

TEST_CASE("decode: an empty fragment is the default page, silently") {
    for (const char* f : {"", "#"}) {
        auto d = decode_link(f);
        CHECK(d.notices.empty());
        CHECK(d.state.sample == "threading");
        check_valid(d.state);
    }
}

TEST_CASE("decode: each problem is loaded around and named") {
    SUBCASE("unknown key") {
        auto d = decode_link("v=1&sample=threading&colour=red");
        CHECK(mentions(d.notices, "'colour'"));
        check_valid(d.state);
    }
    SUBCASE("bad value falls back to the default") {
        auto d = decode_link("v=1&sample=choosing&workers=lots");
        CHECK(d.state.knobs.at("workers") == "2");
        CHECK(mentions(d.notices, "workers=lots"));
    }
    SUBCASE("out of range is clamped") {
        auto d = decode_link("v=1&sample=choosing&workers=99&tasks=0");
        CHECK(d.state.knobs.at("workers") == "8");
        CHECK(d.state.knobs.at("tasks") == "1");
        CHECK(mentions(d.notices, "out of range"));
    }
    SUBCASE("unknown sample falls back to threading") {
        auto d = decode_link("v=1&sample=nope&run=1");
        CHECK(d.state.sample == "threading");
        CHECK(mentions(d.notices, "'nope'"));
        CHECK_FALSE(d.state.run);  // never runs what the sender did not mean
        check_valid(d.state);
    }
    SUBCASE("wrong or missing version") {
        auto d = decode_link("v=7&sample=asyncio&time_scale=0.5");
        CHECK(mentions(d.notices, "version '7'"));
        CHECK(d.state.sample == "asyncio");
        CHECK(d.state.knobs.at("time_scale") == "0.5");
        auto m = decode_link("sample=asyncio");
        CHECK(mentions(m.notices, "no version"));
    }
    SUBCASE("duplicate keys: the first wins") {
        auto d = decode_link("v=1&sample=threading&gil=off&gil=on");
        CHECK(d.state.knobs.at("gil") == "off");
        CHECK(mentions(d.notices, "more than once"));
    }
    SUBCASE("not a pair, broken escape") {
        auto d = decode_link("v=1&sample=threading&junk&gil=%zz");
        CHECK(mentions(d.notices, "'junk'"));
        CHECK(mentions(d.notices, "%-escape"));
        CHECK(d.state.knobs.at("gil") == "on");
    }
    SUBCASE("percent escapes decode") {
        auto d = decode_link("v=1&sample=thr%65ading&gil=o%66f");
        CHECK(d.notices.empty());
        CHECK(d.state.sample == "threading");
        CHECK(d.state.knobs.at("gil") == "off");
    }
    SUBCASE("run=1 on a clean link runs; on a broken one it does not") {
        CHECK(decode_link("v=1&sample=asyncio&run=1").state.run);
        auto d = decode_link("v=1&sample=asyncio&run=1&bogus=1");
        CHECK_FALSE(d.state.run);
        CHECK(mentions(d.notices, "not started"));
        CHECK(mentions(decode_link("v=1&sample=asyncio&run=yes").notices, "run=yes"));
    }
}

TEST_CASE("decode: an oversized fragment is read up to the limit only") {
    std::string f = "v=1&sample=threading";
    while (f.size() < kMaxFragmentBytes - 12) f += "&x=1";  // unknown keys, each a notice
    f += "&y=" + std::string(kMaxFragmentBytes - 4 - f.size() - 3, '1');
    REQUIRE(f.size() == kMaxFragmentBytes - 4);
    f += "&gil=off";  // crosses the limit: must not be decoded, not even partly
    f += std::string(kMaxFragmentBytes, 'z');
    auto d = decode_link(f);
    CHECK(mentions(d.notices, "64 KiB"));
    CHECK(d.state.knobs.at("gil") == "on");
    CHECK(d.notices.size() <= 12);  // bounded, and the last one says how many more
    CHECK(mentions(d.notices, "more problems"));
    check_valid(d.state);
}

TEST_CASE("property: random valid states round-trip exactly, with no notices") {
    std::mt19937 rng(12345);
    for (int i = 0; i < 2000; ++i) {
        const LinkState st = random_valid_state(rng);
        const std::string link = encode_link(st);
        CAPTURE(link);
        CHECK(link.size() < kMaxFragmentBytes);
        const DecodedLink d = decode_link(link);
        CHECK(d.notices.empty());
        CHECK(d.state.sample == st.sample);
        CHECK(d.state.knobs == st.knobs);
        CHECK(d.state.run == st.run);
    }
}

TEST_CASE("property: random garbage never throws and always yields a valid state") {
    std::mt19937 rng(777);
    for (int i = 0; i < 3000; ++i) {
        const std::string g = random_garbage(rng);
        DecodedLink d;
        CHECK_NOTHROW(d = decode_link(g));
        check_valid(d.state);
        CHECK(d.notices.size() <= 12);
        for (const auto& n : d.notices) {
            CHECK(n.find('\n') == std::string::npos);  // one line each, control chars escaped
        }
        // A decoded state re-encodes to a link that decodes to itself, cleanly.
        const DecodedLink again = decode_link(encode_link(d.state));
        CHECK(again.notices.empty());
        CHECK(again.state.knobs == d.state.knobs);
    }
}

TEST_CASE("code: unchanged samples have no code in their link; code= goes through a codec") {
    // A stand-in codec (the editor's packs with deflate-raw + base64url, issue #10.6): reversed
    // text, and a payload starting with '!' is "corrupt".
    CodeCodec codec;
    codec.pack = [](std::string_view t) { return std::string(t.rbegin(), t.rend()); };
    codec.unpack = [](std::string_view p, std::string* why) -> std::optional<std::string> {
        if (!p.empty() && p[0] == '!') {
            *why = "corrupt data at byte 0";
            return std::nullopt;
        }
        return std::string(p.rbegin(), p.rend());
    };

    LinkState st;
    st.sample = "race";
    st.knobs = defaults(find_sample("race")->knobs);
    st.knobs["lock"] = "on";
    CHECK(encode_link(st, &codec) == "#v=1&sample=race&lock=on");  // readable: no code

    st.code = "print('hi & bye')\n";
    st.run = true;
    const std::string link = encode_link(st, &codec);
    CHECK(link.rfind("#v=1&sample=race&lock=on&code=", 0) == 0);
    CHECK(link.substr(link.size() - 6) == "&run=1");  // run stays last
    const DecodedLink d = decode_link(link, &codec);
    CHECK(d.notices.empty());
    CHECK(d.state.code == st.code);
    CHECK(d.state.knobs == st.knobs);
    CHECK(d.state.run);

    // A state with code and no codec cannot be encoded without losing the code.
    CHECK_THROWS_AS((void)encode_link(st), std::invalid_argument);

    // Code that cannot be read: the sample's own program, a notice, and no auto-run.
    const DecodedLink no_codec = decode_link(link);
    CHECK_FALSE(no_codec.state.code);
    CHECK_FALSE(no_codec.state.run);
    CHECK(mentions(no_codec.notices, "cannot read code in links yet"));
    CHECK(no_codec.state.knobs.at("lock") == "on");
    const DecodedLink corrupt = decode_link("#v=1&sample=race&code=!xyz&run=1", &codec);
    CHECK_FALSE(corrupt.state.code);
    CHECK_FALSE(corrupt.state.run);
    CHECK(mentions(corrupt.notices, "corrupt data at byte 0"));
    CodeCodec throwing = codec;
    throwing.unpack = [](std::string_view, std::string*) -> std::optional<std::string> {
        throw std::runtime_error("inflate failed");
    };
    const DecodedLink thrown = decode_link("#v=1&sample=race&code=abc", &throwing);
    CHECK_FALSE(thrown.state.code);
    CHECK(mentions(thrown.notices, "inflate failed"));
}

TEST_CASE("t=: a moment of a simulated run travels in the link and reads back (issue #11.4)") {
    LinkState st;
    st.sample = "choosing";
    st.knobs = defaults(find_sample("choosing")->knobs);
    st.knobs["machine"] = "simulated";
    st.run = true;
    st.t_ms = 250;
    const std::string link = encode_link(st);
    CHECK(link == "#v=1&sample=choosing&machine=simulated&t=250&run=1");
    auto d = decode_link(link);
    CHECK(d.notices.empty());
    REQUIRE(d.state.t_ms);
    CHECK(*d.state.t_ms == 250);
    CHECK(d.state.run);
    // Microseconds at most, trailing zeros dropped; what is written reads back the same.
    for (double t : {0.0, 12.5, 1234.567, 0.001, 86'400'000.0}) {
        st.t_ms = t;
        d = decode_link(encode_link(st));
        CHECK(d.notices.empty());
        REQUIRE(d.state.t_ms);
        CHECK(*d.state.t_ms == doctest::Approx(t).epsilon(1e-12));
    }
    st.t_ms = 12.3456789;
    CHECK(encode_link(st).find("&t=12.346&") != std::string::npos);
    // Links without t= (every link before it existed) read as before: the run's end.
    d = decode_link("#v=1&sample=choosing&machine=simulated&run=1");
    CHECK(d.notices.empty());
    CHECK_FALSE(d.state.t_ms);
    CHECK(d.state.run);
}

TEST_CASE("t=: a bad moment is named, not used, and does not start the run") {
    for (const char* bad :
         {"t=", "t=abc", "t=-5", "t=1e3", "t=.5", "t=5.", "t=1.2345", "t=1.2.3", "t=nan", "t=inf",
          "t=86400000.001", "t=99999999999999999999", "t=%20250", "t=0x10"}) {
        CAPTURE(bad);
        auto d = decode_link(std::string("#v=1&sample=choosing&machine=simulated&run=1&") + bad);
        CHECK_FALSE(d.state.t_ms);
        CHECK(mentions(d.notices, "is not a moment of the run"));
        CHECK_FALSE(d.state.run);  // a link with problems never runs by itself
        check_valid(d.state);
    }
    // A moment of a real run: there is no replay to show it in.
    auto d = decode_link("#v=1&sample=choosing&t=250");
    CHECK_FALSE(d.state.t_ms);
    CHECK(mentions(d.notices, "simulated machine"));
}
