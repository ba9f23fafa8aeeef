// ast.dump for our AST: the exact text of CPython 3.11's
// `ast.dump(ast.parse(src), annotate_fields=True, include_attributes=...)` (indent=None), so tests
// compare our trees with CPython's byte for byte.
//
// Thread safety: pure; any thread. Cost: O(nodes); recursion depth = AST depth (bounded by
// kMaxNesting, see parser.hpp).
#pragma once

#include <string>

#include "python/parser/ast.hpp"

namespace interleave::python {

// `include_attributes` adds lineno, col_offset, end_lineno, end_col_offset as CPython does.
std::string ast_dump(const Module& module, bool include_attributes = false);

// Python's repr() of the values a Constant holds, as CPython 3.11 prints them (the front end's
// own, so it stays free of the VM's libraries; src/python/num has the VM's repr_str/float_repr):
// str ('...' or "..." with escapes; printable non-ASCII kept), bytes (b'...'), float (shortest
// round-trip digits: 1e+16, 1e-05, 0.1), imaginary (2j, 1.5e+300j).
std::string ast_repr_str(std::string_view utf8);
std::string ast_repr_bytes(std::string_view bytes);
std::string ast_repr_float(double v);
std::string ast_repr_imag(double v);

}  // namespace interleave::python
