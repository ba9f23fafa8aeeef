// Making and reading the core objects. Every maker allocates on the thread's heap and returns
// nullptr / Value::null() with MemoryError raised when the heap is over its limit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/objects/core.hpp"
#include "python/objects/types.hpp"

namespace interleave::python {

class ThreadState;
class Heap;

// --- type tests ----------------------------------------------------------------------------
inline bool is_type(Value v, const Type* t) {
    return v.is_ptr() && v.as_ptr()->type == t;
}
bool is_subtype(const Type* t, const Type* base);  // via the MRO
inline bool isinstance_fast(Value v, const Type* t) {
    Type* vt = type_of(v);
    return vt == t || is_subtype(vt, t);
}
inline bool is_str(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeStrSub);
}
inline bool is_exact_str(Value v) {
    return is_type(v, &str_type);
}
inline bool is_tuple(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeTupleSub);
}
inline bool is_list(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeListSub);
}
inline bool is_dict(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeDictSub);
}
inline bool is_typeobj(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeTypeSub);
}
// int (small or big) or bool
bool is_int(Value v);
inline bool is_bigint(Value v) {
    return v.is_ptr() && v.as_ptr()->type->tflags & kTypeIntSub;
}
// bytes or a subclass (never bytearray)
inline bool is_bytes(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeBytesSub);
}
bool is_exception_instance(Value v);
bool is_exception_type(Value v);

// --- str -----------------------------------------------------------------------------------
Str* new_str(ThreadState& ts, std::string_view utf8);  // utf8 must be valid UTF-8
Value str_value(ThreadState& ts, std::string_view utf8);
Str* new_str_heap(Heap& h, std::string_view utf8);        // for static/program heaps
Str* intern_str(ThreadState& ts, std::string_view utf8);  // per-interp interning
int64_t str_hash(Str* s);
bool str_eq(const Str* a, const Str* b);
inline Str* as_str(Value v) {
    return v.as<Str>();
}
std::string_view str_view(Value v);  // v must be a str

// --- bytes ---------------------------------------------------------------------------------
Bytes* new_bytes(ThreadState& ts, std::string_view data);
// --- bytearray (bytearray.cpp) -------------------------------------------------------------
ByteArray* new_bytearray(ThreadState& ts, std::string_view data);
// The data of a bytes or bytearray (CPython's buffer protocol for the two); false for others.
// A bytearray's view is valid until it is next resized.
bool bytes_like(Value v, std::string_view* out);
// bytes_like for readers that must not see a shared bytearray resized under them (free-threaded
// runs): such a bytearray is copied into `copy` under its lock and the view points there.
bool read_bytes(Value v, std::string* copy, std::string_view* out);
// v.__bytes__() into `out` (bytes(v); %b and %s of bytes formatting), as CPython 3.11's
// Objects/bytesobject.c: the result must be a bytes ("__bytes__ returned non-bytes (type X)").
// false with *missing set and nothing raised when v's type has no __bytes__; false with an
// exception set when the call fails. Any thread holding the GIL (or free-threaded).
bool bytes_from_dunder(ThreadState& ts, Value v, std::string* out, bool* missing);
// A new bytes, or bytearray when `like` is one (methods shared by both return their own type).
Value new_bytes_like(ThreadState& ts, Value like, std::string_view data);
// The bytes of bytes(...)/bytearray(...) arguments (source, encoding, errors), as CPython
// 3.11's bytes_new and bytearray___init__ read them; `name` is "bytes" or "bytearray" for the
// messages. False with the exception set.
bool bytes_from_args(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames,
                     const char* name, std::string* out);

// --- tuple ---------------------------------------------------------------------------------
Tuple* new_tuple(ThreadState& ts, int64_t size);  // items null-filled: set them all
Tuple* new_tuple_from(ThreadState& ts, const Value* items, int64_t n);
// (v,) for __getnewargs__ of the immutable builtins (v null: passes the raise on). O(1).
Value getnewargs_of(ThreadState& ts, Value v);
// The value of a float or of an instance of a subclass of float (PyFloat_AS_DOUBLE); false for
// anything else. O(1).
bool float_value(Value v, double* out);
Tuple* new_tuple_heap(Heap& h, int64_t size);
Tuple* empty_tuple();

// --- list ----------------------------------------------------------------------------------
List* new_list(ThreadState& ts, int64_t size = 0);  // size items, null-filled
List* new_list_from(ThreadState& ts, const Value* items, int64_t n);
bool list_append(ThreadState& ts, List* l, Value v);
bool list_reserve(ThreadState& ts, List* l, int64_t capacity);

// --- dict ----------------------------------------------------------------------------------
Dict* new_dict(ThreadState& ts);
Dict* new_dict_heap(Heap& h);
// Lookup: the value, or null (absent; exception set only if an __eq__/__hash__ raised).
Value dict_get(ThreadState& ts, Dict* d, Value key);
Value dict_get_str(Dict* d, Str* key);  // str keys only, never raises (no user __eq__ runs)
Value dict_lookup_view(Dict* d, std::string_view key);  // by text; str keys only
bool dict_set(ThreadState& ts, Dict* d, Value key, Value v);
bool dict_set_str(ThreadState& ts, Dict* d, Str* key, Value v);
bool dict_set_heap(Heap& h, Dict* d, Str* key, Value v);  // static setup
// Deletes; 1 removed, 0 absent, -1 raised.
int dict_del(ThreadState& ts, Dict* d, Value key);
bool dict_clear(ThreadState& ts, Dict* d);
// Iteration over live entries: pos starts at 0; false at the end.
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value);
Dict* dict_copy(ThreadState& ts, Dict* d);
bool dict_update(ThreadState& ts, Dict* d, Value other);  // mapping or iterable of pairs

// --- int -----------------------------------------------------------------------------------
Value int_from_i64(ThreadState& ts, int64_t v);
Value int_from_u64(ThreadState& ts, uint64_t v);
// Parses a Python int literal body / int(str, base) text; null + ValueError on bad text.
Value int_from_string(ThreadState& ts, std::string_view s, int base);
// The int as int64; false with OverflowError set if it does not fit.
bool int_to_i64(ThreadState& ts, Value v, int64_t* out);
double int_to_double_or_inf(Value v);
bool int_to_double(ThreadState& ts, Value v, double* out);  // OverflowError if too large
std::string int_to_decimal(Value v);

// --- cells, functions, methods, modules ----------------------------------------------------
Cell* new_cell(ThreadState& ts, Value v);
Value new_bound_method(ThreadState& ts, Value func, Value self);
Module* new_module(ThreadState& ts, Str* name);
Value new_builtin(ThreadState& ts, const MethodDef* def, Value self);

// --- exceptions ----------------------------------------------------------------------------
// A new exception instance of `type` with args (message,).
Value new_exception(ThreadState& ts, Type* type, std::string_view message);
Value new_exception_args(ThreadState& ts, Type* type, Tuple* args);
// An exception's C-member attributes (AttributeError.name/obj, OSError.errno, SyntaxError.lineno,
// ...), kept apart from its __dict__ as CPython keeps them in struct members: created on first
// use; null with MemoryError raised. e must be an exception instance.
Dict* exception_attrs(ThreadState& ts, Value e);
// One of them by name, or null when unset. Never raises.
Value exception_attr(Value e, std::string_view name);

void dict_free_buffers(Heap& h, Dict* d);
Value new_dict_iter(ThreadState& ts, Value dict, Type* iter_type);

// --- helpers for slots ---------------------------------------------------------------------
// Py_ReprEnter/Leave: false if `v` is already being repr'd on this thread (print "[...]").
bool repr_enter(ThreadState& ts, Value v);
void repr_leave(ThreadState& ts, Value v);
// The hash slot of unhashable types: TypeError "unhashable type: 'list'".
bool hash_not_implemented(ThreadState& ts, Value v, int64_t* out);
int64_t str_hash_view(std::string_view utf8);  // hash of a str with this text
int64_t hash_small_int(int64_t v);

// --- misc ----------------------------------------------------------------------------------
// id(): the address of a heap object; unboxed values get a number derived from their bits.
uint64_t object_id(Value v);
// A new iterator of a builtin iterator type over `seq` (list_iter_type, str_iter_type, ...).
Value new_seq_iter(ThreadState& ts, Type* type, Value seq);
// slice.indices(length): normalised start, stop, step and the item count.
bool slice_indices(ThreadState& ts, Value slice, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* count);
// str % args (printf-style formatting).
Value percent_format(ThreadState& ts, Value fmt, Value args);
// bytes % args, bytearray % args (a bytes or bytearray result, as the format's type); other
// left operands give NotImplemented.
Value bytes_percent_format(ThreadState& ts, Value fmt, Value args);
// A stop check for long loops inside builtins (every ~4096 iterations): false when the run is
// stopping (ts.stopped is then set).
bool poll_long_loop(ThreadState& ts);
Bytes* new_bytes_heap(Heap& h, std::string_view data);
bool list_extend_with(ThreadState& ts, List* l, Value iterable);
// Lexicographic comparison of two value arrays (tuple and list comparisons).
Value sequence_compare(ThreadState& ts, const Value* a, int64_t na, const Value* b, int64_t nb,
                       CompareOp op);
// type(name, bases, ns) for a metaclass `meta` (class statements and type()).
Value make_class(ThreadState& ts, Type* meta, Str* name, Tuple* bases, Dict* ns,
                 const Value* kwargs, Tuple* kwnames);
Value new_slice(ThreadState& ts, Value start, Value stop, Value step);
Value new_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step);
// A range's start, stop and step as Python ints (any size). Null items on MemoryError.
void range_bounds(ThreadState& ts, Value range, Value out[3]);
// The instance __dict__ of `v` (creating it), or nullptr if the type has none.
Dict** instance_dict_slot(Value v);
Dict** object_dict_slot(Object* o);  // the same for a heap object
// Bytes to allocate for an instance of a variable-size builtin (str, bytes, tuple) or a class
// over one, whose header and items take `items_end` bytes: that, plus the Dict* the class
// keeps after the items (kDictAfterItems). O(1).
size_t var_instance_size(const Type* type, size_t items_end);
Dict* instance_dict(ThreadState& ts, Value v);

}  // namespace interleave::python
