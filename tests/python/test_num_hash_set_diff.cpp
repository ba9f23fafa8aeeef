// Hashes of random strings/bytes/tuples/frozensets and random set-operation sequences replayed
// by python3 with PYTHONHASHSEED=0 (native only): every hash and every set's iteration order
// after every step must be CPython's.
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <variant>

#include "python/num/hash.hpp"
#include "python/num/int_ops.hpp"
#include "python/num/set_algebra.hpp"
#include "python/num/utf8.hpp"
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

std::string random_text(std::mt19937_64& rng) {
    static const char32_t kRanges[][2] = {{'a', 'z'},         {0x20, 0x7E},    {0xA0, 0xFF},
                                          {0x100, 0x7FF},     {0x800, 0xD7FF}, {0xE000, 0xFFFF},
                                          {0x10000, 0x10FFFF}};
    std::string s;
    const int len = static_cast<int>(rng() % 24);
    const size_t range_limit = 1 + rng() % std::size(kRanges);  // mix widths per string
    for (int i = 0; i < len; ++i) {
        const auto& r = kRanges[rng() % range_limit];
        utf8_append(s, r[0] + static_cast<char32_t>(rng() % (r[1] - r[0] + 1)));
    }
    return s;
}

using Key = std::variant<int64_t, std::string>;

int64_t key_hash(const Key& k) {
    if (auto* i = std::get_if<int64_t>(&k)) return hash_int64(*i);
    return hash_str(std::get<std::string>(k));
}

int key_eq(const Key& a, const Key& b) {
    return a == b ? 1 : 0;
}

std::string enc(const Key& k) {
    if (auto* i = std::get_if<int64_t>(&k)) return std::to_string(*i);
    return hex_of(std::get<std::string>(k));
}

std::string show(const SetTable<Key>& s) {
    std::string out = "[";
    for (const Key& k : s.keys()) out += enc(k) + ",";
    return out + "]";
}

}  // namespace

TEST_CASE("hash differential: str, bytes, tuple, frozenset vs python3" * doctest::timeout(300)) {
    std::mt19937_64 rng(1234);
    std::string input;
    std::vector<std::string> ours, what;
    const int n = 20000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        const std::string s = random_text(rng);
        std::string line = "s " + hex_of(s);
        input += line + "\n";
        what.push_back(line);
        ours.push_back(std::to_string(hash_str(s)));
        line = "b " + hex_of(s);
        input += line + "\n";
        what.push_back(line);
        ours.push_back(std::to_string(hash_bytes(s)));
        // A tuple and a frozenset of ints and strs.
        std::vector<int64_t> hashes;
        std::string items;
        const int count = static_cast<int>(rng() % 6);
        for (int k = 0; k < count; ++k) {
            if (rng() % 2) {
                const int64_t v = static_cast<int64_t>(rng()) >> (rng() % 64);
                hashes.push_back(hash_int64(v));
                items += " i" + std::to_string(v);
            } else {
                const std::string t = random_text(rng);
                hashes.push_back(hash_str(t));
                items += " s" + hex_of(t);
            }
        }
        line = "t" + items;
        input += line + "\n";
        what.push_back(line);
        ours.push_back(std::to_string(hash_tuple(hashes.data(), hashes.size())));
        line = "f" + items;
        input += line + "\n";
        what.push_back(line);
        // Duplicates collapse in a frozenset: hash the distinct items only.
        std::map<std::string, int64_t> distinct;
        size_t pos = 0;
        for (size_t k = 0; k < hashes.size(); ++k) {
            const size_t next = items.find(' ', pos + 1);
            distinct[items.substr(pos + 1, next - pos - 1)] = hashes[k];
            pos = next;
        }
        std::vector<int64_t> dh;
        for (auto& [_, h] : distinct) dh.push_back(h);
        ours.push_back(std::to_string(hash_frozenset(dh.data(), dh.size())));
    }
    const char* script = R"PY(
import sys
def item(t): return int(t[1:]) if t[0] == 'i' else bytes.fromhex(t[2:]).decode()
out = []
for line in sys.stdin:
    p = line.split()
    if p[0] == 's': out.append(str(hash(bytes.fromhex(p[1][1:]).decode())))
    elif p[0] == 'b': out.append(str(hash(bytes.fromhex(p[1][1:]))))
    elif p[0] == 't': out.append(str(hash(tuple(item(t) for t in p[1:]))))
    else: out.append(str(hash(frozenset(item(t) for t in p[1:]))))
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

TEST_CASE("set differential: random operation sequences vs python3" * doctest::timeout(300)) {
    std::mt19937_64 rng(77);
    std::string input;
    std::vector<std::string> ours, what;
    static const char* kStrs[] = {"a",  "b",  "c",  "apple",    "banana",
                                  "x",  "y",  "zz", "\xc3\xa9", "\xe2\x82\xac",
                                  "k1", "k2", "k3", "k4"};
    auto random_key = [&](int64_t range) -> Key {
        if (rng() % 3 == 0) return std::string(kStrs[rng() % std::size(kStrs)]);
        int64_t v = static_cast<int64_t>(rng() % static_cast<uint64_t>(range));
        if (rng() % 10 == 0) v = -v;
        if (rng() % 20 == 0) v += int64_t(1) << 40;
        return v;
    };
    const int sequences = 300 / num_test::kScale;
    for (int seq = 0; seq < sequences; ++seq) {
        SetTable<Key> a, b;
        const int64_t range = seq % 3 == 0 ? 16 : (seq % 3 == 1 ? 200 : 5000);
        input += "reset\n";
        const int steps = 60;
        for (int step = 0; step < steps; ++step) {
            std::string line;
            std::string extra;
            const uint64_t op = rng() % 22;
            if (op < 6) {
                const int count = 1 + static_cast<int>(rng() % (range > 100 ? 40 : 4));
                line = "add";
                for (int k = 0; k < count; ++k) {
                    Key key = random_key(range);
                    line += " " + enc(key);
                    REQUIRE(a.add(key, key_hash(key), key_eq) != SetStatus::error);
                }
            } else if (op < 9) {
                const int count = 1 + static_cast<int>(rng() % 6);
                line = "discard";
                for (int k = 0; k < count; ++k) {
                    Key key = random_key(range);
                    line += " " + enc(key);
                    REQUIRE(a.discard(key, key_hash(key), key_eq) != SetStatus::error);
                }
            } else if (op == 9) {
                line = "pop";
                Key k;
                extra = a.pop(&k) ? enc(k) : "empty";
            } else if (op == 10) {
                const int count = static_cast<int>(rng() % (range > 100 ? 60 : 6));
                line = "newb";
                SetTable<Key> nb;
                for (int k = 0; k < count; ++k) {
                    Key key = random_key(range);
                    line += " " + enc(key);
                    REQUIRE(nb.add(key, key_hash(key), key_eq) != SetStatus::error);
                }
                b = nb;
            } else {
                static const char* kOps[] = {"or",  "ror",  "and", "rand", "sub", "rsub",
                                             "xor", "rxor", "ior", "iand", "isub"};
                line = kOps[op - 11];
                SetTable<Key> r;
                if (line == "or") REQUIRE(set_union(a, b, &r, key_eq) == SetStatus::ok);
                if (line == "ror") REQUIRE(set_union(b, a, &r, key_eq) == SetStatus::ok);
                if (line == "and") REQUIRE(set_intersection(a, b, &r, key_eq) == SetStatus::ok);
                if (line == "rand") REQUIRE(set_intersection(b, a, &r, key_eq) == SetStatus::ok);
                if (line == "sub") REQUIRE(set_difference(a, b, &r, key_eq) == SetStatus::ok);
                if (line == "rsub") REQUIRE(set_difference(b, a, &r, key_eq) == SetStatus::ok);
                if (line == "xor")
                    REQUIRE(set_symmetric_difference(a, b, &r, key_eq) == SetStatus::ok);
                if (line == "rxor")
                    REQUIRE(set_symmetric_difference(b, a, &r, key_eq) == SetStatus::ok);
                if (line[0] != 'i') a = r;
                if (line == "ior") REQUIRE(a.merge(b, key_eq) == SetStatus::ok);
                if (line == "iand") REQUIRE(set_intersection_update(a, b, key_eq) == SetStatus::ok);
                if (line == "isub") REQUIRE(set_difference_update(a, b, key_eq) == SetStatus::ok);
                if (rng() % 8 == 0) {  // sometimes the symmetric in-place form instead
                    line += " ixor";
                    REQUIRE(set_symmetric_difference_update(a, b, key_eq) == SetStatus::ok);
                }
            }
            input += line + "\n";
            what.push_back("sequence " + std::to_string(seq) + " step " + std::to_string(step) +
                           ": " + line.substr(0, 200));
            ours.push_back(extra + show(a) + show(b));
        }
    }
    const char* script = R"PY(
import sys
def key(t): return bytes.fromhex(t[1:]).decode() if t[0] == 'x' else int(t)
def enc(k): return 'x' + k.encode().hex() if isinstance(k, str) else str(k)
def show(s): return '[' + ''.join(enc(k) + ',' for k in s) + ']'
out = []
a = b = None
for line in sys.stdin:
    p = line.split()
    op = p[0]
    extra = ''
    if op == 'reset':
        a, b = set(), set()
        continue
    if op == 'add':
        for t in p[1:]: a.add(key(t))
    elif op == 'discard':
        for t in p[1:]: a.discard(key(t))
    elif op == 'pop':
        extra = enc(a.pop()) if a else 'empty'
    elif op == 'newb':
        b = set()
        for t in p[1:]: b.add(key(t))
    else:
        if op == 'or': a = a | b
        elif op == 'ror': a = b | a
        elif op == 'and': a = a & b
        elif op == 'rand': a = b & a
        elif op == 'sub': a = a - b
        elif op == 'rsub': a = b - a
        elif op == 'xor': a = a ^ b
        elif op == 'rxor': a = b ^ a
        elif op == 'ior': a |= b
        elif op == 'iand': a &= b
        elif op == 'isub': a -= b
        if len(p) > 1: a ^= b
    out.append(extra + show(a) + show(b))
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

TEST_CASE("set differential: a large set through the used > 50000 growth rule" *
          doctest::timeout(300)) {
    SetTable<Key> s;
    std::mt19937_64 rng(5);
    std::string input;
    const int n = 60000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        const int64_t v = static_cast<int64_t>(rng() % 1000000);
        REQUIRE(s.add(Key{v}, hash_int64(v), key_eq) != SetStatus::error);
        input += std::to_string(v) + "\n";
    }
    const char* script = R"PY(
import sys
s = set()
for line in sys.stdin: s.add(int(line))
print(','.join(str(k) for k in s))
)PY";
    auto out = num_test::run_python(script, input);
    if (!out) return;
    std::string ours;
    for (const Key& k : s.keys())
        ours += (ours.empty() ? "" : ",") + std::to_string(std::get<int64_t>(k));
    REQUIRE(out->size() == 1);
    CHECK((*out)[0] == ours);
}

TEST_CASE("set differential: displays of constants vs python3's compiled {...}" *
          doctest::timeout(300)) {
    std::mt19937_64 rng(9);
    static const char* kStrs[] = {"a", "b",  "apple", "banana",   "k1",
                                  "_", "A9", "x y",   "\xc3\xa9", "a-b"};
    std::string input;
    std::vector<std::string> ours, what;
    const int n = 3000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        std::vector<std::pair<Key, int64_t>> items;
        std::string line;
        bool name_strings = false;
        const int count = 3 + static_cast<int>(rng() % 30);
        for (int k = 0; k < count; ++k) {
            Key key;
            if (rng() % 2) {
                key = static_cast<int64_t>(rng() % 100000) - 50;
            } else {
                const std::string str = kStrs[rng() % std::size(kStrs)];
                // In the script's process only the one-character names are interned already.
                name_strings = name_strings || str == "a" || str == "b" || str == "_";
                key = str;
            }
            line += " " + enc(key);
            items.emplace_back(key, key_hash(key));
        }
        input += line + "\n";
        what.push_back(line);
        ours.push_back(show(constant_set_display(items, name_strings, key_eq)));
    }
    const char* script = R"PY(
import sys
def key(t): return bytes.fromhex(t[1:]).decode() if t[0] == 'x' else int(t)
def enc(k): return 'x' + k.encode().hex() if isinstance(k, str) else str(k)
out = []
for line in sys.stdin:
    src = '{' + ', '.join(repr(key(t)) for t in line.split()) + '}'
    out.append('[' + ''.join(enc(k) + ',' for k in eval(src)) + ']')
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

#endif  // __EMSCRIPTEN__
