// Internal to objects/: the str methods defined outside str_methods.cpp, which registers them.
#pragma once

#include <span>

#include "python/objects/api.hpp"

namespace interleave::python {

// str_format.cpp: str.format(*args, **kwargs), str.format_map(mapping).
Value str_format_method(ThreadState& ts, const Value* a, size_t n, Tuple* kw);
Value str_format_map_method(ThreadState& ts, const Value* a, size_t n, Tuple* kw);
// str_case_methods.cpp: upper/lower/casefold/swapcase/title/capitalize, the is*() predicates,
// translate and maketrans (pynum's Unicode case mappings and properties).
std::span<const MethodDef> str_case_methods();
// bytes_methods.cpp: str.encode(encoding, errors) for utf-8, ascii, latin-1.
Value str_encode_method(ThreadState& ts, const Value* a, size_t n, Tuple* kw);

}  // namespace interleave::python
