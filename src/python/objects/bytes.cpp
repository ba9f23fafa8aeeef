// bytes (the core: literals, repr, len, indexing, slicing, iteration, concatenation); the
// methods are in bytes_methods.cpp.
#include <cstring>

#include "python/num/str_repr.hpp"
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Bytes* new_bytes_heap(Heap& h, std::string_view data) {
    size_t size = std::max(sizeof(Bytes), offsetof(Bytes, data) + data.size() + 1);
    Bytes* b = h.make<Bytes>(&bytes_type, size);
    if (!b) return nullptr;
    std::memcpy(b->data, data.data(), data.size());
    b->data[data.size()] = '\0';
    b->size = int64_t(data.size());
    return b;
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

Value b_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    if (!is_type(b, &bytes_type)) return not_implemented();
    int c = a.as<Bytes>()->view().compare(b.as<Bytes>()->view());
    switch (op) {
        case CompareOp::lt: return Value::boolean(c < 0);
        case CompareOp::le: return Value::boolean(c <= 0);
        case CompareOp::eq: return Value::boolean(c == 0);
        case CompareOp::ne: return Value::boolean(c != 0);
        case CompareOp::gt: return Value::boolean(c > 0);
        default: return Value::boolean(c >= 0);
    }
}

Value b_getitem(ThreadState& ts, Value self, Value key) {
    Bytes* b = self.as<Bytes>();
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, b->size, &start, &stop, &step, &n)) return Value::null();
        std::string out;
        for (int64_t i = 0, j = start; i < n; ++i, j += step) out += b->data[j];
        return Value::from_ptr(new_bytes(ts, out));
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) return Value::null();
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) return raise(ts, &exc_IndexError, "index out of range");
    return Value::from_small(static_cast<unsigned char>(b->data[i]));
}

Value b_add(ThreadState& ts, Value a, Value b) {
    if (!is_type(a, &bytes_type)) return not_implemented();
    if (!is_type(b, &bytes_type))
        return raisef(ts, &exc_TypeError, "can't concat {} to bytes", type_name(b));
    std::string s(a.as<Bytes>()->view());
    s += b.as<Bytes>()->view();
    Bytes* r = new_bytes(ts, s);
    return r ? Value::from_ptr(r) : Value::null();
}

Value b_iter(ThreadState& ts, Value self) {
    return new_seq_iter(ts, &seq_iter_type, self);
}

int b_contains(ThreadState& ts, Value self, Value item) {
    std::string_view s = self.as<Bytes>()->view();
    if (item.is_small()) return s.find(char(item.as_small())) != std::string_view::npos;
    if (is_type(item, &bytes_type)) return s.find(item.as<Bytes>()->view()) != std::string_view::npos;
    raisef(ts, &exc_TypeError, "a bytes-like object is required, not '{}'", type_name(item));
    return -1;
}

Value b_new(ThreadState& ts, Type*, const Value* args, size_t nargs, Tuple*) {
    if (nargs == 0) return Value::from_ptr(new_bytes(ts, ""));
    Value x = args[0];
    if (is_str(x)) {
        if (nargs < 2) return raise(ts, &exc_TypeError, "string argument without an encoding");
        return Value::from_ptr(new_bytes(ts, str_view(x)));
    }
    if (x.is_small()) {
        if (x.as_small() < 0) return raise(ts, &exc_ValueError, "negative count");
        return Value::from_ptr(new_bytes(ts, std::string(size_t(x.as_small()), '\0')));
    }
    RootedVector items(ts);
    if (!iterate_into(ts, x, items.v)) return Value::null();
    std::string s;
    for (Value v : items.v) {
        int64_t i;
        if (!index_i64(ts, v, &i)) return Value::null();
        if (i < 0 || i > 255) return raise(ts, &exc_ValueError, "bytes must be in range(0, 256)");
        s += char(i);
    }
    return Value::from_ptr(new_bytes(ts, s));
}

}  // namespace

void setup_bytes_methods(TypeBuilder& b);  // bytes_methods.cpp

void setup_bytes_type(TypeBuilder& b) {
    b.init(bytes_type, "bytes", nullptr, sizeof(Bytes));
    bytes_type.repr = b_repr;
    bytes_type.len = b_len;
    bytes_type.hash = b_hash;
    bytes_type.richcompare = b_richcompare;
    bytes_type.getitem = b_getitem;
    bytes_type.iter = b_iter;
    bytes_type.contains = b_contains;
    bytes_type.new_ = b_new;
    bytes_type.num.binary[int(BinaryOp::add)] = b_add;
    setup_bytes_methods(b);
}

}  // namespace interleave::python
