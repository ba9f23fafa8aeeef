// The abstract object protocol (CPython's Objects/abstract.c and object.c): what the eval loop
// and builtins do with any value. Status convention as object.hpp.
#pragma once

#include <cstdint>
#include <string>

#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

// --- text ----------------------------------------------------------------------------------
Value repr(ThreadState& ts, Value v);  // a str
Value str(ThreadState& ts, Value v);   // a str
Value ascii_repr(ThreadState& ts, Value v);
Value format(ThreadState& ts, Value v, Value spec);  // format(v, spec); spec a str or null
// repr()/str() as UTF-8 for C++ callers; false if it raised.
bool repr_utf8(ThreadState& ts, Value v, std::string* out);
bool str_utf8(ThreadState& ts, Value v, std::string* out);

// --- comparison, hashing, truth --------------------------------------------------------------
bool hash(ThreadState& ts, Value v, int64_t* out);
Value richcompare(ThreadState& ts, Value a, Value b, CompareOp op);
int richcompare_bool(ThreadState& ts, Value a, Value b,
                     CompareOp op);            // identity shortcut for eq/ne
int equal(ThreadState& ts, Value a, Value b);  // a == b as 1/0, -1 raised
int truthy(ThreadState& ts, Value v);
// The answer of `op` for a three-way comparison `c` (< 0, 0, > 0): the rich comparisons of
// values with a total order (int, float, str, bytes, tuple's first difference).
inline Value ordering_result(int c, CompareOp op) {
    switch (op) {
        case CompareOp::lt:
            return Value::boolean(c < 0);
        case CompareOp::le:
            return Value::boolean(c <= 0);
        case CompareOp::eq:
            return Value::boolean(c == 0);
        case CompareOp::ne:
            return Value::boolean(c != 0);
        case CompareOp::gt:
            return Value::boolean(c > 0);
        default:
            return Value::boolean(c >= 0);
    }
}

// --- attributes ----------------------------------------------------------------------------
Value getattr(ThreadState& ts, Value obj, Str* name);
// As getattr, but a missing attribute returns null with no exception set.
Value getattr_opt(ThreadState& ts, Value obj, Str* name);
bool setattr(ThreadState& ts, Value obj, Str* name, Value v);
bool delattr(ThreadState& ts, Value obj, Str* name);
// object.__getattribute__ / __setattr__ (generic attribute access with descriptors).
Value generic_getattr(ThreadState& ts, Value obj, Str* name);
Value generic_getattr_opt(ThreadState& ts, Value obj, Str* name);
bool generic_setattr(ThreadState& ts, Value obj, Str* name, Value v);
// The attribute on the type's MRO (no descriptor call), or null.
Value type_lookup(const Type* t, Str* name);
// LOAD_METHOD: *method and *self such that method(self, ...) is obj.name(...); *self null when
// the attribute was not an unbound method (then *method is the attribute itself).
bool get_method(ThreadState& ts, Value obj, Str* name, Value* method, Value* self);

// --- calls ---------------------------------------------------------------------------------
Value call(ThreadState& ts, Value callable, const Value* args, size_t nargs,
           Tuple* kwnames = nullptr);
Value call0(ThreadState& ts, Value callable);
// How a call's errors name the callable (CPython 3.11's _PyObject_FunctionStr): "mod.qualname()",
// "qualname()" for builtins, str(callable) without a __qualname__. Never raises.
std::string function_str(ThreadState& ts, Value callable);
Value call1(ThreadState& ts, Value callable, Value a);
Value call2(ThreadState& ts, Value callable, Value a, Value b);
// obj.name(args...); args are rooted by the caller.
Value call_method(ThreadState& ts, Value obj, Str* name, const Value* args, size_t nargs);
// f(*args_tuple, **kwargs_dict); kwargs may be null.
Value call_ex(ThreadState& ts, Value callable, Value args, Value kwargs);
bool is_callable(Value v);

// --- iteration, containers -------------------------------------------------------------------
Value get_iter(ThreadState& ts, Value v);
// The next item; null with no exception = exhausted (StopIteration is cleared here).
Value iter_next(ThreadState& ts, Value it);
int64_t length(ThreadState& ts, Value v);  // -1 raised
// How many items iterating v may give, as CPython 3.11's PyObject_LengthHint: len(v) if it has
// one (a TypeError from it falls back), else type(v).__length_hint__(v) (NotImplemented or
// absent: dflt); OverflowError past int64, ValueError when negative, TypeError for a non-int.
// May run Python code. -1 raised.
int64_t length_hint(ThreadState& ts, Value v, int64_t dflt);
Value getitem(ThreadState& ts, Value obj, Value key);
bool setitem(ThreadState& ts, Value obj, Value key, Value v);
bool delitem(ThreadState& ts, Value obj, Value key);
int contains(ThreadState& ts, Value container, Value item);
// Collects an iterable into `out` (rooted by the caller).
bool iterate_into(ThreadState& ts, Value iterable, std::vector<Value>& out);

// --- numbers -------------------------------------------------------------------------------
Value binary_op(ThreadState& ts, Value a, Value b, int op);  // op: BinOp (+ kInplace)
Value unary_neg(ThreadState& ts, Value v);
Value unary_pos(ThreadState& ts, Value v);
Value unary_invert(ThreadState& ts, Value v);
Value number_abs(ThreadState& ts, Value v);
Value number_index(ThreadState& ts, Value v);  // operator.index: an int
// An index into a sequence (operator.index then int64); false with an error raised.
bool index_i64(ThreadState& ts, Value v, int64_t* out, Type* overflow_error = nullptr);
Value number_to_int(ThreadState& ts, Value v);
bool number_to_double(ThreadState& ts, Value v, double* out);  // float(v)
const char* binop_symbol(int op);
Value number_round(ThreadState& ts, Value x, Value ndigits);  // round(x[, n]) for int/float
Value number_divmod(ThreadState& ts, Value a, Value b);
// sys.stdout / sys.stderr objects of the interpreter (print writes them directly).
bool is_std_stream(Value v);
bool std_stream_is_err(Value v);

// --- types ---------------------------------------------------------------------------------
int isinstance(ThreadState& ts, Value obj, Value cls);
int issubclass(ThreadState& ts, Value cls, Value base);

}  // namespace interleave::python
