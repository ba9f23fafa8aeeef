// repr/ascii of str and bytes (CPython 3.11's unicode_repr and PyBytes_Repr).
#include "python/num/str_repr.hpp"

#include "python/num/unicode_db.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char kind, char32_t c, int digits) {
    out.push_back('\\');
    out.push_back(kind);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.push_back(kHex[(c >> shift) & 0xF]);
}

char pick_quote(std::string_view s) {
    bool single = false, dbl = false;
    for (char ch : s) {
        if (ch == '\'') single = true;
        if (ch == '"') dbl = true;
    }
    return (single && !dbl) ? '"' : '\'';
}

// Escapes shared by str and bytes for code points < 0x80. Returns false if c was not handled.
bool append_ascii_escaped(std::string& out, char32_t c, char quote) {
    if (c == static_cast<char32_t>(quote) || c == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
        out += "\\t";
    } else if (c == '\n') {
        out += "\\n";
    } else if (c == '\r') {
        out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
        append_hex(out, 'x', c, 2);
    } else if (c < 0x7F) {
        out.push_back(static_cast<char>(c));
    } else {
        return false;
    }
    return true;
}

}  // namespace

void append_repr_str(std::string& out, std::string_view s, bool ascii_only) {
    const char quote = pick_quote(s);
    out.reserve(out.size() + s.size() + 2);
    out.push_back(quote);
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        const char* start = p;
        const char32_t c = utf8_decode(p);
        if (append_ascii_escaped(out, c, quote)) continue;
        if (!ascii_only && unicode_isprintable(c)) {
            out.append(start, static_cast<size_t>(p - start));
        } else if (c <= 0xFF) {
            append_hex(out, 'x', c, 2);
        } else if (c <= 0xFFFF) {
            append_hex(out, 'u', c, 4);
        } else {
            append_hex(out, 'U', c, 8);
        }
    }
    out.push_back(quote);
}

std::string repr_str(std::string_view utf8) {
    std::string out;
    append_repr_str(out, utf8, false);
    return out;
}

std::string ascii_str(std::string_view utf8) {
    std::string out;
    append_repr_str(out, utf8, true);
    return out;
}

namespace {

// PyBytes_Repr; bytearray_repr (3.11) also escapes every ' even inside "...".
std::string repr_byte_string(std::string_view bytes, bool escape_single) {
    const char quote = pick_quote(bytes);
    std::string out;
    out.reserve(bytes.size() + 3);
    out.push_back('b');
    out.push_back(quote);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (escape_single && c == '\'') {
            out += "\\'";
            continue;
        }
        if (!append_ascii_escaped(out, c, quote)) append_hex(out, 'x', c, 2);
    }
    out.push_back(quote);
    return out;
}

}  // namespace

std::string repr_bytes(std::string_view bytes) {
    return repr_byte_string(bytes, false);
}

std::string repr_bytearray(std::string_view bytes) {
    return "bytearray(" + repr_byte_string(bytes, true) + ")";
}

}  // namespace interleave::python
