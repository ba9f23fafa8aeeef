// tuple: an immutable array of values with a cached hash (CPython's xxHash-based tuplehash).
#include <algorithm>
#include <cstring>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Tuple* new_tuple_heap(Heap& h, int64_t size) {
    size_t bytes = offsetof(Tuple, items) + sizeof(Value) * size_t(size > 0 ? size : 1);
    Tuple* t = h.make<Tuple>(&tuple_type, bytes);
    if (!t) return nullptr;
    t->size = size;
    for (int64_t i = 0; i < size; ++i) t->items[i] = Value::null();
    return t;
}

Tuple* new_tuple(ThreadState& ts, int64_t size) {
    if (size == 0) return empty_tuple();
    if (!ts.heap.fits(size_t(size) * 8)) {
        raise_memory_error(ts);
        return nullptr;
    }
    Tuple* t = new_tuple_heap(ts.heap, size);
    if (!t) raise_memory_error(ts);
    return t;
}

Tuple* new_tuple_from(ThreadState& ts, const Value* items, int64_t n) {
    Tuple* t = new_tuple(ts, n);
    if (t && n) std::memcpy(static_cast<void*>(t->items), items, sizeof(Value) * size_t(n));
    return t;
}

Value getnewargs_of(ThreadState& ts, Value v) {
    if (v.is_null()) return v;
    Tuple* t = new_tuple_from(ts, &v, 1);
    return t ? Value::from_ptr(t) : Value::null();
}

Tuple* empty_tuple() {
    static Tuple* e = new_tuple_heap(static_heap(), 0);
    return e;
}

namespace {

void tuple_trace(Object* o, GcVisitor& v) {
    auto* t = static_cast<Tuple*>(o);
    v.visit_range(t->items, t->items + t->size);
}

Value tuple_repr(ThreadState& ts, Value self) {
    Tuple* t = self.as<Tuple>();
    if (t->size == 0) return str_value(ts, "()");
    if (!repr_enter(ts, self)) return str_value(ts, "(...)");
    std::string out = "(";
    for (int64_t i = 0; i < t->size; ++i) {
        if (i) out += ", ";
        std::string s;
        if (!repr_utf8(ts, t->items[i], &s)) return repr_leave(ts, self), Value::null();
        out += s;
    }
    repr_leave(ts, self);
    out += t->size == 1 ? ",)" : ")";
    return str_value(ts, out);
}

bool tuple_hash(ThreadState& ts, Value self, int64_t* out) {
    Tuple* t = self.as<Tuple>();
    int64_t cached = t->hash.load(std::memory_order_relaxed);
    if (cached != -1) {
        *out = cached;
        return true;
    }
    // CPython 3.8+ tuplehash (xxHash-like), 64-bit constants.
    const uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull,
                   p5 = 2870177450012600261ull;
    uint64_t acc = p5;
    for (int64_t i = 0; i < t->size; ++i) {
        int64_t h;
        if (!hash(ts, t->items[i], &h)) return false;
        acc += uint64_t(h) * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += uint64_t(t->size) ^ (p5 ^ 3527539ull);
    if (acc == uint64_t(-1)) acc = 1546275796;
    *out = int64_t(acc);
    t->hash.store(*out, std::memory_order_relaxed);
    return true;
}

Value seq_compare(ThreadState& ts, const Value* a, int64_t na, const Value* b, int64_t nb,
                  CompareOp op) {
    int64_t i = 0;
    for (; i < na && i < nb; ++i) {
        int r = richcompare_bool(ts, a[i], b[i], CompareOp::eq);
        if (r < 0) return Value::null();
        if (!r) break;
    }
    if (i >= na || i >= nb) {
        int c = na < nb ? -1 : (na > nb ? 1 : 0);
        return ordering_result(c, op);
    }
    if (op == CompareOp::eq) return Value::false_();
    if (op == CompareOp::ne) return Value::true_();
    return richcompare(ts, a[i], b[i], op);
}

Value tuple_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_tuple(b)) return not_implemented();
    Tuple* x = a.as<Tuple>();
    Tuple* y = b.as<Tuple>();
    return seq_compare(ts, x->items, x->size, y->items, y->size, op);
}

int64_t tuple_len(ThreadState&, Value self) {
    return self.as<Tuple>()->size;
}

Value tuple_getitem(ThreadState& ts, Value self, Value key) {
    Tuple* t = self.as<Tuple>();
    if (key.is_small()) {
        int64_t i = key.as_small();
        if (i < 0) i += t->size;
        if (i < 0 || i >= t->size) return raise(ts, &exc_IndexError, "tuple index out of range");
        return t->items[i];
    }
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, t->size, &start, &stop, &step, &n)) return Value::null();
        if (n == t->size && step == 1 && t->type == &tuple_type) return self;
        Tuple* r = new_tuple(ts, n);
        if (!r) return Value::null();
        for (int64_t i = 0, j = start; i < n; ++i, j += step) r->items[i] = t->items[j];
        return Value::from_ptr(r);
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) {
        if (exc_matches(ts, &exc_TypeError)) {
            clear_exc(ts);
            return raisef(ts, &exc_TypeError, "tuple indices must be integers or slices, not {}",
                          type_name(key));
        }
        return Value::null();
    }
    if (i < 0) i += t->size;
    if (i < 0 || i >= t->size) return raise(ts, &exc_IndexError, "tuple index out of range");
    return t->items[i];
}

int tuple_contains(ThreadState& ts, Value self, Value item) {
    Tuple* t = self.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) {
        int r = richcompare_bool(ts, t->items[i], item, CompareOp::eq);
        if (r != 0) return r;
    }
    return 0;
}

Value tuple_add(ThreadState& ts, Value a, Value b) {
    if (!is_tuple(a) || !is_tuple(b)) {
        if (is_tuple(a))
            return raisef(ts, &exc_TypeError, "can only concatenate tuple (not \"{}\") to tuple",
                          type_name(b));
        return not_implemented();
    }
    Tuple* x = a.as<Tuple>();
    Tuple* y = b.as<Tuple>();
    Tuple* r = new_tuple(ts, x->size + y->size);
    if (!r) return Value::null();
    std::memcpy(static_cast<void*>(r->items), x->items, sizeof(Value) * size_t(x->size));
    std::memcpy(static_cast<void*>(r->items + x->size), y->items, sizeof(Value) * size_t(y->size));
    return Value::from_ptr(r);
}

Value tuple_mul(ThreadState& ts, Value a, Value b) {
    Value seq = is_tuple(a) ? a : b;
    Value cnt = is_tuple(a) ? b : a;
    if (!is_int(cnt)) return not_implemented();
    int64_t n;
    if (!index_i64(ts, cnt, &n, &exc_OverflowError)) return Value::null();
    Tuple* t = seq.as<Tuple>();
    if (n <= 0 || t->size == 0) return Value::from_ptr(empty_tuple());
    if (n == 1 && t->type == &tuple_type) return seq;
    if (t->size > (int64_t(1) << 40) / n) return raise_memory_error(ts);
    Tuple* r = new_tuple(ts, t->size * n);
    if (!r) return Value::null();
    for (int64_t i = 0; i < n; ++i)
        std::memcpy(static_cast<void*>(r->items + i * t->size), t->items,
                    sizeof(Value) * size_t(t->size));
    return Value::from_ptr(r);
}

Value tuple_iter(ThreadState& ts, Value self) {
    return new_seq_iter(ts, &tuple_iter_type, self);
}

Value tuple_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size)
        return raise(ts, &exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1)
        return raisef(ts, &exc_TypeError, "tuple expected at most 1 argument, got {}", nargs);
    if (nargs == 0 && type == &tuple_type) return Value::from_ptr(empty_tuple());
    if (nargs == 1 && is_type(args[0], &tuple_type) && type == &tuple_type) return args[0];
    RootedVector items(ts);
    if (nargs == 1 && !is_list(args[0]) && !is_tuple(args[0])) {
        // PySequence_Tuple's length hint first: its errors (a range or iterator longer than
        // sys.maxsize), and a vector reserved up to a point.
        int64_t hint = length_hint(ts, args[0], 10);
        if (hint < 0) return Value::null();
        if (hint > (int64_t(1) << 40)) return raise_memory_error(ts);
        items.v.reserve(size_t(std::min<int64_t>(hint, 1 << 16)));
    }
    if (nargs == 1 && !iterate_into(ts, args[0], items.v)) return Value::null();
    size_t bytes = offsetof(Tuple, items) + sizeof(Value) * std::max<size_t>(1, items.v.size());
    Tuple* t = ts.heap.make<Tuple>(type, var_instance_size(type, bytes));
    if (!t) return raise_memory_error(ts);
    t->size = int64_t(items.v.size());
    for (size_t i = 0; i < items.v.size(); ++i) t->items[i] = items.v[i];
    return Value::from_ptr(t);
}

int tuple_bool(ThreadState&, Value self) {
    return self.as<Tuple>()->size != 0;
}

Value tuple_index(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
    if (nargs < 2) return raise(ts, &exc_TypeError, "index expected at least 1 argument, got 0");
    Tuple* t = args[0].as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) {
        int r = richcompare_bool(ts, t->items[i], args[1], CompareOp::eq);
        if (r < 0) return Value::null();
        if (r) return Value::from_small(i);
    }
    return raise(ts, &exc_ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_count(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
    if (nargs != 2)
        return raisef(ts, &exc_TypeError, "tuple.count() takes exactly one argument ({} given)",
                      nargs - 1);
    Tuple* t = args[0].as<Tuple>();
    int64_t n = 0;
    for (int64_t i = 0; i < t->size; ++i) {
        int r = richcompare_bool(ts, t->items[i], args[1], CompareOp::eq);
        if (r < 0) return Value::null();
        n += r;
    }
    return Value::from_small(n);
}

// tuple.__getnewargs__: (a plain tuple of the items,), as CPython's tuple___getnewargs__.
Value tuple_getnewargs(ThreadState& ts, const Value* args, size_t, Tuple*) {
    const Tuple* t = args[0].as<Tuple>();
    Tuple* copy = new_tuple_from(ts, t->items, t->size);
    return getnewargs_of(ts, copy ? Value::from_ptr(copy) : Value::null());
}

const MethodDef kTupleMethods[] = {
    {"index", tuple_index, meth_pos(1, 3)},
    {"count", tuple_count, kMethO},
    {"__getnewargs__", tuple_getnewargs, kMethNoArgs},
};

}  // namespace

Value sequence_compare(ThreadState& ts, const Value* a, int64_t na, const Value* b, int64_t nb,
                       CompareOp op) {
    return seq_compare(ts, a, na, b, nb, op);
}

void setup_tuple_type(TypeBuilder& b) {
    b.init(tuple_type, "tuple", nullptr, offsetof(Tuple, items), kTypeBaseType | kTypeTupleSub);
    tuple_type.repr = tuple_repr;
    tuple_type.hash = tuple_hash;
    tuple_type.richcompare = tuple_richcompare;
    tuple_type.len = tuple_len;
    tuple_type.getitem = tuple_getitem;
    tuple_type.contains = tuple_contains;
    tuple_type.iter = tuple_iter;
    tuple_type.new_ = tuple_new;
    tuple_type.bool_ = tuple_bool;
    tuple_type.trace = tuple_trace;
    tuple_type.num.binary[int(BinaryOp::add)] = tuple_add;
    tuple_type.num.binary[int(BinaryOp::mul)] = tuple_mul;
    b.methods(tuple_type, kTupleMethods);
}

}  // namespace interleave::python
