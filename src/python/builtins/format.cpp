// format(), the format-spec mini-language for int/float/str, %-formatting, round(), divmod(),
// ascii(). Provisional until src/python/num's format_spec/percent_format land (then this file
// only routes to them).
#include <cmath>
#include <cstdio>

#include "python/objects/int.hpp"
#include "python/objects/num_bridge.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

struct Spec {
    char fill = ' ';
    char align = 0;
    char sign = 0;
    bool alt = false;
    bool zero = false;
    int width = -1;
    char grouping = 0;
    int precision = -1;
    char type = 0;
};

bool parse_spec(ThreadState& ts, std::string_view s, Spec* out, const char* tname) {
    size_t i = 0;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (s.size() >= 2 && is_align(s[1])) {
        out->fill = s[0];
        out->align = s[1];
        i = 2;
    } else if (!s.empty() && is_align(s[0])) {
        out->align = s[0];
        i = 1;
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) out->sign = s[i++];
    if (i < s.size() && s[i] == 'z') ++i;
    if (i < s.size() && s[i] == '#') {
        out->alt = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        out->zero = true;
        ++i;
    }
    int w = 0;
    bool hw = false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        w = w * 10 + (s[i++] - '0');
        hw = true;
    }
    if (hw) out->width = w;
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) out->grouping = s[i++];
    if (i < s.size() && s[i] == '.') {
        ++i;
        int p = 0;
        bool hp = false;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            p = p * 10 + (s[i++] - '0');
            hp = true;
        }
        if (!hp) {
            raise(ts, &exc_ValueError, "Format specifier missing precision");
            return false;
        }
        out->precision = p;
    }
    if (i < s.size()) out->type = s[i++];
    if (i < s.size()) {
        raisef(ts, &exc_ValueError, "Invalid format specifier '{}' for object of type '{}'", s, tname);
        return false;
    }
    if (out->zero && !out->align) {
        out->fill = '0';
        out->align = '=';
    }
    return true;
}

std::string group_digits(const std::string& digits, char sep, int every = 3) {
    std::string out;
    int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[size_t(i)];
        int rem = n - i - 1;
        if (rem > 0 && rem % every == 0) out += sep;
    }
    return out;
}

std::string pad(const Spec& sp, std::string sign, std::string body, char default_align) {
    size_t len = 0;
    for (unsigned char c : sign + body)
        if ((c & 0xC0) != 0x80) ++len;
    char align = sp.align ? sp.align : default_align;
    if (sp.width < 0 || len >= size_t(sp.width)) return sign + body;
    size_t fillc = size_t(sp.width) - len;
    std::string f(fillc, sp.fill);
    switch (align) {
        case '<': return sign + body + f;
        case '>': return f + sign + body;
        case '=': return sign + f + body;
        default: {
            size_t left = fillc / 2;
            return std::string(left, sp.fill) + sign + body + std::string(fillc - left, sp.fill);
        }
    }
}

Value format_str(ThreadState& ts, std::string_view s, const Spec& sp) {
    if (sp.type && sp.type != 's')
        return raisef(ts, &exc_ValueError, "Unknown format code '{}' for object of type 'str'", sp.type);
    if (sp.sign) return raise(ts, &exc_ValueError, "Sign not allowed in string format specifier");
    if (sp.align == '=') return raise(ts, &exc_ValueError, "'=' alignment not allowed in string format specifier");
    std::string body(s);
    if (sp.precision >= 0) {
        size_t i = 0;
        int cp = 0;
        while (i < body.size() && cp < sp.precision) {
            ++i;
            while (i < body.size() && (static_cast<unsigned char>(body[i]) & 0xC0) == 0x80) ++i;
            ++cp;
        }
        body.resize(i);
    }
    return str_value(ts, pad(sp, "", body, '<'));
}

std::string sign_of(bool neg, char sign) {
    if (neg) return "-";
    if (sign == '+') return "+";
    if (sign == ' ') return " ";
    return "";
}

Value format_float(ThreadState& ts, double x, const Spec& sp);

Value format_int(ThreadState& ts, Value v, const Spec& sp) {
    char t = sp.type;
    if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
        double d;
        if (!int_to_double(ts, v, &d)) return Value::null();
        return format_float(ts, d, sp);
    }
    if (sp.precision >= 0) return raise(ts, &exc_ValueError, "Precision not allowed in integer format specifier");
    BigInt b = to_bigint(v);
    bool neg = b.is_negative();
    std::string digits, prefix;
    switch (t) {
        case 0:
        case 'd':
        case 'n': {
            auto r = abs(b).to_decimal(0);
            digits = r.value;
            break;
        }
        case 'x': digits = b.magnitude_digits(16); prefix = sp.alt ? "0x" : ""; break;
        case 'X': digits = b.magnitude_digits(16, true); prefix = sp.alt ? "0X" : ""; break;
        case 'o': digits = b.magnitude_digits(8); prefix = sp.alt ? "0o" : ""; break;
        case 'b': digits = b.magnitude_digits(2); prefix = sp.alt ? "0b" : ""; break;
        case 'c': {
            int64_t c;
            if (!b.to_int64(&c) || c < 0 || c > 0x10FFFF) return raise(ts, &exc_OverflowError, "%c arg not in range(0x110000)");
            std::string s;
            uint32_t cp = uint32_t(c);
            if (cp < 0x80) s += char(cp);
            else if (cp < 0x800) { s += char(0xC0 | (cp >> 6)); s += char(0x80 | (cp & 0x3F)); }
            else if (cp < 0x10000) { s += char(0xE0 | (cp >> 12)); s += char(0x80 | ((cp >> 6) & 0x3F)); s += char(0x80 | (cp & 0x3F)); }
            else { s += char(0xF0 | (cp >> 18)); s += char(0x80 | ((cp >> 12) & 0x3F)); s += char(0x80 | ((cp >> 6) & 0x3F)); s += char(0x80 | (cp & 0x3F)); }
            return str_value(ts, pad(sp, "", s, '<'));
        }
        default:
            return raisef(ts, &exc_ValueError, "Unknown format code '{}' for object of type '{}'", t, type_name(v));
    }
    if (sp.grouping) digits = group_digits(digits, sp.grouping, (t == 'x' || t == 'X' || t == 'o' || t == 'b') ? 4 : 3);
    std::string sign = sign_of(neg, sp.sign) + prefix;
    return str_value(ts, pad(sp, sign, digits, '>'));
}

std::string fmt_double(double x, char type, int prec) {
    char buf[512];
    char f[8] = {'%', '.', '*', type, 0};
    int n = snprintf(buf, sizeof buf, f, prec, x);
    if (n >= int(sizeof buf)) {
        std::string big(size_t(n) + 1, '\0');
        snprintf(big.data(), big.size(), f, prec, x);
        big.resize(size_t(n));
        return big;
    }
    return std::string(buf, size_t(n));
}

Value format_float(ThreadState& ts, double x, const Spec& sp) {
    char t = sp.type;
    bool neg = std::signbit(x) && !std::isnan(x);
    double ax = std::fabs(x);
    std::string body;
    if (std::isinf(x) || std::isnan(x)) {
        body = std::isnan(x) ? "nan" : "inf";
        if (t == 'E' || t == 'F' || t == 'G') body = std::isnan(x) ? "NAN" : "INF";
        if (t == '%') body += "%";
    } else if (t == 0 && sp.precision < 0) {
        body = float_repr_text(ax);
    } else {
        int p = sp.precision < 0 ? 6 : sp.precision;
        switch (t) {
            case 'e': case 'E': case 'f': case 'F':
                body = fmt_double(ax, t, p);
                if (sp.alt && p == 0 && (t == 'f' || t == 'F')) body += ".";
                break;
            case '%':
                body = fmt_double(ax * 100, 'f', p) + "%";
                break;
            case 'g': case 'G': case 'n': case 0: {
                if (p == 0) p = 1;
                char gt = t == 'G' ? 'G' : 'g';
                body = fmt_double(ax, gt, p);
                if (t == 0 && body.find_first_of(".eEn") == std::string::npos) body += ".0";
                if (t == 0) {
                    // Exponent with at least 2 digits as CPython (C already does) and no '+0'.
                }
                break;
            }
            default:
                return raisef(ts, &exc_ValueError, "Unknown format code '{}' for object of type 'float'", t);
        }
    }
    if (sp.grouping && !std::isinf(x) && !std::isnan(x)) {
        size_t end = body.find_first_of(".eE%");
        std::string ip = body.substr(0, end);
        std::string rest = end == std::string::npos ? "" : body.substr(end);
        body = group_digits(ip, sp.grouping) + rest;
    }
    return str_value(ts, pad(sp, sign_of(neg, sp.sign), body, '>'));
}

}  // namespace

Value format(ThreadState& ts, Value v, Value spec) {
    std::string_view s = spec.is_null() ? std::string_view() : str_view(spec);
    Type* t = type_of(v);
    bool builtin_num = v.is_small() || v.is_double() || t == &int_type ||
                       (v.is_bool() && !s.empty());
    if (builtin_num || t == &str_type) {
        if (s.empty() && !v.is_double()) return str(ts, v);
        Spec sp;
        if (!parse_spec(ts, s, &sp, t->name)) return Value::null();
        if (t == &str_type) return format_str(ts, str_view(v), sp);
        if (v.is_double()) return format_float(ts, v.as_double(), sp);
        return format_int(ts, v, sp);
    }
    Value f = type_lookup(t, names.__format__);
    if (f.is_null()) return raisef(ts, &exc_TypeError, "Type {} doesn't define __format__", type_name(v));
    Rooted kf(ts, f);
    Value sv = spec.is_null() ? str_value(ts, "") : spec;
    if (sv.is_null()) return sv;
    Value r = call2(ts, f, v, sv);
    if (!r.is_null() && !is_str(r))
        return raisef(ts, &exc_TypeError, "__format__ must return a str, not {}", type_name(r));
    return r;
}

Value ascii_repr(ThreadState& ts, Value v) {
    Value r = repr(ts, v);
    if (r.is_null() || r.as<Str>()->ascii()) return r;
    std::string out;
    std::string_view s = str_view(r);
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += char(c);
            ++i;
            continue;
        }
        uint32_t cp;
        int len;
        if (c < 0xE0) { cp = c & 0x1F; len = 2; }
        else if (c < 0xF0) { cp = c & 0x0F; len = 3; }
        else { cp = c & 0x07; len = 4; }
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
        i += size_t(len);
        char buf[16];
        if (cp < 0x100) snprintf(buf, sizeof buf, "\\x%02x", cp);
        else if (cp < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", cp);
        else snprintf(buf, sizeof buf, "\\U%08x", cp);
        out += buf;
    }
    return str_value(ts, out);
}

Value number_divmod(ThreadState& ts, Value a, Value b) {
    Value q = binary_op(ts, a, b, int(BinaryOp::floordiv));
    if (q.is_null()) return q;
    Rooted kq(ts, q);
    Value r = binary_op(ts, a, b, int(BinaryOp::mod));
    if (r.is_null()) return r;
    Rooted kr(ts, r);
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = q;
    t->items[1] = r;
    return Value::from_ptr(t);
}

Value number_round(ThreadState& ts, Value x, Value nd) {
    if (is_int(x)) {
        if (nd.is_none()) return number_index(ts, x);
        int64_t n;
        if (!index_i64(ts, nd, &n)) return Value::null();
        if (n >= 0) return number_index(ts, x);
        // Round half to even at 10**-n.
        BigInt v = to_bigint(x);
        BigInt p = pow(BigInt::from_int64(10), BigInt::from_int64(-n)).value;
        auto dm = divmod(v, p).value;
        BigInt twice = dm.remainder + dm.remainder;
        int c = compare(twice, p);
        if (c > 0 || (c == 0 && dm.quotient.is_odd())) dm.quotient = dm.quotient + BigInt::from_int64(1);
        return int_from_bigint(ts, dm.quotient * p);
    }
    if (!x.is_double()) return raisef(ts, &exc_TypeError, "type {} doesn't define __round__ method", type_name(x));
    double d = x.as_double();
    if (nd.is_none()) {
        if (std::isnan(d)) return raise(ts, &exc_ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d)) return raise(ts, &exc_OverflowError, "cannot convert float infinity to integer");
        double r = std::nearbyint(d);  // half to even in the default rounding mode
        if (std::fabs(r) < 9e15) return int_from_i64(ts, int64_t(r));
        auto b = BigInt::from_double(r);
        return int_from_bigint(ts, std::move(b.value));
    }
    int64_t n;
    if (!index_i64(ts, nd, &n)) return Value::null();
    if (!std::isfinite(d) || d == 0) return x;
    if (n > 323) return x;
    if (n < -308) return Value::from_double(std::copysign(0.0, d));
    if (n >= 0) {
        std::string s = fmt_double(d, 'f', int(n));
        double r;
        float_parse_text(s, &r);
        return Value::from_double(r);
    }
    double p = std::pow(10.0, double(-n));
    double y = std::nearbyint(d / p) * p;
    if (std::isinf(y)) return raise(ts, &exc_OverflowError, "rounded value too large to represent");
    return Value::from_double(y);
}

Value percent_format(ThreadState& ts, Value fmtv, Value args) {
    std::string_view f = str_view(fmtv);
    std::string out;
    Rooted ka(ts, args);
    bool is_map = is_dict(args) || (!is_tuple(args) && !is_str(args) && type_of(args)->getitem && !is_list(args) == false && is_dict(args));
    is_map = is_dict(args);
    const Value* items = &args;
    int64_t nitems = 1;
    if (is_tuple(args)) {
        items = args.as<Tuple>()->items;
        nitems = args.as<Tuple>()->size;
    }
    int64_t idx = 0;
    auto next_arg = [&](Value* out_v) -> bool {
        if (idx >= nitems) {
            raise(ts, &exc_TypeError, "not enough arguments for format string");
            return false;
        }
        *out_v = items[idx++];
        return true;
    };
    for (size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c != '%') {
            out += c;
            continue;
        }
        if (++i >= f.size()) return raise(ts, &exc_ValueError, "incomplete format");
        Value arg = Value::null();
        if (f[i] == '(') {
            size_t close = f.find(')', i);
            if (close == std::string_view::npos) return raise(ts, &exc_ValueError, "incomplete format key");
            if (!is_map) return raise(ts, &exc_TypeError, "format requires a mapping");
            Value key = str_value(ts, f.substr(i + 1, close - i - 1));
            if (key.is_null()) return key;
            arg = getitem(ts, args, key);
            if (arg.is_null()) return arg;
            i = close + 1;
        }
        Spec sp;
        bool left = false;
        for (; i < f.size(); ++i) {
            char fl = f[i];
            if (fl == '-') left = true;
            else if (fl == '+') sp.sign = '+';
            else if (fl == ' ') { if (!sp.sign) sp.sign = ' '; }
            else if (fl == '#') sp.alt = true;
            else if (fl == '0') sp.zero = true;
            else break;
        }
        if (i < f.size() && f[i] == '*') {
            Value w;
            if (!next_arg(&w)) return Value::null();
            int64_t wv;
            if (!index_i64(ts, w, &wv)) return Value::null();
            if (wv < 0) {
                left = true;
                wv = -wv;
            }
            sp.width = int(wv);
            ++i;
        } else {
            int w = 0;
            bool hw = false;
            while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) {
                w = w * 10 + (f[i++] - '0');
                hw = true;
            }
            if (hw) sp.width = w;
        }
        if (i < f.size() && f[i] == '.') {
            ++i;
            if (i < f.size() && f[i] == '*') {
                Value p;
                if (!next_arg(&p)) return Value::null();
                int64_t pv;
                if (!index_i64(ts, p, &pv)) return Value::null();
                sp.precision = int(pv);
                ++i;
            } else {
                int p = 0;
                while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) p = p * 10 + (f[i++] - '0');
                sp.precision = p;
            }
        }
        while (i < f.size() && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L')) ++i;
        if (i >= f.size()) return raise(ts, &exc_ValueError, "incomplete format");
        char conv = f[i];
        if (conv == '%') {
            out += '%';
            continue;
        }
        if (arg.is_null() && !next_arg(&arg)) return Value::null();
        if (left) sp.align = '<';
        else sp.align = sp.zero && conv != 's' && conv != 'r' && conv != 'a' && conv != 'c' ? '=' : '>';
        sp.fill = (sp.zero && !left && conv != 's' && conv != 'r' && conv != 'a') ? '0' : ' ';
        Value piece;
        switch (conv) {
            case 's': case 'r': case 'a': {
                Value s = conv == 's' ? str(ts, arg) : conv == 'r' ? repr(ts, arg) : ascii_repr(ts, arg);
                if (s.is_null()) return s;
                Spec ss = sp;
                ss.sign = 0;
                piece = format_str(ts, str_view(s), ss);
                break;
            }
            case 'd': case 'i': case 'u': {
                Value iv;
                if (is_int(arg)) iv = arg;
                else if (arg.is_double()) iv = number_to_int(ts, arg);
                else if (type_of(arg)->num.index || type_of(arg)->num.to_int) iv = number_to_int(ts, arg);
                else return raisef(ts, &exc_TypeError, "%{} format: a real number is required, not {}", conv, type_name(arg));
                if (iv.is_null()) return iv;
                Spec is = sp;
                is.type = 'd';
                is.precision = -1;
                piece = format_int(ts, iv, is);
                break;
            }
            case 'x': case 'X': case 'o': {
                if (!is_int(arg) && !type_of(arg)->num.index)
                    return raisef(ts, &exc_TypeError, "%{} format: an integer is required, not {}", conv, type_name(arg));
                Value iv = number_index(ts, arg);
                if (iv.is_null()) return iv;
                Spec is = sp;
                is.type = conv;
                is.precision = -1;
                piece = format_int(ts, iv, is);
                break;
            }
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
                double d;
                if (!arg.is_double() && !is_int(arg) && !type_of(arg)->num.to_float)
                    return raisef(ts, &exc_TypeError, "must be real number, not {}", type_name(arg));
                if (!number_to_double(ts, arg, &d)) return Value::null();
                Spec fs = sp;
                fs.type = conv;
                if (fs.precision < 0) fs.precision = 6;
                piece = format_float(ts, d, fs);
                break;
            }
            case 'c': {
                if (is_str(arg)) {
                    if (arg.as<Str>()->length != 1) return raise(ts, &exc_TypeError, "%c requires int or char");
                    piece = format_str(ts, str_view(arg), Spec{' ', sp.align, 0, false, false, sp.width});
                } else {
                    Spec cs = sp;
                    cs.type = 'c';
                    piece = format_int(ts, arg, cs);
                }
                break;
            }
            default:
                return raisef(ts, &exc_ValueError, "unsupported format character '{}' (0x{:x}) at index {}", conv, int(static_cast<unsigned char>(conv)), i);
        }
        if (piece.is_null()) return piece;
        out += str_view(piece);
    }
    if (idx < nitems && !is_map)
        return raise(ts, &exc_TypeError, "not all arguments converted during string formatting");
    return str_value(ts, out);
}

}  // namespace interleave::python
