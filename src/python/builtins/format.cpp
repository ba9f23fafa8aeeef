// format(), %-formatting of str and bytes, round(), divmod(), ascii(): the VM's side; the
// mini-language, PyUnicode_Format and _PyBytes_FormatEx themselves are pynum's
// (num/format_spec.hpp, num/percent_format.hpp).
#include <cmath>
#include <cstdio>

#include "python/num/float_ops.hpp"
#include "python/num/format_spec.hpp"
#include "python/num/percent_format.hpp"
#include "python/objects/int.hpp"
#include "python/objects/memoryview.hpp"
#include "python/objects/num_bridge.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

Value text_result(ThreadState& ts, const Result<std::string>& r) {
    if (!r.ok()) return raise_num_error(ts, r.error);
    return str_value(ts, r.value);
}

}  // namespace

// format(v, spec): int, bool, float and str through pynum's mini-language (format_spec.hpp);
// other types through their __format__.
Value format(ThreadState& ts, Value v, Value spec) {
    std::string_view s = spec.is_null() ? std::string_view() : str_view(spec);
    Type* t = type_of(v);
    if (v.is_bool()) {
        if (s.empty()) return str(ts, v);
        return text_result(ts, format_int(int64_t(v.is_true() ? 1 : 0), s, "bool"));
    }
    if (v.is_small()) return text_result(ts, format_int(v.as_small(), s, "int"));
    if (t == &int_type)
        return text_result(ts, format_int(v.as<Int>()->value, s, "int", ts.interp.int_max_str_digits));
    if (v.is_double()) return text_result(ts, format_float(v.as_double(), s, "float"));
    if (t == &str_type) {
        if (s.empty()) return v;
        return text_result(ts, format_str(str_view(v), s, "str"));
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
    // Builtin types other than int and float have no divmod (CPython's nb_divmod): name it.
    auto plain_number = [](Value v) { return v.is_double() || is_int(v); };
    auto builtin = [](Value v) { return !(type_of(v)->tflags & kTypeHeap); };
    if ((!plain_number(a) || !plain_number(b)) && builtin(a) && builtin(b))
        return raisef(ts, &exc_TypeError, "unsupported operand type(s) for divmod(): '{}' and '{}'",
                      type_name(a), type_name(b));
    // float divmod by zero names the operation as CPython's float_divmod does.
    if ((a.is_double() || b.is_double()) && (a.is_double() || is_int(a)) &&
        (b.is_double() || is_int(b))) {
        double y;
        if (!number_to_double(ts, b, &y)) return Value::null();
        if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float divmod()");
    }
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
        Result<BigInt> r = float_round_to_int(d);
        if (!r.ok()) return raise_num_error(ts, r.error);
        return int_from_bigint(ts, std::move(r.value));
    }
    int64_t n;
    if (!index_i64(ts, nd, &n)) return Value::null();
    Result<double> r = float_round(d, n);
    if (!r.ok()) return raise_num_error(ts, r.error);
    return Value::from_double(r.value);
}

namespace {

bool is_bytes_or_bytearray(Value v) {
    return v.is_ptr() && (is_bytes(v) || isinstance_fast(v, &bytearray_type));
}

// The right operand of `str % args` or `bytes % args` as pynum's formatter sees it
// (percent_format.hpp).
class VmPercentArgs final : public PercentArgs {
  public:
    VmPercentArgs(ThreadState& ts, Value args, bool bytes = false)
        : ts_(ts), args_(args), looked_up_(ts, Value::none()), bytes_(bytes) {}

    int64_t tuple_length() const override {
        return is_tuple(args_) ? args_.as<Tuple>()->size : -1;
    }
    // PyMapping_Check and not a tuple or str (bytes formatting: nor bytes or bytearray).
    bool is_mapping() const override {
        if (is_tuple(args_) || is_str(args_)) return false;
        if (bytes_ && is_bytes_or_bytearray(args_)) return false;
        return type_of(args_)->getitem != nullptr;
    }
    PercentValue value(int64_t slot) override {
        Value v = at(slot);
        PercentValue pv;
        Type* t = type_of(v);
        pv.type_name = t->name;
        if (v.is_bool()) {
            pv.kind = PercentKind::bool_;
            pv.small = v.is_true() ? 1 : 0;
        } else if (v.is_small()) {
            pv.kind = PercentKind::int_;
            pv.small = v.as_small();
        } else if (t == &int_type) {
            pv.kind = PercentKind::int_;
            pv.big = &v.as<Int>()->value;
        } else if (v.is_double()) {
            pv.kind = PercentKind::float_;
            pv.f = v.as_double();
        } else if (t == &str_type) {
            pv.kind = PercentKind::str;
            pv.text = str_view(v);
        } else if (bytes_ && is_bytes_or_bytearray(v)) {
            pv.kind = PercentKind::bytes;  // its data is read (under its lock) by bytes_of
        } else {
            pv.is_number = t->num.index || t->num.to_int || t->num.to_float;
        }
        return pv;
    }
    bool lookup(std::string_view key) override {
        Value k = Value::null();
        if (bytes_) {
            Bytes* b = new_bytes(ts_, key);
            if (b != nullptr) k = Value::from_ptr(b);
        } else {
            k = str_value(ts_, key);
        }
        if (k.is_null()) return false;
        Value v = getitem(ts_, args_, k);
        if (v.is_null()) return false;
        looked_up_ = v;
        return true;
    }
    bool convert(int64_t slot, char how, std::string* out) override {
        Value v = at(slot);
        Value s = how == 's' ? str(ts_, v) : how == 'r' ? repr(ts_, v) : ascii_repr(ts_, v);
        if (s.is_null()) return false;
        *out = std::string(str_view(s));
        return true;
    }
    bool to_int(int64_t slot, bool index_only, BigInt* out, bool* type_error) override {
        Value v = at(slot);
        Type* t = type_of(v);
        *type_error = false;
        if (index_only ? !t->num.index : !(t->num.index || t->num.to_int)) {
            *type_error = true;
            return false;
        }
        Value iv = index_only ? number_index(ts_, v) : number_to_int(ts_, v);
        if (iv.is_null()) return false;
        *out = to_bigint(iv);
        return true;
    }
    bool to_float(int64_t slot, double* out, bool* type_error) override {
        Value v = at(slot);
        Type* t = type_of(v);
        *type_error = false;
        if (!t->num.to_float && !t->num.index) {
            *type_error = true;
            return false;
        }
        return number_to_double(ts_, v, out);
    }
    void discard_pending() override { clear_exc(ts_); }
    // format_obj: bytes, bytearray (a shared one copied under its lock) and memoryview, then
    // __bytes__ (which must return bytes).
    bool bytes_of(int64_t slot, std::string* out, bool* type_error) override {
        Value v = at(slot);
        *type_error = false;
        std::string_view view;
        if (read_bytes(v, out, &view)) {
            if (out->data() != view.data()) out->assign(view);
            return true;
        }
        return bytes_from_dunder(ts_, v, out, type_error);
    }

  private:
    Value at(int64_t slot) const {
        if (slot == kOperand) return args_;
        if (slot == kLookedUp) return looked_up_.get();
        return args_.as<Tuple>()->items[slot];
    }
    ThreadState& ts_;
    Value args_;
    Rooted looked_up_;
    bool bytes_;
};

}  // namespace

// format % args through pynum's PyUnicode_Format (percent_format.hpp).
Value percent_format(ThreadState& ts, Value fmtv, Value args) {
    Rooted ka(ts, args);
    VmPercentArgs pa(ts, args);
    Result<std::string> r =
        percent_format(str_view(fmtv), pa, ts.interp.int_max_str_digits);
    return text_result(ts, r);
}

// bytes % args and bytearray % args through pynum's _PyBytes_FormatEx (percent_format.hpp);
// the result has the left operand's type.
Value bytes_percent_format(ThreadState& ts, Value fmtv, Value args) {
    Rooted kf(ts, fmtv);
    Rooted ka(ts, args);
    std::string copy;
    std::string_view fmt;
    if (!is_bytes_or_bytearray(fmtv) || !read_bytes(fmtv, &copy, &fmt)) return not_implemented();
    if (fmt.data() != copy.data()) copy.assign(fmt);  // a format % a mutating the bytearray
    VmPercentArgs pa(ts, args, true);
    Result<std::string> r = percent_format_bytes(copy, pa, ts.interp.int_max_str_digits);
    if (!r.ok()) return raise_num_error(ts, r.error);
    return new_bytes_like(ts, fmtv, r.value);
}

}  // namespace interleave::python
