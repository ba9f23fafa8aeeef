// Every code point's predicates, case mappings and repr, random strings' case conversions and
// random bytes' UTF-8 decoding, against python3 (native only).
#ifndef __EMSCRIPTEN__

#include <doctest/doctest.h>

#include <random>

#include "python/num/str_case.hpp"
#include "python/num/str_repr.hpp"
#include "python/num/unicode_db.hpp"
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

}  // namespace

TEST_CASE("text differential: every code point vs python3" * doctest::timeout(600)) {
    // Sanitizer builds check every 17th code point (the same tables, fewer lines).
    const uint32_t stride = num_test::kScale == 1 ? 1 : 17;
    std::string input = std::to_string(stride) + "\n";
    std::vector<std::string> ours, what;
    for (uint32_t c = 0; c < 0x110000; c += stride) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;  // not in valid UTF-8 (a Python str may hold them)
        std::string ch;
        utf8_append(ch, c);
        std::string line;
        line += str_isalpha(ch) ? 'a' : '-';
        line += str_isdecimal(ch) ? 'd' : '-';
        line += str_isdigit(ch) ? 'g' : '-';
        line += str_isnumeric(ch) ? 'n' : '-';
        line += str_isspace(ch) ? 's' : '-';
        line += str_isprintable(ch) ? 'p' : '-';
        line += str_isupper(ch) ? 'U' : '-';
        line += str_islower(ch) ? 'L' : '-';
        line += str_istitle(ch) ? 'T' : '-';
        line += str_isalnum(ch) ? 'm' : '-';
        line += str_isidentifier(ch) ? 'i' : '-';
        line += str_isidentifier("a" + ch) ? 'c' : '-';
        line += " " + std::to_string(unicode_decimal_value(c));
        line += " " + hex_of(str_lower(ch)) + " " + hex_of(str_upper(ch)) + " " +
                hex_of(str_title(ch)) + " " + hex_of(str_casefold(ch)) + " " +
                hex_of(str_swapcase(ch)) + " " + hex_of(repr_str(ch)) + " " + hex_of(ascii_str(ch));
        ours.push_back(std::move(line));
        what.push_back("U+" + std::to_string(c));
    }
    const char* script = R"PY(
import sys, unicodedata
stride = int(sys.stdin.readline())
def h(s): return 'x' + s.encode('utf-8', 'surrogatepass').hex()
out = []
for c in range(0, 0x110000, stride):
    if 0xD800 <= c <= 0xDFFF: continue
    ch = chr(c)
    f = ''.join(k if t else '-' for k, t in (
        ('a', ch.isalpha()), ('d', ch.isdecimal()), ('g', ch.isdigit()), ('n', ch.isnumeric()),
        ('s', ch.isspace()), ('p', ch.isprintable()), ('U', ch.isupper()), ('L', ch.islower()),
        ('T', ch.istitle()), ('m', ch.isalnum()), ('i', ch.isidentifier()), ('c', ('a' + ch).isidentifier())))
    out.append('%s %d %s %s %s %s %s %s %s' % (f, unicodedata.decimal(ch, -1), h(ch.lower()), h(ch.upper()),
               h(ch.title()), h(ch.casefold()), h(ch.swapcase()), h(repr(ch)), h(ascii(ch))))
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

TEST_CASE("text differential: random strings' case conversions and predicates" *
          doctest::timeout(300)) {
    std::mt19937_64 rng(3);
    // Letters whose context matters: Greek sigma and cased/case-ignorable neighbours, titlecase
    // digraphs, special casings, combining marks, apostrophes, digits, spaces.
    static const char32_t kPool[] = {'a',   'B',    ' ',   '\'',  '.',   '1',    '_',     0x3A3,
                                     0x3C3, 0x3C2,  0x391, 0x3B1, 0x301, 0x345,  0xDF,    0xFB01,
                                     0x130, 0x131,  0x1C4, 0x1C5, 0x1C6, 0x2BC,  0x149,   0x1F88,
                                     0xAD,  0x2019, 0x660, 0xB2,  0xBD,  0x3000, 0x10400, 0x1E900};
    std::string input;
    std::vector<std::string> ours, what;
    const int n = 20000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        std::string s;
        const int len = static_cast<int>(rng() % 8);
        for (int k = 0; k < len; ++k) utf8_append(s, kPool[rng() % std::size(kPool)]);
        std::string line = hex_of(str_lower(s)) + " " + hex_of(str_upper(s)) + " " +
                           hex_of(str_title(s)) + " " + hex_of(str_capitalize(s)) + " " +
                           hex_of(str_swapcase(s)) + " " + hex_of(str_casefold(s)) + " ";
        line += str_isupper(s) ? 'U' : '-';
        line += str_islower(s) ? 'L' : '-';
        line += str_istitle(s) ? 'T' : '-';
        line += str_isidentifier(s) ? 'i' : '-';
        line += str_isspace(s) ? 's' : '-';
        line += str_isprintable(s) ? 'p' : '-';
        input += hex_of(s) + "\n";
        what.push_back(hex_of(s));
        ours.push_back(line);
    }
    const char* script = R"PY(
import sys
def h(s): return 'x' + s.encode().hex()
out = []
for line in sys.stdin:
    s = bytes.fromhex(line.strip()[1:]).decode()
    f = ''.join(k if t else '-' for k, t in (('U', s.isupper()), ('L', s.islower()), ('T', s.istitle()),
        ('i', s.isidentifier()), ('s', s.isspace()), ('p', s.isprintable())))
    out.append(' '.join([h(s.lower()), h(s.upper()), h(s.title()), h(s.capitalize()), h(s.swapcase()),
                         h(s.casefold()), f]))
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

TEST_CASE("utf8 differential: random bytes' decode errors vs python3" * doctest::timeout(300)) {
    std::mt19937_64 rng(8);
    static const unsigned char kBytes[] = {'a',  0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED,
                                           0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x90, 0x8F};
    std::string input;
    std::vector<std::string> ours, what;
    const int n = 20000 / num_test::kScale;
    for (int i = 0; i < n; ++i) {
        std::string b;
        const int len = static_cast<int>(rng() % 7);
        for (int k = 0; k < len; ++k)
            b.push_back(static_cast<char>(kBytes[rng() % std::size(kBytes)]));
        const Error e = utf8_check(b);
        input += hex_of(b) + "\n";
        what.push_back(hex_of(b));
        ours.push_back(e ? e.message : "ok " + std::to_string(utf8_length(b)));
    }
    const char* script = R"PY(
import sys
out = []
for line in sys.stdin:
    b = bytes.fromhex(line.strip()[1:])
    try:
        out.append('ok %d' % len(b.decode('utf-8')))
    except UnicodeDecodeError as e:
        out.append(str(e))
sys.stdout.write('\n'.join(out) + '\n')
)PY";
    auto out = num_test::run_python(script, input);
    if (out) num_test::compare_lines(*out, ours, what);
}

#endif  // __EMSCRIPTEN__
