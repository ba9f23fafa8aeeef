// The builtin type objects, the names the VM uses, and how a builtin type is defined.
//
// All of these are set up once per OS process by init_builtin_types() (std::call_once; every
// Interp constructor calls it) and are immutable afterwards: immortal objects shared by every
// interpreter and thread, as CPython's static types are.
//
// Defining a builtin type's methods (the shape other files use, see README.md):
//
//   // objects/str_case.cpp
//   static Value str_upper(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {...}
//   static const MethodDef kStrCaseMethods[] = {{"upper", str_upper}, ...};
//   void add_str_case_methods(TypeBuilder& b) { b.methods(str_type, kStrCaseMethods); }
//
// and one line calling add_str_case_methods in types_init.cpp. Arguments are checked with the
// helpers in vm/args.hpp; errors are raised with vm/errors.hpp and returned as Value::null().
#pragma once

#include <span>

#include "python/objects/core.hpp"

namespace interleave::python {

class Heap;

extern Type object_type, type_type, int_type, bool_type, float_type, str_type, bytes_type,
    bytearray_type, tuple_type, list_type, dict_type, set_type, frozenset_type, range_type,
    slice_type, none_type, notimplemented_type, ellipsis_type, function_type, builtin_function_type,
    method_descr_type, getset_descr_type, slot_wrapper_type, bound_method_type, cell_type,
    module_type, property_type, classmethod_type, staticmethod_type, code_type, traceback_type,
    generator_type, coroutine_type, async_generator_type, super_type, list_iter_type,
    tuple_iter_type, range_iter_type, longrange_iter_type, str_iter_type, dict_keys_type,
    dict_values_type, dict_items_type, dict_keyiter_type, dict_valueiter_type, dict_itemiter_type,
    set_iter_type, seq_iter_type, callable_iter_type, enumerate_type, zip_type, map_type,
    filter_type, reversed_type, list_reviter_type, coro_wrapper_type, gen_send_type;

extern NoneLike notimplemented_obj, ellipsis_obj;
inline Value not_implemented() {
    return Value::from_ptr(&notimplemented_obj);
}
inline bool is_not_implemented(Value v) {
    return v == Value::from_ptr(&notimplemented_obj);
}

// Names the VM looks up, interned once (pointer-equal to the constants of every program).
struct Names {
#define PY_NAME(n) Str* n = nullptr;
#define PY_NAME2(n, text) Str* n = nullptr;
#include "python/objects/names.def"
#undef PY_NAME
#undef PY_NAME2
};
extern Names names;

// Sets up every builtin type, name and static object. Idempotent, thread-safe.
void init_builtin_types();
// The immortal heap of builtin statics (exception types' dicts, builtin functions).
Heap& static_heap();
// The static interned str equal to `s`, or nullptr (read-only after init; any thread).
Str* find_static_name(std::string_view s);

// Used only while builtin types are being set up (init_builtin_types and the add_* hooks).
class TypeBuilder {
  public:
    explicit TypeBuilder(Heap& heap) : heap_(heap) {}
    Heap& heap() { return heap_; }
    // Fills `t` as a builtin type named `name` deriving from `base` (nullptr: object).
    void init(Type& t, const char* name, Type* base, uint32_t instance_size,
              uint32_t tflags = kTypeBaseType);
    void methods(Type& t, std::span<const MethodDef> defs);
    void getsets(Type& t, std::span<const GetSetDef> defs);
    void attr(Type& t, const char* name, Value v);
    Str* intern(std::string_view s);  // a static interned str
    // Makes a builtin function object (module-level function; self may be null).
    Value function(const MethodDef& def, Value self = Value::null());

  private:
    Heap& heap_;
};

// Per-file hooks called by init_builtin_types (each defined in its type's file).
void setup_random_type(TypeBuilder& b);  // _random.Random (modules/random_core.cpp)
void setup_object_types(TypeBuilder& b);
void setup_int_types(TypeBuilder& b);
void setup_int_methods(TypeBuilder& b);  // int_methods.cpp, from setup_int_types
void setup_float_type(TypeBuilder& b);
void setup_str_type(TypeBuilder& b);
void setup_bytes_type(TypeBuilder& b);
void setup_tuple_type(TypeBuilder& b);
void setup_list_type(TypeBuilder& b);
void setup_dict_types(TypeBuilder& b);
void setup_set_types(TypeBuilder& b);
void setup_range_slice_types(TypeBuilder& b);
void setup_function_types(TypeBuilder& b);
void setup_descr_types(TypeBuilder& b);
void setup_exception_types(TypeBuilder& b);
void setup_iter_types(TypeBuilder& b);
void setup_range_iter_types(TypeBuilder& b);  // range_iter.cpp
void setup_generator_types(TypeBuilder& b);
void setup_super_type(TypeBuilder& b);
void setup_set_methods(TypeBuilder& b);
void setup_stream_type(TypeBuilder& b);
void setup_traceback_type(TypeBuilder& b);
void setup_str_methods(TypeBuilder& b);
void setup_list_methods(TypeBuilder& b);
void setup_dict_methods(TypeBuilder& b);
void setup_mp_types(TypeBuilder& b);
void setup_thread_types(TypeBuilder& b);  // modules/_thread.cpp

}  // namespace interleave::python
