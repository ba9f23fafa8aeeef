// The VM's small-int fast path: checked int64 arithmetic with Python's semantics. Each helper
// returns false on overflow (the VM then redoes the operation on BigInt) and never traps.
// Header-only, branch-light, any thread. Floor division and modulo follow Python (the result of
// % has the divisor's sign); callers check for a zero divisor first (ZeroDivisionError texts:
// "integer division or modulo by zero" for // and divmod, "integer modulo by zero" for %).
#pragma once

#include <cstdint>
#include <string>

namespace interleave::python {

inline bool checked_add(int64_t a, int64_t b, int64_t* out) {
    return !__builtin_add_overflow(a, b, out);
}
inline bool checked_sub(int64_t a, int64_t b, int64_t* out) {
    return !__builtin_sub_overflow(a, b, out);
}
inline bool checked_mul(int64_t a, int64_t b, int64_t* out) {
    return !__builtin_mul_overflow(a, b, out);
}
inline bool checked_neg(int64_t a, int64_t* out) {
    return !__builtin_sub_overflow(int64_t(0), a, out);
}

// a // b for b != 0 (floor). Overflows only for INT64_MIN // -1.
inline bool checked_floordiv(int64_t a, int64_t b, int64_t* out) {
    if (b == -1) return checked_neg(a, out);
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    *out = q;
    return true;
}

// a % b for b != 0 (sign of b). Never overflows.
inline int64_t py_mod(int64_t a, int64_t b) {
    if (b == -1) return 0;
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

// a ** e for e >= 0 (a negative e makes a float in Python: the VM's job). Exponentiation by
// squaring, O(log e); false as soon as an intermediate overflows.
inline bool checked_pow(int64_t a, int64_t e, int64_t* out) {
    int64_t result = 1;
    int64_t base = a;
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result)) return false;
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(base, base, &base)) return false;
    }
    *out = result;
    return true;
}

// a << n for 0 <= n (the VM raises "negative shift count" for n < 0).
inline bool checked_lshift(int64_t a, int64_t n, int64_t* out) {
    if (a == 0) {
        *out = 0;
        return true;
    }
    if (n >= 63) return false;
    const int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << n);
    if ((r >> n) != a) return false;
    *out = r;
    return true;
}

// a >> n for n >= 0: floor (arithmetic shift); n >= 64 gives 0 or -1.
inline int64_t py_rshift(int64_t a, int64_t n) {
    return n >= 63 ? (a < 0 ? -1 : 0) : (a >> n);
}

// hash(int) for an int64: value mod 2**61-1 with the sign, -1 -> -2 (long_hash).
inline int64_t hash_int64(int64_t v) {
    constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
    const uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    int64_t h = static_cast<int64_t>(mag % kModulus);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

// Appends str(v) in decimal. ~20 ns.
inline void append_int64(std::string& out, int64_t v) {
    char buf[24];
    char* p = buf + sizeof buf;
    uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    do {
        *--p = static_cast<char>('0' + mag % 10);
        mag /= 10;
    } while (mag != 0);
    if (v < 0) *--p = '-';
    out.append(p, static_cast<size_t>(buf + sizeof buf - p));
}

inline std::string int64_to_string(int64_t v) {
    std::string s;
    append_int64(s, v);
    return s;
}

}  // namespace interleave::python
