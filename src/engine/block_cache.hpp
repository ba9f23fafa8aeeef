// Interleave engine — a bounded stack of freed memory blocks of one kind, kept for reuse.
//
// The tracer's 2 MiB segments and the futures' slabs come back run after run; fresh memory
// costs the kernel a zeroed page per fault, so a few freed blocks are kept. Each user owns one
// cache for its blocks (all the same size) and frees what keep() refuses.
//
//   static BlockCache& cache() { static auto* c = new BlockCache(16); return *c; }
//   void* b = cache().take();       // nullptr when empty: allocate a fresh block
//   if (!cache().keep(b)) free(b);  // false when full
//
// Thread-safety: any thread; a short lock per call (once per block, not per object).
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

namespace interleave::engine::detail {

class BlockCache {
  public:
    // `limit` blocks at most; 0 keeps none. The storage is reserved now, so keep() never
    // allocates (it runs in destructors and noexcept frees).
    explicit BlockCache(std::size_t limit) : limit_(limit) { free_.reserve(limit); }
    BlockCache(const BlockCache&) = delete;
    BlockCache& operator=(const BlockCache&) = delete;

    void* take() {
        std::lock_guard<std::mutex> g(m_);
        if (free_.empty()) return nullptr;
        void* block = free_.back();
        free_.pop_back();
        return block;
    }
    bool keep(void* block) {
        std::lock_guard<std::mutex> g(m_);
        if (free_.size() >= limit_) return false;
        free_.push_back(block);
        return true;
    }

  private:
    const std::size_t limit_;
    std::mutex m_;
    std::vector<void*> free_;
};

}  // namespace interleave::engine::detail
