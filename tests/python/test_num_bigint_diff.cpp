// BigInt against python3 on random operands (native only): every operation's result, or the
// exception type and message, must equal CPython 3.11's.
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "python/num/bigint.hpp"
#include "python/num/utf8.hpp"
#include "test_num_python.hpp"

using namespace interleave::python;

namespace {

// Random ints of varied sizes: small, around 32/64-bit edges, and up to ~3000 bits.
BigInt random_int(std::mt19937_64& rng) {
    static const int kSizes[] = {0, 1, 5, 31, 32, 33, 53, 63, 64, 65, 96, 128, 200, 1100, 3000};
    int bits = kSizes[rng() % std::size(kSizes)];
    if (rng() % 3 == 0) bits = static_cast<int>(rng() % 400);
    std::vector<uint32_t> limbs((static_cast<size_t>(bits) + 31) / 32);
    for (auto& l : limbs) l = static_cast<uint32_t>(rng());
    if (bits % 32 != 0 && !limbs.empty()) limbs.back() &= (1u << (bits % 32)) - 1;
    if (rng() % 4 == 0 && !limbs.empty()) limbs[0] = 0xFFFFFFFFu;  // carries
    return BigInt::from_limbs(std::move(limbs), rng() % 2 == 0);
}

std::string hex(const BigInt& v) {
    return v.to_base(16);
}

std::string err(const Error& e) {
    return std::string("E:") + exc_type_name(e.type) + ":" + e.message;
}

template <class T, class F>
std::string show(const Result<T>& r, F f) {
    return r.ok() ? f(r.value) : err(r.error);
}

std::string double_bits(double d) {
    int64_t b;
    std::memcpy(&b, &d, 8);
    return std::to_string(b);
}

const char* kScript = R"PY(
import sys, struct
def bits(x): return str(struct.unpack('<q', struct.pack('<d', x))[0])
def run(op, a):
    if op == 'add': return hex(a[0] + a[1])
    if op == 'sub': return hex(a[0] - a[1])
    if op == 'mul': return hex(a[0] * a[1])
    if op == 'floordiv': return hex(a[0] // a[1])
    if op == 'mod': return hex(a[0] % a[1])
    if op == 'divmod': q, r = divmod(a[0], a[1]); return hex(q) + ',' + hex(r)
    if op == 'truediv': return bits(a[0] / a[1])
    if op == 'pow': return hex(a[0] ** a[1])
    if op == 'powmod': return hex(pow(a[0], a[1], a[2]))
    if op == 'lshift': return hex(a[0] << a[1])
    if op == 'rshift': return hex(a[0] >> a[1])
    if op == 'and': return hex(a[0] & a[1])
    if op == 'or': return hex(a[0] | a[1])
    if op == 'xor': return hex(a[0] ^ a[1])
    if op == 'invert': return hex(~a[0])
    if op == 'cmp': return str((a[0] > a[1]) - (a[0] < a[1]))
    if op == 'str': return str(a[0])
    if op == 'oct': return oct(a[0])
    if op == 'bin': return bin(a[0])
    if op == 'hash': return str(hash(a[0]))
    if op == 'float': return bits(float(a[0]))
    if op == 'bitlen': return str(a[0].bit_length())
    if op == 'round': return hex(round(a[0], a[1]))
    if op == 'cmpf':
        x = struct.unpack('<d', struct.pack('<q', a[1]))[0]
        return 'U' if x != x else str((a[0] > x) - (a[0] < x))
    raise SystemExit('unknown op ' + op)
for line in sys.stdin:
    parts = line.split()
    try:
        print(run(parts[0], [int(p, 16) for p in parts[1:]]))
    except Exception as e:
        print('E:%s:%s' % (type(e).__name__, e))
)PY";

struct Case {
    std::string line;
    std::string ours;
};

}  // namespace

TEST_CASE("bigint differential: arithmetic, bitwise, text, hash vs python3" *
          doctest::timeout(300)) {
    std::mt19937_64 rng(20240611);
    std::vector<Case> cases;
    const int n = 6000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        BigInt a = random_int(rng), b = random_int(rng);
        auto add_case = [&](const std::string& op, std::initializer_list<const BigInt*> args,
                            std::string ours) {
            std::string line = op;
            for (const BigInt* x : args) line += " " + hex(*x);
            cases.push_back({line, std::move(ours)});
        };
        add_case("add", {&a, &b}, hex(a + b));
        add_case("sub", {&a, &b}, hex(a - b));
        add_case("mul", {&a, &b}, show(mul(a, b), hex));
        add_case("floordiv", {&a, &b}, show(floordiv(a, b), hex));
        add_case("mod", {&a, &b}, show(mod(a, b), hex));
        add_case("divmod", {&a, &b}, show(divmod(a, b), [](const BigDivMod& d) {
                     return hex(d.quotient) + "," + hex(d.remainder);
                 }));
        add_case("truediv", {&a, &b}, show(true_divide(a, b), double_bits));
        add_case("and", {&a, &b}, hex(bit_and(a, b)));
        add_case("or", {&a, &b}, hex(bit_or(a, b)));
        add_case("xor", {&a, &b}, hex(bit_xor(a, b)));
        add_case("invert", {&a}, hex(bit_invert(a)));
        add_case("cmp", {&a, &b}, std::to_string(compare(a, b)));
        add_case("str", {&a}, show(a.to_decimal(), [](const std::string& s) { return s; }));
        add_case("oct", {&a}, a.to_base(8));
        add_case("bin", {&a}, a.to_base(2));
        add_case("hash", {&a}, std::to_string(a.hash()));
        add_case("float", {&a}, show(a.to_double(), double_bits));
        add_case("bitlen", {&a}, std::to_string(a.bit_length()));
        const BigInt s = BigInt::from_int64(static_cast<int64_t>(rng() % 300) - 20);
        add_case("lshift", {&a, &s}, show(lshift(a, s), hex));
        add_case("rshift", {&a, &s}, show(rshift(a, s), hex));
        const int64_t nd = static_cast<int64_t>(rng() % 45) - 42;
        const BigInt ndb = BigInt::from_int64(nd);
        add_case("round", {&a, &ndb}, show(round_int(a, nd), hex));
        const BigInt e = BigInt::from_int64(static_cast<int64_t>(rng() % 40));
        add_case("pow", {&a, &e}, show(pow(a, e), hex));
        const BigInt m =
            (rng() % 5 == 0) ? BigInt::from_int64(static_cast<int64_t>(rng() % 7) - 3) : b;
        const BigInt pe = rng() % 4 == 0 ? -e : e;
        add_case("powmod", {&a, &pe, &m}, show(pow_mod(a, pe, m), hex));
        // An int against a float near it (as bits): exact mixed comparison.
        double x = a.to_double().ok() ? a.to_double().value : 1e308;
        if (rng() % 3 == 0) x = std::nextafter(x, rng() % 2 ? INFINITY : -INFINITY);
        if (rng() % 50 == 0) x = std::nan("");
        int64_t xb;
        std::memcpy(&xb, &x, 8);
        const BigInt xbits = BigInt::from_int64(xb);
        const int c = compare_with_double(a, x);
        add_case("cmpf", {&a, &xbits}, c == 2 ? "U" : std::to_string(c));
    }
    std::string input;
    for (const Case& c : cases) input += c.line + "\n";
    auto out = num_test::run_python(kScript, input);
    if (!out) return;
    std::vector<std::string> ours, what;
    for (const Case& c : cases) {
        ours.push_back(c.ours);
        what.push_back(c.line);
    }
    num_test::compare_lines(*out, ours, what);
}

TEST_CASE("bigint differential: int(text, base) vs python3" * doctest::timeout(300)) {
    std::mt19937_64 rng(7);
    static const char* kPieces[] = {"0",
                                    "1",
                                    "7",
                                    "9",
                                    "a",
                                    "f",
                                    "z",
                                    "Z",
                                    "x",
                                    "X",
                                    "o",
                                    "b",
                                    "B",
                                    "_",
                                    "__",
                                    " ",
                                    "\t",
                                    "+",
                                    "-",
                                    "0x",
                                    "0o",
                                    "0b",
                                    "\xd9\xa3",
                                    "\xe3\x80\x80",
                                    "\xc3\xa9",
                                    "'",
                                    "\"",
                                    "\\",
                                    "\n",
                                    "\x7f",
                                    "\xef\xbc\x95",
                                    "\xf0\x9d\x9f\x8e"};
    static const int kBases[] = {0, 0, 0, 2, 8, 10, 10, 16, 36, 3, 1, 37, 7};
    std::vector<Case> cases;
    const int n = 20000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        std::string text;
        const int pieces = static_cast<int>(rng() % 7);
        for (int k = 0; k < pieces; ++k) text += kPieces[rng() % std::size(kPieces)];
        if (rng() % 40 == 0) text = std::string(rng() % 2 ? 4301 : 700, '7') + text;
        const int base = kBases[rng() % std::size(kBases)];
        Result<BigInt> r = BigInt::from_text(text, base);
        std::string hex_text;
        for (unsigned char ch : text) {
            static const char* d = "0123456789abcdef";
            hex_text += d[ch >> 4];
            hex_text += d[ch & 15];
        }
        cases.push_back(
            {std::to_string(base) + " x" + hex_text, r.ok() ? hex(r.value) : err(r.error)});
    }
    const char* script = R"PY(
import sys
for line in sys.stdin:
    base, h = line.split()
    s = bytes.fromhex(h[1:]).decode('utf-8')
    try:
        print(hex(int(s, int(base))))
    except Exception as e:
        print('E:%s:%s' % (type(e).__name__, e))
)PY";
    std::string input;
    for (const Case& c : cases) input += c.line + "\n";
    auto out = num_test::run_python(script, input);
    if (!out) return;
    std::vector<std::string> ours, what;
    for (const Case& c : cases) {
        ours.push_back(c.ours);
        what.push_back(c.line);
    }
    num_test::compare_lines(*out, ours, what);
}

#endif  // __EMSCRIPTEN__
