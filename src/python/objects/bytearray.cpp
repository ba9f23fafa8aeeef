// bytearray: the mutable byte string, as CPython 3.11's Objects/bytearrayobject.c — construction
// (bytes_from_args, shared with bytes), repr, item and slice assignment and deletion (extended
// slices too), += and *=, and the list-like mutators. The read-only slots and the byte-string
// methods are bytes' own (bytes.cpp, bytes_methods.cpp), shared through bytes_like(). While
// memoryviews export it, nothing may change its size (BufferError, resizable()).
#include <algorithm>
#include <cstring>

#include "python/num/str_repr.hpp"
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/memoryview.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/objects/str_methods.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

namespace {

constexpr const char* kByteRange = "byte must be in range(0, 256)";

ByteArray* BA(Value v) {
    return v.as<ByteArray>();
}

// May b change size? Not while memoryviews export it (CPython's _canresize: BufferError). A
// view used once in its expression has given its export back already (memoryview.cpp); any
// other view nobody refers to any more holds it until a collection finds it (CPython's
// refcounting releases it at once), so meeting exports, this collects once before refusing:
// callers are where Python code could run (their values are rooted), and collections only
// happen where Interp::can_collect allows. Lock held (a no-op then: one thread runs).
bool resizable(ThreadState& ts, ByteArray* b) {
    if (b->exports == 0) return true;
    if (ts.interp.can_collect(ts)) ts.interp.collect(ts);
    if (b->exports == 0) return true;
    raise(ts, &exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
}

// Grows the buffer to hold `want` bytes (CPython's over-allocation: + 1/8). Lock held.
bool reserve(ThreadState& ts, ByteArray* b, int64_t want) {
    if (want <= b->capacity) return true;
    if (want > (int64_t(1) << 40)) {
        raise_memory_error(ts);
        return false;
    }
    int64_t cap = want + (want >> 3) + (want < 9 ? 3 : 6);
    void* p = ts.heap.realloc_buffer(b->data, size_t(b->capacity), size_t(cap));
    if (!p) {
        raise_memory_error(ts);
        return false;
    }
    b->data = static_cast<char*>(p);
    b->capacity = cap;
    return true;
}

// Replaces bytes [lo, hi) with `with` (lo <= hi <= size). Lock held.
bool splice(ThreadState& ts, ByteArray* b, int64_t lo, int64_t hi, std::string_view with) {
    const int64_t n = int64_t(with.size());
    const int64_t size = b->size - (hi - lo) + n;
    if (size != b->size && !resizable(ts, b)) return false;
    if (!reserve(ts, b, size)) return false;
    if (b->size > hi) std::memmove(b->data + lo + n, b->data + hi, size_t(b->size - hi));
    if (n) std::memcpy(b->data + lo, with.data(), size_t(n));
    b->size = size;
    return true;
}

// One byte value from an int-like object: TypeError / ValueError as CPython's _getbytevalue.
bool byte_value(ThreadState& ts, Value v, int* out) {
    int64_t i;
    if (!index_i64(ts, v, &i)) return false;
    if (i < 0 || i > 255) {
        raise(ts, &exc_ValueError, kByteRange);
        return false;
    }
    *out = int(i);
    return true;
}

// The bytes of an iterable of ints (the items checked one by one as CPython does).
bool bytes_of_iterable(ThreadState& ts, Value it, const char* range_msg, std::string* out) {
    RootedVector items(ts);
    if (!iterate_into(ts, it, items.v)) return false;
    out->reserve(items.v.size());
    for (Value v : items.v) {
        int64_t i;
        if (!index_i64(ts, v, &i)) return false;
        if (i < 0 || i > 255) {
            raise(ts, &exc_ValueError, range_msg);
            return false;
        }
        out->push_back(char(i));
    }
    return true;
}

// The right-hand side of a slice assignment: bytes-like or an iterable of ints, never an int
// or a str (bytearray_setslice's message).
bool assigned_bytes(ThreadState& ts, Value v, std::string* out) {
    std::string_view view;
    if (read_bytes(v, out, &view)) {
        if (out->data() != view.data()) out->assign(view);  // a copy: v may be this bytearray
        return true;
    }
    if (is_int(v) || is_str(v) || !type_of(v)->iter) {
        raise(ts, &exc_TypeError,
              "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return false;
    }
    return bytes_of_iterable(ts, v, kByteRange, out);
}

Value ba_repr(ThreadState& ts, Value self) {
    std::string r;
    {
        ObjectLock g(BA(self));
        r = repr_bytearray(BA(self)->view());
    }
    if (type_of(self) != &bytearray_type)  // a subclass: its own name (bytearray_repr)
        r = std::string(type_name(self)) + r.substr(r.find('('));
    return str_value(ts, r);
}

int64_t ba_len(ThreadState&, Value self) {
    ObjectLock g(BA(self));
    return BA(self)->size;
}

int ba_bool(ThreadState&, Value self) {
    ObjectLock g(BA(self));
    return BA(self)->size != 0;
}

void ba_finalize(Object* o, Heap& h) {
    auto* b = static_cast<ByteArray*>(o);
    if (b->data) h.free_buffer(b->data, size_t(b->capacity));
    b->data = nullptr;
}

bool ba_setitem(ThreadState& ts, Value self, Value key, Value v) {
    ByteArray* b = BA(self);
    Rooted keep(ts, self);
    if (is_type(key, &slice_type)) {
        std::string with;
        if (!v.is_null() && !assigned_bytes(ts, v, &with)) return false;
        ObjectLock g(b);
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, b->size, &start, &stop, &step, &n)) return false;
        if (step == 1) return splice(ts, b, start, start + n, with);
        if (v.is_null() || with.empty()) {  // del b[a:b:c] (or = b""): keep the rest, in order
            if (!resizable(ts, b)) return false;  // even for no bytes, as CPython
            if (step < 0) {  // the same set of indices walked upwards  // the same set of indices
                             // walked upwards
                start += (n - 1) * step;
                step = -step;
            }
            int64_t w = start;
            for (int64_t r = start; r < b->size; ++r)
                if (r >= start + n * step || (r - start) % step != 0) b->data[w++] = b->data[r];
            b->size = w;
            return true;
        }
        if (int64_t(with.size()) != n) {
            g.release();
            raisef(ts, &exc_ValueError,
                   "attempt to assign bytes of size {} to extended slice of size {}", with.size(),
                   n);
            return false;
        }
        for (int64_t i = 0, j = start; i < n; ++i, j += step) b->data[j] = with[size_t(i)];
        return true;
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) {
        if (exc_matches(ts, &exc_TypeError)) {
            clear_exc(ts);
            raisef(ts, &exc_TypeError, "bytearray indices must be integers or slices, not {}",
                   type_name(key));
        }
        return false;
    }
    int byte = 0;
    if (!v.is_null() && !byte_value(ts, v, &byte)) return false;
    ObjectLock g(b);
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
        g.release();
        raise(ts, &exc_IndexError, "bytearray index out of range");
        return false;
    }
    if (v.is_null()) return splice(ts, b, i, i + 1, {});
    b->data[i] = char(byte);
    return true;
}

Value ba_iadd(ThreadState& ts, Value a, Value b) {
    std::string copy;
    std::string_view view;
    if (!read_bytes(b, &copy, &view))
        return raisef(ts, &exc_TypeError, "can't concat {} to bytearray", type_name(b));
    if (copy.data() != view.data()) copy.assign(view);  // b may be a itself
    ObjectLock g(BA(a));
    if (!splice(ts, BA(a), BA(a)->size, BA(a)->size, copy)) return Value::null();
    return a;
}

Value ba_imul(ThreadState& ts, Value a, Value count) {
    if (!is_int(count)) return not_implemented();
    int64_t n;
    if (!index_i64(ts, count, &n, &exc_OverflowError)) return Value::null();
    ByteArray* b = BA(a);
    ObjectLock g(b);
    if (n <= 0 || b->size == 0) {
        if (b->size != 0 && !resizable(ts, b)) return Value::null();
        b->size = 0;
        return a;
    }
    if (n != 1 && !resizable(ts, b)) return Value::null();
    if (n > (int64_t(1) << 40) / b->size || !ts.heap.fits(size_t(b->size * n))) {
        g.release();
        return raise_memory_error(ts);
    }
    const int64_t one = b->size;
    if (!reserve(ts, b, one * n)) return Value::null();
    for (int64_t i = 1; i < n; ++i) std::memcpy(b->data + i * one, b->data, size_t(one));
    b->size = one * n;
    return a;
}

Value ba_new(ThreadState& ts, Type* type, const Value*, size_t, Tuple*) {
    ByteArray* b = ts.heap.make<ByteArray>(type, type->instance_size);
    if (!b) return raise_memory_error(ts);
    return Value::from_ptr(b);
}

bool ba_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    {
        ObjectLock g(BA(self));  // CPython empties it first: refused while exported
        if (BA(self)->size != 0 && !resizable(ts, BA(self))) return false;
    }
    std::string data;
    if (!bytes_from_args(ts, args, nargs, kwnames, "bytearray", &data)) return false;
    ObjectLock g(BA(self));
    return splice(ts, BA(self), 0, BA(self)->size, data);
}

// --- methods -------------------------------------------------------------------------------

Value m_append(ThreadState& ts, const Value* a, size_t, Tuple*) {
    int byte;
    if (!byte_value(ts, a[1], &byte)) return Value::null();
    char c = char(byte);
    ObjectLock g(BA(a[0]));
    if (!splice(ts, BA(a[0]), BA(a[0])->size, BA(a[0])->size, {&c, 1})) return Value::null();
    return Value::none();
}

Value m_extend(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string_view view;
    std::string with;
    if (read_bytes(a[1], &with, &view)) {
        if (with.data() != view.data()) with.assign(view);
    } else {
        if (is_int(a[1]) || !type_of(a[1])->iter)
            return raisef(ts, &exc_TypeError, "can't extend bytearray with {}", type_name(a[1]));
        if (!bytes_of_iterable(ts, a[1], kByteRange, &with)) return Value::null();
    }
    ObjectLock g(BA(a[0]));
    if (!splice(ts, BA(a[0]), BA(a[0])->size, BA(a[0])->size, with)) return Value::null();
    return Value::none();
}

Value m_insert(ThreadState& ts, const Value* a, size_t, Tuple*) {
    int64_t i;
    int byte;
    if (!index_i64(ts, a[1], &i) || !byte_value(ts, a[2], &byte)) return Value::null();
    char c = char(byte);
    ByteArray* b = BA(a[0]);
    ObjectLock g(b);
    if (i < 0) i = std::max<int64_t>(0, i + b->size);  // clamped as list.insert
    i = std::min(i, b->size);
    if (!splice(ts, b, i, i, {&c, 1})) return Value::null();
    return Value::none();
}

Value m_pop(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    int64_t i = -1;
    if (n > 1 && !index_i64(ts, a[1], &i)) return Value::null();
    ByteArray* b = BA(a[0]);
    ObjectLock g(b);
    if (b->size == 0) {
        g.release();
        return raise(ts, &exc_IndexError, "pop from empty bytearray");
    }
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
        g.release();
        return raise(ts, &exc_IndexError, "pop index out of range");
    }
    int byte = static_cast<unsigned char>(b->data[i]);
    if (!splice(ts, b, i, i + 1, {})) return Value::null();  // exported (never allocates)
    return Value::from_small(byte);
}

Value m_remove(ThreadState& ts, const Value* a, size_t, Tuple*) {
    int byte;
    if (!byte_value(ts, a[1], &byte)) return Value::null();
    ByteArray* b = BA(a[0]);
    ObjectLock g(b);
    size_t at = b->view().find(char(byte));
    if (at == std::string_view::npos) {
        g.release();
        return raise(ts, &exc_ValueError, "value not found in bytearray");
    }
    if (!splice(ts, b, int64_t(at), int64_t(at) + 1, {})) return Value::null();
    return Value::none();
}

Value m_clear(ThreadState& ts, const Value* a, size_t, Tuple*) {
    ObjectLock g(BA(a[0]));
    if (BA(a[0])->size != 0 && !resizable(ts, BA(a[0]))) return Value::null();
    BA(a[0])->size = 0;
    return Value::none();
}

Value m_reverse(ThreadState&, const Value* a, size_t, Tuple*) {
    ByteArray* b = BA(a[0]);
    ObjectLock g(b);
    std::reverse(b->data, b->data + b->size);
    return Value::none();
}

Value m_copy(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string copy;
    {
        ObjectLock g(BA(a[0]));
        copy.assign(BA(a[0])->view());
    }
    ByteArray* c = new_bytearray(ts, copy);
    return c ? Value::from_ptr(c) : Value::null();
}

// (type(self), args, the instance __dict__ or None), as CPython 3.11's bytearray
// _common_reduce: args are (the bytes,) from protocol 3 on, (latin-1 text, 'latin-1') below;
// the state is a non-empty instance dict. The bytes are read under the lock of a shared
// bytearray. copy and pickle (of subclasses: the exact type has its own path) use it.
Value common_reduce(ThreadState& ts, Value self, int64_t proto) {
    std::string copy;
    std::string_view data;
    read_bytes(self, &copy, &data);
    Value parts[2] = {Value::null(), Value::null()};
    Rooted k0(ts), k1(ts);
    if (proto < 3) {
        std::string text;  // latin-1: each byte is the code point of the same value
        for (unsigned char c : data) {
            if (c < 0x80) {
                text += char(c);
            } else {
                text += char(0xC0 | (c >> 6));
                text += char(0x80 | (c & 0x3F));
            }
        }
        k0 = parts[0] = str_value(ts, text);
        k1 = parts[1] = str_value(ts, "latin-1");
        if (parts[0].is_null() || parts[1].is_null()) return Value::null();
    } else {
        Bytes* b = new_bytes(ts, data);
        if (!b) return Value::null();
        k0 = parts[0] = Value::from_ptr(b);
    }
    Tuple* args = new_tuple_from(ts, parts, proto < 3 ? 2 : 1);
    if (!args) return Value::null();
    Rooted ka(ts, Value::from_ptr(args));
    Value state = Value::none();  // object.__getstate__'s: a non-empty instance dict
    if (Dict** slot = instance_dict_slot(self); slot && *slot && (*slot)->used > 0)
        state = Value::from_ptr(*slot);
    Value r[3] = {Value::from_ptr(type_of(self)), Value::from_ptr(args), state};
    Tuple* t = new_tuple_from(ts, r, 3);
    return t ? Value::from_ptr(t) : Value::null();
}
Value m_reduce(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return common_reduce(ts, a[0], 2);
}
Value m_reduce_ex(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    int64_t proto = 0;
    if (n > 1 && !index_i64(ts, a[1], &proto)) return Value::null();
    return common_reduce(ts, a[0], proto);
}

const MethodDef kByteArrayMethods[] = {
    {"append", m_append, kMethO},          {"extend", m_extend, kMethO},
    {"insert", m_insert, meth_pos(2, 2)},  {"pop", m_pop, meth_pos(0, 1)},
    {"remove", m_remove, kMethO},          {"clear", m_clear, kMethNoArgs},
    {"reverse", m_reverse, kMethNoArgs},   {"copy", m_copy, kMethNoArgs},
    {"__reduce__", m_reduce, kMethNoArgs}, {"__reduce_ex__", m_reduce_ex, meth_pos(0, 1)},
};

}  // namespace

ByteArray* new_bytearray(ThreadState& ts, std::string_view data) {
    ByteArray* b = ts.heap.make<ByteArray>(&bytearray_type, sizeof(ByteArray));
    if (!b) {
        raise_memory_error(ts);
        return nullptr;
    }
    if (!splice(ts, b, 0, 0, data)) return nullptr;
    return b;
}

namespace {
bool is_bytearray_type(Type* t) {
    return t == &bytearray_type || is_subtype(t, &bytearray_type);
}
}  // namespace

bool bytes_like(Value v, std::string_view* out) {
    if (!v.is_ptr()) return false;
    Type* t = type_of(v);
    if (t->tflags & kTypeBytesSub) {
        *out = v.as<Bytes>()->view();
        return true;
    }
    if (is_bytearray_type(t)) {
        *out = v.as<ByteArray>()->view();
        return true;
    }
    return false;
}

bool bytes_from_dunder(ThreadState& ts, Value v, std::string* out, bool* missing) {
    *missing = false;
    Value f = type_lookup(type_of(v), names.__bytes__);
    if (f.is_null()) {
        *missing = true;
        return false;
    }
    Value r = call1(ts, f, v);
    if (r.is_null()) return false;
    if (!is_bytes(r)) {
        raisef(ts, &exc_TypeError, "__bytes__ returned non-bytes (type {})", type_name(r));
        return false;
    }
    out->assign(r.as<Bytes>()->view());
    return true;
}

bool read_bytes(Value v, std::string* copy, std::string_view* out) {
    if (v.is_ptr() && is_type(v, &memoryview_type)) {  // a view's bytes, copied
        if (!memoryview_bytes(v, copy)) return false;
        *out = *copy;
        return true;
    }
    // A shared bytearray's data and size are read only under its lock (bytes_like reads them).
    if (!v.is_ptr() || is_bytes(v) ||
        !(v.as_ptr()->lock.load(std::memory_order_relaxed) & kObjLockable))
        return bytes_like(v, out);
    if (!is_bytearray_type(type_of(v))) return false;
    ObjectLock g(v.as_ptr());
    copy->assign(BA(v)->view());
    *out = *copy;
    return true;
}

Value new_bytes_like(ThreadState& ts, Value like, std::string_view data) {
    if (like.is_ptr() && is_subtype(type_of(like), &bytearray_type)) {
        ByteArray* b = new_bytearray(ts, data);
        return b ? Value::from_ptr(b) : Value::null();
    }
    Bytes* b = new_bytes(ts, data);
    return b ? Value::from_ptr(b) : Value::null();
}

bool bytes_from_args(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames,
                     const char* name, std::string* out) {
    Value slot[3] = {Value::null(), Value::null(), Value::null()};  // source, encoding, errors
    const size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    const size_t npos = nargs - nkw;
    if (nargs > 3) {
        raisef(ts, &exc_TypeError, "{}() takes at most 3 arguments ({} given)", name, nargs);
        return false;
    }
    for (size_t i = 0; i < npos; ++i) slot[i] = args[i];
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kwnames->items[i]);
        int at = k == "source" ? 0 : k == "encoding" ? 1 : k == "errors" ? 2 : -1;
        if (at < 0) {
            raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for {}()", k, name);
            return false;
        }
        if (!slot[at].is_null()) {
            raisef(ts, &exc_TypeError, "argument for {}() given by name ('{}') and position ({})",
                   name, k, at + 1);
            return false;
        }
        slot[at] = args[npos + i];
    }
    for (int i = 1; i < 3; ++i)
        if (!slot[i].is_null() && !is_str(slot[i])) {
            raisef(ts, &exc_TypeError, "{}() argument '{}' must be str, not {}", name,
                   i == 1 ? "encoding" : "errors", type_name(slot[i]));
            return false;
        }
    Value x = slot[0];
    if (x.is_null() || !is_str(x)) {
        if (!slot[1].is_null() || !slot[2].is_null()) {
            raise(ts, &exc_TypeError,
                  slot[1].is_null() ? "errors without a string argument"
                                    : "encoding without a string argument");
            return false;
        }
        if (x.is_null()) return true;
    }
    // bytes(x) asks x.__bytes__ first (bytes_new); bytearray(x) does not.
    if (std::string_view(name) == "bytes" && !is_str(x) && !is_type(x, &bytes_type)) {
        bool missing = false;
        if (bytes_from_dunder(ts, x, out, &missing)) return true;
        if (!missing) return false;
    }
    if (is_str(x)) {
        if (slot[1].is_null()) {
            raise(ts, &exc_TypeError, "string argument without an encoding");
            return false;
        }
        Value enc_args[3] = {x, slot[1], slot[2].is_null() ? str_value(ts, "strict") : slot[2]};
        Rooted encoded(ts, str_encode_method(ts, enc_args, 3, nullptr));
        if (encoded.get().is_null()) return false;
        out->assign(encoded.get().as<Bytes>()->view());
        return true;
    }
    if (is_int(x)) {
        int64_t n;
        if (!index_i64(ts, x, &n, &exc_OverflowError)) return false;
        if (n < 0) {
            raise(ts, &exc_ValueError, "negative count");
            return false;
        }
        if (!ts.heap.fits(size_t(n))) {
            raise_memory_error(ts);
            return false;
        }
        out->assign(size_t(n), '\0');
        return true;
    }
    std::string_view view;
    if (read_bytes(x, out, &view)) {
        if (out->data() != view.data()) out->assign(view);
        return true;
    }
    if (!type_of(x)->iter) {
        raisef(ts, &exc_TypeError, "cannot convert '{}' object to {}", type_name(x), name);
        return false;
    }
    return bytes_of_iterable(
        ts, x, std::string_view(name) == "bytes" ? "bytes must be in range(0, 256)" : kByteRange,
        out);
}

void share_bytes_slots(Type& t);  // bytes.cpp

void setup_bytearray_type(TypeBuilder& b) {
    b.init(bytearray_type, "bytearray", nullptr, sizeof(ByteArray), kTypeBaseType);
    share_bytes_slots(bytearray_type);
    bytearray_type.repr = ba_repr;
    bytearray_type.len = ba_len;
    bytearray_type.bool_ = ba_bool;
    bytearray_type.hash = hash_not_implemented;
    bytearray_type.setitem = ba_setitem;
    bytearray_type.new_ = ba_new;
    bytearray_type.init = ba_init;
    bytearray_type.finalize = ba_finalize;
    bytearray_type.num.inplace[int(BinaryOp::add)] = ba_iadd;
    bytearray_type.num.inplace[int(BinaryOp::mul)] = ba_imul;
    b.methods(bytearray_type, kByteArrayMethods);
}

}  // namespace interleave::python
