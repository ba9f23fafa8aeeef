// The SyntaxErrors CPython 3.11's compiler (Python/compile.c) raises before it emits any code,
// found with one walk over the AST in the compiler's order, so the bytecode compiler can run on a
// tree that is known to compile. Call after build_symtable (symtable.hpp) succeeded.
//
// Checklist (messages and positions as compile.c)
//   ✓ 'return' outside function; 'return' with value in async generator
//   ✓ 'yield' outside function; 'yield from' inside async function
//   ✓ 'await' outside function; 'await' outside async function
//   ✓ 'async for' / 'async with' outside async function; asynchronous comprehension outside of
//     an asynchronous function
//   ✓ 'break' outside loop; 'continue' not properly in loop
//   ✓ can't use starred expression here; starred assignment target must be in a list or tuple;
//     multiple starred expressions in assignment
//   ✓ cannot assign to __debug__ / cannot delete __debug__; keyword argument repeated: x
//   ✓ default 'except:' must be last; from __future__ imports must occur at the beginning of
//     the file
//   ✓ match: alternative patterns bind different names; multiple assignments to name in
//     pattern; name capture / wildcard makes remaining patterns unreachable; attribute name
//     repeated in class pattern (✗ duplicate mapping keys, which need constant comparison)
//   ~ too many statically nested blocks: counts loops, with and try statements (and their
//     handlers) nested in one function; CPython counts its frame blocks, which can differ by a
//     level or two in corner cases
//   ✗ errors that need constant folding or code size limits (e.g. too many arguments in a call)
//
// Thread safety: pure; any thread. Cost: O(AST nodes); recursion depth is the AST's.
#pragma once

#include <optional>
#include <string_view>

#include "python/parser/ast.hpp"
#include "python/parser/symtable.hpp"
#include "python/parser/syntax_error.hpp"

namespace interleave::python {

// The first such error in compile order, or nullopt. `source` gives the error line's text
// (CPython has none for code compiled from a string; we give the line, as for a file).
std::optional<SyntaxErrorInfo> check_compile_errors(const Module& module, const SymbolTable& table,
                                                    std::string_view source,
                                                    std::string_view filename = "<main>");

// CPython's limit on statically nested blocks (CO_MAXBLOCKS).
inline constexpr int kMaxStaticBlocks = 20;

}  // namespace interleave::python
