// format() for int and float (CPython 3.11's format_long_internal / format_float_internal).
#include <climits>
#include <cmath>

#include "python/num/float_format.hpp"
#include "python/num/format_detail.hpp"
#include "python/num/format_spec.hpp"
#include "python/num/int_ops.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

bool is_int_type(char32_t t) {
    return t == 'b' || t == 'c' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n';
}

bool is_float_type(char32_t t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

Error too_wide() {
    return make_error(ExcType::MemoryError, "");
}

}  // namespace

Result<std::string> format_int_spec(const BigInt& value, const FormatSpec& f, int max_str_digits) {
    if (f.precision != -1) {
        return make_error(ExcType::ValueError, "Precision not allowed in integer format specifier");
    }
    if (f.no_neg_0) {
        return make_error(ExcType::ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (f.width > kMaxFormatWidth) return too_wide();
    detail::NumberParts parts;
    std::string digits, tail;
    if (f.type == 'c') {
        if (f.sign != '\0') {
            return make_error(ExcType::ValueError,
                              "Sign not allowed with integer format specifier 'c'");
        }
        if (f.alternate) {
            return make_error(ExcType::ValueError,
                              "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        int64_t x = 0;
        if (!value.to_int64(&x)) {
            return make_error(ExcType::OverflowError, "Python int too large to convert to C long");
        }
        if (x < 0 || x > 0x10FFFF) {
            return make_error(ExcType::OverflowError, "%c arg not in range(0x110000)");
        }
        utf8_append(tail, static_cast<char32_t>(x));
    } else {
        int base = 10;
        const char* prefix = "";
        switch (f.type) {
            case 'b':
                base = 2, prefix = "0b";
                break;
            case 'o':
                base = 8, prefix = "0o";
                break;
            case 'x':
            case 'X':
                base = 16, prefix = "0x";
                break;
            default:
                break;
        }
        if (base == 10) {
            Result<std::string> dec = value.to_decimal(max_str_digits);
            if (!dec) return dec.error;
            digits = std::move(dec.value);
            if (value.is_negative()) digits.erase(0, 1);
        } else {
            digits = value.magnitude_digits(base);
        }
        if (value.is_negative()) parts.sign_char = '-';
        if (f.alternate) parts.prefix = prefix;
        if (f.type != 'n' && f.grouping != '\0') {
            parts.group_sep = f.grouping;
            parts.group_size = (f.grouping == '_' && base != 10) ? 4 : 3;
        }
        parts.upper = f.type == 'X';
    }
    parts.digits = digits;
    parts.tail = tail;
    std::string out;
    detail::layout_number(out, parts, f);
    return out;
}

Result<std::string> format_float_spec(double val, const FormatSpec& f) {
    if (f.precision > INT_MAX) return make_error(ExcType::ValueError, "precision too big");
    if (f.precision > kMaxFormatWidth || f.width > kMaxFormatWidth) return too_wide();
    int precision = static_cast<int>(f.precision);
    int default_precision = 6;
    int flags = 0;
    if (f.alternate) flags |= dtsf::alt;
    if (f.no_neg_0) flags |= dtsf::no_neg_0;
    char type = static_cast<char>(f.type);
    if (type == '\0') {
        flags |= dtsf::add_dot_0;  // like repr, or like 'g' keeping a ".0" with a precision
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool add_pct = false;
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    std::string buf = double_to_string(val, type, precision, flags);
    if (add_pct) buf.push_back('%');
    detail::NumberParts parts;
    std::string_view rest = buf;
    if (!rest.empty() && rest[0] == '-') {
        parts.sign_char = '-';
        rest.remove_prefix(1);
    }
    size_t n = 0;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
    parts.digits = rest.substr(0, n);
    parts.tail = rest.substr(n);
    if (f.type != 'n' && f.grouping != '\0') parts.group_sep = f.grouping;
    std::string out;
    detail::layout_number(out, parts, f);
    return out;
}

Result<std::string> format_int(const BigInt& value, std::string_view spec,
                               std::string_view type_name, int max_str_digits) {
    if (spec.empty()) return value.to_decimal(max_str_digits);
    Result<FormatSpec> f = parse_format_spec(spec, 'd', '>', type_name);
    if (!f) return f.error;
    if (is_int_type(f.value.type)) return format_int_spec(value, f.value, max_str_digits);
    if (is_float_type(f.value.type)) {
        Result<double> d = value.to_double();  // PyNumber_Float
        if (!d) return d.error;
        return format_float_spec(d.value, f.value);
    }
    return detail::unknown_format_code(f.value.type, type_name);
}

Result<std::string> format_int(int64_t value, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return int64_to_string(value);
    return format_int(BigInt::from_int64(value), spec, type_name);
}

Result<std::string> format_float(double value, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return float_repr(value);
    Result<FormatSpec> f = parse_format_spec(spec, '\0', '>', type_name);
    if (!f) return f.error;
    const char32_t t = f.value.type;
    if (t == '\0' || t == 'n' || is_float_type(t)) return format_float_spec(value, f.value);
    return detail::unknown_format_code(t, type_name);
}

}  // namespace interleave::python
