// The compiler's entry point: an AST (parser/ast.hpp) to a tree of CodeUnits, as CPython
// 3.11's Python/compile.c lays them out (see opcodes.hpp for the instruction set).
#pragma once

#include <memory>
#include <string_view>

#include "python/compiler/code_unit.hpp"
#include "python/parser/ast.hpp"
#include "python/parser/syntax_error.hpp"

namespace interleave::python {

struct CompileOutput {
    std::shared_ptr<CodeUnit> code;  // null on error
    SyntaxErrorInfo error;
    std::vector<SyntaxErrorInfo> warnings;  // SyntaxWarnings (msg, lineno), in source order
};

// Compiles a module. Errors the compiler raises (as CPython's: "'return' outside function",
// "'break' outside loop", ...) come back as SyntaxErrorInfo. Any thread.
CompileOutput compile_module(const Module* module, std::string_view filename,
                             std::string_view source);

}  // namespace interleave::python
