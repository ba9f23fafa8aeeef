// libFuzzer target: a link's code= decoder (samples/code_codec.hpp) must be total. For any
// payload it must not crash, hang or read out of bounds (ASan); what it accepts is UTF-8 text
// of at most kMaxCodeBytes that packs and unpacks back to itself; a refusal says why. The raw
// inflater is fuzzed directly too (the first byte picks: payload text, or DEFLATE bytes), so
// the fuzzer need not find base64url first.
//
// Build and run: see cmake/fuzz.cmake.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "samples/code_codec.hpp"

using namespace interleave::samples;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_code_codec: invariant broken: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const CodeCodec& codec = zlib_code_codec();
    std::string why;
    std::optional<std::string> text;
    try {
        text =
            (data[0] & 1) ? codec.unpack(input, &why) : codec.unpack(base64url_encode(input), &why);
    } catch (...) {
        fail("unpack threw");
    }
    if (!text) {
        if (why.empty() || why.find('\n') != std::string::npos) fail("refusal without a reason");
        return 0;
    }
    if (text->size() > kMaxCodeBytes) fail("text over the limit");
    if (!utf8_valid(*text)) fail("accepted text is not UTF-8");
    const auto again = codec.unpack(codec.pack(*text), &why);
    if (!again || *again != *text) fail("accepted text does not round-trip");
    const auto stored = codec.unpack(pack_code_stored(*text), &why);
    if (!stored || *stored != *text) fail("stored blocks do not round-trip");
    return 0;
}
