// MT19937 as CPython 3.11's Modules/_randommodule.c uses it (Matsumoto & Nishimura's
// reference algorithm with the 2002 init_genrand), plus Lib/random.py's seed conversions.
#include "python/num/mt19937.hpp"

#include <vector>

#include "python/num/float_ops.hpp"
#include "python/num/sha512.hpp"

namespace interleave::python {

namespace {

constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

}  // namespace

void MersenneTwister::init_genrand(uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < kN; ++i) {
        mt_[i] = 1812433253U * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<uint32_t>(i);
    }
    index_ = kN;
}

void MersenneTwister::init_by_array(const uint32_t* key, size_t key_length) {
    init_genrand(19650218U);
    size_t i = 1, j = 0;
    for (size_t k = (kN > key_length ? kN : key_length); k > 0; --k) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + key[j] +
                 static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            mt_[0] = mt_[kN - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (size_t k = kN - 1; k > 0; --k) {
        mt_[i] =
            (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= kN) {
            mt_[0] = mt_[kN - 1];
            i = 1;
        }
    }
    mt_[0] = 0x80000000U;  // MSB is 1: a non-zero initial array
}

void MersenneTwister::seed(const BigInt& n) {
    BigInt::Limbs key = n.limbs();  // |n|, least significant word first
    if (key.empty()) key.push_back(0);
    init_by_array(key.data(), key.size());
}

void MersenneTwister::seed(int64_t n) {
    seed(BigInt::from_int64(n));
}

void MersenneTwister::seed_float(double x) {
    seed(BigInt::from_uint64(static_cast<uint64_t>(hash_double(x))));
}

void MersenneTwister::seed_bytes(std::string_view bytes) {
    // int.from_bytes(a + sha512(a).digest(), 'big'): the last byte is the least significant.
    const std::array<uint8_t, 64> digest = sha512(bytes);
    const size_t total = bytes.size() + digest.size();
    BigInt::Limbs words((total + 3) / 4, 0);
    for (size_t pos = 0; pos < total; ++pos) {  // pos counts from the least significant byte
        const size_t from_end = total - 1 - pos;
        const uint8_t byte = from_end < bytes.size() ? static_cast<uint8_t>(bytes[from_end])
                                                     : digest[from_end - bytes.size()];
        words[pos / 4] |= static_cast<uint32_t>(byte) << (8 * (pos % 4));
    }
    seed(BigInt::from_limbs(std::move(words), false));
}

void MersenneTwister::seed_version1(const std::u32string& a) {
    uint64_t x = a.empty() ? 0 : static_cast<uint64_t>(a[0]) << 7;
    for (char32_t c : a) x = (1000003ULL * x) ^ c;  // & 0xFFFFFFFFFFFFFFFF: uint64 wraps
    x ^= a.size();
    seed(BigInt::from_uint64(x));
}

uint32_t MersenneTwister::genrand_uint32() {
    if (index_ >= kN) {
        int kk = 0;
        for (; kk < kN - kM; ++kk) {
            const uint32_t y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
            mt_[kk] = mt_[kk + kM] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
        }
        for (; kk < kN - 1; ++kk) {
            const uint32_t y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
            mt_[kk] = mt_[kk + (kM - kN)] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
        }
        const uint32_t y = (mt_[kN - 1] & kUpperMask) | (mt_[0] & kLowerMask);
        mt_[kN - 1] = mt_[kM - 1] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
        index_ = 0;
    }
    uint32_t y = mt_[index_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

uint64_t MersenneTwister::getrandbits64(int k) {
    if (k <= 0) return 0;
    if (k <= 32) return genrand_uint32() >> (32 - k);
    const uint64_t low = genrand_uint32();
    const uint64_t high = genrand_uint32() >> (64 - k);
    return low | (high << 32);
}

Result<BigInt> MersenneTwister::getrandbits(int64_t k) {
    if (k < 0) return make_error(ExcType::ValueError, "number of bits must be non-negative");
    if (static_cast<uint64_t>(k) > kMaxBits) return make_error(ExcType::MemoryError, "");
    if (k <= 64) return BigInt::from_uint64(getrandbits64(static_cast<int>(k)));
    BigInt::Limbs words(static_cast<size_t>((k - 1) / 32 + 1));
    for (auto& w : words) {
        uint32_t r = genrand_uint32();
        if (k < 32) r >>= (32 - k);
        w = r;
        k -= 32;
    }
    return BigInt::from_limbs(std::move(words), false);
}

MersenneTwister::State MersenneTwister::getstate() const {
    State s;
    s.words = mt_;
    s.index = index_;
    return s;
}

Error MersenneTwister::setstate(const State& state) {
    if (state.index < 0 || state.index > kN)
        return make_error(ExcType::ValueError, "invalid state");
    mt_ = state.words;
    index_ = state.index;
    return {};
}

}  // namespace interleave::python
