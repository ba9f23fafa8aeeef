// UTF-8 helpers for the editor (see utf8.hpp).
#include "ui/editor/utf8.hpp"

namespace interleave::ui {

namespace utf8 {

namespace {
bool cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}
}  // namespace

int char_len(std::string_view s, size_t i) {
    if (i >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    int n = 0;
    uint32_t min = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
    } else {
        return 1;
    }
    if (i + static_cast<size_t>(n) > s.size()) return 1;
    uint32_t cp = c & (0x7F >> n);
    for (int k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
        if (!cont(b)) return 1;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid (RFC 3629).
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 1;
    return n;
}

uint32_t decode(std::string_view s, size_t i) {
    const int n = char_len(s, i);
    if (n == 0) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1) return c < 0x80 ? c : 0xFFFD;
    uint32_t cp = c & (0x7F >> n);
    for (int k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    return cp;
}

bool is_boundary(std::string_view s, size_t i) {
    if (i == 0 || i >= s.size()) return i <= s.size();
    if (!cont(static_cast<unsigned char>(s[i]))) return true;
    // A continuation byte starts a "character" only if no valid sequence covers it.
    for (size_t back = 1; back <= 3 && back <= i; ++back) {
        const size_t start = i - back;
        if (cont(static_cast<unsigned char>(s[start]))) continue;
        return static_cast<size_t>(char_len(s, start)) <= back;
    }
    return true;
}

size_t prev_boundary(std::string_view s, size_t i) {
    if (i == 0) return 0;
    size_t j = i - 1;
    while (j > 0 && !is_boundary(s, j)) --j;
    return j;
}

std::string sanitize(std::string_view s, size_t* replaced) {
    std::string out;
    out.reserve(s.size());
    size_t bad = 0;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '\r') {
            out += '\n';
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        const int n = char_len(s, i);
        if (n == 1 && static_cast<unsigned char>(c) >= 0x80) {
            out += "\xEF\xBF\xBD";
            ++bad;
            ++i;
            continue;
        }
        out.append(s.substr(i, static_cast<size_t>(n)));
        i += static_cast<size_t>(n);
    }
    if (replaced) *replaced = bad;
    return out;
}

}  // namespace utf8

}  // namespace interleave::ui
