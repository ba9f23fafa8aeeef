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

// Tokens covering every non-whitespace byte of `src`, in order, split at line ends.
std::vector<PySpan> lex_python(std::string_view src);

}  // namespace interleave::ui
