// memoryview items: unpacking and packing native struct formats (see memoryview_format.hpp).
#include "python/objects/memoryview_format.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

#include "python/objects/api.hpp"
#include "python/objects/types.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

template <class T>
T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

template <class T>
void store(char* out, T v) {
    std::memcpy(out, &v, sizeof(T));
}

bool invalid(ThreadState& ts, std::string_view format, bool type) {
    raisef(ts, type ? &exc_TypeError : &exc_ValueError, "memoryview: invalid {} for format '{}'",
           type ? "type" : "value", format);
    return false;
}

// A conversion failed: TypeError becomes "invalid type", OverflowError and ValueError "invalid
// value"; anything else propagates (CPython's fix_error_int).
bool fix_error(ThreadState& ts, std::string_view format) {
    const bool type = exc_matches(ts, &exc_TypeError);
    if (!type && !exc_matches(ts, &exc_OverflowError) && !exc_matches(ts, &exc_ValueError))
        return false;
    clear_exc(ts);
    return invalid(ts, format, type);
}

// An integer item's value (CPython: __index__, then the C type's range). A magnitude past
// 64 bits, or a negative one for an unsigned format, is an invalid value; *neg says the sign.
bool integer_item(ThreadState& ts, std::string_view format, Value v, uint64_t* mag, bool* neg) {
    if (!is_int(v) && !type_of(v)->num.index) return invalid(ts, format, true);
    Value i = number_index(ts, v);
    if (i.is_null()) return fix_error(ts, format);
    int64_t s;
    if (int_to_i64(ts, i, &s)) {
        *neg = s < 0;
        *mag = *neg ? uint64_t(0) - uint64_t(s) : uint64_t(s);
        return true;
    }
    clear_exc(ts);  // past int64: only [2**63, 2**64) fits anything (the unsigned formats)
    const std::string text = int_to_decimal(i);
    *neg = false;
    if (text.empty() || text[0] == '-' ||
        std::from_chars(text.data(), text.data() + text.size(), *mag).ec != std::errc())
        return invalid(ts, format, false);
    return true;
}

}  // namespace

int native_item_size(std::string_view format) {
    if (format.size() == 2 && format[0] == '@') format.remove_prefix(1);
    if (format.size() != 1) return 0;
    switch (format[0]) {
        case 'c':
        case 'b':
        case 'B':
        case '?':
            return 1;
        case 'h':
        case 'H':
            return 2;
        case 'i':
        case 'I':
        case 'f':
            return 4;
        case 'l':
        case 'L':
        case 'q':
        case 'Q':
        case 'n':
        case 'N':
        case 'P':
        case 'd':
            return 8;
        default:
            return 0;
    }
}

Value unpack_item(ThreadState& ts, char code, const char* p) {
    switch (code) {
        case 'B':
            return Value::from_small(load<uint8_t>(p));
        case 'b':
            return Value::from_small(load<int8_t>(p));
        case 'h':
            return Value::from_small(load<int16_t>(p));
        case 'H':
            return Value::from_small(load<uint16_t>(p));
        case 'i':
            return Value::from_small(load<int32_t>(p));
        case 'I':
            return Value::from_small(load<uint32_t>(p));
        case 'l':
        case 'q':
        case 'n':
            return int_from_i64(ts, load<int64_t>(p));
        case 'L':
        case 'Q':
        case 'N':
        case 'P':
            return int_from_u64(ts, load<uint64_t>(p));
        case 'f':
            return Value::from_double(double(load<float>(p)));
        case 'd':
            return Value::from_double(load<double>(p));
        case '?':
            return Value::boolean(*p != 0);
        default: {  // 'c'
            Bytes* b = new_bytes(ts, std::string_view(p, 1));
            return b ? Value::from_ptr(b) : Value::null();
        }
    }
}

bool pack_item(ThreadState& ts, std::string_view format, Value v, char* out) {
    const char code = format_code(format);
    switch (code) {
        case 'c': {
            if (!is_bytes(v)) return invalid(ts, format, true);
            std::string_view b;
            bytes_like(v, &b);
            if (b.size() != 1) return invalid(ts, format, false);
            *out = b[0];
            return true;
        }
        case '?': {
            const int t = truthy(ts, v);
            if (t < 0) return false;
            *out = char(t);
            return true;
        }
        case 'f':
        case 'd': {
            double d;
            if (!number_to_double(ts, v, &d)) return fix_error(ts, format);
            if (code == 'f')
                store(out, float(d));
            else
                store(out, d);
            return true;
        }
        default:
            break;
    }
    uint64_t mag = 0;
    bool neg = false;
    if (!integer_item(ts, format, v, &mag, &neg)) return false;
    const int size = native_item_size(format);
    const bool is_signed =
        code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
    // The C type's range: [-2**(bits-1), 2**(bits-1)) signed, [0, 2**bits) unsigned.
    const uint64_t top = size == 8 ? ~uint64_t(0) : (uint64_t(1) << (size * 8)) - 1;
    if (is_signed ? (neg ? mag > top / 2 + 1 : mag > top / 2) : (neg || mag > top))
        return invalid(ts, format, false);
    const uint64_t bits = neg ? uint64_t(0) - mag : mag;
    switch (size) {
        case 1:
            *out = char(bits);
            break;
        case 2:
            store(out, uint16_t(bits));
            break;
        case 4:
            store(out, uint32_t(bits));
            break;
        default:
            store(out, bits);
            break;
    }
    return true;
}

}  // namespace interleave::python
