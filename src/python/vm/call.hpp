// Calling Python functions: argument binding (CPython 3.11's error messages) and running a
// function's frame in the eval loop.
#pragma once

#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

struct Code;

// Calls a Python function from C++ (a native re-entry: counts against the native depth).
Value call_function(ThreadState& ts, Function* f, const Value* args, size_t nargs,
                    Tuple* kwnames);
// Binds args to a new frame's localsplus (defaults, *args, **kwargs, cells). false: raised.
bool bind_arguments(ThreadState& ts, Function* f, Frame* frame, const Value* args, size_t nargs,
                    Tuple* kwnames);
// Initialises a frame for `f` (header and null-filled localsplus).
void init_frame(Frame* frame, Function* f, const Code* code);
// Runs `frame` (already bound) until it returns; the frame is marked as the loop's entry.
Value eval_frame(ThreadState& ts, Frame* frame);
// Runs a module or class body: `code` with `globals` and the `locals` mapping.
// `func` (optional) supplies the closure (a class body's free variables).
Value eval_code(ThreadState& ts, const Code* code, Dict* globals, Value locals,
                Function* func = nullptr);

}  // namespace interleave::python
