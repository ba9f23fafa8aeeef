// str methods: searching, splitting, stripping, padding. Case mappings and predicates are in
// str_case_methods.cpp, str.format in str_format.cpp (str_methods.hpp).
#include <algorithm>
#include <cctype>

#include "python/objects/api.hpp"
#include "python/objects/str_methods.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

size_t str_byte_offset(const Str* s, int64_t index);

namespace {

std::string_view sv(Value v) {
    return str_view(v);
}

bool want_str(ThreadState& ts, Value v, const char* what) {
    if (is_str(v)) return true;
    raisef(ts, &exc_TypeError, "{} arg must be None or str", what);
    return false;
}

bool is_ws(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1c ||
           c == 0x1d || c == 0x1e || c == 0x1f;
}

Value m_join(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "str.join() takes exactly one argument");
    RootedVector items(ts);
    if (!type_of(a[1])->iter && !type_of(a[1])->getitem)
        return raise(ts, &exc_TypeError, "can only join an iterable");
    if (!iterate_into(ts, a[1], items.v)) return Value::null();
    std::string out;
    std::string_view sep = sv(a[0]);
    for (size_t i = 0; i < items.v.size(); ++i) {
        if (!is_str(items.v[i]))
            return raisef(ts, &exc_TypeError, "sequence item {}: expected str instance, {} found",
                          i, type_name(items.v[i]));
        if (i) out += sep;
        out += sv(items.v[i]);
    }
    return str_value(ts, out);
}

Value split_impl(ThreadState& ts, const Value* a, size_t n, Tuple* kw, bool right) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (n - 1 > 2)
        return raisef(ts, &exc_TypeError, "{}() takes at most 2 arguments ({} given)",
                      right ? "rsplit" : "split", n - 1);
    Value sepv = np > 1 ? a[1] : Value::none();
    int64_t maxsplit = -1;
    if (np > 2 && !index_i64(ts, a[2], &maxsplit)) return Value::null();
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = sv(kw->items[i]);
        if (k == "sep")
            sepv = a[np + i];
        else if (k == "maxsplit") {
            if (!index_i64(ts, a[np + i], &maxsplit)) return Value::null();
        } else
            return raisef(ts, &exc_TypeError, "split() got an unexpected keyword argument '{}'", k);
    }
    std::string_view s = sv(a[0]);
    RootedVector parts(ts);
    std::vector<std::string_view> pieces;
    if (sepv.is_none()) {
        if (!right) {
            size_t i = 0;
            while (i < s.size()) {
                while (i < s.size() && is_ws(static_cast<unsigned char>(s[i]))) ++i;
                if (i >= s.size()) break;
                if (maxsplit >= 0 && int64_t(pieces.size()) == maxsplit) {
                    size_t e = s.size();
                    while (e > i && is_ws(static_cast<unsigned char>(s[e - 1]))) --e;
                    pieces.push_back(s.substr(i, e - i));
                    break;
                }
                size_t j = i;
                while (j < s.size() && !is_ws(static_cast<unsigned char>(s[j]))) ++j;
                pieces.push_back(s.substr(i, j - i));
                i = j;
            }
        } else {
            size_t i = s.size();
            while (i > 0) {
                while (i > 0 && is_ws(static_cast<unsigned char>(s[i - 1]))) --i;
                if (i == 0) break;
                if (maxsplit >= 0 && int64_t(pieces.size()) == maxsplit) {
                    size_t b = 0;
                    while (b < i && is_ws(static_cast<unsigned char>(s[b]))) ++b;
                    pieces.push_back(s.substr(b, i - b));
                    break;
                }
                size_t j = i;
                while (j > 0 && !is_ws(static_cast<unsigned char>(s[j - 1]))) --j;
                pieces.push_back(s.substr(j, i - j));
                i = j;
            }
            std::reverse(pieces.begin(), pieces.end());
        }
    } else {
        if (!want_str(ts, sepv, "sep")) return Value::null();
        std::string_view sep = sv(sepv);
        if (sep.empty()) return raise(ts, &exc_ValueError, "empty separator");
        if (!right) {
            size_t i = 0;
            for (;;) {
                if (maxsplit >= 0 && int64_t(pieces.size()) == maxsplit) {
                    pieces.push_back(s.substr(i));
                    break;
                }
                size_t j = s.find(sep, i);
                if (j == std::string_view::npos) {
                    pieces.push_back(s.substr(i));
                    break;
                }
                pieces.push_back(s.substr(i, j - i));
                i = j + sep.size();
            }
        } else {
            size_t end = s.size();
            for (;;) {
                if (maxsplit >= 0 && int64_t(pieces.size()) == maxsplit) {
                    pieces.push_back(s.substr(0, end));
                    break;
                }
                size_t j =
                    end >= sep.size() ? s.rfind(sep, end - sep.size()) : std::string_view::npos;
                if (j == std::string_view::npos || end < sep.size()) {
                    pieces.push_back(s.substr(0, end));
                    break;
                }
                pieces.push_back(s.substr(j + sep.size(), end - j - sep.size()));
                end = j;
            }
            std::reverse(pieces.begin(), pieces.end());
        }
    }
    List* l = new_list(ts, 0);
    if (!l) return Value::null();
    Rooted kl(ts, Value::from_ptr(l));
    if (!list_reserve(ts, l, int64_t(pieces.size()))) return Value::null();
    for (std::string_view p : pieces) {
        Value v = str_value(ts, p);
        if (v.is_null() || !list_append(ts, l, v)) return Value::null();
    }
    return Value::from_ptr(l);
}
Value m_split(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    return split_impl(ts, a, n, kw, false);
}
Value m_rsplit(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    return split_impl(ts, a, n, kw, true);
}

Value strip_impl(ThreadState& ts, const Value* a, size_t n, int which) {
    std::string_view s = sv(a[0]);
    size_t b = 0, e = s.size();
    if (n > 1 && !a[1].is_none()) {
        if (!want_str(ts, a[1], "strip")) return Value::null();
        std::string_view chars = sv(a[1]);
        // Code-point aware for ASCII chars; multi-byte chars compared as whole sequences.
        auto in_set = [&](size_t pos, size_t* len) {
            size_t l = 1;
            while (pos + l < s.size() && (static_cast<unsigned char>(s[pos + l]) & 0xC0) == 0x80)
                ++l;
            *len = l;
            std::string_view cp = s.substr(pos, l);
            for (size_t k = 0; k < chars.size();) {
                size_t m = 1;
                while (k + m < chars.size() &&
                       (static_cast<unsigned char>(chars[k + m]) & 0xC0) == 0x80)
                    ++m;
                if (chars.substr(k, m) == cp) return true;
                k += m;
            }
            return false;
        };
        if (which & 1) {
            size_t len;
            while (b < e && in_set(b, &len)) b += len;
        }
        if (which & 2) {
            while (e > b) {
                size_t start = e - 1;
                while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
                size_t len;
                if (!in_set(start, &len)) break;
                e = start;
            }
        }
    } else {
        if (which & 1)
            while (b < e && is_ws(static_cast<unsigned char>(s[b]))) ++b;
        if (which & 2)
            while (e > b && is_ws(static_cast<unsigned char>(s[e - 1]))) --e;
    }
    if (b == 0 && e == s.size() && is_exact_str(a[0])) return a[0];
    return str_value(ts, s.substr(b, e - b));
}
Value m_strip(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return strip_impl(ts, a, n, 3);
}
Value m_lstrip(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return strip_impl(ts, a, n, 1);
}
Value m_rstrip(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return strip_impl(ts, a, n, 2);
}

// Byte range [b, e) of the code-point slice [start, end) (clamped, negatives as Python).
bool cp_range(ThreadState& ts, Value self, const Value* a, size_t n, size_t first, size_t* b,
              size_t* e) {
    Str* s = self.as<Str>();
    int64_t start = 0, end = s->length;
    if (n > first && !a[first].is_none() && !index_i64(ts, a[first], &start)) return false;
    if (n > first + 1 && !a[first + 1].is_none() && !index_i64(ts, a[first + 1], &end))
        return false;
    if (start < 0) start = std::max<int64_t>(0, start + s->length);
    if (end < 0) end = std::max<int64_t>(0, end + s->length);
    start = std::min(start, s->length);
    end = std::min(end, s->length);
    if (end < start) end = start;
    *b = str_byte_offset(s, start);
    *e = str_byte_offset(s, end);
    return true;
}

int64_t cp_index(const Str* s, size_t byte) {
    if (s->ascii()) return int64_t(byte);
    int64_t n = 0;
    for (size_t i = 0; i < byte; ++i) n += (static_cast<unsigned char>(s->data[i]) & 0xC0) != 0x80;
    return n;
}

Value affix(ThreadState& ts, const Value* a, size_t n, bool start_side) {
    if (n < 2) return raise(ts, &exc_TypeError, "startswith() takes at least 1 argument (0 given)");
    size_t b, e;
    if (!cp_range(ts, a[0], a, n, 2, &b, &e)) return Value::null();
    std::string_view s = sv(a[0]).substr(b, e - b);
    auto test = [&](Value p) -> int {
        if (!is_str(p)) return -1;
        std::string_view x = sv(p);
        return start_side ? s.starts_with(x) : s.ends_with(x);
    };
    if (is_tuple(a[1])) {
        Tuple* t = a[1].as<Tuple>();
        for (int64_t i = 0; i < t->size; ++i) {
            int r = test(t->items[i]);
            if (r < 0)
                return raisef(ts, &exc_TypeError, "tuple for {} must only contain str, not {}",
                              start_side ? "startswith" : "endswith", type_name(t->items[i]));
            if (r) return Value::true_();
        }
        return Value::false_();
    }
    int r = test(a[1]);
    if (r < 0)
        return raisef(ts, &exc_TypeError, "{} first arg must be str or a tuple of str, not {}",
                      start_side ? "startswith" : "endswith", type_name(a[1]));
    return Value::boolean(r);
}
Value m_startswith(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return affix(ts, a, n, true);
}
Value m_endswith(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return affix(ts, a, n, false);
}

Value find_impl(ThreadState& ts, const Value* a, size_t n, bool right, bool raise_missing) {
    if (n < 2 || !is_str(a[1]))
        return raisef(ts, &exc_TypeError, "must be str, not {}",
                      n < 2 ? "nothing" : type_name(a[1]));
    size_t b, e;
    if (!cp_range(ts, a[0], a, n, 2, &b, &e)) return Value::null();
    std::string_view s = sv(a[0]).substr(b, e - b);
    std::string_view sub = sv(a[1]);
    size_t r = right ? s.rfind(sub) : s.find(sub);
    if (r == std::string_view::npos) {
        if (raise_missing) return raise(ts, &exc_ValueError, "substring not found");
        return Value::from_small(-1);
    }
    return Value::from_small(cp_index(a[0].as<Str>(), b + r));
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
    if (n < 2 || !is_str(a[1])) return raise(ts, &exc_TypeError, "count() argument must be str");
    size_t b, e;
    if (!cp_range(ts, a[0], a, n, 2, &b, &e)) return Value::null();
    std::string_view s = sv(a[0]).substr(b, e - b);
    std::string_view sub = sv(a[1]);
    if (sub.empty())
        return Value::from_small(cp_index(a[0].as<Str>(), e) - cp_index(a[0].as<Str>(), b) + 1);
    int64_t c = 0;
    for (size_t i = s.find(sub); i != std::string_view::npos; i = s.find(sub, i + sub.size())) ++c;
    return Value::from_small(c);
}

Value m_replace(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 3 || !is_str(a[1]) || !is_str(a[2]))
        return raise(ts, &exc_TypeError, "replace() arguments must be str");
    int64_t count = -1;
    if (n > 3 && !index_i64(ts, a[3], &count)) return Value::null();
    std::string_view s = sv(a[0]), old = sv(a[1]), nw = sv(a[2]);
    std::string out;
    if (old.empty()) {
        int64_t done = 0;
        size_t i = 0;
        if (count != 0) {
            out += nw;
            ++done;
        }
        while (i < s.size()) {
            size_t l = 1;
            while (i + l < s.size() && (static_cast<unsigned char>(s[i + l]) & 0xC0) == 0x80) ++l;
            out += s.substr(i, l);
            i += l;
            if (count < 0 || done < count) {
                out += nw;
                ++done;
            }
        }
        return str_value(ts, out);
    }
    size_t i = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t j = s.find(old, i);
        if (j == std::string_view::npos) break;
        out += s.substr(i, j - i);
        out += nw;
        i = j + old.size();
        ++done;
    }
    if (done == 0 && is_exact_str(a[0])) return a[0];
    out += s.substr(i);
    return str_value(ts, out);
}

Value justify(ThreadState& ts, const Value* a, size_t n, char how) {
    if (n < 2) return raise(ts, &exc_TypeError, "expected at least 1 argument");
    int64_t width;
    if (!index_i64(ts, a[1], &width)) return Value::null();
    std::string fill = " ";
    if (n > 2) {
        if (!is_str(a[2]) || a[2].as<Str>()->length != 1)
            return raise(ts, &exc_TypeError,
                         "The fill character must be exactly one character long");
        fill = std::string(sv(a[2]));
    }
    Str* s = a[0].as<Str>();
    if (width <= s->length) return is_exact_str(a[0]) ? a[0] : str_value(ts, s->view());
    int64_t total = width - s->length;
    int64_t left = how == 'l' ? 0 : how == 'r' ? total : total / 2 + (total & width & 1);
    std::string out;
    for (int64_t i = 0; i < left; ++i) out += fill;
    out += s->view();
    for (int64_t i = 0; i < total - left; ++i) out += fill;
    return str_value(ts, out);
}
Value m_ljust(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return justify(ts, a, n, 'l');
}
Value m_rjust(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return justify(ts, a, n, 'r');
}
Value m_center(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return justify(ts, a, n, 'c');
}

Value m_zfill(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "zfill() takes exactly one argument");
    int64_t width;
    if (!index_i64(ts, a[1], &width)) return Value::null();
    Str* s = a[0].as<Str>();
    if (width <= s->length) return a[0];
    std::string body(s->view());
    std::string sign;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sign = body.substr(0, 1);
        body.erase(0, 1);
    }
    return str_value(ts, sign + std::string(size_t(width - s->length), '0') + body);
}

Value m_splitlines(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    bool keep = false;
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (np > 1) keep = truthy(ts, a[1]) > 0;
    for (size_t i = 0; kw && i < size_t(kw->size); ++i)
        if (sv(kw->items[i]) == "keepends") keep = truthy(ts, a[np + i]) > 0;
    std::string_view s = sv(a[0]);
    List* l = new_list(ts, 0);
    if (!l) return Value::null();
    Rooted kl(ts, Value::from_ptr(l));
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r' && s[j] != '\v' && s[j] != '\f' &&
               s[j] != '\x1c' && s[j] != '\x1d' && s[j] != '\x1e')
            ++j;
        size_t eol = j;
        if (j < s.size()) {
            eol = j + ((s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1);
        }
        Value v = str_value(ts, s.substr(i, (keep ? eol : j) - i));
        if (v.is_null() || !list_append(ts, l, v)) return Value::null();
        i = eol;
    }
    return Value::from_ptr(l);
}

Value partition_impl(ThreadState& ts, const Value* a, size_t n, bool right) {
    if (n != 2 || !is_str(a[1])) return raise(ts, &exc_TypeError, "must be str");
    std::string_view s = sv(a[0]), sep = sv(a[1]);
    if (sep.empty()) return raise(ts, &exc_ValueError, "empty separator");
    size_t j = right ? s.rfind(sep) : s.find(sep);
    Tuple* t = new_tuple(ts, 3);
    if (!t) return Value::null();
    Rooted kt(ts, Value::from_ptr(t));
    t->items[0] = t->items[1] = t->items[2] = Value::none();
    if (j == std::string_view::npos) {
        Value e = str_value(ts, "");
        t->items[0] = right ? e : a[0];
        t->items[1] = e;
        t->items[2] = right ? a[0] : e;
    } else {
        t->items[0] = str_value(ts, s.substr(0, j));
        t->items[1] = a[1];
        t->items[2] = str_value(ts, s.substr(j + sep.size()));
    }
    return Value::from_ptr(t);
}
Value m_partition(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return partition_impl(ts, a, n, false);
}
Value m_rpartition(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return partition_impl(ts, a, n, true);
}

Value m_removeprefix(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !is_str(a[1]))
        return raise(ts, &exc_TypeError, "removeprefix() argument must be str");
    std::string_view s = sv(a[0]);
    return s.starts_with(sv(a[1])) ? str_value(ts, s.substr(sv(a[1]).size())) : a[0];
}
Value m_removesuffix(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !is_str(a[1]))
        return raise(ts, &exc_TypeError, "removesuffix() argument must be str");
    std::string_view s = sv(a[0]);
    std::string_view x = sv(a[1]);
    return (!x.empty() && s.ends_with(x)) ? str_value(ts, s.substr(0, s.size() - x.size())) : a[0];
}

Value m_expandtabs(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    int64_t tab = 8;
    if (n > 1 && !index_i64(ts, a[1], &tab)) return Value::null();
    std::string out;
    int64_t col = 0;
    for (char c : sv(a[0])) {
        if (c == '\t') {
            if (tab > 0) {
                int64_t spaces = tab - col % tab;
                out.append(size_t(spaces), ' ');
                col += spaces;
            }
        } else {
            out += c;
            col = (c == '\n' || c == '\r') ? 0
                                           : col + ((static_cast<unsigned char>(c) & 0xC0) != 0x80);
        }
    }
    return str_value(ts, out);
}

// str.__getnewargs__: (a plain str copy,), as CPython's unicode_getnewargs.
Value m_getnewargs(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return getnewargs_of(ts, str_value(ts, str_view(a[0])));
}

const MethodDef kStrMethods[] = {
    {"join", m_join, kMethO},
    {"split", m_split},
    {"rsplit", m_rsplit},
    {"strip", m_strip, meth_pos(0, 1)},
    {"lstrip", m_lstrip, meth_pos(0, 1)},
    {"rstrip", m_rstrip, meth_pos(0, 1)},
    {"startswith", m_startswith, meth_tuple(1, 3)},
    {"endswith", m_endswith, meth_tuple(1, 3)},
    {"find", m_find, meth_tuple(1, 3)},
    {"rfind", m_rfind, meth_tuple(1, 3)},
    {"index", m_index, meth_tuple(1, 3)},
    {"rindex", m_rindex, meth_tuple(1, 3)},
    {"count", m_count, meth_tuple(1, 3)},
    {"replace", m_replace, meth_pos(2, 3)},
    {"ljust", m_ljust, meth_pos(1, 2)},
    {"rjust", m_rjust, meth_pos(1, 2)},
    {"center", m_center, meth_pos(1, 2)},
    {"zfill", m_zfill, kMethO},
    {"splitlines", m_splitlines},
    {"partition", m_partition, kMethO},
    {"rpartition", m_rpartition, kMethO},
    {"encode", str_encode_method},
    {"format", str_format_method},
    {"format_map", str_format_map_method, kMethO},
    {"removeprefix", m_removeprefix, kMethO},
    {"removesuffix", m_removesuffix, kMethO},
    {"expandtabs", m_expandtabs},
    {"__getnewargs__", m_getnewargs, kMethNoArgs},
};

}  // namespace

void setup_str_methods(TypeBuilder& b) {
    b.methods(str_type, kStrMethods);
    b.methods(str_type, str_case_methods());
}

}  // namespace interleave::python
