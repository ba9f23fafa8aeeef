// The object header, type objects and their slots: the core of the object model.
//
// Every heap object starts with an Object header {type, GC bits, lock byte, per-type flags}.
// A Type carries C++ function pointers ("slots", as CPython's tp_* / nb_*) for the operations
// the VM performs, a dict of attributes and methods, and its MRO. Builtin types are
// namespace-scope objects (as CPython's PyLong_Type) set up once by init_builtin_types() and
// immutable afterwards, shared by every interpreter; they are immortal (the GC never marks or
// frees them). Classes made by `class` statements live on a process's heap.
//
// Status convention (no C++ exceptions on the VM's paths, PYTHON.md §6): a function returning
// Value returns Value::null() when it raised (the exception is in the ThreadState); functions
// returning bool return false; int-returning ones return -1. "NotImplemented" is a value.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "python/compiler/opcodes.hpp"
#include "python/objects/value.hpp"

namespace interleave::python {

struct Type;
struct Str;
struct Tuple;
struct Dict;
class ThreadState;
class GcVisitor;
class Heap;

// GC bits of the header.
enum GcBits : uint8_t {
    kGcMarked = 1,
    kGcImmortal = 2,  // builtin statics and program constants: never marked, never freed
    kGcFinalize = 4,  // the type's finalize slot must run when it is freed
};

struct Object {
    Type* type = nullptr;
    uint8_t gc = 0;
    std::atomic<uint8_t> lock{0};  // container lock, used only when free-threaded
    uint16_t flags = 0;            // per-type bits (str: ascii/interned, ...)
    uint32_t extra = 0;            // per-type small field

    Object() = default;
    explicit Object(Type* t) : type(t) {}
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
};

using ReprFn = Value (*)(ThreadState&, Value self);
using HashFn = bool (*)(ThreadState&, Value self, int64_t* out);
using RichCmpFn = Value (*)(ThreadState&, Value a, Value b, CompareOp op);
using UnaryFn = Value (*)(ThreadState&, Value self);
using BinaryFn = Value (*)(ThreadState&, Value a, Value b);
using TernaryFn = Value (*)(ThreadState&, Value a, Value b, Value c);
using CallFn = Value (*)(ThreadState&, Value callable, const Value* args, size_t nargs,
                         Tuple* kwnames);
using GetAttrFn = Value (*)(ThreadState&, Value obj, Str* name);
using SetAttrFn = bool (*)(ThreadState&, Value obj, Str* name, Value v);         // v null: delete
using DescrGetFn = Value (*)(ThreadState&, Value descr, Value obj, Value type);  // obj null: class
using DescrSetFn = bool (*)(ThreadState&, Value descr, Value obj, Value v);      // v null: delete
using LenFn = int64_t (*)(ThreadState&, Value self);                             // -1: raised
using GetItemFn = Value (*)(ThreadState&, Value self, Value key);
using SetItemFn = bool (*)(ThreadState&, Value self, Value key, Value v);  // v null: delete
using ContainsFn = int (*)(ThreadState&, Value self, Value item);          // 1, 0, -1 raised
using BoolFn = int (*)(ThreadState&, Value self);                          // 1, 0, -1 raised
using NewFn = Value (*)(ThreadState&, Type* type, const Value* args, size_t nargs, Tuple* kwnames);
using InitFn = bool (*)(ThreadState&, Value self, const Value* args, size_t nargs, Tuple* kwnames);
using TraceFn = void (*)(Object* self, GcVisitor& v);
using FinalizeFn = void (*)(Object* self, Heap& heap);  // frees payload buffers
// A builtin function or method: args[0] is self for methods. kwnames: names of the last
// len(kwnames) args (CPython's vectorcall), or nullptr.
using NativeFn = Value (*)(ThreadState&, const Value* args, size_t nargs, Tuple* kwnames);

enum TypeFlags : uint32_t {
    kTypeHeap = 1,       // made by a class statement (mutable, on a process heap)
    kTypeBaseType = 2,   // may be subclassed
    kTypeException = 4,  // BaseException or a subclass
    kTypeIntSub = 8,     // int or subclass (bool)
    kTypeStrSub = 16,
    kTypeTupleSub = 32,
    kTypeListSub = 64,
    kTypeDictSub = 128,
    kTypeTypeSub = 256,
    kTypeAbstract = 512,
    kTypeReady = 1024,
    kTypeHasFinalize = 2048,  // instances need finalize on free
    kTypeSlotsOnly = 4096,    // a class whose __slots__ (and its bases') leave no __dict__
    kTypeBytesSub = 8192,     // bytes or a subclass
};

// Type::dict_offset of a class over a variable-size builtin (str, bytes, tuple): the instance's
// Dict* follows its items, at the next 8-byte boundary (CPython's negative tp_dictoffset).
// Their allocators size instances with var_instance_size() (api.hpp).
constexpr uint32_t kDictAfterItems = 0xFFFFFFFFu;

struct NumberSlots {
    BinaryFn binary[static_cast<int>(BinaryOp::count_)] = {};
    BinaryFn inplace[static_cast<int>(BinaryOp::count_)] = {};
    TernaryFn pow3 = nullptr;  // pow(a, b, mod)
    UnaryFn neg = nullptr, pos = nullptr, invert = nullptr, abs = nullptr;
    UnaryFn index = nullptr, to_int = nullptr, to_float = nullptr;
};

struct Type : Object {
    const char* name = "";    // tp_name ("int", "collections.deque")
    Str* name_str = nullptr;  // __name__
    Str* qualname = nullptr;  // __qualname__
    Type* base = nullptr;
    Tuple* bases = nullptr;
    Tuple* mro = nullptr;
    Dict* dict = nullptr;
    uint32_t tflags = 0;
    uint32_t instance_size = 0;  // bytes of an instance (header included)
    uint32_t dict_offset = 0;    // offset of the instance's Dict* (0: no __dict__), or
                                 // kDictAfterItems
    uint32_t version = 0;        // bumped when the class's attributes change

    ReprFn repr = nullptr, str = nullptr;
    HashFn hash = nullptr;
    RichCmpFn richcompare = nullptr;
    UnaryFn iter = nullptr;
    UnaryFn next = nullptr;  // null without an exception set: exhausted
    CallFn call = nullptr;
    GetAttrFn getattr = nullptr;
    SetAttrFn setattr = nullptr;
    DescrGetFn descr_get = nullptr;
    DescrSetFn descr_set = nullptr;
    LenFn len = nullptr;
    GetItemFn getitem = nullptr;
    SetItemFn setitem = nullptr;
    ContainsFn contains = nullptr;
    BoolFn bool_ = nullptr;
    NewFn new_ = nullptr;
    InitFn init = nullptr;
    TraceFn trace = nullptr;
    FinalizeFn finalize = nullptr;
    NumberSlots num;
    const struct TypeDef* def = nullptr;  // builtin definition (methods, getsets)
};

// The type of any value. Builtin statics are declared in types.hpp.
Type* type_of(Value v);

inline bool is_immortal(const Object* o) {
    return (o->gc & kGcImmortal) != 0;
}

}  // namespace interleave::python
