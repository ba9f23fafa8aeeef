// dict: a compact insertion-ordered hash table (CPython 3.6+'s layout: an index table of
// int32 into a dense entry array). Iteration order is insertion order, as CPython's.
#include <cstring>

#include "python/objects/api.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

constexpr int32_t kEmpty = -1, kDummy = -2;
constexpr int64_t kMinIndex = 8;

size_t table_bytes(int64_t index_size, int64_t capacity) {
    return sizeof(int32_t) * size_t(index_size) + sizeof(DictEntry) * size_t(capacity);
}

int64_t usable(int64_t index_size) {
    return (index_size * 2) / 3;
}

// Rebuilds the table with room for at least `min_used` entries. false: out of memory.
bool resize(Heap& h, Dict* d, int64_t min_used) {
    int64_t size = kMinIndex;
    while (usable(size) < min_used) size <<= 1;
    int64_t cap = usable(size);
    void* mem = h.alloc_buffer(table_bytes(size, cap));
    if (!mem) return false;
    auto* idx = static_cast<int32_t*>(mem);
    auto* ent = reinterpret_cast<DictEntry*>(idx + size);
    std::memset(idx, 0xff, sizeof(int32_t) * size_t(size));
    int64_t n = 0;
    uint64_t mask = uint64_t(size - 1);
    for (int64_t i = 0; i < d->nentries; ++i) {
        DictEntry& e = d->entries[i];
        if (e.key.is_null()) continue;
        ent[n] = e;
        uint64_t perturb = uint64_t(e.hash);
        uint64_t j = uint64_t(e.hash) & mask;
        while (idx[j] != kEmpty) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & mask;
        }
        idx[j] = int32_t(n);
        ++n;
    }
    if (d->indices) h.free_buffer(d->indices, table_bytes(d->mask + 1, d->capacity));
    d->indices = idx;
    d->entries = ent;
    d->mask = size - 1;
    d->capacity = cap;
    d->nentries = n;
    d->used = n;
    return true;
}

inline bool str_key_eq(const Str* a, const Str* b) {
    return a == b || (a->nbytes == b->nbytes && std::memcmp(a->data, b->data, a->nbytes) == 0);
}

// Finds `key`: *slot gets the index-table slot (the entry's, or the first free one for an
// insert). Returns the entry index, -1 absent, -2 raised. `held`: the dict's lock, released
// while a user __eq__ runs (free-threaded runs; the version check restarts the probe).
int64_t lookup(ThreadState* ts, Dict* d, Value key, int64_t hash, uint64_t* slot,
               ObjectLock* held = nullptr) {
restart:
    if (d->mask == 0) {
        *slot = 0;
        return -1;
    }
    uint64_t mask = uint64_t(d->mask);
    uint64_t perturb = uint64_t(hash);
    uint64_t j = uint64_t(hash) & mask;
    int64_t free_slot = -1;
    const bool kstr = is_exact_str(key);
    for (;;) {
        int32_t ix = d->indices[j];
        if (ix == kEmpty) {
            *slot = free_slot >= 0 ? uint64_t(free_slot) : j;
            return -1;
        }
        if (ix == kDummy) {
            if (free_slot < 0) free_slot = int64_t(j);
        } else {
            DictEntry& e = d->entries[ix];
            if (e.key == key) {
                *slot = j;
                return ix;
            }
            if (e.hash == hash) {
                if (kstr && is_exact_str(e.key)) {
                    if (str_key_eq(key.as<Str>(), e.key.as<Str>())) {
                        *slot = j;
                        return ix;
                    }
                } else if (ts) {
                    // A user __eq__ may run (and change the dict): keep the entry's key alive
                    // through the compare and restart if the table moved.
                    DictEntry* entries = d->entries;
                    uint64_t version = d->version;
                    Rooted k(*ts, e.key);
                    if (held) held->release();
                    int r = richcompare_bool(*ts, k, key, CompareOp::eq);
                    if (held) held->reacquire();
                    if (r < 0) return -2;
                    if (entries != d->entries || version != d->version) goto restart;
                    if (r) {
                        *slot = j;
                        return ix;
                    }
                }
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

bool insert(Heap& h, ThreadState* ts, Dict* d, Value key, int64_t hash, Value v,
            ObjectLock* held = nullptr) {
    uint64_t slot;
    int64_t ix = lookup(ts, d, key, hash, &slot, held);
    if (ix == -2) return false;
    if (ix >= 0) {
        d->entries[ix].value = v;
        ++d->version;
        return true;
    }
    if (d->nentries >= d->capacity) {
        if (!resize(h, d, d->used * 3 + 1)) return false;
        ix = lookup(nullptr, d, key, hash, &slot);  // key absent: only finds the free slot
    }
    int64_t n = d->nentries++;
    d->entries[n] = DictEntry{hash, key, v};
    d->indices[slot] = int32_t(n);
    ++d->used;
    ++d->version;
    return true;
}

}  // namespace

void dict_free_buffers(Heap& h, Dict* d) {
    if (d->indices) h.free_buffer(d->indices, table_bytes(d->mask + 1, d->capacity));
    d->indices = nullptr;
}

Dict* new_dict_heap(Heap& h) {
    return h.make<Dict>(&dict_type, sizeof(Dict));
}

Dict* new_dict(ThreadState& ts) {
    Dict* d = new_dict_heap(ts.heap);
    if (!d) raise_memory_error(ts);
    return d;
}

Value dict_get(ThreadState& ts, Dict* d, Value key) {
    int64_t h;
    if (!hash(ts, key, &h)) return Value::null();
    uint64_t slot;
    ObjectLock g(d);
    int64_t ix = lookup(&ts, d, key, h, &slot, &g);
    return ix >= 0 ? d->entries[ix].value : Value::null();
}

Value dict_get_str(Dict* d, Str* key) {
    uint64_t slot;
    ObjectLock g(d);
    int64_t ix = lookup(nullptr, d, Value::from_ptr(key), str_hash(key), &slot);
    return ix >= 0 ? d->entries[ix].value : Value::null();
}

Value dict_lookup_view(Dict* d, std::string_view key) {
    // Linear in the table for a miss only in theory: probe with the text's hash.
    ObjectLock g(d);
    if (d->mask == 0) return Value::null();
    int64_t h = str_hash_view(key);
    uint64_t mask = uint64_t(d->mask), perturb = uint64_t(h), j = uint64_t(h) & mask;
    for (;;) {
        int32_t ix = d->indices[j];
        if (ix == kEmpty) return Value::null();
        if (ix >= 0) {
            DictEntry& e = d->entries[ix];
            if (e.hash == h && is_str(e.key) && e.key.as<Str>()->view() == key) return e.value;
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

bool dict_set(ThreadState& ts, Dict* d, Value key, Value v) {
    int64_t h;
    if (!hash(ts, key, &h)) return false;
    ObjectLock g(d);
    if (!insert(ts.heap, &ts, d, key, h, v, &g)) {
        if (!ts.has_exc()) raise_memory_error(ts);
        return false;
    }
    return true;
}

bool dict_set_str(ThreadState& ts, Dict* d, Str* key, Value v) {
    ObjectLock g(d);
    if (!insert(ts.heap, &ts, d, Value::from_ptr(key), str_hash(key), v)) {
        if (!ts.has_exc()) raise_memory_error(ts);
        return false;
    }
    return true;
}

bool dict_set_heap(Heap& h, Dict* d, Str* key, Value v) {
    return insert(h, nullptr, d, Value::from_ptr(key), str_hash(key), v);
}

int dict_del(ThreadState& ts, Dict* d, Value key) {
    int64_t h;
    if (!hash(ts, key, &h)) return -1;
    uint64_t slot;
    ObjectLock g(d);
    int64_t ix = lookup(&ts, d, key, h, &slot, &g);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    d->indices[slot] = kDummy;
    d->entries[ix].key = Value::null();
    d->entries[ix].value = Value::null();
    --d->used;
    ++d->version;
    return 1;
}

// dict.popitem's removal: the last entry, found and removed under the dict's lock (no key
// comparison, so no Python code runs while it is held). False when the dict is empty.
bool dict_pop_last(Dict* d, Value* key, Value* value) {
    ObjectLock g(d);
    for (int64_t ix = d->nentries - 1; ix >= 0; --ix) {
        DictEntry& e = d->entries[ix];
        if (e.key.is_null()) continue;
        uint64_t mask = uint64_t(d->mask), perturb = uint64_t(e.hash), j = uint64_t(e.hash) & mask;
        while (d->indices[j] != ix) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & mask;
        }
        *key = e.key;
        *value = e.value;
        d->indices[j] = kDummy;
        e.key = Value::null();
        e.value = Value::null();
        --d->used;
        ++d->version;
        return true;
    }
    return false;
}

bool dict_clear(ThreadState& ts, Dict* d) {
    ObjectLock g(d);
    if (d->indices) ts.heap.free_buffer(d->indices, table_bytes(d->mask + 1, d->capacity));
    d->indices = nullptr;
    d->entries = nullptr;
    d->mask = d->used = d->nentries = d->capacity = 0;
    ++d->version;
    return true;
}

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value) {
    ObjectLock g(d);
    while (*pos < d->nentries) {
        DictEntry& e = d->entries[(*pos)++];
        if (!e.key.is_null()) {
            if (key) *key = e.key;
            if (value) *value = e.value;
            return true;
        }
    }
    return false;
}

Dict* dict_copy(ThreadState& ts, Dict* src) {
    Dict* d = new_dict(ts);
    if (!d) return nullptr;
    // src's keys are distinct: the copy never needs a user __eq__ (no Python code runs while
    // src's lock is held).
    ObjectLock g(src);
    if (src->used == 0) return d;
    if (!resize(ts.heap, d, src->used)) {
        raise_memory_error(ts);
        return nullptr;
    }
    for (int64_t i = 0; i < src->nentries; ++i) {
        const DictEntry& e = src->entries[i];
        if (e.key.is_null()) continue;
        if (!insert(ts.heap, nullptr, d, e.key, e.hash, e.value)) {
            raise_memory_error(ts);
            return nullptr;
        }
    }
    return d;
}

bool dict_update(ThreadState& ts, Dict* d, Value other) {
    if (is_dict(other)) {
        Dict* o = other.as<Dict>();
        int64_t pos = 0;
        Value k, v;
        Rooted keep(ts, other);
        while (dict_next(o, &pos, &k, &v)) {
            if (!insert(ts.heap, &ts, d, k, o->entries[pos - 1].hash, v)) return false;
        }
        return true;
    }
    Rooted src(ts, other);
    Value keys_fn = getattr_opt(ts, other, names.keys);
    if (ts.has_exc()) return false;
    if (!keys_fn.is_null()) {
        Rooted kf(ts, keys_fn);
        Value ks = call0(ts, kf);
        if (ks.is_null()) return false;
        RootedVector items(ts);
        if (!iterate_into(ts, ks, items.v)) return false;
        for (Value k : items.v) {
            Value v = getitem(ts, src, k);
            if (v.is_null() || !dict_set(ts, d, k, v)) return false;
        }
        return true;
    }
    RootedVector pairs(ts);
    if (!iterate_into(ts, other, pairs.v)) return false;
    for (size_t i = 0; i < pairs.v.size(); ++i) {
        RootedVector kv(ts);
        if (!iterate_into(ts, pairs.v[i], kv.v)) {
            if (exc_matches(ts, &exc_TypeError)) {
                clear_exc(ts);
                raisef(ts, &exc_TypeError,
                       "cannot convert dictionary update sequence element #{} to a sequence", i);
            }
            return false;
        }
        if (kv.v.size() != 2) {
            raisef(ts, &exc_ValueError,
                   "dictionary update sequence element #{} has length {}; 2 is required", i,
                   kv.v.size());
            return false;
        }
        if (!dict_set(ts, d, kv.v[0], kv.v[1])) return false;
    }
    return true;
}

// --- slots ---------------------------------------------------------------------------------

namespace {

void dict_trace(Object* o, GcVisitor& v) {
    auto* d = static_cast<Dict*>(o);
    for (int64_t i = 0; i < d->nentries; ++i) {
        v.visit(d->entries[i].key);
        v.visit(d->entries[i].value);
    }
}

void dict_finalize(Object* o, Heap& h) {
    dict_free_buffers(h, static_cast<Dict*>(o));
}

Value dict_repr(ThreadState& ts, Value self) {
    Dict* d = self.as<Dict>();
    if (d->used == 0) return str_value(ts, "{}");
    if (!repr_enter(ts, self)) return str_value(ts, "{...}");
    std::string out = "{";
    int64_t pos = 0;
    Value k, v;
    bool first = true;
    Rooted keep(ts, self);
    while (dict_next(d, &pos, &k, &v)) {
        Rooted rk(ts, k), rv(ts, v);
        if (!first) out += ", ";
        first = false;
        std::string s;
        if (!repr_utf8(ts, rk, &s)) return repr_leave(ts, self), Value::null();
        out += s;
        out += ": ";
        if (!repr_utf8(ts, rv, &s)) return repr_leave(ts, self), Value::null();
        out += s;
    }
    repr_leave(ts, self);
    out += "}";
    return str_value(ts, out);
}

int64_t dict_len(ThreadState&, Value self) {
    ObjectLock g(self.as<Dict>());
    return self.as<Dict>()->used;
}

Value dict_subscript(ThreadState& ts, Value self, Value key) {
    Dict* d = self.as<Dict>();
    Value v = dict_get(ts, d, key);
    if (!v.is_null() || ts.has_exc()) return v;
    if (d->type != &dict_type) {
        Value missing = type_lookup(d->type, names.__missing__);
        if (!missing.is_null()) return call2(ts, missing, self, key);
    }
    return raise_instance(ts, [&] {
        Tuple* args = new_tuple(ts, 1);
        if (!args) return Value::null();
        args->items[0] = key;
        return new_exception_args(ts, &exc_KeyError, args);
    }());
}

bool dict_ass_sub(ThreadState& ts, Value self, Value key, Value v) {
    Dict* d = self.as<Dict>();
    if (!v.is_null()) return dict_set(ts, d, key, v);
    int r = dict_del(ts, d, key);
    if (r < 0) return false;
    if (r == 0) {
        Tuple* args = new_tuple(ts, 1);
        if (!args) return false;
        args->items[0] = key;
        raise_instance(ts, new_exception_args(ts, &exc_KeyError, args));
        return false;
    }
    return true;
}

int dict_contains(ThreadState& ts, Value self, Value key) {
    Value v = dict_get(ts, self.as<Dict>(), key);
    if (v.is_null()) return ts.has_exc() ? -1 : 0;
    return 1;
}

Value dict_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_dict(b) || (op != CompareOp::eq && op != CompareOp::ne)) return not_implemented();
    Dict* x = a.as<Dict>();
    Dict* y = b.as<Dict>();
    bool eq = x->used == y->used;
    if (eq) {
        Rooted ra(ts, a), rb(ts, b);
        int64_t pos = 0;
        Value k, v;
        while (dict_next(x, &pos, &k, &v)) {
            Rooted rk(ts, k), rv(ts, v);
            Value w = dict_get(ts, y, rk);
            if (w.is_null()) {
                if (ts.has_exc()) return Value::null();
                eq = false;
                break;
            }
            int r = richcompare_bool(ts, rv, w, CompareOp::eq);
            if (r < 0) return Value::null();
            if (!r) {
                eq = false;
                break;
            }
        }
    }
    return Value::boolean(op == CompareOp::eq ? eq : !eq);
}

Value dict_iter(ThreadState& ts, Value self) {
    return new_dict_iter(ts, self, &dict_keyiter_type);
}

Value dict_new(ThreadState& ts, Type* type, const Value*, size_t, Tuple*) {
    Dict* d = ts.heap.make<Dict>(type, type->instance_size);
    if (!d) return raise_memory_error(ts);
    return Value::from_ptr(d);
}

bool dict_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    size_t npos = nargs - nkw;
    if (npos > 1) {
        raisef(ts, &exc_TypeError, "dict expected at most 1 argument, got {}", npos);
        return false;
    }
    Dict* d = self.as<Dict>();
    if (npos == 1 && !dict_update(ts, d, args[0])) return false;
    for (size_t i = 0; i < nkw; ++i) {
        if (!dict_set(ts, d, kwnames->items[i], args[npos + i])) return false;
    }
    return true;
}

Value dict_or(ThreadState& ts, Value a, Value b) {
    if (!is_dict(a) || !is_dict(b)) return not_implemented();
    Dict* d = dict_copy(ts, a.as<Dict>());
    if (!d) return Value::null();
    Rooted keep(ts, Value::from_ptr(d));
    if (!dict_update(ts, d, b)) return Value::null();
    return Value::from_ptr(d);
}

Value dict_ior(ThreadState& ts, Value a, Value b) {
    if (!dict_update(ts, a.as<Dict>(), b)) return Value::null();
    return a;
}

}  // namespace

void setup_dict_types(TypeBuilder& b) {
    b.init(dict_type, "dict", nullptr, sizeof(Dict), kTypeBaseType | kTypeDictSub);
    dict_type.repr = dict_repr;
    dict_type.len = dict_len;
    dict_type.getitem = dict_subscript;
    dict_type.setitem = dict_ass_sub;
    dict_type.contains = dict_contains;
    dict_type.richcompare = dict_richcompare;
    dict_type.iter = dict_iter;
    dict_type.new_ = dict_new;
    dict_type.init = dict_init;
    dict_type.trace = dict_trace;
    dict_type.finalize = dict_finalize;
    dict_type.num.binary[int(BinaryOp::or_)] = dict_or;
    dict_type.num.inplace[int(BinaryOp::or_)] = dict_ior;
    dict_type.hash = hash_not_implemented;
}

}  // namespace interleave::python
