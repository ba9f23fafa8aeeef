// libFuzzer target: decode_link must be total. For any bytes it must not throw, crash or read
// out of bounds (ASan), must yield a loadable state, bounded one-line notices, and a state
// whose own link decodes back to it without notices.
//
// Build and run: see cmake/fuzz.cmake.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "samples/catalog.hpp"
#include "samples/share_link.hpp"

using namespace interleave::samples;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_share_link: invariant broken: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    DecodedLink d;
    try {
        d = decode_link(input);
    } catch (...) {
        fail("decode_link threw");
    }
    const Sample* s = find_sample(d.state.sample);
    if (!s) fail("unknown sample in the decoded state");
    if (d.state.knobs.size() != s->knobs.size()) fail("knob set incomplete");
    for (const auto& k : s->knobs) {
        auto it = d.state.knobs.find(k.key);
        if (it == d.state.knobs.end()) fail("knob missing");
        std::string err;
        auto parsed = parse_knob(k, it->second, &err);
        if (!parsed || *parsed != it->second) fail("knob value not canonical and valid");
    }
    if (d.notices.size() > 12) fail("too many notices");
    for (const auto& n : d.notices) {
        if (n.find('\n') != std::string::npos || n.size() > 400) fail("notice not one short line");
    }
    if (d.state.run && !d.notices.empty()) fail("a link with problems asked to run");
    const DecodedLink again = decode_link(encode_link(d.state));
    if (!again.notices.empty() || again.state.knobs != d.state.knobs ||
        again.state.sample != d.state.sample || again.state.run != d.state.run) {
        fail("decoded state does not round-trip");
    }
    return 0;
}
