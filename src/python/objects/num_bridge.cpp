// The primitives in num_bridge.hpp, from src/python/num.
#include "python/objects/num_bridge.hpp"

#include "python/num/float_format.hpp"
#include "python/num/hash.hpp"

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
    return hash_str(utf8);
}

}  // namespace interleave::python
