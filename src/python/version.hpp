// Interleave's Python interpreter: the language version it follows.
#pragma once

namespace interleave::python {

// "3.11": the CPython version whose behaviour the interpreter reproduces. Any thread.
const char* language_version();

}  // namespace interleave::python
