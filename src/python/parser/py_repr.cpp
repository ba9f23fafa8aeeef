// Python's repr() of str, bytes, float and imaginary constants, as CPython 3.11 prints them
// (Objects/unicodeobject.c unicode_repr, Objects/bytesobject.c, Python/pystrtod.c 'r' format).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "python/parser/ast_dump.hpp"
#include "python/parser/unicode.hpp"

namespace interleave::python {

namespace {

// Shortest digits that round-trip, and the decimal exponent of the first digit.
void shortest_digits(double v, std::string* digits, int* exp10) {
    char buf[40];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    // buf: d[.ddd]e[+-]XX
    digits->clear();
    const char* p = buf;
    for (; *p && *p != 'e'; ++p) {
        if (*p >= '0' && *p <= '9') digits->push_back(*p);
    }
    *exp10 = std::atoi(p + 1);
    while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

// PyOS_double_to_string(v, 'r', 0, flags): add_dot_0 for float, not for complex parts.
std::string format_repr(double v, bool add_dot_0) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    std::string out;
    if (std::signbit(v)) {
        out.push_back('-');
        v = -v;
    }
    if (v == 0) return out + (add_dot_0 ? "0.0" : "0");
    std::string d;
    int e;
    shortest_digits(v, &d, &e);
    const int decpt = e + 1;
    if (decpt <= -4 || decpt > 16) {
        out += d[0];
        if (d.size() > 1) {
            out += '.';
            out.append(d, 1, std::string::npos);
        }
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        return out + eb;
    }
    if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-decpt), '0');
        return out + d;
    }
    if (static_cast<size_t>(decpt) >= d.size()) {
        out += d;
        out.append(static_cast<size_t>(decpt) - d.size(), '0');
        return add_dot_0 ? out + ".0" : out;
    }
    out.append(d, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(d, static_cast<size_t>(decpt), std::string::npos);
    return out;
}

void hex_escape(std::string& out, char kind, uint32_t v, int width) {
    char b[16];
    std::snprintf(b, sizeof b, "\\%c%0*x", kind, width, v);
    out += b;
}

}  // namespace

std::string ast_repr_float(double v) {
    return format_repr(v, true);
}

std::string ast_repr_imag(double v) {
    return format_repr(v, false) + "j";
}

std::string ast_repr_str(std::string_view s) {
    // unicode_repr: single quotes unless the text has ' and no ".
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        uint32_t cp;
        size_t n = decode_utf8(p, end, &cp);
        if (n == 0) {
            // Not valid UTF-8 (a lone surrogate from an escape): show the code point.
            cp = 0;
            n = 1;
            if ((static_cast<unsigned char>(*p) & 0xF0) == 0xE0 && end - p >= 3) {
                cp = ((static_cast<unsigned char>(p[0]) & 0x0F) << 12) |
                     ((static_cast<unsigned char>(p[1]) & 0x3F) << 6) |
                     (static_cast<unsigned char>(p[2]) & 0x3F);
                n = 3;
            }
            hex_escape(out, 'u', cp, 4);
            p += n;
            continue;
        }
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            hex_escape(out, 'x', cp, 2);
        } else if (cp < 0x7F) {
            out += static_cast<char>(cp);
        } else if (is_printable(cp)) {
            out.append(p, n);
        } else if (cp <= 0xFF) {
            hex_escape(out, 'x', cp, 2);
        } else if (cp <= 0xFFFF) {
            hex_escape(out, 'u', cp, 4);
        } else {
            hex_escape(out, 'U', cp, 8);
        }
        p += n;
    }
    out += quote;
    return out;
}

std::string ast_repr_bytes(std::string_view s) {
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            hex_escape(out, 'x', c, 2);
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}

}  // namespace interleave::python
