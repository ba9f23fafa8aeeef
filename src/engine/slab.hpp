// Interleave engine — slab allocation for small, short-lived objects (future states).
//
// A pool submit allocates one future state and frees it when the last Future handle goes:
// 1e5 empty tasks are 1e5 malloc/free pairs, and with glibc the freed heap is returned to the
// kernel and faulted back in on the next run. Here each thread bump-allocates from its own
// 256 KiB slab; a slab goes back to a small process-wide cache once every object carved
// from it is freed (from any thread), so a playground that runs again reuses warm memory.
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

void* slab_alloc(std::size_t bytes);
void slab_free(void* p) noexcept;

}  // namespace interleave::engine::detail
