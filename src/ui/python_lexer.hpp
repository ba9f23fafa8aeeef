// Interleave UI — a small Python tokenizer for syntax colouring the code panel: keywords,
// builtins, strings (incl. triple-quoted across lines, f/r/b prefixes), comments, numbers,
// function names (after `def`, or called), decorators. Display only: it never rejects text.
// Pure; any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace interleave::ui {

enum class PyToken : uint8_t {
    text,
    keyword,
    builtin,
    string,
    comment,
    number,
    function,
    decorator
};

struct PySpan {
    uint32_t begin = 0, end = 0;  // byte offsets into the whole text; never span a '\n'
    PyToken kind = PyToken::text;
};

// Where a line starts: in code, or inside a triple-quoted string opened on an earlier line.
// Lets a view lex only the lines it shows (the code editor, on a 2,000-line file).
enum class PyLineState : uint8_t { code, in_triple_single, in_triple_double };

// Tokens covering every non-whitespace byte of `src`, in order, split at line ends; `start`
// is the state at src[0] (code for a whole text).
std::vector<PySpan> lex_python(std::string_view src, PyLineState start = PyLineState::code);

// The state at the start of the next line, given one line (without its '\n') and the state
// at its start. Agrees with lex_python on where strings and comments are; O(line).
PyLineState python_state_after_line(std::string_view line, PyLineState start);

}  // namespace interleave::ui
