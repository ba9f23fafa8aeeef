// CPython 3.11's hashes with PYTHONHASHSEED=0 (Python/pyhash.c siphash13, tuplehash,
// frozenset_hash, complex_hash).
#include "python/num/hash.hpp"

#include <bit>
#include <cstring>

#include "python/num/float_ops.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

// SipHash-1-3 fed in pieces (so a widened str needs no full copy).
class Sip13 {
  public:
    Sip13(uint64_t k0, uint64_t k1)
        : v0_(k0 ^ 0x736f6d6570736575ULL),
          v1_(k1 ^ 0x646f72616e646f6dULL),
          v2_(k0 ^ 0x6c7967656e657261ULL),
          v3_(k1 ^ 0x7465646279746573ULL) {}

    void update(const uint8_t* p, size_t n) {
        total_ += n;
        while (n > 0 && tail_len_ > 0 && tail_len_ < 8) {
            tail_[tail_len_++] = *p++;
            --n;
            if (tail_len_ == 8) {
                block(load(tail_));
                tail_len_ = 0;
            }
        }
        for (; n >= 8; p += 8, n -= 8) block(load(p));
        while (n-- > 0) tail_[tail_len_++] = *p++;
    }

    uint64_t finish() {
        uint64_t b = static_cast<uint64_t>(total_) << 56;
        uint64_t t = 0;
        for (size_t i = 0; i < tail_len_; ++i) t |= static_cast<uint64_t>(tail_[i]) << (8 * i);
        b |= t;
        v3_ ^= b;
        round();
        v0_ ^= b;
        v2_ ^= 0xff;
        round();
        round();
        round();
        return (v0_ ^ v1_) ^ (v2_ ^ v3_);
    }

  private:
    static uint64_t load(const uint8_t* p) {  // little-endian on every target we build for
        uint64_t m;
        std::memcpy(&m, p, 8);
        return m;
    }
    void round() {
        v0_ += v1_;
        v2_ += v3_;
        v1_ = std::rotl(v1_, 13) ^ v0_;
        v3_ = std::rotl(v3_, 16) ^ v2_;
        v0_ = std::rotl(v0_, 32);
        v2_ += v1_;
        v0_ += v3_;
        v1_ = std::rotl(v1_, 17) ^ v2_;
        v3_ = std::rotl(v3_, 21) ^ v0_;
        v2_ = std::rotl(v2_, 32);
    }
    void block(uint64_t m) {
        v3_ ^= m;
        round();
        v0_ ^= m;
    }

    uint64_t v0_, v1_, v2_, v3_;
    uint8_t tail_[8] = {};
    size_t tail_len_ = 0;
    size_t total_ = 0;
};

int64_t finish_hash(uint64_t x) {
    const auto h = static_cast<int64_t>(x);
    return h == -1 ? -2 : h;
}

}  // namespace

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len) {
    Sip13 s(k0, k1);
    s.update(static_cast<const uint8_t*>(data), len);
    return s.finish();
}

int64_t hash_bytes(std::string_view bytes) {
    if (bytes.empty()) return 0;
    return finish_hash(siphash13(0, 0, bytes.data(), bytes.size()));
}

int64_t hash_str(std::string_view utf8) {
    if (utf8.empty()) return 0;
    if (is_ascii(utf8)) return hash_bytes(utf8);
    const char32_t max = utf8_max_code_point(utf8);
    const int kind = max < 0x100 ? 1 : (max < 0x10000 ? 2 : 4);
    Sip13 s(0, 0);
    uint8_t buf[1024];
    size_t used = 0;
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        const char32_t c = utf8_decode(p);
        for (int k = 0; k < kind; ++k) buf[used++] = static_cast<uint8_t>(c >> (8 * k));
        if (used + 4 > sizeof buf) {
            s.update(buf, used);
            used = 0;
        }
    }
    s.update(buf, used);
    return finish_hash(s.finish());
}

int64_t hash_tuple(const int64_t* item_hashes, size_t n) {
    constexpr uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr uint64_t kPrime2 = 14029467366897019727ULL;
    constexpr uint64_t kPrime5 = 2870177450012600261ULL;
    uint64_t acc = kPrime5;
    for (size_t i = 0; i < n; ++i) {
        acc += static_cast<uint64_t>(item_hashes[i]) * kPrime2;
        acc = std::rotl(acc, 31);
        acc *= kPrime1;
    }
    acc += n ^ (kPrime5 ^ 3527539UL);  // keeps hash(()) at its historical value
    if (acc == static_cast<uint64_t>(-1)) return 1546275796;
    return static_cast<int64_t>(acc);
}

int64_t hash_frozenset(const int64_t* item_hashes, size_t n) {
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; };
    uint64_t hash = 0;
    for (size_t i = 0; i < n; ++i) hash ^= shuffle(static_cast<uint64_t>(item_hashes[i]));
    hash ^= (static_cast<uint64_t>(n) + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713UL;
    return static_cast<int64_t>(hash);
}

int64_t hash_complex(double re, double im, uint64_t object_id) {
    const auto hr = static_cast<uint64_t>(hash_double(re, object_id));
    const auto hi = static_cast<uint64_t>(hash_double(im, object_id));
    return finish_hash(hr + 1000003ULL * hi);
}

}  // namespace interleave::python
