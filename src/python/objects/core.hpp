// The layouts of the core object types. Operations on them are in the per-type headers
// (str.hpp, containers.hpp, ...); the builtin type objects are declared in types.hpp.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "python/objects/object.hpp"

namespace interleave::python {

struct Code;
struct Frame;

// str: UTF-8 bytes, NUL-terminated; `length` in code points; hash cached (-1: not yet).
enum StrFlags : uint16_t { kStrAscii = 1, kStrInterned = 2 };
struct Str : Object {
    std::atomic<int64_t> hash{-1};
    int64_t length = 0;  // code points
    int64_t nbytes = 0;
    char data[8];  // nbytes + 1 bytes (allocated past the struct's end)

    std::string_view view() const { return {data, static_cast<size_t>(nbytes)}; }
    bool ascii() const { return (flags & kStrAscii) != 0; }
};

struct Bytes : Object {
    std::atomic<int64_t> hash{-1};
    int64_t size = 0;
    char data[8];
    std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

// bytearray: a growable byte buffer (heap buffer memory, like list's items); mutations hold the
// object lock in free-threaded runs.
struct ByteArray : Object {
    char* data = nullptr;
    int64_t size = 0;
    int64_t capacity = 0;
    // Unreleased memoryviews of it (CPython's ob_exports): while > 0 it cannot be resized.
    // Changed under its lock, or by a collection with the world stopped.
    int64_t exports = 0;
    std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

struct Tuple : Object {
    std::atomic<int64_t> hash{-1};
    int64_t size = 0;
    Value items[1];  // `size` items
};

struct List : Object {
    Value* items = nullptr;
    int64_t size = 0;
    int64_t capacity = 0;
};

struct DictEntry {
    int64_t hash;
    Value key;  // null: deleted
    Value value;
};
// Compact, insertion-ordered (CPython 3.6+): an index table of int32 into an entry array.
struct Dict : Object {
    int32_t* indices = nullptr;  // `mask + 1` slots: -1 empty, -2 dummy, else entry index
    DictEntry* entries = nullptr;
    int64_t mask = 0;      // index size - 1 (0: no table yet)
    int64_t used = 0;      // live entries
    int64_t nentries = 0;  // entries written (live + deleted)
    int64_t capacity = 0;  // entries allocated
    uint64_t version = 0;  // bumped on every change (caches, iteration checks)
};

struct Cell : Object {
    Value ref;  // null: empty
};

struct BoundMethod : Object {
    Value func;
    Value self;
};

// A builtin function or method as defined in C++.
enum MethFlags : uint32_t {
    kMethDefault = 0,
    kMethClass = 1,   // classmethod: args[0] is the type
    kMethStatic = 2,  // staticmethod: no self
    // Arity checked by the call before the function runs, with CPython 3.11's messages (none of
    // these take keywords: "list.append() takes no keyword arguments"). Without one of these the
    // function checks its own arguments.
    kMethNoArgs = 1u << 2,  // METH_NOARGS: "str.upper() takes no arguments (1 given)"
    kMethO = 2u << 2,       // METH_O: "list.append() takes exactly one argument (0 given)"
    kMethPos = 3u << 2,     // clinic positional-only: "get expected at least 1 argument, got 0"
    kMethTuple = 4u << 2,   // PyArg_ParseTuple: "find() takes at least 1 argument (0 given)"
    kMethArityMask = 7u << 2,
};
// kMethPos / kMethTuple with min..max positional arguments after self (max 15 = unbounded).
constexpr uint32_t meth_pos(uint32_t min, uint32_t max) {
    return kMethPos | min << 8 | max << 12;
}
constexpr uint32_t meth_tuple(uint32_t min, uint32_t max) {
    return kMethTuple | min << 8 | max << 12;
}
struct MethodDef {
    const char* name;
    NativeFn fn;
    uint32_t flags = kMethDefault;
    const char* doc = nullptr;
};
struct GetSetDef {
    const char* name;
    Value (*get)(ThreadState&, Value self);
    bool (*set)(ThreadState&, Value self, Value v) = nullptr;  // v null: delete
    const char* doc = nullptr;
};

struct BuiltinFunction : Object {
    const MethodDef* def = nullptr;
    Value self;               // bound self (methods), the module (functions), or null
    Str* qualname = nullptr;  // "list.append" for methods (for reprs)
};
// In a builtin type's dict: a method that binds to the instance (CPython's method_descriptor).
struct MethodDescr : Object {
    const MethodDef* def = nullptr;
    Type* owner = nullptr;
};
struct GetSetDescr : Object {
    const GetSetDef* def = nullptr;
    Type* owner = nullptr;
};
// A slot exposed as a dunder method on a builtin type (int.__add__): CPython's wrapper_descriptor.
struct SlotWrapper : Object {
    Str* name = nullptr;
    Type* owner = nullptr;
    NativeFn fn = nullptr;  // (self, args...)
};

struct Function : Object {
    Code* code = nullptr;
    Dict* globals = nullptr;
    Dict* builtins = nullptr;
    Tuple* defaults = nullptr;
    Dict* kwdefaults = nullptr;
    Tuple* closure = nullptr;
    Str* name = nullptr;
    Str* qualname = nullptr;
    Value doc;
    Value module;
    Value annotations;
    Dict* dict = nullptr;
};

struct Module : Object {
    Dict* dict = nullptr;
    Str* name = nullptr;
};

struct Property : Object {
    Value fget, fset, fdel, doc;
};
struct ClassMethod : Object {
    Value func;
    Dict* dict = nullptr;
};
struct StaticMethod : Object {
    Value func;
    Dict* dict = nullptr;
};

struct Slice : Object {
    Value start, stop, step;
};

struct Range : Object {
    int64_t start = 0, stop = 0, step = 1, length = 0;
    // Null unless a bound, the step or the length is past int64 (range(10**20)): then the
    // range's (start, stop, step, length) as Python ints, and the fields above are unused.
    Tuple* big = nullptr;
};

// A generic iterator over an indexable C++ object (list, tuple, str, dict views).
struct SeqIter : Object {
    Value seq;
    int64_t index = 0;
    int64_t aux = 0;  // dict: expected version
    int64_t end = 0;
};

// range_iterator (CPython 3.11's rangeiterobject): a range whose bounds, step and length fit
// int64 and whose values up to start + len * step cannot overflow it (range_iter.cpp).
struct RangeIter : Object {
    int64_t index = 0, start = 0, step = 1, len = 0;
    int64_t value(int64_t i) const {  // start + i * step, exact for i <= len
        return int64_t(uint64_t(start) + uint64_t(i) * uint64_t(step));
    }
};

// BaseException and its subclasses (extra attributes live in the instance __dict__).
struct BaseException : Object {
    Dict* dict = nullptr;
    // The per-class attributes CPython keeps in C members (name, obj, msg, errno, filename,
    // lineno, message, exceptions, ...): apart from __dict__ (exception_attrs()).
    Dict* attrs = nullptr;
    Tuple* args = nullptr;
    Value traceback;  // Traceback or None/null
    Value context;
    Value cause;
    // NameError: the "Did you mean" name (a Str) found when it was raised, when the frame's
    // names were at hand (CPython finds it from tb_frame when printing); else null.
    Value suggestion;
    bool suppress_context = false;
};

struct Traceback : Object {
    Value next;  // Traceback or null
    const Code* code = nullptr;
    int32_t lasti = 0;  // instruction offset (code units)
    int32_t lineno = 0;
};

// An instance of a class defined in Python that has no builtin base but object: header + dict.
struct Instance : Object {
    Dict* dict = nullptr;
};

struct NoneLike : Object {};  // NotImplemented, Ellipsis singletons

}  // namespace interleave::python
