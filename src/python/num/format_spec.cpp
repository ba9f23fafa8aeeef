// Format-spec parsing, padding, digit grouping and str formatting (CPython 3.11's
// Python/formatter_unicode.c). Numbers: format_number.cpp.
#include "python/num/format_spec.hpp"

#include <algorithm>
#include <cstdio>

#include "python/num/format_detail.hpp"
#include "python/num/unicode_db.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

bool is_align(char32_t c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

// get_integer: decimal digits (Unicode decimals count) into *out; -1 digits on overflow.
int64_t read_integer(const std::u32string& s, size_t& pos, int64_t* out) {
    int64_t acc = 0, count = 0;
    for (; pos < s.size(); ++pos, ++count) {
        const char32_t c = s[pos];
        const int d = unicode_decimal_value(c);  // Py_UNICODE_TODECIMAL: any Nd digit
        if (d < 0) break;
        if (acc > (INT64_MAX - d) / 10) return -1;
        acc = acc * 10 + d;
    }
    *out = acc;
    return count;
}

std::string format_code_text(char32_t c) {
    char buf[32];
    if (c > 32 && c < 128) {
        std::snprintf(buf, sizeof buf, "'%c'", static_cast<char>(c));
    } else {
        std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned>(c));
    }
    return buf;
}

}  // namespace

namespace detail {

Error unknown_format_code(char32_t type, std::string_view type_name) {
    return make_error(ExcType::ValueError, "Unknown format code " + format_code_text(type) +
                                               " for object of type '" + std::string(type_name) +
                                               "'");
}

void pad_text(std::string& out, std::string_view utf8, size_t code_points, const FormatSpec& f) {
    const size_t total = f.width > 0 && static_cast<size_t>(f.width) > code_points
                             ? static_cast<size_t>(f.width)
                             : code_points;
    size_t left = 0;
    if (f.align == '>') {
        left = total - code_points;
    } else if (f.align == '^') {
        left = (total - code_points) / 2;
    }
    const size_t right = total - code_points - left;
    std::string fill;
    utf8_append(fill, f.fill);
    for (size_t i = 0; i < left; ++i) out += fill;
    out += utf8;
    for (size_t i = 0; i < right; ++i) out += fill;
}

void layout_number(std::string& out, const NumberParts& p, const FormatSpec& f) {
    char sign = '\0';
    if (f.sign == '+') {
        sign = p.sign_char == '-' ? '-' : '+';
    } else if (f.sign == ' ') {
        sign = p.sign_char == '-' ? '-' : ' ';
    } else if (p.sign_char == '-') {
        sign = '-';
    }
    const int64_t tail_len = static_cast<int64_t>(utf8_length(p.tail));
    const int64_t non_digit =
        (sign != '\0' ? 1 : 0) + static_cast<int64_t>(p.prefix.size()) + tail_len;
    int64_t min_width = (f.fill == '0' && f.align == '=') ? f.width - non_digit : 0;
    // _PyUnicode_InsertThousandsGrouping, right to left into `rev`.
    std::string rev;
    if (!p.digits.empty()) {
        int64_t remaining = static_cast<int64_t>(p.digits.size());
        size_t pos = p.digits.size();
        bool use_sep = false;
        auto emit = [&](int64_t len) {
            const int64_t zeros = std::max<int64_t>(0, len - remaining);
            const int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
            if (use_sep) rev.push_back(p.group_sep);
            for (int64_t k = 0; k < chars; ++k) rev.push_back(p.digits[--pos]);
            rev.append(static_cast<size_t>(zeros), '0');
            remaining -= chars;
            return len;
        };
        bool broken = false;
        if (p.group_sep != '\0') {
            for (;;) {
                const int64_t len = std::min<int64_t>(
                    p.group_size, std::max<int64_t>(std::max(remaining, min_width), 1));
                emit(len);
                use_sep = true;
                min_width -= len;
                if (remaining <= 0 && min_width <= 0) {
                    broken = true;
                    break;
                }
                min_width -= 1;  // the separator
            }
        }
        if (!broken) emit(std::max<int64_t>(std::max(remaining, min_width), 1));
        if (p.upper) {
            for (char& c : rev) {
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            }
        }
    }
    const int64_t used = non_digit + static_cast<int64_t>(rev.size());
    int64_t lpad = 0, spad = 0, rpad = 0;
    const int64_t padding = f.width - used;
    if (padding > 0) {
        switch (f.align) {
            case '<':
                rpad = padding;
                break;
            case '^':
                lpad = padding / 2;
                rpad = padding - lpad;
                break;
            case '=':
                spad = padding;
                break;
            default:
                lpad = padding;
                break;
        }
    }
    std::string fill;
    utf8_append(fill, f.fill);
    for (int64_t i = 0; i < lpad; ++i) out += fill;
    if (sign != '\0') out.push_back(sign);
    for (char c : p.prefix)
        out.push_back(p.upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    for (int64_t i = 0; i < spad; ++i) out += fill;
    out.append(rev.rbegin(), rev.rend());
    out += p.tail;
    for (int64_t i = 0; i < rpad; ++i) out += fill;
}

}  // namespace detail

Result<FormatSpec> parse_format_spec(std::string_view spec_utf8, char default_type,
                                     char default_align, std::string_view type_name) {
    std::u32string s;
    for (const char* p = spec_utf8.data(); p < spec_utf8.data() + spec_utf8.size();) {
        s.push_back(utf8_decode(p));
    }
    FormatSpec f;
    f.align = default_align;
    f.type = static_cast<unsigned char>(default_type);
    size_t pos = 0;
    const size_t end = s.size();
    bool align_specified = false, fill_specified = false;
    if (end - pos >= 2 && is_align(s[pos + 1])) {
        f.align = static_cast<char>(s[pos + 1]);
        f.fill = s[pos];
        fill_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(s[pos])) {
        f.align = static_cast<char>(s[pos]);
        align_specified = true;
        ++pos;
    }
    if (pos < end && (s[pos] == ' ' || s[pos] == '+' || s[pos] == '-'))
        f.sign = static_cast<char>(s[pos++]);
    if (pos < end && s[pos] == 'z') {
        f.no_neg_0 = true;
        ++pos;
    }
    if (pos < end && s[pos] == '#') {
        f.alternate = true;
        ++pos;
    }
    if (!fill_specified && pos < end && s[pos] == '0') {
        f.fill = '0';
        if (!align_specified && default_align == '>') f.align = '=';
        ++pos;
    }
    const Error too_many{ExcType::ValueError, "Too many decimal digits in format string"};
    int64_t consumed = read_integer(s, pos, &f.width);
    if (consumed < 0) return too_many;
    if (consumed == 0) f.width = -1;
    const Error both{ExcType::ValueError, "Cannot specify both ',' and '_'."};
    if (pos < end && s[pos] == ',') {
        f.grouping = ',';
        ++pos;
    }
    if (pos < end && s[pos] == '_') {
        if (f.grouping != '\0') return both;
        f.grouping = '_';
        ++pos;
    }
    if (pos < end && s[pos] == ',' && f.grouping == '_') return both;
    if (pos < end && s[pos] == '.') {
        ++pos;
        consumed = read_integer(s, pos, &f.precision);
        if (consumed < 0) return too_many;
        if (consumed == 0)
            return make_error(ExcType::ValueError, "Format specifier missing precision");
    }
    if (end - pos > 1) {
        return make_error(ExcType::ValueError,
                          "Invalid format specifier '" + std::string(spec_utf8) +
                              "' for object of type '" + std::string(type_name) + "'");
    }
    if (end - pos == 1) f.type = s[pos];
    if (f.grouping != '\0') {
        switch (f.type) {
            case 'd':
            case 'e':
            case 'f':
            case 'g':
            case 'E':
            case 'G':
            case '%':
            case 'F':
            case '\0':
                break;
            case 'b':
            case 'o':
            case 'x':
            case 'X':
                if (f.grouping == '_') break;  // every four digits
                [[fallthrough]];
            default: {
                std::string msg = "Cannot specify '";
                msg.push_back(f.grouping);
                msg += "' with " + format_code_text(f.type) + ".";
                return make_error(ExcType::ValueError, msg);
            }
        }
    }
    return f;
}

Result<std::string> format_str_spec(std::string_view text, const FormatSpec& f) {
    if (f.sign != '\0') {
        return make_error(ExcType::ValueError, f.sign == ' '
                                                   ? "Space not allowed in string format specifier"
                                                   : "Sign not allowed in string format specifier");
    }
    if (f.no_neg_0) {
        return make_error(ExcType::ValueError,
                          "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f.alternate) {
        return make_error(ExcType::ValueError,
                          "Alternate form (#) not allowed in string format specifier");
    }
    if (f.align == '=') {
        return make_error(ExcType::ValueError,
                          "'=' alignment not allowed in string format specifier");
    }
    if (f.width > kMaxFormatWidth) return make_error(ExcType::MemoryError, "");
    size_t len = utf8_length(text);
    std::string_view shown = text;
    if (f.precision >= 0 && len >= static_cast<size_t>(f.precision)) {
        len = static_cast<size_t>(f.precision);
        shown = text.substr(0, utf8_offset(text, len));
    }
    std::string out;
    detail::pad_text(out, shown, len, f);
    return out;
}

Result<std::string> format_str(std::string_view text, std::string_view spec,
                               std::string_view type_name) {
    if (spec.empty()) return std::string(text);
    Result<FormatSpec> f = parse_format_spec(spec, 's', '<', type_name);
    if (!f) return f.error;
    if (f.value.type != 's') return detail::unknown_format_code(f.value.type, type_name);
    return format_str_spec(text, f.value);
}

}  // namespace interleave::python
