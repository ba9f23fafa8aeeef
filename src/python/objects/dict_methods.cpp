// dict methods and the dict views (keys(), values(), items()).
#include <algorithm>

#include "python/objects/api.hpp"
#include "python/objects/set.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool dict_pop_last(Dict* d, Value* key, Value* value);  // dict.cpp

namespace {

Dict* D(Value v) {
    return v.as<Dict>();
}

Value m_get(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2) return raisef(ts, &exc_TypeError, "get expected at least 1 argument, got {}", n - 1);
    if (n > 3) return raisef(ts, &exc_TypeError, "get expected at most 2 arguments, got {}", n - 1);
    Value v = dict_get(ts, D(a[0]), a[1]);
    if (v.is_null()) return ts.has_exc() ? v : (n == 3 ? a[2] : Value::none());
    return v;
}

Value key_error(ThreadState& ts, Value key) {
    Tuple* args = new_tuple_from(ts, &key, 1);
    return raise_instance(ts, new_exception_args(ts, &exc_KeyError, args));
}

Value m_pop(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2 || n > 3) return raisef(ts, &exc_TypeError, "pop expected at most 2 arguments, got {}", n - 1);
    Value v = dict_get(ts, D(a[0]), a[1]);
    if (v.is_null()) {
        if (ts.has_exc()) return v;
        if (n == 3) return a[2];
        return key_error(ts, a[1]);
    }
    Rooted kv(ts, v);
    if (dict_del(ts, D(a[0]), a[1]) < 0) return Value::null();
    return v;
}

Value m_popitem(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Tuple* t = new_tuple(ts, 2);  // before taking the entry: nothing can fail after
    if (!t) return Value::null();
    if (!dict_pop_last(D(a[0]), &t->items[0], &t->items[1]))
        return raise(ts, &exc_KeyError, "popitem(): dictionary is empty");
    return Value::from_ptr(t);
}

Value m_setdefault(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2 || n > 3) return raise(ts, &exc_TypeError, "setdefault expected at most 2 arguments");
    Value v = dict_get(ts, D(a[0]), a[1]);
    if (!v.is_null()) return v;
    if (ts.has_exc()) return v;
    Value dflt = n == 3 ? a[2] : Value::none();
    if (!dict_set(ts, D(a[0]), a[1], dflt)) return Value::null();
    return dflt;
}

Value m_update(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (np > 2) return raisef(ts, &exc_TypeError, "update expected at most 1 argument, got {}", np - 1);
    if (np == 2 && !dict_update(ts, D(a[0]), a[1])) return Value::null();
    for (size_t i = 0; kw && i < size_t(kw->size); ++i)
        if (!dict_set(ts, D(a[0]), kw->items[i], a[np + i])) return Value::null();
    return Value::none();
}

Value m_clear(ThreadState& ts, const Value* a, size_t, Tuple*) {
    dict_clear(ts, D(a[0]));
    return Value::none();
}

Value m_copy(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Dict* d = dict_copy(ts, D(a[0]));
    return d ? Value::from_ptr(d) : Value::null();
}

Value m_fromkeys(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2) return raise(ts, &exc_TypeError, "fromkeys expected at least 1 argument, got 0");
    Value v = n > 2 ? a[2] : Value::none();
    Value d = call0(ts, a[0]);
    if (d.is_null()) return d;
    Rooted kd(ts, d);
    RootedVector keys(ts);
    if (!iterate_into(ts, a[1], keys.v)) return Value::null();
    for (Value k : keys.v)
        if (!setitem(ts, d, k, v)) return Value::null();
    return d;
}

// Views: a SeqIter-shaped object holding the dict (only `seq` is used).
Value make_view(ThreadState& ts, Value d, Type* t) {
    SeqIter* v = ts.heap.make<SeqIter>(t, sizeof(SeqIter));
    if (!v) return raise_memory_error(ts);
    v->seq = d;
    return Value::from_ptr(v);
}
Value m_keys(ThreadState& ts, const Value* a, size_t, Tuple*) { return make_view(ts, a[0], &dict_keys_type); }
Value m_values(ThreadState& ts, const Value* a, size_t, Tuple*) { return make_view(ts, a[0], &dict_values_type); }
Value m_items(ThreadState& ts, const Value* a, size_t, Tuple*) { return make_view(ts, a[0], &dict_items_type); }

Value m_reversed(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Dict* d = D(a[0]);
    RootedVector keys(ts);
    int64_t pos = 0;
    Value k;
    while (dict_next(d, &pos, &k, nullptr)) keys.v.push_back(k);
    List* l = new_list(ts, 0);
    if (!l) return Value::null();
    for (size_t i = keys.v.size(); i-- > 0;) list_append(ts, l, keys.v[i]);
    return new_seq_iter(ts, &list_iter_type, Value::from_ptr(l));
}

// reversed(d.keys()) / reversed(d.values()) / reversed(d.items()): a snapshot, newest first.
Value m_view_reversed(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Type* t = a[0].as_ptr()->type;
    Dict* d = a[0].as<SeqIter>()->seq.as<Dict>();
    RootedVector items(ts);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (t == &dict_keys_type) {
            items.v.push_back(k);
        } else if (t == &dict_values_type) {
            items.v.push_back(v);
        } else {
            Tuple* pair = new_tuple(ts, 2);
            if (!pair) return Value::null();
            pair->items[0] = k;
            pair->items[1] = v;
            items.v.push_back(Value::from_ptr(pair));
        }
    }
    std::reverse(items.v.begin(), items.v.end());
    List* l = new_list_from(ts, items.v.data(), int64_t(items.v.size()));
    if (!l) return Value::null();
    return new_seq_iter(ts, &list_iter_type, Value::from_ptr(l));
}
const MethodDef kViewMethods[] = {{"__reversed__", m_view_reversed}};

const MethodDef kDictMethods[] = {
    {"get", m_get, meth_pos(1, 2)}, {"pop", m_pop, meth_pos(1, 2)}, {"popitem", m_popitem, kMethNoArgs}, {"setdefault", m_setdefault, meth_pos(1, 2)},
    {"update", m_update}, {"clear", m_clear, kMethNoArgs}, {"copy", m_copy, kMethNoArgs},
    {"fromkeys", m_fromkeys, kMethClass}, {"keys", m_keys, kMethNoArgs}, {"values", m_values, kMethNoArgs},
    {"items", m_items, kMethNoArgs}, {"__reversed__", m_reversed},
};

Dict* view_dict(Value v) {
    return v.as<SeqIter>()->seq.as<Dict>();
}

void view_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<SeqIter*>(o)->seq);
}

int64_t view_len(ThreadState&, Value self) {
    return view_dict(self)->used;
}

Value view_iter(ThreadState& ts, Value self) {
    Type* t = self.as_ptr()->type;
    Type* it = t == &dict_keys_type ? &dict_keyiter_type : t == &dict_values_type ? &dict_valueiter_type : &dict_itemiter_type;
    return new_seq_iter(ts, it, self.as<SeqIter>()->seq);
}

int view_contains(ThreadState& ts, Value self, Value item) {
    Dict* d = view_dict(self);
    Type* t = self.as_ptr()->type;
    if (t == &dict_keys_type) {
        Value v = dict_get(ts, d, item);
        return v.is_null() ? (ts.has_exc() ? -1 : 0) : 1;
    }
    if (t == &dict_items_type) {
        if (!is_tuple(item) || item.as<Tuple>()->size != 2) return 0;
        Value v = dict_get(ts, d, item.as<Tuple>()->items[0]);
        if (v.is_null()) return ts.has_exc() ? -1 : 0;
        return richcompare_bool(ts, v, item.as<Tuple>()->items[1], CompareOp::eq);
    }
    int64_t pos = 0;
    Value v;
    while (dict_next(d, &pos, nullptr, &v)) {
        int r = richcompare_bool(ts, v, item, CompareOp::eq);
        if (r != 0) return r;
    }
    return 0;
}

Value view_repr(ThreadState& ts, Value self) {
    Type* t = self.as_ptr()->type;
    RootedVector items(ts);
    if (!iterate_into(ts, self, items.v)) return Value::null();
    List* l = new_list_from(ts, items.v.data(), int64_t(items.v.size()));
    if (!l) return Value::null();
    std::string r;
    if (!repr_utf8(ts, Value::from_ptr(l), &r)) return Value::null();
    return str_value(ts, std::string(t->name) + "(" + r + ")");
}

Value view_set_op(ThreadState& ts, Value a, Value b, BinaryOp op) {
    Set* s = new_set(ts);
    if (!s) return Value::null();
    Rooted ks(ts, Value::from_ptr(s));
    Value left = is_type(a, &dict_keys_type) || is_type(a, &dict_items_type) ? a : b;
    Value right = left == a ? b : a;
    if (!set_update_from(ts, s, left)) return Value::null();
    const char ops[] = {'|', '&', '-', '^'};
    char c = op == BinaryOp::or_ ? ops[0] : op == BinaryOp::and_ ? ops[1] : op == BinaryOp::sub ? ops[2] : ops[3];
    Value r = set_binary_op(ts, Value::from_ptr(s), right, c, false);
    return r;
}
Value view_or(ThreadState& ts, Value a, Value b) { return view_set_op(ts, a, b, BinaryOp::or_); }
Value view_and(ThreadState& ts, Value a, Value b) { return view_set_op(ts, a, b, BinaryOp::and_); }
Value view_sub(ThreadState& ts, Value a, Value b) {
    if (!is_type(a, &dict_keys_type) && !is_type(a, &dict_items_type)) return not_implemented();
    return view_set_op(ts, a, b, BinaryOp::sub);
}
Value view_xor(ThreadState& ts, Value a, Value b) { return view_set_op(ts, a, b, BinaryOp::xor_); }

Value view_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (is_type(a, &dict_values_type)) return not_implemented();
    if (op != CompareOp::eq && op != CompareOp::ne) return not_implemented();
    Set* x = new_set(ts);
    if (!x) return Value::null();
    Rooted kx(ts, Value::from_ptr(x));
    if (!set_update_from(ts, x, a)) return Value::null();
    if (!is_anyset(b) && !is_type(b, &dict_keys_type) && !is_type(b, &dict_items_type)) return not_implemented();
    Set* y = new_set(ts);
    if (!y) return Value::null();
    Rooted ky(ts, Value::from_ptr(y));
    if (!set_update_from(ts, y, b)) return Value::null();
    return richcompare(ts, Value::from_ptr(x), Value::from_ptr(y), op);
}

}  // namespace

void setup_dict_methods(TypeBuilder& b) {
    b.methods(dict_type, kDictMethods);
    Type* views[] = {&dict_keys_type, &dict_values_type, &dict_items_type};
    const char* names_[] = {"dict_keys", "dict_values", "dict_items"};
    for (int i = 0; i < 3; ++i) {
        Type& t = *views[i];
        b.init(t, names_[i], nullptr, sizeof(SeqIter), 0);
        t.len = view_len;
        t.iter = view_iter;
        t.contains = view_contains;
        t.repr = view_repr;
        t.trace = view_trace;
        b.methods(t, kViewMethods);
        if (i != 1) {
            t.richcompare = view_richcompare;
            t.num.binary[int(BinaryOp::or_)] = view_or;
            t.num.binary[int(BinaryOp::and_)] = view_and;
            t.num.binary[int(BinaryOp::sub)] = view_sub;
            t.num.binary[int(BinaryOp::xor_)] = view_xor;
        }
    }
}

}  // namespace interleave::python
