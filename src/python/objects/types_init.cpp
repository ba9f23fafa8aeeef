// The builtin type objects and their one-time setup (see types.hpp).
#include <mutex>
#include <string>
#include <vector>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/type_setup.hpp"
#include "python/objects/types.hpp"
#include "python/vm/errors.hpp"

namespace interleave::python {

void setup_asyncio_types(TypeBuilder& b);  // modules/asyncio_core.cpp: _asyncio.Waker

Type object_type, type_type, int_type, bool_type, float_type, str_type, bytes_type, bytearray_type,
    tuple_type, list_type, dict_type, set_type, frozenset_type, range_type, slice_type, none_type,
    notimplemented_type, ellipsis_type, function_type, builtin_function_type, method_descr_type,
    getset_descr_type, slot_wrapper_type, bound_method_type, cell_type, module_type, property_type,
    classmethod_type, staticmethod_type, code_type, traceback_type, generator_type, coroutine_type,
    async_generator_type, super_type, list_iter_type, tuple_iter_type, range_iter_type,
    longrange_iter_type, str_iter_type, dict_keys_type, dict_values_type, dict_items_type,
    dict_keyiter_type, dict_valueiter_type, dict_itemiter_type, set_iter_type, seq_iter_type,
    callable_iter_type, enumerate_type, zip_type, map_type, filter_type, reversed_type,
    list_reviter_type, coro_wrapper_type, gen_send_type;

NoneLike notimplemented_obj, ellipsis_obj;
Names names;

#define PY_EXC(name, base) Type exc_##name;
#include "python/objects/exceptions.def"
#undef PY_EXC

namespace {

struct Statics {
    Heap heap{0, /*immortal=*/true};
    Dict* interned = nullptr;
    std::vector<Type*> all_types;  // in setup order
};

Statics& statics() {
    static Statics* s = new Statics();  // immortal: lives as long as the OS process
    return *s;
}

}  // namespace

std::vector<Type*>& builtin_type_list() {
    return statics().all_types;
}

Heap& static_heap() {
    return statics().heap;
}

Str* find_static_name(std::string_view s) {
    Dict* d = statics().interned;
    if (!d) return nullptr;
    Value v = dict_lookup_view(d, s);
    return v.is_null() ? nullptr : v.as<Str>();
}

Str* TypeBuilder::intern(std::string_view s) {
    Statics& st = statics();
    Value v = dict_lookup_view(st.interned, s);
    if (!v.is_null()) return v.as<Str>();
    Str* str = new_str_heap(heap_, s);
    str->flags |= kStrInterned;
    str_hash(str);
    dict_set_heap(heap_, st.interned, str, Value::from_ptr(str));
    return str;
}

void TypeBuilder::init(Type& t, const char* name, Type* base, uint32_t instance_size,
                       uint32_t tflags) {
    statics().all_types.push_back(&t);
    t.type = &type_type;
    t.gc = kGcImmortal;
    t.name = name;
    std::string_view n(name);
    auto dot = n.rfind('.');
    t.name_str = intern(dot == std::string_view::npos ? n : n.substr(dot + 1));
    t.qualname = t.name_str;
    t.base = (&t == &object_type) ? nullptr : (base ? base : &object_type);
    t.dict = new_dict_heap(heap_);
    t.instance_size = instance_size;
    t.tflags |= tflags;
    if (t.base) {
        Tuple* bases = new_tuple_heap(heap_, 1);
        bases->items[0] = Value::from_ptr(t.base);
        t.bases = bases;
    } else {
        t.bases = new_tuple_heap(heap_, 0);
    }
}

void TypeBuilder::methods(Type& t, std::span<const MethodDef> defs) {
    for (const MethodDef& d : defs) {
        Value v;
        if (d.flags & kMethStatic) {
            auto* f = heap_.make<BuiltinFunction>(&builtin_function_type, sizeof(BuiltinFunction));
            f->def = &d;
            f->qualname = intern(std::string(t.name) + "." + d.name);
            auto* sm = heap_.make<StaticMethod>(&staticmethod_type, sizeof(StaticMethod));
            sm->func = Value::from_ptr(f);
            v = Value::from_ptr(sm);
        } else {
            auto* md = heap_.make<MethodDescr>(&method_descr_type, sizeof(MethodDescr));
            md->def = &d;
            md->owner = &t;
            v = Value::from_ptr(md);
        }
        dict_set_heap(heap_, t.dict, intern(d.name), v);
    }
}

void TypeBuilder::getsets(Type& t, std::span<const GetSetDef> defs) {
    for (const GetSetDef& d : defs) {
        auto* gs = heap_.make<GetSetDescr>(&getset_descr_type, sizeof(GetSetDescr));
        gs->def = &d;
        gs->owner = &t;
        dict_set_heap(heap_, t.dict, intern(d.name), Value::from_ptr(gs));
    }
}

void TypeBuilder::attr(Type& t, const char* name, Value v) {
    dict_set_heap(heap_, t.dict, intern(name), v);
}

Value TypeBuilder::function(const MethodDef& def, Value self) {
    auto* f = heap_.make<BuiltinFunction>(&builtin_function_type, sizeof(BuiltinFunction));
    f->def = &def;
    f->self = self;
    f->qualname = intern(def.name);
    return Value::from_ptr(f);
}

Type* type_of(Value v) {
    if (v.is_ptr()) return v.as_ptr()->type;
    if (v.is_small()) return &int_type;
    if (v.is_double()) return &float_type;
    if (v.is_none()) return &none_type;
    if (v.is_bool()) return &bool_type;
    return &none_type;  // null: never asked for in correct code
}

void init_builtin_types() {
    static std::once_flag once;
    std::call_once(once, [] {
        Statics& st = statics();
        st.interned = new_dict_heap(st.heap);
        TypeBuilder b(st.heap);
        // Names first: types and methods intern into the same table.
#define PY_NAME(n)                                                                  \
    {                                                                               \
        std::string s = #n;                                                         \
        if (s.size() > 1 && s.back() == '_' && s.rfind("__", 0) != 0) s.pop_back(); \
        names.n = b.intern(s);                                                      \
    }
#define PY_NAME2(n, text) names.n = b.intern(text);
#include "python/objects/names.def"
#undef PY_NAME
#undef PY_NAME2
        // Type objects themselves: object and type first (every other type points at them).
        b.init(object_type, "object", nullptr, sizeof(Object));
        b.init(type_type, "type", &object_type, sizeof(Type), kTypeBaseType | kTypeTypeSub);
        object_type.type = &type_type;
        setup_object_types(b);
        setup_int_types(b);
        setup_float_type(b);
        setup_str_type(b);
        setup_bytes_type(b);
        setup_tuple_type(b);
        setup_list_type(b);
        setup_dict_types(b);
        setup_set_types(b);
        setup_range_slice_types(b);
        setup_function_types(b);
        setup_descr_types(b);
        setup_iter_types(b);
        setup_range_iter_types(b);
        setup_generator_types(b);
        setup_super_type(b);
        setup_stream_type(b);
        setup_traceback_type(b);
        setup_exception_types(b);
        setup_str_methods(b);
        setup_list_methods(b);
        setup_dict_methods(b);
        setup_mp_types(b);     // modules/multiprocessing_native.cpp: _mp.Handle
        setup_random_type(b);  // modules/random_core.cpp
        setup_thread_types(b);
        setup_asyncio_types(b);
        notimplemented_obj.type = &notimplemented_type;
        notimplemented_obj.gc = kGcImmortal;
        ellipsis_obj.type = &ellipsis_type;
        ellipsis_obj.gc = kGcImmortal;
        finish_builtin_types(b);
    });
}

}  // namespace interleave::python
