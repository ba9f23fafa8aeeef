// The items of a memoryview: native single-character struct formats, as CPython 3.11's
// Objects/memoryobject.c (get_native_fmtchar, unpack_single, pack_single) with the sizes of
// 64-bit Linux ('l', 'L', 'n', 'N', 'P' are 8 bytes in every build, wasm32 too, so a program
// prints what CPython prints on the machines learners compare with).
// Thread-safety: pure functions of their arguments; the caller holds the exporter's lock
// around the bytes it passes.
#pragma once

#include <string_view>

#include "python/objects/object.hpp"

namespace interleave::python {

// The item size of `format` ('B', 'i', '@d', ...), or 0 if it is no native single-character
// format (memoryview.cast's "destination format must be a native single character format
// prefixed with an optional '@'"). 'e' is not one, as in CPython 3.11.
int native_item_size(std::string_view format);

// The format's character without its '@' (format must be one native_item_size accepts).
inline char format_code(std::string_view format) {
    return format.size() == 2 ? format[1] : format[0];
}

// 'B', 'b' or 'c': the formats casts start or end at and hashing allows (IS_BYTE_FORMAT).
inline bool is_byte_format(char code) {
    return code == 'B' || code == 'b' || code == 'c';
}

// The item at `p` as a Python value (int, float, bool or a 1-byte bytes). Null with
// MemoryError raised if allocation fails. O(1).
Value unpack_item(ThreadState& ts, char code, const char* p);

// Writes v as one item to `out` (item size bytes). False with CPython's error raised:
// TypeError "memoryview: invalid type for format '<format>'" or ValueError "... invalid value
// ...". May call v's __index__, __float__ or __bool__.
bool pack_item(ThreadState& ts, std::string_view format, Value v, char* out);

}  // namespace interleave::python
