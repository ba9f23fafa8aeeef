// BigInt shifts and bitwise operations on the infinite two's complement representation, as
// CPython 3.11's long_lshift / long_rshift / long_bitwise / long_invert.
#include "python/num/bigint.hpp"
#include "python/num/bigint_mag.hpp"

namespace interleave::python {

using detail::Mag;

namespace {

Error negative_shift() {
    return make_error(ExcType::ValueError, "negative shift count");
}

// Two's complement limbs of x over `len` limbs (len > x's size, so the top limb holds the sign).
Mag to_twos(const BigInt& x, size_t len) {
    Mag r = x.limbs();
    if (x.is_negative()) {
        detail::sub_small(r, 1);  // ~(m - 1) == -m
        r.resize(len, 0);
        for (auto& limb : r) limb = ~limb;
    } else {
        r.resize(len, 0);
    }
    return r;
}

BigInt from_twos(Mag r) {
    const bool negative = !r.empty() && (r.back() >> 31) != 0;
    if (negative) {
        for (auto& limb : r) limb = ~limb;
        detail::trim(r);
        detail::add_small(r, 1);
    }
    return BigInt::from_limbs(std::move(r), negative);
}

template <class Op>
BigInt bitwise(const BigInt& a, const BigInt& b, Op op) {
    const size_t len = std::max(a.limbs().size(), b.limbs().size()) + 1;
    Mag x = to_twos(a, len);
    const Mag y = to_twos(b, len);
    for (size_t i = 0; i < len; ++i) x[i] = op(x[i], y[i]);
    return from_twos(std::move(x));
}

}  // namespace

Result<BigInt> lshift(const BigInt& a, int64_t n) {
    if (n < 0) return negative_shift();
    if (a.is_zero()) return BigInt();
    if (uint64_t(n) > kMaxBits || a.bit_length() + uint64_t(n) > kMaxBits) {
        return make_error(ExcType::MemoryError, "");
    }
    return BigInt::from_limbs(detail::shl_mag(a.limbs(), static_cast<uint64_t>(n)),
                              a.is_negative());
}

Result<BigInt> rshift(const BigInt& a, int64_t n) {
    if (n < 0) return negative_shift();
    if (!a.is_negative()) return BigInt::from_limbs(detail::shr_mag(a.limbs(), uint64_t(n)), false);
    // Floor for negatives: a >> n == -((|a| - 1) >> n) - 1.
    Mag m = a.limbs();
    detail::sub_small(m, 1);
    m = detail::shr_mag(m, static_cast<uint64_t>(n));
    detail::add_small(m, 1);
    return BigInt::from_limbs(std::move(m), true);
}

Result<BigInt> lshift(const BigInt& a, const BigInt& n) {
    if (n.is_negative()) return negative_shift();
    if (a.is_zero()) return BigInt();
    int64_t count = 0;
    if (!n.to_int64(&count)) return make_error(ExcType::MemoryError, "");
    return lshift(a, count);
}

Result<BigInt> rshift(const BigInt& a, const BigInt& n) {
    if (n.is_negative()) return negative_shift();
    int64_t count = 0;
    if (!n.to_int64(&count)) return BigInt::from_int64(a.is_negative() ? -1 : 0);
    return rshift(a, count);
}

BigInt bit_and(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](uint32_t x, uint32_t y) { return x & y; });
}

BigInt bit_or(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](uint32_t x, uint32_t y) { return x | y; });
}

BigInt bit_xor(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](uint32_t x, uint32_t y) { return x ^ y; });
}

BigInt bit_invert(const BigInt& a) {
    return -(a + BigInt::from_int64(1));
}

}  // namespace interleave::python
