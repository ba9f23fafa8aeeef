// Formatting exceptions as CPython 3.11's default excepthook prints them (Python/pythonrun.c
// print_exception_recursive + Python/traceback.c tb_displayline): the traceback entries with
// source lines and carets, chained exceptions, notes, SyntaxError's caret line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/vm/state.hpp"

namespace interleave::python {

// The full text for an uncaught exception (ends with a newline). May run Python code
// (__str__ of the exception); never raises (errors inside become "<exception str() failed>").
std::string format_exception(ThreadState& ts, Value exc);
// The innermost traceback entry's line (the failing line), or 0.
int exception_line(Value exc);
// "ZeroDivisionError" / "module.Name" as the last traceback line names the type.
std::string exception_type_name(Value exc);
// A SyntaxError's location lines as pythonrun.c print_exception prints them: `  File "f", line
// N`, then (when text is given) the source line without its indentation and, for offset > 0,
// the carets from offset to end_offset (1-based character columns; to the end of the line when
// end_lineno is past lineno; at least one, never past the text); no caret when offset points
// into the stripped indentation. Pure; any thread.
std::string format_syntax_error_location(std::string_view filename, int64_t lineno,
                                         const std::string* text, int64_t offset,
                                         int64_t end_lineno, int64_t end_offset);
// str(exc) as the traceback prints it.
std::string exception_message(ThreadState& ts, Value exc);

}  // namespace interleave::python
