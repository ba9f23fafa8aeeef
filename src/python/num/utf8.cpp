// UTF-8 validation (as CPython 3.11's Objects/stringlib/codecs.h utf8_decode decides errors),
// encoding, counting and indexing.
#include "python/num/utf8.hpp"

#include <cstdio>
#include <cstring>

namespace interleave::python {

bool is_ascii(std::string_view s) {
    const char* p = s.data();
    const char* end = p + s.size();
    for (; end - p >= 8; p += 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        if ((w & 0x8080808080808080ull) != 0) return false;
    }
    for (; p < end; ++p) {
        if (static_cast<unsigned char>(*p) >= 0x80) return false;
    }
    return true;
}

namespace {

bool is_cont(unsigned char b) {
    return (b & 0xC0u) == 0x80u;
}

Error decode_error(std::string_view s, size_t start, size_t end, const char* reason) {
    char buf[160];
    if (end - start == 1) {
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                      static_cast<unsigned char>(s[start]), start, reason);
    } else {
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                      start, end - 1, reason);
    }
    return make_error(ExcType::ValueError, buf);
}

}  // namespace

Error utf8_check(std::string_view s) {
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    const char* bad_cont = "invalid continuation byte";
    while (i < n) {
        const unsigned char c = u[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0xC2 || c >= 0xF5) return decode_error(s, i, i + 1, "invalid start byte");
        const size_t left = n - i;
        if (c < 0xE0) {
            if (left < 2) return decode_error(s, i, n, "unexpected end of data");
            if (!is_cont(u[i + 1])) return decode_error(s, i, i + 1, bad_cont);
            i += 2;
            continue;
        }
        // Second-byte ranges that make shortest forms, no surrogates, nothing past U+10FFFF.
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
        const size_t len = c < 0xF0 ? 3 : 4;
        if (left >= 2 && (u[i + 1] < lo || u[i + 1] > hi))
            return decode_error(s, i, i + 1, bad_cont);
        for (size_t k = 2; k < len; ++k) {
            if (left <= k) return decode_error(s, i, n, "unexpected end of data");
            if (!is_cont(u[i + k])) return decode_error(s, i, i + k, bad_cont);
        }
        if (left < 2) return decode_error(s, i, n, "unexpected end of data");
        i += len;
    }
    return {};
}

void utf8_append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

size_t utf8_length(std::string_view s) {
    size_t count = 0;
    const char* p = s.data();
    const char* end = p + s.size();
    for (; end - p >= 8; p += 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        // Continuation bytes are 10xxxxxx: count bytes whose top two bits are not 10.
        const uint64_t cont = (w & ~(w << 1)) & 0x8080808080808080ull;
        count += 8 - static_cast<size_t>(__builtin_popcountll(cont));
    }
    for (; p < end; ++p) count += (static_cast<unsigned char>(*p) & 0xC0u) != 0x80u;
    return count;
}

size_t utf8_offset(std::string_view s, size_t index, bool ascii) {
    if (ascii) return index;
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    size_t i = 0;
    for (; index > 0 && i < s.size(); --index) i += static_cast<size_t>(utf8_seq_len(u[i]));
    return i < s.size() ? i : s.size();
}

char32_t utf8_at(std::string_view s, size_t index, bool ascii) {
    const char* p = s.data() + utf8_offset(s, index, ascii);
    return utf8_decode(p);
}

char32_t utf8_max_code_point(std::string_view s) {
    char32_t max = 0;
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            if (static_cast<unsigned char>(*p) > max) max = static_cast<unsigned char>(*p);
            ++p;
            continue;
        }
        char32_t c = utf8_decode(p);
        if (c > max) max = c;
    }
    return max;
}

}  // namespace interleave::python
