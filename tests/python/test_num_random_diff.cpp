// Random call sequences of every random-module function for many seeds, replayed by python3
// (native only); also SHA-512 of random texts against hashlib.
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "python/num/random_lib.hpp"
#include "python/num/sha512.hpp"
#include "test_num_python.hpp"

using namespace interleave::python;

namespace {

std::string bits(double d) {
    uint64_t b;
    std::memcpy(&b, &d, 8);
    return std::to_string(b);
}

template <class T>
std::string show(const Result<T>& r, std::string (*f)(const T&)) {
    return r.ok() ? f(r.value)
                  : std::string("E:") + exc_type_name(r.error.type) + ":" + r.error.message;
}

std::string list(const std::vector<uint64_t>& v) {
    std::string s = "[";
    for (uint64_t x : v) s += std::to_string(x) + ",";
    return s + "]";
}

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

TEST_CASE("random differential: call sequences for many seeds vs python3" * doctest::timeout(300)) {
    std::mt19937_64 rng(2024);
    std::string input;
    std::vector<std::string> ours, what;
    const int seeds = 120 / num_test::kScale + 4;
    for (int s = 0; s < seeds; ++s) {
        PyRandom r;
        std::string seed_line;
        switch (s % 5) {
            case 0: {
                const int64_t v = static_cast<int64_t>(rng() % 100000) - 500;
                r.seed(v);
                seed_line = "seed int " + std::to_string(v);
                break;
            }
            case 1: {
                BigInt v = pow(BigInt::from_int64(3),
                               BigInt::from_int64(static_cast<int64_t>(rng() % 200)))
                               .value;
                r.seed(v);
                seed_line = "seed int " + v.to_decimal().value;
                break;
            }
            case 2: {
                const std::string t =
                    "seed-" + std::to_string(rng() % 1000) + (s % 2 ? "\xc3\xa9" : "");
                r.seed_bytes(t);
                seed_line = "seed str " + hex_of(t);
                break;
            }
            case 3: {
                const double d = static_cast<double>(rng() % 100000) / 7.0;
                r.seed_float(d);
                seed_line = "seed float " + bits(d);
                break;
            }
            default: {
                const std::string t = std::to_string(rng());
                r.seed_bytes(t);
                seed_line = "seed bytes " + hex_of(t);
                break;
            }
        }
        input += seed_line + "\n";
        for (int step = 0; step < 40; ++step) {
            std::string line, out;
            const int64_t a = static_cast<int64_t>(rng() % 50) - 10;
            const int64_t b = static_cast<int64_t>(rng() % 100) - 10;
            const int64_t c = static_cast<int64_t>(rng() % 7) - 3;
            const double x = static_cast<double>(rng() % 1000) / 100.0 + 0.01;
            const double y = static_cast<double>(rng() % 1000) / 100.0 + 0.01;
            switch (rng() % 22) {
                case 0:
                    line = "random";
                    out = bits(r.random());
                    break;
                case 1: {
                    const int64_t k = static_cast<int64_t>(rng() % 200);
                    line = "getrandbits " + std::to_string(k);
                    out = r.getrandbits(k).value.to_decimal().value;
                    break;
                }
                case 2:
                    line = "randrange1 " + std::to_string(b);
                    out = show<int64_t>(r.randrange(b),
                                        [](const int64_t& v) { return std::to_string(v); });
                    break;
                case 3:
                    line = "randrange3 " + std::to_string(a) + " " + std::to_string(b) + " " +
                           std::to_string(c);
                    out = show<int64_t>(r.randrange(a, b, c),
                                        [](const int64_t& v) { return std::to_string(v); });
                    break;
                case 4:
                    line = "randint " + std::to_string(a) + " " + std::to_string(b);
                    out = show<int64_t>(r.randint(a, b),
                                        [](const int64_t& v) { return std::to_string(v); });
                    break;
                case 5: {
                    const BigInt big =
                        pow(BigInt::from_int64(10), BigInt::from_int64(30 + a)).value;
                    line = "randbig " + big.to_decimal().value;
                    out = r.randbelow(big).to_decimal().value;
                    break;
                }
                case 6: {
                    const uint64_t n = static_cast<uint64_t>(rng() % 12);
                    line = "shuffle " + std::to_string(n);
                    std::vector<uint64_t> l(n);
                    for (uint64_t i = 0; i < n; ++i) l[i] = i;
                    r.shuffle(n, [&](uint64_t i, uint64_t j) { std::swap(l[i], l[j]); });
                    out = list(l);
                    break;
                }
                case 7: {
                    const uint64_t n =
                        static_cast<uint64_t>(rng() % 3 == 0 ? rng() % 2000 : rng() % 40);
                    const int64_t k = static_cast<int64_t>(rng() % 30) - 2;
                    line = "sample " + std::to_string(n) + " " + std::to_string(k);
                    out = show<std::vector<uint64_t>>(
                        r.sample(n, k), [](const std::vector<uint64_t>& v) { return list(v); });
                    break;
                }
                case 8: {
                    const int64_t k = static_cast<int64_t>(rng() % 8);
                    line = "choices " + std::to_string(b > 0 ? b : 1) + " " + std::to_string(k);
                    out = list(r.choices(static_cast<uint64_t>(b > 0 ? b : 1), k));
                    break;
                }
                case 9: {
                    std::vector<double> cum;
                    std::string ws;
                    double acc = 0;
                    const int n = 1 + static_cast<int>(rng() % 6);
                    for (int i = 0; i < n; ++i) {
                        const int w = static_cast<int>(rng() % 5);
                        acc += w;
                        cum.push_back(acc);
                        ws += " " + std::to_string(w);
                    }
                    line = "wchoices" + ws;
                    out = show<std::vector<uint64_t>>(
                        r.choices_cum(cum.size(), cum, 6),
                        [](const std::vector<uint64_t>& v) { return list(v); });
                    break;
                }
                case 10: {
                    const std::vector<int64_t> counts = {static_cast<int64_t>(rng() % 4),
                                                         static_cast<int64_t>(rng() % 4), 2};
                    const int64_t k = static_cast<int64_t>(rng() % 5);
                    line = "counts " + std::to_string(counts[0]) + " " + std::to_string(counts[1]) +
                           " 2 " + std::to_string(k);
                    out = show<std::vector<uint64_t>>(
                        r.sample_counts(3, counts, k),
                        [](const std::vector<uint64_t>& v) { return list(v); });
                    break;
                }
                case 11:
                    line = "uniform " + bits(x) + " " + bits(y);
                    out = bits(r.uniform(x, y));
                    break;
                case 12:
                    line = "triangular " + bits(x) + " " + bits(y);
                    out = bits(r.triangular(x, y));
                    break;
                case 13:
                    line = "gauss " + bits(x) + " " + bits(y);
                    out = bits(r.gauss(x, y));
                    break;
                case 14:
                    line = "normalvariate " + bits(x) + " " + bits(y);
                    out = bits(r.normalvariate(x, y));
                    break;
                case 15:
                    line = "expovariate " + bits(x);
                    out = show<double>(r.expovariate(x), [](const double& v) { return bits(v); });
                    break;
                case 16:
                    line = "vonmises " + bits(x) + " " + bits(y);
                    out = bits(r.vonmisesvariate(x, y));
                    break;
                case 17: {
                    const double alpha = rng() % 3 == 0 ? 1.0 : (rng() % 2 ? x / 5 : x);
                    line = "gamma " + bits(alpha) + " " + bits(y);
                    out = show<double>(r.gammavariate(alpha, y),
                                       [](const double& v) { return bits(v); });
                    break;
                }
                case 18:
                    line = "beta " + bits(x) + " " + bits(y);
                    out =
                        show<double>(r.betavariate(x, y), [](const double& v) { return bits(v); });
                    break;
                case 19:
                    line = "pareto " + bits(x);
                    out = show<double>(r.paretovariate(x), [](const double& v) { return bits(v); });
                    break;
                case 20:
                    line = "weibull " + bits(x) + " " + bits(y);
                    out = show<double>(r.weibullvariate(x, y),
                                       [](const double& v) { return bits(v); });
                    break;
                default: {
                    const int64_t n = static_cast<int64_t>(rng() % 20);
                    line = "randbytes " + std::to_string(n);
                    out = hex_of(r.randbytes(n).value);
                    break;
                }
            }
            input += line + "\n";
            what.push_back(seed_line + " / step " + std::to_string(step) + ": " + line);
            ours.push_back(out);
        }
    }
    const char* script = R"PY(
import sys, random, struct
def f(b): return struct.unpack('<d', struct.pack('<Q', int(b)))[0]
def bits(x): return str(struct.unpack('<Q', struct.pack('<d', x))[0])
def lst(v): return '[' + ''.join(str(x) + ',' for x in v) + ']'
out = []
for line in sys.stdin:
    p = line.split()
    op = p[0]
    if op == 'seed':
        kind, v = p[1], p[2]
        if kind == 'int': random.seed(int(v))
        elif kind == 'str': random.seed(bytes.fromhex(v[1:]).decode())
        elif kind == 'bytes': random.seed(bytes.fromhex(v[1:]))
        else: random.seed(f(v))
        continue
    a = p[1:]
    try:
        if op == 'random': r = bits(random.random())
        elif op == 'getrandbits': r = str(random.getrandbits(int(a[0])))
        elif op == 'randrange1': r = str(random.randrange(int(a[0])))
        elif op == 'randrange3': r = str(random.randrange(int(a[0]), int(a[1]), int(a[2])))
        elif op == 'randint': r = str(random.randint(int(a[0]), int(a[1])))
        elif op == 'randbig': r = str(random.randrange(int(a[0])))
        elif op == 'shuffle': l = list(range(int(a[0]))); random.shuffle(l); r = lst(l)
        elif op == 'sample': r = lst(random.sample(range(int(a[0])), int(a[1])))
        elif op == 'choices': r = lst(random.choices(range(int(a[0])), k=int(a[1])))
        elif op == 'wchoices': w = [int(x) for x in a]; r = lst(random.choices(range(len(w)), weights=w, k=6))
        elif op == 'counts': r = lst(random.sample(range(3), counts=[int(a[0]), int(a[1]), int(a[2])], k=int(a[3])))
        elif op == 'uniform': r = bits(random.uniform(f(a[0]), f(a[1])))
        elif op == 'triangular': r = bits(random.triangular(f(a[0]), f(a[1])))
        elif op == 'gauss': r = bits(random.gauss(f(a[0]), f(a[1])))
        elif op == 'normalvariate': r = bits(random.normalvariate(f(a[0]), f(a[1])))
        elif op == 'expovariate': r = bits(random.expovariate(f(a[0])))
        elif op == 'vonmises': r = bits(random.vonmisesvariate(f(a[0]), f(a[1])))
        elif op == 'gamma': r = bits(random.gammavariate(f(a[0]), f(a[1])))
        elif op == 'beta': r = bits(random.betavariate(f(a[0]), f(a[1])))
        elif op == 'pareto': r = bits(random.paretovariate(f(a[0])))
        elif op == 'weibull': r = bits(random.weibullvariate(f(a[0]), f(a[1])))
        elif op == 'randbytes': r = 'x' + random.randbytes(int(a[0])).hex()
        else: raise SystemExit('bad op ' + op)
    except Exception as e:
        r = 'E:%s:%s' % (type(e).__name__, e)
    out.append(r)
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

TEST_CASE("sha512 differential: random texts vs hashlib" * doctest::timeout(300)) {
    std::mt19937_64 rng(11);
    std::string input;
    std::vector<std::string> ours, what;
    for (int i = 0; i < 500; ++i) {
        std::string t(rng() % 400, '\0');
        for (char& ch : t) ch = static_cast<char>(rng());
        const auto d = sha512(t);
        input += hex_of(t) + "\n";
        what.push_back(std::to_string(t.size()) + " bytes");
        ours.push_back(
            hex_of(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())).substr(1));
    }
    const char* script = R"PY(
import sys, hashlib
sys.stdout.write(''.join(hashlib.sha512(bytes.fromhex(l.strip()[1:])).hexdigest() + '\n' for l in sys.stdin))
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

#endif  // __EMSCRIPTEN__
