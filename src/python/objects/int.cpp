// int and bool: small ints live in the NaN box; past 48 bits an Int object boxes a BigInt.
// Arithmetic on two small ints never allocates unless the result overflows 48 bits.
#include "python/objects/int.hpp"

#include <cmath>

#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

BigInt to_bigint(Value v) {
    if (v.is_small()) return BigInt::from_int64(v.as_small());
    if (v.is_bool()) return BigInt::from_int64(v.is_true() ? 1 : 0);
    return v.as<Int>()->value;
}

Value int_from_bigint_heap(Heap& h, BigInt b) {
    int64_t i;
    if (b.to_int64(&i) && Value::fits_small(i)) return Value::from_small(i);
    Int* o = h.make<Int>(&int_type, sizeof(Int));
    if (!o) return Value::null();
    o->value = std::move(b);
    return Value::from_ptr(o);
}

Value int_from_bigint(ThreadState& ts, BigInt b) {
    Value v = int_from_bigint_heap(ts.heap, std::move(b));
    if (v.is_null()) return raise_memory_error(ts);
    return v;
}

Value int_from_i64(ThreadState& ts, int64_t v) {
    if (Value::fits_small(v)) return Value::from_small(v);
    return int_from_bigint(ts, BigInt::from_int64(v));
}

Value int_from_u64(ThreadState& ts, uint64_t v) {
    if (v <= uint64_t(Value::kSmallMax)) return Value::from_small(int64_t(v));
    return int_from_bigint(ts, BigInt::from_uint64(v));
}

Value raise_num_error(ThreadState& ts, const Error& e) {
    switch (e.type) {
        case ExcType::ValueError: return raise(ts, &exc_ValueError, e.message);
        case ExcType::OverflowError: return raise(ts, &exc_OverflowError, e.message);
        case ExcType::ZeroDivisionError: return raise(ts, &exc_ZeroDivisionError, e.message);
        case ExcType::TypeError: return raise(ts, &exc_TypeError, e.message);
        case ExcType::IndexError: return raise(ts, &exc_IndexError, e.message);
        case ExcType::KeyError: return raise(ts, &exc_KeyError, e.message);
        case ExcType::MemoryError: return raise_memory_error(ts);
        case ExcType::interrupted: return raise_stopped(ts);
        case ExcType::pending: return Value::null();  // the callback raised already
        default: return raise(ts, &exc_SystemError, e.message);
    }
}

bool is_int(Value v) {
    return v.is_small() || v.is_bool() || (v.is_ptr() && (v.as_ptr()->type->tflags & kTypeIntSub));
}

Value int_from_string(ThreadState& ts, std::string_view s, int base) {
    auto r = BigInt::from_text(s, base, TextKind::str, kDefaultMaxStrDigits);
    if (!r) return raise_num_error(ts, r.error);
    return int_from_bigint(ts, std::move(r.value));
}

bool int_to_i64(ThreadState& ts, Value v, int64_t* out) {
    if (v.is_small()) {
        *out = v.as_small();
        return true;
    }
    if (v.is_bool()) {
        *out = v.is_true();
        return true;
    }
    if (v.as<Int>()->value.to_int64(out)) return true;
    raise(ts, &exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
}

double int_to_double_or_inf(Value v) {
    if (v.is_small()) return double(v.as_small());
    if (v.is_bool()) return v.is_true() ? 1.0 : 0.0;
    auto r = v.as<Int>()->value.to_double();
    if (!r) return v.as<Int>()->value.is_negative() ? -HUGE_VAL : HUGE_VAL;
    return r.value;
}

bool int_to_double(ThreadState& ts, Value v, double* out) {
    if (v.is_small()) {
        *out = double(v.as_small());
        return true;
    }
    if (v.is_bool()) {
        *out = v.is_true() ? 1.0 : 0.0;
        return true;
    }
    auto r = v.as<Int>()->value.to_double();
    if (!r) {
        raise_num_error(ts, r.error);
        return false;
    }
    *out = r.value;
    return true;
}

std::string int_to_decimal(Value v) {
    if (v.is_small()) return std::to_string(v.as_small());
    if (v.is_bool()) return v.is_true() ? "1" : "0";
    auto r = v.as<Int>()->value.to_decimal(0);
    return r.value;
}

int64_t hash_small_int(int64_t v) {
    // CPython: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
    constexpr int64_t kMod = (int64_t(1) << 61) - 1;
    int64_t h = v >= 0 ? v % kMod : -((-v) % kMod);
    return h == -1 ? -2 : h;
}

namespace {

bool both_small(Value a, Value b) {
    return a.is_small() && b.is_small();
}

bool int_operands(Value a, Value b) {
    return is_int(a) && is_int(b);
}

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
int64_t floor_mod(int64_t a, int64_t b) {
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

Value big_result(ThreadState& ts, Result<BigInt> r) {
    if (!r) return raise_num_error(ts, r.error);
    return int_from_bigint(ts, std::move(r.value));
}

Poll make_poll(ThreadState& ts);

Value int_add(ThreadState& ts, Value a, Value b) {
    if (both_small(a, b)) return int_from_i64(ts, a.as_small() + b.as_small());
    if (!int_operands(a, b)) return not_implemented();
    return int_from_bigint(ts, to_bigint(a) + to_bigint(b));
}
Value int_sub(ThreadState& ts, Value a, Value b) {
    if (both_small(a, b)) return int_from_i64(ts, a.as_small() - b.as_small());
    if (!int_operands(a, b)) return not_implemented();
    return int_from_bigint(ts, to_bigint(a) - to_bigint(b));
}
Value int_mul(ThreadState& ts, Value a, Value b) {
    if (both_small(a, b)) {
        int64_t r;
        if (!__builtin_mul_overflow(a.as_small(), b.as_small(), &r)) return int_from_i64(ts, r);
    }
    if (!int_operands(a, b)) {
        return not_implemented();
    }
    Poll p = make_poll(ts);
    return big_result(ts, mul(to_bigint(a), to_bigint(b), &p));
}
Value int_floordiv(ThreadState& ts, Value a, Value b) {
    if (both_small(a, b) && b.as_small() != 0)
        return int_from_i64(ts, floor_div(a.as_small(), b.as_small()));
    if (!int_operands(a, b)) return not_implemented();
    return big_result(ts, floordiv(to_bigint(a), to_bigint(b)));
}
Value int_mod(ThreadState& ts, Value a, Value b) {
    if (both_small(a, b) && b.as_small() != 0)
        return Value::from_small(floor_mod(a.as_small(), b.as_small()));
    if (!int_operands(a, b)) return not_implemented();
    return big_result(ts, mod(to_bigint(a), to_bigint(b)));
}
Value int_truediv(ThreadState& ts, Value a, Value b) {
    if (!int_operands(a, b)) return not_implemented();
    if (both_small(a, b)) {
        int64_t x = a.as_small(), y = b.as_small();
        if (y == 0) return raise(ts, &exc_ZeroDivisionError, "division by zero");
        // Exact when both fit in a double's mantissa (as CPython's fast path).
        if (std::llabs(x) <= (int64_t(1) << 53) && std::llabs(y) <= (int64_t(1) << 53))
            return Value::from_double(double(x) / double(y));
    }
    auto r = true_divide(to_bigint(a), to_bigint(b));
    if (!r) return raise_num_error(ts, r.error);
    return Value::from_double(r.value);
}
Value int_pow(ThreadState& ts, Value a, Value b) {
    if (!int_operands(a, b)) return not_implemented();
    BigInt e = to_bigint(b);
    if (e.is_negative()) {
        double x = int_to_double_or_inf(a), y = int_to_double_or_inf(b);
        if (x == 0.0)
            return raise(ts, &exc_ZeroDivisionError,
                         "0.0 cannot be raised to a negative power");
        return Value::from_double(std::pow(x, y));
    }
    if (both_small(a, b)) {
        int64_t base = a.as_small(), exp = b.as_small(), r = 1;
        bool ok = true;
        while (exp > 0 && ok) {
            if (exp & 1) ok = !__builtin_mul_overflow(r, base, &r);
            exp >>= 1;
            if (exp > 0 && ok) ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok) return int_from_i64(ts, r);
    }
    Poll p = make_poll(ts);
    return big_result(ts, pow(to_bigint(a), e, &p));
}
Value int_pow3(ThreadState& ts, Value a, Value b, Value m) {
    if (!int_operands(a, b) || !is_int(m)) return not_implemented();
    Poll p = make_poll(ts);
    return big_result(ts, pow_mod(to_bigint(a), to_bigint(b), to_bigint(m), &p));
}
Value int_lshift(ThreadState& ts, Value a, Value b) {
    if (!int_operands(a, b)) return not_implemented();
    if (both_small(a, b) && b.as_small() >= 0 && b.as_small() < 62) {
        int64_t x = a.as_small();
        int s = int(b.as_small());
        if (x == 0) return a;
        if ((x < 0 ? -x : x) < (int64_t(1) << (62 - s))) return int_from_i64(ts, x * (int64_t(1) << s));
    }
    return big_result(ts, lshift(to_bigint(a), to_bigint(b)));
}
Value int_rshift(ThreadState& ts, Value a, Value b) {
    if (!int_operands(a, b)) return not_implemented();
    if (both_small(a, b) && b.as_small() >= 0) {
        int64_t s = b.as_small();
        return Value::from_small(s >= 63 ? (a.as_small() < 0 ? -1 : 0) : (a.as_small() >> s));
    }
    return big_result(ts, rshift(to_bigint(a), to_bigint(b)));
}
Value int_and(ThreadState& ts, Value a, Value b) {
    if (a.is_bool() && b.is_bool()) return Value::boolean(a.is_true() && b.is_true());
    if (both_small(a, b)) return Value::from_small(a.as_small() & b.as_small());
    if (!int_operands(a, b)) return not_implemented();
    return int_from_bigint(ts, bit_and(to_bigint(a), to_bigint(b)));
}
Value int_or(ThreadState& ts, Value a, Value b) {
    if (a.is_bool() && b.is_bool()) return Value::boolean(a.is_true() || b.is_true());
    if (both_small(a, b)) return Value::from_small(a.as_small() | b.as_small());
    if (!int_operands(a, b)) return not_implemented();
    return int_from_bigint(ts, bit_or(to_bigint(a), to_bigint(b)));
}
Value int_xor(ThreadState& ts, Value a, Value b) {
    if (a.is_bool() && b.is_bool()) return Value::boolean(a.is_true() != b.is_true());
    if (both_small(a, b)) return Value::from_small(a.as_small() ^ b.as_small());
    if (!int_operands(a, b)) return not_implemented();
    return int_from_bigint(ts, bit_xor(to_bigint(a), to_bigint(b)));
}

Value int_neg(ThreadState& ts, Value a) {
    if (a.is_small()) return int_from_i64(ts, -a.as_small());
    if (a.is_bool()) return Value::from_small(a.is_true() ? -1 : 0);
    return int_from_bigint(ts, -to_bigint(a));
}
Value int_pos(ThreadState& ts, Value a) {
    if (a.is_small()) return a;
    if (a.is_bool()) return Value::from_small(a.is_true());
    if (a.as_ptr()->type == &int_type) return a;
    return int_from_bigint(ts, to_bigint(a));
}
Value int_invert(ThreadState& ts, Value a) {
    if (a.is_small()) return Value::from_small(~a.as_small());
    if (a.is_bool()) return Value::from_small(a.is_true() ? -2 : -1);
    return int_from_bigint(ts, bit_invert(to_bigint(a)));
}
Value int_abs(ThreadState& ts, Value a) {
    if (a.is_small()) return int_from_i64(ts, a.as_small() < 0 ? -a.as_small() : a.as_small());
    if (a.is_bool()) return Value::from_small(a.is_true());
    return int_from_bigint(ts, abs(to_bigint(a)));
}

Value int_repr(ThreadState& ts, Value v) {
    if (v.is_small()) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v.as_small()));
        return str_value(ts, std::string_view(buf, size_t(n)));
    }
    if (v.is_bool()) return str_value(ts, v.is_true() ? "True" : "False");
    Poll p = make_poll(ts);
    auto r = v.as<Int>()->value.to_decimal(ts.interp.int_max_str_digits, &p);
    if (!r) return raise_num_error(ts, r.error);
    return str_value(ts, r.value);
}

bool int_hash(ThreadState&, Value v, int64_t* out) {
    if (v.is_small()) {
        *out = hash_small_int(v.as_small());
    } else if (v.is_bool()) {
        *out = v.is_true();
    } else {
        *out = v.as<Int>()->value.hash();
    }
    return true;
}

Value int_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    if (!is_int(b)) return not_implemented();
    int c;
    if ((a.is_small() || a.is_bool()) && (b.is_small() || b.is_bool())) {
        int64_t x = a.is_small() ? a.as_small() : a.is_true();
        int64_t y = b.is_small() ? b.as_small() : b.is_true();
        c = x < y ? -1 : (x > y ? 1 : 0);
    } else {
        c = compare(to_bigint(a), to_bigint(b));
    }
    return ordering_result(c, op);
}

int int_bool(ThreadState&, Value v) {
    if (v.is_small()) return v.as_small() != 0;
    if (v.is_bool()) return v.is_true();
    return !v.as<Int>()->value.is_zero();
}

}  // namespace

Value int_index(ThreadState& ts, Value v) {
    if (v.is_ptr() && v.as_ptr()->type != &int_type)
        return int_from_bigint(ts, to_bigint(v));
    return v;
}

namespace {

Value int_to_float(ThreadState& ts, Value v) {
    double d;
    if (!int_to_double(ts, v, &d)) return Value::null();
    return Value::from_double(d);
}

void int_finalize(Object* o, Heap&) {
    static_cast<Int*>(o)->value.~BigInt();
}

Value int_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames);

Value bool_repr(ThreadState& ts, Value v) {
    return str_value(ts, v.is_true() ? "True" : "False");
}

Value bool_new(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) return raise(ts, &exc_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1) return raisef(ts, &exc_TypeError, "bool expected at most 1 argument, got {}", nargs);
    if (nargs == 0) return Value::false_();
    int t = truthy(ts, args[0]);
    if (t < 0) return Value::null();
    return Value::boolean(t);
}

bool poll_fn(void* ctx) {
    auto* ts = static_cast<ThreadState*>(ctx);
    return !poll_long_loop(*ts);
}

Poll make_poll(ThreadState& ts) {
    Poll p;
    p.fn = poll_fn;
    p.ctx = &ts;
    return p;
}

Value int_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    if (nargs > 2) return raisef(ts, &exc_TypeError, "int() takes at most 2 arguments ({} given)", nargs);
    Value x = nargs > nkw ? args[0] : Value::null();
    Value base = nargs - nkw > 1 ? args[1] : Value::null();
    for (size_t i = 0; i < nkw; ++i) {
        if (str_view(kwnames->items[i]) == "base") base = args[nargs - nkw + i];
        else
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for int()",
                          str_view(kwnames->items[i]));
    }
    Value r;
    if (x.is_null()) {
        r = Value::from_small(0);
    } else if (!base.is_null()) {
        int64_t b;
        if (!index_i64(ts, base, &b)) return Value::null();
        if (is_str(x)) {
            r = int_from_string(ts, str_view(x), int(b));
        } else if (is_bytes(x)) {
            auto res = BigInt::from_text(x.as<Bytes>()->view(), int(b), TextKind::bytes);
            if (!res) return raise_num_error(ts, res.error);
            r = int_from_bigint(ts, std::move(res.value));
        } else {
            return raise(ts, &exc_TypeError, "int() can't convert non-string with explicit base");
        }
    } else if (is_str(x)) {
        r = int_from_string(ts, str_view(x), 10);
    } else if (is_bytes(x)) {
        auto res = BigInt::from_text(x.as<Bytes>()->view(), 10, TextKind::bytes);
        if (!res) return raise_num_error(ts, res.error);
        r = int_from_bigint(ts, std::move(res.value));
    } else {
        r = number_to_int(ts, x);
    }
    if (r.is_null() || type == &int_type) return r;
    Int* o = ts.heap.make<Int>(type, type->instance_size);
    if (!o) return raise_memory_error(ts);
    o->value = to_bigint(r);
    return Value::from_ptr(o);
}

}  // namespace

Value int_number_new(ThreadState& ts, Value x) {
    return int_new(ts, &int_type, &x, 1, nullptr);
}

void setup_int_types(TypeBuilder& b) {
    b.init(int_type, "int", nullptr, sizeof(Int), kTypeBaseType | kTypeIntSub);
    int_type.repr = int_repr;
    int_type.hash = int_hash;
    int_type.richcompare = int_richcompare;
    int_type.bool_ = int_bool;
    int_type.new_ = int_new;
    int_type.finalize = int_finalize;
    auto& n = int_type.num;
    n.binary[int(BinaryOp::add)] = int_add;
    n.binary[int(BinaryOp::sub)] = int_sub;
    n.binary[int(BinaryOp::mul)] = int_mul;
    n.binary[int(BinaryOp::floordiv)] = int_floordiv;
    n.binary[int(BinaryOp::mod)] = int_mod;
    n.binary[int(BinaryOp::truediv)] = int_truediv;
    n.binary[int(BinaryOp::pow)] = int_pow;
    n.binary[int(BinaryOp::lshift)] = int_lshift;
    n.binary[int(BinaryOp::rshift)] = int_rshift;
    n.binary[int(BinaryOp::and_)] = int_and;
    n.binary[int(BinaryOp::or_)] = int_or;
    n.binary[int(BinaryOp::xor_)] = int_xor;
    n.pow3 = int_pow3;
    n.neg = int_neg;
    n.pos = int_pos;
    n.invert = int_invert;
    n.abs = int_abs;
    n.index = int_index;
    n.to_int = int_index;
    n.to_float = int_to_float;

    setup_int_methods(b);
    b.init(bool_type, "bool", &int_type, sizeof(Int), kTypeIntSub);
    bool_type.repr = bool_repr;
    bool_type.new_ = bool_new;
}

}  // namespace interleave::python
