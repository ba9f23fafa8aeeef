// range, as CPython 3.11's Objects/rangeobject.c: construction, repr, len, indexing, slicing,
// containment, comparison, hash, index/count, reversed, start/stop/step. Bounds, steps and
// lengths are Python ints of any size (range(10**20) works; len() of one longer than
// sys.maxsize raises OverflowError). A range within int64 keeps int64 fields and fast paths;
// one past them keeps its (start, stop, step, length) as Python ints in Range::big and
// iterates with a longrange_iterator (range_iter.cpp).
#include <cstdint>

#include <fmt/format.h>

#include "python/compiler/opcodes.hpp"
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value range_iter(ThreadState& ts, Value self);           // range_iter.cpp
Value range_reversed_iter(ThreadState& ts, Value self);  // range_iter.cpp

namespace {

enum Field { kStart, kStop, kStep, kLength };

// compute_range_length in int64: false when the length does not fit.
bool small_length(int64_t start, int64_t stop, int64_t step, int64_t* out) {
    uint64_t lo, hi, st;
    if (step > 0) {
        lo = uint64_t(start), hi = uint64_t(stop), st = uint64_t(step);
        if (start >= stop) return *out = 0, true;
    } else {
        lo = uint64_t(stop), hi = uint64_t(start), st = uint64_t(0) - uint64_t(step);
        if (start <= stop) return *out = 0, true;
    }
    const uint64_t n = (hi - lo - 1) / st + 1;  // hi - lo: exact modulo 2**64, and < 2**64
    if (n > uint64_t(INT64_MAX)) return false;
    *out = int64_t(n);
    return true;
}

Range* R(Value v) {
    return v.as<Range>();
}

// A field as a Python int.
Value field(ThreadState& ts, const Range* r, Field f) {
    if (r->big) return r->big->items[f];
    const int64_t v[] = {r->start, r->stop, r->step, r->length};
    return int_from_i64(ts, v[f]);
}

Value op(ThreadState& ts, Value a, Value b, BinaryOp o) {
    return binary_op(ts, a, b, int(o));
}

// A range of Python ints (step != 0): int64 fields when everything fits, else Range::big.
Value make_range(ThreadState& ts, Value start, Value stop, Value step) {
    int64_t s[3];
    const Value v[3] = {start, stop, step};
    bool fits = true;
    for (int i = 0; i < 3 && fits; ++i) {
        if (!int_to_i64(ts, v[i], &s[i])) {
            clear_exc(ts);
            fits = false;
        }
    }
    int64_t n;
    if (fits && small_length(s[0], s[1], s[2], &n)) return new_range(ts, s[0], s[1], s[2]);
    // compute_range_length with Python ints
    const int neg = richcompare_bool(ts, step, Value::from_small(0), CompareOp::lt);
    Value lo = neg ? stop : start, hi = neg ? start : stop;
    Value st = neg ? op(ts, Value::from_small(0), step, BinaryOp::sub) : step;
    if (st.is_null()) return st;
    Value length = Value::from_small(0);
    if (richcompare_bool(ts, lo, hi, CompareOp::lt) == 1) {
        Value d = op(ts, op(ts, hi, lo, BinaryOp::sub), Value::from_small(1), BinaryOp::sub);
        if (d.is_null()) return d;
        Value q = op(ts, d, st, BinaryOp::floordiv);
        if (q.is_null()) return q;
        length = op(ts, q, Value::from_small(1), BinaryOp::add);
        if (length.is_null()) return length;
    }
    const Value items[4] = {start, stop, step, length};
    Tuple* t = new_tuple_from(ts, items, 4);
    if (!t) return Value::null();
    Rooted keep(ts, Value::from_ptr(t));
    Range* r = ts.heap.make<Range>(&range_type, sizeof(Range));
    if (!r) return raise_memory_error(ts);
    r->big = t;
    return Value::from_ptr(r);
}

Value range_new(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "range() takes no keyword arguments");
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0)
            return raise(ts, &exc_TypeError, "range expected at least 1 argument, got 0");
        return raisef(ts, &exc_TypeError, "range expected at most 3 arguments, got {}", nargs);
    }
    Value v[3];
    RootedVector keep(ts);
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_int(args[i]) && !type_of(args[i])->num.index)
            return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                          type_name(args[i]));
        v[i] = number_index(ts, args[i]);
        if (v[i].is_null()) return Value::null();
        keep.v.push_back(v[i]);
    }
    Value start = Value::from_small(0), stop, step = Value::from_small(1);
    if (nargs == 1) {
        stop = v[0];
    } else {
        start = v[0];
        stop = v[1];
        if (nargs == 3) step = v[2];
    }
    if (richcompare_bool(ts, step, Value::from_small(0), CompareOp::eq) == 1)
        return raise(ts, &exc_ValueError, "range() arg 3 must not be zero");
    return make_range(ts, start, stop, step);
}

Value range_repr(ThreadState& ts, Value self) {
    const Range* r = R(self);
    if (!r->big) {
        if (r->step == 1) return str_value(ts, fmt::format("range({}, {})", r->start, r->stop));
        return str_value(ts, fmt::format("range({}, {}, {})", r->start, r->stop, r->step));
    }
    const Value* f = r->big->items;
    std::string s = "range(" + int_to_decimal(f[kStart]) + ", " + int_to_decimal(f[kStop]);
    if (!(f[kStep].is_small() && f[kStep].as_small() == 1)) s += ", " + int_to_decimal(f[kStep]);
    return str_value(ts, s + ")");
}

int64_t range_length(ThreadState& ts, Value self) {
    const Range* r = R(self);
    if (!r->big) return r->length;
    int64_t n;
    if (int_to_i64(ts, r->big->items[kLength], &n)) return n;
    clear_exc(ts);
    raise(ts, &exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

// PySlice_GetIndicesEx for a length of any size (_PySlice_GetLongIndices): start, stop and
// step of the items a slice picks. False with the exception raised.
bool long_slice_indices(ThreadState& ts, Value slice, Value length, Value out[3]) {
    const Slice* s = slice.as<Slice>();
    Value step = Value::from_small(1);
    if (!s->step.is_none()) {
        step = number_index(ts, s->step);
        if (step.is_null()) return false;
        if (richcompare_bool(ts, step, Value::from_small(0), CompareOp::eq) == 1)
            return raise(ts, &exc_ValueError, "slice step cannot be zero"), false;
    }
    const bool neg = richcompare_bool(ts, step, Value::from_small(0), CompareOp::lt) == 1;
    const Value lower = neg ? Value::from_small(-1) : Value::from_small(0);
    const Value upper = neg ? op(ts, length, Value::from_small(1), BinaryOp::sub) : length;
    if (upper.is_null()) return false;
    auto bound = [&](Value v, Value dflt, Value* o) {
        if (v.is_none()) return *o = dflt, true;
        Value i = number_index(ts, v);
        if (i.is_null()) return false;
        if (richcompare_bool(ts, i, Value::from_small(0), CompareOp::lt) == 1) {
            i = op(ts, i, length, BinaryOp::add);
            if (i.is_null()) return false;
            if (richcompare_bool(ts, i, lower, CompareOp::lt) == 1) i = lower;
        } else if (richcompare_bool(ts, i, upper, CompareOp::gt) == 1) {
            i = upper;
        }
        return *o = i, true;
    };
    out[2] = step;
    return bound(s->start, neg ? upper : lower, &out[0]) &&
           bound(s->stop, neg ? lower : upper, &out[1]);
}

// start + i * step, as a Python int
Value item_at(ThreadState& ts, const Range* r, Value i) {
    Value m = op(ts, i, field(ts, r, kStep), BinaryOp::mul);
    return m.is_null() ? m : op(ts, field(ts, r, kStart), m, BinaryOp::add);
}

Value range_getitem(ThreadState& ts, Value self, Value key) {
    const Range* r = R(self);
    if (is_type(key, &slice_type)) {
        if (!r->big) {
            int64_t start, stop, step, n;
            if (slice_indices(ts, key, r->length, &start, &stop, &step, &n)) {
                int64_t nstart, nstep, nstop;
                if (!__builtin_mul_overflow(start, r->step, &nstart) &&
                    !__builtin_add_overflow(nstart, r->start, &nstart) &&
                    !__builtin_mul_overflow(r->step, step, &nstep) &&
                    !__builtin_mul_overflow(n, nstep, &nstop) &&
                    !__builtin_add_overflow(nstop, nstart, &nstop))
                    return new_range(ts, nstart, nstop, nstep);
            } else if (!exc_matches(ts, &exc_OverflowError)) {
                return Value::null();
            }
            clear_exc(ts);
        }
        Value idx[3];
        RootedVector keep(ts);
        if (!long_slice_indices(ts, key, field(ts, r, kLength), idx)) return Value::null();
        keep.v.assign(idx, idx + 3);
        Value start = item_at(ts, r, idx[0]), stop = item_at(ts, r, idx[1]);
        Value step = op(ts, field(ts, r, kStep), idx[2], BinaryOp::mul);
        if (start.is_null() || stop.is_null() || step.is_null()) return Value::null();
        return make_range(ts, start, stop, step);
    }
    if (!r->big && (key.is_small() || key.is_bool())) {
        int64_t i = key.is_small() ? key.as_small() : key.is_true();
        if (i < 0) i += r->length;
        if (i < 0 || i >= r->length)
            return raise(ts, &exc_IndexError, "range object index out of range");
        return int_from_i64(ts, r->start + i * r->step);
    }
    if (!is_int(key) && !type_of(key)->num.index)
        return raisef(ts, &exc_TypeError, "range indices must be integers or slices, not {}",
                      type_name(key));
    Value i = number_index(ts, key);
    if (i.is_null()) return i;
    Value length = field(ts, r, kLength);
    if (richcompare_bool(ts, i, Value::from_small(0), CompareOp::lt) == 1) {
        i = op(ts, i, length, BinaryOp::add);
        if (i.is_null()) return i;
    }
    if (richcompare_bool(ts, i, Value::from_small(0), CompareOp::lt) == 1 ||
        richcompare_bool(ts, i, length, CompareOp::ge) == 1)
        return raise(ts, &exc_IndexError, "range object index out of range");
    return item_at(ts, r, i);
}

// `x in r` for an int x (range_contains_long): in the bounds and on a step. -1 raised.
int contains_int(ThreadState& ts, const Range* r, Value x) {
    if (!r->big && (x.is_small() || x.is_bool())) {
        const int64_t v = x.is_small() ? x.as_small() : x.is_true();
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
        return (uint64_t(v) - uint64_t(r->start)) % uint64_t(r->step < 0 ? -r->step : r->step) == 0;
    }
    const Value start = field(ts, r, kStart), stop = field(ts, r, kStop);
    const Value step = field(ts, r, kStep);
    const bool neg = richcompare_bool(ts, step, Value::from_small(0), CompareOp::lt) == 1;
    const int in = neg ? richcompare_bool(ts, x, start, CompareOp::le) == 1 &&
                             richcompare_bool(ts, x, stop, CompareOp::gt) == 1
                       : richcompare_bool(ts, x, start, CompareOp::ge) == 1 &&
                             richcompare_bool(ts, x, stop, CompareOp::lt) == 1;
    if (!in) return 0;
    Value d = op(ts, x, start, BinaryOp::sub);
    Value m = d.is_null() ? d : op(ts, d, step, BinaryOp::mod);
    if (m.is_null()) return -1;
    return richcompare_bool(ts, m, Value::from_small(0), CompareOp::eq);
}

bool exact_int(Value v) {
    return v.is_small() || v.is_bool() || is_type(v, &int_type);
}

int range_contains(ThreadState& ts, Value self, Value item) {
    const Range* r = R(self);
    if (exact_int(item)) return contains_int(ts, r, item);
    // Anything else: compared with each item in turn (_PySequence_IterSearch).
    if (!r->big) {
        for (int64_t i = 0; i < r->length; ++i) {
            int c =
                richcompare_bool(ts, int_from_i64(ts, r->start + i * r->step), item, CompareOp::eq);
            if (c != 0) return c;
        }
        return 0;
    }
    Value cur = field(ts, r, kStart);
    Rooted kc(ts, cur);
    for (Value left = field(ts, r, kLength);
         richcompare_bool(ts, left, Value::from_small(0), CompareOp::gt) == 1;
         left = op(ts, left, Value::from_small(1), BinaryOp::sub)) {
        int c = richcompare_bool(ts, cur, item, CompareOp::eq);
        if (c != 0) return c;
        if (!poll_long_loop(ts)) return -1;
        cur = op(ts, cur, field(ts, r, kStep), BinaryOp::add);
        if (cur.is_null()) return -1;
        kc = cur;
    }
    return 0;
}

// (length, start, step) with what does not matter as None: range_hash's and == key.
Tuple* identity_key(ThreadState& ts, const Range* r) {
    Tuple* t = new_tuple(ts, 3);
    if (!t) return nullptr;
    Value length = field(ts, r, kLength);
    t->items[0] = length;
    t->items[1] = t->items[2] = Value::none();
    const int empty = richcompare_bool(ts, length, Value::from_small(0), CompareOp::eq);
    if (empty == 0) {
        t->items[1] = field(ts, r, kStart);
        if (richcompare_bool(ts, length, Value::from_small(1), CompareOp::eq) == 0)
            t->items[2] = field(ts, r, kStep);
    }
    return t;
}

Value range_richcompare(ThreadState& ts, Value a, Value b, CompareOp o) {
    if (!is_type(b, &range_type) || (o != CompareOp::eq && o != CompareOp::ne))
        return not_implemented();
    const Range *x = R(a), *y = R(b);
    bool eq;
    if (!x->big && !y->big) {
        eq = x->length == y->length &&
             (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    } else {
        Tuple* kx = identity_key(ts, x);
        if (!kx) return Value::null();
        Rooted keep(ts, Value::from_ptr(kx));
        Tuple* ky = identity_key(ts, y);
        if (!ky) return Value::null();
        const int r = richcompare_bool(ts, Value::from_ptr(kx), Value::from_ptr(ky), CompareOp::eq);
        if (r < 0) return Value::null();
        eq = r == 1;
    }
    return Value::boolean(o == CompareOp::eq ? eq : !eq);
}

bool range_hash(ThreadState& ts, Value self, int64_t* out) {
    Tuple* k = identity_key(ts, R(self));
    return k && hash(ts, Value::from_ptr(k), out);
}

int range_bool(ThreadState& ts, Value self) {
    const Range* r = R(self);
    if (!r->big) return r->length != 0;
    return richcompare_bool(ts, r->big->items[kLength], Value::from_small(0), CompareOp::ne);
}

Value r_start(ThreadState& ts, Value s) {
    return field(ts, R(s), kStart);
}
Value r_stop(ThreadState& ts, Value s) {
    return field(ts, R(s), kStop);
}
Value r_step(ThreadState& ts, Value s) {
    return field(ts, R(s), kStep);
}
const GetSetDef kRangeGetSets[] = {{"start", r_start}, {"stop", r_stop}, {"step", r_step}};

Value range_index(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "index() takes exactly one argument");
    const Range* r = R(a[0]);
    int c = range_contains(ts, a[0], a[1]);
    if (c < 0) return Value::null();
    if (!c || !exact_int(a[1])) {
        std::string s;
        if (!repr_utf8(ts, a[1], &s)) return Value::null();
        return raisef(ts, &exc_ValueError, "{} is not in range", s);
    }
    Value d = op(ts, a[1], field(ts, r, kStart), BinaryOp::sub);
    return d.is_null() ? d : op(ts, d, field(ts, r, kStep), BinaryOp::floordiv);
}
Value range_count(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "count() takes exactly one argument");
    int c = range_contains(ts, a[0], a[1]);
    return c < 0 ? Value::null() : Value::from_small(c);
}
const MethodDef kRangeMethods[] = {{"index", range_index}, {"count", range_count}};

Value range_reversed(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return range_reversed_iter(ts, a[0]);
}
const MethodDef kRangeRev[] = {{"__reversed__", range_reversed}};

void range_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<Range*>(o)->big);
}

}  // namespace

Value new_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step) {
    int64_t n;
    if (!small_length(start, stop, step, &n)) {
        Value s = int_from_i64(ts, start);
        Rooted k0(ts, s);
        Value e = int_from_i64(ts, stop);
        Rooted k1(ts, e);
        return make_range(ts, s, e, int_from_i64(ts, step));
    }
    Range* r = ts.heap.make<Range>(&range_type, sizeof(Range));
    if (!r) return raise_memory_error(ts);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = n;
    return Value::from_ptr(r);
}

void range_bounds(ThreadState& ts, Value range, Value out[3]) {
    const Range* r = R(range);
    for (int f = kStart; f <= kStep; ++f) out[f] = field(ts, r, Field(f));
}

void setup_range_type(TypeBuilder& b) {
    b.init(range_type, "range", nullptr, sizeof(Range), 0);
    range_type.new_ = range_new;
    range_type.repr = range_repr;
    range_type.len = range_length;
    range_type.iter = range_iter;
    range_type.getitem = range_getitem;
    range_type.contains = range_contains;
    range_type.richcompare = range_richcompare;
    range_type.hash = range_hash;
    range_type.bool_ = range_bool;
    range_type.trace = range_trace;
    b.getsets(range_type, kRangeGetSets);
    b.methods(range_type, kRangeMethods);
    b.methods(range_type, kRangeRev);
}

}  // namespace interleave::python
