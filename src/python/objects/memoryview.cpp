// memoryview, as CPython 3.11's Objects/memoryobject.c for one-dimensional byte views (format
// 'B') of bytes and bytearray, with its messages.
//   ✓ memoryview(obj): len, indexing (ints), slicing (a view of the same memory, steps too),
//     item and slice assignment through a view of a bytearray, tobytes, tolist, hex, release,
//     `with`, readonly, nbytes, format, itemsize, ndim, shape, strides, obj, c_contiguous,
//     contiguous, == with bytes-like objects and views, hash of a read-only view, iteration;
//     bytes(view), bytearray(view), b"".join and the bytes methods read it as a buffer
//   ✗ no cast(), no formats other than 'B', no multi-dimensional views, no toreadonly();
//     array/struct/ctypes exporters do not exist; a bytearray with views can still be resized
//     (CPython: BufferError "Existing exports of data"): a view then sees the new bytes, and an
//     access past the bytearray's end raises IndexError
//
// Thread-safety: a view of a bytearray shared by free-threaded threads reads and writes it
// under the bytearray's lock (obj_lock.hpp), bounds checked there, so a racing resize never
// reads or writes outside the buffer.
#include <fmt/format.h>

#include "python/objects/memoryview.hpp"

#include "python/objects/api.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/objects/types.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Type memoryview_type;

namespace {

struct MemoryView : Object {
    Value obj;          // the exporter: bytes or bytearray
    int64_t start = 0;  // byte offset of item 0 in obj
    int64_t len = 0;    // items
    int64_t step = 1;   // bytes from one item to the next (negative: reversed)
    bool released = false;
    bool readonly = true;
};

MemoryView* MV(Value v) {
    return v.as<MemoryView>();
}

void mv_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<MemoryView*>(o)->obj);
}

bool check_released(ThreadState& ts, const MemoryView* m) {
    if (!m->released) return true;
    raise(ts, &exc_ValueError, "operation forbidden on released memoryview object");
    return false;
}

// The exporter's bytes and size; for a bytearray only while `g` holds its lock.
std::string_view exporter_view(const MemoryView* m) {
    if (is_type(m->obj, &bytes_type)) return m->obj.as<Bytes>()->view();
    return m->obj.as<ByteArray>()->view();
}

bool in_bounds(const MemoryView* m, size_t size) {
    if (m->len == 0) return true;
    const int64_t last = m->start + (m->len - 1) * m->step;
    return m->start >= 0 && m->start < int64_t(size) && last >= 0 && last < int64_t(size);
}

// Copies the view's bytes out (under the bytearray's lock). false: the bytearray shrank.
bool copy_out(const MemoryView* m, std::string* out) {
    ObjectLock g(m->obj.as_ptr());
    std::string_view data = exporter_view(m);
    if (!in_bounds(m, data.size())) return false;
    out->resize(size_t(m->len));
    for (int64_t i = 0; i < m->len; ++i) (*out)[size_t(i)] = data[size_t(m->start + i * m->step)];
    return true;
}

bool read_view(ThreadState& ts, const MemoryView* m, std::string* out) {
    if (!check_released(ts, m)) return false;
    if (copy_out(m, out)) return true;
    raise(ts, &exc_IndexError, "memoryview: the bytearray was resized under the view");
    return false;
}

MemoryView* new_view(ThreadState& ts, Value obj, int64_t start, int64_t len, int64_t step,
                     bool readonly) {
    Rooted keep(ts, obj);
    MemoryView* m = ts.heap.make<MemoryView>(&memoryview_type, sizeof(MemoryView));
    if (!m) {
        raise_memory_error(ts);
        return nullptr;
    }
    m->obj = obj;
    m->start = start;
    m->len = len;
    m->step = step;
    m->readonly = readonly;
    return m;
}

Value mv_new(ThreadState& ts, Type*, const Value* a, size_t n, Tuple* kw) {
    const size_t nkw = kw ? size_t(kw->size) : 0;
    Value obj = n - nkw >= 1 ? a[0] : Value::null();
    if (n > 1)
        return raisef(ts, &exc_TypeError, "memoryview() takes at most 1 argument ({} given)", n);
    size_t unknown = nkw;  // as the clinic parser: a missing argument is reported first
    for (size_t i = 0; i < nkw; ++i) {
        if (str_view(kw->items[i]) == "object")
            obj = a[n - nkw + i];
        else if (unknown == nkw)
            unknown = i;
    }
    if (obj.is_null())
        return raise(ts, &exc_TypeError, "memoryview() missing required argument 'object' (pos 1)");
    if (unknown < nkw)
        return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for memoryview()",
                      str_view(kw->items[unknown]));
    if (is_type(obj, &memoryview_type)) {
        const MemoryView* o = MV(obj);
        if (!check_released(ts, o)) return Value::null();
        MemoryView* m = new_view(ts, o->obj, o->start, o->len, o->step, o->readonly);
        return m ? Value::from_ptr(m) : Value::null();
    }
    const bool is_bytes = is_type(obj, &bytes_type);
    if (!is_bytes && !is_subtype(type_of(obj), &bytearray_type))
        return raisef(ts, &exc_TypeError, "memoryview: a bytes-like object is required, not '{}'",
                      type_name(obj));
    int64_t len;
    {
        ObjectLock g(obj.as_ptr());
        len = is_bytes ? obj.as<Bytes>()->size : obj.as<ByteArray>()->size;
    }
    MemoryView* m = new_view(ts, obj, 0, len, 1, is_bytes);
    return m ? Value::from_ptr(m) : Value::null();
}

Value mv_repr(ThreadState& ts, Value self) {
    return str_value(ts, fmt::format("<{}memory at {:#x}>", MV(self)->released ? "released " : "",
                                     object_id(self)));
}

int64_t mv_len(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? MV(self)->len : -1;
}

// The index of item `key` (an int), or -1 with IndexError/TypeError raised.
int64_t item_index(ThreadState& ts, const MemoryView* m, Value key) {
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) return -1;
    if (i < 0) i += m->len;
    if (i < 0 || i >= m->len) {
        raise(ts, &exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    return i;
}

Value mv_getitem(ThreadState& ts, Value self, Value key) {
    const MemoryView* m = MV(self);
    if (!check_released(ts, m)) return Value::null();
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, count;
        if (!slice_indices(ts, key, m->len, &start, &stop, &step, &count)) return Value::null();
        MemoryView* v =
            new_view(ts, m->obj, m->start + start * m->step, count, step * m->step, m->readonly);
        return v ? Value::from_ptr(v) : Value::null();
    }
    if (!type_of(key)->num.index && !is_int(key))
        return raise(ts, &exc_TypeError, "memoryview: invalid slice key");
    const int64_t i = item_index(ts, m, key);
    if (i < 0) return Value::null();
    ObjectLock g(m->obj.as_ptr());
    std::string_view data = exporter_view(m);
    const int64_t at = m->start + i * m->step;
    if (at >= int64_t(data.size())) {
        g.release();
        return raise(ts, &exc_IndexError, "memoryview: the bytearray was resized under the view");
    }
    return Value::from_small(static_cast<unsigned char>(data[size_t(at)]));
}

bool mv_setitem(ThreadState& ts, Value self, Value key, Value v) {
    const MemoryView* m = MV(self);
    if (!check_released(ts, m)) return false;
    if (m->readonly) return raise(ts, &exc_TypeError, "cannot modify read-only memory"), false;
    if (v.is_null()) return raise(ts, &exc_TypeError, "cannot delete memory"), false;
    int64_t first, count, step;
    std::string bytes;
    if (is_type(key, &slice_type)) {
        int64_t start, stop, sstep;
        if (!slice_indices(ts, key, m->len, &start, &stop, &sstep, &count)) return false;
        std::string copy;
        std::string_view src;
        if (!read_bytes(v, &copy, &src)) {
            raisef(ts, &exc_TypeError, "a bytes-like object is required, not '{}'", type_name(v));
            return false;
        }
        if (int64_t(src.size()) != count) {
            raise(ts, &exc_ValueError,
                  "memoryview assignment: lvalue and rvalue have different structures");
            return false;
        }
        bytes.assign(src);
        first = m->start + start * m->step;
        step = sstep * m->step;
    } else {
        if (!type_of(key)->num.index && !is_int(key))
            return raise(ts, &exc_TypeError, "memoryview: invalid slice key"), false;
        const int64_t i = item_index(ts, m, key);
        if (i < 0) return false;
        if (!is_int(v))
            return raisef(ts, &exc_TypeError, "memoryview: invalid type for format 'B'"), false;
        int64_t x;
        if (!int_to_i64(ts, v, &x) || x < 0 || x > 255) {
            clear_exc(ts);
            return raise(ts, &exc_ValueError, "memoryview: invalid value for format 'B'"), false;
        }
        bytes.assign(1, char(x));
        first = m->start + i * m->step;
        count = 1;
        step = 1;
    }
    ByteArray* ba = m->obj.as<ByteArray>();
    ObjectLock g(ba);
    const int64_t last = first + (count - 1) * step;
    if (count > 0 && (first >= ba->size || last >= ba->size || last < 0)) {
        g.release();
        raise(ts, &exc_IndexError, "memoryview: the bytearray was resized under the view");
        return false;
    }
    for (int64_t i = 0; i < count; ++i) ba->data[first + i * step] = bytes[size_t(i)];
    return true;
}

Value mv_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (op != CompareOp::eq && op != CompareOp::ne) return not_implemented();
    if (MV(a)->released || (is_type(b, &memoryview_type) && MV(b)->released))
        return Value::boolean((a == b) == (op == CompareOp::eq));
    std::string x, cy;
    std::string_view y;
    if (!read_view(ts, MV(a), &x)) return Value::null();
    if (!read_bytes(b, &cy, &y)) return not_implemented();
    return Value::boolean((x == y) == (op == CompareOp::eq));
}

bool mv_hash(ThreadState& ts, Value self, int64_t* out) {
    const MemoryView* m = MV(self);
    if (!check_released(ts, m)) return false;
    if (!m->readonly)
        return raise(ts, &exc_ValueError, "cannot hash writable memoryview object"), false;
    std::string data;
    if (!read_view(ts, m, &data)) return false;
    Bytes* b = new_bytes(ts, data);
    if (!b) return false;
    return hash(ts, Value::from_ptr(b), out);  // as CPython: the hash of the bytes
}

Value m_tobytes(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string data;
    if (!read_view(ts, MV(a[0]), &data)) return Value::null();
    Bytes* b = new_bytes(ts, data);
    return b ? Value::from_ptr(b) : Value::null();
}

Value m_tolist(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string data;
    if (!read_view(ts, MV(a[0]), &data)) return Value::null();
    List* l = new_list(ts, int64_t(data.size()));
    if (!l) return Value::null();
    for (size_t i = 0; i < data.size(); ++i)
        l->items[i] = Value::from_small(static_cast<unsigned char>(data[i]));
    return Value::from_ptr(l);
}

Value m_hex(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string data;
    if (!read_view(ts, MV(a[0]), &data)) return Value::null();
    std::string out;
    out.reserve(data.size() * 2);
    for (unsigned char c : data) out += fmt::format("{:02x}", c);
    return str_value(ts, out);
}

Value m_iter(ThreadState& ts, Value self) {
    Value l = m_tolist(ts, &self, 1, nullptr);
    if (l.is_null()) return l;
    Rooted keep(ts, l);
    return new_seq_iter(ts, &list_iter_type, l);
}

Value m_release(ThreadState&, const Value* a, size_t, Tuple*) {
    MV(a[0])->released = true;
    return Value::none();
}

Value m_enter(ThreadState& ts, const Value* a, size_t, Tuple*) {
    if (!check_released(ts, MV(a[0]))) return Value::null();
    return a[0];
}

Value m_exit(ThreadState&, const Value* a, size_t, Tuple*) {
    MV(a[0])->released = true;
    return Value::none();
}

Value g_obj(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? MV(self)->obj : Value::null();
}
Value g_nbytes(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? Value::from_small(MV(self)->len) : Value::null();
}
Value g_readonly(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? Value::boolean(MV(self)->readonly) : Value::null();
}
Value g_itemsize(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? Value::from_small(1) : Value::null();
}
Value g_format(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? str_value(ts, "B") : Value::null();
}
Value g_ndim(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? Value::from_small(1) : Value::null();
}
Value one_tuple(ThreadState& ts, Value self, int64_t v) {
    if (!check_released(ts, MV(self))) return Value::null();
    Tuple* t = new_tuple(ts, 1);
    if (!t) return Value::null();
    t->items[0] = Value::from_small(v);
    return Value::from_ptr(t);
}
Value g_shape(ThreadState& ts, Value self) {
    return one_tuple(ts, self, MV(self)->len);
}
Value g_strides(ThreadState& ts, Value self) {
    return one_tuple(ts, self, MV(self)->step);
}
Value g_contiguous(ThreadState& ts, Value self) {
    const MemoryView* m = MV(self);
    return check_released(ts, m) ? Value::boolean(m->step == 1 || m->len <= 1) : Value::null();
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes", m_tobytes, kMethNoArgs}, {"tolist", m_tolist, kMethNoArgs},
    {"hex", m_hex, kMethNoArgs},         {"release", m_release, kMethNoArgs},
    {"__enter__", m_enter, kMethNoArgs}, {"__exit__", m_exit},
};
const GetSetDef kMemoryViewGetSets[] = {
    {"obj", g_obj},
    {"nbytes", g_nbytes},
    {"readonly", g_readonly},
    {"itemsize", g_itemsize},
    {"format", g_format},
    {"ndim", g_ndim},
    {"shape", g_shape},
    {"strides", g_strides},
    {"c_contiguous", g_contiguous},
    {"contiguous", g_contiguous},
};

}  // namespace

bool memoryview_bytes(Value v, std::string* out) {
    if (!is_type(v, &memoryview_type) || MV(v)->released) return false;
    return copy_out(MV(v), out);
}

void setup_memoryview_type(TypeBuilder& b) {
    b.init(memoryview_type, "memoryview", nullptr, sizeof(MemoryView), 0);
    memoryview_type.new_ = mv_new;
    memoryview_type.repr = mv_repr;
    memoryview_type.len = mv_len;
    memoryview_type.getitem = mv_getitem;
    memoryview_type.setitem = mv_setitem;
    memoryview_type.richcompare = mv_richcompare;
    memoryview_type.hash = mv_hash;
    memoryview_type.iter = m_iter;
    memoryview_type.trace = mv_trace;
    b.methods(memoryview_type, kMemoryViewMethods);
    b.getsets(memoryview_type, kMemoryViewGetSets);
}

}  // namespace interleave::python
