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

void append(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int cell_width(uint32_t cp) {
    if (cp < 0x1100) return 1;  // the common case: Latin, Greek, Cyrillic...
    // The wide blocks, ascending (first, last). Symbols below U+2E80 that Unicode gives emoji
    // presentation (⭐, ✅) stay one cell: the editor draws them as text, from DejaVu or Symbola.
    static constexpr uint32_t kWide[][2] = {
        {0x1100, 0x115F},    // Hangul Jamo initial consonants
        {0x2E80, 0x303E},    // CJK radicals, Kangxi, ideographic description, CJK punctuation
        {0x3041, 0x33FF},    // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compat
        {0x3400, 0x4DBF},    // CJK Extension A
        {0x4E00, 0x9FFF},    // CJK Unified Ideographs
        {0xA000, 0xA4CF},    // Yi
        {0xA960, 0xA97F},    // Hangul Jamo Extended-A
        {0xAC00, 0xD7A3},    // Hangul syllables
        {0xF900, 0xFAFF},    // CJK compatibility ideographs
        {0xFE10, 0xFE19},    // vertical forms
        {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
        {0xFF00, 0xFF60},    // fullwidth forms
        {0xFFE0, 0xFFE6},    // fullwidth signs
        {0x16FE0, 0x18AFF},  // Tangut and others
        {0x1B000, 0x1B2FF},  // kana supplement, Nushu
        {0x1F004, 0x1F004},  // mahjong tile
        {0x1F0CF, 0x1F0CF},  // playing card
        {0x1F18E, 0x1F18E},  //
        {0x1F191, 0x1F19A},  // squared letters
        {0x1F200, 0x1F251},  // enclosed ideographic supplement
        {0x1F300, 0x1F64F},  // pictographs, emoticons (a few narrow ones counted wide)
        {0x1F680, 0x1F6FF},  // transport and map symbols
        {0x1F7E0, 0x1F7EB},  // coloured circles and squares
        {0x1F90C, 0x1F9FF},  // supplemental symbols and pictographs
        {0x1FA70, 0x1FAFF},  // symbols and pictographs extended-A
        {0x20000, 0x2FFFD},  // CJK Extensions B..F, compatibility supplement
        {0x30000, 0x3FFFD},  // CJK Extension G..
    };
    size_t lo = 0, hi = sizeof kWide / sizeof kWide[0];
    while (lo < hi) {  // the first block whose end is >= cp
        const size_t mid = (lo + hi) / 2;
        if (kWide[mid][1] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof kWide / sizeof kWide[0] && kWide[lo][0] <= cp ? 2 : 1;
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
