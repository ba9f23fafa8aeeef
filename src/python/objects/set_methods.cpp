// set and frozenset methods and operators.
#include "python/objects/set.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

Set* S(Value v) {
    return v.as<Set>();
}

Set* copy_of(ThreadState& ts, Set* s, Type* t) {
    Set* r = new_set(ts, t);
    if (!r) return nullptr;
    Rooted k(ts, Value::from_ptr(r));
    if (!set_update_from(ts, r, Value::from_ptr(s))) return nullptr;
    return r;
}

Type* result_type(Value a) {
    return is_subtype(type_of(a), &frozenset_type) ? &frozenset_type : &set_type;
}

// Computes a <op> b into a fresh set of a's kind (b any iterable).
Set* compute(ThreadState& ts, Value a, Value b, char op) {
    Set* x = S(a);
    Rooted kb(ts, b);
    Set* other = nullptr;
    if (is_anyset(b)) {
        other = S(b);
    } else {
        other = new_set(ts);
        if (!other) return nullptr;
        kb = Value::from_ptr(other);
        if (!set_update_from(ts, other, b)) return nullptr;
    }
    Set* r = new_set(ts, result_type(a));
    if (!r) return nullptr;
    Rooted kr(ts, Value::from_ptr(r));
    int64_t pos = 0;
    Value k;
    switch (op) {
        case '|':
            if (!set_update_from(ts, r, a) || !set_update_from(ts, r, Value::from_ptr(other))) return nullptr;
            break;
        case '&':
            while (set_next(x, &pos, &k)) {
                int c = set_contains_key(ts, other, k);
                if (c < 0 || (c && !set_add(ts, r, k))) return nullptr;
            }
            break;
        case '-':
            while (set_next(x, &pos, &k)) {
                int c = set_contains_key(ts, other, k);
                if (c < 0 || (!c && !set_add(ts, r, k))) return nullptr;
            }
            break;
        default:  // '^'
            while (set_next(x, &pos, &k)) {
                int c = set_contains_key(ts, other, k);
                if (c < 0 || (!c && !set_add(ts, r, k))) return nullptr;
            }
            pos = 0;
            while (set_next(other, &pos, &k)) {
                int c = set_contains_key(ts, x, k);
                if (c < 0 || (!c && !set_add(ts, r, k))) return nullptr;
            }
            break;
    }
    return r;
}

void assign(Set* dst, Set* src, Heap&) {
    set_swap_table(dst, src);
}

Value m_add(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "set.add() takes exactly one argument");
    return set_add(ts, S(a[0]), a[1]) ? Value::none() : Value::null();
}
Value m_remove(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "set.remove() takes exactly one argument");
    int r = set_discard(ts, S(a[0]), a[1]);
    if (r < 0) return Value::null();
    if (r == 0) {
        Tuple* args = new_tuple_from(ts, &a[1], 1);
        return raise_instance(ts, new_exception_args(ts, &exc_KeyError, args));
    }
    return Value::none();
}
Value m_discard(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "set.discard() takes exactly one argument");
    return set_discard(ts, S(a[0]), a[1]) < 0 ? Value::null() : Value::none();
}
Value m_pop(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Value k = set_pop_key(S(a[0]));
    if (k.is_null()) return raise(ts, &exc_KeyError, "pop from an empty set");
    return k;
}
Value m_clear(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Set* fresh = new_set(ts);
    if (!fresh) return Value::null();
    assign(S(a[0]), fresh, ts.heap);
    return Value::none();
}
Value m_copy(ThreadState& ts, const Value* a, size_t, Tuple*) {
    if (is_type(a[0], &frozenset_type)) return a[0];
    Set* r = copy_of(ts, S(a[0]), result_type(a[0]));
    return r ? Value::from_ptr(r) : Value::null();
}

Value multi(ThreadState& ts, const Value* a, size_t n, char op) {
    Rooted acc(ts, a[0]);
    if (n == 1) {
        Set* r = copy_of(ts, S(a[0]), result_type(a[0]));
        return r ? Value::from_ptr(r) : Value::null();
    }
    for (size_t i = 1; i < n; ++i) {
        Set* r = compute(ts, acc, a[i], op);
        if (!r) return Value::null();
        acc = Value::from_ptr(r);
    }
    return acc;
}
Value m_union(ThreadState& ts, const Value* a, size_t n, Tuple*) { return multi(ts, a, n, '|'); }
Value m_intersection(ThreadState& ts, const Value* a, size_t n, Tuple*) { return multi(ts, a, n, '&'); }
Value m_difference(ThreadState& ts, const Value* a, size_t n, Tuple*) { return multi(ts, a, n, '-'); }
Value m_symdiff(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "symmetric_difference() takes exactly one argument");
    return multi(ts, a, n, '^');
}

Value inplace_multi(ThreadState& ts, const Value* a, size_t n, char op) {
    for (size_t i = 1; i < n; ++i) {
        if (op == '|') {
            if (!set_update_from(ts, S(a[0]), a[i])) return Value::null();
            continue;
        }
        Set* r = compute(ts, a[0], a[i], op);
        if (!r) return Value::null();
        assign(S(a[0]), r, ts.heap);
    }
    return Value::none();
}
Value m_update(ThreadState& ts, const Value* a, size_t n, Tuple*) { return inplace_multi(ts, a, n, '|'); }
Value m_intersection_update(ThreadState& ts, const Value* a, size_t n, Tuple*) { return inplace_multi(ts, a, n, '&'); }
Value m_difference_update(ThreadState& ts, const Value* a, size_t n, Tuple*) { return inplace_multi(ts, a, n, '-'); }
Value m_symdiff_update(ThreadState& ts, const Value* a, size_t n, Tuple*) { return inplace_multi(ts, a, n, '^'); }

Value relation(ThreadState& ts, const Value* a, size_t n, int which) {
    if (n != 2) return raise(ts, &exc_TypeError, "takes exactly one argument");
    Rooted kb(ts, a[1]);
    Value other = a[1];
    if (!is_anyset(other)) {
        Set* o = new_set(ts);
        if (!o) return Value::null();
        kb = Value::from_ptr(o);
        if (!set_update_from(ts, o, other)) return Value::null();
        other = kb;
    }
    if (which == 2) {  // isdisjoint
        int64_t pos = 0;
        Value k;
        while (set_next(S(a[0]), &pos, &k)) {
            int c = set_contains_key(ts, S(other), k);
            if (c != 0) return c < 0 ? Value::null() : Value::false_();
        }
        return Value::true_();
    }
    return richcompare(ts, a[0], other, which == 0 ? CompareOp::le : CompareOp::ge);
}
Value m_issubset(ThreadState& ts, const Value* a, size_t n, Tuple*) { return relation(ts, a, n, 0); }
Value m_issuperset(ThreadState& ts, const Value* a, size_t n, Tuple*) { return relation(ts, a, n, 1); }
Value m_isdisjoint(ThreadState& ts, const Value* a, size_t n, Tuple*) { return relation(ts, a, n, 2); }

const MethodDef kSetMethods[] = {
    {"add", m_add, kMethO}, {"remove", m_remove, kMethO}, {"discard", m_discard, kMethO}, {"pop", m_pop, kMethNoArgs},
    {"clear", m_clear, kMethNoArgs}, {"copy", m_copy, kMethNoArgs}, {"union", m_union}, {"intersection", m_intersection},
    {"difference", m_difference}, {"symmetric_difference", m_symdiff, kMethO}, {"update", m_update},
    {"intersection_update", m_intersection_update}, {"difference_update", m_difference_update},
    {"symmetric_difference_update", m_symdiff_update, kMethO}, {"issubset", m_issubset, kMethO},
    {"issuperset", m_issuperset, kMethO}, {"isdisjoint", m_isdisjoint, kMethO},
};
const MethodDef kFrozenMethods[] = {
    {"copy", m_copy, kMethNoArgs}, {"union", m_union}, {"intersection", m_intersection},
    {"difference", m_difference}, {"symmetric_difference", m_symdiff, kMethO},
    {"issubset", m_issubset, kMethO}, {"issuperset", m_issuperset, kMethO}, {"isdisjoint", m_isdisjoint, kMethO},
};

}  // namespace

Value set_binary_op(ThreadState& ts, Value a, Value b, char op, bool inplace) {
    if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
    if (inplace) {
        Value args[2] = {a, b};
        if (inplace_multi(ts, args, 2, op).is_null()) return Value::null();
        return a;
    }
    Set* r = compute(ts, a, b, op);
    return r ? Value::from_ptr(r) : Value::null();
}

void setup_set_methods(TypeBuilder& b) {
    b.methods(set_type, kSetMethods);
    b.methods(frozenset_type, kFrozenMethods);
}

}  // namespace interleave::python
