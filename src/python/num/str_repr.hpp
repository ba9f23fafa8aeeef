// repr() and ascii() of str and bytes, byte for byte as CPython 3.11 (unicode_repr,
// PyBytes_Repr, PyObject_ASCII).
//
// Quotes: ' unless the text contains ' and no ", then ". Escapes: \\ \t \n \r and the quote;
// other code points < 0x20 and 0x7f as \xhh; non-ASCII kept as is when printable
// (str.isprintable), else \xhh / \uhhhh / \Uhhhhhhhh (lower-case hex). ascii() escapes every
// non-ASCII code point. bytes: b'...', every byte < 0x20 or >= 0x7f as \xhh.
// Input str is valid UTF-8. O(n) (one Unicode table lookup per non-ASCII code point). Any
// thread.
#pragma once

#include <string>
#include <string_view>

namespace interleave::python {

// repr(s) for a str given as UTF-8.
std::string repr_str(std::string_view utf8);
// ascii(s) for a str given as UTF-8.
std::string ascii_str(std::string_view utf8);
// repr(b) for bytes: b'...'.
std::string repr_bytes(std::string_view bytes);
// repr(b) for bytearray: bytearray(b'...'), which escapes every ' (CPython 3.11's bytearray_repr).
std::string repr_bytearray(std::string_view bytes);
// Appends repr(s) to out (no intermediate string).
void append_repr_str(std::string& out, std::string_view utf8, bool ascii_only = false);

}  // namespace interleave::python
