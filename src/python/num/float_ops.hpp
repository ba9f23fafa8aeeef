// Python float arithmetic that is more than one machine instruction, as CPython 3.11's
// Objects/floatobject.c and Python/pyhash.c: / // % divmod ** round(), hash, is_integer,
// as_integer_ratio, float.hex/fromhex, and exact int/float comparison for int64.
// (+ - * on doubles are plain IEEE operations in the VM; overflow gives inf, as CPython.)
//
// ✓ signs of results and zeros as CPython (x % y has y's sign, -0.0 where CPython gives it)
// ✓ round(x, n) correctly rounded from the exact decimal value, half-even: round(2.675, 2) ==
//   2.67, round(0.5) == 0, round(-0.4, 0) == -0.0
// ✓ ** as float_pow, including its special cases; overflow: OverflowError "(34, 'Numerical
//   result out of range')"; libm's pow() does the rest (glibc natively = CPython's on Linux)
// ✗ a negative base with a fractional exponent makes a complex in CPython: reported through
//   *complex_result for the VM to handle (the interpreter has no complex type)
// Any thread; pure functions; O(1) unless stated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/num/bigint.hpp"
#include "python/num/error.hpp"

namespace interleave::python {

// x / y. ZeroDivisionError "float division by zero".
Result<double> float_truediv(double x, double y);
// x // y (float_floor_div). ZeroDivisionError "float floor division by zero".
Result<double> float_floordiv(double x, double y);
// x % y (float_rem). ZeroDivisionError "float modulo".
Result<double> float_mod(double x, double y);
struct FloatDivMod {
    double quotient = 0;  // floor division
    double remainder = 0;
};
// divmod(x, y) (float_divmod). ZeroDivisionError "float divmod()".
Result<FloatDivMod> float_divmod(double x, double y);
// x ** y (float_pow). ZeroDivisionError "0.0 cannot be raised to a negative power";
// OverflowError "(34, 'Numerical result out of range')". When CPython would return a complex
// (x < 0, y not an integer), *complex_result is set and the value is NaN.
Result<double> float_pow(double x, double y, bool* complex_result = nullptr);

// round(x) -> int: half-even to an integer. ValueError "cannot convert float NaN to integer",
// OverflowError "cannot convert float infinity to integer".
Result<BigInt> float_round_to_int(double x);
// round(x, ndigits) (float___round__ + double_round): correctly rounded half-even; inf/nan
// unchanged. OverflowError "rounded value too large to represent". O(|ndigits|) at worst.
Result<double> float_round(double x, int64_t ndigits);

// hash(x) as _Py_HashDouble: integral values hash like the equal int; inf -> 314159,
// -inf -> -314159; NaN hashes by identity (3.10+): pass the object's id. -1 -> -2.
int64_t hash_double(double x, uint64_t object_id = 0);
// _Py_HashPointer: what object.__hash__ (and a NaN) gives for an id: the id rotated right by
// 4 bits, -1 -> -2. The VM's ids come from a deterministic counter (see hash.hpp).
int64_t hash_pointer(uint64_t id);

// float.is_integer(): finite and integral.
bool float_is_integer(double x);
// float.as_integer_ratio(): lowest terms, positive denominator. OverflowError "cannot convert
// Infinity to integer ratio"; ValueError "cannot convert NaN to integer ratio".
struct IntegerRatio {
    BigInt numerator;
    BigInt denominator;
};
Result<IntegerRatio> float_as_integer_ratio(double x);

// float.hex(): "0x1.999999999999ap-4", "-0x0.0p+0", "inf", "nan".
std::string float_hex(double x);
// float.fromhex(text): ValueError "invalid hexadecimal floating-point string"; OverflowError
// "hexadecimal value too large to represent as a float". Correctly rounded (half-even).
Result<double> float_fromhex(std::string_view text);

// Exact comparison of an int64 with a double (CPython compares exactly: 2**53 + 1 > 2.0**53):
// -1, 0, 1, or 2 when x is NaN.
int compare_int64_double(int64_t a, double x);

}  // namespace interleave::python
