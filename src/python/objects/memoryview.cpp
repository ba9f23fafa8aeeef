// memoryview, as CPython 3.11's Objects/memoryobject.c for one-dimensional views of bytes and
// bytearray, with its messages.
//   ✓ memoryview(obj): len, indexing, slicing (a view of the same memory, steps too), item and
//     slice assignment through a view of a bytearray, tobytes, tolist, hex, release, `with`,
//     toreadonly, cast(format[, shape]) to any native single-character format and back
//     (memoryview_format.hpp), readonly, nbytes, format, itemsize, ndim, shape, strides, obj,
//     c_contiguous, contiguous, == with bytes-like objects and views (item by item across
//     formats), hash of a read-only byte-format view, iteration (memory_iterator: items read
//     as it goes); bytes(view), bytearray(view), b"".join and the bytes methods read it as a
//     buffer
//   ✓ exports: while a view of a bytearray is unreleased the bytearray cannot be resized
//     (BufferError, bytearray.cpp). A view used once in its expression (memoryview(b)[i],
//     memoryview(b)[i] = v) gives its export back right there, as CPython's refcounting frees
//     it (the eval loop, ThreadState::temp_view): no cost. Any other view nobody refers to any
//     more is released at the next collection, and a resize that meets exports runs one
//     collection before it refuses (bytearray.cpp's resizable()). Cost: that collection is a
//     full one, ~0.5 ms with 200k live objects (measured natively: tests/bench/python's
//     mv_named_resize, `m = memoryview(b); m[0]; del m; b.append(x)` 500 times: 0.26 s of CPU,
//     CPython none; mv_temp_resize, 2000 x `memoryview(b)[0]; b.append(x)`: 0.93 s before the
//     temporaries were dropped, 0.01 s after). Free-threaded with several threads alive no
//     collection runs, so such a resize raises BufferError until one does
//   ✗ no multi-dimensional views (cast with a shape of more than one dimension raises
//     NotImplementedError), no formats beyond native single characters ('e', '<i', 'ii');
//     array/struct/ctypes exporters do not exist
//
// Thread-safety: a view of a bytearray shared by free-threaded threads reads and writes it
// under the bytearray's lock (obj_lock.hpp), bounds checked there, so a racing resize never
// reads or writes outside the buffer.
#include <fmt/format.h>

#include "python/objects/memoryview.hpp"

#include <cstring>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/memoryview_format.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/objects/types.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Type memoryview_type;

namespace {

Type memory_iter_type;  // not a builtin name: type(iter(view)) only

struct MemoryView : Object {
    Value obj;          // the exporter: bytes or bytearray
    int64_t start = 0;  // byte offset of item 0 in obj
    int64_t len = 0;    // items
    int64_t step = 1;   // bytes from one item to the next (negative: reversed)
    int64_t itemsize = 1;
    char format[3] = {'B', 0, 0};  // a native single-character format, maybe '@'-prefixed
    bool released = false;
    bool readonly = true;
    bool exporting = false;  // holds one of the bytearray's exports (ByteArray::exports)
};

MemoryView* MV(Value v) {
    return v.as<MemoryView>();
}

void mv_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<MemoryView*>(o)->obj);
}

std::string_view format_of(const MemoryView* m) {
    return m->format;
}

// Gives the view's export back (release(), `with`, or unreachable at a collection: then the
// world is stopped and no lock is needed).
void drop_export(MemoryView* m, bool locked) {
    if (!m->exporting) return;
    m->exporting = false;
    ByteArray* b = m->obj.as<ByteArray>();
    if (!locked) {
        --b->exports;
        return;
    }
    ObjectLock g(b);
    --b->exports;
}

void release_unreachable(Object* o) {
    drop_export(static_cast<MemoryView*>(o), false);
}

bool check_released(ThreadState& ts, const MemoryView* m) {
    if (!m->released) return true;
    raise(ts, &exc_ValueError, "operation forbidden on released memoryview object");
    return false;
}

// The exporter's bytes and size; for a bytearray only while `g` holds its lock.
std::string_view exporter_view(const MemoryView* m) {
    if (is_bytes(m->obj)) return m->obj.as<Bytes>()->view();
    return m->obj.as<ByteArray>()->view();
}

bool in_bounds(const MemoryView* m, size_t size) {
    if (m->len == 0) return true;
    const int64_t last = m->start + (m->len - 1) * m->step;
    const int64_t lo = std::min(m->start, last), hi = std::max(m->start, last) + m->itemsize;
    return lo >= 0 && hi <= int64_t(size);
}

// Copies the view's bytes out (under the bytearray's lock). false: the bytearray shrank (a
// guard: exports keep a viewed bytearray from being resized).
bool copy_out(const MemoryView* m, std::string* out) {
    ObjectLock g(m->obj.as_ptr());
    std::string_view data = exporter_view(m);
    if (!in_bounds(m, data.size())) return false;
    const size_t n = size_t(m->itemsize);
    out->resize(size_t(m->len) * n);
    for (int64_t i = 0; i < m->len; ++i)
        std::memcpy(out->data() + size_t(i) * n, data.data() + m->start + i * m->step, n);
    return true;
}

bool read_view(ThreadState& ts, const MemoryView* m, std::string* out) {
    if (!check_released(ts, m)) return false;
    if (copy_out(m, out)) return true;
    raise(ts, &exc_IndexError, "memoryview: the bytearray was resized under the view");
    return false;
}

// Items of `code` packed in `data`, as Python values (tolist, iteration, == across formats).
bool unpack_data(ThreadState& ts, std::string_view data, char code, RootedVector& items) {
    const size_t n = size_t(native_item_size(std::string_view(&code, 1)));
    items.v.reserve(data.size() / n);
    for (size_t at = 0; at < data.size(); at += n) {
        Value v = unpack_item(ts, code, data.data() + at);
        if (v.is_null()) return false;
        items.v.push_back(v);
    }
    return true;
}

// A view of obj's memory with `like`'s format (a byte view when null). A view of a bytearray
// takes one of its exports (as mbuf_add_view: every view of it counts, slices and casts too).
// len < 0: a view of all of obj, its size read under the lock that takes the export, so a
// free-threaded resize cannot come between the two (the view would then be longer or shorter
// than the bytearray it keeps from resizing).
MemoryView* new_view(ThreadState& ts, Value obj, int64_t start, int64_t len, int64_t step,
                     bool readonly, const MemoryView* like = nullptr) {
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
    if (like) {
        m->itemsize = like->itemsize;
        std::memcpy(m->format, like->format, sizeof m->format);
    }
    if (is_bytes(obj)) {
        if (len < 0) m->len = obj.as<Bytes>()->size;
    } else {
        {
            ObjectLock g(obj.as_ptr());
            ++obj.as<ByteArray>()->exports;
            if (len < 0) m->len = obj.as<ByteArray>()->size;
        }
        m->exporting = true;
        ts.heap.watch_export(m, release_unreachable);
    }
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
        MemoryView* m = new_view(ts, o->obj, o->start, o->len, o->step, o->readonly, o);
        return m ? Value::from_ptr(m) : Value::null();
    }
    const bool of_bytes = is_bytes(obj);
    if (!of_bytes && !is_subtype(type_of(obj), &bytearray_type))
        return raisef(ts, &exc_TypeError, "memoryview: a bytes-like object is required, not '{}'",
                      type_name(obj));
    MemoryView* m = new_view(ts, obj, 0, -1, 1, of_bytes);
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
            new_view(ts, m->obj, m->start + start * m->step, count, step * m->step, m->readonly, m);
        return v ? Value::from_ptr(v) : Value::null();
    }
    if (!type_of(key)->num.index && !is_int(key))
        return raise(ts, &exc_TypeError, "memoryview: invalid slice key");
    const int64_t i = item_index(ts, m, key);
    if (i < 0) return Value::null();
    char item[8];
    {
        ObjectLock g(m->obj.as_ptr());
        std::string_view data = exporter_view(m);
        const int64_t at = m->start + i * m->step;
        if (at + m->itemsize > int64_t(data.size())) {
            g.release();
            return raise(ts, &exc_IndexError,
                         "memoryview: the bytearray was resized under the view");
        }
        std::memcpy(item, data.data() + at, size_t(m->itemsize));
    }
    return unpack_item(ts, format_code(format_of(m)), item);
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
        // The right side must have the same structure: its format and its item count.
        char code = 'B';
        int64_t items;
        if (is_type(v, &memoryview_type)) {
            if (!read_view(ts, MV(v), &bytes)) return false;
            code = format_code(format_of(MV(v)));
            items = MV(v)->len;
        } else {
            std::string_view src;
            if (!read_bytes(v, &bytes, &src)) {
                raisef(ts, &exc_TypeError, "a bytes-like object is required, not '{}'",
                       type_name(v));
                return false;
            }
            if (bytes.data() != src.data()) bytes.assign(src);
            items = int64_t(bytes.size());
        }
        if (code != format_code(format_of(m)) || items != count) {
            raise(ts, &exc_ValueError,
                  "memoryview assignment: lvalue and rvalue have different structures");
            return false;
        }
        first = m->start + start * m->step;
        step = sstep * m->step;
    } else {
        if (!type_of(key)->num.index && !is_int(key))
            return raise(ts, &exc_TypeError, "memoryview: invalid slice key"), false;
        const int64_t i = item_index(ts, m, key);
        if (i < 0) return false;
        bytes.resize(size_t(m->itemsize));
        if (!pack_item(ts, format_of(m), v, bytes.data())) return false;
        first = m->start + i * m->step;
        count = 1;
        step = m->step;
    }
    ByteArray* ba = m->obj.as<ByteArray>();
    ObjectLock g(ba);
    const int64_t last = first + (count - 1) * step;
    if (count > 0 &&
        (std::max(first, last) + m->itemsize > ba->size || std::min(first, last) < 0)) {
        g.release();
        raise(ts, &exc_IndexError, "memoryview: the bytearray was resized under the view");
        return false;
    }
    const size_t n = size_t(m->itemsize);
    for (int64_t i = 0; i < count; ++i)
        std::memcpy(ba->data + first + i * step, bytes.data() + size_t(i) * n, n);
    return true;
}

Value mv_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (op != CompareOp::eq && op != CompareOp::ne) return not_implemented();
    if (MV(a)->released || (is_type(b, &memoryview_type) && MV(b)->released))
        return Value::boolean((a == b) == (op == CompareOp::eq));
    // Equal: the same shape and equal items, unpacked when the formats differ (b"a" == 97
    // is False, so a 'c' view never equals a 'B' one) or hold floats (nan != nan).
    std::string x, y;
    if (!read_view(ts, MV(a), &x)) return Value::null();
    const char xc = format_code(format_of(MV(a)));
    char yc = 'B';
    int64_t yn;
    if (is_type(b, &memoryview_type)) {
        if (!read_view(ts, MV(b), &y)) return Value::null();
        yc = format_code(format_of(MV(b)));
        yn = MV(b)->len;
    } else {
        std::string_view view;
        if (!read_bytes(b, &y, &view)) return not_implemented();
        if (y.data() != view.data()) y.assign(view);
        yn = int64_t(y.size());
    }
    bool eq;
    if (MV(a)->len != yn) {
        eq = false;
    } else if (xc == yc && xc != 'f' && xc != 'd') {
        eq = x == y;
    } else {
        RootedVector xs(ts), ys(ts);
        if (!unpack_data(ts, x, xc, xs) || !unpack_data(ts, y, yc, ys)) return Value::null();
        eq = true;
        for (size_t i = 0; eq && i < xs.v.size(); ++i) {
            // no identity shortcut (equal() has one): items are unpacked afresh, nan != nan
            Value c = richcompare(ts, xs.v[i], ys.v[i], CompareOp::eq);
            const int r = c.is_null() ? -1 : truthy(ts, c);
            if (r < 0) return Value::null();
            eq = r == 1;
        }
    }
    return Value::boolean(eq == (op == CompareOp::eq));
}

bool mv_hash(ThreadState& ts, Value self, int64_t* out) {
    const MemoryView* m = MV(self);
    if (!check_released(ts, m)) return false;
    if (!m->readonly)
        return raise(ts, &exc_ValueError, "cannot hash writable memoryview object"), false;
    if (!is_byte_format(format_code(format_of(m))))
        return raise(ts, &exc_ValueError,
                     "memoryview: hashing is restricted to formats 'B', 'b' or 'c'"),
               false;
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
    RootedVector items(ts);
    if (!unpack_data(ts, data, format_code(format_of(MV(a[0]))), items)) return Value::null();
    List* l = new_list_from(ts, items.v.data(), int64_t(items.v.size()));
    return l ? Value::from_ptr(l) : Value::null();
}

Value m_hex(ThreadState& ts, const Value* a, size_t, Tuple*) {
    std::string data;
    if (!read_view(ts, MV(a[0]), &data)) return Value::null();
    std::string out;
    out.reserve(data.size() * 2);
    for (unsigned char c : data) out += fmt::format("{:02x}", c);
    return str_value(ts, out);
}

// memory_iterator (CPython 3.11's memory_iter): reads each item from the view as it goes, so
// a write to the exporter during the loop is seen; the length is the view's at iter().
Value m_iter(ThreadState& ts, Value self) {
    if (!check_released(ts, MV(self))) return Value::null();
    Value it = new_seq_iter(ts, &memory_iter_type, self);
    if (!it.is_null()) it.as<SeqIter>()->end = MV(self)->len;
    return it;
}

Value mi_next(ThreadState& ts, Value self) {
    SeqIter* it = self.as<SeqIter>();
    if (it->seq.is_null()) return Value::null();
    if (it->index < it->end) return mv_getitem(ts, it->seq, Value::from_small(it->index++));
    it->seq = Value::null();
    return Value::null();
}

Value mi_self(ThreadState&, Value self) {
    return self;
}

void mi_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<SeqIter*>(o)->seq);
}

Value m_release(ThreadState&, const Value* a, size_t, Tuple*) {
    drop_export(MV(a[0]), true);
    MV(a[0])->released = true;
    return Value::none();
}

Value m_toreadonly(ThreadState& ts, const Value* a, size_t, Tuple*) {
    const MemoryView* m = MV(a[0]);
    if (!check_released(ts, m)) return Value::null();
    MemoryView* v = new_view(ts, m->obj, m->start, m->len, m->step, true, m);
    return v ? Value::from_ptr(v) : Value::null();
}

Value m_enter(ThreadState& ts, const Value* a, size_t, Tuple*) {
    if (!check_released(ts, MV(a[0]))) return Value::null();
    return a[0];
}

Value m_exit(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return m_release(ts, a, 1, nullptr);
}

Value g_obj(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? MV(self)->obj : Value::null();
}
Value g_nbytes(ThreadState& ts, Value self) {
    const MemoryView* m = MV(self);
    return check_released(ts, m) ? Value::from_small(m->len * m->itemsize) : Value::null();
}
Value g_readonly(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? Value::boolean(MV(self)->readonly) : Value::null();
}
Value g_itemsize(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? Value::from_small(MV(self)->itemsize) : Value::null();
}
Value g_format(ThreadState& ts, Value self) {
    return check_released(ts, MV(self)) ? str_value(ts, format_of(MV(self))) : Value::null();
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
    return check_released(ts, m) ? Value::boolean(m->step == m->itemsize || m->len <= 1)
                                 : Value::null();
}

// The item count a cast's `shape` asks for (one dimension), or -1 with CPython's error.
int64_t cast_shape(ThreadState& ts, Value shape) {
    const bool list = is_list(shape);
    const int64_t ndim = list ? shape.as<List>()->size : shape.as<Tuple>()->size;
    if (ndim != 1) {
        raisef(ts, &exc_NotImplementedError,
               "memoryview: only one-dimensional casts are supported here (shape has {} "
               "dimensions)",
               ndim);
        return -1;
    }
    Value dim = list ? shape.as<List>()->items[0] : shape.as<Tuple>()->items[0];
    int64_t n = 0;
    if (!is_int(dim) || !int_to_i64(ts, dim, &n) || n <= 0) {
        clear_exc(ts);
        raise(ts, &exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
        return -1;
    }
    return n;
}

// cast(format, shape=None): the same memory seen as items of another native format (one of
// the two a byte format), as memoryview_cast_impl.
Value m_cast(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    const size_t nkw = kw ? size_t(kw->size) : 0, npos = n - nkw - 1;
    if (npos > 2)
        return raisef(ts, &exc_TypeError, "cast() takes at most 2 arguments ({} given)", n - 1);
    Value format = npos >= 1 ? a[1] : Value::null(), shape = npos >= 2 ? a[2] : Value::null();
    for (size_t i = 0; i < nkw; ++i) {
        const std::string_view name = str_view(kw->items[i]);
        Value& slot = name == "format" ? format : name == "shape" ? shape : format;
        if (name != "format" && name != "shape")
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for cast()",
                          name);
        if (!slot.is_null())
            return raisef(ts, &exc_TypeError,
                          "argument for cast() given by name ('{}') and position ({})", name,
                          name == "format" ? 1 : 2);
        slot = a[n - nkw + i];
    }
    if (format.is_null())
        return raise(ts, &exc_TypeError, "cast() missing required argument 'format' (pos 1)");
    if (!is_str(format))
        return raisef(ts, &exc_TypeError, "cast() argument 'format' must be str, not {}",
                      type_name(format));
    const MemoryView* m = MV(a[0]);
    if (!check_released(ts, m)) return Value::null();
    if (m->step != m->itemsize && m->len > 1)
        return raise(ts, &exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    const bool has_shape = !shape.is_null() && !shape.is_none();
    if (has_shape && m->len == 0)
        return raise(ts, &exc_TypeError,
                     "memoryview: cannot cast view with zeros in shape or strides");
    if (has_shape && !is_list(shape) && !is_tuple(shape))
        return raise(ts, &exc_TypeError, "shape must be a list or a tuple");
    const std::string_view f = str_view(format);
    const int size = native_item_size(f);
    if (size == 0)
        return raise(ts, &exc_ValueError,
                     "memoryview: destination format must be a native single character format "
                     "prefixed with an optional '@'");
    if (!is_byte_format(format_code(format_of(m))) && !is_byte_format(format_code(f)))
        return raise(ts, &exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    const int64_t nbytes = m->len * m->itemsize;
    if (nbytes % size != 0)
        return raise(ts, &exc_TypeError, "memoryview: length is not a multiple of itemsize");
    if (has_shape) {
        const int64_t items = cast_shape(ts, shape);
        if (items < 0) return Value::null();
        if (items * size != nbytes)
            return raise(ts, &exc_TypeError,
                         "memoryview: product(shape) * itemsize != buffer size");
    }
    MemoryView* v = new_view(ts, m->obj, m->start, nbytes / size, size, m->readonly);
    if (!v) return Value::null();
    v->itemsize = size;
    std::memcpy(v->format, f.data(), f.size());
    return Value::from_ptr(v);
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes", m_tobytes, kMethNoArgs},
    {"tolist", m_tolist, kMethNoArgs},
    {"hex", m_hex, kMethNoArgs},
    {"release", m_release, kMethNoArgs},
    {"__enter__", m_enter, kMethNoArgs},
    {"__exit__", m_exit},
    {"toreadonly", m_toreadonly, kMethNoArgs},
    {"cast", m_cast},
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

void memoryview_drop_temporary(Value v) {
    if (is_type(v, &memoryview_type)) drop_export(MV(v), true);
}

bool memoryview_bytes(Value v, std::string* out) {
    if (!is_type(v, &memoryview_type) || MV(v)->released) return false;
    return copy_out(MV(v), out);
}

void setup_memoryview_type(TypeBuilder& b) {
    b.init(memory_iter_type, "memory_iterator", nullptr, sizeof(SeqIter), 0);
    memory_iter_type.iter = mi_self;
    memory_iter_type.next = mi_next;
    memory_iter_type.trace = mi_trace;
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
