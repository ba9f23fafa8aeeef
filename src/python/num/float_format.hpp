// Python float <-> text: repr(float) and float(text) exactly as CPython 3.11
// (Python/pystrtod.c PyOS_double_to_string 'r' mode over dtoa.c's shortest digits;
// Objects/floatobject.c PyFloat_FromString). Also the digit generators that format_spec.hpp
// and percent_format.hpp use for 'e', 'f', 'g' and repr-style output.
//
// ✓ repr: the shortest digit string that reads back as the same double (closest to the value
//   among the shortest), exponent form when the decimal exponent is < -4 or >= 16: 1e-05,
//   1e+16, 1.5e+300, 0.30000000000000004, 1.0, 100.0, inf, -inf, nan, -0.0
// ✓ float(text): surrounding whitespace (Unicode spaces too), sign, digits with single
//   underscores between digits, '.', exponent, inf/infinity/nan in any case, Unicode decimal
//   digits; errors "could not convert string to float: 'x'" with the repr of the whole text
// ✗ how: shortest digits come from std::to_chars natively and, under Emscripten, from the C
//   library's correctly rounded printf("%.*e") (musl) with strtod() round-trip checks; fixed
//   precisions from printf. Not a port of dtoa.c. Checked against python3 on millions of
//   values natively (both paths) and on 300,000 under node.
//
// Thread-safety: pure functions; the C library's printf/strtod are used with "C"-locale-proof
// inputs (no decimal point is ever parsed; printf's decimal point is skipped, whatever it is).
// Costs: repr ~0.1 µs natively, ~1-3 µs in wasm (up to ~5 printf+strtod pairs); parse ~0.2 µs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/num/bigint.hpp"
#include "python/num/error.hpp"

namespace interleave::python {

// Decimal digits of a finite double as dtoa.c returns them: value = 0.DIGITS * 10**decpt,
// no leading zeros, trailing zeros stripped; zero is "0" with decpt 1; a nonzero value that
// rounds to nothing (mode 3) is "" with decpt -decimals. The sign is separate.
struct DecimalDigits {
    std::string digits;
    int decpt = 0;
    bool negative = false;
};

// Shortest round-trip digits (dtoa mode 0: what repr uses). x finite. Natively from
// std::to_chars (~0.1 µs); where the C++ library has no to_chars(double) (Emscripten 3.1.6's
// libc++ 13), from shortest_digits_portable.
DecimalDigits shortest_digits(double x);
// The portable search: correctly rounded printf("%.*e") candidates read back with strtod,
// binary search on the digit count (powers of two get the wider upper half of their rounding
// interval). ~1-3 µs. Exposed so that native tests check it against to_chars.
DecimalDigits shortest_digits_portable(double x);
// Correctly rounded to `significant` >= 1 digits (dtoa mode 2). x finite.
DecimalDigits significant_digits(double x, int significant);
// Correctly rounded to `decimals` >= 0 digits after the point (dtoa mode 3). x finite.
DecimalDigits decimal_digits(double x, int decimals);

// PyOS_double_to_string's flags (Py_DTSF_*).
namespace dtsf {
inline constexpr int sign = 1;       // always a sign: "+1.0"
inline constexpr int add_dot_0 = 2;  // integers as "1.0" (repr, str, format's none type)
inline constexpr int alt = 4;        // '#': keep the decimal point and trailing zeros
inline constexpr int no_neg_0 = 8;   // 'z': "-0.00" -> "0.00"
}  // namespace dtsf

enum class FloatKind : uint8_t { finite, infinite, nan };

// PyOS_double_to_string: code 'e' 'E' 'f' 'F' 'g' 'G' (precision as printf's) or 'r' (repr
// digits; precision 0). inf/nan as "inf"/"nan" ("INF"/"NAN" for upper-case codes), the sign of
// a nan ignored. Exponents have at least two digits. O(digits).
std::string double_to_string(double val, char code, int precision, int flags,
                             FloatKind* kind = nullptr);

// repr(x) / str(x). Appending form avoids a temporary.
std::string float_repr(double x);
void append_float_repr(std::string& out, double x);

// float(text) for a str (UTF-8) or bytes (TextKind::bytes: no Unicode transformation, error
// shows repr(bytes)). Never overflows: 1e999 gives inf, as CPython.
Result<double> parse_float(std::string_view text, TextKind kind = TextKind::str);

}  // namespace interleave::python
