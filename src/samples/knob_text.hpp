// Interleave samples — knobs as values in a program's text: find them, read them, rewrite them.
//
//   TASKS = 4  # how many tasks, one job each
//
// A knob with a Python `name` (knobs.hpp) *is* the program's first top-level assignment to
// that name. Reading it validates the value against the knob's spec; moving the knob rewrites
// only that value's bytes, so an editor applies the change as one edit and the user's
// comments, spacing and everything else stay byte-identical. A program without the line has
// no such knob — there is nothing to create or restore behind the user's back.
//
// What counts as the knob's line (the rules a learner can predict):
//   ✓ a line starting in column 0 with NAME, then `=`, then the value: `TASKS=4`,
//     `TASKS   =  4   # comment`, tabs, CRLF line ends, a UTF-8 BOM before the first line
//   ✓ the first such line per name; later assignments are ordinary program code
//   ✓ values: integers (`1_000`, `-2`), floats (`0.5`, `.5`, `1e-3`), strings ('x' or "x"),
//     True/False/None — one literal, optionally followed by a comment
//   ✗ indented lines (inside a def, if, class), lines inside brackets, strings (docstrings)
//     or after a backslash continuation: those are not top-level statements
//   ✗ `TASKS: int = 4`, `TASKS += 1`, `TASKS == 4`, `A = TASKS = 4` (not read as TASKS)
//   ✗ an expression (`TASKS = 2 * 2`, `TASKS = 4; X = 1`): the knob is there, reports a
//     notice and cannot be moved — the text is the program, the knob only mirrors a value
// A value the spec does not accept (out of range, wrong type, unknown choice) is reported as
// a notice naming the line; it is never clamped or replaced silently.
//
// Pure functions of their arguments: any thread, no allocation beyond the results, linear in
// the text's length. Never throw on any input bytes (fuzzed: tests/fuzz/fuzz_knob_text.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samples/knobs.hpp"

namespace interleave::samples {

// One top-level `NAME = value` statement of a program.
struct Assignment {
    std::string name;
    int line = 0;        // 1-based
    size_t begin = 0;    // the value's first byte in the text
    size_t end = 0;      // one past its last byte (spaces and a comment after it excluded)
    bool plain = false;  // the value is one literal (a knob can read and rewrite it)
};

// The first top-level assignment to each name, in text order.
std::vector<Assignment> top_level_assignments(std::string_view text);

// A knob found in a text.
struct TextKnob {
    const KnobSpec* spec = nullptr;    // points into the caller's specs
    Assignment at;                     // its line and the value's bytes
    std::optional<std::string> value;  // canonical knob text, when the spec accepts the value
    std::string notice;                // else why not, one line: "line 9: TASKS = 20 is out of
                                       // range 1..16"
};

// The knobs of `specs` that `text` has (specs with a name whose line is there), in spec order.
std::vector<TextKnob> read_knobs(const std::vector<KnobSpec>& specs, std::string_view text);

// One replacement: the bytes [offset, offset + length) of the text become `replacement`.
struct TextEdit {
    size_t offset = 0, length = 0;
    std::string replacement;
};
std::string apply_edit(std::string_view text, const TextEdit& edit);

// The edit that sets `spec`'s knob in `text` to `value` (anything parse_knob accepts): only the
// literal's bytes change, to knob_literal(value) — in the string's quote character where the
// text wrote one. Setting the value the text already has keeps the literal as written (`1_000`,
// `1.0`): replacement == the old literal. So a knob moved away and back restores the text. nullopt
// with `error` when the value is invalid for the spec, the spec is a run setting, the text has no
// line for the knob, or the value there is not a plain literal.
std::optional<TextEdit> knob_edit(const KnobSpec& spec, std::string_view text,
                                  std::string_view value, std::string* error);

// The Python literal a knob value is written as: `4`, `0.5`, `"threads"`, `True`.
// `value` must be canonical for `spec` (parse_knob's result).
std::string knob_literal(const KnobSpec& spec, std::string_view value);

}  // namespace interleave::samples
