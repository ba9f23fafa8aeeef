// Iterators (list, tuple, str, range, set, dict views, sequence protocol, callable+sentinel,
// enumerate, zip, map, filter, reversed), range and slice.
#include <cmath>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/int.hpp"
#include "python/objects/set.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

size_t str_byte_offset(const Str* s, int64_t index);

Value new_seq_iter(ThreadState& ts, Type* type, Value seq) {
    SeqIter* it = ts.heap.make<SeqIter>(type, sizeof(SeqIter));
    if (!it) return raise_memory_error(ts);
    it->seq = seq;
    if (type == &dict_keyiter_type || type == &dict_valueiter_type || type == &dict_itemiter_type)
        it->aux = seq.as<Dict>()->used;
    if (type == &set_iter_type) it->aux = seq.as<Set>()->used;
    if (type == &str_iter_type) it->end = 0;  // byte offset
    return Value::from_ptr(it);
}

Value new_dict_iter(ThreadState& ts, Value dict, Type* iter_type) {
    return new_seq_iter(ts, iter_type, dict);
}

namespace {

void seqiter_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<SeqIter*>(o)->seq);
}

Value iter_self(ThreadState&, Value self) {
    return self;
}

SeqIter* si(Value v) {
    return v.as<SeqIter>();
}

Value list_iter_next(ThreadState&, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    List* l = it->seq.as<List>();
    if (it->index < l->size) return l->items[it->index++];
    it->seq = Value::null();
    return Value::null();
}

Value list_reviter_next(ThreadState&, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    List* l = it->seq.as<List>();
    if (it->index >= 0 && it->index < l->size) return l->items[it->index--];
    it->seq = Value::null();
    return Value::null();
}

Value tuple_iter_next(ThreadState&, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Tuple* t = it->seq.as<Tuple>();
    if (it->index < t->size) return t->items[it->index++];
    it->seq = Value::null();
    return Value::null();
}

Value str_iter_next(ThreadState& ts, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Str* s = it->seq.as<Str>();
    if (it->end >= s->nbytes) {
        it->seq = Value::null();
        return Value::null();
    }
    size_t b = size_t(it->end);
    size_t e = b + 1;
    while (e < size_t(s->nbytes) && (static_cast<unsigned char>(s->data[e]) & 0xC0) == 0x80) ++e;
    it->end = int64_t(e);
    return str_value(ts, std::string_view(s->data + b, e - b));
}

Value range_iter_next(ThreadState&, Value self) {
    SeqIter* it = si(self);
    if (it->index < it->end) {
        int64_t v = it->aux + it->index * it->seq.as_small();
        ++it->index;
        return Value::from_small(v);
    }
    return Value::null();
}

Value set_iter_next(ThreadState& ts, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Set* s = it->seq.as<Set>();
    if (s->used != it->aux) {
        it->aux = -1;
        return raise(ts, &exc_RuntimeError, "Set changed size during iteration");
    }
    Value k;
    if (set_next(s, &it->index, &k)) return k;
    it->seq = Value::null();
    return Value::null();
}

Value dict_iter_common(ThreadState& ts, Value self, int kind) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Dict* d = it->seq.as<Dict>();
    if (d->used != it->aux) {
        it->aux = -1;
        return raise(ts, &exc_RuntimeError, "dictionary changed size during iteration");
    }
    Value k, v;
    if (!dict_next(d, &it->index, &k, &v)) {
        it->seq = Value::null();
        return Value::null();
    }
    if (kind == 0) return k;
    if (kind == 1) return v;
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = k;
    t->items[1] = v;
    return Value::from_ptr(t);
}
Value dict_keyiter_next(ThreadState& ts, Value self) { return dict_iter_common(ts, self, 0); }
Value dict_valueiter_next(ThreadState& ts, Value self) { return dict_iter_common(ts, self, 1); }
Value dict_itemiter_next(ThreadState& ts, Value self) { return dict_iter_common(ts, self, 2); }

Value seq_iter_next(ThreadState& ts, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Value v = getitem(ts, it->seq, Value::from_small(it->index));
    if (v.is_null()) {
        if (exc_matches(ts, &exc_IndexError) || exc_matches(ts, &exc_StopIteration)) {
            clear_exc(ts);
            it->seq = Value::null();
        }
        return Value::null();
    }
    ++it->index;
    return v;
}

// iter(callable, sentinel): seq = callable; the sentinel lives in a 2-tuple.
Value callable_iter_next(ThreadState& ts, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Tuple* pair = it->seq.as<Tuple>();
    Value v = call0(ts, pair->items[0]);
    if (v.is_null()) {
        if (clear_if(ts, &exc_StopIteration)) it->seq = Value::null();
        return Value::null();
    }
    Rooted kv(ts, v);
    int eq = richcompare_bool(ts, v, pair->items[1], CompareOp::eq);
    if (eq < 0) return Value::null();
    if (eq) {
        it->seq = Value::null();
        return Value::null();
    }
    return v;
}

Value listiter_length_hint(ThreadState&, const Value* a, size_t, Tuple*) {
    SeqIter* it = si(a[0]);
    if (it->seq.is_null()) return Value::from_small(0);
    return Value::from_small(std::max<int64_t>(0, it->seq.as<List>()->size - it->index));
}
const MethodDef kListIterMethods[] = {{"__length_hint__", listiter_length_hint}};

// --- enumerate, zip, map, filter, reversed (state in a tuple: simple and traced) -------------

struct Multi : Object {
    Value a, b, c;  // per type: (iterator, count) / (iterators tuple, strict) / ...
    int64_t n = 0;
};

void multi_trace(Object* o, GcVisitor& v) {
    auto* m = static_cast<Multi*>(o);
    v.visit(m->a);
    v.visit(m->b);
    v.visit(m->c);
}

Multi* new_multi(ThreadState& ts, Type* t) {
    Multi* m = ts.heap.make<Multi>(t, sizeof(Multi));
    if (!m) raise_memory_error(ts);
    return m;
}

size_t npos_of(size_t nargs, Tuple* kw) {
    return nargs - (kw ? size_t(kw->size) : 0);
}

Value enumerate_new(ThreadState& ts, Type* t, const Value* args, size_t nargs, Tuple* kw) {
    size_t npos = npos_of(nargs, kw);
    Value iterable = npos > 0 ? args[0] : Value::null();
    Value start = npos > 1 ? args[1] : Value::from_small(0);
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "start") start = args[npos + i];
        else if (k == "iterable") iterable = args[npos + i];
        else return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for enumerate()", k);
    }
    if (iterable.is_null()) return raise(ts, &exc_TypeError, "enumerate() missing required argument 'iterable' (pos 1)");
    if (!is_int(start))
        return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(start));
    Value it = get_iter(ts, iterable);
    if (it.is_null()) return it;
    Rooted ki(ts, it);
    Multi* m = new_multi(ts, t);
    if (!m) return Value::null();
    m->a = it;
    m->b = start;
    return Value::from_ptr(m);
}

Value enumerate_next(ThreadState& ts, Value self) {
    Multi* m = self.as<Multi>();
    Value v = iter_next(ts, m->a);
    if (v.is_null()) return v;
    Rooted kv(ts, v);
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = m->b;
    t->items[1] = v;
    Rooted kt(ts, Value::from_ptr(t));
    Value nx = m->b.is_small() ? int_from_i64(ts, m->b.as_small() + 1)
                               : binary_op(ts, m->b, Value::from_small(1), int(BinaryOp::add));
    if (nx.is_null()) return nx;
    m->b = nx;
    return Value::from_ptr(t);
}

Value zip_new(ThreadState& ts, Type* t, const Value* args, size_t nargs, Tuple* kw) {
    size_t npos = npos_of(nargs, kw);
    bool strict = false;
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        if (str_view(kw->items[i]) != "strict")
            return raisef(ts, &exc_TypeError, "zip() got an unexpected keyword argument '{}'", str_view(kw->items[i]));
        int s = truthy(ts, args[npos + i]);
        if (s < 0) return Value::null();
        strict = s;
    }
    Tuple* its = new_tuple(ts, int64_t(npos));
    if (!its) return Value::null();
    Rooted ki(ts, Value::from_ptr(its));
    for (size_t i = 0; i < npos; ++i) {
        Value it = get_iter(ts, args[i]);
        if (it.is_null()) {
            if (exc_matches(ts, &exc_TypeError)) {
                clear_exc(ts);
                return raisef(ts, &exc_TypeError, "zip argument #{} must support iteration", i + 1);
            }
            return it;
        }
        its->items[i] = it;
    }
    Multi* m = new_multi(ts, t);
    if (!m) return Value::null();
    m->a = Value::from_ptr(its);
    m->n = strict;
    return Value::from_ptr(m);
}

Value zip_next(ThreadState& ts, Value self) {
    Multi* m = self.as<Multi>();
    Tuple* its = m->a.as<Tuple>();
    if (its->size == 0) return Value::null();
    Tuple* out = new_tuple(ts, its->size);
    if (!out) return Value::null();
    Rooted ko(ts, Value::from_ptr(out));
    for (int64_t i = 0; i < its->size; ++i) {
        Value v = iter_next(ts, its->items[i]);
        if (v.is_null()) {
            if (ts.has_exc()) return v;
            if (m->n) {
                if (i > 0)
                    return raisef(ts, &exc_ValueError, "zip() argument {} is shorter than argument{} {}",
                                  i + 1, i == 1 ? "" : "s", i == 1 ? "1" : fmt::format("1-{}", i));
                for (int64_t j = 1; j < its->size; ++j) {
                    Value w = iter_next(ts, its->items[j]);
                    if (!w.is_null())
                        return raisef(ts, &exc_ValueError, "zip() argument {} is longer than argument{} {}",
                                      j + 1, j == 1 ? "" : "s", j == 1 ? "1" : fmt::format("1-{}", j));
                    if (ts.has_exc()) return Value::null();
                }
            }
            return Value::null();
        }
        out->items[i] = v;
    }
    return Value::from_ptr(out);
}

Value map_new(ThreadState& ts, Type* t, const Value* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2) return raise(ts, &exc_TypeError, "map() must have at least two arguments.");
    Tuple* its = new_tuple(ts, int64_t(nargs - 1));
    if (!its) return Value::null();
    Rooted ki(ts, Value::from_ptr(its));
    for (size_t i = 1; i < nargs; ++i) {
        Value it = get_iter(ts, args[i]);
        if (it.is_null()) return it;
        its->items[i - 1] = it;
    }
    Multi* m = new_multi(ts, t);
    if (!m) return Value::null();
    m->a = args[0];
    m->b = Value::from_ptr(its);
    return Value::from_ptr(m);
}

Value map_next(ThreadState& ts, Value self) {
    Multi* m = self.as<Multi>();
    Tuple* its = m->b.as<Tuple>();
    RootedVector vals(ts);
    for (int64_t i = 0; i < its->size; ++i) {
        Value v = iter_next(ts, its->items[i]);
        if (v.is_null()) return v;
        vals.v.push_back(v);
    }
    return call(ts, m->a, vals.v.data(), vals.v.size());
}

Value filter_new(ThreadState& ts, Type* t, const Value* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2) return raisef(ts, &exc_TypeError, "filter expected 2 arguments, got {}", nargs);
    Value it = get_iter(ts, args[1]);
    if (it.is_null()) return it;
    Rooted ki(ts, it);
    Multi* m = new_multi(ts, t);
    if (!m) return Value::null();
    m->a = args[0];
    m->b = it;
    return Value::from_ptr(m);
}

Value filter_next(ThreadState& ts, Value self) {
    Multi* m = self.as<Multi>();
    for (;;) {
        Value v = iter_next(ts, m->b);
        if (v.is_null()) return v;
        Rooted kv(ts, v);
        int t;
        if (m->a.is_none()) {
            t = truthy(ts, v);
        } else {
            Value r = call1(ts, m->a, v);
            if (r.is_null()) return r;
            t = truthy(ts, r);
        }
        if (t < 0) return Value::null();
        if (t) return v;
    }
}

Value reversed_new(ThreadState& ts, Type* t, const Value* args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1)
        return raisef(ts, &exc_TypeError, "reversed expected 1 argument, got {}", nargs);
    Value seq = args[0];
    Value rev = type_lookup(type_of(seq), names.__reversed__);
    if (!rev.is_null() && !rev.is_none()) return call1(ts, rev, seq);
    if (is_list(seq)) {
        Value it = new_seq_iter(ts, &list_reviter_type, seq);
        if (!it.is_null()) si(it)->index = seq.as<List>()->size - 1;
        return it;
    }
    Type* st = type_of(seq);
    if (!st->getitem || !st->len || is_dict(seq))
        return raisef(ts, &exc_TypeError, "'{}' object is not reversible", type_name(seq));
    int64_t n = st->len(ts, seq);
    if (n < 0) return Value::null();
    Multi* m = new_multi(ts, t);
    if (!m) return Value::null();
    m->a = seq;
    m->n = n - 1;
    return Value::from_ptr(m);
}

Value reversed_next(ThreadState& ts, Value self) {
    Multi* m = self.as<Multi>();
    if (m->n < 0 || m->a.is_null()) return Value::null();
    Value v = getitem(ts, m->a, Value::from_small(m->n--));
    if (v.is_null() && (exc_matches(ts, &exc_IndexError) || exc_matches(ts, &exc_StopIteration))) {
        clear_exc(ts);
        m->a = Value::null();
    }
    return v;
}

// --- range ---------------------------------------------------------------------------------

int64_t range_len(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

Value range_new(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "range() takes no keyword arguments");
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0) return raise(ts, &exc_TypeError, "range expected at least 1 argument, got 0");
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
    if (i < 0 || i >= r->length) return raise(ts, &exc_IndexError, "range object index out of range");
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
        int c = richcompare_bool(ts, Value::from_small(r->start + i * r->step), item, CompareOp::eq);
        if (c != 0) return c;
    }
    return 0;
}

Value range_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    if (!is_type(b, &range_type) || (op != CompareOp::eq && op != CompareOp::ne)) return not_implemented();
    Range* x = a.as<Range>();
    Range* y = b.as<Range>();
    bool eq = x->length == y->length &&
              (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    return Value::boolean(op == CompareOp::eq ? eq : !eq);
}

int range_bool(ThreadState&, Value self) {
    return self.as<Range>()->length != 0;
}

Value r_start(ThreadState&, Value s) { return Value::from_small(s.as<Range>()->start); }
Value r_stop(ThreadState&, Value s) { return Value::from_small(s.as<Range>()->stop); }
Value r_step(ThreadState&, Value s) { return Value::from_small(s.as<Range>()->step); }
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
    if (nargs < 1 || nargs > 3) return raisef(ts, &exc_TypeError, "slice expected at least 1 argument, got {}", nargs);
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

Value s_start(ThreadState&, Value s) { return s.as<Slice>()->start; }
Value s_stop(ThreadState&, Value s) { return s.as<Slice>()->stop; }
Value s_step(ThreadState&, Value s) { return s.as<Slice>()->step; }
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
    if (st < 0) *count = e < b ? (b - e - 1) / (-st) + 1 : 0;
    else *count = b < e ? (e - b - 1) / st + 1 : 0;
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

void setup_iter_types(TypeBuilder& b) {
    struct Def {
        Type* t;
        const char* name;
        UnaryFn next;
    };
    const Def defs[] = {
        {&list_iter_type, "list_iterator", list_iter_next},
        {&list_reviter_type, "list_reverseiterator", list_reviter_next},
        {&tuple_iter_type, "tuple_iterator", tuple_iter_next},
        {&str_iter_type, "str_ascii_iterator", str_iter_next},
        {&range_iter_type, "range_iterator", range_iter_next},
        {&set_iter_type, "set_iterator", set_iter_next},
        {&dict_keyiter_type, "dict_keyiterator", dict_keyiter_next},
        {&dict_valueiter_type, "dict_valueiterator", dict_valueiter_next},
        {&dict_itemiter_type, "dict_itemiterator", dict_itemiter_next},
        {&seq_iter_type, "iterator", seq_iter_next},
        {&callable_iter_type, "callable_iterator", callable_iter_next},
    };
    for (const Def& d : defs) {
        b.init(*d.t, d.name, nullptr, sizeof(SeqIter), 0);
        d.t->iter = iter_self;
        d.t->next = d.next;
        d.t->trace = seqiter_trace;
    }
    b.methods(list_iter_type, kListIterMethods);
    struct MDef {
        Type* t;
        const char* name;
        NewFn new_;
        UnaryFn next;
    };
    const MDef mdefs[] = {
        {&enumerate_type, "enumerate", enumerate_new, enumerate_next},
        {&zip_type, "zip", zip_new, zip_next},
        {&map_type, "map", map_new, map_next},
        {&filter_type, "filter", filter_new, filter_next},
        {&reversed_type, "reversed", reversed_new, reversed_next},
    };
    for (const MDef& d : mdefs) {
        b.init(*d.t, d.name, nullptr, sizeof(Multi));
        d.t->new_ = d.new_;
        d.t->iter = iter_self;
        d.t->next = d.next;
        d.t->trace = multi_trace;
    }
}

}  // namespace interleave::python
