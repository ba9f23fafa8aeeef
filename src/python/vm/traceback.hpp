// Formatting exceptions as CPython 3.11's default excepthook prints them (Python/pythonrun.c
// print_exception_recursive + Python/traceback.c tb_displayline): the traceback entries with
// source lines and carets, chained exceptions, notes, SyntaxError's caret line.
#pragma once

#include <string>

#include "python/vm/state.hpp"

namespace interleave::python {

// The full text for an uncaught exception (ends with a newline). May run Python code
// (__str__ of the exception); never raises (errors inside become "<exception str() failed>").
std::string format_exception(ThreadState& ts, Value exc);
// The innermost traceback entry's line (the failing line), or 0.
int exception_line(Value exc);
// "ZeroDivisionError" / "module.Name" as the last traceback line names the type.
std::string exception_type_name(Value exc);
// str(exc) as the traceback prints it.
std::string exception_message(ThreadState& ts, Value exc);

}  // namespace interleave::python
