// Interleave's Python interpreter: compiling a program and running it on the engine.
//
//   auto c = python::compile_program(source, "<main>");
//   if (!c.program) { show c.error (SyntaxError with line, column, caret); }
//   auto run = engine::Run::start([&](engine::Runtime& rt) {
//       result = python::run_main(rt, c.program, {});
//   }, config);
//
// What runs is CPython 3.11's language and builtins as far as src/python implements them
// (README.md in this folder lists the state). The main program runs on the calling worker
// (the run's MainThread); print() goes to Runtime::print as complete lines (stdout), the
// traceback of an uncaught exception to the run's stderr lines.
//
// Thread-safety: compile_program is reentrant (any thread). A Program is immutable and may be
// run by any number of runs at once. run_main must be called on a worker of `rt` (a Run body).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/parser/syntax_error.hpp"

namespace interleave::engine {
class Runtime;
}

namespace interleave::python {

struct Program;

struct CompileResult {
    std::shared_ptr<const Program> program;  // null when the source has an error
    SyntaxErrorInfo error;                   // filled when program is null
    // The error as CPython prints it (File line, source, caret, "SyntaxError: msg").
    std::string error_text;
};

// Parses and compiles `source` (UTF-8). `filename` appears in tracebacks ("<main>" in the
// playground; the CLI passes the path as given). Cost: O(source), ~ms per thousand lines.
CompileResult compile_program(std::string_view source, std::string filename);

struct ErrorInfo {
    std::string type;       // "ZeroDivisionError", "mymodule.MyError"
    std::string message;    // str(exc)
    int line = 0;           // the innermost traceback line (0: none)
    std::string traceback;  // the full text printed to stderr
};

struct RunOptions {
    std::vector<std::string> argv;  // sys.argv (argv[0] is the program's path)
    // __main__.__file__ (as CPython: the script's absolute path, "<stdin>" for `-`); empty:
    // not defined, as for a program typed in the playground (CPython's `-c`).
    std::string main_file;
    size_t heap_limit_bytes = 0;    // 0: the default (512 MiB natively, 256 MiB in wasm)
    // Receives output lines instead of the engine (unit tests): (is_stderr, line).
    std::function<void(bool, std::string)> line_sink;
};

struct RunResult {
    int exit_code = 0;               // 0, 1 (uncaught exception), sys.exit(n)'s n
    std::optional<ErrorInfo> error;  // the uncaught exception, if any
    bool stopped = false;            // the run was stopped (no traceback)
};

// Runs `program` as __main__ on the calling worker of `rt`: returns when it ends (and its
// non-daemon threads have ended). Never throws; an engine stop ends it with stopped = true.
RunResult run_main(engine::Runtime& rt, std::shared_ptr<const Program> program,
                   RunOptions options = {});
// Same without an engine run (unit tests, benchmarks of the VM alone): output goes to
// options.line_sink, no GIL, no stop.
RunResult run_detached(std::shared_ptr<const Program> program, RunOptions options);

}  // namespace interleave::python
