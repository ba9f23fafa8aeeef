// Unicode character properties and case mappings as CPython 3.11 uses them
// (Objects/unicodectype.c over Unicode 14.0.0): the per-code-point predicates behind
// str.isalpha/isdecimal/isdigit/isnumeric/isspace/isprintable/isupper/islower/istitle/
// isidentifier and the full case mappings behind str.lower/upper/title/casefold.
//
// The data comes from python3.11's own str methods (gen_unicode_db.py generates
// unicode_db_props.cpp and unicode_db_case.cpp), so it matches CPython by construction.
// Lookups: Latin-1 by a 256-entry table, the rest by binary search over ~3,900 property runs
// (O(log n), ~12 steps) and ~200 case ranges per mapping. ~35 KB of read-only tables. Any
// thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace interleave::python {

// Property flags (CPython's *_MASK bits, renumbered).
namespace uflag {
inline constexpr uint16_t alpha = 1;       // str.isalpha: categories Lm Lt Lu Ll Lo
inline constexpr uint16_t decimal = 2;     // str.isdecimal: Nd
inline constexpr uint16_t digit = 4;       // str.isdigit: Numeric_Type Digit or Decimal
inline constexpr uint16_t numeric = 8;     // str.isnumeric: any Numeric_Type
inline constexpr uint16_t space = 16;      // str.isspace: Zs or bidi WS/B/S
inline constexpr uint16_t printable = 32;  // str.isprintable (repr keeps it as is)
inline constexpr uint16_t upper = 64;      // Uppercase property (str.isupper)
inline constexpr uint16_t lower = 128;     // Lowercase property (str.islower)
inline constexpr uint16_t title = 256;     // category Lt
inline constexpr uint16_t case_ignorable = 512;
inline constexpr uint16_t xid_start = 1024;  // XID_Start, plus '_' (str.isidentifier's rule)
inline constexpr uint16_t xid_continue = 2048;
inline constexpr uint16_t cased = upper | lower | title;  // Cased == Lowercase|Uppercase|Lt
}  // namespace uflag

// All flags of code point c (0 for c > 0x10FFFF).
uint16_t unicode_flags(char32_t c);

inline bool unicode_isalpha(char32_t c) {
    return unicode_flags(c) & uflag::alpha;
}
inline bool unicode_isdecimal(char32_t c) {
    return unicode_flags(c) & uflag::decimal;
}
inline bool unicode_isdigit(char32_t c) {
    return unicode_flags(c) & uflag::digit;
}
inline bool unicode_isnumeric(char32_t c) {
    return unicode_flags(c) & uflag::numeric;
}
inline bool unicode_isspace(char32_t c) {
    if (c < 128) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return unicode_flags(c) & uflag::space;
}
inline bool unicode_isprintable(char32_t c) {
    return unicode_flags(c) & uflag::printable;
}
inline bool unicode_isupper(char32_t c) {
    return unicode_flags(c) & uflag::upper;
}
inline bool unicode_islower(char32_t c) {
    return unicode_flags(c) & uflag::lower;
}
inline bool unicode_istitle(char32_t c) {
    return unicode_flags(c) & uflag::title;
}
inline bool unicode_iscased(char32_t c) {
    return unicode_flags(c) & uflag::cased;
}
inline bool unicode_iscaseignorable(char32_t c) {
    return unicode_flags(c) & uflag::case_ignorable;
}
// str.isalnum's per-character test: alpha, decimal, digit or numeric.
inline bool unicode_isalnum(char32_t c) {
    return unicode_flags(c) & (uflag::alpha | uflag::decimal | uflag::digit | uflag::numeric);
}
// Line boundaries of str.splitlines (_PyUnicode_IsLinebreak): \n \v \f \r \x1c \x1d \x1e
// \x85 \u2028 \u2029.
inline bool unicode_islinebreak(char32_t c) {
    return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

// Value 0..9 of a decimal digit (unicodedata.decimal), -1 otherwise.
int unicode_decimal_value(char32_t c);

// _PyUnicode_TransformDecimalAndSpaceToASCII, the first step of int(str) and float(str): ASCII
// kept, other Unicode spaces -> ' ', decimal digits -> '0'..'9', and the first other non-ASCII
// code point -> '?' where the result ends. utf8 is valid UTF-8. O(n).
std::string unicode_decimal_and_space_to_ascii(std::string_view utf8);

// Full case mappings (_PyUnicode_ToLowerFull etc.): write 1-3 code points to out and return
// how many. Lower does not apply the final-sigma rule (callers do: see str_case.hpp).
int unicode_to_lower(char32_t c, char32_t out[3]);
int unicode_to_upper(char32_t c, char32_t out[3]);
int unicode_to_title(char32_t c, char32_t out[3]);
int unicode_to_fold(char32_t c, char32_t out[3]);

}  // namespace interleave::python
