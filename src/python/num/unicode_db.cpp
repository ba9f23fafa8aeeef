// Lookups in the generated Unicode tables (unicode_db_props.cpp, unicode_db_case.cpp).
#include "python/num/unicode_db.hpp"

#include <algorithm>

#include "python/num/unicode_db_data.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

using namespace detail;

uint16_t unicode_flags(char32_t c) {
    if (c < 256) return kLatin1Flags[c];
    if (c > 0x10FFFF) return 0;
    // The last run starting at or before c.
    const uint32_t* end = kFlagRunStart + kFlagRunCount;
    const uint32_t* it = std::upper_bound(kFlagRunStart, end, static_cast<uint32_t>(c));
    return kFlagRunFlags[(it - kFlagRunStart) - 1];
}

int unicode_decimal_value(char32_t c) {
    if (c < 128) return (c >= '0' && c <= '9') ? static_cast<int>(c - '0') : -1;
    const uint32_t* end = kDecimalStart + kDecimalCount;
    const uint32_t* it = std::upper_bound(kDecimalStart, end, static_cast<uint32_t>(c));
    if (it == kDecimalStart) return -1;
    const uint32_t start = *(it - 1);
    return c - start < 10 ? static_cast<int>(c - start) : -1;
}

std::string unicode_decimal_and_space_to_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const char32_t c = utf8_decode(p);
        if (c < 127) {
            out.push_back(static_cast<char>(c));
        } else if (unicode_isspace(c)) {
            out.push_back(' ');
        } else {
            const int d = unicode_decimal_value(c);
            if (d < 0) {
                out.push_back('?');
                break;
            }
            out.push_back(static_cast<char>('0' + d));
        }
    }
    return out;
}

namespace {

int map_case(char32_t c, char32_t out[3], const CaseRange* ranges, uint32_t range_count,
             const CaseSpecial* specials, uint32_t special_count) {
    const CaseSpecial* send = specials + special_count;
    const CaseSpecial* s =
        std::lower_bound(specials, send, static_cast<uint32_t>(c),
                         [](const CaseSpecial& e, uint32_t v) { return e.cp < v; });
    if (s != send && s->cp == c) {
        int n = 0;
        for (uint32_t v : s->out) {
            if (v != 0) out[n++] = v;
        }
        return n;
    }
    const CaseRange* rend = ranges + range_count;
    const CaseRange* r =
        std::upper_bound(ranges, rend, static_cast<uint32_t>(c),
                         [](uint32_t v, const CaseRange& e) { return v < e.start; });
    out[0] = c;
    if (r != ranges) {
        --r;
        const uint32_t off = c - r->start;
        if (off % r->stride == 0 && off / r->stride < r->count) {
            out[0] = static_cast<char32_t>(static_cast<int32_t>(c) + r->delta);
        }
    }
    return 1;
}

}  // namespace

int unicode_to_lower(char32_t c, char32_t out[3]) {
    if (c < 128) {
        out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        return 1;
    }
    return map_case(c, out, kLowerRanges, kLowerRangeCount, kLowerSpecials, kLowerSpecialCount);
}

int unicode_to_upper(char32_t c, char32_t out[3]) {
    if (c < 128) {
        out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
        return 1;
    }
    return map_case(c, out, kUpperRanges, kUpperRangeCount, kUpperSpecials, kUpperSpecialCount);
}

int unicode_to_title(char32_t c, char32_t out[3]) {
    if (c < 128) {
        out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
        return 1;
    }
    return map_case(c, out, kTitleRanges, kTitleRangeCount, kTitleSpecials, kTitleSpecialCount);
}

int unicode_to_fold(char32_t c, char32_t out[3]) {
    if (c < 128) {
        out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        return 1;
    }
    return map_case(c, out, kFoldRanges, kFoldRangeCount, kFoldSpecials, kFoldSpecialCount);
}

}  // namespace interleave::python
