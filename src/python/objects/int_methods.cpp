// int's methods and attributes (bit_length, to_bytes, from_bytes, real, ...), as CPython 3.11's
// Objects/longobject.c int_methods and int_getset.
#include "python/objects/heap.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

Value m_bit_length(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return int_from_u64(ts, to_bigint(a[0]).bit_length());
}
Value m_conjugate(ThreadState& ts, const Value* a, size_t, Tuple*) {
    if (a[0].is_bool()) return Value::from_small(a[0].is_true());  // (True).conjugate() is 1
    return int_index(ts, a[0]);
}
Value m_as_integer_ratio(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Value n = int_index(ts, a[0]);
    if (n.is_null()) return n;
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = n;
    t->items[1] = Value::from_small(1);
    return Value::from_ptr(t);
}
Value i_real(ThreadState& ts, Value self) {
    if (self.is_bool()) return Value::from_small(self.is_true());  // True.real is 1
    return int_index(ts, self);
}
Value i_imag(ThreadState&, Value) {
    return Value::from_small(0);
}
Value i_one(ThreadState&, Value) {
    return Value::from_small(1);
}
// int.bit_count(): ones in |self| (CPython 3.10+).
Value m_bit_count(ThreadState& ts, const Value* a, size_t, Tuple*) {
    BigInt v = to_bigint(a[0]);
    uint64_t n = 0;
    for (auto limb : v.limbs()) n += uint64_t(__builtin_popcountll(uint64_t(limb)));
    return int_from_u64(ts, n);
}

// Keyword/positional parsing for to_bytes/from_bytes: (first, byteorder, *, signed).
bool bytes_args(ThreadState& ts, const Value* a, size_t n, Tuple* kw, const char* fname,
                const char* first_name, Value* first, std::string_view* order, bool* is_signed) {
    size_t nkw = kw ? size_t(kw->size) : 0;
    size_t npos = n - nkw;
    if (npos > 3)
        return raisef(ts, &exc_TypeError, "{}() takes at most 2 positional arguments ({} given)",
                      fname, npos - 1),
               false;
    Value vorder = npos > 2 ? a[2] : Value::null();
    if (npos > 1) *first = a[1];
    Value vsigned = Value::false_();
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kw->items[i]);
        Value v = a[npos + i];
        if (k == first_name)
            *first = v;
        else if (k == "byteorder")
            vorder = v;
        else if (k == "signed")
            vsigned = v;
        else
            return raisef(ts, &exc_TypeError, "{}() got an unexpected keyword argument '{}'", fname,
                          k),
                   false;
    }
    if (vorder.is_null()) {
        *order = "big";
    } else if (!is_str(vorder)) {
        return raisef(ts, &exc_TypeError, "{}() argument 'byteorder' must be str, not {}", fname,
                      type_name(vorder)),
               false;
    } else {
        *order = str_view(vorder);
        if (*order != "big" && *order != "little")
            return raise(ts, &exc_ValueError, "byteorder must be either 'little' or 'big'"), false;
    }
    int t = truthy(ts, vsigned);
    if (t < 0) return false;
    *is_signed = t != 0;
    return true;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False) (CPython 3.11 defaults).
Value m_to_bytes(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    Value vlen = Value::from_small(1);
    std::string_view order;
    bool is_signed;
    if (!bytes_args(ts, a, n, kw, "to_bytes", "length", &vlen, &order, &is_signed))
        return Value::null();
    int64_t length;
    if (!index_i64(ts, vlen, &length)) return Value::null();
    if (length < 0) return raise(ts, &exc_ValueError, "length argument must be non-negative");
    BigInt v = to_bigint(a[0]);
    if (v.is_negative() && !is_signed)
        return raise(ts, &exc_OverflowError, "can't convert negative int to unsigned");
    uint64_t bits = v.bit_length();
    // Signed: -(2**(8L-1)) <= v < 2**(8L-1); the most negative value needs one bit less.
    bool fits;
    if (!is_signed) {
        fits = bits <= uint64_t(length) * 8;
    } else if (!v.is_negative()) {
        fits = bits < uint64_t(length) * 8 || (bits == 0);
    } else {
        BigInt m = -v - BigInt::from_int64(1);  // ~v
        fits = m.bit_length() < uint64_t(length) * 8;
    }
    if (!fits) return raise(ts, &exc_OverflowError, "int too big to convert");
    if (v.is_negative()) {
        Result<BigInt> p = lshift(BigInt::from_int64(1), length * 8);
        if (!p.ok()) return raise_num_error(ts, p.error);
        v = p.value + v;
    }
    std::string out(size_t(length), '\0');
    const auto& limbs = v.limbs();
    for (int64_t i = 0; i < length; ++i) {
        size_t limb = size_t(i) * 8 / BigInt::kLimbBits;
        unsigned shift = unsigned(size_t(i) * 8 % BigInt::kLimbBits);
        uint8_t byte = limb < limbs.size() ? uint8_t(uint64_t(limbs[limb]) >> shift) : 0;
        out[order == "little" ? size_t(i) : size_t(length - 1 - i)] = char(byte);
    }
    Bytes* b = new_bytes(ts, out);
    return b ? Value::from_ptr(b) : Value::null();
}

// int.from_bytes(bytes, byteorder='big', *, signed=False): a classmethod.
Value m_from_bytes(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    Value data = Value::null();
    std::string_view order;
    bool is_signed;
    if (!bytes_args(ts, a, n, kw, "from_bytes", "bytes", &data, &order, &is_signed))
        return Value::null();
    if (data.is_null())
        return raise(ts, &exc_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    std::string raw;
    if (is_type(data, &bytes_type)) {
        raw = std::string(data.as<Bytes>()->view());
    } else {
        RootedVector items(ts);
        if (!iterate_into(ts, data, items.v)) return Value::null();
        for (Value it : items.v) {
            int64_t x;
            if (!index_i64(ts, it, &x)) return Value::null();
            if (x < 0 || x > 255)
                return raise(ts, &exc_ValueError, "bytes must be in range(0, 256)");
            raw.push_back(char(x));
        }
    }
    std::vector<BigInt::Limb> limbs((raw.size() * 8 + BigInt::kLimbBits - 1) / BigInt::kLimbBits,
                                    0);
    for (size_t i = 0; i < raw.size(); ++i) {
        uint8_t byte = uint8_t(raw[order == "little" ? i : raw.size() - 1 - i]);
        limbs[i * 8 / BigInt::kLimbBits] |= BigInt::Limb(byte) << (i * 8 % BigInt::kLimbBits);
    }
    BigInt v = BigInt::from_limbs(limbs, false);
    if (is_signed && !raw.empty() &&
        (uint8_t(raw[order == "little" ? raw.size() - 1 : 0]) & 0x80)) {
        Result<BigInt> p = lshift(BigInt::from_int64(1), int64_t(raw.size()) * 8);
        if (!p.ok()) return raise_num_error(ts, p.error);
        v = v - p.value;
    }
    Value r = int_from_bigint(ts, std::move(v));
    if (r.is_null() || a[0] == Value::from_ptr(&int_type)) return r;
    return call1(ts, a[0], r);
}

// int.__getnewargs__: (the value as a plain int,), as CPython's int___getnewargs__.
Value m_getnewargs(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return getnewargs_of(ts, int_index(ts, a[0]));
}

const MethodDef kIntMethods[] = {{"bit_length", m_bit_length, kMethNoArgs},
                                 {"__getnewargs__", m_getnewargs, kMethNoArgs},
                                 {"conjugate", m_conjugate, kMethNoArgs},
                                 {"bit_count", m_bit_count, kMethNoArgs},
                                 {"to_bytes", m_to_bytes},
                                 {"as_integer_ratio", m_as_integer_ratio, kMethNoArgs},
                                 {"from_bytes", m_from_bytes, kMethClass}};
const GetSetDef kIntGetSets[] = {
    {"real", i_real}, {"imag", i_imag}, {"numerator", i_real}, {"denominator", i_one}};

}  // namespace

void setup_int_methods(TypeBuilder& b) {
    b.methods(int_type, kIntMethods);
    b.getsets(int_type, kIntGetSets);
}

}  // namespace interleave::python
