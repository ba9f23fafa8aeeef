// list: a growable array of values (CPython's over-allocation pattern), core slots.
#include <algorithm>
#include <cstring>
#include <vector>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool list_reserve(ThreadState& ts, List* l, int64_t capacity) {
    if (capacity <= l->capacity) return true;
    if (capacity > (int64_t(1) << 40)) {
        raise_memory_error(ts);
        return false;
    }
    void* p = ts.heap.realloc_buffer(l->items, sizeof(Value) * size_t(l->capacity),
                                     sizeof(Value) * size_t(capacity));
    if (!p) {
        raise_memory_error(ts);
        return false;
    }
    l->items = static_cast<Value*>(p);
    l->capacity = capacity;
    return true;
}

List* new_list(ThreadState& ts, int64_t size) {
    List* l = ts.heap.make<List>(&list_type, sizeof(List));
    if (!l) {
        raise_memory_error(ts);
        return nullptr;
    }
    if (size > 0) {
        if (!list_reserve(ts, l, size)) return nullptr;
        for (int64_t i = 0; i < size; ++i) l->items[i] = Value::null();
        l->size = size;
    }
    return l;
}

List* new_list_from(ThreadState& ts, const Value* items, int64_t n) {
    List* l = new_list(ts, n);
    if (l && n) std::memcpy(static_cast<void*>(l->items), items, sizeof(Value) * size_t(n));
    return l;
}

// True when comparing v runs no Python code: numbers, str, bytes, None/bools, and tuples of
// those. Free-threaded scans then compare under the list's lock, so remove/index/count/in are
// atomic with respect to other list operations (as CPython 3.13t's critical sections).
bool list_plain_value(Value v, int depth) {
    if (!v.is_ptr()) return true;
    Type* t = type_of(v);
    if (t == &str_type || t == &int_type || t == &float_type || t == &bytes_type ||
        t == &bool_type || t == &none_type)
        return true;
    if (t != &tuple_type || depth > 2) return false;
    Tuple* tu = v.as<Tuple>();
    for (int64_t i = 0; i < tu->size; ++i)
        if (!list_plain_value(tu->items[i], depth + 1)) return false;
    return true;
}

// Compares item i of l (held by g) with v: under the lock when both are plain values, else
// with the lock released around the comparison (user code). -1: error; on return the lock is
// held again and the list may have changed (the caller re-reads l->size).
int list_eq_at(ThreadState& ts, ObjectLock& g, List* l, int64_t i, Value v, bool v_plain) {
    Value x = l->items[i];
    if (x == v) return 1;
    if (v_plain && list_plain_value(x, 0)) return richcompare_bool(ts, x, v, CompareOp::eq);
    g.release();
    Rooted kx(ts, x);
    int r = richcompare_bool(ts, x, v, CompareOp::eq);
    g.reacquire();
    return r;
}

bool list_append(ThreadState& ts, List* l, Value v) {
    ObjectLock g(l);  // free-threaded runs (obj_lock.hpp)
    if (l->size == l->capacity) {
        int64_t n = l->size + 1;
        int64_t cap = n + (n >> 3) + (n < 9 ? 3 : 6);
        if (!list_reserve(ts, l, cap)) return false;
    }
    l->items[l->size++] = v;
    return true;
}

namespace {

bool shared(const Object* o) {  // allocated by a free-threaded heap: other threads may use it
    return o->lock.load(std::memory_order_relaxed) & kObjLockable;
}

int64_t size_of(List* l) {
    ObjectLock g(l);
    return l->size;
}

// The items of `l` as they are now, rooted (free-threaded readers that run Python code or
// take another object's lock work on this copy).
void snapshot(List* l, std::vector<Value>& out) {
    ObjectLock g(l);
    out.assign(l->items, l->items + l->size);
}

void list_trace(Object* o, GcVisitor& v) {
    auto* l = static_cast<List*>(o);
    v.visit_range(l->items, l->items + l->size);
}

void list_finalize(Object* o, Heap& h) {
    auto* l = static_cast<List*>(o);
    if (l->items) h.free_buffer(l->items, sizeof(Value) * size_t(l->capacity));
    l->items = nullptr;
}

Value list_repr(ThreadState& ts, Value self) {
    List* l = self.as<List>();
    if (size_of(l) == 0) return str_value(ts, "[]");
    if (!repr_enter(ts, self)) return str_value(ts, "[...]");
    std::string out = "[";
    for (int64_t i = 0;; ++i) {
        Value item;
        {
            ObjectLock g(l);  // the item's __repr__ runs without it
            if (i >= l->size) break;
            item = l->items[i];
        }
        Rooted ki(ts, item);
        if (i) out += ", ";
        std::string s;
        if (item.is_small()) {
            out += std::to_string(item.as_small());
            continue;
        }
        if (!repr_utf8(ts, item, &s)) return repr_leave(ts, self), Value::null();
        out += s;
    }
    repr_leave(ts, self);
    out += "]";
    return str_value(ts, out);
}

Value list_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_list(b)) return not_implemented();
    List* x = a.as<List>();
    List* y = b.as<List>();
    if (shared(x) || shared(y)) {  // free-threaded: compare copies taken under each lock
        RootedVector xs(ts), ys(ts);
        snapshot(x, xs.v);
        snapshot(y, ys.v);
        if ((op == CompareOp::eq || op == CompareOp::ne) && xs.v.size() != ys.v.size())
            return Value::boolean(op == CompareOp::ne);
        return sequence_compare(ts, xs.v.data(), int64_t(xs.v.size()), ys.v.data(),
                                int64_t(ys.v.size()), op);
    }
    if ((op == CompareOp::eq || op == CompareOp::ne) && x->size != y->size)
        return Value::boolean(op == CompareOp::ne);
    Rooted ra(ts, a), rb(ts, b);
    return sequence_compare(ts, x->items, x->size, y->items, y->size, op);
}

int64_t list_len(ThreadState&, Value self) {
    ObjectLock g(self.as<List>());
    return self.as<List>()->size;
}

Value list_getitem(ThreadState& ts, Value self, Value key) {
    List* l = self.as<List>();
    if (key.is_small()) {
        int64_t i = key.as_small();
        {
            ObjectLock g(l);
            if (i < 0) i += l->size;
            if (i >= 0 && i < l->size) return l->items[i];
        }
        return raise(ts, &exc_IndexError, "list index out of range");
    }
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, size_of(l), &start, &stop, &step, &n)) return Value::null();
        List* r = new_list(ts, n);
        if (!r) return Value::null();
        ObjectLock g(l);  // a concurrent shrink (free-threaded) shortens the slice
        int64_t k = 0;
        for (int64_t j = start; k < n && j >= 0 && j < l->size; ++k, j += step)
            r->items[k] = l->items[j];
        r->size = k;
        return Value::from_ptr(r);
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) {
        if (exc_matches(ts, &exc_TypeError)) {
            clear_exc(ts);
            return raisef(ts, &exc_TypeError, "list indices must be integers or slices, not {}",
                          type_name(key));
        }
        return Value::null();
    }
    {
        ObjectLock g(l);
        if (i < 0) i += l->size;
        if (i >= 0 && i < l->size) return l->items[i];
    }
    return raise(ts, &exc_IndexError, "list index out of range");
}

bool list_del_slice(ThreadState& ts, List* l, int64_t start, int64_t stop, int64_t step,
                    int64_t n) {
    (void)ts;
    if (n <= 0) return true;
    ObjectLock g(l);  // free-threaded: the indices were computed for a size that may be stale
    if (step == 1) {
        stop = std::min(stop, l->size);
        if (start >= stop) return true;
        n = stop - start;
        std::memmove(static_cast<void*>(l->items + start), l->items + stop,
                     sizeof(Value) * size_t(l->size - stop));
        l->size -= n;
        return true;
    }
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    if (start >= l->size) return true;  // free-threaded: the list shrank meanwhile
    int64_t w = start;
    for (int64_t r = start; r < l->size; ++r) {
        if (r >= start && (r - start) % step == 0 && (r - start) / step < n) continue;
        l->items[w++] = l->items[r];
    }
    l->size = w;
    return true;
}

bool list_setitem(ThreadState& ts, Value self, Value key, Value v) {
    List* l = self.as<List>();
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, size_of(l), &start, &stop, &step, &n)) return false;
        if (v.is_null()) return list_del_slice(ts, l, start, stop, step, n);
        RootedVector items(ts);
        Rooted keep(ts, self);
        if (!iterate_into(ts, v, items.v)) {
            if (exc_matches(ts, &exc_TypeError)) {
                clear_exc(ts);
                raise(ts, &exc_TypeError,
                      step == 1 ? "can only assign an iterable"
                                : "must assign iterable to extended slice");
            }
            return false;
        }
        int64_t m = int64_t(items.v.size());
        ObjectLock g(l);  // the items are collected: no Python code from here on
        if (step == 1) {
            // Free-threaded, the list may have shrunk since the indices were computed.
            start = std::min(start, l->size);
            stop = std::min(stop, l->size);
            if (stop < start) stop = start;
            int64_t removed = stop - start;
            int64_t new_size = l->size - removed + m;
            if (!list_reserve(ts, l, new_size)) return false;
            if (l->size > stop)  // an empty list may have no buffer: memmove(null) is UB
                std::memmove(static_cast<void*>(l->items + start + m), l->items + stop,
                             sizeof(Value) * size_t(l->size - stop));
            for (int64_t i = 0; i < m; ++i) l->items[start + i] = items.v[size_t(i)];
            l->size = new_size;
            return true;
        }
        if (m != n) {
            raisef(ts, &exc_ValueError,
                   "attempt to assign sequence of size {} to extended slice of size {}", m, n);
            return false;
        }
        for (int64_t i = 0, j = start; i < n && j >= 0 && j < l->size; ++i, j += step)
            l->items[j] = items.v[size_t(i)];
        return true;
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) {
        if (exc_matches(ts, &exc_TypeError)) {
            clear_exc(ts);
            raisef(ts, &exc_TypeError, "list indices must be integers or slices, not {}",
                   type_name(key));
        }
        return false;
    }
    ObjectLock g(l);
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) {
        g.release();
        raise(ts, &exc_IndexError, "list assignment index out of range");
        return false;
    }
    if (v.is_null()) {
        g.release();
        return list_del_slice(ts, l, i, i + 1, 1, 1);
    }
    l->items[i] = v;
    return true;
}

int list_contains(ThreadState& ts, Value self, Value item) {
    List* l = self.as<List>();
    Rooted keep(ts, self);
    const bool plain = list_plain_value(item, 0);
    ObjectLock g(l);
    for (int64_t i = 0; i < l->size; ++i) {
        int r = list_eq_at(ts, g, l, i, item, plain);
        if (r != 0) return r;
    }
    return 0;
}

Value list_add(ThreadState& ts, Value a, Value b) {
    if (!is_list(a) || !is_list(b)) {
        if (is_list(a))
            return raisef(ts, &exc_TypeError, "can only concatenate list (not \"{}\") to list",
                          type_name(b));
        return not_implemented();
    }
    List* x = a.as<List>();
    List* y = b.as<List>();
    if (shared(x) || shared(y)) {  // free-threaded: copy each under its own lock
        RootedVector items(ts);
        snapshot(x, items.v);
        {
            ObjectLock g(y);
            items.v.insert(items.v.end(), y->items, y->items + y->size);
        }
        List* r = new_list_from(ts, items.v.data(), int64_t(items.v.size()));
        return r ? Value::from_ptr(r) : Value::null();
    }
    List* r = new_list(ts, x->size + y->size);
    if (!r) return Value::null();
    // An empty list may have no buffer: memcpy from null is UB even for 0 bytes.
    if (x->size)
        std::memcpy(static_cast<void*>(r->items), x->items, sizeof(Value) * size_t(x->size));
    if (y->size)
        std::memcpy(static_cast<void*>(r->items + x->size), y->items,
                    sizeof(Value) * size_t(y->size));
    return Value::from_ptr(r);
}

Value list_iadd(ThreadState& ts, Value a, Value b) {
    if (!list_extend_with(ts, a.as<List>(), b)) return Value::null();
    return a;
}

Value list_mul(ThreadState& ts, Value a, Value b) {
    Value seq = is_list(a) ? a : b;
    Value cnt = is_list(a) ? b : a;
    if (!is_int(cnt)) return not_implemented();
    int64_t n;
    if (!index_i64(ts, cnt, &n, &exc_OverflowError)) return Value::null();
    List* l = seq.as<List>();
    RootedVector copy(ts);
    if (shared(l)) snapshot(l, copy.v);  // free-threaded: repeat a copy taken under its lock
    const int64_t size = shared(l) ? int64_t(copy.v.size()) : l->size;
    if (n <= 0 || size == 0) return Value::from_ptr(new_list(ts, 0));
    if (size > (int64_t(1) << 40) / n || !ts.heap.fits(size_t(size * n) * sizeof(Value)))
        return raise_memory_error(ts);
    List* r = new_list(ts, size * n);
    if (!r) return Value::null();
    const Value* items = shared(l) ? copy.v.data() : l->items;
    if (size == 1) {
        Value v = items[0];
        for (int64_t i = 0; i < n; ++i) r->items[i] = v;
    } else {
        for (int64_t i = 0; i < n; ++i)
            std::memcpy(static_cast<void*>(r->items + i * size), items,
                        sizeof(Value) * size_t(size));
    }
    return Value::from_ptr(r);
}

Value list_imul(ThreadState& ts, Value a, Value b) {
    Value r = list_mul(ts, a, b);
    if (r.is_null() || is_not_implemented(r)) return r;
    List* l = a.as<List>();
    List* src = r.as<List>();
    ObjectLock g(l);
    if (!list_reserve(ts, l, src->size)) return Value::null();
    if (src->size)
        std::memcpy(static_cast<void*>(l->items), src->items, sizeof(Value) * size_t(src->size));
    l->size = src->size;
    return a;
}

Value list_iter(ThreadState& ts, Value self) {
    return new_seq_iter(ts, &list_iter_type, self);
}

Value list_new(ThreadState& ts, Type* type, const Value*, size_t, Tuple*) {
    List* l = ts.heap.make<List>(type, type->instance_size);
    if (!l) return raise_memory_error(ts);
    return Value::from_ptr(l);
}

bool list_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) {
        raise(ts, &exc_TypeError, "list() takes no keyword arguments");
        return false;
    }
    if (nargs > 1) {
        raisef(ts, &exc_TypeError, "list expected at most 1 argument, got {}", nargs);
        return false;
    }
    List* l = self.as<List>();
    l->size = 0;
    if (nargs == 1) return list_extend_with(ts, l, args[0]);
    return true;
}

int list_bool(ThreadState&, Value self) {
    ObjectLock g(self.as<List>());  // free-threaded: another thread may be resizing it
    return self.as<List>()->size != 0;
}

}  // namespace

bool list_extend_with(ThreadState& ts, List* l, Value iterable) {
    if (is_list(iterable) && (shared(l) || shared(iterable.as<List>()))) {
        // Free-threaded: copy the source under its lock, then append under ours (one lock
        // at a time).
        RootedVector items(ts);
        snapshot(iterable.as<List>(), items.v);
        const int64_t n = int64_t(items.v.size());
        ObjectLock g(l);
        if (!list_reserve(ts, l, l->size + n)) return false;
        if (n > 0)
            std::memcpy(static_cast<void*>(l->items + l->size), items.v.data(),
                        sizeof(Value) * size_t(n));
        l->size += n;
        return true;
    }
    if (is_list(iterable) || is_tuple(iterable)) {
        ObjectLock g(l);
        const Value* src;
        int64_t n;
        if (is_list(iterable)) {
            src = iterable.as<List>()->items;
            n = iterable.as<List>()->size;
        } else {
            src = iterable.as<Tuple>()->items;
            n = iterable.as<Tuple>()->size;
        }
        if (!list_reserve(ts, l, l->size + n)) return false;
        // src may be l itself: read through the (possibly moved) pointer after reserving.
        if (iterable == Value::from_ptr(l)) src = l->items;
        if (n > 0)  // empty lists may have no buffer: memmove(null) is UB
            std::memmove(static_cast<void*>(l->items + l->size), src, sizeof(Value) * size_t(n));
        l->size += n;
        return true;
    }
    Rooted keep(ts, Value::from_ptr(l));
    {
        // Presized from the hint, as CPython's list_extend (and so its errors: list() of a
        // range or an iterator longer than sys.maxsize is an OverflowError, not a long loop).
        int64_t hint = length_hint(ts, iterable, 8);
        if (hint < 0) return false;
        ObjectLock g(l);
        if (hint > 0 && !list_reserve(ts, l, l->size + hint)) return false;
    }
    Rooted it(ts, get_iter(ts, iterable));
    if (it.get().is_null()) return false;
    for (;;) {
        Value v = iter_next(ts, it);
        if (v.is_null()) return !ts.has_exc();
        if (!list_append(ts, l, v)) return false;
    }
}

void setup_list_type(TypeBuilder& b) {
    b.init(list_type, "list", nullptr, sizeof(List), kTypeBaseType | kTypeListSub);
    list_type.repr = list_repr;
    list_type.hash = hash_not_implemented;
    list_type.richcompare = list_richcompare;
    list_type.len = list_len;
    list_type.getitem = list_getitem;
    list_type.setitem = list_setitem;
    list_type.contains = list_contains;
    list_type.iter = list_iter;
    list_type.new_ = list_new;
    list_type.init = list_init;
    list_type.bool_ = list_bool;
    list_type.trace = list_trace;
    list_type.finalize = list_finalize;
    list_type.num.binary[int(BinaryOp::add)] = list_add;
    list_type.num.binary[int(BinaryOp::mul)] = list_mul;
    list_type.num.inplace[int(BinaryOp::add)] = list_iadd;
    list_type.num.inplace[int(BinaryOp::mul)] = list_imul;
}

}  // namespace interleave::python
