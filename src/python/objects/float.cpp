// float: unboxed doubles in the NaN box; an instance of a subclass of float is a heap FloatObj
// (its value, then its __dict__: class.cpp's layout) that every float slot reads alike.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "python/num/float_ops.hpp"
#include "python/num/format_spec.hpp"
#include "python/objects/complex.hpp"
#include "python/objects/int.hpp"
#include "python/objects/num_bridge.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// An instance of a subclass of float (float itself is always unboxed).
struct FloatObj : Object {
    double value = 0;
};

// The value of a float or of an instance of a subclass of float.
double fv(Value v) {
    return v.is_double() ? v.as_double() : static_cast<const FloatObj*>(v.as_ptr())->value;
}

bool is_float_sub(Value v) {
    return v.is_ptr() && isinstance_fast(v, &float_type);
}

bool to_double(Value v, double* out) {
    if (v.is_double() || is_float_sub(v)) {
        *out = fv(v);
        return true;
    }
    if (v.is_small()) {
        *out = double(v.as_small());
        return true;
    }
    if (v.is_bool()) {
        *out = v.is_true();
        return true;
    }
    return false;
}

// Operands: (float, float|int) or (int, float). Returns false when NotImplemented.
bool operands(ThreadState& ts, Value a, Value b, double* x, double* y, bool* raised) {
    *raised = false;
    if (!to_double(a, x)) {
        if (!is_int(a)) return false;
        if (!int_to_double(ts, a, x)) return *raised = true, false;
    }
    if (!to_double(b, y)) {
        if (!is_int(b)) return false;
        if (!int_to_double(ts, b, y)) return *raised = true, false;
    }
    return true;
}

#define FLOAT_OPERANDS \
    double x, y;       \
    bool raised;       \
    if (!operands(ts, a, b, &x, &y, &raised)) return raised ? Value::null() : not_implemented();

Value f_add(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    return Value::from_double(x + y);
}
Value f_sub(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    return Value::from_double(x - y);
}
Value f_mul(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    return Value::from_double(x * y);
}
Value f_truediv(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float division by zero");
    return Value::from_double(x / y);
}
Value f_floordiv(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float floor division by zero");
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod && ((y < 0) != (mod < 0))) div -= 1.0;
    double floordiv;
    if (div) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, x / y);
    }
    return Value::from_double(floordiv);
}
Value f_mod(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float modulo");
    double mod = std::fmod(x, y);
    if (mod) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return Value::from_double(mod);
}
Value f_pow(ThreadState& ts, Value a, Value b) {
    FLOAT_OPERANDS
    if (x == 0.0 && y < 0.0)
        return raise(ts, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0.0 && y != std::floor(y) && std::isfinite(y))
        return complex_float_pow(ts, x, y);  // CPython 3.11 returns a complex here
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        return raise(ts, &exc_OverflowError, "(34, 'Numerical result out of range')");
    return Value::from_double(r);
}

Value f_neg(ThreadState&, Value a) {
    return Value::from_double(-fv(a));
}
Value f_pos(ThreadState&, Value a) {
    return Value::from_double(fv(a));  // +x of a subclass instance is a plain float
}
Value f_abs(ThreadState&, Value a) {
    return Value::from_double(std::fabs(fv(a)));
}

Value f_repr(ThreadState& ts, Value v) {
    return str_value(ts, float_repr_text(fv(v)));
}

bool f_hash(ThreadState&, Value v, int64_t* out) {
    *out = hash_double(fv(v));
    return true;
}

Value f_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!a.is_double() && !is_float_sub(a)) return not_implemented();
    double x = fv(a), y;
    int c;
    if (b.is_double() || is_float_sub(b)) {
        y = fv(b);
    } else if (b.is_small() && std::llabs(b.as_small()) < (int64_t(1) << 53)) {
        y = double(b.as_small());
    } else if (b.is_bool()) {
        y = b.is_true();
    } else if (is_int(b)) {
        c = compare_with_double(to_bigint(b), x);
        if (c == 2) return Value::boolean(op == CompareOp::ne);
        c = -c;
        goto done;
    } else {
        return not_implemented();
    }
    (void)ts;
    switch (op) {
        case CompareOp::lt:
            return Value::boolean(x < y);
        case CompareOp::le:
            return Value::boolean(x <= y);
        case CompareOp::eq:
            return Value::boolean(x == y);
        case CompareOp::ne:
            return Value::boolean(x != y);
        case CompareOp::gt:
            return Value::boolean(x > y);
        default:
            return Value::boolean(x >= y);
    }
done:
    return ordering_result(c, op);
}

int f_bool(ThreadState&, Value v) {
    return fv(v) != 0.0;
}

Value f_to_int(ThreadState& ts, Value v) {
    double d = fv(v);
    if (std::fabs(d) < 1e15) return int_from_i64(ts, int64_t(d));
    auto r = BigInt::from_double(d);
    if (!r) return raise_num_error(ts, r.error);
    return int_from_bigint(ts, std::move(r.value));
}

Value f_to_float(ThreadState&, Value v) {
    return Value::from_double(fv(v));
}

Value float_value_new(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace

bool float_value(Value v, double* out) {
    if (!v.is_double() && !is_float_sub(v)) return false;
    *out = fv(v);
    return true;
}

namespace {

// float(x), or cls(x) for a subclass: a FloatObj holding float(x)'s value.
Value float_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    Value r = float_value_new(ts, args, nargs, kwnames);
    if (r.is_null() || type == &float_type) return r;
    FloatObj* o =
        ts.heap.make<FloatObj>(type, std::max<size_t>(sizeof(FloatObj), type->instance_size));
    if (!o) return raise_memory_error(ts);
    o->value = r.as_double();
    return Value::from_ptr(o);
}

Value float_value_new(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size)
        return raise(ts, &exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return raisef(ts, &exc_TypeError, "float expected at most 1 argument, got {}", nargs);
    if (nargs == 0) return Value::from_double(0.0);
    Value x = args[0];
    if (x.is_double()) return x;
    if (is_float_sub(x) && type_of(x)->num.to_float == f_to_float) return Value::from_double(fv(x));
    if (is_str(x)) {
        double d;
        if (!float_parse_text(str_view(x), &d)) {
            std::string r;
            repr_utf8(ts, x, &r);
            return raisef(ts, &exc_ValueError, "could not convert string to float: {}", r);
        }
        return Value::from_double(d);
    }
    Type* t = type_of(x);
    if (!is_int(x) && !t->num.to_float && !t->num.index)
        return raisef(ts, &exc_TypeError,
                      "float() argument must be a string or a real number, not '{}'", type_name(x));
    double d;
    if (!number_to_double(ts, x, &d)) return Value::null();
    return Value::from_double(d);
}

// float methods (CPython 3.11's float_methods): values from pynum's float_ops.
double self_double(ThreadState& ts, Value self) {
    double d = 0;
    if (self.is_double() || is_float_sub(self)) return fv(self);
    number_to_double(ts, self, &d);
    return d;
}
Value fm_is_integer(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return Value::boolean(float_is_integer(self_double(ts, a[0])));
}
Value fm_hex(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return str_value(ts, float_hex(self_double(ts, a[0])));
}
Value fm_fromhex(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !is_str(a[1]))
        return raisef(ts, &exc_TypeError, "fromhex() argument must be str, not {}",
                      n == 2 ? type_name(a[1]) : "nothing");
    Result<double> r = float_fromhex(str_view(a[1]));
    if (!r.ok()) return raise_num_error(ts, r.error);
    Value v = Value::from_double(r.value);
    if (a[0] == Value::from_ptr(&float_type)) return v;
    return call1(ts, a[0], v);
}
Value fm_as_integer_ratio(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Result<IntegerRatio> r = float_as_integer_ratio(self_double(ts, a[0]));
    if (!r.ok()) return raise_num_error(ts, r.error);
    Value num = int_from_bigint(ts, std::move(r.value.numerator));
    if (num.is_null()) return num;
    Rooted kn(ts, num);
    Value den = int_from_bigint(ts, std::move(r.value.denominator));
    if (den.is_null()) return den;
    Rooted kd(ts, den);
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = num;
    t->items[1] = den;
    return Value::from_ptr(t);
}
Value fm_conjugate(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return Value::from_double(self_double(ts, a[0]));
}
Value fg_real(ThreadState& ts, Value self) {
    return Value::from_double(self_double(ts, self));
}
Value fg_imag(ThreadState&, Value) {
    return Value::from_double(0.0);
}
// __round__, __format__, __trunc__, __floor__, __ceil__: what round(), format(), math.trunc,
// math.floor and math.ceil find on a subclass of float (a float itself takes their fast paths).
Value fm_round(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return number_round(ts, Value::from_double(self_double(ts, a[0])),
                        n > 1 ? a[1] : Value::none());
}
Value fm_format(ThreadState& ts, const Value* a, size_t, Tuple*) {
    if (!is_str(a[1]))
        return raisef(ts, &exc_TypeError, "__format__() argument must be str, not {}",
                      type_name(a[1]));
    Result<std::string> r = format_float(self_double(ts, a[0]), str_view(a[1]), "float");
    if (!r.ok()) return raise_num_error(ts, r.error);
    return str_value(ts, r.value);
}
Value fm_trunc(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return f_to_int(ts, Value::from_double(self_double(ts, a[0])));
}
Value fm_floor(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return f_to_int(ts, Value::from_double(std::floor(self_double(ts, a[0]))));
}
Value fm_ceil(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return f_to_int(ts, Value::from_double(std::ceil(self_double(ts, a[0]))));
}
// float.__getnewargs__: (the value,), as CPython's float___getnewargs__.
Value fm_getnewargs(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return getnewargs_of(ts, Value::from_double(self_double(ts, a[0])));
}
const MethodDef kFloatMethods[] = {{"__getnewargs__", fm_getnewargs, kMethNoArgs},
                                   {"__round__", fm_round, meth_pos(0, 1)},
                                   {"__format__", fm_format, kMethO},
                                   {"__trunc__", fm_trunc, kMethNoArgs},
                                   {"__floor__", fm_floor, kMethNoArgs},
                                   {"__ceil__", fm_ceil, kMethNoArgs},
                                   {"is_integer", fm_is_integer, kMethNoArgs},
                                   {"hex", fm_hex, kMethNoArgs},
                                   {"fromhex", fm_fromhex, kMethClass},
                                   {"as_integer_ratio", fm_as_integer_ratio, kMethNoArgs},
                                   {"conjugate", fm_conjugate, kMethNoArgs}};
const GetSetDef kFloatGetSets[] = {{"real", fg_real}, {"imag", fg_imag}};

}  // namespace

void setup_float_type(TypeBuilder& b) {
    b.init(float_type, "float", nullptr, sizeof(Object) + 8);
    float_type.repr = f_repr;
    float_type.hash = f_hash;
    float_type.richcompare = f_richcompare;
    float_type.bool_ = f_bool;
    float_type.new_ = float_new;
    auto& n = float_type.num;
    n.binary[int(BinaryOp::add)] = f_add;
    n.binary[int(BinaryOp::sub)] = f_sub;
    n.binary[int(BinaryOp::mul)] = f_mul;
    n.binary[int(BinaryOp::truediv)] = f_truediv;
    n.binary[int(BinaryOp::floordiv)] = f_floordiv;
    n.binary[int(BinaryOp::mod)] = f_mod;
    n.binary[int(BinaryOp::pow)] = f_pow;
    n.neg = f_neg;
    n.pos = f_pos;
    n.abs = f_abs;
    n.to_int = f_to_int;
    n.to_float = f_to_float;
    b.methods(float_type, kFloatMethods);
    b.getsets(float_type, kFloatGetSets);
    setup_complex_type(b);
}

}  // namespace interleave::python
