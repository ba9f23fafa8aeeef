// range's iterators, as CPython 3.11's Objects/rangeobject.c: range_iterator (int64 fields:
// the eval loop's FOR_ITER steps it inline while its values are small ints) and
// longrange_iterator (Python ints, for ranges past int64), with __length_hint__, __reduce__
// (pickling: iter(range(...)) plus the index) and __setstate__ (the index, clipped).
#include <cstdint>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// A longrange_iterator's fields, all Python ints (index: the next item's position).
struct LongRangeIter : Object {
    Value index, start, step, len;
};

RangeIter* fast(Value v) {
    return v.as<RangeIter>();
}
LongRangeIter* slow(Value v) {
    return v.as<LongRangeIter>();
}

Value add(ThreadState& ts, Value a, Value b) {
    return binary_op(ts, a, b, int(BinaryOp::add));
}

// start + n * step as a Python int (n any Python int).
Value value_at(ThreadState& ts, Value start, Value step, Value n) {
    Value m = binary_op(ts, n, step, int(BinaryOp::mul));
    if (m.is_null()) return m;
    Rooted km(ts, m);
    return add(ts, start, m);
}

// (iter, (range(start, start + len * step, step),), index): rangeiter_reduce and
// longrangeiter_reduce. The fast iterator's stop fits int64 (range_iter checked it).
Value reduce_value(ThreadState& ts, Value start, Value step, Value len, Value index) {
    Rooted k0(ts, start), k1(ts, step), k2(ts, len), k3(ts, index);
    Value stop = value_at(ts, start, step, len);
    if (stop.is_null()) return stop;
    Rooted ks(ts, stop);
    Value bounds[3] = {start, stop, step};
    Value range = call(ts, Value::from_ptr(&range_type), bounds, 3);
    if (range.is_null()) return range;
    Rooted kr(ts, range);
    Value it = dict_get_str(ts.interp.builtins, intern_str(ts, "iter"));
    if (it.is_null()) return raise(ts, &exc_AttributeError, "iter");  // as _PyEval_GetBuiltin
    Tuple* args = new_tuple_from(ts, &range, 1);
    if (!args) return Value::null();
    Rooted ka(ts, Value::from_ptr(args));
    Value parts[3] = {it, Value::from_ptr(args), index};
    Tuple* r = new_tuple_from(ts, parts, 3);
    return r ? Value::from_ptr(r) : Value::null();
}

Value iter_self(ThreadState&, Value self) {
    return self;
}

Value range_iter_next(ThreadState& ts, Value self) {
    RangeIter* it = fast(self);
    if (it->index >= it->len) return Value::null();
    return int_from_i64(ts, it->value(it->index++));
}

Value rangeiter_length_hint(ThreadState& ts, const Value* a, size_t, Tuple*) {
    const RangeIter* it = fast(a[0]);
    return int_from_i64(ts, it->len - it->index);
}

Value rangeiter_reduce(ThreadState& ts, const Value* a, size_t, Tuple*) {
    const RangeIter* it = fast(a[0]);
    Value start = int_from_i64(ts, it->start);
    Rooted k0(ts, start);
    Value step = int_from_i64(ts, it->step);
    Rooted k1(ts, step);
    Value len = int_from_i64(ts, it->len);
    Rooted k2(ts, len);
    Value index = int_from_i64(ts, it->index);
    if (start.is_null() || step.is_null() || len.is_null() || index.is_null()) return Value::null();
    return reduce_value(ts, start, step, len, index);
}

// rangeiter_setstate: PyLong_AsLong(state), silently clipped to [0, len].
Value rangeiter_setstate(ThreadState& ts, const Value* a, size_t, Tuple*) {
    RangeIter* it = fast(a[0]);
    Value n = number_index(ts, a[1]);
    if (n.is_null()) return n;
    int64_t index;
    if (!int_to_i64(ts, n, &index)) {
        clear_exc(ts);
        return raise(ts, &exc_OverflowError, "Python int too large to convert to C long");
    }
    it->index = index < 0 ? 0 : index > it->len ? it->len : index;
    return Value::none();
}

Value longrange_iter_next(ThreadState& ts, Value self) {
    LongRangeIter* it = slow(self);
    int more = richcompare_bool(ts, it->index, it->len, CompareOp::lt);
    if (more != 1) return Value::null();  // exhausted, or raised (the comparison cannot)
    Value next = add(ts, it->index, Value::from_small(1));
    if (next.is_null()) return next;
    Rooted kn(ts, next);
    Value v = value_at(ts, it->start, it->step, it->index);
    if (v.is_null()) return v;
    it->index = next;
    return v;
}

Value longrangeiter_length_hint(ThreadState& ts, const Value* a, size_t, Tuple*) {
    const LongRangeIter* it = slow(a[0]);
    return binary_op(ts, it->len, it->index, int(BinaryOp::sub));
}

Value longrangeiter_reduce(ThreadState& ts, const Value* a, size_t, Tuple*) {
    const LongRangeIter* it = slow(a[0]);
    return reduce_value(ts, it->start, it->step, it->len, it->index);
}

// longrangeiter_setstate: the state compared with 0 and len (any object that compares).
Value longrangeiter_setstate(ThreadState& ts, const Value* a, size_t, Tuple*) {
    LongRangeIter* it = slow(a[0]);
    Value state = a[1];
    int below = richcompare_bool(ts, state, Value::from_small(0), CompareOp::lt);
    if (below < 0) return Value::null();
    if (below) {
        state = Value::from_small(0);
    } else {
        int above = richcompare_bool(ts, it->len, state, CompareOp::lt);
        if (above < 0) return Value::null();
        if (above) state = it->len;
    }
    it->index = state;
    return Value::none();
}

void longrange_iter_trace(Object* o, GcVisitor& v) {
    const LongRangeIter* it = static_cast<LongRangeIter*>(o);
    v.visit(it->index);
    v.visit(it->start);
    v.visit(it->step);
    v.visit(it->len);
}

const MethodDef kRangeIterMethods[] = {
    {"__length_hint__", rangeiter_length_hint, kMethNoArgs},
    {"__reduce__", rangeiter_reduce, kMethNoArgs},
    {"__setstate__", rangeiter_setstate, kMethO},
};
const MethodDef kLongRangeIterMethods[] = {
    {"__length_hint__", longrangeiter_length_hint, kMethNoArgs},
    {"__reduce__", longrangeiter_reduce, kMethNoArgs},
    {"__setstate__", longrangeiter_setstate, kMethO},
};

Value new_fast(ThreadState& ts, int64_t start, int64_t step, int64_t len) {
    RangeIter* it = ts.heap.make<RangeIter>(&range_iter_type, sizeof(RangeIter));
    if (!it) return raise_memory_error(ts);
    it->start = start;
    it->step = step;
    it->len = len;
    return Value::from_ptr(it);
}

Value new_long(ThreadState& ts, Value start, Value step, Value len) {
    Rooted k0(ts, start), k1(ts, step), k2(ts, len);
    LongRangeIter* it = ts.heap.make<LongRangeIter>(&longrange_iter_type, sizeof(LongRangeIter));
    if (!it) return raise_memory_error(ts);
    it->index = Value::from_small(0);
    it->start = start;
    it->step = step;
    it->len = len;
    return Value::from_ptr(it);
}

// A range's (start, step, length) as Python ints; false if one could not be made.
bool long_fields(ThreadState& ts, const Range* r, Value self, Value out[3]) {
    Value b[3];
    range_bounds(ts, self, b);
    if (b[0].is_null() || b[2].is_null()) return false;
    Rooted k0(ts, b[0]), k2(ts, b[2]);
    Value len = r->big ? r->big->items[3] : int_from_i64(ts, r->length);
    if (len.is_null()) return false;
    out[0] = b[0];
    out[1] = b[2];
    out[2] = len;
    return true;
}

}  // namespace

// iter(range): range_iterator when the bounds, step and length fit int64 and start + len *
// step cannot overflow it (CPython 3.11's range_iter checks the same with C longs), else
// longrange_iterator. range.cpp's Range keeps int64 fields exactly when all four fit.
Value range_iter(ThreadState& ts, Value self) {
    const Range* r = self.as<Range>();
    bool fits = !r->big;
    if (fits && r->length > 0) {
        fits = r->step > 0 ? r->stop <= INT64_MAX - (r->step - 1)
                           : r->stop >= INT64_MIN + (-1 - r->step);
    }
    if (fits) return new_fast(ts, r->start, r->step, r->length);
    Value f[3];
    if (!long_fields(ts, r, self, f)) return Value::null();
    return new_long(ts, f[0], f[1], f[2]);
}

// reversed(range): iter(range(start + (len - 1) * step, start - step, -step)), as CPython
// 3.11's range_reverse: range_iterator when start, stop, step, -step, start - step and the
// length fit int64 (its checks, not iter()'s: they differ at the edges), else longrange.
Value range_reversed_iter(ThreadState& ts, Value self) {
    const Range* r = self.as<Range>();
    if (!r->big && r->step != INT64_MIN) {
        const uint64_t ustart = uint64_t(r->start), ustep = uint64_t(r->step);
        const bool fits = r->step > 0 ? ustart - uint64_t(INT64_MIN) >= ustep
                                      : uint64_t(INT64_MAX) - ustart >= uint64_t(0) - ustep;
        if (fits) {
            const uint64_t new_stop = ustart - ustep;
            const int64_t new_start = int64_t(new_stop + uint64_t(r->length) * ustep);
            return new_fast(ts, new_start, -r->step, r->length);
        }
    }
    Value f[3];
    if (!long_fields(ts, r, self, f)) return Value::null();
    Rooted k0(ts, f[0]), k1(ts, f[1]), k2(ts, f[2]);
    Value last = binary_op(ts, f[2], Value::from_small(1), int(BinaryOp::sub));
    if (last.is_null()) return last;
    Value start = value_at(ts, f[0], f[1], last);
    if (start.is_null()) return start;
    Rooted ks(ts, start);
    Value step = unary_neg(ts, f[1]);
    if (step.is_null()) return step;
    return new_long(ts, start, step, f[2]);
}

void setup_range_iter_types(TypeBuilder& b) {
    b.init(range_iter_type, "range_iterator", nullptr, sizeof(RangeIter), 0);
    range_iter_type.iter = iter_self;
    range_iter_type.next = range_iter_next;
    b.methods(range_iter_type, kRangeIterMethods);
    b.init(longrange_iter_type, "longrange_iterator", nullptr, sizeof(LongRangeIter), 0);
    longrange_iter_type.iter = iter_self;
    longrange_iter_type.next = longrange_iter_next;
    longrange_iter_type.trace = longrange_iter_trace;
    b.methods(longrange_iter_type, kLongRangeIterMethods);
}

}  // namespace interleave::python
