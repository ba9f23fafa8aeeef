// Iterators (list, tuple, str, set, dict views, sequence protocol, callable+sentinel,
// enumerate, zip, map, filter, reversed). range's: range_iter.cpp.
#include <cmath>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/int.hpp"
#include "python/objects/obj_lock.hpp"
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
    if (type == &set_iter_type) it->aux = set_size(seq.as<Set>());
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
    {
        ObjectLock g(l);  // free-threaded runs (obj_lock.hpp)
        if (it->index < l->size) return l->items[it->index++];
    }
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

Value set_iter_next(ThreadState& ts, Value self) {
    SeqIter* it = si(self);
    if (it->seq.is_null()) return Value::null();
    Set* s = it->seq.as<Set>();
    if (set_size(s) != it->aux) {
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
Value dict_keyiter_next(ThreadState& ts, Value self) {
    return dict_iter_common(ts, self, 0);
}
Value dict_valueiter_next(ThreadState& ts, Value self) {
    return dict_iter_common(ts, self, 1);
}
Value dict_itemiter_next(ThreadState& ts, Value self) {
    return dict_iter_common(ts, self, 2);
}

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
        if (k == "start")
            start = args[npos + i];
        else if (k == "iterable")
            iterable = args[npos + i];
        else
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for enumerate()",
                          k);
    }
    if (iterable.is_null())
        return raise(ts, &exc_TypeError,
                     "enumerate() missing required argument 'iterable' (pos 1)");
    if (!is_int(start))
        return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                      type_name(start));
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
            return raisef(ts, &exc_TypeError, "zip() got an unexpected keyword argument '{}'",
                          str_view(kw->items[i]));
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
                    return raisef(ts, &exc_ValueError,
                                  "zip() argument {} is shorter than argument{} {}", i + 1,
                                  i == 1 ? "" : "s", i == 1 ? "1" : fmt::format("1-{}", i));
                for (int64_t j = 1; j < its->size; ++j) {
                    Value w = iter_next(ts, its->items[j]);
                    if (!w.is_null())
                        return raisef(ts, &exc_ValueError,
                                      "zip() argument {} is longer than argument{} {}", j + 1,
                                      j == 1 ? "" : "s", j == 1 ? "1" : fmt::format("1-{}", j));
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

}  // namespace

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
