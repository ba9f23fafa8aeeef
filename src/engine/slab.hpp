// Interleave engine — slab allocation for small, short-lived objects (future states).
//
// A pool submit allocates one future state and frees it when the last Future handle goes:
// 1e5 empty tasks are 1e5 malloc/free pairs, and with glibc the freed heap is returned to the
// kernel and faulted back in on the next run. Here each thread bump-allocates from its own
// 256 KiB slab; once every object carved from a slab is freed (from any thread), natively it
// goes to a small process-wide cache, so a playground that runs again reuses warm memory.
//
//   void* p = slab_alloc(n);   // n <= kSlabMaxObject; never null (throws std::bad_alloc)
//   slab_free(p);              // any thread
//
// Objects are 16-byte aligned. One long-lived object keeps its whole slab alive. Under
// AddressSanitizer both calls forward to operator new/delete, so ASan still sees each object's
// lifetime.
#pragma once

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define INTERLEAVE_SLAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define INTERLEAVE_SLAB_ASAN 1
#endif
#endif

namespace interleave::engine::detail {

inline constexpr std::size_t kSlabMaxObject = 4096;
inline constexpr std::size_t kSlabBytes = std::size_t{256} << 10;  // also the alignment
#ifdef INTERLEAVE_SLAB_ASAN
inline constexpr bool kSlabPooled = false;  // forwards to operator new/delete
#else
inline constexpr bool kSlabPooled = true;
#endif
// Empty slabs are kept for reuse natively; in wasm, memory never goes back to the system, so
// malloc reuses a freed slab as well as a cache would.
#ifdef __EMSCRIPTEN__
inline constexpr bool kSlabsKept = false;
#else
inline constexpr bool kSlabsKept = kSlabPooled;
#endif

void* slab_alloc(std::size_t bytes);
void slab_free(void* p) noexcept;
// Slabs owned by a thread or holding live objects, process-wide (not the cached ones): what a
// leak would grow. 0 under AddressSanitizer.
std::size_t slabs_in_use();

}  // namespace interleave::engine::detail
