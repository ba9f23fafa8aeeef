// bytes (the core: literals, repr, len, indexing, slicing, iteration, concatenation); the
// methods are in bytes_methods.cpp.
#include <algorithm>
#include <cstring>
#include <utility>

#include "python/num/str_repr.hpp"
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/memoryview.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// A bytes (or an instance of a subclass of it: the same layout, its __dict__ after the data)
// holding data.
Bytes* make_bytes(Heap& h, Type* type, std::string_view data) {
    size_t size = std::max(sizeof(Bytes), offsetof(Bytes, data) + data.size() + 1);
    Bytes* b = h.make<Bytes>(type, var_instance_size(type, size));
    if (!b) return nullptr;
    std::memcpy(b->data, data.data(), data.size());
    b->data[data.size()] = '\0';
    b->size = int64_t(data.size());
    return b;
}

}  // namespace

Bytes* new_bytes_heap(Heap& h, std::string_view data) {
    return make_bytes(h, &bytes_type, data);
}

Bytes* new_bytes(ThreadState& ts, std::string_view data) {
    Bytes* b = new_bytes_heap(ts.heap, data);
    if (!b) raise_memory_error(ts);
    return b;
}

namespace {

Value b_repr(ThreadState& ts, Value self) {
    return str_value(ts, repr_bytes(self.as<Bytes>()->view()));
}

int64_t b_len(ThreadState&, Value self) {
    return self.as<Bytes>()->size;
}

bool b_hash(ThreadState&, Value self, int64_t* out) {
    Bytes* b = self.as<Bytes>();
    int64_t h = b->hash.load(std::memory_order_relaxed);
    if (h == -1) {
        h = str_hash_view(b->view());  // CPython hashes bytes like the equal latin-1 str
        b->hash.store(h, std::memory_order_relaxed);
    }
    *out = h;
    return true;
}

// The slots below serve bytes and bytearray alike (read_bytes() reads either; results take
// the type of the left operand, as CPython's bytes_concat and bytearray_concat).
bool is_bytearray(Value v) {
    return !is_bytes(v);
}

Value b_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    // A memoryview compares equal to bytes (its own ==); ordering them is a TypeError.
    if (op != CompareOp::eq && op != CompareOp::ne &&
        (is_type(a, &memoryview_type) || is_type(b, &memoryview_type)))
        return not_implemented();
    std::string cx, cy;
    std::string_view x, y;
    if (!read_bytes(a, &cx, &x) || !read_bytes(b, &cy, &y)) return not_implemented();
    int c = x.compare(y);
    return ordering_result(c, op);
}

// One byte of a bytes or bytearray, or -1 past its end (i < 0 counts from the end). A shared
// bytearray's size and byte are read together under its lock: O(1), where read_bytes would
// copy it all (iterating one went quadratic).
int byte_at(Value self, int64_t i) {
    std::string_view s;
    if (is_bytes(self) || !(self.as_ptr()->lock.load(std::memory_order_relaxed) & kObjLockable)) {
        bytes_like(self, &s);
    } else {
        ObjectLock g(self.as_ptr());
        const ByteArray* b = self.as<ByteArray>();
        if (i < 0) i += b->size;
        return i < 0 || i >= b->size ? -1 : static_cast<unsigned char>(b->data[i]);
    }
    if (i < 0) i += int64_t(s.size());
    return i < 0 || i >= int64_t(s.size()) ? -1 : static_cast<unsigned char>(s[size_t(i)]);
}

Value b_getitem(ThreadState& ts, Value self, Value key) {
    if (is_type(key, &slice_type)) {
        std::string copy;
        std::string_view s;
        read_bytes(self, &copy, &s);
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, int64_t(s.size()), &start, &stop, &step, &n))
            return Value::null();
        read_bytes(self, &copy, &s);  // the slice's __index__ may have resized a bytearray
        std::string out;
        for (int64_t i = 0, j = start; i < n && j >= 0 && j < int64_t(s.size()); ++i, j += step)
            out += s[size_t(j)];
        return new_bytes_like(ts, self, out);
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) {
        if (exc_matches(ts, &exc_TypeError)) {
            clear_exc(ts);
            raisef(ts, &exc_TypeError, "{} indices must be integers or slices, not {}",
                   is_bytearray(self) ? "bytearray" : "byte", type_name(key));
        }
        return Value::null();
    }
    const int byte = byte_at(self, i);
    if (byte < 0)
        return raise(ts, &exc_IndexError,
                     is_bytearray(self) ? "bytearray index out of range" : "index out of range");
    return Value::from_small(byte);
}

Value b_add(ThreadState& ts, Value a, Value b) {
    std::string cx, cy;
    std::string_view x, y;
    if (!read_bytes(a, &cx, &x)) return not_implemented();
    if (!read_bytes(b, &cy, &y))
        return raisef(ts, &exc_TypeError, "can't concat {} to {}", type_name(b), type_name(a));
    std::string s(x);
    s += y;
    return new_bytes_like(ts, a, s);
}

// bytes_iterator / bytearray_iterator (CPython 3.11's striterobject, bytearrayiterobject): the
// next byte by index, a shared bytearray's under its lock; seq is dropped when exhausted.
Type bytes_iter_type, bytearray_iter_type;

Value b_iter(ThreadState& ts, Value self) {
    return new_seq_iter(ts, is_bytearray(self) ? &bytearray_iter_type : &bytes_iter_type, self);
}

Value b_iter_next(ThreadState&, Value self) {
    SeqIter* it = self.as<SeqIter>();
    if (it->seq.is_null()) return Value::null();
    const int byte = byte_at(it->seq, it->index);
    if (byte < 0) {
        it->seq = Value::null();
        return Value::null();
    }
    ++it->index;
    return Value::from_small(byte);
}

Value b_iter_self(ThreadState&, Value self) {
    return self;
}

void b_iter_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<SeqIter*>(o)->seq);
}

// __length_hint__: the bytes left (0 once exhausted), as striter_len / bytearrayiter_length_hint.
Value b_iter_length_hint(ThreadState&, const Value* a, size_t, Tuple*) {
    const SeqIter* it = a[0].as<SeqIter>();
    if (it->seq.is_null()) return Value::from_small(0);
    std::string copy;
    std::string_view s;
    read_bytes(it->seq, &copy, &s);
    return Value::from_small(std::max<int64_t>(0, int64_t(s.size()) - it->index));
}

const MethodDef kBytesIterMethods[] = {{"__length_hint__", b_iter_length_hint, kMethNoArgs}};

int b_contains(ThreadState& ts, Value self, Value item) {
    std::string cs, csub;
    std::string_view s, sub;
    if (read_bytes(item, &csub, &sub)) {
        read_bytes(self, &cs, &s);
        return s.find(sub) != std::string_view::npos;
    }
    if (is_int(item)) {
        int64_t c;
        if (!index_i64(ts, item, &c)) return -1;
        if (c < 0 || c > 255) {
            raise(ts, &exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        read_bytes(self, &cs, &s);
        return s.find(char(c)) != std::string_view::npos;
    }
    raisef(ts, &exc_TypeError, "a bytes-like object is required, not '{}'", type_name(item));
    return -1;
}

Value b_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    std::string data;
    if (!bytes_from_args(ts, args, nargs, kwnames, "bytes", &data)) return Value::null();
    Bytes* b = make_bytes(ts.heap, type, data);
    return b ? Value::from_ptr(b) : raise_memory_error(ts);
}

// bytes.__getnewargs__: (a plain bytes copy,), as CPython's bytes___getnewargs__.
Value b_getnewargs(ThreadState& ts, const Value* args, size_t, Tuple*) {
    Bytes* b = new_bytes(ts, args[0].as<Bytes>()->view());
    return getnewargs_of(ts, b ? Value::from_ptr(b) : Value::null());
}

const MethodDef kBytesOwn[] = {{"__getnewargs__", b_getnewargs, kMethNoArgs}};

}  // namespace

void setup_bytes_methods(TypeBuilder& b);  // bytes_methods.cpp
void share_bytes_slots(Type& t);
void setup_bytearray_type(TypeBuilder& b);  // bytearray.cpp

void setup_bytes_type(TypeBuilder& b) {
    for (auto [t, name] : {std::pair{&bytes_iter_type, "bytes_iterator"},
                           std::pair{&bytearray_iter_type, "bytearray_iterator"}}) {
        b.init(*t, name, nullptr, sizeof(SeqIter), 0);
        t->iter = b_iter_self;
        t->next = b_iter_next;
        t->trace = b_iter_trace;
        b.methods(*t, kBytesIterMethods);
    }
    b.init(bytes_type, "bytes", nullptr, sizeof(Bytes), kTypeBaseType | kTypeBytesSub);
    bytes_type.repr = b_repr;
    bytes_type.str = b_repr;  // bytes_str: a subclass's __repr__ does not change str()
    bytes_type.len = b_len;
    bytes_type.hash = b_hash;
    bytes_type.new_ = b_new;
    share_bytes_slots(bytes_type);
    setup_bytearray_type(b);
    setup_bytes_methods(b);  // for both types
    b.methods(bytes_type, kBytesOwn);
    setup_memoryview_type(b);
}

void share_bytes_slots(Type& t) {
    t.richcompare = b_richcompare;
    t.getitem = b_getitem;
    t.iter = b_iter;
    t.contains = b_contains;
    t.num.binary[int(BinaryOp::add)] = b_add;
    t.num.binary[int(BinaryOp::mod)] = bytes_percent_format;  // bytes_mod / bytearray_mod
}

}  // namespace interleave::python
