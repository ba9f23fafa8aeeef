// Python float arithmetic, rounding, hashing and conversions (CPython 3.11's
// Objects/floatobject.c, Python/pyhash.c).
#include "python/num/float_ops.hpp"

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "python/num/float_format.hpp"

namespace interleave::python {

Result<double> float_truediv(double x, double y) {
    if (y == 0.0) return make_error(ExcType::ZeroDivisionError, "float division by zero");
    return x / y;
}

namespace {

// _float_div_mod: y != 0.
FloatDivMod div_mod(double vx, double wx) {
    FloatDivMod r;
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;  // fmod is exact, so this is (very nearly) integral
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    r.quotient = floordiv;
    r.remainder = mod;
    return r;
}

bool is_odd_integer(double v) {  // DOUBLE_IS_ODD_INTEGER
    return std::fmod(std::fabs(v), 2.0) == 1.0;
}

}  // namespace

Result<double> float_floordiv(double x, double y) {
    if (y == 0.0) return make_error(ExcType::ZeroDivisionError, "float floor division by zero");
    return div_mod(x, y).quotient;
}

Result<double> float_mod(double x, double y) {
    if (y == 0.0) return make_error(ExcType::ZeroDivisionError, "float modulo");
    double mod = std::fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return mod;
}

Result<FloatDivMod> float_divmod(double x, double y) {
    if (y == 0.0) return make_error(ExcType::ZeroDivisionError, "float divmod()");
    return div_mod(x, y);
}

Result<double> float_pow(double iv, double iw, bool* complex_result) {
    if (complex_result != nullptr) *complex_result = false;
    if (iw == 0) return 1.0;
    if (std::isnan(iv)) return iv;
    if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
    if (std::isinf(iw)) {
        const double av = std::fabs(iv);
        if (av == 1.0) return 1.0;
        if ((iw > 0.0) == (av > 1.0)) return std::fabs(iw);
        return 0.0;
    }
    if (std::isinf(iv)) {
        const bool odd = is_odd_integer(iw);
        if (iw > 0.0) return odd ? iv : std::fabs(iv);
        return odd ? std::copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            return make_error(ExcType::ZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
        }
        return is_odd_integer(iw) ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) {
            if (complex_result != nullptr) *complex_result = true;
            return std::nan("");
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return negate ? -1.0 : 1.0;
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) {  // _Py_ADJUST_ERANGE1: overflow is ERANGE; underflow to 0 is fine
        return make_error(ExcType::OverflowError, "(34, 'Numerical result out of range')");
    }
    return negate ? -ix : ix;
}

Result<BigInt> float_round_to_int(double x) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);  // half-even
    return BigInt::from_double(rounded);
}

Result<double> float_round(double x, int64_t ndigits) {
    if (!std::isfinite(x)) return x;
    // NDIGITS_MAX/MIN: beyond these x rounds to itself / to a signed zero.
    constexpr int64_t kMax = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    constexpr int64_t kMin = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
    if (ndigits > kMax) return x;
    if (ndigits < kMin) return 0.0 * x;
    const Error too_large{ExcType::OverflowError, "rounded value too large to represent"};
    if (ndigits >= 0) {
        // dtoa mode 3 then strtod, as double_round.
        DecimalDigits d = decimal_digits(x, static_cast<int>(ndigits));
        if (d.digits.empty()) return d.negative ? -0.0 : 0.0;
        char exp[24];
        std::snprintf(exp, sizeof exp, "e%d", d.decpt - static_cast<int>(d.digits.size()));
        std::string text = (d.negative ? "-" : "") + d.digits + exp;
        double r = std::strtod(text.c_str(), nullptr);
        if (std::isinf(r)) return too_large;
        return r;
    }
    // Negative ndigits: round |x| = m * 2**e to a multiple of 10**k exactly, half-even.
    int e2 = 0;
    const double m = std::frexp(std::fabs(x), &e2);
    const BigInt mant = BigInt::from_double(std::ldexp(m, 53)).value;
    e2 -= 53;
    const BigInt ten_k = pow(BigInt::from_int64(10), BigInt::from_int64(-ndigits)).value;
    BigInt num = mant, den = ten_k;
    if (e2 >= 0) {
        num = lshift(mant, int64_t{e2}).value;
    } else {
        den = lshift(ten_k, int64_t{-e2}).value;
    }
    BigDivMod qr = divmod(num, den).value;
    const int c = compare(lshift(qr.remainder, int64_t{1}).value, den);
    if (c > 0 || (c == 0 && qr.quotient.is_odd()))
        qr.quotient = qr.quotient + BigInt::from_int64(1);
    Result<double> r = (qr.quotient * ten_k).to_double();
    if (!r) return too_large;
    return std::signbit(x) ? -r.value : r.value;
}

int64_t hash_double(double v, uint64_t object_id) {
    constexpr int kBits = 61;
    constexpr uint64_t kModulus = (uint64_t(1) << kBits) - 1;
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? 314159 : -314159;
        return hash_pointer(object_id);
    }
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {  // 28 bits at a time
        x = ((x << 28) & kModulus) | x >> (kBits - 28);
        m *= 268435456.0;
        e -= 28;
        const auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kModulus) | x >> (kBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
    return static_cast<int64_t>(x);
}

int64_t hash_pointer(uint64_t id) {
    const uint64_t y = std::rotr(id, 4);
    const auto h = static_cast<int64_t>(y);
    return h == -1 ? -2 : h;
}

bool float_is_integer(double x) {
    return std::isfinite(x) && std::floor(x) == x;
}

Result<IntegerRatio> float_as_integer_ratio(double x) {
    if (std::isinf(x)) {
        return make_error(ExcType::OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (std::isnan(x))
        return make_error(ExcType::ValueError, "cannot convert NaN to integer ratio");
    IntegerRatio r;
    r.denominator = BigInt::from_int64(1);
    if (x == 0.0) return r;
    int e = 0;
    const double m = std::frexp(x, &e);
    auto mant = static_cast<int64_t>(std::ldexp(m, 53));  // exact, |mant| < 2**53
    e -= 53;
    if (e >= 0) {
        r.numerator = lshift(BigInt::from_int64(mant), int64_t{e}).value;
        return r;
    }
    const int tz = std::min(std::countr_zero(static_cast<uint64_t>(mant < 0 ? -mant : mant)), -e);
    r.numerator = BigInt::from_int64(mant >> tz);
    r.denominator = lshift(BigInt::from_int64(1), int64_t{-e - tz}).value;
    return r;
}

std::string float_hex(double x) {
    if (!std::isfinite(x)) return float_repr(x);
    if (x == 0.0) return std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
    int e = 0;
    double m = std::frexp(std::fabs(x), &e);
    const int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    static const char kHex[] = "0123456789abcdef";
    std::string s = x < 0 ? "-0x" : "0x";
    s.push_back(kHex[static_cast<int>(m)]);
    m -= static_cast<int>(m);
    s.push_back('.');
    for (int i = 0; i < 13; ++i) {  // (TOHEX_NBITS - 1) / 4 digits
        m *= 16.0;
        s.push_back(kHex[static_cast<int>(m)]);
        m -= static_cast<int>(m);
    }
    char exp[16];
    std::snprintf(exp, sizeof exp, "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return s + exp;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool starts_with_word(std::string_view s, size_t i, const char* w) {
    for (size_t k = 0; w[k] != '\0'; ++k) {
        if (i + k >= s.size() || (s[i + k] | 0x20) != w[k]) return false;
    }
    return true;
}

}  // namespace

Result<double> float_fromhex(std::string_view s) {
    const Error parse_error{ExcType::ValueError, "invalid hexadecimal floating-point string"};
    const Error overflow{ExcType::OverflowError,
                         "hexadecimal value too large to represent as a float"};
    size_t i = 0;
    while (i < s.size() && space(s[i])) ++i;
    double x = 0;
    bool negate = false;
    auto finish = [&](size_t at, double value) -> Result<double> {
        while (at < s.size() && space(s[at])) ++at;
        if (at != s.size()) return parse_error;
        return value;
    };
    {  // _Py_parse_inf_or_nan
        size_t k = i;
        bool neg = false;
        if (k < s.size() && (s[k] == '-' || s[k] == '+')) neg = s[k++] == '-';
        if (starts_with_word(s, k, "inf")) {
            k += starts_with_word(s, k + 3, "inity") ? 8 : 3;
            return finish(k, neg ? -INFINITY : INFINITY);
        }
        if (starts_with_word(s, k, "nan")) return finish(k + 3, neg ? -std::nan("") : std::nan(""));
    }
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negate = s[i++] == '-';
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
    std::string digits;
    int64_t fdigits = 0;
    for (; i < s.size() && hex_value(s[i]) >= 0; ++i) digits.push_back(s[i]);
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && hex_value(s[i]) >= 0; ++i) {
            digits.push_back(s[i]);
            ++fdigits;
        }
    }
    if (digits.empty()) return parse_error;
    int64_t exp = 0;
    if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
        ++i;
        bool exp_neg = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_neg = s[i++] == '-';
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return parse_error;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            if (exp < (int64_t(1) << 59)) exp = exp * 10 + (s[i] - '0');  // saturates
        }
        if (exp_neg) exp = -exp;
    }
    const BigInt mant = BigInt::from_text(digits, 16, TextKind::str, 0).value;
    if (mant.is_zero() || exp < -(int64_t(1) << 59)) return finish(i, negate ? -0.0 : 0.0);
    if (exp > (int64_t(1) << 59)) return overflow;
    const int64_t e2 = exp - 4 * fdigits;
    const int64_t top_exp = e2 + static_cast<int64_t>(mant.bit_length());
    if (top_exp < DBL_MIN_EXP - DBL_MANT_DIG) return finish(i, negate ? -0.0 : 0.0);
    if (top_exp > DBL_MAX_EXP) return overflow;
    Result<double> v = e2 >= 0 ? lshift(mant, e2).value.to_double()
                               : true_divide(mant, lshift(BigInt::from_int64(1), -e2).value);
    if (!v) return overflow;
    x = negate ? -v.value : v.value;
    return finish(i, x);
}

int compare_int64_double(int64_t a, double x) {
    if (std::isnan(x)) return 2;
    if (a >= -(int64_t(1) << 53) && a <= (int64_t(1) << 53)) {
        const auto ad = static_cast<double>(a);
        return ad < x ? -1 : (ad > x ? 1 : 0);
    }
    return compare_with_double(BigInt::from_int64(a), x);
}

}  // namespace interleave::python
