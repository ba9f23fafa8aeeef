// Python numeric/text primitives — errors as values.
//
// Every fallible function in src/python/num returns a Result<T> (or an Error) instead of
// throwing: the wasm build pays heavily for C++ exceptions (PYTHON.md §6). An Error carries the
// Python exception type to raise and CPython 3.11's exact message text, so the VM only boxes it:
//
//     Result<BigInt> r = BigInt::floordiv(a, b);
//     if (!r) return raise(r.error.type, r.error.message);   // ZeroDivisionError: integer ...
//     return box(std::move(r.value));
//
// ExcType::interrupted is not a Python exception: a long operation (bigint pow/mul/str) saw its
// Poll say "stop" (the run is stopping); the VM unwinds with its Stopped status.
// ExcType::pending: a callback into the VM (str() of an object, a mapping lookup, ...) raised;
// the VM already holds that exception, so it only unwinds.
// Thread-safety: plain values; no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace interleave::python {

enum class ExcType : uint8_t {
    none,  // success
    ValueError,
    OverflowError,
    ZeroDivisionError,
    TypeError,
    IndexError,
    KeyError,
    MemoryError,
    interrupted,  // Poll asked to stop: not a Python exception (see above)
    pending,      // a VM callback failed and the VM holds the exception already
};

// "ValueError", ... ("" for none, "interrupted" for interrupted). Any thread, O(1).
const char* exc_type_name(ExcType type);

struct Error {
    ExcType type = ExcType::none;
    std::string message;  // CPython's text, without the "ValueError: " prefix

    bool ok() const { return type == ExcType::none; }
    explicit operator bool() const { return type != ExcType::none; }  // true = an error
};

// A value or an error. `value` is default-constructed when `error` is set.
template <class T>
struct [[nodiscard]] Result {
    T value{};
    Error error;

    Result() = default;
    Result(T v) : value(std::move(v)) {}      // NOLINT: implicit on purpose (return x;)
    Result(Error e) : error(std::move(e)) {}  // NOLINT

    bool ok() const { return error.type == ExcType::none; }
    explicit operator bool() const { return ok(); }
};

inline Error make_error(ExcType type, std::string message) {
    return Error{type, std::move(message)};
}

// A cooperative stop check for operations whose cost grows faster than linearly (bigint
// multiplication, pow, str() with the digit limit disabled). `fn(ctx)` is called every ~2^20
// limb operations from the calling thread; returning true abandons the work with
// ExcType::interrupted. Passing nullptr means "never stop".
struct Poll {
    bool (*fn)(void* ctx) = nullptr;
    void* ctx = nullptr;
    bool stop() const { return fn != nullptr && fn(ctx); }
};

}  // namespace interleave::python
