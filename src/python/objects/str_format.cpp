// str.format and str.format_map (PEP 3101): fields {name.attr[key]!conv:spec}, auto and manual
// numbering; each field formatted by format() (builtins/format.cpp).
#include "python/objects/api.hpp"
#include "python/objects/str_methods.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

std::string_view sv(Value v) {
    return str_view(v);
}

// str.format (PEP 3101): fields {name.attr[key]!conv:spec}, auto and manual numbering.

Value format_field_value(ThreadState& ts, std::string_view field, const Value* args, size_t npos,
                         Tuple* kw, const Value* kwvals, int* auto_idx) {
    size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
    std::string_view head = field.substr(0, i);
    Value v;
    if (head.empty() || std::all_of(head.begin(), head.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        })) {
        size_t idx;
        if (head.empty()) {
            if (*auto_idx < 0)
                return raise(
                    ts, &exc_ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
            idx = size_t((*auto_idx)++);
        } else {
            if (*auto_idx > 0)
                return raise(
                    ts, &exc_ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
            *auto_idx = -1;
            idx = size_t(std::stoul(std::string(head)));
        }
        if (idx >= npos)
            return raisef(ts, &exc_IndexError,
                          "Replacement index {} out of range for positional args tuple", idx);
        v = args[idx];
    } else {
        v = Value::null();
        for (size_t k = 0; kw && k < size_t(kw->size); ++k)
            if (sv(kw->items[k]) == head) v = kwvals[k];
        if (v.is_null()) {
            std::string r = "'" + std::string(head) + "'";
            return raise_instance(ts, new_exception(ts, &exc_KeyError, std::string(head)));
        }
    }
    Rooted kv(ts, v);
    while (i < field.size()) {
        if (field[i] == '.') {
            size_t j = i + 1;
            while (j < field.size() && field[j] != '.' && field[j] != '[') ++j;
            Str* name = intern_str(ts, field.substr(i + 1, j - i - 1));
            if (!name) return Value::null();
            kv = getattr(ts, kv, name);
            if (kv.get().is_null()) return Value::null();
            i = j;
        } else {
            size_t j = field.find(']', i);
            if (j == std::string_view::npos)
                return raise(ts, &exc_ValueError, "Missing ']' in format string");
            std::string_view key = field.substr(i + 1, j - i - 1);
            Value k;
            if (!key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c));
                }))
                k = Value::from_small(std::stoll(std::string(key)));
            else
                k = str_value(ts, key);
            kv = getitem(ts, kv, k);
            if (kv.get().is_null()) return Value::null();
            i = j + 1;
        }
    }
    return kv;
}

Value format_string(ThreadState& ts, std::string_view f, const Value* args, size_t npos, Tuple* kw,
                    const Value* kwvals, int* auto_idx, int depth) {
    if (depth > 2) return raise(ts, &exc_ValueError, "Max string recursion exceeded");
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c == '}') {
            if (i + 1 < f.size() && f[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            return raise(ts, &exc_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < f.size() && f[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        // Find the matching '}' (nested braces in the spec).
        size_t j = i + 1;
        int level = 1;
        while (j < f.size()) {
            if (f[j] == '{')
                ++level;
            else if (f[j] == '}' && --level == 0)
                break;
            ++j;
        }
        if (j >= f.size()) return raise(ts, &exc_ValueError, "expected '}' before end of string");
        std::string_view body = f.substr(i + 1, j - i - 1);
        i = j;
        size_t colon = std::string_view::npos, bang = std::string_view::npos;
        int brk = 0;
        for (size_t k = 0; k < body.size(); ++k) {
            if (body[k] == '[')
                ++brk;
            else if (body[k] == ']')
                --brk;
            else if (brk == 0 && body[k] == '!' && bang == std::string_view::npos &&
                     colon == std::string_view::npos)
                bang = k;
            else if (brk == 0 && body[k] == ':' && colon == std::string_view::npos) {
                colon = k;
                break;
            }
        }
        std::string_view field = body.substr(0, std::min(bang, colon));
        char conv = 0;
        if (bang != std::string_view::npos) {
            if (bang + 1 >= body.size())
                return raise(ts, &exc_ValueError,
                             "end of string while looking for conversion specifier");
            conv = body[bang + 1];
            if (bang + 2 < body.size() && body[bang + 2] != ':')
                return raise(ts, &exc_ValueError, "expected ':' after conversion specifier");
        }
        std::string_view spec =
            colon == std::string_view::npos ? std::string_view() : body.substr(colon + 1);
        Value v = format_field_value(ts, field, args, npos, kw, kwvals, auto_idx);
        if (v.is_null()) return v;
        Rooted kv(ts, v);
        if (conv == 'r')
            kv = repr(ts, v);
        else if (conv == 's')
            kv = str(ts, v);
        else if (conv == 'a')
            kv = ascii_repr(ts, v);
        else if (conv)
            return raisef(ts, &exc_ValueError, "Unknown conversion specifier {}", conv);
        if (kv.get().is_null()) return Value::null();
        Value specv;
        if (spec.find('{') != std::string_view::npos) {
            specv = format_string(ts, spec, args, npos, kw, kwvals, auto_idx, depth + 1);
        } else {
            specv = str_value(ts, spec);
        }
        if (specv.is_null()) return specv;
        Value r = format(ts, kv, specv);
        if (r.is_null()) return r;
        out += str_view(r);
    }
    return str_value(ts, out);
}

}  // namespace

Value str_format_method(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    int auto_idx = 0;
    return format_string(ts, sv(a[0]), a + 1, np - 1, kw, a + np, &auto_idx, 0);
}

Value str_format_map_method(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !is_dict(a[1]))
        return raise(ts, &exc_TypeError, "format_map() argument must be a mapping");
    Dict* d = a[1].as<Dict>();
    RootedVector keys(ts), vals(ts);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!is_str(k)) continue;
        keys.v.push_back(k);
        vals.v.push_back(v);
    }
    Tuple* kt = new_tuple_from(ts, keys.v.data(), int64_t(keys.v.size()));
    if (!kt) return Value::null();
    Rooted kk(ts, Value::from_ptr(kt));
    int auto_idx = 0;
    return format_string(ts, sv(a[0]), nullptr, 0, kt, vals.v.data(), &auto_idx, 0);
}

}  // namespace interleave::python
