// The primitives in num_bridge.hpp: src/python/num's where they exist, provisional ones
// (marked) until the rest land.
#include "python/objects/num_bridge.hpp"

#include "python/num/float_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace interleave::python {

std::string float_repr_text(double d) {
    return float_repr(d);
}

bool float_parse_text(std::string_view text, double* out) {
    auto r = parse_float(text);
    if (!r) return false;
    *out = r.value;
    return true;
}

int64_t hash_str_text(std::string_view utf8) {
    // FNV-1a (provisional: not CPython's SipHash-1-3, so set orders of strs differ until the
    // num/ hashing lands).
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : utf8) {
        h ^= c;
        h *= 1099511628211ull;
    }
    int64_t r = int64_t(h);
    return r == -1 ? -2 : r;
}

}  // namespace interleave::python
