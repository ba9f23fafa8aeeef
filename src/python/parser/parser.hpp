// The Python 3.11 front end's entry point: source text -> AST (ast.hpp) or a SyntaxError value.
//
// As CPython 3.11's parser (Grammar/python.gram + Parser/pegen_errors.c): the same AST for every
// valid program (ast_dump.hpp prints `ast.dump(ast.parse(src))` byte for byte), the same
// SyntaxError/IndentationError/TabError msg, lineno, offset, end_lineno, end_offset and text for
// the mistakes learners make (the differences are listed in tests/python/parser_corpus/README.md).
// A second, slower pass with error diagnoses runs only after a failure, as in CPython.
//
// Pipeline, as CPython's compile(): parse() here -> build_symtable() (symtable.hpp, its own
// SyntaxErrors) -> check_compile_errors() (compile_checks.hpp, the compiler's SyntaxErrors) ->
// code generation. Each step reports the first error as a SyntaxErrorInfo value.
//
// Checklist
//   ✓ every 3.11 statement and expression, f-strings (3.11 rules), match statements
//   ✓ errors: tokenizer errors, "expected ':'", unclosed/unmatched brackets, indentation,
//     invalid targets, "Perhaps you forgot a comma?", parameters and arguments ordering, ...
//   ✗ type comments (ast.parse's type_comments=True) and feature_version
//   ✗ `# coding:` declarations other than UTF-8 (the source is always UTF-8)
//   ✗ NFKC normalisation of identifiers (see unicode.hpp)
//   ✗ errors CPython's compiler raises, not its parser (e.g. "'return' outside function",
//     "'break' outside loop", "too many statically nested blocks"): see symtable.hpp for those
//     the symbol table raises; the rest belong to the bytecode compiler.
//
// Limits (documented, never a native stack overflow; sized for a 256 KiB thread stack):
//   brackets nested 200 deep: SyntaxError "too many nested parentheses" (as CPython);
//   indentation 100 levels: IndentationError "too many levels of indentation" (as CPython);
//   nesting past kMaxRecursion recursive constructs (each bracket, call, lambda, conditional,
//   `not`, `await`, `**`, block, definition counts one) or an AST deeper than kMaxNesting
//   (operator chains like `1 + 1 + ...`, prefix operators, `.attr`/call/subscript chains count
//   one level per link): RecursionError "maximum recursion depth exceeded during compilation"
//   (CPython raises that from its compiler, at depths that depend on the construct; it accepts
//   some deeper chains, e.g. `a.b.b....` 100,000 long). Every AST a parse returns is therefore at
//   most kMaxNesting nodes deep, so a recursive walk over it (dump, symbol table, compiler)
//   needs at most that many frames. Measured: 200 nested calls `f(f(...))`, the costliest
//   nesting, take ~140 KiB of stack natively (-O2).
//
// Errors are values: no C++ exception escapes these functions. (Internally the parser throws to
// unwind on a syntax error; parsing valid code never throws.)
// Thread safety: parse() is reentrant; any thread. Cost: O(n) for valid code; a failed parse
// parses again with diagnoses (still O(n) in practice). About 2,000 lines per few ms natively.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "python/parser/ast.hpp"
#include "python/parser/syntax_error.hpp"

namespace interleave::python {

// See "Limits" above.
inline constexpr int kMaxNesting = 1000;
inline constexpr int kMaxRecursion = 400;

// The outcome of parse(): a Module owned with its arena, or the error. Movable, not copyable.
class ParseResult {
  public:
    ParseResult() = default;
    ParseResult(ParseResult&&) noexcept = default;
    ParseResult& operator=(ParseResult&&) noexcept = default;

    [[nodiscard]] bool ok() const { return module_ != nullptr; }
    // The tree (ok() only). Valid while this ParseResult lives.
    [[nodiscard]] const Module* module() const { return module_; }
    // The error (!ok() only).
    [[nodiscard]] const SyntaxErrorInfo& error() const { return error_; }
    // The arena holding the tree; bytes_used() measures it.
    [[nodiscard]] const Arena* arena() const { return arena_.get(); }

  private:
    friend ParseResult parse(std::string_view, std::string_view);
    std::unique_ptr<Arena> arena_;
    Module* module_ = nullptr;
    SyntaxErrorInfo error_;
};

// Parses a whole file (CPython's "exec" mode, as compile(source, filename, "exec")): `source` is
// UTF-8 text (a UTF-8 BOM is skipped; "\r\n" and "\r" count as newlines). `filename` goes into
// SyntaxErrorInfo::filename only.
ParseResult parse(std::string_view source, std::string_view filename = "<main>");

}  // namespace interleave::python
