// Helpers for the interpreter's unit tests: run a program without an engine run (or inside
// one) and collect what it printed.
#pragma once

#include <string>

#include "python/interp.hpp"

namespace interleave::python::testing {

struct Ran {
    std::string out;  // stdout lines, each with "\n"
    std::string err;  // stderr lines
    RunResult result;
    std::string compile_error;
};

inline Ran run_source(const std::string& source, size_t heap_limit = 0) {
    Ran r;
    CompileResult c = compile_program(source, "<main>");
    if (!c.program) {
        r.compile_error = c.error_text;
        r.result.exit_code = 1;
        return r;
    }
    RunOptions opts;
    opts.heap_limit_bytes = heap_limit;
    opts.line_sink = [&r](bool err, std::string line) { (err ? r.err : r.out) += line + "\n"; };
    r.result = run_detached(c.program, opts);
    return r;
}

}  // namespace interleave::python::testing
