// "Did you mean" for NameError and AttributeError, as CPython 3.11's Python/suggestions.c: the
// closest name by a Levenshtein distance where a case flip costs 1 and any other edit 2, within
// a third of the characters involved; no suggestion from 750 candidates or more, or for names
// past 40 characters.
#pragma once

#include <string_view>
#include <vector>

#include "python/vm/state.hpp"

namespace interleave::python {

// The index in `candidates` of the best suggestion for `name`, or -1. Pure; O(total length²).
int closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

// For a NameError raised in `frame`: the closest of the frame's local variables, else of its
// globals, else of its builtins (suggestions.c offer_suggestions_for_name_error). Null: none.
// Any thread; never raises.
Str* name_error_suggestion(ThreadState& ts, const Frame* frame, Str* name);

// For an AttributeError with `name` and `obj`: the closest of dir(obj). Runs dir() (Python code
// where a class defines __dir__), so it is called when the exception is printed, as CPython
// does. An error inside is swallowed. Empty: none.
std::string attribute_error_suggestion(ThreadState& ts, Value obj, Value name);

}  // namespace interleave::python
