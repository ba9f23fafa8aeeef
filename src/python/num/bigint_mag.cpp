// Magnitude arithmetic for BigInt: base-2^32 limbs, 64-bit intermediates.
#include "python/num/bigint_mag.hpp"

#include <algorithm>
#include <bit>

namespace interleave::python::detail {

namespace {

// Below this many limbs (the smaller operand) schoolbook beats Karatsuba here (measured with
// g++ -O2: 32..48 are equal within noise).
constexpr size_t kKaratsubaCutoff = 40;

// out[0 .. na+nb) = a * b; out must be zeroed.
void school_mul(const Limb* a, size_t na, const Limb* b, size_t nb, Limb* out) {
    for (size_t i = 0; i < na; ++i) {
        uint64_t carry = 0;
        const uint64_t ai = a[i];
        if (ai == 0) continue;
        for (size_t j = 0; j < nb; ++j) {
            uint64_t t = ai * b[j] + out[i + j] + carry;
            out[i + j] = static_cast<Limb>(t);
            carry = t >> 32;
        }
        out[i + nb] = static_cast<Limb>(carry);
    }
}

// r[offset ..] += x, with carry propagation; r is large enough.
void add_into(Mag& r, const Mag& x, size_t offset) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < x.size(); ++i) {
        uint64_t t = uint64_t(r[offset + i]) + x[i] + carry;
        r[offset + i] = static_cast<Limb>(t);
        carry = t >> 32;
    }
    for (size_t k = offset + i; carry != 0 && k < r.size(); ++k) {
        uint64_t t = uint64_t(r[k]) + carry;
        r[k] = static_cast<Limb>(t);
        carry = t >> 32;
    }
}

// x -= y in place (x >= y).
void sub_inplace(Mag& x, const Mag& y) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < y.size(); ++i) {
        int64_t t = int64_t(x[i]) - y[i] - borrow;
        x[i] = static_cast<Limb>(t);
        borrow = t < 0 ? 1 : 0;
    }
    for (; borrow != 0 && i < x.size(); ++i) {
        int64_t t = int64_t(x[i]) - borrow;
        x[i] = static_cast<Limb>(t);
        borrow = t < 0 ? 1 : 0;
    }
    trim(x);
}

Mag slice(const Limb* p, size_t n) {
    Mag m(p, p + n);
    trim(m);
    return m;
}

Mag kmul(const Limb* a, size_t na, const Limb* b, size_t nb, WorkMeter& meter) {
    if (na < nb) {
        std::swap(a, b);
        std::swap(na, nb);
    }
    if (nb == 0) return {};
    if (nb < kKaratsubaCutoff) {
        Mag out(na + nb, 0);
        school_mul(a, na, b, nb, out.data());
        trim(out);
        meter.add(uint64_t(na) * nb);
        return out;
    }
    if (2 * nb <= na) {
        // Lopsided: multiply b by nb-limb slices of a (as CPython's k_lopsided_mul).
        Mag out(na + nb, 0);
        for (size_t off = 0; off < na; off += nb) {
            size_t len = std::min(nb, na - off);
            Mag part = kmul(a + off, len, b, nb, meter);
            if (meter.stopped) return {};
            add_into(out, part, off);
        }
        trim(out);
        return out;
    }
    const size_t h = na / 2;  // nb > na/2 >= h, so both high halves are non-empty
    Mag a0 = slice(a, h), a1 = slice(a + h, na - h);
    Mag b0 = slice(b, h), b1 = slice(b + h, nb - h);
    Mag z0 = kmul(a0.data(), a0.size(), b0.data(), b0.size(), meter);
    Mag z2 = kmul(a1.data(), a1.size(), b1.data(), b1.size(), meter);
    Mag sa = add_mag(a0, a1), sb = add_mag(b0, b1);
    Mag z1 = kmul(sa.data(), sa.size(), sb.data(), sb.size(), meter);
    if (meter.stopped) return {};
    sub_inplace(z1, z0);
    sub_inplace(z1, z2);
    Mag out(na + nb + 1, 0);
    add_into(out, z0, 0);
    add_into(out, z1, h);
    add_into(out, z2, 2 * h);
    trim(out);
    return out;
}

}  // namespace

void trim(Mag& a) {
    while (!a.empty() && a.back() == 0) a.pop_back();
}

int cmp_mag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

uint64_t bit_length_mag(const Mag& a) {
    if (a.empty()) return 0;
    return uint64_t(a.size() - 1) * 32 + (32 - std::countl_zero(a.back()));
}

Mag add_mag(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < y.size(); ++i) {
        uint64_t t = uint64_t(x[i]) + y[i] + carry;
        r[i] = static_cast<Limb>(t);
        carry = t >> 32;
    }
    for (; i < x.size(); ++i) {
        uint64_t t = uint64_t(x[i]) + carry;
        r[i] = static_cast<Limb>(t);
        carry = t >> 32;
    }
    r[i] = static_cast<Limb>(carry);
    trim(r);
    return r;
}

Mag sub_mag(const Mag& a, const Mag& b) {
    Mag r = a;
    sub_inplace(r, b);
    return r;
}

void add_small(Mag& a, Limb v) {
    uint64_t carry = v;
    for (size_t i = 0; carry != 0 && i < a.size(); ++i) {
        uint64_t t = uint64_t(a[i]) + carry;
        a[i] = static_cast<Limb>(t);
        carry = t >> 32;
    }
    if (carry != 0) a.push_back(static_cast<Limb>(carry));
}

void sub_small(Mag& a, Limb v) {
    int64_t borrow = v;
    for (size_t i = 0; borrow != 0 && i < a.size(); ++i) {
        int64_t t = int64_t(a[i]) - borrow;
        a[i] = static_cast<Limb>(t);
        borrow = t < 0 ? 1 : 0;
    }
    trim(a);
}

void mul_small_add(Mag& a, Limb m, Limb add) {
    uint64_t carry = add;
    for (Limb& limb : a) {
        uint64_t t = uint64_t(limb) * m + carry;
        limb = static_cast<Limb>(t);
        carry = t >> 32;
    }
    if (carry != 0) a.push_back(static_cast<Limb>(carry));
    trim(a);
}

Limb divrem_small(Mag& a, Limb d) {
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = static_cast<Limb>(cur / d);
        rem = cur % d;
    }
    trim(a);
    return static_cast<Limb>(rem);
}

Mag mul_mag(const Mag& a, const Mag& b, WorkMeter& meter) {
    if (a.empty() || b.empty()) return {};
    if (b.size() == 1) {
        Mag r = a;
        mul_small_add(r, b[0], 0);
        return r;
    }
    if (a.size() == 1) {
        Mag r = b;
        mul_small_add(r, a[0], 0);
        return r;
    }
    return kmul(a.data(), a.size(), b.data(), b.size(), meter);
}

Mag mul_mag(const Mag& a, const Mag& b) {
    WorkMeter meter;
    return mul_mag(a, b, meter);
}

void divmod_mag(const Mag& a, const Mag& b, Mag* q, Mag* r) {
    const size_t n = b.size(), m = a.size();
    if (cmp_mag(a, b) < 0) {
        if (r != nullptr) *r = a;
        if (q != nullptr) q->clear();
        return;
    }
    if (n == 1) {
        Mag qq = a;
        Limb rem = divrem_small(qq, b[0]);
        if (r != nullptr) {
            r->clear();
            if (rem != 0) r->push_back(rem);
        }
        if (q != nullptr) *q = std::move(qq);
        return;
    }
    // Normalise so that the divisor's top limb has its high bit set.
    const int s = std::countl_zero(b[n - 1]);
    Mag vn(n), un(m + 1);
    for (size_t i = n - 1; i > 0; --i) {
        vn[i] = (b[i] << s) | (s != 0 ? static_cast<Limb>(uint64_t(b[i - 1]) >> (32 - s)) : 0);
    }
    vn[0] = b[0] << s;
    un[m] = s != 0 ? static_cast<Limb>(uint64_t(a[m - 1]) >> (32 - s)) : 0;
    for (size_t i = m - 1; i > 0; --i) {
        un[i] = (a[i] << s) | (s != 0 ? static_cast<Limb>(uint64_t(a[i - 1]) >> (32 - s)) : 0);
    }
    un[0] = a[0] << s;

    Mag qq(m - n + 1, 0);
    const uint64_t top = vn[n - 1], next = vn[n - 2];
    for (size_t j = m - n + 1; j-- > 0;) {
        uint64_t num = (uint64_t(un[j + n]) << 32) | un[j + n - 1];
        uint64_t qhat = num / top, rhat = num % top;
        while (qhat >> 32 != 0 || qhat * next > ((rhat << 32) | un[j + n - 2])) {
            --qhat;
            rhat += top;
            if (rhat >> 32 != 0) break;
        }
        // un[j .. j+n] -= qhat * vn
        int64_t k = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * vn[i];
            int64_t t = int64_t(un[i + j]) - k - int64_t(p & 0xFFFFFFFFu);
            un[i + j] = static_cast<Limb>(t);
            k = int64_t(p >> 32) - (t >> 32);
        }
        int64_t t = int64_t(un[j + n]) - k;
        un[j + n] = static_cast<Limb>(t);
        if (t < 0) {  // qhat was one too large (rare): add the divisor back
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                c += uint64_t(un[i + j]) + vn[i];
                un[i + j] = static_cast<Limb>(c);
                c >>= 32;
            }
            un[j + n] += static_cast<Limb>(c);
        }
        qq[j] = static_cast<Limb>(qhat);
    }
    if (r != nullptr) {
        r->assign(n, 0);
        for (size_t i = 0; i < n; ++i) {
            (*r)[i] =
                (un[i] >> s) | (s != 0 ? static_cast<Limb>(uint64_t(un[i + 1]) << (32 - s)) : 0);
        }
        trim(*r);
    }
    if (q != nullptr) {
        trim(qq);
        *q = std::move(qq);
    }
}

Mag shl_mag(const Mag& a, uint64_t bits) {
    if (a.empty()) return {};
    const size_t words = static_cast<size_t>(bits / 32);
    const int s = static_cast<int>(bits % 32);
    Mag r(a.size() + words + 1, 0);
    if (s == 0) {
        std::copy(a.begin(), a.end(), r.begin() + static_cast<std::ptrdiff_t>(words));
    } else {
        Limb carry = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            r[i + words] = (a[i] << s) | carry;
            carry = a[i] >> (32 - s);
        }
        r[a.size() + words] = carry;
    }
    trim(r);
    return r;
}

Mag shr_mag(const Mag& a, uint64_t bits, bool* inexact) {
    const uint64_t words64 = bits / 32;
    if (words64 >= a.size()) {
        if (inexact != nullptr && !a.empty()) *inexact = true;
        return {};
    }
    const size_t words = static_cast<size_t>(words64);
    const int s = static_cast<int>(bits % 32);
    if (inexact != nullptr) {
        for (size_t i = 0; i < words && !*inexact; ++i) *inexact = a[i] != 0;
        if (s != 0 && (a[words] & ((Limb(1) << s) - 1)) != 0) *inexact = true;
    }
    Mag r(a.size() - words);
    for (size_t i = 0; i < r.size(); ++i) {
        Limb lo = a[i + words] >> s;
        Limb hi = (s != 0 && i + words + 1 < a.size()) ? a[i + words + 1] << (32 - s) : 0;
        r[i] = lo | hi;
    }
    trim(r);
    return r;
}

}  // namespace interleave::python::detail
