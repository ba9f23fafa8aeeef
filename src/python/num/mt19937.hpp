// CPython 3.11's random generator core (Modules/_randommodule.c): the Mersenne Twister
// MT19937 with CPython's seeding, random(), getrandbits(), getstate()/setstate(), and
// random.Random.seed()'s conversions of int/float/str/bytes seeds (Lib/random.py).
//
// ✓ random.seed(42); random.random() -> 0.6394267984578837, as CPython
// ✓ seed(int): |n| split into 32-bit words, least significant first (0 -> one word 0);
//   seed(float): its hash() as an unsigned 64-bit int; seed(str/bytes/bytearray) version 2:
//   int.from_bytes(a + sha512(a).digest(), 'big') (str encoded as UTF-8); version 1 too
// ✓ random(): (a >> 5) * 2**26 + (b >> 6), over 2**53; getrandbits(k) for any k >= 0 (32-bit
//   words, least significant first; the last word's low bits dropped)
// ✗ seed(None) draws from the OS in CPython; the VM picks (virtual time wants a fixed seed)
//
// Not thread-safe: one generator per Python Random object; the VM serialises calls on one
// (CPython's random() is atomic under the GIL; without the GIL the VM locks the object).
// Costs: genrand ~3 ns (a 624-word refill every 624 calls), random() two of them.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "python/num/bigint.hpp"
#include "python/num/error.hpp"

namespace interleave::python {

class MersenneTwister {
  public:
    static constexpr int kN = 624;

    // Unseeded state is init_genrand(5489) (the reference code's default); Python always
    // seeds first.
    MersenneTwister() { init_genrand(5489u); }

    void init_genrand(uint32_t s);
    void init_by_array(const uint32_t* key, size_t key_length);

    // _random.Random.seed(n) for an int: |n| in 32-bit words.
    void seed(const BigInt& n);
    void seed(int64_t n);
    // random.seed(x) for a float: hash(x) as unsigned (NaN seeds by the object's id:
    // pass hash_double(x, id)).
    void seed_float(double x);
    // random.seed(a) for str (UTF-8) or bytes/bytearray, version 2 (the default).
    void seed_bytes(std::string_view bytes);
    // random.seed(a, version=1) for str or bytes: `code_points` are the str's code points
    // (for bytes: each byte, as a latin-1 decode gives).
    void seed_version1(const std::u32string& code_points);

    uint32_t genrand_uint32();
    // random.random(): [0.0, 1.0) with 53 random bits.
    double random() {
        const uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }
    // getrandbits(k) for 0 <= k <= 64, as a machine word (the same draws as the BigInt form).
    uint64_t getrandbits64(int k);
    // getrandbits(k): ValueError "number of bits must be non-negative"; results past kMaxBits:
    // MemoryError.
    Result<BigInt> getrandbits(int64_t k);

    // _random.Random.getstate(): 624 words and the index (0..624).
    struct State {
        std::array<uint32_t, kN> words{};
        int index = 0;
    };
    State getstate() const;
    // setstate(): ValueError "invalid state" for an index outside 0..624. (The tuple checks —
    // "state vector must be a tuple", "state vector is the wrong size" — are the VM's.)
    Error setstate(const State& state);

  private:
    std::array<uint32_t, kN> mt_{};
    int index_ = kN + 1;
};

}  // namespace interleave::python
