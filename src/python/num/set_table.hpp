// CPython 3.11's set hash table (Objects/setobject.c), reproduced so that iteration order —
// what print({3, 1, 2}), set algebra results, iteration after discards and set.pop() show —
// is CPython's, given CPython's hashes (hash.hpp, PYTHONHASHSEED=0).
//
// ✓ open addressing: start at hash & mask, LINEAR_PROBES (9) neighbours when they fit below
//   the mask, then i = (i * 5 + 1 + perturb) & mask with perturb >>= PERTURB_SHIFT (5)
// ✓ table of 8 slots at first; an add that takes a never-used slot grows the table when
//   fill * 5 >= mask * 3, to the smallest power of two > (used > 50000 ? used * 2 : used * 4);
//   a resize reinserts in old table order and drops dummies
// ✓ discard leaves a dummy; an add reuses the *last* dummy seen on its probe path
// ✓ pop() scans from its finger (one past the last popped slot), wrapping around
// ✓ set_merge's three paths (copy slots when sizes match, clean inserts into an empty table,
//   normal adds), the pre-resize of update(dict), intersection's smaller-set iteration,
//   difference's copy-then-discard vs build paths and the >>3 shortcut, the dummy purge after
//   difference_update, symmetric difference built from the other operand
// ✓ an equality callback that fails, or that mutates the table (CPython restarts the probe)
// Note for the compiler: a set display of >= 3 constants ({3, 1, 2}) is not a sequence of adds
// in CPython 3.11 but a frozenset constant merged into a new set: see constant_set_display()
// in set_algebra.hpp.
// The VM supplies the keys' hashes and an equality callback `int eq(const K& stored, const K&
// probe)` returning 1 (equal), 0, or -1 (error: the VM holds the exception; the operation
// returns SetStatus::error and leaves the table valid). Identical keys (the same object)
// should short-cut to 1 inside eq, as CPython does before calling __eq__.
//
// CPython's dict, for the VM's dict type (Objects/dictobject.c, 3.11): a compact table —
// an index array of hash slots plus an entries array in insertion order. What programs see:
//   - iteration, repr, keys()/values()/items() follow insertion order; it never depends on
//     hashes or table size (resizes compact the entries, keeping their order);
//   - assigning to an existing key keeps its position and the *first* key object
//     ({1: 'a', True: 'b'} == {1: 'b'}); deleting a key and inserting it again moves it to the
//     end; popitem() removes the last entry (LIFO), KeyError 'popitem(): dictionary is empty';
//   - changing the size while iterating raises RuntimeError "dictionary changed size during
//     iteration" (checked at the iterator's next step; "dictionary keys changed during
//     iteration" when the size is back where it was but keys differ);
//   - == ignores order; set(d) and frozenset(d) add the keys in insertion order with their
//     hashes (SetTable::presize_for(len(d)) first, as set_update_internal does for a dict).
// So the VM's dict may be any insertion-ordered hash map with tombstones or compaction.
//
// Thread-safety: none inside; the VM locks the set (or holds the GIL). Costs as CPython's:
// O(1) average per add/contains/discard, O(capacity) per resize and full iteration.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace interleave::python {

enum class SetStatus : uint8_t { ok, found, not_found, error };

template <class K>
class SetTable {
  public:
    static constexpr size_t kMinSize = 8;       // PySet_MINSIZE
    static constexpr size_t kLinearProbes = 9;  // LINEAR_PROBES
    static constexpr int kPerturbShift = 5;     // PERTURB_SHIFT

    enum class State : uint8_t { empty, active, dummy };
    struct Entry {
        K key{};
        int64_t hash = 0;
        State state = State::empty;
    };

    SetTable() : table_(kMinSize) {}

    size_t size() const { return used_; }  // len(set)
    bool empty() const { return used_ == 0; }
    size_t capacity() const { return table_.size(); }  // mask + 1
    size_t fill() const { return fill_; }              // active + dummy slots
    // Bumped by every change of the table; an iterator or a callback can detect mutation.
    uint64_t version() const { return version_; }
    const Entry& slot(size_t i) const { return table_[i]; }

    // set_next: the first active slot at or after *pos; advances *pos past it. Iteration order
    // is table order. false at the end.
    bool next(size_t* pos, const Entry** out) const {
        size_t i = *pos;
        while (i < table_.size() && table_[i].state != State::active) ++i;
        *pos = i + 1;
        if (i >= table_.size()) return false;
        *out = &table_[i];
        return true;
    }
    // Active keys in iteration order (list(s), repr).
    std::vector<K> keys() const {
        std::vector<K> out;
        out.reserve(used_);
        for (const Entry& e : table_) {
            if (e.state == State::active) out.push_back(e.key);
        }
        return out;
    }

    // set_add_entry: ok (added), found (already there), error.
    template <class Eq>
    SetStatus add(const K& key, int64_t hash, Eq&& eq) {
    restart:
        size_t mask = table_.size() - 1;
        size_t i = static_cast<size_t>(hash) & mask;
        size_t perturb = static_cast<size_t>(hash);
        Entry* freeslot = nullptr;
        for (;;) {
            size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
            Entry* entry = &table_[i];
            do {
                if (entry->state == State::empty) {
                    if (freeslot != nullptr) {
                        ++used_;
                        *freeslot = Entry{key, hash, State::active};
                        ++version_;
                        return SetStatus::ok;
                    }
                    ++fill_;
                    ++used_;
                    *entry = Entry{key, hash, State::active};
                    ++version_;
                    if (fill_ * 5 < mask * 3) return SetStatus::ok;
                    resize(used_ > 50000 ? used_ * 2 : used_ * 4);
                    return SetStatus::ok;
                }
                if (entry->state == State::active && entry->hash == hash) {
                    const uint64_t before = version_;
                    const size_t index = static_cast<size_t>(entry - table_.data());
                    const int cmp = eq(entry->key, key);
                    if (cmp > 0) return SetStatus::found;
                    if (cmp < 0) return SetStatus::error;
                    if (version_ != before) goto restart;  // the callback changed the table
                    entry = &table_[index];
                    mask = table_.size() - 1;
                } else if (entry->state == State::dummy) {
                    freeslot = entry;
                }
                ++entry;
            } while (probes-- > 0);
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    // set_contains_entry: found, not_found, error.
    template <class Eq>
    SetStatus contains(const K& key, int64_t hash, Eq&& eq) {
        Entry* e = nullptr;
        const SetStatus s = lookup(key, hash, eq, &e);
        if (s == SetStatus::error) return s;
        return e->state == State::active ? SetStatus::found : SetStatus::not_found;
    }

    // set_discard_entry: found (removed, leaving a dummy), not_found, error.
    template <class Eq>
    SetStatus discard(const K& key, int64_t hash, Eq&& eq) {
        Entry* e = nullptr;
        const SetStatus s = lookup(key, hash, eq, &e);
        if (s == SetStatus::error) return s;
        if (e->state != State::active) return SetStatus::not_found;
        e->state = State::dummy;
        e->hash = -1;
        e->key = K{};
        --used_;
        ++version_;
        return SetStatus::found;
    }

    // set.pop(): false when empty (KeyError 'pop from an empty set').
    bool pop(K* out) {
        if (used_ == 0) return false;
        const size_t mask = table_.size() - 1;
        size_t i = finger_ & mask;
        while (table_[i].state != State::active) i = (i + 1) & mask;  // i > limit: wrap
        *out = table_[i].key;
        table_[i] = Entry{K{}, -1, State::dummy};
        --used_;
        ++version_;
        finger_ = i + 1;
        return true;
    }

    // set.clear(): back to an empty 8-slot table.
    void clear() {
        table_.assign(kMinSize, Entry{});
        fill_ = used_ = 0;
        ++version_;
    }

    // set_swap_bodies: exchange contents with `other` (s &= t builds the intersection apart,
    // then swaps it in). Each keeps its own pop() finger, as in CPython.
    void swap_bodies(SetTable& other) {
        table_.swap(other.table_);
        std::swap(fill_, other.fill_);
        std::swap(used_, other.used_);
        ++version_;
        ++other.version_;
    }

    // set_table_resize: the smallest power of two > minused (at least 8); reinserts the
    // active entries in table order, dropping dummies.
    void resize(size_t minused) {
        size_t newsize = kMinSize;
        while (newsize <= minused) newsize <<= 1;
        if (newsize == kMinSize && table_.size() == kMinSize && fill_ == used_) return;
        std::vector<Entry> old(newsize);
        old.swap(table_);
        const size_t mask = newsize - 1;
        for (const Entry& e : old) {
            if (e.state == State::active) insert_clean(mask, e.key, e.hash);
        }
        fill_ = used_;
        ++version_;
    }

    // Before adding the keys of a dict of `count` entries (set_update_internal's dict path).
    void presize_for(size_t count) {
        if ((fill_ + count) * 5 >= (table_.size() - 1) * 3) resize((used_ + count) * 2);
    }

    // set_merge: add every key of `other` (set.update(other_set), a | b, copy()).
    template <class Eq>
    SetStatus merge(const SetTable& other, Eq&& eq) {
        if (&other == this || other.used_ == 0) return SetStatus::ok;
        if ((fill_ + other.used_) * 5 >= (table_.size() - 1) * 3) resize((used_ + other.used_) * 2);
        if (fill_ == 0 && table_.size() == other.table_.size() && other.fill_ == other.used_) {
            table_ = other.table_;  // same size, no dummies: copy the slots as they are
            fill_ = other.fill_;
            used_ = other.used_;
            ++version_;
            return SetStatus::ok;
        }
        if (fill_ == 0) {
            const size_t mask = table_.size() - 1;
            for (const Entry& e : other.table_) {
                if (e.state == State::active) insert_clean(mask, e.key, e.hash);
            }
            fill_ = used_ = other.used_;
            ++version_;
            return SetStatus::ok;
        }
        for (size_t i = 0; i < other.table_.size(); ++i) {
            const Entry& e = other.table_[i];
            if (e.state == State::active && add(e.key, e.hash, eq) == SetStatus::error) {
                return SetStatus::error;
            }
        }
        return SetStatus::ok;
    }

    // difference_update's last step: purge dummies when more than a quarter of the table.
    void purge_dummies_if_many() {
        if (fill_ - used_ <= (table_.size() - 1) / 4) return;
        resize(used_ > 50000 ? used_ * 2 : used_ * 4);
    }

  private:
    template <class Eq>
    SetStatus lookup(const K& key, int64_t hash, Eq& eq, Entry** out) {
    restart:
        size_t mask = table_.size() - 1;
        size_t i = static_cast<size_t>(hash) & mask;
        size_t perturb = static_cast<size_t>(hash);
        for (;;) {
            size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
            Entry* entry = &table_[i];
            do {
                if (entry->state == State::empty) {
                    *out = entry;
                    return SetStatus::ok;
                }
                if (entry->state == State::active && entry->hash == hash) {
                    const uint64_t before = version_;
                    const size_t index = static_cast<size_t>(entry - table_.data());
                    const int cmp = eq(entry->key, key);
                    if (cmp < 0) return SetStatus::error;
                    if (version_ != before) goto restart;
                    entry = &table_[index];
                    if (cmp > 0) {
                        *out = entry;
                        return SetStatus::ok;
                    }
                    mask = table_.size() - 1;
                }
                ++entry;
            } while (probes-- > 0);
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    // set_insert_clean: the key is known absent and the table has no dummies to reuse.
    void insert_clean(size_t mask, const K& key, int64_t hash) {
        size_t i = static_cast<size_t>(hash) & mask;
        size_t perturb = static_cast<size_t>(hash);
        for (;;) {
            Entry* entry = &table_[i];
            if (entry->state == State::empty) {
                *entry = Entry{key, hash, State::active};
                return;
            }
            if (i + kLinearProbes <= mask) {
                for (size_t j = 0; j < kLinearProbes; ++j) {
                    ++entry;
                    if (entry->state == State::empty) {
                        *entry = Entry{key, hash, State::active};
                        return;
                    }
                }
            }
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    std::vector<Entry> table_;
    size_t fill_ = 0;
    size_t used_ = 0;
    size_t finger_ = 0;
    uint64_t version_ = 0;
};

}  // namespace interleave::python
