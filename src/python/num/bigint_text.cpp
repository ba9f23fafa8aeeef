// BigInt <-> text: int(text, base) as CPython 3.11's PyLong_FromString (with
// PyLong_FromUnicodeObject's and _PyLong_FromBytes' error reporting), str() as
// long_to_decimal_string with the 4300-digit limit, hex/oct/bin as long_format_binary.
#include <cstdio>

#include "python/num/bigint.hpp"
#include "python/num/bigint_mag.hpp"
#include "python/num/str_repr.hpp"
#include "python/num/unicode_db.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

using detail::Mag;

namespace {

constexpr const char* kLimitToStr =
    "Exceeds the limit (%d digits) for integer string conversion; use "
    "sys.set_int_max_str_digits() to increase the limit";
constexpr const char* kLimitToInt =
    "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; use "
    "sys.set_int_max_str_digits() to increase the limit";

bool is_ascii_space(unsigned char c) {  // Py_ISSPACE
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int digit_value(unsigned char c) {  // _PyLong_DigitValue: 37 for non-digits
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

// First `limit` code points of UTF-8 text (the "%.200R" precision of PyUnicode_FromFormat).
std::string cut_code_points(std::string s, size_t limit) {
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0u) != 0x80u && count++ == limit) {
            s.resize(i);
            break;
        }
    }
    return s;
}

Error invalid_literal(std::string_view text, int base, TextKind kind) {
    std::string shown = kind == TextKind::bytes ? repr_bytes(text.substr(0, 200)) : repr_str(text);
    return make_error(ExcType::ValueError, "invalid literal for int() with base " +
                                               std::to_string(base) + ": " +
                                               cut_code_points(std::move(shown), 200));
}

enum class Parse { ok, invalid, limit, interrupted };

// PyLong_FromString over ASCII text; reads past the end as NUL, as the C string would.
Parse parse_int(std::string_view s, int base, int max_digits, const Poll* poll, BigInt* out,
                size_t* digit_count) {
    const size_t n = s.size();
    auto ch = [&](size_t k) -> unsigned char {
        return k < n ? static_cast<unsigned char>(s[k]) : 0;
    };
    size_t i = 0;
    while (is_ascii_space(ch(i))) ++i;
    bool negative = false;
    if (ch(i) == '+') {
        ++i;
    } else if (ch(i) == '-') {
        ++i;
        negative = true;
    }
    bool error_if_nonzero = false;
    const auto lower1 = static_cast<unsigned char>(ch(i + 1) | 0x20);
    if (base == 0) {
        if (ch(i) != '0') {
            base = 10;
        } else if (lower1 == 'x') {
            base = 16;
        } else if (lower1 == 'o') {
            base = 8;
        } else if (lower1 == 'b') {
            base = 2;
        } else {
            error_if_nonzero = true;  // "old" octal like 010 is invalid unless it is zero
            base = 10;
        }
    }
    if (ch(i) == '0' && ((base == 16 && lower1 == 'x') || (base == 8 && lower1 == 'o') ||
                         (base == 2 && lower1 == 'b'))) {
        i += 2;
        if (ch(i) == '_') ++i;  // one underscore allowed after the prefix
    }
    if (ch(i) == '_') return Parse::invalid;
    const size_t start = i;
    size_t digits = 0;
    unsigned char prev = 0;
    while (digit_value(ch(i)) < base || ch(i) == '_') {
        if (ch(i) == '_') {
            if (prev == '_') return Parse::invalid;
        } else {
            ++digits;
        }
        prev = ch(i);
        ++i;
    }
    if (prev == '_') return Parse::invalid;
    const bool binary = (base & (base - 1)) == 0;
    if (!binary && digits > static_cast<size_t>(kMaxStrDigitsThreshold) && max_digits > 0 &&
        digits > static_cast<size_t>(max_digits)) {
        *digit_count = digits;
        return Parse::limit;
    }
    Mag z;
    if (binary) {
        const int bits_per = __builtin_ctz(static_cast<unsigned>(base));
        z.assign((digits * static_cast<size_t>(bits_per) + 31) / 32, 0);
        uint64_t pos = 0;
        for (size_t k = i; k-- > start;) {
            if (s[k] == '_') continue;
            const uint64_t v = static_cast<uint64_t>(digit_value(static_cast<unsigned char>(s[k])));
            z[pos / 32] |= static_cast<uint32_t>(v << (pos % 32));
            if (pos % 32 + static_cast<uint64_t>(bits_per) > 32) {
                z[pos / 32 + 1] |= static_cast<uint32_t>(v >> (32 - pos % 32));
            }
            pos += static_cast<uint64_t>(bits_per);
        }
        detail::trim(z);
    } else {
        // Groups of `width` digits: base**width fits a limb.
        uint32_t width = 0;
        uint64_t group_max = 1;
        while (group_max * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
            group_max *= static_cast<uint64_t>(base);
            ++width;
        }
        detail::WorkMeter meter{poll};
        uint32_t group = 0, in_group = 0, mult = 1;
        for (size_t k = start; k < i; ++k) {
            if (s[k] == '_') continue;
            group = group * static_cast<uint32_t>(base) +
                    static_cast<uint32_t>(digit_value(static_cast<unsigned char>(s[k])));
            mult *= static_cast<uint32_t>(base);
            if (++in_group == width) {
                detail::mul_small_add(z, mult, group);
                if (meter.add(z.size())) return Parse::interrupted;
                group = in_group = 0;
                mult = 1;
            }
        }
        if (in_group != 0) detail::mul_small_add(z, mult, group);
    }
    if (error_if_nonzero && !z.empty()) return Parse::invalid;
    if (i == start) return Parse::invalid;
    while (is_ascii_space(ch(i))) ++i;
    if (i != n) return Parse::invalid;
    *out = BigInt::from_limbs(std::move(z), negative);
    return Parse::ok;
}

// m /= 10**9, returns the remainder. The constant divisor lets the compiler multiply by its
// reciprocal instead of dividing (2-3x faster than divrem_small's runtime divisor).
uint32_t divrem_1e9(Mag& m) {
    uint64_t rem = 0;
    for (size_t i = m.size(); i-- > 0;) {
        const uint64_t cur = (rem << 32) | m[i];
        const uint64_t q = cur / 1000000000u;
        m[i] = static_cast<uint32_t>(q);
        rem = cur - q * 1000000000u;
    }
    detail::trim(m);
    return static_cast<uint32_t>(rem);
}

// Decimal digits of m (9 per division by 10**9, O(n^2)); false if the poll stopped it.
bool decimal_digits(const Mag& mag, detail::WorkMeter& meter, std::string* out) {
    if (mag.empty()) {
        *out = "0";
        return true;
    }
    if (mag.size() <= 2) {  // one machine word: no limb arithmetic
        uint64_t v = mag[0] | (mag.size() > 1 ? uint64_t(mag[1]) << 32 : 0);
        char buf[24];
        char* p = buf + sizeof buf;
        do {
            *--p = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0);
        out->assign(p, static_cast<size_t>(buf + sizeof buf - p));
        return true;
    }
    Mag m = mag;
    std::string rev;
    rev.reserve(mag.size() * 10);
    while (!m.empty()) {
        uint32_t r = divrem_1e9(m);
        for (int k = 0; k < 9; ++k) {
            rev.push_back(static_cast<char>('0' + r % 10));
            r /= 10;
            if (m.empty() && r == 0) break;
        }
        if (meter.add(m.size())) return false;
    }
    out->assign(rev.rbegin(), rev.rend());
    return true;
}

std::string format_limit(const char* fmt, int limit, size_t digits = 0) {
    char buf[200];
    std::snprintf(buf, sizeof buf, fmt, limit, digits);
    return buf;
}

}  // namespace

Result<BigInt> BigInt::from_text(std::string_view text, int base, TextKind kind, int max_str_digits,
                                 const Poll* poll) {
    if ((base != 0 && base < 2) || base > 36) {
        return make_error(ExcType::ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    std::string converted;
    std::string_view s = text;
    if (kind == TextKind::str && !is_ascii(text)) {
        converted = unicode_decimal_and_space_to_ascii(text);
        s = converted;
    }
    BigInt result;
    size_t digits = 0;
    switch (parse_int(s, base, max_str_digits, poll, &result, &digits)) {
        case Parse::ok:
            return result;
        case Parse::invalid:
            return invalid_literal(text, base, kind);
        case Parse::limit:
            return make_error(ExcType::ValueError,
                              format_limit(kLimitToInt, max_str_digits, digits));
        case Parse::interrupted:
            break;
    }
    return make_error(ExcType::interrupted, "interrupted");
}

std::string BigInt::magnitude_digits(int base, bool upper) const {
    const char* digit_chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (mag_.empty()) return "0";
    std::string out;
    if (base == 10) {
        detail::WorkMeter meter;
        (void)decimal_digits(mag_, meter, &out);
        return out;
    }
    const int bits = base == 16 ? 4 : (base == 8 ? 3 : 1);
    const uint64_t total = bit_length();
    const uint64_t ndigits =
        (total + static_cast<uint64_t>(bits) - 1) / static_cast<uint64_t>(bits);
    out.resize(ndigits);
    for (uint64_t d = 0; d < ndigits; ++d) {
        const uint64_t pos = d * static_cast<uint64_t>(bits);
        uint64_t v = mag_[pos / 32] >> (pos % 32);
        if (pos % 32 + static_cast<uint64_t>(bits) > 32 && pos / 32 + 1 < mag_.size()) {
            v |= uint64_t(mag_[pos / 32 + 1]) << (32 - pos % 32);
        }
        out[ndigits - 1 - d] = digit_chars[v & ((1u << bits) - 1)];
    }
    return out;
}

Result<std::string> BigInt::to_decimal(int max_str_digits, const Poll* poll) const {
    if (max_str_digits > 0 && mag_.size() > 2) {
        // A lower bound on the digit count decides before the O(n^2) conversion, as the
        // "quick and dirty pre-check" of long_to_decimal_string does.
        const double lower = static_cast<double>(bit_length() - 1) * 0.30102999 + 1.0;
        if (lower > static_cast<double>(max_str_digits) + 1.0) {
            return make_error(ExcType::ValueError, format_limit(kLimitToStr, max_str_digits));
        }
    }
    std::string digits;
    detail::WorkMeter meter{poll};
    if (!decimal_digits(mag_, meter, &digits))
        return make_error(ExcType::interrupted, "interrupted");
    if (max_str_digits > 0 && digits.size() > static_cast<size_t>(kMaxStrDigitsThreshold) &&
        digits.size() > static_cast<size_t>(max_str_digits)) {
        return make_error(ExcType::ValueError, format_limit(kLimitToStr, max_str_digits));
    }
    if (neg_) digits.insert(digits.begin(), '-');
    return digits;
}

std::string BigInt::to_base(int base, bool prefix, bool upper) const {
    std::string out;
    if (neg_) out.push_back('-');
    if (prefix) {
        out.push_back('0');
        char p = base == 16 ? 'x' : (base == 8 ? 'o' : 'b');
        out.push_back(upper ? static_cast<char>(p - 32) : p);
    }
    out += magnitude_digits(base, upper);
    return out;
}

}  // namespace interleave::python
