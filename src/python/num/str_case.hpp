// str's case conversions and character-class predicates, as CPython 3.11's
// Objects/unicodeobject.c: lower/upper/casefold/swapcase/capitalize/title (full mappings:
// 'ß'.upper()
// == 'SS', final sigma in lower()) and isalpha/isalnum/isdecimal/isdigit/isnumeric/isspace/
// isprintable/isidentifier/isupper/islower/istitle/isascii.
//
// ✓ exact for every code point: the tables come from python3.11 itself (unicode_db.hpp) and a
//   test compares each of the 1,114,112 code points' predicates, mappings and repr with python3
// ✓ Σ lowers to ς at the end of a word (\p{cased}\p{case-ignorable}*Σ!(\p{case-ignorable}*
//   \p{cased})) in lower(), capitalize(), title() and swapcase(), as CPython
// ASCII strings take byte-wise fast paths. Inputs are valid UTF-8 (Python str). Any thread;
// pure functions; O(n) (non-ASCII: one table lookup per code point).
#pragma once

#include <string>
#include <string_view>

namespace interleave::python {

std::string str_lower(std::string_view s);
std::string str_upper(std::string_view s);
std::string str_casefold(std::string_view s);
std::string str_swapcase(std::string_view s);
std::string str_capitalize(std::string_view s);
std::string str_title(std::string_view s);

// Empty strings give false, except isprintable (true).
bool str_isalpha(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isdigit(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isspace(std::string_view s);
bool str_isprintable(std::string_view s);
bool str_isidentifier(std::string_view s);  // keywords count: 'if'.isidentifier() is true
bool str_isupper(std::string_view s);       // cased chars all upper, at least one
bool str_islower(std::string_view s);
bool str_istitle(std::string_view s);
bool str_isascii(std::string_view s);

}  // namespace interleave::python
