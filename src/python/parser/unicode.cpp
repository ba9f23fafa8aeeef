// UTF-8 and the Unicode property lookups of unicode.hpp.
#include "python/parser/unicode.hpp"

#include <algorithm>
#include <cstring>

namespace interleave::python {

namespace {

bool in_ranges(const CodeRange* r, size_t n, uint32_t cp) {
    const CodeRange* end = r + n;
    const CodeRange* it =
        std::upper_bound(r, end, cp, [](uint32_t c, const CodeRange& x) { return c < x.first; });
    return it != r && cp <= (it - 1)->last;
}

}  // namespace

size_t decode_utf8(const char* p, const char* end, uint32_t* cp) {
    const auto* s = reinterpret_cast<const unsigned char*>(p);
    const size_t avail = static_cast<size_t>(end - p);
    const unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n) return 0;
    for (size_t i = 1; i < n; ++i) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

size_t find_invalid_utf8(std::string_view s) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        uint32_t cp;
        size_t n = decode_utf8(p, end, &cp);
        if (n == 0) return static_cast<size_t>(p - s.data());
        p += n;
    }
    return std::string_view::npos;
}

bool is_id_start(uint32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return in_ranges(unicode_tables::xid_start, unicode_tables::xid_start_size, cp);
}

bool is_id_continue(uint32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' ||
               (cp >= '0' && cp <= '9');
    }
    return in_ranges(unicode_tables::xid_continue, unicode_tables::xid_continue_size, cp);
}

bool is_printable(uint32_t cp) {
    if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
    return in_ranges(unicode_tables::printable, unicode_tables::printable_size, cp);
}

std::optional<uint32_t> lookup_char_name(std::string_view name) {
    std::string upper(name);
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    const NamedChar* begin = unicode_tables::names;
    const NamedChar* end = begin + unicode_tables::names_size;
    const NamedChar* it =
        std::lower_bound(begin, end, upper, [](const NamedChar& n, const std::string& key) {
            return std::strcmp(n.name, key.c_str()) < 0;
        });
    if (it != end && upper == it->name) return it->code;
    return std::nullopt;
}

}  // namespace interleave::python
