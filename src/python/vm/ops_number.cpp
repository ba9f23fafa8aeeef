// The abstract number protocol (see ops.hpp): binary and unary operators with CPython 3.11's
// dispatch (subclass first, NotImplemented, the error texts), index/int/float conversions.
#include "python/objects/int.hpp"
#include "python/vm/call.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

// --- numbers -------------------------------------------------------------------------------

const char* binop_symbol(int op) {
    static const char* const s[] = {"+", "&",           "//", "<<", "@", "*", "%",
                                    "|", "** or pow()", ">>", "-",  "/", "^"};
    static const char* const si[] = {
        "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
    return op >= kInplace ? si[op - kInplace] : s[op];
}

Value binary_op(ThreadState& ts, Value a, Value b, int op) {
    bool inplace = op >= kInplace;
    int base = inplace ? op - kInplace : op;
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    if (inplace && ta->num.inplace[base]) {
        Value r = ta->num.inplace[base](ts, a, b);
        if (!is_not_implemented(r)) return r;
    }
    BinaryFn fa = ta->num.binary[base];
    BinaryFn fb = tb != ta ? tb->num.binary[base] : nullptr;
    if (fa == fb) fb = nullptr;
    if (fa) {
        if (fb && is_subtype(tb, ta)) {
            Value r = fb(ts, a, b);
            if (!is_not_implemented(r)) return r;
            fb = nullptr;
        }
        Value r = fa(ts, a, b);
        if (!is_not_implemented(r)) return r;
    }
    if (fb) {
        Value r = fb(ts, a, b);
        if (!is_not_implemented(r)) return r;
    }
    if (base == int(BinaryOp::mul)) {
        // sequence * non-int: CPython's sq_repeat path names the other operand's type.
        auto is_seq = [](Value v) {
            return is_str(v) || is_list(v) || is_tuple(v) || is_bytes(v) ||
                   isinstance_fast(v, &bytearray_type);
        };
        auto int_like = [](Value v) { return is_int(v) || type_of(v)->num.index != nullptr; };
        if (is_seq(a) && !int_like(b))
            return raisef(ts, &exc_TypeError, "can't multiply sequence by non-int of type '{}'",
                          type_name(b));
        if (is_seq(b) && !int_like(a))
            return raisef(ts, &exc_TypeError, "can't multiply sequence by non-int of type '{}'",
                          type_name(a));
    }
    if (base == int(BinaryOp::mod) && is_str(a)) return percent_format(ts, a, b);
    return raisef(ts, &exc_TypeError, "unsupported operand type(s) for {}: '{}' and '{}'",
                  binop_symbol(op), type_name(a), type_name(b));
}

Value unary_neg(ThreadState& ts, Value v) {
    if (v.is_small()) return int_from_i64(ts, -v.as_small());
    if (v.is_double()) return Value::from_double(-v.as_double());
    Type* t = type_of(v);
    if (!t->num.neg)
        return raisef(ts, &exc_TypeError, "bad operand type for unary -: '{}'", type_name(v));
    return t->num.neg(ts, v);
}
Value unary_pos(ThreadState& ts, Value v) {
    Type* t = type_of(v);
    if (!t->num.pos)
        return raisef(ts, &exc_TypeError, "bad operand type for unary +: '{}'", type_name(v));
    return t->num.pos(ts, v);
}
Value unary_invert(ThreadState& ts, Value v) {
    Type* t = type_of(v);
    if (!t->num.invert)
        return raisef(ts, &exc_TypeError, "bad operand type for unary ~: '{}'", type_name(v));
    return t->num.invert(ts, v);
}
Value number_abs(ThreadState& ts, Value v) {
    Type* t = type_of(v);
    if (!t->num.abs)
        return raisef(ts, &exc_TypeError, "bad operand type for abs(): '{}'", type_name(v));
    return t->num.abs(ts, v);
}
Value number_index(ThreadState& ts, Value v) {
    if (v.is_small()) return v;
    if (v.is_bool()) return Value::from_small(v.is_true());
    Type* t = type_of(v);
    if (!t->num.index)
        return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                      type_name(v));
    Value r = t->num.index(ts, v);
    if (!r.is_null() && !is_int(r))
        return raisef(ts, &exc_TypeError, "__index__ returned non-int (type {})", type_name(r));
    return r;
}
bool index_i64(ThreadState& ts, Value v, int64_t* out, Type* overflow_error) {
    if (v.is_small()) {
        *out = v.as_small();
        return true;
    }
    Value i = number_index(ts, v);
    if (i.is_null()) return false;
    if (i.is_small()) {
        *out = i.as_small();
        return true;
    }
    if (i.is_bool()) {
        *out = i.is_true();
        return true;
    }
    if (to_bigint(i).to_int64(out)) return true;
    raisef(ts, overflow_error ? overflow_error : &exc_OverflowError,
           "cannot fit '{}' into an index-sized integer", type_name(v));
    return false;
}
Value number_to_int(ThreadState& ts, Value v) {
    if (v.is_small()) return v;
    if (v.is_bool()) return Value::from_small(v.is_true());
    Type* t = type_of(v);
    if (t->num.to_int) return t->num.to_int(ts, v);
    if (t->num.index) return t->num.index(ts, v);
    Value trunc = type_lookup(t, names.__trunc__);
    if (!trunc.is_null()) return call1(ts, trunc, v);
    return raisef(ts, &exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                  type_name(v));
}
bool number_to_double(ThreadState& ts, Value v, double* out) {
    if (v.is_double()) {
        *out = v.as_double();
        return true;
    }
    if (is_int(v)) return int_to_double(ts, v, out);
    Type* t = type_of(v);
    Value r;
    if (t->num.to_float) {
        r = t->num.to_float(ts, v);
    } else if (t->num.index) {
        r = t->num.index(ts, v);
        if (!r.is_null()) return int_to_double(ts, r, out);
    } else {
        raisef(ts, &exc_TypeError, "must be real number, not {}", type_name(v));
        return false;
    }
    if (r.is_null()) return false;
    if (!r.is_double()) {
        raisef(ts, &exc_TypeError, "{}.__float__ returned non-float (type {})", type_name(v),
               type_name(r));
        return false;
    }
    *out = r.as_double();
    return true;
}

}  // namespace interleave::python
