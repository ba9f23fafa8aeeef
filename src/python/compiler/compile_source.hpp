// Source text to a CodeUnit (parse + compile), and the traceback's caret anchors: the two
// things the VM needs from the front end, behind a header that does not pull in the AST
// (whose node names, Dict/List/Tuple/Module, share the namespace with the object model).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "python/compiler/code_unit.hpp"
#include "python/parser/syntax_error.hpp"

namespace interleave::python {

struct SourceCompileOutput {
    std::shared_ptr<CodeUnit> code;  // null on error
    SyntaxErrorInfo error;
    std::vector<SyntaxErrorInfo> warnings;  // SyntaxWarnings (msg, lineno)
};

// Parses and compiles a module. Any thread.
SourceCompileOutput compile_source(std::string_view source, std::string_view filename);

// CPython 3.11's extract_anchors_from_line: if `segment` (the source of one failing
// instruction) is a binary operation or a subscript, the byte offsets within it of the
// operator / brackets (*left_end, *right_start) and the caret characters ('~' then '^').
bool caret_anchors(const std::string& segment, int* left_end, int* right_start, char* primary,
                   char* secondary);

}  // namespace interleave::python
