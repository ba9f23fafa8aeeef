// bytes methods and operators beyond the core (bytes.cpp): * and the byte-string methods
// programs use (case, split/join/strip, find/count/replace, starts/endswith, is*(), hex(sep),
// fromhex, decode with CPython's UnicodeDecodeError texts), plus str.encode for utf-8, ascii
// and latin-1 with CPython's UnicodeEncodeError texts. Errors and results as CPython 3.11's
// Objects/bytesobject.c and bytes_methods.c.
#include <algorithm>
#include <cctype>

#include "python/num/utf8.hpp"
#include "python/objects/api.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// The data of self (bytes or bytearray: these methods serve both).
std::string_view bv(Value v) {
    std::string_view s;
    bytes_like(v, &s);
    return s;
}

// A result of self's type: bytes methods return bytes, bytearray's a bytearray.
Value make(ThreadState& ts, Value self, std::string_view s) {
    return new_bytes_like(ts, self, s);
}

// A bytes-like argument (bytes or bytearray): its data, or TypeError as CPython words it.
bool want_bytes(ThreadState& ts, Value v, std::string_view* out) {
    if (bytes_like(v, out)) return true;
    raisef(ts, &exc_TypeError, "a bytes-like object is required, not '{}'", type_name(v));
    return false;
}

Value b_mul(ThreadState& ts, Value a, Value b) {
    // Which side is the bytes: by type (bytes_like() would read a shared bytearray unlocked).
    const bool left = a.is_ptr() && (is_bytes(a) || isinstance_fast(a, &bytearray_type));
    Value seq = left ? a : b;
    Value count = seq == a ? b : a;
    std::string copy;
    if (!is_int(count)) return not_implemented();
    int64_t n;
    if (!index_i64(ts, count, &n, &exc_OverflowError)) return Value::null();
    std::string_view s;
    read_bytes(seq, &copy, &s);  // after __index__: a shared bytearray copied under its lock
    if (n <= 0 || s.empty()) return make(ts, seq, "");
    if (uint64_t(n) > (uint64_t(1) << 40) / s.size()) return raise_memory_error(ts);
    std::string out;
    out.reserve(s.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) out += s;
    return make(ts, seq, out);
}

template <int (*F)(int)>
Value map_bytes(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string s(bv(a[0]));
    for (char& c : s) c = char(F(static_cast<unsigned char>(c)));
    return make(ts, a[0], s);
}
int up(int c) {
    return c < 0x80 ? std::toupper(c) : c;
}
int low(int c) {
    return c < 0x80 ? std::tolower(c) : c;
}
int swap(int c) {
    return c < 0x80 ? (std::isupper(c) ? std::tolower(c) : std::toupper(c)) : c;
}

// bytes.title(): a cased letter after an uncased byte goes upper, other letters lower (ASCII
// only, as CPython's _Py_bytes_title).
Value m_title(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string s(bv(a[0]));
    bool prev_cased = false;
    for (char& c : s) {
        const int u = static_cast<unsigned char>(c);
        const bool cased = u < 0x80 && std::isalpha(u);
        if (cased) c = char(prev_cased ? std::tolower(u) : std::toupper(u));
        prev_cased = cased;
    }
    return make(ts, a[0], s);
}

// bytes.capitalize(): the first byte upper, the rest lower (ASCII only).
Value m_capitalize(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string s(bv(a[0]));
    for (size_t i = 0; i < s.size(); ++i)
        s[i] =
            char(i ? low(static_cast<unsigned char>(s[i])) : up(static_cast<unsigned char>(s[i])));
    return make(ts, a[0], s);
}

template <int (*F)(int)>
Value pred_bytes(ThreadState&, const Value* a, size_t, Tuple*) {
    std::string_view s = bv(a[0]);
    if (s.empty()) return Value::false_();
    for (unsigned char c : s)
        if (c >= 0x80 || !F(c)) return Value::false_();
    return Value::true_();
}
int p_digit(int c) {
    return std::isdigit(c);
}
int p_alpha(int c) {
    return std::isalpha(c);
}
int p_alnum(int c) {
    return std::isalnum(c);
}
int p_space(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
int p_upper(int c) {
    return !std::islower(c);
}
int p_lower(int c) {
    return !std::isupper(c);
}

Value m_isupper(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    std::string_view s = bv(a[0]);
    if (std::none_of(s.begin(), s.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
        return Value::false_();
    return pred_bytes<p_upper>(ts, a, n, kw);
}
Value m_islower(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    std::string_view s = bv(a[0]);
    if (std::none_of(s.begin(), s.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
        return Value::false_();
    return pred_bytes<p_lower>(ts, a, n, kw);
}

Value m_split(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    std::string_view s = bv(a[0]);
    List* out = new_list(ts, 0);
    if (!out) return Value::null();
    Rooted ko(ts, Value::from_ptr(out));
    int64_t maxsplit = -1;
    if (n > 2 && !index_i64(ts, a[2], &maxsplit)) return Value::null();
    if (n < 2 || a[1].is_none()) {
        size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && p_space(static_cast<unsigned char>(s[i]))) ++i;
            if (i >= s.size()) break;
            size_t j = i;
            if (maxsplit == 0) {
                j = s.size();
                while (j > i && p_space(static_cast<unsigned char>(s[j - 1]))) --j;
            } else {
                while (j < s.size() && !p_space(static_cast<unsigned char>(s[j]))) ++j;
            }
            list_append(ts, out, make(ts, a[0], s.substr(i, j - i)));
            if (maxsplit > 0) --maxsplit;
            i = j;
            if (maxsplit == 0 && i < s.size()) {
                while (i < s.size() && p_space(static_cast<unsigned char>(s[i]))) ++i;
                if (i < s.size()) {
                    size_t e = s.size();
                    while (e > i && p_space(static_cast<unsigned char>(s[e - 1]))) --e;
                    list_append(ts, out, make(ts, a[0], s.substr(i, e - i)));
                }
                break;
            }
        }
        return Value::from_ptr(out);
    }
    std::string_view sep;
    if (!want_bytes(ts, a[1], &sep)) return Value::null();
    if (sep.empty()) return raise(ts, &exc_ValueError, "empty separator");
    size_t i = 0;
    for (;;) {
        size_t j = maxsplit == 0 ? std::string_view::npos : s.find(sep, i);
        if (j == std::string_view::npos) {
            list_append(ts, out, make(ts, a[0], s.substr(i)));
            break;
        }
        list_append(ts, out, make(ts, a[0], s.substr(i, j - i)));
        i = j + sep.size();
        if (maxsplit > 0) --maxsplit;
    }
    return Value::from_ptr(out);
}

Value strip_impl(ThreadState& ts, const Value* a, size_t n, bool left, bool right) {
    std::string_view s = bv(a[0]);
    std::string_view chars = " \t\n\r\x0b\x0c";
    if (n > 1 && !a[1].is_none() && !want_bytes(ts, a[1], &chars)) return Value::null();
    size_t b = 0, e = s.size();
    if (left)
        while (b < e && chars.find(s[b]) != std::string_view::npos) ++b;
    if (right)
        while (e > b && chars.find(s[e - 1]) != std::string_view::npos) --e;
    return make(ts, a[0], s.substr(b, e - b));
}
Value m_strip(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return strip_impl(ts, a, n, true, true);
}
Value m_lstrip(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return strip_impl(ts, a, n, true, false);
}
Value m_rstrip(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return strip_impl(ts, a, n, false, true);
}

Value m_join(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "join() takes exactly one argument");
    RootedVector items(ts);
    if (!iterate_into(ts, a[1], items.v)) return Value::null();
    std::string out;
    for (size_t i = 0; i < items.v.size(); ++i) {
        std::string copy;  // a memoryview's bytes, a shared bytearray's (read_bytes)
        std::string_view item;
        if (!read_bytes(items.v[i], &copy, &item))
            return raisef(ts, &exc_TypeError,
                          "sequence item {}: expected a bytes-like object, {} found", i,
                          type_name(items.v[i]));
        if (i) out += bv(a[0]);
        out += item;
    }
    return make(ts, a[0], out);
}

// The needle of find/count/index/...: bytes, or an int in range(256).
bool needle(ThreadState& ts, Value v, std::string* out) {
    std::string copy;
    std::string_view view;
    if (read_bytes(v, &copy, &view)) {
        *out = std::string(view);
        return true;
    }
    if (is_int(v)) {
        int64_t c;
        if (!index_i64(ts, v, &c)) return false;
        if (c < 0 || c > 255) {
            raise(ts, &exc_ValueError, "byte must be in range(0, 256)");
            return false;
        }
        *out = std::string(1, char(c));
        return true;
    }
    raisef(ts, &exc_TypeError, "argument should be integer or bytes-like object, not '{}'",
           type_name(v));
    return false;
}

Value find_impl(ThreadState& ts, const Value* a, size_t n, bool right, bool raise_missing) {
    std::string sub;
    if (n < 2 || !needle(ts, a[1], &sub))
        return n < 2 ? raise(ts, &exc_TypeError, "find() takes at least 1 argument")
                     : Value::null();
    std::string_view s = bv(a[0]);
    size_t pos = right ? s.rfind(sub) : s.find(sub);
    if (pos == std::string_view::npos) {
        if (raise_missing) return raise(ts, &exc_ValueError, "subsection not found");
        return Value::from_small(-1);
    }
    return Value::from_small(int64_t(pos));
}
Value m_find(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return find_impl(ts, a, n, false, false);
}
Value m_rfind(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return find_impl(ts, a, n, true, false);
}
Value m_index(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return find_impl(ts, a, n, false, true);
}
Value m_rindex(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return find_impl(ts, a, n, true, true);
}

Value m_count(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    std::string sub;
    if (n < 2 || !needle(ts, a[1], &sub))
        return n < 2 ? raise(ts, &exc_TypeError, "count() takes at least 1 argument")
                     : Value::null();
    std::string_view s = bv(a[0]);
    if (sub.empty()) return Value::from_small(int64_t(s.size()) + 1);
    int64_t c = 0;
    for (size_t i = s.find(sub); i != std::string_view::npos; i = s.find(sub, i + sub.size())) ++c;
    return Value::from_small(c);
}

Value m_replace(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 3) return raise(ts, &exc_TypeError, "replace expected at least 2 arguments");
    std::string_view s = bv(a[0]), from, to;
    if (!want_bytes(ts, a[1], &from) || !want_bytes(ts, a[2], &to)) return Value::null();
    int64_t count = -1;
    if (n > 3 && !index_i64(ts, a[3], &count)) return Value::null();
    std::string out;
    size_t i = 0;
    if (from.empty()) {
        for (size_t k = 0; k <= s.size(); ++k) {
            if (count != 0) {
                out += to;
                if (count > 0) --count;
            }
            if (k < s.size()) out += s[k];
        }
        return make(ts, a[0], out);
    }
    while (count != 0) {
        size_t j = s.find(from, i);
        if (j == std::string_view::npos) break;
        out += s.substr(i, j - i);
        out += to;
        i = j + from.size();
        if (count > 0) --count;
    }
    out += s.substr(i);
    return make(ts, a[0], out);
}

Value affix(ThreadState& ts, const Value* a, size_t n, bool start) {
    if (n < 2) return raise(ts, &exc_TypeError, "startswith() takes at least 1 argument");
    std::string_view s = bv(a[0]);
    auto one = [&](Value p, bool* out) {
        std::string copy;
        std::string_view x;
        if (!read_bytes(p, &copy, &x)) {
            raisef(ts, &exc_TypeError, "{} first arg must be bytes or a tuple of bytes, not {}",
                   start ? "startswith" : "endswith", type_name(p));
            return false;
        }
        *out = start ? s.starts_with(x) : s.ends_with(x);
        return true;
    };
    if (is_tuple(a[1])) {
        Tuple* t = a[1].as<Tuple>();
        for (int64_t i = 0; i < t->size; ++i) {
            bool r;
            if (!one(t->items[i], &r)) return Value::null();
            if (r) return Value::true_();
        }
        return Value::false_();
    }
    bool r;
    if (!one(a[1], &r)) return Value::null();
    return Value::boolean(r);
}
Value m_startswith(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return affix(ts, a, n, true);
}
Value m_endswith(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return affix(ts, a, n, false);
}

// bytes.hex(sep=None, bytes_per_sep=1)
Value m_hex(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    static const char* digits = "0123456789abcdef";
    std::string_view s = bv(a[0]);
    std::string sep;
    if (n > 1) {
        if (is_str(a[1]))
            sep = std::string(str_view(a[1]));
        else if (std::string_view v; bytes_like(a[1], &v))
            sep = std::string(v);
        else
            return raise(ts, &exc_TypeError, "sep must be str or bytes.");
        if (sep.size() != 1) return raise(ts, &exc_ValueError, "sep must be length 1.");
    }
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i && !sep.empty()) out += sep;
        unsigned char c = static_cast<unsigned char>(s[i]);
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return str_value(ts, out);
}

// bytes.fromhex(string): pairs of hex digits, spaces between pairs.
Value m_fromhex(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !is_str(a[1]))
        return raisef(ts, &exc_TypeError, "fromhex() argument must be str, not {}",
                      n == 2 ? type_name(a[1]) : "nothing");
    std::string_view s = str_view(a[1]);
    std::string out;
    auto hexval = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
            ++i;
            continue;
        }
        int hi = hexval(s[i]);
        int lo = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t pos = hi < 0 ? i : i + 1;
            return raisef(ts, &exc_ValueError,
                          "non-hexadecimal number found in fromhex() arg at position {}", pos);
        }
        out += char(hi * 16 + lo);
        i += 2;
    }
    // bytes.fromhex / bytearray.fromhex; a subclass's is cls(result)
    const bool array = is_subtype(a[0].as<Type>(), &bytearray_type);
    Value r = array ? Value::from_ptr(new_bytearray(ts, out)) : make(ts, Value::null(), out);
    if (r.is_null() || a[0] == Value::from_ptr(&bytes_type) ||
        a[0] == Value::from_ptr(&bytearray_type))
        return r;
    return call1(ts, a[0], r);
}

// The codec name as CPython normalises it for the ones we offer: "utf-8", "ascii", "latin-1".
bool codec(ThreadState& ts, const Value* a, size_t n, Tuple* kw, std::string* name,
           std::string* errors) {
    *name = "utf-8";
    *errors = "strict";
    size_t nkw = kw ? size_t(kw->size) : 0;
    size_t npos = n - nkw;
    if (npos > 1) *name = std::string(str_view(a[1]));
    if (npos > 2) *errors = std::string(str_view(a[2]));
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "encoding")
            *name = std::string(str_view(a[npos + i]));
        else if (k == "errors")
            *errors = std::string(str_view(a[npos + i]));
    }
    std::string low;
    for (char c : *name) low += c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    if (low == "utf-8" || low == "utf8")
        *name = "utf-8";
    else if (low == "ascii" || low == "us-ascii")
        *name = "ascii";
    else if (low == "latin-1" || low == "latin1" || low == "iso-8859-1" || low == "iso8859-1" ||
             low == "l1")
        *name = "latin-1";
    else {
        raisef(ts, &exc_LookupError, "unknown encoding: {}", *name);
        return false;
    }
    return true;
}

Value m_decode(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    std::string name, errors;
    if (!codec(ts, a, n, kw, &name, &errors)) return Value::null();
    std::string_view s = bv(a[0]);
    std::string out;
    if (name == "utf-8") {
        Error e = utf8_check(s);
        if (!e.ok()) {
            if (errors == "strict") return raise(ts, &exc_UnicodeDecodeError, e.message);
            // errors='replace'/'ignore': decode byte by byte.
            for (size_t i = 0; i < s.size();) {
                size_t len = 1;
                unsigned char c = static_cast<unsigned char>(s[i]);
                if (c >= 0xF0)
                    len = 4;
                else if (c >= 0xE0)
                    len = 3;
                else if (c >= 0xC0)
                    len = 2;
                if (c >= 0x80 && (i + len > s.size() || !utf8_valid(s.substr(i, len)))) {
                    if (errors == "replace") out += "\xEF\xBF\xBD";
                    ++i;
                    continue;
                }
                out += s.substr(i, len);
                i += len;
            }
            return str_value(ts, out);
        }
        return str_value(ts, s);
    }
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += char(c);
        } else if (name == "latin-1") {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (errors == "strict") {
            return raisef(
                ts, &exc_UnicodeDecodeError,
                "'ascii' codec can't decode byte {:#04x} in position {}: ordinal not in range(128)",
                int(c), i);
        } else if (errors == "replace") {
            out += "\xEF\xBF\xBD";
        }
    }
    return str_value(ts, out);
}

bool shared_bytearray(Value v) {
    return v.is_ptr() && !is_bytes(v) && isinstance_fast(v, &bytearray_type) &&
           (v.as_ptr()->lock.load(std::memory_order_relaxed) & kObjLockable);
}

// Free-threaded runs: the methods above read a bytearray that another thread may resize
// through a bytes snapshot taken under its lock (read_bytes); what they made from a bytearray
// self (a bytes, or a list of them from split) becomes bytearrays again. Under the GIL (no
// lockable objects) this is one test per argument.
template <NativeFn F>
Value on_snapshot(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    bool any = false;
    for (size_t i = 0; i < n; ++i) any |= shared_bytearray(a[i]);
    if (!any) return F(ts, a, n, kw);
    RootedVector args(ts);
    for (size_t i = 0; i < n; ++i) {
        if (!shared_bytearray(a[i])) {
            args.v.push_back(a[i]);
            continue;
        }
        std::string copy;
        std::string_view view;
        read_bytes(a[i], &copy, &view);
        Bytes* b = new_bytes(ts, view);
        if (!b) return Value::null();
        args.v.push_back(Value::from_ptr(b));
    }
    Rooted r(ts, F(ts, args.v.data(), n, kw));
    if (r.get().is_null() || !shared_bytearray(a[0])) return r.get();
    auto back = [&](Value v) { return is_bytes(v) ? make(ts, a[0], bv(v)) : v; };
    if (!is_list(r.get())) return back(r.get());
    List* l = r.get().as<List>();
    for (int64_t i = 0; i < l->size; ++i)
        if ((l->items[i] = back(l->items[i])).is_null()) return Value::null();
    return r.get();
}

const MethodDef kBytesMore[] = {
    {"upper", on_snapshot<map_bytes<up>>},
    {"lower", on_snapshot<map_bytes<low>>},
    {"swapcase", on_snapshot<map_bytes<swap>>},
    {"title", on_snapshot<m_title>, kMethNoArgs},
    {"capitalize", on_snapshot<m_capitalize>, kMethNoArgs},
    {"isdigit", on_snapshot<pred_bytes<p_digit>>},
    {"isalpha", on_snapshot<pred_bytes<p_alpha>>},
    {"isalnum", on_snapshot<pred_bytes<p_alnum>>},
    {"isspace", on_snapshot<pred_bytes<p_space>>},
    {"isupper", on_snapshot<m_isupper>},
    {"islower", on_snapshot<m_islower>},
    {"split", on_snapshot<m_split>},
    {"strip", on_snapshot<m_strip>},
    {"lstrip", on_snapshot<m_lstrip>},
    {"rstrip", on_snapshot<m_rstrip>},
    {"join", on_snapshot<m_join>},
    {"find", on_snapshot<m_find>},
    {"rfind", on_snapshot<m_rfind>},
    {"index", on_snapshot<m_index>},
    {"rindex", on_snapshot<m_rindex>},
    {"count", on_snapshot<m_count>},
    {"replace", on_snapshot<m_replace>},
    {"startswith", on_snapshot<m_startswith>},
    {"endswith", on_snapshot<m_endswith>},
    {"hex", on_snapshot<m_hex>},
    {"fromhex", on_snapshot<m_fromhex>, kMethClass},
    {"decode", on_snapshot<m_decode>},
};

}  // namespace

// str.encode(encoding='utf-8', errors='strict') for utf-8, ascii, latin-1.
Value str_encode_method(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    std::string name, errors;
    if (!codec(ts, a, n, kw, &name, &errors)) return Value::null();
    std::string_view s = str_view(a[0]);
    if (name == "utf-8") return make(ts, Value::null(), s);
    std::string out;
    int64_t pos = 0;
    for (size_t i = 0; i < s.size(); ++pos) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        size_t len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if (c < 0xE0) {
            cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            len = 2;
        } else if (c < 0xF0) {
            cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            len = 3;
        } else {
            cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
                 (s[i + 3] & 0x3F);
            len = 4;
        }
        i += len;
        uint32_t limit = name == "ascii" ? 0x80 : 0x100;
        if (cp < limit) {
            out += char(cp);
        } else if (errors == "strict") {
            return raisef(ts, &exc_UnicodeEncodeError,
                          "'{}' codec can't encode character '\\{}{:0{}x}' in position {}: ordinal "
                          "not in range({})",
                          name == "ascii" ? "ascii" : "latin-1",
                          cp < 0x100     ? "x"
                          : cp < 0x10000 ? "u"
                                         : "U",
                          cp,
                          cp < 0x100     ? 2
                          : cp < 0x10000 ? 4
                                         : 8,
                          pos, limit);
        } else if (errors == "replace") {
            out += '?';
        }
    }
    return make(ts, Value::null(), out);
}

void setup_bytes_methods(TypeBuilder& b) {
    b.methods(bytes_type, kBytesMore);
    b.methods(bytearray_type, kBytesMore);  // the same methods (bytes_like, make)
    bytearray_type.num.binary[int(BinaryOp::mul)] = b_mul;
    bytes_type.num.binary[int(BinaryOp::mul)] = b_mul;
}

}  // namespace interleave::python
