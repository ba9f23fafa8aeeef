// list methods.
#include <algorithm>
#include <cstring>

#include "python/builtins/builtins.hpp"
#include "python/objects/api.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

// list.cpp: free-threaded item comparisons (see there).
bool list_plain_value(Value v, int depth = 0);
int list_eq_at(ThreadState& ts, ObjectLock& g, List* l, int64_t i, Value v, bool v_plain);

namespace {

List* L(Value v) {
    return v.as<List>();
}


Value m_append(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raisef(ts, &exc_TypeError, "list.append() takes exactly one argument ({} given)", n - 1);
    return list_append(ts, L(a[0]), a[1]) ? Value::none() : Value::null();
}

Value m_extend(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raisef(ts, &exc_TypeError, "list.extend() takes exactly one argument ({} given)", n - 1);
    return list_extend_with(ts, L(a[0]), a[1]) ? Value::none() : Value::null();
}

Value m_pop(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    List* l = L(a[0]);
    int64_t i = -1;
    if (n > 1 && !index_i64(ts, a[1], &i)) return Value::null();
    const char* error = nullptr;
    Value v = Value::null();
    {
        ObjectLock g(l);  // free-threaded runs (obj_lock.hpp)
        if (l->size == 0) {
            error = "pop from empty list";
        } else {
            if (i < 0) i += l->size;
            if (i < 0 || i >= l->size) {
                error = "pop index out of range";
            } else {
                v = l->items[i];
                std::memmove(static_cast<void*>(l->items + i), l->items + i + 1,
                             sizeof(Value) * size_t(l->size - i - 1));
                --l->size;
            }
        }
    }
    if (error) return raise(ts, &exc_IndexError, error);
    return v;
}

Value m_insert(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 3) return raisef(ts, &exc_TypeError, "insert expected 2 arguments, got {}", n - 1);
    List* l = L(a[0]);
    int64_t i;
    if (!index_i64(ts, a[1], &i)) return Value::null();
    ObjectLock g(l);  // free-threaded runs (obj_lock.hpp)
    if (i < 0) i = std::max<int64_t>(0, i + l->size);
    if (i > l->size) i = l->size;
    if (l->size == l->capacity && !list_reserve(ts, l, l->size + (l->size >> 3) + 6))
        return Value::null();
    if (l->size > i)
        std::memmove(static_cast<void*>(l->items + i + 1), l->items + i,
                     sizeof(Value) * size_t(l->size - i));
    l->items[i] = a[2];
    ++l->size;
    return Value::none();
}

Value m_remove(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "list.remove() takes exactly one argument");
    List* l = L(a[0]);
    const bool plain = list_plain_value(a[1]);
    ObjectLock g(l);  // free-threaded runs (obj_lock.hpp)
    for (int64_t i = 0; i < l->size; ++i) {
        Value x = l->items[i];
        int r = list_eq_at(ts, g, l, i, a[1], plain);
        if (r < 0) return Value::null();
        if (!r) continue;
        // After a comparison without the lock the item may have moved: remove it where it is.
        if (i >= l->size || l->items[i] != x) {
            i = 0;
            while (i < l->size && l->items[i] != x) ++i;
            if (i == l->size) {
                g.release();
                return raise(ts, &exc_ValueError, "list.remove(x): x not in list");
            }
        }
        std::memmove(static_cast<void*>(l->items + i), l->items + i + 1,
                     sizeof(Value) * size_t(l->size - i - 1));
        --l->size;
        return Value::none();
    }
    g.release();
    return raise(ts, &exc_ValueError, "list.remove(x): x not in list");
}

Value m_index(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2) return raise(ts, &exc_TypeError, "index expected at least 1 argument, got 0");
    List* l = L(a[0]);
    int64_t size;
    {
        ObjectLock g(l);
        size = l->size;
    }
    int64_t start = 0, stop = size;
    if (n > 2 && !index_i64(ts, a[2], &start)) return Value::null();
    if (n > 3 && !index_i64(ts, a[3], &stop)) return Value::null();
    if (start < 0) start = std::max<int64_t>(0, start + size);
    if (stop < 0) stop = std::max<int64_t>(0, stop + size);
    {
        const bool plain = list_plain_value(a[1]);
        ObjectLock g(l);
        for (int64_t i = start; i < stop && i < l->size; ++i) {
            int r = list_eq_at(ts, g, l, i, a[1], plain);
            if (r < 0) return Value::null();
            if (r) return Value::from_small(i);
        }
    }
    std::string rep;
    if (!repr_utf8(ts, a[1], &rep)) return Value::null();
    return raisef(ts, &exc_ValueError, "{} is not in list", rep);
}

Value m_count(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "list.count() takes exactly one argument");
    List* l = L(a[0]);
    int64_t c = 0;
    const bool plain = list_plain_value(a[1]);
    ObjectLock g(l);
    for (int64_t i = 0; i < l->size; ++i) {
        int r = list_eq_at(ts, g, l, i, a[1], plain);
        if (r < 0) return Value::null();
        c += r;
    }
    return Value::from_small(c);
}

Value m_sort(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (np > 1) return raise(ts, &exc_TypeError, "sort() takes no positional arguments");
    Value key = Value::none();
    bool reverse = false;
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "key") key = a[np + i];
        else if (k == "reverse") {
            int t = truthy(ts, a[np + i]);
            if (t < 0) return Value::null();
            reverse = t;
        } else {
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for sort()", k);
        }
    }
    return sort_list(ts, L(a[0]), key, reverse);
}

Value m_reverse(ThreadState&, const Value* a, size_t, Tuple*) {
    List* l = L(a[0]);
    ObjectLock g(l);
    std::reverse(l->items, l->items + l->size);
    return Value::none();
}

Value m_clear(ThreadState&, const Value* a, size_t, Tuple*) {
    ObjectLock g(L(a[0]));
    L(a[0])->size = 0;
    return Value::none();
}

Value m_copy(ThreadState& ts, const Value* a, size_t, Tuple*) {
    List* l = L(a[0]);
    ObjectLock g(l);
    List* c = new_list_from(ts, l->items, l->size);
    return c ? Value::from_ptr(c) : Value::null();
}

Value m_reversed(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Value it = new_seq_iter(ts, &list_reviter_type, a[0]);
    if (!it.is_null()) it.as<SeqIter>()->index = L(a[0])->size - 1;
    return it;
}

const MethodDef kListMethods[] = {
    {"append", m_append, kMethO}, {"extend", m_extend, kMethO}, {"pop", m_pop, meth_pos(0, 1)}, {"insert", m_insert, meth_pos(2, 2)},
    {"remove", m_remove, kMethO}, {"index", m_index, meth_pos(1, 3)}, {"count", m_count, kMethO}, {"sort", m_sort},
    {"reverse", m_reverse, kMethNoArgs}, {"clear", m_clear, kMethNoArgs}, {"copy", m_copy, kMethNoArgs}, {"__reversed__", m_reversed, kMethNoArgs},
};

}  // namespace

void setup_list_methods(TypeBuilder& b) {
    b.methods(list_type, kListMethods);
}

}  // namespace interleave::python
