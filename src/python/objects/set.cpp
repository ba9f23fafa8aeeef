// set / frozenset core (see set.hpp); methods in set_methods.cpp.
#include "python/objects/set.hpp"

#include <cstring>

#include "python/num/hash.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/obj_lock.hpp"

#include <vector>
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

uint64_t object_id(Value v);

namespace {

constexpr int kLinearProbes = 9;
constexpr int64_t kMinSize = 8;
inline Value dummy() {
    return Value::from_bits(Value::kSpecialTag | 0x7);
}

bool set_resize(ThreadState* ts, Heap& h, Set* s, int64_t minused);

// A user's __eq__ runs without the set's lock (free-threaded runs, obj_lock.hpp): the callers
// re-check the table and the key afterwards, as for a set mutated by that __eq__.
int compare_unlocked(ThreadState& ts, ObjectLock* held, Value a, Value b) {
    if (held) held->release();
    int cmp = richcompare_bool(ts, a, b, CompareOp::eq);
    if (held) held->reacquire();
    return cmp;
}

// Inserts without a resize check; the key is known absent or equal keys are found. `held`:
// the set's lock, if the caller holds it.
int insert_key(ThreadState* ts, Heap& h, Set* s, Value key, int64_t hash,
               ObjectLock* held = nullptr) {
    if (s->mask == 0 && !set_resize(ts, h, s, 0)) return -1;
restart:
    uint64_t mask = uint64_t(s->mask);
    uint64_t perturb = uint64_t(hash);
    uint64_t i = uint64_t(hash) & mask;
    SetEntry* freeslot = nullptr;
    for (;;) {
        SetEntry* e = &s->table[i];
        int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (e->key.is_null()) {
                if (!freeslot) {
                    freeslot = e;
                    ++s->fill;
                }
                goto found_unused;
            }
            if (e->key == dummy()) {
                if (!freeslot) freeslot = e;
            } else if (e->hash == hash) {
                if (e->key == key) return 0;
                if (is_exact_str(e->key) && is_exact_str(key)) {
                    if (str_eq(e->key.as<Str>(), key.as<Str>())) return 0;
                } else if (ts) {
                    SetEntry* table = s->table;
                    Value startkey = e->key;
                    Rooted k(*ts, startkey);
                    int cmp = compare_unlocked(*ts, held, startkey, key);
                    if (cmp < 0) return -1;
                    if (table != s->table || e->key != startkey) goto restart;
                    if (cmp > 0) return 0;
                }
            }
            ++e;
        } while (probes--);
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    {
        SetEntry* e = freeslot;
        e->key = key;
        e->hash = hash;
        ++s->used;
        if (uint64_t(s->fill) * 5 < mask * 3) return 1;
        if (!set_resize(ts, h, s, s->used > 50000 ? s->used * 2 : s->used * 4)) return -1;
        return 1;
    }
}

void insert_clean(SetEntry* table, int64_t mask, Value key, int64_t hash) {
    uint64_t m = uint64_t(mask), perturb = uint64_t(hash), i = uint64_t(hash) & m;
    SetEntry* e;
    for (;;) {
        e = &table[i];
        if (e->key.is_null()) goto found;
        if (i + kLinearProbes <= m) {
            for (int j = 0; j < kLinearProbes; ++j) {
                ++e;
                if (e->key.is_null()) goto found;
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & m;
    }
found:
    e->key = key;
    e->hash = hash;
}

bool set_resize(ThreadState* ts, Heap& h, Set* s, int64_t minused) {
    int64_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    auto* table = static_cast<SetEntry*>(h.alloc_buffer(sizeof(SetEntry) * size_t(newsize)));
    if (!table) {
        if (ts) raise_memory_error(*ts);
        return false;
    }
    for (int64_t i = 0; i < newsize; ++i) table[i] = SetEntry{Value::null(), 0};
    SetEntry* old = s->table;
    int64_t oldmask = s->mask;
    if (old) {
        for (int64_t i = 0; i <= oldmask; ++i) {
            if (!old[i].key.is_null() && old[i].key != dummy())
                insert_clean(table, newsize - 1, old[i].key, old[i].hash);
        }
        h.free_buffer(old, sizeof(SetEntry) * size_t(oldmask + 1));
    }
    s->table = table;
    s->mask = newsize - 1;
    s->fill = s->used;
    return true;
}

SetEntry* lookup(ThreadState& ts, Set* s, Value key, int64_t hash, bool* err,
                 ObjectLock* held = nullptr) {
    *err = false;
    if (s->mask == 0) return nullptr;
restart:
    uint64_t mask = uint64_t(s->mask), perturb = uint64_t(hash), i = uint64_t(hash) & mask;
    for (;;) {
        SetEntry* e = &s->table[i];
        int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (e->key.is_null()) return nullptr;
            if (e->hash == hash && e->key != dummy()) {
                if (e->key == key) return e;
                if (is_exact_str(e->key) && is_exact_str(key)) {
                    if (str_eq(e->key.as<Str>(), key.as<Str>())) return e;
                } else {
                    SetEntry* table = s->table;
                    Value startkey = e->key;
                    Rooted k(ts, startkey);
                    int cmp = compare_unlocked(ts, held, startkey, key);
                    if (cmp < 0) {
                        *err = true;
                        return nullptr;
                    }
                    if (table != s->table || e->key != startkey) goto restart;
                    if (cmp > 0) return e;
                }
            }
            ++e;
        } while (probes--);
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

}  // namespace

Set* new_set(ThreadState& ts, Type* type) {
    Set* s = ts.heap.make<Set>(type, std::max<size_t>(sizeof(Set), type->instance_size));
    if (!s) raise_memory_error(ts);
    return s;
}

bool set_add(ThreadState& ts, Set* s, Value key) {
    int64_t h;
    if (!hash(ts, key, &h)) return false;
    ObjectLock g(s);
    return insert_key(&ts, ts.heap, s, key, h, &g) >= 0;
}

int set_contains_key(ThreadState& ts, Set* s, Value key) {
    int64_t h;
    if (!hash(ts, key, &h)) {
        // set.__contains__ retries an unhashable set key as a frozenset.
        return -1;
    }
    ObjectLock g(s);
    bool err;
    SetEntry* e = lookup(ts, s, key, h, &err, &g);
    if (err) return -1;
    return e != nullptr;
}

int set_discard(ThreadState& ts, Set* s, Value key) {
    int64_t h;
    if (!hash(ts, key, &h)) return -1;
    ObjectLock g(s);
    bool err;
    SetEntry* e = lookup(ts, s, key, h, &err, &g);
    if (err) return -1;
    if (!e) return 0;
    e->key = dummy();
    e->hash = -1;
    --s->used;
    return 1;
}

bool set_next(Set* s, int64_t* pos, Value* key) {
    ObjectLock g(s);
    while (*pos <= s->mask && s->mask) {
        SetEntry& e = s->table[(*pos)++];
        if (!e.key.is_null() && e.key != dummy()) {
            *key = e.key;
            return true;
        }
    }
    return false;
}

int64_t set_size(Set* s) {
    ObjectLock g(s);
    return s->used;
}

Value set_pop_key(Set* s) {
    ObjectLock g(s);
    if (s->used == 0) return Value::null();
    int64_t pos = s->finger <= s->mask ? s->finger : 0;
    for (;;) {  // a key exists: the scan wraps around at most once
        if (pos > s->mask) pos = 0;
        SetEntry& e = s->table[pos++];
        if (e.key.is_null() || e.key == dummy()) continue;
        Value k = e.key;
        e.key = dummy();
        e.hash = -1;
        --s->used;
        s->finger = pos;
        return k;
    }
}

void set_swap_table(Set* dst, Set* src) {
    ObjectLock g(dst);
    std::swap(dst->table, src->table);
    std::swap(dst->mask, src->mask);
    std::swap(dst->used, src->used);
    std::swap(dst->fill, src->fill);
}

// set_merge (CPython 3.11's Objects/setobject.c): presize, then copy the slots when the tables
// match and the source has no dummies, insert_clean when this set is empty, adds otherwise —
// so set(s), s | t and s.update(t) lay keys out (and iterate) as CPython's do.
bool set_merge(ThreadState& ts, Set* s, Set* o) {
    if (s == o) return true;
    Rooted keep(ts, Value::from_ptr(o));
    // Free-threaded, `o` may change meanwhile and only one lock is held at a time: merge a
    // copy of its table taken under its lock (keys rooted), same layout rules.
    if (!(o->lock.load(std::memory_order_relaxed) & kObjLockable))
        return set_merge_table(ts, s, SetMergeSource{o->table, o->mask, o->fill, o->used});
    RootedVector keys(ts);
    std::vector<SetEntry> copy;
    SetMergeSource src{nullptr, 0, 0, 0};
    {
        ObjectLock go(o);
        if (o->mask) copy.assign(o->table, o->table + o->mask + 1);
        src = {copy.data(), o->mask, o->fill, o->used};
    }
    for (const SetEntry& e : copy) keys.v.push_back(e.key);
    return set_merge_table(ts, s, src);
}

bool set_merge_table(ThreadState& ts, Set* s, const SetMergeSource& o) {
    if (o.used == 0) return true;
    ObjectLock g(s);
    const int64_t mask = s->mask ? s->mask : kMinSize - 1;  // an empty set's table has 8 slots
    if ((s->fill + o.used) * 5 >= mask * 3) {
        if (!set_resize(&ts, ts.heap, s, (s->used + o.used) * 2)) return false;
    } else if (s->mask == 0 && !set_resize(&ts, ts.heap, s, 0)) {
        return false;
    }
    if (s->fill == 0 && s->mask == o.mask && o.fill == o.used) {
        for (int64_t i = 0; i <= o.mask; ++i) s->table[i] = o.table[i];
        s->fill = o.fill;
        s->used = o.used;
        return true;
    }
    if (s->fill == 0) {
        for (int64_t i = 0; i <= o.mask; ++i) {
            const SetEntry& e = o.table[i];
            if (!e.key.is_null() && e.key != dummy()) insert_clean(s->table, s->mask, e.key, e.hash);
        }
        s->fill = s->used = o.used;
        return true;
    }
    for (int64_t i = 0; o.mask && i <= o.mask; ++i) {
        SetEntry e = o.table[i];
        if (e.key.is_null() || e.key == dummy()) continue;
        if (insert_key(&ts, ts.heap, s, e.key, e.hash, &g) < 0) return false;
    }
    return true;
}

// A frozenset constant of a program (a set display of constants, as CPython 3.11's compiler
// folds it): keys added in order on the program's immortal heap. The compiler folds only
// str/bytes/int/float constants with pairwise distinct values, so no __eq__ is needed.
Value new_frozenset_const(Heap& h, const std::vector<Value>& keys, const std::vector<int64_t>& hashes) {
    // CPython builds the constant from the display's items, then its compiler's constant
    // merging (merge_consts_recursive) rebuilds it from the first one's iteration order: the
    // layout programs see is the second one's.
    Set* first = h.make<Set>(&frozenset_type, sizeof(Set));
    if (!first) return Value::null();
    for (size_t i = 0; i < keys.size(); ++i)
        if (insert_key(nullptr, h, first, keys[i], hashes[i]) < 0) return Value::null();
    Set* s = h.make<Set>(&frozenset_type, sizeof(Set));
    if (!s) return Value::null();
    for (int64_t i = 0; i <= first->mask; ++i) {
        const SetEntry& e = first->table[i];
        if (e.key.is_null() || e.key == dummy()) continue;
        if (insert_key(nullptr, h, s, e.key, e.hash) < 0) return Value::null();
    }
    return Value::from_ptr(s);
}

bool set_update_from(ThreadState& ts, Set* s, Value iterable) {
    if (is_anyset(iterable)) return set_merge(ts, s, iterable.as<Set>());
    if (is_dict(iterable)) {
        Dict* d = iterable.as<Dict>();
        Rooted keep(ts, iterable);
        int64_t pos = 0;
        Value k;
        const bool shared = d->lock.load(std::memory_order_relaxed) & kObjLockable;
        while (dict_next(d, &pos, &k, nullptr)) {
            if (shared) {  // free-threaded: the entry may move; hash the key again
                Rooted kk(ts, k);
                if (!set_add(ts, s, k)) return false;
                continue;
            }
            ObjectLock g(s);
            if (insert_key(&ts, ts.heap, s, k, d->entries[pos - 1].hash, &g) < 0) return false;
        }
        return true;
    }
    Rooted it(ts, get_iter(ts, iterable));
    if (it.get().is_null()) return false;
    for (;;) {
        Value v = iter_next(ts, it);
        if (v.is_null()) return !ts.has_exc();
        Rooted kv(ts, v);
        if (!set_add(ts, s, v)) return false;
    }
}

namespace {

void set_trace(Object* o, GcVisitor& v) {
    auto* s = static_cast<Set*>(o);
    for (int64_t i = 0; s->mask && i <= s->mask; ++i)
        if (s->table[i].key != dummy()) v.visit(s->table[i].key);
}

void set_finalize(Object* o, Heap& h) {
    auto* s = static_cast<Set*>(o);
    if (s->table) h.free_buffer(s->table, sizeof(SetEntry) * size_t(s->mask + 1));
    s->table = nullptr;
}

Value set_repr(ThreadState& ts, Value self) {
    Set* s = self.as<Set>();
    bool frozen = !is_subtype(s->type, &set_type);
    std::string tn = (s->type == &set_type || s->type == &frozenset_type)
                         ? "" : std::string(s->type->name_str->view());
    if (set_size(s) == 0)
        return str_value(ts, frozen ? (tn.empty() ? "frozenset()" : tn + "()")
                                    : (tn.empty() ? "set()" : tn + "()"));
    if (!repr_enter(ts, self)) return str_value(ts, (tn.empty() ? std::string(s->type->name) : tn) + "(...)");
    std::string out;
    int64_t pos = 0;
    Value k;
    bool first = true;
    while (set_next(s, &pos, &k)) {
        if (!first) out += ", ";
        first = false;
        std::string r;
        if (!repr_utf8(ts, k, &r)) return repr_leave(ts, self), Value::null();
        out += r;
    }
    repr_leave(ts, self);
    if (frozen) return str_value(ts, (tn.empty() ? "frozenset" : tn) + "({" + out + "})");
    if (!tn.empty()) return str_value(ts, tn + "({" + out + "})");
    return str_value(ts, "{" + out + "}");
}

int64_t set_len(ThreadState&, Value self) {
    ObjectLock g(self.as<Set>());
    return self.as<Set>()->used;
}

int set_contains_slot(ThreadState& ts, Value self, Value key) {
    int r = set_contains_key(ts, self.as<Set>(), key);
    if (r < 0 && is_type(key, &set_type) && exc_matches(ts, &exc_TypeError)) {
        clear_exc(ts);
        Set* f = new_set(ts, &frozenset_type);
        if (!f) return -1;
        Rooted keep(ts, Value::from_ptr(f));
        if (!set_update_from(ts, f, key)) return -1;
        return set_contains_key(ts, self.as<Set>(), Value::from_ptr(f));
    }
    return r;
}

Value set_iter_slot(ThreadState& ts, Value self) {
    return new_seq_iter(ts, &set_iter_type, self);
}

bool subset_of(ThreadState& ts, Set* a, Set* b, int* out) {
    if (set_size(a) > set_size(b)) {
        *out = 0;
        return true;
    }
    int64_t pos = 0;
    Value k;
    while (set_next(a, &pos, &k)) {
        int r = set_contains_key(ts, b, k);
        if (r < 0) return false;
        if (!r) {
            *out = 0;
            return true;
        }
    }
    *out = 1;
    return true;
}

Value set_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_anyset(b)) return not_implemented();
    Set* x = a.as<Set>();
    Set* y = b.as<Set>();
    int r = 0;
    switch (op) {
        case CompareOp::eq:
        case CompareOp::ne:
            if (set_size(x) != set_size(y)) return Value::boolean(op == CompareOp::ne);
            if (!subset_of(ts, x, y, &r)) return Value::null();
            return Value::boolean(op == CompareOp::eq ? r : !r);
        case CompareOp::le:
            if (!subset_of(ts, x, y, &r)) return Value::null();
            return Value::boolean(r);
        case CompareOp::ge:
            if (!subset_of(ts, y, x, &r)) return Value::null();
            return Value::boolean(r);
        case CompareOp::lt:
            if (set_size(x) >= set_size(y)) return Value::false_();
            if (!subset_of(ts, x, y, &r)) return Value::null();
            return Value::boolean(r);
        default:
            if (set_size(x) <= set_size(y)) return Value::false_();
            if (!subset_of(ts, y, x, &r)) return Value::null();
            return Value::boolean(r);
    }
}

bool frozenset_hash(ThreadState&, Value self, int64_t* out) {
    Set* s = self.as<Set>();
    int64_t c = s->hash.load(std::memory_order_relaxed);
    if (c != -1) {
        *out = c;
        return true;
    }
    std::vector<int64_t> hashes;
    hashes.reserve(size_t(s->used));
    for (int64_t i = 0; s->mask && i <= s->mask; ++i) {
        SetEntry& e = s->table[i];
        if (!e.key.is_null() && e.key != dummy()) hashes.push_back(e.hash);
    }
    int64_t hash = hash_frozenset(hashes.data(), hashes.size());
    *out = hash;
    s->hash.store(*out, std::memory_order_relaxed);
    return true;
}

Value set_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    bool frozen = is_subtype(type, &frozenset_type);
    if (kwnames && kwnames->size)
        return raisef(ts, &exc_TypeError, "{}() takes no keyword arguments", type->name_str->view());
    if (nargs > 1)
        return raisef(ts, &exc_TypeError, "{} expected at most 1 argument, got {}",
                      type->name_str->view(), nargs);
    if (frozen && type == &frozenset_type && nargs == 1 && is_type(args[0], &frozenset_type))
        return args[0];
    Set* s = new_set(ts, type);
    if (!s) return Value::null();
    if (frozen && nargs == 1) {
        Rooted keep(ts, Value::from_ptr(s));
        if (!set_update_from(ts, s, args[0])) return Value::null();
    }
    return Value::from_ptr(s);
}

bool set_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) {
        raise(ts, &exc_TypeError, "set() takes no keyword arguments");
        return false;
    }
    if (nargs > 1) {
        raisef(ts, &exc_TypeError, "set expected at most 1 argument, got {}", nargs);
        return false;
    }
    Set* s = self.as<Set>();
    if (!is_subtype(s->type, &set_type)) return true;
    if (nargs == 1) return set_update_from(ts, s, args[0]);
    return true;
}

int set_bool(ThreadState&, Value self) {
    ObjectLock g(self.as<Set>());
    return self.as<Set>()->used != 0;
}

}  // namespace

Value set_binary_op(ThreadState& ts, Value a, Value b, char op, bool inplace);

namespace {
Value s_or(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '|', false); }
Value s_and(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '&', false); }
Value s_sub(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '-', false); }
Value s_xor(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '^', false); }
Value s_ior(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '|', true); }
Value s_iand(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '&', true); }
Value s_isub(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '-', true); }
Value s_ixor(ThreadState& ts, Value a, Value b) { return set_binary_op(ts, a, b, '^', true); }

void setup_common(Type& t) {
    t.repr = set_repr;
    t.len = set_len;
    t.contains = set_contains_slot;
    t.iter = set_iter_slot;
    t.richcompare = set_richcompare;
    t.new_ = set_new;
    t.bool_ = set_bool;
    t.trace = set_trace;
    t.finalize = set_finalize;
    t.num.binary[int(BinaryOp::or_)] = s_or;
    t.num.binary[int(BinaryOp::and_)] = s_and;
    t.num.binary[int(BinaryOp::sub)] = s_sub;
    t.num.binary[int(BinaryOp::xor_)] = s_xor;
}
}  // namespace

void setup_set_methods(TypeBuilder& b);

void setup_set_types(TypeBuilder& b) {
    b.init(set_type, "set", nullptr, sizeof(Set));
    setup_common(set_type);
    set_type.init = set_init;
    set_type.hash = hash_not_implemented;
    set_type.num.inplace[int(BinaryOp::or_)] = s_ior;
    set_type.num.inplace[int(BinaryOp::and_)] = s_iand;
    set_type.num.inplace[int(BinaryOp::sub)] = s_isub;
    set_type.num.inplace[int(BinaryOp::xor_)] = s_ixor;
    b.init(frozenset_type, "frozenset", nullptr, sizeof(Set));
    setup_common(frozenset_type);
    frozenset_type.hash = frozenset_hash;
    setup_set_methods(b);
}

}  // namespace interleave::python
