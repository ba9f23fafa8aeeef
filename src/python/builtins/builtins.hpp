// The builtins module and the process's text streams.
#pragma once

#include <string_view>

#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

// Creates builtins, sys and __main__ for a fresh interpreter. false: raised (out of memory).
bool init_interp(ThreadState& ts);
// Writes text to the process's stdout (err=false) or stderr: complete lines go to the run
// (Runtime::print) as they end; the partial last line waits for more or for flush_streams.
// false: the run is stopping (ts.stopped is set).
bool write_stream(ThreadState& ts, bool err, std::string_view text);
// Hands partial lines over (at exit, sys.stdout.flush(), print(flush=True)).
bool flush_streams(ThreadState& ts);
// Drops the partial lines unwritten (os._exit: no flush).
void discard_partial_lines(ThreadState& ts);
// SystemExit's code as the process exit status; prints a non-int code to stderr (as CPython).
int system_exit_code(ThreadState& ts, Value exc);
// Waits for the non-daemon threads the program started (threading's shutdown).
void wait_for_threads(ThreadState& ts);

// builtin functions defined across files (builtins_*.cpp)
Value builtin_build_class(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);
// aiter(x) / anext(x[, default]) (3.10+): vm/async_gen.cpp.
Value builtin_aiter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);
Value builtin_anext(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);
Value builtin_import(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames);
void add_builtin_functions(ThreadState& ts, Dict* d);
void add_builtin_seq_functions(ThreadState& ts, Dict* d);
void add_builtin_exec_functions(ThreadState& ts, Dict* d);
Value sort_list(ThreadState& ts, List* l, Value key, bool reverse);

}  // namespace interleave::python
