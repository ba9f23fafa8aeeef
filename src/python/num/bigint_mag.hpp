// Magnitude (unsigned) arithmetic on little-endian base-2^32 limb vectors: the building blocks
// of BigInt (bigint.hpp). Internal to src/python/num; no sign, no Python semantics here.
#pragma once

#include <cstddef>
#include <cstdint>
#include "python/num/error.hpp"
#include "python/num/limb_vec.hpp"

namespace interleave::python::detail {

using Limb = uint32_t;
using Mag = LimbVec;

// Tracks work for a Poll: check() calls the poll after every ~2^20 limb operations.
struct WorkMeter {
    const Poll* poll = nullptr;
    uint64_t work = 0;
    bool stopped = false;
    bool add(uint64_t ops) {  // true = stop
        if (poll == nullptr || stopped) return stopped;
        work += ops;
        if (work >= (uint64_t(1) << 20)) {
            work = 0;
            stopped = poll->stop();
        }
        return stopped;
    }
};

void trim(Mag& a);  // drop leading zero limbs
int cmp_mag(const Mag& a, const Mag& b);
uint64_t bit_length_mag(const Mag& a);

Mag add_mag(const Mag& a, const Mag& b);
Mag sub_mag(const Mag& a, const Mag& b);       // requires a >= b
void add_small(Mag& a, Limb v);                // a += v
void sub_small(Mag& a, Limb v);                // a -= v, requires a >= v
void mul_small_add(Mag& a, Limb m, Limb add);  // a = a * m + add
Limb divrem_small(Mag& a, Limb d);             // a /= d (d != 0), returns a % d

// a * b (Karatsuba above a size threshold). On a poll stop, returns {} with meter.stopped.
Mag mul_mag(const Mag& a, const Mag& b, WorkMeter& meter);
Mag mul_mag(const Mag& a, const Mag& b);
// q = a / b, r = a % b for b != 0 (Knuth, TAOCP 4.3.1 Algorithm D). q or r may be null.
void divmod_mag(const Mag& a, const Mag& b, Mag* q, Mag* r);

Mag shl_mag(const Mag& a, uint64_t bits);
// a >> bits; *inexact |= any 1 bit shifted out (when inexact is not null).
Mag shr_mag(const Mag& a, uint64_t bits, bool* inexact = nullptr);

}  // namespace interleave::python::detail
