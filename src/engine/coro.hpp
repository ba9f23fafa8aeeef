// Interleave engine — coroutine shim: one spelling of the C++20 coroutine library for every
// toolchain the engine builds with.
//
//   g++ 12 + libstdc++ (-fcoroutines)           <coroutine>               ✓
//   clang 14 + libstdc++ 12 (C++20)             <coroutine>               ✓
//   em++ 3.1.6: clang 14 + libc++ 13            <experimental/coroutine>  ✓ (-fcoroutines-ts)
//
// Engine code writes `coro::coroutine_handle<>`, `coro::suspend_always`, ... and never
// includes <coroutine> directly. Header only; no runtime cost.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace interleave::engine::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace interleave::engine::coro
#elif __has_include(<experimental/coroutine>)
#include <experimental/coroutine>
// clang 14 warns on every coroutine that uses the experimental traits; this shim exists to use
// them until Emscripten's libc++ has <coroutine>, so the warning says nothing new.
#if defined(__clang__) && defined(__has_warning)
#if __has_warning("-Wdeprecated-experimental-coroutine")
#pragma clang diagnostic ignored "-Wdeprecated-experimental-coroutine"
#endif
#endif
namespace interleave::engine::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace interleave::engine::coro
#else
#error "Interleave needs C++20 coroutines (<coroutine> or <experimental/coroutine>)"
#endif
