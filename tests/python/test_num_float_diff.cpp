// float text and arithmetic against python3 (native only): repr of a million random bit
// patterns and every power of two, float(text), round, // % divmod **, hash, hex/fromhex,
// as_integer_ratio.
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <random>

#include "python/num/float_format.hpp"
#include "python/num/float_ops.hpp"
#include "test_num_python.hpp"

using namespace interleave::python;

namespace {

double from_bits(uint64_t b) {
    double d;
    std::memcpy(&d, &b, 8);
    return d;
}

uint64_t to_bits(double d) {
    uint64_t b;
    std::memcpy(&b, &d, 8);
    return b;
}

std::string bits_text(double d) {
    return std::to_string(to_bits(d));
}

std::string err(const Error& e) {
    return std::string("E:") + exc_type_name(e.type) + ":" + e.message;
}

// Doubles worth testing: random bit patterns, "nice" decimals, integers, near powers of two.
double random_double(std::mt19937_64& rng) {
    switch (rng() % 6) {
        case 0:
        case 1:
            return from_bits(rng());
        case 2:
            return static_cast<double>(static_cast<int64_t>(rng() % 2000001) - 1000000) /
                   std::pow(10.0, static_cast<double>(rng() % 8));
        case 3:
            return std::ldexp(1.0, static_cast<int>(rng() % 2098) - 1074) *
                   (rng() % 2 ? 1.0 : -1.0);
        case 4:
            return static_cast<double>(static_cast<int64_t>(rng() % 100000) - 50000) * 0.5;
        default:
            return std::nextafter(static_cast<double>(rng() % 1000), rng() % 2 ? 1e9 : -1e9);
    }
}

const char* kScript = R"PY(
import sys, struct, math
def f(b): return struct.unpack('<d', struct.pack('<Q', int(b)))[0]
def bits(x): return str(struct.unpack('<Q', struct.pack('<d', x))[0])
out = []
for line in sys.stdin:
    p = line.split()
    op = p[0]
    try:
        if op == 'repr': r = repr(f(p[1]))
        elif op == 'parse': r = bits(float(bytes.fromhex(p[1][1:]).decode('utf-8')))
        elif op == 'round': r = bits(round(f(p[1]), int(p[2])))
        elif op == 'roundint': r = str(round(f(p[1])))
        elif op == 'mod': r = bits(f(p[1]) % f(p[2]))
        elif op == 'floordiv': r = bits(f(p[1]) // f(p[2]))
        elif op == 'divmod': q, m = divmod(f(p[1]), f(p[2])); r = bits(q) + ',' + bits(m)
        elif op == 'pow':
            v = f(p[1]) ** f(p[2])
            r = 'complex' if isinstance(v, complex) else bits(v)
        elif op == 'hash': r = str(hash(f(p[1])))
        elif op == 'hex': r = f(p[1]).hex()
        elif op == 'fromhex': r = bits(float.fromhex(p[1]))
        elif op == 'ratio': a, b = f(p[1]).as_integer_ratio(); r = '%d/%d' % (a, b)
        elif op == 'cmp':
            x = f(p[2]); a = int(p[1])
            r = 'U' if x != x else str((a > x) - (a < x))
        else: raise SystemExit('bad op ' + op)
    except Exception as e:
        r = 'E:%s:%s' % (type(e).__name__, e)
        if str(e) == 'complex exponentiation': r = 'complex'  # complex pow overflowed
    out.append(r)
sys.stdout.write('\n'.join(out) + '\n')
)PY";

struct Cases {
    std::string input;
    std::vector<std::string> ours, what;
    void add(std::string line, std::string result) {
        input += line + "\n";
        what.push_back(std::move(line));
        ours.push_back(std::move(result));
    }
    void run() {
        auto out = num_test::run_python(kScript, input);
        if (out) num_test::compare_lines(*out, ours, what);
    }
};

std::string hex_of(std::string_view s) {
    static const char* d = "0123456789abcdef";
    std::string h = "x";
    for (unsigned char c : s) {
        h += d[c >> 4];
        h += d[c & 15];
    }
    return h;
}

}  // namespace

TEST_CASE("float differential: repr of a million doubles vs python3" * doctest::timeout(600)) {
    std::mt19937_64 rng(42);
    Cases cases;
    for (int e = -1074; e <= 1023; ++e) {  // every power of two (asymmetric rounding interval)
        const double p = std::ldexp(1.0, e);
        cases.add("repr " + bits_text(p), float_repr(p));
    }
    const double specials[] = {0.0,           -0.0,   INFINITY, -INFINITY, std::nan(""),
                               -std::nan(""), 1e16,   1e-5,     0.1 + 0.2, 1e22,
                               1e23,          5e-324, DBL_MAX,  2e16 + 8,  123456789012345680.0};
    for (double d : specials) cases.add("repr " + bits_text(d), float_repr(d));
    const int n = 1000000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        const double d = random_double(rng);
        cases.add("repr " + bits_text(d), float_repr(d));
    }
    cases.run();
}

TEST_CASE("float differential: float(text) vs python3" * doctest::timeout(300)) {
    std::mt19937_64 rng(5);
    static const char* kPieces[] = {"0",
                                    "1",
                                    "5",
                                    "9",
                                    "12",
                                    "0000",
                                    ".",
                                    ".",
                                    "e",
                                    "E",
                                    "-",
                                    "+",
                                    "_",
                                    "__",
                                    " ",
                                    "\t",
                                    "inf",
                                    "INF",
                                    "inity",
                                    "nan",
                                    "NaN",
                                    "x",
                                    "e308",
                                    "e-320",
                                    "e400",
                                    "\xd9\xa3",
                                    "\xe3\x80\x80",
                                    "\xc3\xa9",
                                    "'",
                                    "1e",
                                    "0x1",
                                    "99999999999999999999",
                                    "\xc2\xa0"};
    Cases cases;
    const int n = 40000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        std::string text;
        if (rng() % 3 == 0) {
            // A repr or a long literal of a random double, sometimes with spaces.
            text = float_repr(random_double(rng));
            if (rng() % 4 == 0) text = " " + text + "\n";
        } else {
            const int pieces = static_cast<int>(rng() % 6);
            for (int k = 0; k < pieces; ++k) text += kPieces[rng() % std::size(kPieces)];
        }
        Result<double> r = parse_float(text);
        cases.add("parse " + hex_of(text), r.ok() ? bits_text(r.value) : err(r.error));
    }
    cases.run();
}

TEST_CASE("float differential: round, // % divmod **, hash, hex, ratio vs python3" *
          doctest::timeout(300)) {
    std::mt19937_64 rng(99);
    Cases cases;
    const int n = 20000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        const double a = random_double(rng), b = random_double(rng);
        const std::string ab = bits_text(a) + " " + bits_text(b);
        const int64_t nd = static_cast<int64_t>(rng() % 40) - 20 + (rng() % 50 == 0 ? 300 : 0);
        Result<double> rd = float_round(a, nd);
        cases.add("round " + bits_text(a) + " " + std::to_string(nd),
                  rd.ok() ? bits_text(rd.value) : err(rd.error));
        Result<BigInt> ri = float_round_to_int(a);
        cases.add("roundint " + bits_text(a),
                  ri.ok() ? ri.value.to_decimal(0).value : err(ri.error));
        Result<double> m = float_mod(a, b);
        cases.add("mod " + ab, m.ok() ? bits_text(m.value) : err(m.error));
        Result<double> fd = float_floordiv(a, b);
        cases.add("floordiv " + ab, fd.ok() ? bits_text(fd.value) : err(fd.error));
        Result<FloatDivMod> dm = float_divmod(a, b);
        cases.add("divmod " + ab,
                  dm.ok() ? bits_text(dm.value.quotient) + "," + bits_text(dm.value.remainder)
                          : err(dm.error));
        // Powers with small exponents (and some wild ones).
        const double e = rng() % 3 == 0 ? b
                                        : static_cast<double>(static_cast<int>(rng() % 9) - 4) /
                                              (rng() % 2 ? 1 : 2);
        bool complex_result = false;
        Result<double> pw = float_pow(a, e, &complex_result);
        cases.add("pow " + bits_text(a) + " " + bits_text(e),
                  complex_result ? "complex" : (pw.ok() ? bits_text(pw.value) : err(pw.error)));
        if (!std::isnan(a)) cases.add("hash " + bits_text(a), std::to_string(hash_double(a)));
        cases.add("hex " + bits_text(a), float_hex(a));
        Result<double> fh = float_fromhex(float_hex(a));
        cases.add("fromhex " + float_hex(a), fh.ok() ? bits_text(fh.value) : err(fh.error));
        Result<IntegerRatio> ratio = float_as_integer_ratio(a);
        cases.add("ratio " + bits_text(a), ratio.ok()
                                               ? ratio.value.numerator.to_decimal(0).value + "/" +
                                                     ratio.value.denominator.to_decimal(0).value
                                               : err(ratio.error));
        const int64_t ia = static_cast<int64_t>(rng()) >> (rng() % 64);
        const double near = static_cast<double>(ia) * (rng() % 2 ? 1.0 : 1.0000000001);
        const int c = compare_int64_double(ia, near);
        cases.add("cmp " + std::to_string(ia) + " " + bits_text(near),
                  c == 2 ? "U" : std::to_string(c));
    }
    // fromhex on hand-written texts: rounding of long mantissas, subnormals, overflow, errors.
    const char* hex_texts[] = {"0x1.fffffffffffff8p1023",
                               "0x1.fffffffffffff7p1023",
                               "0x1p-1074",
                               "0x1p-1075",
                               "0x1.8p-1074",
                               "0x3p-1076",
                               "-0x0p0",
                               " 0X1P+3 ",
                               "1.8",
                               "0x.8",
                               "0x",
                               "0x1p",
                               "inf",
                               "-Infinity",
                               "nan",
                               "0x1g",
                               "0x1.0000000000000800000001p0",
                               "0x1.00000000000008p0",
                               "0x1p99999999999999999999"};
    for (const char* t : hex_texts) {
        Result<double> fh = float_fromhex(t);
        std::string shown = t;
        if (shown.find(' ') != std::string::npos) continue;  // the input format is space-split
        cases.add(std::string("fromhex ") + t, fh.ok() ? bits_text(fh.value) : err(fh.error));
    }
    cases.run();
}

#endif  // __EMSCRIPTEN__
