// The format-spec mini-language of format(), str.format and f-strings, as CPython 3.11's
// Python/formatter_unicode.c: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
//
// ✓ int (and bool): b c d o x X n and none; ',' and '_' grouping ('_' every 4 digits in
//   b/o/x/X); '#' prefixes; '0' padding after the sign and prefix, through the grouping
//   ('010,' -> 00,001,234); e E f F g G % convert the int to float first
// ✓ float: e E f F g G n % and none (repr-like; with a precision like 'g' but keeping a ".0");
//   'z' (no negative zero); inf/nan padded like numbers
// ✓ str: s and none; alignment, fill and width by code points; precision truncates
// ✓ every error text: "Invalid format specifier '...' for object of type 'int'", "Unknown
//   format code 'd' for object of type 'float'", "Cannot specify ',' with 's'.", "Sign not
//   allowed in string format specifier", "Format specifier missing precision", ...
// ✗ 'n' uses the C locale (no grouping, '.' decimal point), which is what python3 does unless
//   the program calls locale.setlocale(LC_NUMERIC, ...)
// ✗ widths/precisions above kMaxFormatWidth fail with MemoryError (CPython would try)
//
// Specs and texts are UTF-8 (valid). Any thread; pure functions. Cost O(output length) plus the
// number's conversion (BigInt decimal: O(n^2)).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/num/bigint.hpp"
#include "python/num/error.hpp"

namespace interleave::python {

inline constexpr int64_t kMaxFormatWidth = int64_t(1) << 26;

// A parsed spec (CPython's InternalFormatSpec).
struct FormatSpec {
    char32_t fill = ' ';
    char align = '>';  // '<' '>' '^' '='
    char sign = '\0';  // '\0' '+' '-' ' '
    bool no_neg_0 = false;
    bool alternate = false;
    int64_t width = -1;      // -1: none
    char grouping = '\0';    // '\0' ',' '_'
    int64_t precision = -1;  // -1: none
    char32_t type = '\0';    // '\0': none
};

// parse_internal_render_format_spec: default_type/default_align are the object type's ('s' '<'
// for str, 'd' '>' for int, '\0' '>' for float); type_name ("int", "bool", ...) is for
// "Invalid format specifier '...' for object of type 'int'".
Result<FormatSpec> parse_format_spec(std::string_view spec, char default_type, char default_align,
                                     std::string_view type_name);

// format(value, spec). An empty spec gives str(value) (with the int digit limit).
// type_name: the object's type for error texts ("int", or "bool" for True/False).
Result<std::string> format_int(const BigInt& value, std::string_view spec,
                               std::string_view type_name = "int",
                               int max_str_digits = kDefaultMaxStrDigits);
Result<std::string> format_int(int64_t value, std::string_view spec,
                               std::string_view type_name = "int");
Result<std::string> format_float(double value, std::string_view spec,
                                 std::string_view type_name = "float");
Result<std::string> format_str(std::string_view utf8, std::string_view spec,
                               std::string_view type_name = "str");

// The pieces, for callers that parsed the spec already (str.format caches nothing, but
// percent_format.hpp reuses the number layout).
Result<std::string> format_int_spec(const BigInt& value, const FormatSpec& f,
                                    int max_str_digits = kDefaultMaxStrDigits);
Result<std::string> format_float_spec(double value, const FormatSpec& f);
Result<std::string> format_str_spec(std::string_view utf8, const FormatSpec& f);

}  // namespace interleave::python
