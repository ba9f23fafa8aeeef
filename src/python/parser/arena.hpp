// A bump allocator for one parse: every AST node, sequence and string of a parse lives here and
// is freed at once when the Arena (owned by the ParseResult) is destroyed. Nothing is destroyed
// individually, so only trivially destructible types may be placed in it (checked at compile time).
//
// Thread safety: an Arena is used by one thread at a time (the parsing thread while it is built;
// afterwards any thread may read what it holds, nothing mutates it).
// Cost: allocation is a pointer bump (a new 32 KiB+ block when one is full); destruction frees
// the blocks, O(blocks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace interleave::python {

// A read-only array of T stored in an Arena (CPython's asdl_seq). Empty by default.
template <class T>
struct Seq {
    T* data_ = nullptr;
    uint32_t size_ = 0;

    [[nodiscard]] uint32_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    T& operator[](size_t i) const { return data_[i]; }
    T* begin() const { return data_; }
    T* end() const { return data_ + size_; }
    T& front() const { return data_[0]; }
    T& back() const { return data_[size_ - 1]; }
};

class Arena {
  public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena() = default;

    // Raw memory, aligned to `align` (a power of two). Never returns nullptr (throws
    // std::bad_alloc like operator new when memory is exhausted).
    void* allocate(size_t bytes, size_t align) {
        uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~(uintptr_t)(align - 1);
        if (cur_ == nullptr || p + bytes > reinterpret_cast<uintptr_t>(end_)) {
            grow(bytes + align);
            p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~(uintptr_t)(align - 1);
        }
        cur_ = reinterpret_cast<char*>(p + bytes);
        used_ += bytes;
        return reinterpret_cast<void*>(p);
    }

    // A value-initialised T (node kinds set by T's constructor).
    template <class T, class... Args>
    T* make(Args&&... args) {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
    }

    // Copies `items` into the arena as a Seq.
    template <class T>
    Seq<T> seq(const std::vector<T>& items) {
        static_assert(std::is_trivially_copyable_v<T>);
        Seq<T> s;
        if (items.empty()) return s;
        s.data_ = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
        std::memcpy(static_cast<void*>(s.data_), items.data(), sizeof(T) * items.size());
        s.size_ = static_cast<uint32_t>(items.size());
        return s;
    }

    // A one-element Seq.
    template <class T>
    Seq<T> seq1(T item) {
        Seq<T> s;
        s.data_ = static_cast<T*>(allocate(sizeof(T), alignof(T)));
        s.data_[0] = item;
        s.size_ = 1;
        return s;
    }

    // Copies the bytes of `s` into the arena (not NUL-terminated).
    std::string_view str(std::string_view s) {
        if (s.empty()) return {};
        char* p = static_cast<char*>(allocate(s.size(), 1));
        std::memcpy(p, s.data(), s.size());
        return {p, s.size()};
    }

    // Bytes handed out so far (for measurements).
    [[nodiscard]] size_t bytes_used() const { return used_; }

  private:
    void grow(size_t at_least) {
        size_t n = blocks_.empty() ? kFirstBlock : next_block_;
        if (n < at_least) n = at_least;
        next_block_ = n * 2 > kMaxBlock ? kMaxBlock : n * 2;
        blocks_.push_back(std::unique_ptr<char[]>(new char[n]));  // uninitialised
        cur_ = blocks_.back().get();
        end_ = cur_ + n;
    }

    static constexpr size_t kFirstBlock = 32 * 1024;
    static constexpr size_t kMaxBlock = 1024 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* cur_ = nullptr;
    char* end_ = nullptr;
    size_t next_block_ = kFirstBlock;
    size_t used_ = 0;
};

}  // namespace interleave::python
