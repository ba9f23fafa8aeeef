// UTF-8 primitives for Python's str, which the interpreter stores as UTF-8 (PYTHON.md §5):
// validation with CPython's codec error texts, decode/encode of code points, code point counts
// and indexing (with an ASCII fast path).
//
// "Valid" means what CPython's UTF-8 codec accepts: shortest forms only, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF. The decode/count/offset functions assume valid
// input (a Python str always is); feeding them anything else is safe but gives unspecified
// code points. Any thread; no allocation except where a std::string is returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "python/num/error.hpp"

namespace interleave::python {

// True if every byte is < 0x80. O(n), 8 bytes per step.
bool is_ascii(std::string_view s);

// bytes.decode('utf-8') check: {} when valid, else UnicodeDecodeError's text, as CPython
// 3.11 words it: "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
// "... invalid continuation byte", "... bytes in position 0-1: unexpected end of data".
// (ExcType::ValueError is used: UnicodeDecodeError is a ValueError subclass; pyvm raises the
// proper class.) O(n).
Error utf8_check(std::string_view bytes);
inline bool utf8_valid(std::string_view bytes) {
    return utf8_check(bytes).ok();
}

// Decodes the code point at p (valid UTF-8) and advances p past it.
inline char32_t utf8_decode(const char*& p) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (b0 < 0x80) {
        ++p;
        return b0;
    }
    const auto b1 = static_cast<unsigned char>(p[1]) & 0x3Fu;
    if (b0 < 0xE0) {
        p += 2;
        return (char32_t(b0 & 0x1Fu) << 6) | b1;
    }
    const auto b2 = static_cast<unsigned char>(p[2]) & 0x3Fu;
    if (b0 < 0xF0) {
        p += 3;
        return (char32_t(b0 & 0x0Fu) << 12) | (char32_t(b1) << 6) | b2;
    }
    const auto b3 = static_cast<unsigned char>(p[3]) & 0x3Fu;
    p += 4;
    return (char32_t(b0 & 0x07u) << 18) | (char32_t(b1) << 12) | (char32_t(b2) << 6) | b3;
}

// Byte length of the UTF-8 sequence starting with lead byte b (1 for invalid leads).
inline int utf8_seq_len(unsigned char b) {
    return b < 0xC0 ? 1 : (b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4));
}

// Appends c (<= 0x10FFFF; surrogates are encoded as is, as 'surrogatepass' would) to out.
void utf8_append(std::string& out, char32_t c);
// Bytes needed to encode c.
inline int utf8_width(char32_t c) {
    return c < 0x80 ? 1 : (c < 0x800 ? 2 : (c < 0x10000 ? 3 : 4));
}

// len(str): the number of code points. O(n), counts non-continuation bytes.
size_t utf8_length(std::string_view s);
// Byte offset of code point `index` (0 <= index <= length; index == length gives s.size()).
// O(1) when `ascii` (the caller's cached is_ascii flag), O(index) otherwise.
size_t utf8_offset(std::string_view s, size_t index, bool ascii = false);
// The code point at `index` (0 <= index < length). Same costs as utf8_offset.
char32_t utf8_at(std::string_view s, size_t index, bool ascii = false);

// The largest code point in s (0 for ""): PEP 393's kind is 1 byte if < 256, 2 if < 65536,
// else 4 (see hash.hpp). O(n).
char32_t utf8_max_code_point(std::string_view s);

}  // namespace interleave::python
