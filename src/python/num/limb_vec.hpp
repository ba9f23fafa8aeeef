// BigInt's limb storage: a vector of uint32_t that keeps up to kInline limbs (128 bits) inside
// the object, so ints that fit in two machine words never touch the allocator (the VM boxes
// ints past its 48-bit small ints: LCG products, hashes, large sums). Internal to
// src/python/num (exposed read-only through BigInt::limbs()).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <new>

namespace interleave::python::detail {

class LimbVec {
  public:
    using value_type = uint32_t;
    static constexpr uint32_t kInline = 4;

    LimbVec() = default;
    explicit LimbVec(size_t n, uint32_t value = 0) { assign(n, value); }
    LimbVec(std::initializer_list<uint32_t> values) : LimbVec(values.begin(), values.end()) {}
    LimbVec(const uint32_t* first, const uint32_t* last) {
        const auto n = static_cast<size_t>(last - first);
        reserve(n);
        if (n > 0) std::memcpy(data(), first, n * 4);  // first may be null when n == 0
        size_ = static_cast<uint32_t>(n);
    }
    LimbVec(const LimbVec& o) : LimbVec(o.begin(), o.end()) {}
    LimbVec(LimbVec&& o) noexcept { steal(o); }
    LimbVec& operator=(const LimbVec& o) {
        if (this != &o) {
            size_ = 0;
            reserve(o.size_);
            std::memcpy(data(), o.data(), o.size_ * 4u);
            size_ = o.size_;
        }
        return *this;
    }
    LimbVec& operator=(LimbVec&& o) noexcept {
        if (this != &o) {
            release();
            steal(o);
        }
        return *this;
    }
    ~LimbVec() { release(); }

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    uint32_t* data() { return cap_ > kInline ? heap_ : inline_; }
    const uint32_t* data() const { return cap_ > kInline ? heap_ : inline_; }
    uint32_t* begin() { return data(); }
    uint32_t* end() { return data() + size_; }
    const uint32_t* begin() const { return data(); }
    const uint32_t* end() const { return data() + size_; }
    uint32_t& operator[](size_t i) { return data()[i]; }
    uint32_t operator[](size_t i) const { return data()[i]; }
    uint32_t& back() { return data()[size_ - 1]; }
    uint32_t back() const { return data()[size_ - 1]; }

    void clear() { size_ = 0; }
    void pop_back() { --size_; }
    void push_back(uint32_t v) {
        if (size_ == cap_) reserve(size_t(cap_) * 2);
        data()[size_++] = v;
    }
    void reserve(size_t n) {
        if (n <= cap_) return;
        auto* p = static_cast<uint32_t*>(::operator new(n * 4));  // throws like std::vector
        std::memcpy(p, data(), size_ * 4u);
        release();
        heap_ = p;
        cap_ = static_cast<uint32_t>(n);
    }
    void resize(size_t n, uint32_t value = 0) {
        reserve(n);
        if (n > size_) std::fill(data() + size_, data() + n, value);
        size_ = static_cast<uint32_t>(n);
    }
    void assign(size_t n, uint32_t value) {
        size_ = 0;
        resize(n, value);
    }
    void swap(LimbVec& o) noexcept {
        LimbVec t(std::move(o));
        o = std::move(*this);
        *this = std::move(t);
    }

    friend bool operator==(const LimbVec& a, const LimbVec& b) {
        return a.size_ == b.size_ && std::memcmp(a.data(), b.data(), a.size_ * 4u) == 0;
    }

  private:
    void release() {
        if (cap_ > kInline) ::operator delete(heap_);
        cap_ = kInline;
    }
    void steal(LimbVec& o) {
        size_ = o.size_;
        cap_ = o.cap_;
        if (o.cap_ > kInline) {
            heap_ = o.heap_;
        } else {
            std::memcpy(inline_, o.inline_, sizeof inline_);
        }
        o.size_ = 0;
        o.cap_ = kInline;
    }

    uint32_t size_ = 0;
    uint32_t cap_ = kInline;
    union {
        uint32_t inline_[kInline] = {};
        uint32_t* heap_;
    };
};

}  // namespace interleave::python::detail
