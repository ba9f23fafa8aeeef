// str: immutable UTF-8 text with an ASCII flag (O(1) indexing when set), the code-point length
// and a cached hash. Core slots here; methods in str_methods.cpp.
#include <cstring>

#include "python/num/str_repr.hpp"
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/memoryview.hpp"
#include "python/objects/num_bridge.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// Code points in valid UTF-8: bytes that do not continue a sequence.
int64_t count_code_points(std::string_view s, bool* ascii) {
    int64_t n = 0;
    bool a = true;
    for (unsigned char c : s) {
        if (c >= 0x80) a = false;
        n += (c & 0xC0) != 0x80;
    }
    *ascii = a;
    return n;
}

Str* make_str(Heap& h, std::string_view s) {
    size_t size = offsetof(Str, data) + s.size() + 1;
    if (size < sizeof(Str)) size = sizeof(Str);
    Str* str = h.make<Str>(&str_type, size);
    if (!str) return nullptr;
    if (!s.empty()) std::memcpy(str->data, s.data(), s.size());  // an empty view may be null
    str->data[s.size()] = '\0';
    str->nbytes = int64_t(s.size());
    bool ascii;
    str->length = count_code_points(s, &ascii);
    if (ascii) str->flags |= kStrAscii;
    return str;
}

}  // namespace

Str* new_str_heap(Heap& h, std::string_view utf8) {
    return make_str(h, utf8);
}

Str* new_str(ThreadState& ts, std::string_view utf8) {
    Str* s = make_str(ts.heap, utf8);
    if (!s) raise_memory_error(ts);
    return s;
}

Value str_value(ThreadState& ts, std::string_view utf8) {
    Str* s = new_str(ts, utf8);
    return s ? Value::from_ptr(s) : Value::null();
}

Str* intern_str(ThreadState& ts, std::string_view utf8) {
    if (Str* s = find_static_name(utf8)) return s;
    Value v = dict_lookup_view(ts.interp.interned, utf8);
    if (!v.is_null()) return v.as<Str>();
    Str* s = new_str(ts, utf8);
    if (!s) return nullptr;
    s->flags |= kStrInterned;
    if (!dict_set_str(ts, ts.interp.interned, s, Value::from_ptr(s))) return nullptr;
    return s;
}

int64_t str_hash(Str* s) {
    int64_t h = s->hash.load(std::memory_order_relaxed);
    if (h != -1) return h;
    h = str_hash_view(s->view());
    s->hash.store(h, std::memory_order_relaxed);
    return h;
}

bool str_eq(const Str* a, const Str* b) {
    return a == b || (a->nbytes == b->nbytes && std::memcmp(a->data, b->data, a->nbytes) == 0);
}

std::string_view str_view(Value v) {
    return v.as<Str>()->view();
}

// Byte offset of code point `index` (0 <= index <= length).
size_t str_byte_offset(const Str* s, int64_t index) {
    if (s->ascii()) return size_t(index);
    size_t i = 0;
    int64_t cp = 0;
    while (cp < index && i < size_t(s->nbytes)) {
        ++i;
        while (i < size_t(s->nbytes) && (static_cast<unsigned char>(s->data[i]) & 0xC0) == 0x80)
            ++i;
        ++cp;
    }
    return i;
}

namespace {

Value str_repr(ThreadState& ts, Value self) {
    return str_value(ts, repr_str(str_view(self)));
}

Value str_str(ThreadState& ts, Value self) {
    if (is_exact_str(self)) return self;
    return str_value(ts, str_view(self));
}

bool str_hash_slot(ThreadState&, Value self, int64_t* out) {
    *out = str_hash(self.as<Str>());
    return true;
}

Value str_richcompare(ThreadState&, Value a, Value b, CompareOp op) {
    if (!is_str(b)) return not_implemented();
    Str* x = a.as<Str>();
    Str* y = b.as<Str>();
    if (op == CompareOp::eq) return Value::boolean(str_eq(x, y));
    if (op == CompareOp::ne) return Value::boolean(!str_eq(x, y));
    // UTF-8 byte order is code point order.
    return ordering_result(x->view().compare(y->view()), op);
}

int64_t str_len(ThreadState&, Value self) {
    return self.as<Str>()->length;
}

Value str_getitem(ThreadState& ts, Value self, Value key) {
    Str* s = self.as<Str>();
    if (is_type(key, &slice_type)) {
        int64_t start, stop, step, n;
        if (!slice_indices(ts, key, s->length, &start, &stop, &step, &n)) return Value::null();
        if (step == 1) {
            size_t b0 = str_byte_offset(s, start);
            size_t b1 = s->ascii() ? size_t(stop) : b0 + (str_byte_offset(s, stop) - b0);
            if (n <= 0) return str_value(ts, "");
            if (n == s->length) return self;
            return str_value(ts, s->view().substr(b0, b1 - b0));
        }
        std::string out;
        for (int64_t i = 0, j = start; i < n; ++i, j += step) {
            size_t b = str_byte_offset(s, j);
            size_t e = str_byte_offset(s, j + 1);
            out.append(s->data + b, e - b);
        }
        return str_value(ts, out);
    }
    int64_t i;
    if (!index_i64(ts, key, &i, &exc_IndexError)) {
        if (exc_matches(ts, &exc_TypeError) && !is_int(key)) {
            clear_exc(ts);
            return raisef(ts, &exc_TypeError, "string indices must be integers, not '{}'",
                          type_name(key));
        }
        return Value::null();
    }
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length) return raise(ts, &exc_IndexError, "string index out of range");
    size_t b = str_byte_offset(s, i);
    size_t e = s->ascii() ? b + 1 : str_byte_offset(s, i + 1);
    return str_value(ts, s->view().substr(b, e - b));
}

int str_contains(ThreadState& ts, Value self, Value item) {
    if (!is_str(item)) {
        raisef(ts, &exc_TypeError, "'in <string>' requires string as left operand, not {}",
               type_name(item));
        return -1;
    }
    return str_view(self).find(str_view(item)) != std::string_view::npos;
}

Value str_add(ThreadState& ts, Value a, Value b) {
    if (!is_str(a) || !is_str(b)) {
        if (is_str(a) && !is_str(b))
            return raisef(ts, &exc_TypeError, "can only concatenate str (not \"{}\") to str",
                          type_name(b));
        return not_implemented();
    }
    Str* x = a.as<Str>();
    Str* y = b.as<Str>();
    if (y->nbytes == 0 && is_exact_str(a)) return a;
    if (x->nbytes == 0 && is_exact_str(b)) return b;
    size_t n = size_t(x->nbytes + y->nbytes);
    size_t size = offsetof(Str, data) + n + 1;
    if (size < sizeof(Str)) size = sizeof(Str);
    Str* s = ts.heap.make<Str>(&str_type, size);
    if (!s) return raise_memory_error(ts);
    std::memcpy(s->data, x->data, size_t(x->nbytes));
    std::memcpy(s->data + x->nbytes, y->data, size_t(y->nbytes));
    s->data[n] = '\0';
    s->nbytes = int64_t(n);
    s->length = x->length + y->length;
    if (x->ascii() && y->ascii()) s->flags |= kStrAscii;
    return Value::from_ptr(s);
}

Value str_repeat(ThreadState& ts, Value seq, Value count) {
    int64_t n;
    if (!index_i64(ts, count, &n, &exc_OverflowError)) return Value::null();
    Str* s = seq.as<Str>();
    if (n <= 0 || s->nbytes == 0) return str_value(ts, "");
    if (n == 1 && is_exact_str(seq)) return seq;
    if (s->nbytes > (int64_t(1) << 40) / n || !ts.heap.fits(size_t(s->nbytes * n)))
        return raise_memory_error(ts);
    size_t total = size_t(s->nbytes) * size_t(n);
    size_t size = offsetof(Str, data) + total + 1;
    Str* r = ts.heap.make<Str>(&str_type, size < sizeof(Str) ? sizeof(Str) : size);
    if (!r) return raise_memory_error(ts);
    for (int64_t i = 0; i < n; ++i) {
        std::memcpy(r->data + size_t(i) * size_t(s->nbytes), s->data, size_t(s->nbytes));
        if ((i & 4095) == 4095 && !poll_long_loop(ts)) return Value::null();
    }
    r->data[total] = '\0';
    r->nbytes = int64_t(total);
    r->length = s->length * n;
    r->flags |= (s->flags & kStrAscii);
    return Value::from_ptr(r);
}

Value str_mul(ThreadState& ts, Value a, Value b) {
    if (is_str(a) && is_int(b)) return str_repeat(ts, a, b);
    if (is_str(b) && is_int(a)) return str_repeat(ts, b, a);
    return not_implemented();
}

Value str_mod(ThreadState& ts, Value a, Value b) {
    if (!is_str(a)) return not_implemented();
    return percent_format(ts, a, b);
}

Value str_iter(ThreadState& ts, Value self) {
    return new_seq_iter(ts, &str_iter_type, self);
}

// str(object, encoding, errors) with an encoding or errors: the object's bytes decoded by
// bytes.decode (its codecs and messages), as CPython 3.11's PyUnicode_FromEncodedObject.
Value str_decode(ThreadState& ts, Value obj, Value encoding, Value errors) {
    if (obj.is_null()) return str_value(ts, "");
    if (is_str(obj)) return raise(ts, &exc_TypeError, "decoding str is not supported");
    std::string copy;
    std::string_view data;
    const bool buffer =
        is_bytes(obj) || isinstance_fast(obj, &bytearray_type) || is_type(obj, &memoryview_type);
    if (!buffer || !read_bytes(obj, &copy, &data))
        return raisef(ts, &exc_TypeError, "decoding to str: need a bytes-like object, {} found",
                      type_name(obj));
    Bytes* b = new_bytes(ts, data);
    if (!b) return Value::null();
    Rooted kb(ts, Value::from_ptr(b));
    Value dargs[2] = {encoding.is_null() ? str_value(ts, "utf-8") : encoding,
                      errors.is_null() ? str_value(ts, "strict") : errors};
    if (dargs[0].is_null() || dargs[1].is_null()) return Value::null();
    Rooted k0(ts, dargs[0]), k1(ts, dargs[1]);
    return call_method(ts, Value::from_ptr(b), intern_str(ts, "decode"), dargs, 2);
}

Value str_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    const size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    const size_t npos = nargs - nkw;
    if (nargs > 3)
        return raisef(ts, &exc_TypeError, "str() takes at most 3 arguments ({} given)", nargs);
    Value slot[3] = {Value::null(), Value::null(), Value::null()};  // object, encoding, errors
    for (size_t i = 0; i < npos; ++i) slot[i] = args[i];
    static const char* const kNames[3] = {"object", "encoding", "errors"};
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kwnames->items[i]);
        int at = k == kNames[0] ? 0 : k == kNames[1] ? 1 : k == kNames[2] ? 2 : -1;
        if (at < 0)
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for str()", k);
        if (!slot[at].is_null())
            return raisef(ts, &exc_TypeError,
                          "argument for str() given by name ('{}') and "
                          "position ({})",
                          k, at + 1);
        slot[at] = args[npos + i];
    }
    for (int i = 1; i < 3; ++i)
        if (!slot[i].is_null() && !is_str(slot[i]))
            return raisef(ts, &exc_TypeError, "str() argument '{}' must be str, not {}", kNames[i],
                          type_name(slot[i]));
    Value r;
    if (!slot[1].is_null() || !slot[2].is_null())
        r = str_decode(ts, slot[0], slot[1], slot[2]);
    else
        r = slot[0].is_null() ? str_value(ts, "") : str(ts, slot[0]);
    if (r.is_null() || type == &str_type) return r;
    Str* src = r.as<Str>();
    size_t size = std::max(sizeof(Str), offsetof(Str, data) + size_t(src->nbytes) + 1);
    Str* s = ts.heap.make<Str>(type, var_instance_size(type, size));
    if (!s) return raise_memory_error(ts);
    std::memcpy(s->data, src->data, size_t(src->nbytes) + 1);
    s->nbytes = src->nbytes;
    s->length = src->length;
    s->flags = src->flags & kStrAscii;
    return Value::from_ptr(s);
}

int str_bool(ThreadState&, Value self) {
    return self.as<Str>()->nbytes != 0;
}

}  // namespace

void setup_str_type(TypeBuilder& b) {
    b.init(str_type, "str", nullptr, sizeof(Str), kTypeBaseType | kTypeStrSub);
    str_type.repr = str_repr;
    str_type.str = str_str;
    str_type.hash = str_hash_slot;
    str_type.richcompare = str_richcompare;
    str_type.len = str_len;
    str_type.getitem = str_getitem;
    str_type.contains = str_contains;
    str_type.iter = str_iter;
    str_type.new_ = str_new;
    str_type.bool_ = str_bool;
    str_type.num.binary[int(BinaryOp::add)] = str_add;
    str_type.num.binary[int(BinaryOp::mul)] = str_mul;
    str_type.num.binary[int(BinaryOp::mod)] = str_mod;
}

}  // namespace interleave::python

namespace interleave::python {

int64_t str_hash_view(std::string_view utf8) {
    if (utf8.empty()) return 0;  // as CPython
    return hash_str_text(utf8);
}

}  // namespace interleave::python
