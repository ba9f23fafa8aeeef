// range and slice (CPython 3.11's Objects/rangeobject.c and sliceobject.c): construction,
// repr, len, indexing, containment, comparison, index/count, slice.indices; the range
// iterator is iter.cpp's.
#include <cmath>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// --- range ---------------------------------------------------------------------------------

int64_t range_len(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

Value range_new(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "range() takes no keyword arguments");
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0)
            return raise(ts, &exc_TypeError, "range expected at least 1 argument, got 0");
        return raisef(ts, &exc_TypeError, "range expected at most 3 arguments, got {}", nargs);
    }
    int64_t v[3];
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_int(args[i]) && !type_of(args[i])->num.index)
            return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                          type_name(args[i]));
        if (!index_i64(ts, args[i], &v[i])) return Value::null();
    }
    int64_t start = 0, stop, step = 1;
    if (nargs == 1) {
        stop = v[0];
    } else {
        start = v[0];
        stop = v[1];
        if (nargs == 3) step = v[2];
    }
    if (step == 0) return raise(ts, &exc_ValueError, "range() arg 3 must not be zero");
    return new_range(ts, start, stop, step);
}

Value range_repr(ThreadState& ts, Value self) {
    Range* r = self.as<Range>();
    if (r->step == 1) return str_value(ts, fmt::format("range({}, {})", r->start, r->stop));
    return str_value(ts, fmt::format("range({}, {}, {})", r->start, r->stop, r->step));
}

int64_t range_length(ThreadState&, Value self) {
    return self.as<Range>()->length;
}

Value range_iter(ThreadState& ts, Value self) {
    Range* r = self.as<Range>();
    SeqIter* it = ts.heap.make<SeqIter>(&range_iter_type, sizeof(SeqIter));
    if (!it) return raise_memory_error(ts);
    it->seq = Value::from_small(r->step);
    it->aux = r->start;
    it->index = 0;
    it->end = r->length;
    return Value::from_ptr(it);
}

Value range_getitem(ThreadState& ts, Value self, Value key) {
    Range* r = self.as<Range>();
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, r->length, &start, &stop, &step, &n)) return Value::null();
        int64_t nstart = r->start + start * r->step;
        int64_t nstep = r->step * step;
        return new_range(ts, nstart, nstart + n * nstep, nstep);
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) return Value::null();
    if (i < 0) i += r->length;
    if (i < 0 || i >= r->length)
        return raise(ts, &exc_IndexError, "range object index out of range");
    return int_from_i64(ts, r->start + i * r->step);
}

int range_contains(ThreadState& ts, Value self, Value item) {
    Range* r = self.as<Range>();
    if (item.is_small() || item.is_bool()) {
        int64_t v = item.is_small() ? item.as_small() : item.is_true();
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
        return (v - r->start) % r->step == 0;
    }
    for (int64_t i = 0; i < r->length; ++i) {
        int c =
            richcompare_bool(ts, Value::from_small(r->start + i * r->step), item, CompareOp::eq);
        if (c != 0) return c;
    }
    return 0;
}

Value range_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    if (!is_type(b, &range_type) || (op != CompareOp::eq && op != CompareOp::ne))
        return not_implemented();
    Range* x = a.as<Range>();
    Range* y = b.as<Range>();
    bool eq = x->length == y->length &&
              (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    return Value::boolean(op == CompareOp::eq ? eq : !eq);
}

int range_bool(ThreadState&, Value self) {
    return self.as<Range>()->length != 0;
}

Value r_start(ThreadState&, Value s) {
    return Value::from_small(s.as<Range>()->start);
}
Value r_stop(ThreadState&, Value s) {
    return Value::from_small(s.as<Range>()->stop);
}
Value r_step(ThreadState&, Value s) {
    return Value::from_small(s.as<Range>()->step);
}
const GetSetDef kRangeGetSets[] = {{"start", r_start}, {"stop", r_stop}, {"step", r_step}};

Value range_index(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "index() takes exactly one argument");
    Range* r = a[0].as<Range>();
    int c = range_contains(ts, a[0], a[1]);
    if (c < 0) return Value::null();
    if (!c || !a[1].is_small()) {
        std::string s;
        if (!repr_utf8(ts, a[1], &s)) return Value::null();
        return raisef(ts, &exc_ValueError, "{} is not in range", s);
    }
    return Value::from_small((a[1].as_small() - r->start) / r->step);
}
Value range_count(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "count() takes exactly one argument");
    int c = range_contains(ts, a[0], a[1]);
    return c < 0 ? Value::null() : Value::from_small(c);
}
const MethodDef kRangeMethods[] = {{"index", range_index}, {"count", range_count}};

Value range_reversed(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Range* r = a[0].as<Range>();
    int64_t last = r->start + (r->length - 1) * r->step;
    Value nr = new_range(ts, last, last - r->length * r->step, -r->step);
    if (nr.is_null()) return nr;
    if (r->length == 0) return range_iter(ts, new_range(ts, 0, 0, 1));
    return range_iter(ts, nr);
}
const MethodDef kRangeRev[] = {{"__reversed__", range_reversed}};

void range_trace(Object*, GcVisitor&) {}

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

Value new_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step) {
    Range* r = ts.heap.make<Range>(&range_type, sizeof(Range));
    if (!r) return raise_memory_error(ts);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = range_len(start, stop, step);
    return Value::from_ptr(r);
}

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

void setup_range_slice_types(TypeBuilder& b) {
    b.init(range_type, "range", nullptr, sizeof(Range), 0);
    range_type.new_ = range_new;
    range_type.repr = range_repr;
    range_type.len = range_length;
    range_type.iter = range_iter;
    range_type.getitem = range_getitem;
    range_type.contains = range_contains;
    range_type.richcompare = range_richcompare;
    range_type.bool_ = range_bool;
    range_type.trace = range_trace;
    b.getsets(range_type, kRangeGetSets);
    b.methods(range_type, kRangeMethods);
    b.methods(range_type, kRangeRev);

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
