// Raising and matching Python exceptions as statuses (PYTHON.md §6: never C++ exceptions).
//
//   return raise(ts, &exc_TypeError, "message");          // -> Value::null()
//   return raisef(ts, &exc_ValueError, "bad {}", x), false;
//
// The exception lives in ts.curexc until a handler takes it. When the run is stopping,
// ts.stopped is set and curexc holds a sentinel that no `except` clause matches.
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

#define PY_EXC(name, base) extern Type exc_##name;
#include "python/objects/exceptions.def"
#undef PY_EXC

// Raises a new `type`(message). Returns Value::null() for `return raise(...)`.
Value raise(ThreadState& ts, Type* type, std::string_view message);
template <class... A>
Value raisef(ThreadState& ts, Type* type, fmt::format_string<A...> f, A&&... args) {
    return raise(ts, type, fmt::format(f, std::forward<A>(args)...));
}
// Raises `exc` (an instance; sets __context__ from the exception being handled).
Value raise_instance(ThreadState& ts, Value exc);
// `raise X`: X an exception class (instantiated with no arguments) or instance.
Value raise_object(ThreadState& ts, Value x);
Value raise_memory_error(ThreadState& ts);
// Ends everything on this thread: the run is stopping (RunStopped was seen).
Value raise_stopped(ThreadState& ts);
// An AttributeError "'T' object has no attribute 'name'".
Value raise_no_attribute(ThreadState& ts, Value obj, Str* name);
// AttributeError(message) with .name and .obj set, as CPython 3.11's PyObject_GetAttr leaves
// every failed lookup (the printed "Did you mean" comes from them). Returns null.
Value raise_attribute_error(ThreadState& ts, Value obj, Str* name, std::string message);

// The current exception's type matches `type` (a class or tuple of classes); false if none or
// the thread is stopping.
bool exc_matches(ThreadState& ts, Type* type);
bool exception_matches(ThreadState& ts, Value exc, Value type_or_tuple);
// Takes the current exception out of the thread (null if none).
Value fetch_exc(ThreadState& ts);
inline void clear_exc(ThreadState& ts) {
    if (!ts.stopped) ts.curexc = Value::null();
}
// Clears the exception if it matches `type` (e.g. StopIteration, AttributeError); returns
// whether it did.
bool clear_if(ThreadState& ts, Type* type);

// The type name of a value for messages: "int", "NoneType", "Foo".
const char* type_name(Value v);

}  // namespace interleave::python
