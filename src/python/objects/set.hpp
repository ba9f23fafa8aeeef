// set and frozenset: an open-addressing table probed as CPython's setobject.c (linear probes
// of 9 then perturbation), so iteration orders match CPython's.
#pragma once

#include <vector>

#include "python/objects/api.hpp"

namespace interleave::python {

struct SetEntry {
    Value key;  // null: empty; the dummy marker: deleted
    int64_t hash;
};

struct Set : Object {
    SetEntry* table = nullptr;
    int64_t mask = 0;  // table size - 1 (0: no table)
    int64_t used = 0;  // live keys
    int64_t fill = 0;  // live + dummies
    int64_t finger = 0;
    std::atomic<int64_t> hash{-1};  // frozenset only
};

Set* new_set(ThreadState& ts, Type* type = &set_type);
bool set_add(ThreadState& ts, Set* s, Value key);
int set_contains_key(ThreadState& ts, Set* s, Value key);  // 1, 0, -1
int set_discard(ThreadState& ts, Set* s, Value key);       // 1 removed, 0 absent, -1
bool set_update_from(ThreadState& ts, Set* s, Value iterable);
// set_merge: every key of `o` into `s` in CPython's layout (see set.cpp).
bool set_merge(ThreadState& ts, Set* s, Set* o);
// A table to merge (set_merge's source, or a copy of it taken under its lock).
struct SetMergeSource {
    const SetEntry* table;
    int64_t mask, fill, used;
};
bool set_merge_table(ThreadState& ts, Set* s, const SetMergeSource& o);
// The number of keys (len), read under the set's lock in free-threaded runs.
int64_t set_size(Set* s);
// A program constant frozenset of keys with their hashes (no two equal), on an immortal heap.
Value new_frozenset_const(Heap& h, const std::vector<Value>& keys, const std::vector<int64_t>& hashes);
// The next key from table position *pos on (each call takes the set's lock free-threaded).
bool set_next(Set* s, int64_t* pos, Value* key);
// Removes and returns an arbitrary key (set.pop; the finger as CPython's), null if empty.
Value set_pop_key(Set* s);
// Swaps the tables of dst and src (src is not shared: a fresh result), under dst's lock.
void set_swap_table(Set* dst, Set* src);
// a | b, a & b, a - b, a ^ b (op: one of "|&-^"); in place when `inplace`.
Value set_binary_op(ThreadState& ts, Value a, Value b, char op, bool inplace);
inline bool is_anyset(Value v) {
    return v.is_ptr() && (is_subtype(v.as_ptr()->type, &set_type) ||
                          is_subtype(v.as_ptr()->type, &frozenset_type));
}

}  // namespace interleave::python
