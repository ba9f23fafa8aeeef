// Interleave engine — slab allocation (see slab.hpp).
#include "engine/slab.hpp"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include "engine/block_cache.hpp"

namespace interleave::engine::detail {

#ifdef INTERLEAVE_SLAB_ASAN

void* slab_alloc(std::size_t bytes) {
    return ::operator new(bytes);
}
void slab_free(void* p) noexcept {
    ::operator delete(p);
}
std::size_t slabs_in_use() {
    return 0;
}

#else

namespace {

constexpr std::size_t kHeaderBytes = 64;

// At the start of every slab. `allocated`/`used` belong to the owning thread. `balance` is
// -frees while the owner still allocates from it, then + the allocation count once it
// retires the slab: whichever single RMW brings it to zero (a retire with nothing live, or
// the last free after retire) gives the slab back. Frees alone only ever go below zero.
struct Slab {
    std::atomic<int64_t> balance{0};
    uint32_t allocated = 0;
    std::size_t used = kHeaderBytes;
};
static_assert(sizeof(Slab) <= kHeaderBytes && kSlabMaxObject < kSlabBytes - kHeaderBytes);

Slab* slab_of(void* p) {
    return reinterpret_cast<Slab*>(reinterpret_cast<uintptr_t>(p) & ~(uintptr_t{kSlabBytes} - 1));
}

// Empty slabs kept for reuse (up to 8 MiB natively): warm memory for the next run's futures.
// Never destroyed: threads may free after main returns.
BlockCache& slab_cache() {
    static auto* c = new BlockCache(kSlabsKept ? 32 : 0);
    return *c;
}

std::atomic<std::size_t> g_in_use{0};

Slab* fresh_slab() {
    void* p = slab_cache().take();
    if (!p) p = std::aligned_alloc(kSlabBytes, kSlabBytes);
    if (!p) throw std::bad_alloc();
    g_in_use.fetch_add(1, std::memory_order_relaxed);
    return new (p) Slab;
}

void release(Slab* s) {
    g_in_use.fetch_sub(1, std::memory_order_relaxed);
    s->~Slab();
    if (!slab_cache().keep(s)) std::free(s);
}

// The owner will allocate no more from `s`.
void retire(Slab* s) {
    const auto n = static_cast<int64_t>(s->allocated);
    if (s->balance.fetch_add(n, std::memory_order_acq_rel) + n == 0) release(s);
}

struct Owner {
    Slab* current = nullptr;
    ~Owner() {
        if (current) retire(current);
    }
};
thread_local Owner t_owner;

}  // namespace

void* slab_alloc(std::size_t bytes) {
    bytes = (bytes + 15) & ~std::size_t{15};
    Owner& o = t_owner;
    Slab* s = o.current;
    if (!s || s->used + bytes > kSlabBytes) {
        o.current = nullptr;
        if (s) retire(s);
        s = o.current = fresh_slab();
    }
    void* p = reinterpret_cast<char*>(s) + s->used;
    s->used += bytes;
    ++s->allocated;
    return p;
}

void slab_free(void* p) noexcept {
    Slab* s = slab_of(p);
    if (s->balance.fetch_sub(1, std::memory_order_acq_rel) - 1 == 0) release(s);
}

std::size_t slabs_in_use() {
    return g_in_use.load(std::memory_order_relaxed);
}

#endif

}  // namespace interleave::engine::detail
