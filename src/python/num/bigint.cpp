// BigInt: construction, conversions, hash, comparison and arithmetic with Python's semantics
// (CPython 3.11's Objects/longobject.c). Shifts and bitwise ops: bigint_bits.cpp; text:
// bigint_text.cpp; magnitudes: bigint_mag.cpp.
#include "python/num/bigint.hpp"

#include <bit>
#include <cfloat>
#include <cmath>

#include "python/num/bigint_mag.hpp"

namespace interleave::python {

using detail::Mag;

namespace {

BigInt make(Mag mag, bool negative) {
    return BigInt::from_limbs(std::move(mag), negative);
}

Error memory_error() {
    return make_error(ExcType::MemoryError, "");
}

Error interrupted() {
    return make_error(ExcType::interrupted, "interrupted");
}

// |v| as uint64 when it has at most 64 bits.
uint64_t low_u64(const Mag& m) {
    uint64_t v = 0;
    if (!m.empty()) v = m[0];
    if (m.size() > 1) v |= uint64_t(m[1]) << 32;
    return v;
}

}  // namespace

// --- construction and conversions -----------------------------------------------------------

BigInt BigInt::from_limbs(Limbs magnitude, bool negative) {
    BigInt r;
    r.mag_ = std::move(magnitude);
    r.normalize();
    r.neg_ = negative && !r.mag_.empty();
    return r;
}

void BigInt::normalize() {
    detail::trim(mag_);
    if (mag_.empty()) neg_ = false;
}

BigInt BigInt::from_uint64(uint64_t v) {
    BigInt r;
    if (v != 0) r.mag_.push_back(static_cast<Limb>(v));
    if ((v >> 32) != 0) r.mag_.push_back(static_cast<Limb>(v >> 32));
    return r;
}

BigInt BigInt::from_int64(int64_t v) {
    // Two's complement negation in uint64 is exact for INT64_MIN too.
    uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    BigInt r = from_uint64(mag);
    r.neg_ = v < 0;
    return r;
}

Result<BigInt> BigInt::from_double(double x) {
    if (std::isnan(x))
        return make_error(ExcType::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(x)) {
        return make_error(ExcType::OverflowError, "cannot convert float infinity to integer");
    }
    double t = std::trunc(x);
    if (std::fabs(t) < 9223372036854775808.0) return from_int64(static_cast<int64_t>(t));
    int exp = 0;
    double m = std::frexp(std::fabs(t), &exp);  // |t| = m * 2^exp, 0.5 <= m < 1
    uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
    BigInt r = from_uint64(mant);
    r.mag_ = detail::shl_mag(r.mag_, static_cast<uint64_t>(exp - 53));
    r.neg_ = x < 0;
    return r;
}

bool BigInt::to_int64(int64_t* out) const {
    if (mag_.size() > 2) return false;
    uint64_t v = low_u64(mag_);
    if (neg_) {
        if (v > (uint64_t(1) << 63)) return false;
        *out = static_cast<int64_t>(uint64_t(0) - v);
    } else {
        if (v >= (uint64_t(1) << 63)) return false;
        *out = static_cast<int64_t>(v);
    }
    return true;
}

uint64_t BigInt::bit_length() const {
    return detail::bit_length_mag(mag_);
}

Result<double> BigInt::to_double() const {
    const uint64_t bits = bit_length();
    double d;
    if (bits <= 64) {
        d = static_cast<double>(low_u64(mag_));  // correctly rounded by the conversion
    } else {
        if (bits > 1025)
            return make_error(ExcType::OverflowError, "int too large to convert to float");
        // Top 64 bits with a sticky bit for everything below: rounding that to 53 bits
        // rounds the whole value correctly (half-even), as _PyLong_Frexp does.
        bool inexact = false;
        Mag top = detail::shr_mag(mag_, bits - 64, &inexact);
        uint64_t v = low_u64(top) | (inexact ? 1u : 0u);
        d = std::ldexp(static_cast<double>(v), static_cast<int>(bits - 64));
    }
    if (std::isinf(d))
        return make_error(ExcType::OverflowError, "int too large to convert to float");
    return neg_ ? -d : d;
}

int64_t BigInt::hash() const {
    // long_hash: |v| mod 2**61-1; multiplying by 2**32 mod 2**61-1 is a 61-bit rotation.
    constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
    uint64_t x = 0;
    for (size_t i = mag_.size(); i-- > 0;) {
        x = ((x << 32) & kModulus) | (x >> 29);
        x += mag_[i];
        if (x >= kModulus) x -= kModulus;
    }
    int64_t h = static_cast<int64_t>(x);
    if (neg_) h = -h;
    return h == -1 ? -2 : h;
}

int compare(const BigInt& a, const BigInt& b) {
    if (a.is_negative() != b.is_negative()) return a.is_negative() ? -1 : 1;
    int c = detail::cmp_mag(a.limbs(), b.limbs());
    return a.is_negative() ? -c : c;
}

int compare_with_double(const BigInt& a, double x) {
    if (std::isnan(x)) return 2;
    if (std::isinf(x)) return x > 0 ? -1 : 1;
    const int as = a.sign();
    const int xs = x > 0 ? 1 : (x < 0 ? -1 : 0);
    if (as != xs) return as < xs ? -1 : 1;
    if (as == 0) return 0;
    if (a.bit_length() <= 53) {
        double ad = a.to_double().value;  // exact
        return ad < x ? -1 : (ad > x ? 1 : 0);
    }
    double t = std::trunc(x);
    BigInt ti = BigInt::from_double(t).value;
    int c = compare(a, ti);
    if (c != 0) return c;
    double frac = x - t;
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

// --- arithmetic ------------------------------------------------------------------------------

BigInt operator-(const BigInt& a) {
    return make(a.limbs(), !a.is_negative());
}

BigInt abs(const BigInt& a) {
    return make(a.limbs(), false);
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    if (a.is_negative() == b.is_negative())
        return make(detail::add_mag(a.limbs(), b.limbs()), a.is_negative());
    int c = detail::cmp_mag(a.limbs(), b.limbs());
    if (c == 0) return BigInt();
    if (c > 0) return make(detail::sub_mag(a.limbs(), b.limbs()), a.is_negative());
    return make(detail::sub_mag(b.limbs(), a.limbs()), b.is_negative());
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    return a + (-b);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
    return make(detail::mul_mag(a.limbs(), b.limbs()), a.is_negative() != b.is_negative());
}

Result<BigInt> mul(const BigInt& a, const BigInt& b, const Poll* poll) {
    if (a.bit_length() + b.bit_length() > kMaxBits + 1) return memory_error();
    detail::WorkMeter meter{poll};
    Mag m = detail::mul_mag(a.limbs(), b.limbs(), meter);
    if (meter.stopped) return interrupted();
    return make(std::move(m), a.is_negative() != b.is_negative());
}

namespace {

// Floor division and modulo of a by b != 0 (Python's signs).
void floor_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
    Mag qm, rm;
    detail::divmod_mag(a.limbs(), b.limbs(), q != nullptr ? &qm : nullptr, &rm);
    const bool differ = a.is_negative() != b.is_negative();
    if (differ && !rm.empty()) {
        // floor: one more in magnitude for the quotient; the remainder takes b's sign.
        if (q != nullptr) detail::add_small(qm, 1);
        rm = detail::sub_mag(b.limbs(), rm);
    }
    if (q != nullptr) *q = make(std::move(qm), differ);
    if (r != nullptr) *r = make(std::move(rm), b.is_negative());
}

}  // namespace

Result<BigInt> floordiv(const BigInt& a, const BigInt& b) {
    if (b.is_zero())
        return make_error(ExcType::ZeroDivisionError, "integer division or modulo by zero");
    BigInt q;
    floor_divmod(a, b, &q, nullptr);
    return q;
}

Result<BigInt> mod(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return make_error(ExcType::ZeroDivisionError, "integer modulo by zero");
    BigInt r;
    floor_divmod(a, b, nullptr, &r);
    return r;
}

Result<BigDivMod> divmod(const BigInt& a, const BigInt& b) {
    if (b.is_zero())
        return make_error(ExcType::ZeroDivisionError, "integer division or modulo by zero");
    BigDivMod out;
    floor_divmod(a, b, &out.quotient, &out.remainder);
    return out;
}

Result<double> true_divide(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return make_error(ExcType::ZeroDivisionError, "division by zero");
    const bool negate = a.is_negative() != b.is_negative();
    if (a.is_zero()) return negate ? -0.0 : 0.0;
    const int64_t a_bits = static_cast<int64_t>(a.bit_length());
    const int64_t b_bits = static_cast<int64_t>(b.bit_length());
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        // Both exact as doubles: IEEE division rounds correctly.
        double r =
            static_cast<double>(low_u64(a.limbs())) / static_cast<double>(low_u64(b.limbs()));
        return negate ? -r : r;
    }
    const Error overflow{ExcType::OverflowError, "integer division result too large for a float"};
    const int64_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) return overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negate ? -0.0 : 0.0;
    // x = floor(|a| / |b| / 2**shift) with 2-3 extra bits for rounding (long_true_divide).
    const int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Mag x = shift <= 0 ? detail::shl_mag(a.limbs(), static_cast<uint64_t>(-shift))
                       : detail::shr_mag(a.limbs(), static_cast<uint64_t>(shift), &inexact);
    Mag rem;
    detail::divmod_mag(x, b.limbs(), &x, &rem);
    if (!rem.empty()) inexact = true;
    const int64_t x_bits = static_cast<int64_t>(detail::bit_length_mag(x));
    const int64_t extra_bits = std::max<int64_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    // Round half-even on the extra bits; `inexact` acts as a sticky bit below them.
    const uint32_t mask = uint32_t(1) << (extra_bits - 1);
    const uint32_t low = x[0] | (inexact ? 1u : 0u);
    const bool round_up = (low & mask) != 0 && (low & (3u * mask - 1u)) != 0;
    x[0] &= ~(2u * mask - 1u);
    if (round_up) detail::add_small(x, 2u * mask);
    const double dx = static_cast<double>(low_u64(x));  // < 2**56 with zero low bits: exact
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, static_cast<int>(x_bits)))) {
        return overflow;
    }
    const double r = std::ldexp(dx, static_cast<int>(shift));
    return negate ? -r : r;
}

Result<BigInt> pow(const BigInt& a, const BigInt& e, const Poll* poll) {
    if (e.is_negative()) {
        return make_error(ExcType::ValueError, "negative exponent: use float pow");
    }
    if (e.is_zero()) return BigInt::from_int64(1);
    if (a.is_zero()) return BigInt();
    const bool neg = a.is_negative() && e.is_odd();
    if (a.limbs().size() == 1 && a.limbs()[0] == 1) return BigInt::from_int64(neg ? -1 : 1);
    int64_t n = 0;
    const uint64_t a_bits = a.bit_length();
    // |a| >= 2 here: the result has at least (a_bits - 1) * e bits.
    if (!e.to_int64(&n) || uint64_t(n) > kMaxBits || (a_bits - 1) * uint64_t(n) > kMaxBits) {
        return memory_error();
    }
    const uint64_t exp = static_cast<uint64_t>(n);
    // |a| a power of two: a shift.
    bool pow2 = true;
    for (size_t i = 0; i + 1 < a.limbs().size() && pow2; ++i) pow2 = a.limbs()[i] == 0;
    pow2 = pow2 && std::has_single_bit(a.limbs().back());
    if (pow2) {
        Mag one{1};
        return BigInt::from_limbs(detail::shl_mag(one, (a_bits - 1) * exp), neg);
    }
    if (a_bits * exp > kMaxBits + 64) return memory_error();
    // Left-to-right binary exponentiation.
    detail::WorkMeter meter{poll};
    Mag result = a.limbs();
    for (int bit = 62 - std::countl_zero(exp); bit >= 0; --bit) {
        result = detail::mul_mag(result, result, meter);
        if ((exp >> bit) & 1u) result = detail::mul_mag(result, a.limbs(), meter);
        if (meter.stopped) return interrupted();
    }
    return BigInt::from_limbs(std::move(result), neg);
}

Result<BigInt> round_int(const BigInt& a, int64_t ndigits) {
    if (ndigits >= 0) return a;
    if (ndigits < -static_cast<int64_t>(kMaxBits / 4))
        return memory_error();  // 10**k > 2**kMaxBits
    const BigInt p = pow(BigInt::from_int64(10), BigInt::from_int64(-ndigits)).value;
    BigDivMod qr = divmod(a, p).value;  // floor: 0 <= remainder < p
    const int c = compare(lshift(qr.remainder, int64_t{1}).value, p);
    if (c > 0 || (c == 0 && qr.quotient.is_odd()))
        qr.quotient = qr.quotient + BigInt::from_int64(1);
    return qr.quotient * p;
}

namespace {

// Inverse of a modulo n > 0 as long_invmod (extended Euclid with floor division).
Result<BigInt> invmod(BigInt a, BigInt n) {
    BigInt b = BigInt::from_int64(1), c;
    while (!n.is_zero()) {
        BigDivMod qr = divmod(a, n).value;
        a = std::move(n);
        n = std::move(qr.remainder);
        BigInt s = b - qr.quotient * c;
        b = std::move(c);
        c = std::move(s);
    }
    if (!(a == BigInt::from_int64(1))) {
        return make_error(ExcType::ValueError, "base is not invertible for the given modulus");
    }
    return b;
}

}  // namespace

Result<BigInt> pow_mod(const BigInt& a, const BigInt& e, const BigInt& m, const Poll* poll) {
    if (m.is_zero()) return make_error(ExcType::ValueError, "pow() 3rd argument cannot be 0");
    const bool negative_output = m.is_negative();
    const BigInt modulus = abs(m);
    if (modulus.limbs().size() == 1 && modulus.limbs()[0] == 1) return BigInt();
    BigInt base = a;
    BigInt exp = e;
    if (exp.is_negative()) {
        exp = -exp;
        Result<BigInt> inv = invmod(a, modulus);
        if (!inv) return inv;
        base = std::move(inv.value);
    }
    base = mod(base, modulus).value;  // 0 <= base < modulus
    detail::WorkMeter meter{poll};
    Mag result{1};
    const Mag& mm = modulus.limbs();
    const uint64_t bits = exp.bit_length();
    for (uint64_t i = bits; i-- > 0;) {
        result = detail::mul_mag(result, result, meter);
        detail::divmod_mag(result, mm, nullptr, &result);
        if ((exp.limbs()[i / 32] >> (i % 32)) & 1u) {
            result = detail::mul_mag(result, base.limbs(), meter);
            detail::divmod_mag(result, mm, nullptr, &result);
        }
        if (meter.add(mm.size() * mm.size())) return interrupted();
    }
    detail::divmod_mag(result, mm, nullptr, &result);  // exp == 0 and modulus > 1: 1 % m
    BigInt r = BigInt::from_limbs(std::move(result), false);
    if (negative_output && !r.is_zero()) r = r - modulus;
    return r;
}

}  // namespace interleave::python
