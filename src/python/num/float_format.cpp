// float <-> text (CPython 3.11's Python/pystrtod.c and Objects/floatobject.c behaviour). Digits
// come from the C library's correctly rounded printf; round trips are checked with strtod on
// strings without a decimal point (so the locale never matters).
#include "python/num/float_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "python/num/str_repr.hpp"
#include "python/num/unicode_db.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

// |x| printed as "%.{prec}e": all prec + 1 digits (trailing zeros kept) and decpt.
DecimalDigits e_digits(double ax, int prec) {
    char small[64];
    std::vector<char> big;
    char* buf = small;
    size_t size = sizeof small;
    if (prec > 40) {
        big.resize(static_cast<size_t>(prec) + 64);
        buf = big.data();
        size = big.size();
    }
    std::snprintf(buf, size, "%.*e", prec, ax);
    DecimalDigits d;
    const char* p = buf;
    for (; *p != 'e' && *p != 'E' && *p != '\0'; ++p) {
        if (*p >= '0' && *p <= '9') d.digits.push_back(*p);  // skips the locale's point
    }
    d.decpt = (*p != '\0' ? std::atoi(p + 1) : 0) + 1;
    return d;
}

void strip_trailing_zeros(std::string& digits) {
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

// Reads "DIGITS x 10**(decpt - n)" back with strtod.
double read_back(const std::string& digits, int decpt) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%se%d", digits.c_str(),
                  decpt - static_cast<int>(digits.size()));
    return std::strtod(buf, nullptr);
}

// The next larger number with the same count of digits (999 -> 100, decpt + 1).
DecimalDigits increment(DecimalDigits d) {
    size_t i = d.digits.size();
    while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
    if (i == 0) {
        d.digits.insert(d.digits.begin(), '1');
        d.digits.pop_back();
        ++d.decpt;
    } else {
        ++d.digits[i - 1];
    }
    return d;
}

}  // namespace

DecimalDigits shortest_digits(double x) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    // libstdc++'s to_chars is the shortest round-trip (Ryu), closest among the shortest: the
    // digits dtoa's mode 0 gives. ~20x faster than the portable search below.
    if (x != 0.0 && std::isfinite(x)) {
        char buf[48];
        const std::to_chars_result r =
            std::to_chars(buf, buf + sizeof buf - 1, std::fabs(x), std::chars_format::scientific);
        *r.ptr = '\0';  // to_chars does not terminate; atoi below needs it
        DecimalDigits d;
        const char* p = buf;
        for (; p < r.ptr && *p != 'e'; ++p) {
            if (*p != '.') d.digits.push_back(*p);
        }
        d.decpt = std::atoi(p + 1) + 1;
        strip_trailing_zeros(d.digits);
        d.negative = std::signbit(x);
        return d;
    }
#endif
    return shortest_digits_portable(x);
}

DecimalDigits shortest_digits_portable(double x) {
    const double ax = std::fabs(x);
    DecimalDigits best;
    if (ax == 0.0) {
        best.digits = "0";
        best.decpt = 1;
        best.negative = std::signbit(x);
        return best;
    }
    uint64_t bits;
    std::memcpy(&bits, &ax, 8);
    const bool power_of_two = (bits & ((uint64_t(1) << 52) - 1)) == 0 && (bits >> 52) > 1;
    if (!power_of_two) {
        // Correctly rounded p digits read back for every p past the shortest (each is at least
        // as close as the one before), so binary search; 17 digits always read back.
        int lo = 1, hi = 17;
        DecimalDigits at_hi;
        bool have_hi = false;
        DecimalDigits cand = e_digits(ax, 14);  // 15 digits: most literals need fewer
        if (read_back(cand.digits, cand.decpt) == ax) {
            hi = 15;
            at_hi = cand;
            have_hi = true;
        } else {
            lo = 16;
        }
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            cand = e_digits(ax, mid - 1);
            if (read_back(cand.digits, cand.decpt) == ax) {
                hi = mid;
                at_hi = std::move(cand);
                have_hi = true;
            } else {
                lo = mid + 1;
            }
        }
        best = have_hi ? std::move(at_hi) : e_digits(ax, hi - 1);
    } else {
        // A power of two has a rounding interval twice as wide above as below: the closest
        // p-digit number may miss (below) while the next one up reads back.
        for (int p = 1; p <= 17; ++p) {
            DecimalDigits cand = e_digits(ax, p - 1);
            const double back = read_back(cand.digits, cand.decpt);
            if (back == ax) {
                best = std::move(cand);
                break;
            }
            if (back < ax) {
                DecimalDigits up = increment(cand);
                if (read_back(up.digits, up.decpt) == ax) {
                    best = std::move(up);
                    break;
                }
            }
        }
    }
    strip_trailing_zeros(best.digits);
    best.negative = std::signbit(x);
    return best;
}

DecimalDigits significant_digits(double x, int significant) {
    DecimalDigits d;
    if (x == 0.0) {
        d.digits = "0";
        d.decpt = 1;
    } else {
        d = e_digits(std::fabs(x), significant - 1);
        strip_trailing_zeros(d.digits);
    }
    d.negative = std::signbit(x);
    return d;
}

DecimalDigits decimal_digits(double x, int decimals) {
    DecimalDigits d;
    d.negative = std::signbit(x);
    if (x == 0.0) {
        d.digits = "0";
        d.decpt = 1;
        return d;
    }
    std::vector<char> buf(static_cast<size_t>(decimals) + 400);
    std::snprintf(buf.data(), buf.size(), "%.*f", decimals, std::fabs(x));
    // Integer digits, then fraction digits (the point is whatever the locale prints).
    const char* p = buf.data();
    std::string all;
    int int_digits = 0;
    for (; *p >= '0' && *p <= '9'; ++p) {
        all.push_back(*p);
        ++int_digits;
    }
    for (; *p != '\0'; ++p) {
        if (*p >= '0' && *p <= '9') all.push_back(*p);
    }
    size_t lead = 0;
    while (lead < all.size() && all[lead] == '0') ++lead;
    if (lead == all.size()) {  // rounded to nothing: dtoa's "no digits" answer
        d.decpt = -decimals;
        return d;
    }
    d.digits = all.substr(lead);
    d.decpt = int_digits - static_cast<int>(lead);
    strip_trailing_zeros(d.digits);
    return d;
}

std::string double_to_string(double val, char code, int precision, int flags, FloatKind* kind) {
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    const char lower_code = upper ? static_cast<char>(code + 32) : code;
    std::string out;
    if (!std::isfinite(val)) {
        const bool is_nan = std::isnan(val);
        if (kind != nullptr) *kind = is_nan ? FloatKind::nan : FloatKind::infinite;
        if (!is_nan && val < 0) {
            out.push_back('-');
        } else if (flags & dtsf::sign) {
            out.push_back('+');
        }
        out += is_nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return out;
    }
    if (kind != nullptr) *kind = FloatKind::finite;
    DecimalDigits d;
    switch (lower_code) {
        case 'e':
            ++precision;
            d = significant_digits(val, precision);
            break;
        case 'f':
            d = decimal_digits(val, precision);
            break;
        case 'g':
            if (precision == 0) precision = 1;
            d = significant_digits(val, precision);
            break;
        default:
            d = shortest_digits(val);
            break;
    }
    bool negative = d.negative;
    const auto ndigits = static_cast<int64_t>(d.digits.size());
    if ((flags & dtsf::no_neg_0) && negative && (ndigits == 0 || d.digits == "0")) negative = false;
    const bool add_dot_0 = flags & dtsf::add_dot_0;
    const bool alt = flags & dtsf::alt;
    // format_float_short: output vdigits[start:end] of the digits padded with zeros both ways.
    int64_t decpt = d.decpt;
    int64_t vend = ndigits;
    bool use_exp = false;
    switch (lower_code) {
        case 'e':
            use_exp = true;
            vend = precision;
            break;
        case 'f':
            vend = decpt + precision;
            break;
        case 'g':
            if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
            if (alt) vend = precision;
            break;
        default:
            if (decpt <= -4 || decpt > 16) use_exp = true;
            break;
    }
    int64_t exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    const int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) {
        vend = vend > decpt ? vend : decpt + 1;
    } else {
        vend = vend > decpt ? vend : decpt;
    }
    out.reserve(static_cast<size_t>(vend - vstart + 8));
    if (negative) {
        out.push_back('-');
    } else if (flags & dtsf::sign) {
        out.push_back('+');
    }
    if (decpt <= 0) {
        out.append(static_cast<size_t>(decpt - vstart), '0');
        out.push_back('.');
        out.append(static_cast<size_t>(-decpt), '0');
    } else {
        out.append(static_cast<size_t>(-vstart), '0');
    }
    if (0 < decpt && decpt <= ndigits) {
        out.append(d.digits, 0, static_cast<size_t>(decpt));
        out.push_back('.');
        out.append(d.digits, static_cast<size_t>(decpt), std::string::npos);
    } else {
        out += d.digits;
    }
    if (ndigits < decpt) {
        out.append(static_cast<size_t>(decpt - ndigits), '0');
        out.push_back('.');
        out.append(static_cast<size_t>(vend - decpt), '0');
    } else {
        out.append(static_cast<size_t>(vend - ndigits), '0');
    }
    if (out.back() == '.' && !alt) out.pop_back();
    if (use_exp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', static_cast<int>(exp));
        out += buf;
    }
    return out;
}

std::string float_repr(double x) {
    return double_to_string(x, 'r', 0, dtsf::add_dot_0);
}

void append_float_repr(std::string& out, double x) {
    out += float_repr(x);
}

// --- float(text) -------------------------------------------------------------------------------

namespace {

bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool match_word(std::string_view s, size_t i, const char* word) {
    for (size_t k = 0; word[k] != '\0'; ++k) {
        if (i + k >= s.size() || (s[i + k] | 0x20) != word[k]) return false;
    }
    return true;
}

// _Py_parse_inf_or_nan over the whole of s, or _Py_dg_strtod's syntax; false if neither
// consumes all of it.
bool parse_number(std::string_view s, double* out) {
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (match_word(s, i, "inf")) {
        const size_t end = match_word(s, i + 3, "inity") ? i + 8 : i + 3;
        if (end != s.size()) return false;
        *out = negative ? -INFINITY : INFINITY;
        return true;
    }
    if (match_word(s, i, "nan")) {
        if (i + 3 != s.size()) return false;
        *out = negative ? -std::nan("") : std::nan("");
        return true;
    }
    std::string mantissa;
    int64_t frac_digits = 0;
    bool any_digit = false;
    for (; i < s.size() && is_digit(s[i]); ++i) {
        any_digit = true;
        if (!mantissa.empty() || s[i] != '0') mantissa.push_back(s[i]);
    }
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && is_digit(s[i]); ++i) {
            any_digit = true;
            if (!mantissa.empty() || s[i] != '0') mantissa.push_back(s[i]);
            ++frac_digits;
        }
    }
    if (!any_digit) return false;
    int64_t exp = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
        if (i >= s.size() || !is_digit(s[i])) return false;
        for (; i < s.size() && is_digit(s[i]); ++i) {
            if (exp < 1000000000) exp = exp * 10 + (s[i] - '0');  // saturates: inf or 0 anyway
        }
        if (exp_negative) exp = -exp;
    }
    if (i != s.size()) return false;
    if (mantissa.empty()) {
        *out = negative ? -0.0 : 0.0;
        return true;
    }
    // "DIGITSe<exp>" has no decimal point: strtod reads it the same in every locale.
    std::string buf = negative ? "-" : "";
    buf += mantissa;
    buf += 'e';
    buf += std::to_string(exp - frac_digits);
    *out = std::strtod(buf.c_str(), nullptr);
    return true;
}

}  // namespace

Result<double> parse_float(std::string_view text, TextKind kind) {
    auto fail = [&]() -> Result<double> {
        return make_error(ExcType::ValueError,
                          "could not convert string to float: " +
                              (kind == TextKind::bytes ? repr_bytes(text) : repr_str(text)));
    };
    std::string converted;
    std::string_view s = text;
    if (kind == TextKind::str && !is_ascii(text)) {
        converted = unicode_decimal_and_space_to_ascii(text);
        s = converted;
    }
    if (s.find('_') != std::string_view::npos) {
        // _Py_string_to_number_with_underscores: each '_' between two digits.
        std::string cleaned;
        char prev = '\0';
        for (char c : s) {
            if (c == '\0') return fail();
            if (c == '_') {
                if (!is_digit(prev)) return fail();
            } else {
                if (prev == '_' && !is_digit(c)) return fail();
                cleaned.push_back(c);
            }
            prev = c;
        }
        if (prev == '_') return fail();
        converted = std::move(cleaned);
        s = converted;
    }
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    double value = 0;
    if (b == e || !parse_number(s.substr(b, e - b), &value)) return fail();
    return value;
}

}  // namespace interleave::python
