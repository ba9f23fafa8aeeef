// Python's int beyond the VM's small ints: arbitrary-precision signed integers, as CPython
// 3.11's Objects/longobject.c behaves (values, rounding, error types and texts).
//
// Representation: sign + magnitude, little-endian base-2^32 limbs, no leading zero limbs; zero
// has no limbs and is never negative. Up to 4 limbs (128 bits) live inside the object, so
// ints of a machine word or two never allocate. A value type: copy, move, compare.
// No dependency on the interpreter's object model; pyvm boxes it.
//
// What matches CPython 3.11 (✓) and what does not (✗):
//   ✓ int(x) for float x (truncation, NaN/inf errors), int(text, base) with every rule of
//     PyLong_FromString (whitespace, sign, 0x/0o/0b prefixes, single underscores, base 0's
//     "no leading zeros", the 4300-digit limit for non-power-of-two bases, error texts with
//     repr of the text cut to 200 characters), Unicode decimal digits and spaces as
//     _PyUnicode_TransformDecimalAndSpaceToASCII maps them
//   ✓ str() with the 4300-digit limit (sys.set_int_max_str_digits: pass the limit, 0 = none),
//     hex()/oct()/bin() texts
//   ✓ + - * // % divmod with Python's floor semantics; true division correctly rounded
//     (long_true_divide); pow incl. 3-argument pow with negative exponents (modular inverse);
//     << >> (floor for negatives); & | ^ ~ on infinite two's complement; bit_length; hash
//     (modulus 2**61-1, -1 -> -2); float(int) correctly rounded (half-even)
//   ✗ algorithms: schoolbook/Karatsuba multiplication and Knuth division, O(n^2) str/int(text)
//     like 3.11 (3.12's subquadratic conversions are not reproduced; the limit bounds the cost)
//   ✗ MemoryError comes from a size cap (kMaxBits) instead of a failed allocation
//
// Costs: n = limb count. add/sub/neg/shifts/bitwise/compare/hash O(n); mul O(n*m) below ~40
// limbs, Karatsuba above; divmod O(n*m); to_decimal and from_text O(n^2).
// Thread-safety: values; const methods may run concurrently on the same object.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/num/error.hpp"
#include "python/num/limb_vec.hpp"

namespace interleave::python {

// sys.get_int_max_str_digits()'s default (3.11's _PY_LONG_DEFAULT_MAX_STR_DIGITS).
inline constexpr int kDefaultMaxStrDigits = 4300;
// Below this many digits the limit is never checked (sys.int_info.str_digits_check_threshold).
inline constexpr int kMaxStrDigitsThreshold = 640;
// Results above this many bits fail with MemoryError (128 MiB per int; the wasm heap is 1 GiB
// and a run's Python heap is smaller still), before any allocation is tried.
inline constexpr uint64_t kMaxBits = uint64_t(1) << 30;

// What the text passed to BigInt::from_text was, for the repr in its error message.
enum class TextKind : uint8_t {
    str,    // UTF-8 text of a Python str: message shows repr(str), e.g. 'x'
    bytes,  // bytes/bytearray: message shows repr(bytes), e.g. b'x'
};

class BigInt {
  public:
    using Limb = uint32_t;
    using Limbs = detail::LimbVec;  // vector-like: size(), operator[], data(), begin()/end()
    static constexpr int kLimbBits = 32;

    BigInt() = default;  // 0
    static BigInt from_int64(int64_t v);
    static BigInt from_uint64(uint64_t v);
    // int(x) for a float: truncation toward zero, exact. NaN -> ValueError "cannot convert
    // float NaN to integer"; ±inf -> OverflowError "cannot convert float infinity to integer".
    // As PyLong_FromDouble. O(size of the result).
    static Result<BigInt> from_double(double x);
    // int(text, base) for base 0 or 2..36 (other bases: ValueError "int() base must be >= 2
    // and <= 36, or 0"), as PyLong_FromUnicodeObject / _PyLong_FromBytes. `text` is UTF-8 (str)
    // or raw bytes (TextKind::bytes). max_str_digits: sys.get_int_max_str_digits() (0 = no
    // limit); texts in a non-power-of-two base with more digits fail with ValueError "Exceeds
    // the limit (4300 digits) for integer string conversion: value has N digits; use
    // sys.set_int_max_str_digits() to increase the limit". Bad text: ValueError "invalid
    // literal for int() with base 10: 'x'". O(n) for bases 2/4/8/16/32, O(n^2) otherwise.
    static Result<BigInt> from_text(std::string_view text, int base, TextKind kind = TextKind::str,
                                    int max_str_digits = kDefaultMaxStrDigits,
                                    const Poll* poll = nullptr);
    // From little-endian limbs (magnitude) and a sign; leading zeros are dropped.
    static BigInt from_limbs(Limbs magnitude, bool negative);
    static BigInt from_limbs(const std::vector<Limb>& magnitude, bool negative) {
        return from_limbs(Limbs(magnitude.data(), magnitude.data() + magnitude.size()), negative);
    }

    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return neg_; }
    int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
    bool is_odd() const { return !mag_.empty() && (mag_[0] & 1u); }
    const Limbs& limbs() const { return mag_; }  // magnitude, little-endian

    // Fits in int64_t? Then *out gets it. O(1).
    bool to_int64(int64_t* out) const;
    // float(self), correctly rounded half-even (PyLong_AsDouble); OverflowError "int too large
    // to convert to float" when it does not fit a double. O(1).
    Result<double> to_double() const;
    // int.bit_length(): bits of |self|, 0 for 0. O(1).
    uint64_t bit_length() const;
    // hash(self) as long_hash: |self| mod (2**61 - 1) with the sign, -1 -> -2. O(n).
    int64_t hash() const;

    // str(self) in decimal, as long_to_decimal_string: ValueError "Exceeds the limit (4300
    // digits) for integer string conversion; use sys.set_int_max_str_digits() to increase
    // the limit" when it has more than max_str_digits digits (0 = no limit; the check is
    // made before the O(n^2) conversion when the size alone decides it).
    Result<std::string> to_decimal(int max_str_digits = kDefaultMaxStrDigits,
                                   const Poll* poll = nullptr) const;
    // hex()/oct()/bin() for base 16/8/2: "-0xff"; prefix=false gives "-ff" (format()'s 'x'
    // without '#'); upper: "FF" (and "0X" prefix). Power-of-two bases only. O(n).
    std::string to_base(int base, bool prefix = true, bool upper = false) const;
    // Digits of |self| in base 2/8/10/16 (no sign, no prefix): format()'s building block.
    // Decimal ignores the digit limit (callers check it with to_decimal or digit counts).
    std::string magnitude_digits(int base, bool upper = false) const;

    friend bool operator==(const BigInt& a, const BigInt& b) {
        return a.neg_ == b.neg_ && a.mag_ == b.mag_;
    }
    friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }
    friend bool operator<=(const BigInt& a, const BigInt& b) { return compare(a, b) <= 0; }
    friend bool operator>(const BigInt& a, const BigInt& b) { return compare(a, b) > 0; }
    friend bool operator>=(const BigInt& a, const BigInt& b) { return compare(a, b) >= 0; }
    // -1, 0, 1. O(n).
    friend int compare(const BigInt& a, const BigInt& b);

    // Implementation access for the other bigint_*.cpp files.
    Limbs& mutable_limbs() { return mag_; }
    void set_negative(bool neg) { neg_ = neg && !mag_.empty(); }
    void normalize();  // drop leading zero limbs; zero is never negative

  private:
    Limbs mag_;
    bool neg_ = false;
};

struct BigDivMod {
    BigInt quotient;
    BigInt remainder;
};

// --- arithmetic (Python semantics) ---------------------------------------------------------
BigInt operator-(const BigInt& a);  // -a
BigInt abs(const BigInt& a);
BigInt operator+(const BigInt& a, const BigInt& b);
BigInt operator-(const BigInt& a, const BigInt& b);
// a * b; no size cap and no poll (use mul() for user-controlled sizes).
BigInt operator*(const BigInt& a, const BigInt& b);
// a * b with the kMaxBits cap (MemoryError "") and the poll (large operands only).
Result<BigInt> mul(const BigInt& a, const BigInt& b, const Poll* poll = nullptr);
// a // b (floor). ZeroDivisionError "integer division or modulo by zero".
Result<BigInt> floordiv(const BigInt& a, const BigInt& b);
// a % b (sign of b). ZeroDivisionError "integer modulo by zero".
Result<BigInt> mod(const BigInt& a, const BigInt& b);
// divmod(a, b). ZeroDivisionError "integer division or modulo by zero".
Result<BigDivMod> divmod(const BigInt& a, const BigInt& b);
// a / b correctly rounded, as long_true_divide. ZeroDivisionError "division by zero";
// OverflowError "integer division result too large for a float".
Result<double> true_divide(const BigInt& a, const BigInt& b);
// a ** e for e >= 0 (a negative e is float pow in Python: the VM converts both to float; here
// ValueError). Results past kMaxBits: MemoryError "". Polls between squarings.
Result<BigInt> pow(const BigInt& a, const BigInt& e, const Poll* poll = nullptr);
// pow(a, e, m) as long_pow: ValueError "pow() 3rd argument cannot be 0"; e < 0 uses the
// inverse of a mod m (ValueError "base is not invertible for the given modulus"); the result
// has the sign of m (0 <= r < m, or m < r <= 0).
Result<BigInt> pow_mod(const BigInt& a, const BigInt& e, const BigInt& m,
                       const Poll* poll = nullptr);

// round(a, ndigits) for an int (long_round with _PyLong_DivmodNear): a itself for ndigits >= 0,
// else the nearest multiple of 10**-ndigits, ties to even (round(25, -1) == 20). 10**-ndigits
// past kMaxBits: MemoryError, as CPython fails computing it.
Result<BigInt> round_int(const BigInt& a, int64_t ndigits);

// a << n, a >> n. ValueError "negative shift count"; << past kMaxBits: MemoryError "".
// >> floors (-5 >> 1 == -3); huge n gives 0 or -1.
Result<BigInt> lshift(const BigInt& a, const BigInt& n);
Result<BigInt> rshift(const BigInt& a, const BigInt& n);
Result<BigInt> lshift(const BigInt& a, int64_t n);
Result<BigInt> rshift(const BigInt& a, int64_t n);

// Bitwise on the infinite two's complement representation (negative values have infinitely
// many leading 1 bits), as long_bitwise.
BigInt bit_and(const BigInt& a, const BigInt& b);
BigInt bit_or(const BigInt& a, const BigInt& b);
BigInt bit_xor(const BigInt& a, const BigInt& b);
BigInt bit_invert(const BigInt& a);  // ~a == -(a + 1)

// Exact comparison of an int with a float, as float_richcompare does it: -1, 0, 1, or 2 when
// x is NaN (unordered: only != is true).
int compare_with_double(const BigInt& a, double x);

}  // namespace interleave::python
