// str case mappings and predicates through pynum's Unicode tables (num/str_case.hpp: CPython
// 3.11's full mappings, 'ß'.upper() == 'SS'), plus str.translate and str.maketrans.
#include <algorithm>

#include "python/num/str_case.hpp"
#include "python/objects/api.hpp"
#include "python/objects/str_methods.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// The method's name for CPython's "str.upper() takes no arguments (1 given)".
template <std::size_t N>
struct Name {
    constexpr Name(const char (&s)[N]) { std::copy_n(s, N, text); }
    char text[N];
};

template <std::string (*F)(std::string_view), Name N>
Value mapping(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1)
        return raisef(ts, &exc_TypeError, "str.{}() takes no arguments ({} given)", N.text, n - 1);
    return str_value(ts, F(str_view(a[0])));
}

template <bool (*F)(std::string_view), Name N>
Value predicate(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1)
        return raisef(ts, &exc_TypeError, "str.{}() takes no arguments ({} given)", N.text, n - 1);
    return Value::boolean(F(str_view(a[0])));
}

void append_cp(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Decodes the code point at s[*i] (valid UTF-8) and advances *i.
uint32_t next_cp(std::string_view s, size_t* i) {
    unsigned char c = static_cast<unsigned char>(s[*i]);
    uint32_t cp;
    int len;
    if (c < 0x80) {
        cp = c;
        len = 1;
    } else if (c < 0xE0) {
        cp = c & 0x1F;
        len = 2;
    } else if (c < 0xF0) {
        cp = c & 0x0F;
        len = 3;
    } else {
        cp = c & 0x07;
        len = 4;
    }
    for (int k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[*i + size_t(k)]) & 0x3F);
    *i += size_t(len);
    return cp;
}

// str.translate(table): table[ord(c)] is a str, an int (a code point) or None (delete);
// LookupError (KeyError, IndexError) keeps the character.
Value m_translate(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "translate() takes exactly one argument ({} given)",
                      n - 1);
    std::string_view s = str_view(a[0]);
    Value table = a[1];
    std::string out;
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = next_cp(s, &i);
        Value r = getitem(ts, table, Value::from_small(cp));
        if (r.is_null()) {
            if (!exc_matches(ts, &exc_LookupError)) return r;
            clear_exc(ts);
            append_cp(out, cp);
            continue;
        }
        if (r.is_none()) continue;
        if (is_str(r)) {
            out += str_view(r);
        } else if (is_int(r)) {
            int64_t v;
            if (!index_i64(ts, r, &v)) return Value::null();
            if (v < 0 || v > 0x10FFFF)
                return raise(ts, &exc_ValueError, "character mapping must be in range(0x110000)");
            append_cp(out, uint32_t(v));
        } else {
            return raise(ts, &exc_TypeError, "character mapping must return integer, None or str");
        }
    }
    return str_value(ts, out);
}

// str.maketrans(x[, y[, z]]), a static method.
Value m_maketrans(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    Dict* d = new_dict(ts);
    if (!d) return Value::null();
    Rooted kd(ts, Value::from_ptr(d));
    if (n == 1) {
        if (!is_dict(a[0]))
            return raise(ts, &exc_TypeError,
                         "if you give only one argument to maketrans it must be a dict");
        int64_t pos = 0;
        Value k, v;
        while (dict_next(a[0].as<Dict>(), &pos, &k, &v)) {
            Value key = k;
            if (is_str(k)) {
                if (k.as<Str>()->length != 1)
                    return raise(ts, &exc_ValueError,
                                 "string keys in translate table must be of length 1");
                size_t i = 0;
                key = Value::from_small(next_cp(str_view(k), &i));
            } else if (!is_int(k)) {
                return raise(ts, &exc_TypeError,
                             "keys in translate table must be strings or integers");
            }
            if (!dict_set(ts, d, key, v)) return Value::null();
        }
        return Value::from_ptr(d);
    }
    if (n < 2 || n > 3)
        return raisef(ts, &exc_TypeError, "maketrans expected at most 3 arguments, got {}", n);
    if (!is_str(a[0]) || !is_str(a[1]))
        return raise(ts, &exc_TypeError, "maketrans() argument 2 must be str");
    std::string_view x = str_view(a[0]), y = str_view(a[1]);
    if (a[0].as<Str>()->length != a[1].as<Str>()->length)
        return raise(ts, &exc_ValueError,
                     "the first two maketrans arguments must have equal length");
    for (size_t i = 0, j = 0; i < x.size();) {
        uint32_t cx = next_cp(x, &i), cy = next_cp(y, &j);
        if (!dict_set(ts, d, Value::from_small(cx), Value::from_small(cy))) return Value::null();
    }
    if (n == 3) {
        if (!is_str(a[2])) return raise(ts, &exc_TypeError, "maketrans() argument 3 must be str");
        std::string_view z = str_view(a[2]);
        for (size_t i = 0; i < z.size();) {
            if (!dict_set(ts, d, Value::from_small(next_cp(z, &i)), Value::none()))
                return Value::null();
        }
    }
    return Value::from_ptr(d);
}

const MethodDef kCaseMethods[] = {
    {"upper", mapping<str_upper, "upper">, kMethNoArgs},
    {"lower", mapping<str_lower, "lower">, kMethNoArgs},
    {"casefold", mapping<str_casefold, "casefold">, kMethNoArgs},
    {"swapcase", mapping<str_swapcase, "swapcase">, kMethNoArgs},
    {"title", mapping<str_title, "title">, kMethNoArgs},
    {"capitalize", mapping<str_capitalize, "capitalize">, kMethNoArgs},
    {"isalpha", predicate<str_isalpha, "isalpha">, kMethNoArgs},
    {"isalnum", predicate<str_isalnum, "isalnum">, kMethNoArgs},
    {"isdecimal", predicate<str_isdecimal, "isdecimal">, kMethNoArgs},
    {"isdigit", predicate<str_isdigit, "isdigit">, kMethNoArgs},
    {"isnumeric", predicate<str_isnumeric, "isnumeric">, kMethNoArgs},
    {"isspace", predicate<str_isspace, "isspace">, kMethNoArgs},
    {"isprintable", predicate<str_isprintable, "isprintable">, kMethNoArgs},
    {"isidentifier", predicate<str_isidentifier, "isidentifier">, kMethNoArgs},
    {"isupper", predicate<str_isupper, "isupper">, kMethNoArgs},
    {"islower", predicate<str_islower, "islower">, kMethNoArgs},
    {"istitle", predicate<str_istitle, "istitle">, kMethNoArgs},
    {"isascii", predicate<str_isascii, "isascii">, kMethNoArgs},
    {"translate", m_translate, kMethO},
    {"maketrans", m_maketrans, kMethStatic},
};

}  // namespace

std::span<const MethodDef> str_case_methods() {
    return kCaseMethods;
}

}  // namespace interleave::python
