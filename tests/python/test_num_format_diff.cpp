// Random format specs applied to random ints, floats and strings, against python3's format()
// (native only).
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "python/num/format_spec.hpp"
#include "test_num_python.hpp"

using namespace interleave::python;

namespace {

std::string hex_of(std::string_view s) {
    static const char* d = "0123456789abcdef";
    std::string h = "x";
    for (unsigned char c : s) {
        h += d[c >> 4];
        h += d[c & 15];
    }
    return h;
}

std::string random_spec(std::mt19937_64& rng) {
    static const char* kFills[] = {"", "", "", "*", "0", " ", "\xe2\x82\xac", "_", "="};
    static const char* kAligns[] = {"", "", "<", ">", "^", "="};
    static const char* kSigns[] = {"", "", "+", "-", " "};
    static const char* kWidths[] = {"", "", "", "0", "1", "5", "8", "12", "20", "05", "010"};
    static const char* kGroups[] = {"", "", "", ",", "_", ",_"};
    static const char* kPrecisions[] = {"",   "",    "",    ".0",  ".1", ".3",
                                        ".6", ".12", ".17", ".25", "."};
    static const char* kTypes[] = {"",  "",  "d", "b", "o", "x", "X", "c", "n", "e",
                                   "E", "f", "F", "g", "G", "%", "s", "q", "r"};
    std::string spec;
    const char* align = kAligns[rng() % std::size(kAligns)];
    if (*align != '\0') spec += kFills[rng() % std::size(kFills)];
    spec += align;
    spec += kSigns[rng() % std::size(kSigns)];
    if (rng() % 8 == 0) spec += "z";
    if (rng() % 5 == 0) spec += "#";
    spec += kWidths[rng() % std::size(kWidths)];
    spec += kGroups[rng() % std::size(kGroups)];
    spec += kPrecisions[rng() % std::size(kPrecisions)];
    spec += kTypes[rng() % std::size(kTypes)];
    return spec;
}

double random_double(std::mt19937_64& rng) {
    static const double kSpecial[] = {0.0,      -0.0,       1.0, -1.5,     0.1,   1e16,
                                      1e-5,     123456.789, 2.5, 0.125,    1e300, 5e-324,
                                      INFINITY, -INFINITY,  NAN, 999.9999, 9.5};
    if (rng() % 3 == 0) return kSpecial[rng() % std::size(kSpecial)];
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, 8);
    if (rng() % 2 == 0)
        d = static_cast<double>(static_cast<int64_t>(rng() % 2000000) - 1000000) / 1000.0;
    return d;
}

}  // namespace

TEST_CASE("format differential: random specs vs python3's format()" * doctest::timeout(300)) {
    std::mt19937_64 rng(31337);
    std::string input;
    std::vector<std::string> ours, what;
    const int n = 30000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        const std::string spec = random_spec(rng);
        std::string line, result;
        Result<std::string> r;
        switch (rng() % 4) {
            case 0: {
                const int64_t v = static_cast<int64_t>(rng()) >> (rng() % 64);
                r = format_int(v, spec);
                line = "int " + std::to_string(v);
                break;
            }
            case 1: {
                BigInt v =
                    pow(BigInt::from_int64(7), BigInt::from_int64(static_cast<int64_t>(rng() % 60)))
                        .value;
                if (rng() % 2) v = -v;
                r = format_int(v, spec);
                line = "int " + v.to_decimal().value;
                break;
            }
            case 2: {
                const double d = random_double(rng);
                uint64_t bits;
                std::memcpy(&bits, &d, 8);
                r = format_float(d, spec);
                line = "float " + std::to_string(bits);
                break;
            }
            default: {
                static const char* kTexts[] = {"",
                                               "a",
                                               "hello",
                                               "h\xc3\xa9llo",
                                               "\xf0\x9f\x98\x80x",
                                               "tab\there",
                                               "\xe4\xb8\xad\xe6\x96\x87"};
                const char* t = kTexts[rng() % std::size(kTexts)];
                r = format_str(t, spec);
                line = "str " + hex_of(t);
                break;
            }
        }
        line += " " + hex_of(spec);
        input += line + "\n";
        what.push_back(line);
        ours.push_back(r.ok() ? hex_of(r.value)
                              : std::string("E:") + exc_type_name(r.error.type) + ":" +
                                    r.error.message);
    }
    const char* script = R"PY(
import sys, struct
out = []
for line in sys.stdin:
    kind, v, spec = line.split()
    spec = bytes.fromhex(spec[1:]).decode()
    if kind == 'int': v = int(v)
    elif kind == 'float': v = struct.unpack('<d', struct.pack('<Q', int(v)))[0]
    else: v = bytes.fromhex(v[1:]).decode()
    try:
        out.append('x' + format(v, spec).encode().hex())
    except Exception as e:
        out.append('E:%s:%s' % (type(e).__name__, e))
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

#endif  // __EMSCRIPTEN__
