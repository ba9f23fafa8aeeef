// str case conversions and predicates (CPython 3.11's do_lower/do_upper/do_casefold/
// do_swapcase/do_capitalize/do_title, handle_capital_sigma, unicode_is* methods).
#include "python/num/str_case.hpp"

#include <vector>

#include "python/num/unicode_db.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (const char* p = s.data(); p < s.data() + s.size();) out.push_back(utf8_decode(p));
    return out;
}

void append(std::string& out, const char32_t* cps, int n) {
    for (int i = 0; i < n; ++i) utf8_append(out, cps[i]);
}

// handle_capital_sigma: ς when Σ ends a cased word.
char32_t capital_sigma(const std::u32string& s, size_t i) {
    size_t j = i;
    char32_t c = 0;
    bool found = false;
    while (j-- > 0) {
        c = s[j];
        if (!unicode_iscaseignorable(c)) {
            found = true;
            break;
        }
    }
    bool final_sigma = found && unicode_iscased(c);
    if (final_sigma) {
        size_t k = i + 1;
        for (; k < s.size(); ++k) {
            c = s[k];
            if (!unicode_iscaseignorable(c)) break;
        }
        final_sigma = k == s.size() || !unicode_iscased(c);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

// lower_ucs4: the full lower mapping, with Σ in context.
int lower_at(const std::u32string& s, size_t i, char32_t out[3]) {
    if (s[i] == 0x3A3) {
        out[0] = capital_sigma(s, i);
        return 1;
    }
    return unicode_to_lower(s[i], out);
}

template <class Map>
std::string ascii_map(std::string_view s, Map map) {
    std::string out(s);
    for (size_t i = 0; i < out.size(); ++i) out[i] = map(out[i], i);
    return out;
}

char lo(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

char up(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
}

bool ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

template <class Pred>
bool all_of(std::string_view s, Pred pred) {
    if (s.empty()) return false;
    for (const char* p = s.data(); p < s.data() + s.size();) {
        if (!pred(utf8_decode(p))) return false;
    }
    return true;
}

}  // namespace

std::string str_lower(std::string_view s) {
    if (is_ascii(s)) return ascii_map(s, [](char c, size_t) { return lo(c); });
    const std::u32string cps = decode(s);
    std::string out;
    out.reserve(s.size());
    char32_t m[3];
    for (size_t i = 0; i < cps.size(); ++i) append(out, m, lower_at(cps, i, m));
    return out;
}

std::string str_upper(std::string_view s) {
    if (is_ascii(s)) return ascii_map(s, [](char c, size_t) { return up(c); });
    std::string out;
    out.reserve(s.size());
    char32_t m[3];
    for (const char* p = s.data(); p < s.data() + s.size();)
        append(out, m, unicode_to_upper(utf8_decode(p), m));
    return out;
}

std::string str_casefold(std::string_view s) {
    if (is_ascii(s)) return ascii_map(s, [](char c, size_t) { return lo(c); });
    std::string out;
    out.reserve(s.size());
    char32_t m[3];
    for (const char* p = s.data(); p < s.data() + s.size();)
        append(out, m, unicode_to_fold(utf8_decode(p), m));
    return out;
}

std::string str_swapcase(std::string_view s) {
    if (is_ascii(s))
        return ascii_map(s, [](char c, size_t) { return c >= 'a' && c <= 'z' ? up(c) : lo(c); });
    const std::u32string cps = decode(s);
    std::string out;
    out.reserve(s.size());
    char32_t m[3];
    for (size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (unicode_isupper(c)) {
            append(out, m, lower_at(cps, i, m));
        } else if (unicode_islower(c)) {
            append(out, m, unicode_to_upper(c, m));
        } else {
            utf8_append(out, c);
        }
    }
    return out;
}

std::string str_capitalize(std::string_view s) {
    if (s.empty()) return std::string();
    if (is_ascii(s)) return ascii_map(s, [](char c, size_t i) { return i == 0 ? up(c) : lo(c); });
    const std::u32string cps = decode(s);
    std::string out;
    out.reserve(s.size());
    char32_t m[3];
    append(out, m, unicode_to_title(cps[0], m));
    for (size_t i = 1; i < cps.size(); ++i) append(out, m, lower_at(cps, i, m));
    return out;
}

std::string str_title(std::string_view s) {
    if (is_ascii(s)) {
        bool previous_is_cased = false;
        return ascii_map(s, [&](char c, size_t) {
            const char r = previous_is_cased ? lo(c) : up(c);
            previous_is_cased = ascii_alpha(c);
            return r;
        });
    }
    const std::u32string cps = decode(s);
    std::string out;
    out.reserve(s.size());
    char32_t m[3];
    bool previous_is_cased = false;
    for (size_t i = 0; i < cps.size(); ++i) {
        append(out, m, previous_is_cased ? lower_at(cps, i, m) : unicode_to_title(cps[i], m));
        previous_is_cased = unicode_iscased(cps[i]);
    }
    return out;
}

bool str_isalpha(std::string_view s) {
    return all_of(s, unicode_isalpha);
}

bool str_isalnum(std::string_view s) {
    return all_of(s, unicode_isalnum);
}

bool str_isdecimal(std::string_view s) {
    return all_of(s, unicode_isdecimal);
}

bool str_isdigit(std::string_view s) {
    return all_of(s, unicode_isdigit);
}

bool str_isnumeric(std::string_view s) {
    return all_of(s, unicode_isnumeric);
}

bool str_isspace(std::string_view s) {
    return all_of(s, unicode_isspace);
}

bool str_isprintable(std::string_view s) {
    return s.empty() || all_of(s, unicode_isprintable);
}

bool str_isidentifier(std::string_view s) {
    if (s.empty()) return false;
    const char* p = s.data();
    const char* end = p + s.size();
    if (!(unicode_flags(utf8_decode(p)) & uflag::xid_start)) return false;  // includes '_'
    while (p < end) {
        if (!(unicode_flags(utf8_decode(p)) & uflag::xid_continue)) return false;
    }
    return true;
}

bool str_isupper(std::string_view s) {
    bool cased = false;
    for (const char* p = s.data(); p < s.data() + s.size();) {
        const char32_t c = utf8_decode(p);
        if (unicode_islower(c) || unicode_istitle(c)) return false;
        if (!cased && unicode_isupper(c)) cased = true;
    }
    return cased;
}

bool str_islower(std::string_view s) {
    bool cased = false;
    for (const char* p = s.data(); p < s.data() + s.size();) {
        const char32_t c = utf8_decode(p);
        if (unicode_isupper(c) || unicode_istitle(c)) return false;
        if (!cased && unicode_islower(c)) cased = true;
    }
    return cased;
}

bool str_istitle(std::string_view s) {
    bool cased = false, previous_is_cased = false;
    for (const char* p = s.data(); p < s.data() + s.size();) {
        const char32_t c = utf8_decode(p);
        if (unicode_isupper(c) || unicode_istitle(c)) {
            if (previous_is_cased) return false;
            previous_is_cased = cased = true;
        } else if (unicode_islower(c)) {
            if (!previous_is_cased) return false;
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return cased;
}

bool str_isascii(std::string_view s) {
    return is_ascii(s);
}

}  // namespace interleave::python
