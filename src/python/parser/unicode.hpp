// Unicode for the front end: UTF-8 decoding and encoding, identifier characters, printability
// and \N{...} names, from tables generated out of CPython 3.11's unicodedata (Unicode 14.0.0;
// see gen_unicode_tables.py). Pure functions: any thread; O(log n) table lookups.
//
// ✓ identifiers: XID_Start/XID_Continue as str.isidentifier() (✗ NFKC normalisation: `ﬁ` and
//   `fi` are different names here, one name in CPython)
// ✓ printable: str.isprintable()
// ✓ \N{name}: the characters of Basic Latin, Latin-1, Greek, General Punctuation, Currency,
//   Letterlike, Arrows, Mathematical Operators, Box Drawing, Block Elements, Geometric Shapes,
//   Miscellaneous Symbols and Dingbats, and the C0 control aliases (~1,700 names, any case);
//   ✗ every other name (CJK, emoji, other scripts): the lookup fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace interleave::python {

struct CodeRange {
    uint32_t first, last;
};
struct NamedChar {
    const char* name;
    uint32_t code;
};
namespace unicode_tables {
extern const CodeRange xid_start[];
extern const size_t xid_start_size;
extern const CodeRange xid_continue[];
extern const size_t xid_continue_size;
extern const CodeRange printable[];
extern const size_t printable_size;
extern const NamedChar names[];
extern const size_t names_size;
}  // namespace unicode_tables

// Decodes one UTF-8 sequence at p (p < end): the number of bytes (1-4) and *cp, or 0 if the bytes
// there are not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF are invalid).
size_t decode_utf8(const char* p, const char* end, uint32_t* cp);
// Appends cp's UTF-8 encoding (surrogates are encoded as CPython's "surrogatepass" would: three
// bytes; they only arise from "\ud800"-style escapes).
void append_utf8(std::string& out, uint32_t cp);
// The index of the first byte that is not valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view s);

// Python identifier characters (str.isidentifier()); ASCII included.
bool is_id_start(uint32_t cp);
bool is_id_continue(uint32_t cp);
// str.isprintable() for one character.
bool is_printable(uint32_t cp);
// \N{name}: the character named `name` (any case), if the table knows it.
std::optional<uint32_t> lookup_char_name(std::string_view name);

}  // namespace interleave::python
