// Set algebra on SetTable (set_table.hpp) with CPython 3.11's algorithms from
// Objects/setobject.c, so that results come out in CPython's order. Each function names the C
// function it mirrors. Operands that are sets or frozensets use these; for other iterables
// (set.update(list), s.intersection(gen), ...) the VM runs CPython's simple loops itself:
//   update(it):               for k in it: s.add(k, hash(k))
//   update(dict):             s.presize_for(len(d)); for k in d (insertion order): s.add(...)
//   intersection(it):         r = empty; for k in it: if s.contains(k): r.add(k); stop once
//                             len(r) >= len(s)
//   difference_update(it):    for k in it: s.discard(k); then s.purge_dummies_if_many()
//   s - it (not a set/dict):  copy(s), then difference_update(it)
//   s - dict:                 if len(s) >> 2 > len(d): copy + difference_update, else build a
//                             new set of s's keys (table order) not in d
//   symmetric_difference_update(it): first other = set(it), then the set version below
// Error convention: SetStatus::error when the equality callback failed (the VM holds the
// exception). Costs: O(len) average, as CPython.
#pragma once

#include <utility>
#include <vector>

#include "python/num/set_table.hpp"

namespace interleave::python {

// set.copy() / set(s) (make_new_set + set_merge). Never calls eq.
template <class K>
SetTable<K> set_copy(const SetTable<K>& s) {
    SetTable<K> out;
    (void)out.merge(s, [](const K&, const K&) { return 0; });
    return out;
}

// a | b (set_or): copy of a, then b merged in.
template <class K, class Eq>
SetStatus set_union(const SetTable<K>& a, const SetTable<K>& b, SetTable<K>* out, Eq&& eq) {
    *out = set_copy(a);
    if (&a == &b) return SetStatus::ok;
    return out->merge(b, eq);
}

// a & b (set_intersection): iterate the smaller set (b when equal sizes), keep keys the other
// contains, in that iteration order.
template <class K, class Eq>
SetStatus set_intersection(const SetTable<K>& a, const SetTable<K>& b, SetTable<K>* out, Eq&& eq) {
    if (&a == &b) {
        *out = set_copy(a);
        return SetStatus::ok;
    }
    *out = SetTable<K>();
    const SetTable<K>* so = &a;
    const SetTable<K>* other = &b;
    if (other->size() > so->size()) std::swap(so, other);
    // contains() may run callbacks but never changes the table it searches: a const view.
    auto& searched = const_cast<SetTable<K>&>(*so);
    size_t pos = 0;
    const typename SetTable<K>::Entry* e = nullptr;
    while (other->next(&pos, &e)) {
        const SetStatus s = searched.contains(e->key, e->hash, eq);
        if (s == SetStatus::error) return s;
        if (s == SetStatus::found && out->add(e->key, e->hash, eq) == SetStatus::error)
            return SetStatus::error;
    }
    return SetStatus::ok;
}

// a &= b (set_intersection_update): the intersection, swapped into a (a keeps its finger).
template <class K, class Eq>
SetStatus set_intersection_update(SetTable<K>& a, const SetTable<K>& b, Eq&& eq) {
    SetTable<K> tmp;
    const SetStatus s = set_intersection(a, b, &tmp, eq);
    if (s == SetStatus::error) return s;
    a.swap_bodies(tmp);
    return SetStatus::ok;
}

// a -= b (set_difference_update_internal with a set operand).
template <class K, class Eq>
SetStatus set_difference_update(SetTable<K>& a, const SetTable<K>& b, Eq&& eq) {
    if (&a == &b) {
        a.clear();
        return SetStatus::ok;
    }
    SetTable<K> shortcut;
    const SetTable<K>* other = &b;
    if ((b.size() >> 3) > a.size()) {  // b much larger: discard only the common keys
        const SetStatus s = set_intersection(a, b, &shortcut, eq);
        if (s == SetStatus::error) return s;
        other = &shortcut;
    }
    size_t pos = 0;
    const typename SetTable<K>::Entry* e = nullptr;
    while (other->next(&pos, &e)) {
        if (a.discard(e->key, e->hash, eq) == SetStatus::error) return SetStatus::error;
    }
    a.purge_dummies_if_many();
    return SetStatus::ok;
}

// a - b (set_difference with a set operand).
template <class K, class Eq>
SetStatus set_difference(const SetTable<K>& a, const SetTable<K>& b, SetTable<K>* out, Eq&& eq) {
    if ((a.size() >> 2) > b.size()) {  // set_copy_and_difference
        *out = set_copy(a);
        return set_difference_update(*out, b, eq);
    }
    *out = SetTable<K>();
    auto& other = const_cast<SetTable<K>&>(b);
    size_t pos = 0;
    const typename SetTable<K>::Entry* e = nullptr;
    while (a.next(&pos, &e)) {
        const SetStatus s = other.contains(e->key, e->hash, eq);
        if (s == SetStatus::error) return s;
        if (s == SetStatus::not_found && out->add(e->key, e->hash, eq) == SetStatus::error) {
            return SetStatus::error;
        }
    }
    return SetStatus::ok;
}

// a ^= b (set_symmetric_difference_update with a set operand): b's keys in b's order are
// discarded from a, or added when absent.
template <class K, class Eq>
SetStatus set_symmetric_difference_update(SetTable<K>& a, const SetTable<K>& b, Eq&& eq) {
    if (&a == &b) {
        a.clear();
        return SetStatus::ok;
    }
    size_t pos = 0;
    const typename SetTable<K>::Entry* e = nullptr;
    while (b.next(&pos, &e)) {
        const SetStatus s = a.discard(e->key, e->hash, eq);
        if (s == SetStatus::error) return s;
        if (s == SetStatus::not_found && a.add(e->key, e->hash, eq) == SetStatus::error) {
            return SetStatus::error;
        }
    }
    return SetStatus::ok;
}

// a ^ b (set_symmetric_difference): a copy of b, then a's keys toggled in.
template <class K, class Eq>
SetStatus set_symmetric_difference(const SetTable<K>& a, const SetTable<K>& b, SetTable<K>* out,
                                   Eq&& eq) {
    *out = set_copy(b);
    return set_symmetric_difference_update(*out, a, eq);
}

// a <= b (set_issubset with a set operand): found = subset, not_found = not.
template <class K, class Eq>
SetStatus set_issubset(const SetTable<K>& a, const SetTable<K>& b, Eq&& eq) {
    if (a.size() > b.size()) return SetStatus::not_found;
    auto& other = const_cast<SetTable<K>&>(b);
    size_t pos = 0;
    const typename SetTable<K>::Entry* e = nullptr;
    while (a.next(&pos, &e)) {
        const SetStatus s = other.contains(e->key, e->hash, eq);
        if (s != SetStatus::found) return s;
    }
    return SetStatus::found;
}

// a.isdisjoint(b) (set_isdisjoint with a set operand): found = disjoint, not_found = not.
template <class K, class Eq>
SetStatus set_isdisjoint(const SetTable<K>& a, const SetTable<K>& b, Eq&& eq) {
    if (&a == &b) return a.empty() ? SetStatus::found : SetStatus::not_found;
    const SetTable<K>* so = &a;
    const SetTable<K>* other = &b;
    if (other->size() > so->size()) std::swap(so, other);
    auto& searched = const_cast<SetTable<K>&>(*so);
    size_t pos = 0;
    const typename SetTable<K>::Entry* e = nullptr;
    while (other->next(&pos, &e)) {
        const SetStatus s = searched.contains(e->key, e->hash, eq);
        if (s == SetStatus::error) return s;
        if (s == SetStatus::found) return SetStatus::not_found;
    }
    return SetStatus::found;
}

// The set a *display of three or more constants* gives, e.g. {3, 1, 2} or {'a', 'b', 'c'}:
// CPython 3.11 compiles it to BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE 1, and the
// frozenset constant is built more than once (compile.c): from the display's items in source
// order, then again from its own iteration order (merge_consts_recursive); code-object
// creation interns string constants and rebuilds the frozenset a third time if that replaced
// one of its strings, i.e. when the display holds a str of ASCII letters, digits and '_' that
// is *already interned and alive* in the CPython process: one-character strings always are, so
// is any name the program uses as an identifier anywhere in the module (measured: `A9 = 1`
// before or after {'A9', 77549, 99668} turns its order from ['A9', 99668, 77549] into
// [77549, 99668, 'A9']), and builtins and stdlib names usually are; a word used only as string
// constants is not. Pass strings_interned accordingly (the compiler knows the module's
// identifiers and one-character strings). SET_UPDATE then merges the frozenset
// into an empty set. `items` are (key, hash) pairs in source order. Displays of fewer than 3
// items, or with any non-constant, are plain adds in order (BUILD_SET n).
template <class K, class Eq>
SetTable<K> constant_set_display(const std::vector<std::pair<K, int64_t>>& items,
                                 bool strings_interned, Eq&& eq) {
    SetTable<K> frozen;
    for (const auto& [key, hash] : items) (void)frozen.add(key, hash, eq);
    for (int round = 0; round < (strings_interned ? 2 : 1); ++round) {
        SetTable<K> again;
        size_t pos = 0;
        const typename SetTable<K>::Entry* e = nullptr;
        while (frozen.next(&pos, &e)) (void)again.add(e->key, e->hash, eq);
        frozen = std::move(again);
    }
    SetTable<K> out;
    (void)out.merge(frozen, eq);
    return out;
}

}  // namespace interleave::python
