// Random printf-style formats and argument tuples against python3's `format % args`
// (native only).
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "test_num_percent.hpp"
#include "test_num_python.hpp"

using namespace interleave::python;
using num_test::PyVal;
using num_test::TestArgs;

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

std::string random_conversion(std::mt19937_64& rng, bool bytes = false) {
    static const char* kFlags[] = {"", "", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- "};
    static const char* kWidths[] = {"", "", "", "1", "5", "10", "*", "03"};
    static const char* kPrecs[] = {"", "", "", ".0", ".2", ".5", ".*", "."};
    static const char* kTypes[] = {"d", "i", "u", "o", "x", "X", "e", "E", "f",  "F", "g",
                                   "G", "c", "s", "r", "a", "%", "y", "l", "hd", ""};
    std::string s = "%";
    s += kFlags[rng() % std::size(kFlags)];
    s += kWidths[rng() % std::size(kWidths)];
    s += kPrecs[rng() % std::size(kPrecs)];
    s += bytes && rng() % 8 == 0 ? "b" : kTypes[rng() % std::size(kTypes)];
    return s;
}

// No big ints when the format has a '*': python would try to allocate a width of 3**80.
PyVal random_value(std::mt19937_64& rng, std::string* code, bool star) {
    uint64_t pick = rng() % 6;
    if (star && pick == 1) pick = 5;
    switch (pick) {
        case 0: {
            const int64_t v = static_cast<int64_t>(rng() % 2001) - 1000;
            *code = "i:" + std::to_string(v);
            return v;
        }
        case 1: {
            BigInt v =
                pow(BigInt::from_int64(3), BigInt::from_int64(static_cast<int64_t>(rng() % 90)))
                    .value;
            if (rng() % 2) v = -v;
            *code = "i:" + v.to_decimal().value;
            return v;
        }
        case 2: {
            static const double kD[] = {0.0,  -0.0,       1.5,      -2.25, 3.14159, 1e20,
                                        1e-7, 123456.789, INFINITY, NAN,   65.0,    0.5};
            const double d = kD[rng() % std::size(kD)];
            uint64_t bits;
            std::memcpy(&bits, &d, 8);
            *code = "f:" + std::to_string(bits);
            return d;
        }
        case 3: {
            static const char* kS[] = {"",     "a", "ab", "h\xc3\xa9llo", "it's", "\xe2\x82\xac",
                                       "tab\t"};
            const std::string s = kS[rng() % std::size(kS)];
            *code = "s:" + hex_of(s);
            return s;
        }
        case 4: {
            const bool b = rng() % 2;
            *code = b ? "b:1" : "b:0";
            return b;
        }
        default: {
            const int64_t v = static_cast<int64_t>(rng() % 200);  // small: valid %c and * values
            *code = "i:" + std::to_string(v);
            return v;
        }
    }
}

// A bytes value for bytes formatting (its kind 'y', hex data).
PyVal random_bytes(std::mt19937_64& rng, std::string* code) {
    static const char* kB[] = {"", "a", "xyz", "\xff\x00", "%", "\x80q"};
    const std::string b = kB[rng() % std::size(kB)];
    *code = "y:" + hex_of(b);
    return num_test::BytesVal{b};
}

// python3's side: each line is a format (hex) and its arguments (codes as random_value and
// random_bytes write them); prints each result as hex, or E:<type>:<message>. BYTES = True
// formats bytes, else str.
const char* const kReferenceScript = R"PY(
import sys, struct
out = []
for line in sys.stdin:
    parts = line.split()
    fmt = bytes.fromhex(parts[0][1:])
    if not BYTES:
        fmt = fmt.decode()
    vals = []
    for code in parts[2:]:
        k, v = code.split(':', 1)
        if k == 'i': vals.append(int(v))
        elif k == 'f': vals.append(struct.unpack('<d', struct.pack('<Q', int(v)))[0])
        elif k == 's': vals.append(bytes.fromhex(v[1:]).decode())
        elif k == 'y': vals.append(bytes.fromhex(v[1:]))
        else: vals.append(v == '1')
    args = vals[0] if parts[1] == 'single' else tuple(vals)
    try:
        r = fmt % args
        out.append('x' + (r if BYTES else r.encode()).hex())
    except Exception as e:
        out.append('E:%s:%s' % (type(e).__name__, e))
sys.stdout.write('\n'.join(out) + '\n')
)PY";

// n random formats with random arguments, formatted by percent_format (or _bytes) and by
// python3, compared line by line.
void compare_random_formats(uint64_t seed, int n, bool bytes) {
    std::mt19937_64 rng(seed);
    std::string input;
    std::vector<std::string> ours, what;
    for (int i = 0; i < n; ++i) {
        std::string format = rng() % 4 == 0 ? (bytes ? "x\xe9=" : "x=") : "";
        const int convs = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < convs; ++k)
            format += random_conversion(rng, bytes) + (rng() % 2 ? " " : "");
        TestArgs args;
        std::string codes;
        const int nargs = static_cast<int>(rng() % 5);
        for (int k = 0; k < nargs; ++k) {
            std::string code;
            const bool star = format.find('*') != std::string::npos;
            args.items.push_back(bytes && rng() % 4 == 0 ? random_bytes(rng, &code)
                                                         : random_value(rng, &code, star));
            codes += " " + code;
        }
        const bool single = nargs == 1 && rng() % 2 == 0;
        if (single) args.shape = TestArgs::Shape::single;
        Result<std::string> r =
            bytes ? percent_format_bytes(format, args) : percent_format(format, args);
        const std::string line = hex_of(format) + (single ? " single" : " tuple") + codes;
        input += line + "\n";
        what.push_back(line);
        ours.push_back(r.ok() ? hex_of(r.value)
                              : std::string("E:") + exc_type_name(r.error.type) + ":" +
                                    r.error.message);
    }
    const std::string script =
        std::string("BYTES = ") + (bytes ? "True" : "False") + "\n" + kReferenceScript;
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

}  // namespace

TEST_CASE("percent differential: random formats vs python3's str %" * doctest::timeout(300)) {
    compare_random_formats(2718, 30000 / num_test::kScale, false);
}

TEST_CASE("percent differential: random formats vs python3's bytes %" * doctest::timeout(300)) {
    compare_random_formats(3141, 20000 / num_test::kScale, true);
}

#endif  // __EMSCRIPTEN__
