// The error value of the front end: what CPython 3.11's SyntaxError (and its subclasses
// IndentationError and TabError) carries, so the VM can raise the same exception and the
// editor can underline the same range.
#pragma once

#include <cstdint>
#include <string>

namespace interleave::python {

enum class SyntaxErrorKind : uint8_t {
    SyntaxError,
    IndentationError,
    TabError,
    // Nesting past the front end's limits (see parser.hpp, "Limits"), as CPython's
    // "RecursionError: maximum recursion depth exceeded during compilation". Not a SyntaxError
    // subclass in Python: the VM raises RecursionError with `msg`.
    RecursionError,
};

// "SyntaxError", "IndentationError", "TabError", "RecursionError".
const char* name_of(SyntaxErrorKind k);

// CPython's SyntaxError attributes: msg, lineno, offset, end_lineno, end_offset, text, filename.
// lineno/end_lineno are 1-based; offset/end_offset are 1-based *character* (code point) columns,
// end exclusive, as CPython reports them (CPython reports 0 or -1 as end_offset for some
// tokenizer errors; we reproduce those values). text is the offending source line, with its
// trailing "\n" exactly when CPython includes it.
struct SyntaxErrorInfo {
    SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError;
    std::string msg;
    std::string filename;
    int lineno = 0;
    int offset = 0;
    int end_lineno = 0;
    int end_offset = 0;
    std::string text;
    // Raised after parsing (symbol table, compiler checks): CPython reads such an error's text
    // from the file, so source given as a string ("<string>", exec) has none.
    bool from_compiler = false;
};

// Internal to the front end: thrown by the lexer and parser, caught at the API (parser.hpp,
// symtable.hpp). Never escapes a public function.
struct SyntaxErrorException {
    SyntaxErrorInfo info;
    // True for errors the tokenizer raised as an exception in CPython (unterminated strings,
    // invalid characters or literals, unmatched brackets): they replace an earlier parser error
    // (CPython's _PyPegen_tokenize_full_source_to_check_for_errors).
    bool from_tokenizer = false;
    // True for every error the lexer raised (the tokenizer is then in an error state and is not
    // read any further).
    bool in_tokenizer = false;
};

}  // namespace interleave::python
