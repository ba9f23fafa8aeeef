// pickle's codec: Python values <-> CPython 3.11's pickle protocol 4 bytes (Lib/pickle.py,
// Modules/_pickle.c). What pickle.dumps/loads and every process boundary of multiprocessing and
// concurrent.futures use (PYTHON.md §9), so what crosses is bytes and the receiver gets copies.
//
//   ✓ None, bool, int (any size), float, str, bytes, tuple, list, dict, set, frozenset, with the
//     memo (shared references and cycles survive); the opcodes and framing of CPython's C
//     pickler at protocol 4, so pickle.dumps gives CPython's bytes for these
//   ✓ classes and functions by qualified name (STACK_GLOBAL): module-level `def`s, classes,
//     builtins (abs -> builtins.abs, os.getpid -> its module); a lambda fails with
//     _pickle.PicklingError "Can't pickle <function <lambda> at 0x…>: attribute lookup <lambda>
//     on __main__ failed", a local function with AttributeError "Can't pickle local object
//     'f.<locals>.g'", as 3.11
//   ✓ instances of classes (NEWOBJ + BUILD with __dict__ or __getstate__()), __setstate__ on
//     load, a user __reduce__/__reduce_ex__ (callable, args[, state]); exceptions as
//     (type, args) + __dict__
//   ✓ bound methods, of instances and of builtin objects, as (getattr, (self, name)), as
//     CPython 3.11's method __reduce__ (Process(target=q.put), pool.map(obj.method, ...));
//     the receiver gets getattr(copy of self, name); an unpicklable self fails as self would
//     ("cannot pickle '_thread.lock' object")
//   ✓ range and slice as (type, (start, stop, step)), as CPython
//   ✓ multiprocessing's shared objects (queues, pipes, locks, Value/Array, process handles) as
//     persistent ids into Pickled::handles when `handles` is given (inheritance by a child,
//     messages on queues); plain pickle.dumps refuses them (TypeError "cannot pickle …")
//   ✗ protocols 0–3 and 5 for dumps (loads reads every opcode listed in pickle_codec.cpp),
//     copyreg extension registry, __slots__ state, buffers
//
// Thread-safety: the calling Python thread (may run Python code: __reduce__, __getstate__,
// find_class imports). Cost: O(size of the object graph); a memo hash map per call.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "python/vm/state.hpp"

namespace interleave::python {

using PickleHandles = std::vector<std::shared_ptr<void>>;

// pickle.dumps(v, protocol=4). false with the exception raised. handles: where shared mp
// objects go (null: they raise TypeError).
bool pickle_dumps(ThreadState& ts, Value v, std::string* out, PickleHandles* handles = nullptr);
// pickle.loads(data): a new value, or null with UnpicklingError (or what find_class raised).
Value pickle_loads(ThreadState& ts, std::string_view data, const PickleHandles* handles = nullptr);

// A builtin object pickle saves by its reduce value, as CPython 3.11's types reduce them: a
// bound method (of an instance, or a builtin bound to an object that is not a module:
// [].append; os.getpid is a global), a range, a slice. Never raises.
bool has_builtin_reduce(Value v);
// Its reduce value: (builtins.getattr, (self, name)) as method.__reduce__ and
// builtin_function_or_method.__reduce__; (range, (start, stop, step)); (slice, (start, stop,
// step)). Null with the exception raised.
Value builtin_reduce(ThreadState& ts, Value v);

// An exception pickles as (type, exception_reduce_args, exception_state), as CPython 3.11's
// BaseException.__reduce__, OSError_reduce and ImportError_reduce: its args (an OSError's
// with its filenames), then its __dict__ when not empty (an ImportError's with its name and
// path), else null. Other C-member attributes (exception_attrs: AttributeError's name and obj,
// ...) are not saved. Null args, or a null state with an exception set: raised.
Value exception_reduce_args(ThreadState& ts, Value exc);
Value exception_state(ThreadState& ts, Value exc);

// Raises pickle's own exception class `name` ("PicklingError", "UnpicklingError") with msg.
Value raise_pickle_error(ThreadState& ts, const char* name, std::string_view msg);

}  // namespace interleave::python
