// The numeric and text primitives the object model takes from src/python/num (pynum's
// CPython-exact float repr, hashing, format mini-language). One place, so each swap from a
// provisional version to pynum's is one edit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace interleave::python {

// repr(float): the shortest text that round-trips, in CPython's layout ('1e-05', '1e+16',
// 'inf', 'nan', '0.30000000000000004').
std::string float_repr_text(double d);
// float(text) for str arguments; false when the text is not a float literal.
bool float_parse_text(std::string_view text, double* out);
// hash of a str's text as CPython computes it with PYTHONHASHSEED=0.
int64_t hash_str_text(std::string_view utf8);

}  // namespace interleave::python
