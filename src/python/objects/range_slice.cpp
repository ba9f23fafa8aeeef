// slice (CPython 3.11's Objects/sliceobject.c): construction, repr, comparison, indices and
// the slice_indices() the sequences use. range is range.cpp's.
#include <cmath>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// --- slice ---------------------------------------------------------------------------------

void slice_trace(Object* o, GcVisitor& v) {
    auto* s = static_cast<Slice*>(o);
    v.visit(s->start);
    v.visit(s->stop);
    v.visit(s->step);
}

Value slice_new(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "slice() takes no keyword arguments");
    if (nargs < 1 || nargs > 3)
        return raisef(ts, &exc_TypeError, "slice expected at least 1 argument, got {}", nargs);
    if (nargs == 1) return new_slice(ts, Value::none(), args[0], Value::none());
    return new_slice(ts, args[0], args[1], nargs == 3 ? args[2] : Value::none());
}

Value slice_repr(ThreadState& ts, Value self) {
    Slice* s = self.as<Slice>();
    std::string a, b, c;
    if (!repr_utf8(ts, s->start, &a) || !repr_utf8(ts, s->stop, &b) || !repr_utf8(ts, s->step, &c))
        return Value::null();
    return str_value(ts, "slice(" + a + ", " + b + ", " + c + ")");
}

Value s_start(ThreadState&, Value s) {
    return s.as<Slice>()->start;
}
Value s_stop(ThreadState&, Value s) {
    return s.as<Slice>()->stop;
}
Value s_step(ThreadState&, Value s) {
    return s.as<Slice>()->step;
}
const GetSetDef kSliceGetSets[] = {{"start", s_start}, {"stop", s_stop}, {"step", s_step}};

Value slice_indices_m(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "indices() takes exactly one argument");
    int64_t len;
    if (!index_i64(ts, a[1], &len)) return Value::null();
    if (len < 0) return raise(ts, &exc_ValueError, "length should not be negative");
    int64_t start, stop, step, cnt;
    if (!slice_indices(ts, a[0], len, &start, &stop, &step, &cnt)) return Value::null();
    Tuple* t = new_tuple(ts, 3);
    if (!t) return Value::null();
    t->items[0] = Value::from_small(start);
    t->items[1] = Value::from_small(stop);
    t->items[2] = Value::from_small(step);
    return Value::from_ptr(t);
}
const MethodDef kSliceMethods[] = {{"indices", slice_indices_m}};

Value slice_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_type(b, &slice_type)) return not_implemented();
    Slice* x = a.as<Slice>();
    Slice* y = b.as<Slice>();
    Value xs[3] = {x->start, x->stop, x->step}, ys[3] = {y->start, y->stop, y->step};
    return sequence_compare(ts, xs, 3, ys, 3, op);
}

}  // namespace

Value new_slice(ThreadState& ts, Value start, Value stop, Value step) {
    Slice* s = ts.heap.make<Slice>(&slice_type, sizeof(Slice));
    if (!s) return raise_memory_error(ts);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return Value::from_ptr(s);
}

bool slice_indices(ThreadState& ts, Value slice, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* count) {
    Slice* s = slice.as<Slice>();
    auto get = [&](Value v, int64_t* out) -> bool {
        if (v.is_small()) {
            *out = v.as_small();
            return true;
        }
        if (!is_int(v) && !type_of(v)->num.index) {
            raise(ts, &exc_TypeError,
                  "slice indices must be integers or None or have an __index__ method");
            return false;
        }
        Value i = number_index(ts, v);
        if (i.is_null()) return false;
        if (i.is_small()) {
            *out = i.as_small();
            return true;
        }
        if (to_bigint(i).to_int64(out)) return true;
        *out = to_bigint(i).is_negative() ? INT64_MIN / 4 : INT64_MAX / 4;  // clamp as CPython
        return true;
    };
    int64_t st = 1;
    if (!s->step.is_none() && !get(s->step, &st)) return false;
    if (st == 0) {
        raise(ts, &exc_ValueError, "slice step cannot be zero");
        return false;
    }
    int64_t b, e;
    if (s->start.is_none()) {
        b = st < 0 ? length - 1 : 0;
    } else {
        if (!get(s->start, &b)) return false;
        if (b < 0) {
            b += length;
            if (b < 0) b = st < 0 ? -1 : 0;
        } else if (b >= length) {
            b = st < 0 ? length - 1 : length;
        }
    }
    if (s->stop.is_none()) {
        e = st < 0 ? -1 : length;
    } else {
        if (!get(s->stop, &e)) return false;
        if (e < 0) {
            e += length;
            if (e < 0) e = st < 0 ? -1 : 0;
        } else if (e >= length) {
            e = st < 0 ? length - 1 : length;
        }
    }
    *start = b;
    *stop = e;
    *step = st;
    if (st < 0)
        *count = e < b ? (b - e - 1) / (-st) + 1 : 0;
    else
        *count = b < e ? (e - b - 1) / st + 1 : 0;
    return true;
}

void setup_range_type(TypeBuilder& b);  // range.cpp

void setup_range_slice_types(TypeBuilder& b) {
    setup_range_type(b);
    b.init(slice_type, "slice", nullptr, sizeof(Slice), 0);
    slice_type.new_ = slice_new;
    slice_type.repr = slice_repr;
    slice_type.trace = slice_trace;
    slice_type.richcompare = slice_richcompare;
    slice_type.hash = hash_not_implemented;
    b.getsets(slice_type, kSliceGetSets);
    b.methods(slice_type, kSliceMethods);
}

}  // namespace interleave::python
