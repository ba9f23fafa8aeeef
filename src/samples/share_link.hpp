// Interleave samples — share links: the whole playground state in a URL fragment.
//
//   #v=1&sample=choosing&model=threads&work=cpu&gil=off[&run=1]
//
// Readable key=value pairs, percent-encoded where needed; only knobs that differ from their
// default are written. Decoding is pure, strict and total: it never throws and never fails
// outright; whatever cannot be used (unknown key, bad value, out-of-range number, unknown
// sample, wrong version, oversized fragment) is skipped or clamped and named in `notices`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "samples/knobs.hpp"

namespace interleave::samples {

constexpr int kLinkVersion = 1;
constexpr size_t kMaxFragmentBytes = 4096;

struct LinkState {
    std::string sample = "threading";
    KnobValues knobs;  // complete: every knob of `sample`
    bool run = false;  // the link asks to run at once
};

// "#v=1&sample=..." (leading '#'). `state.knobs` must belong to `state.sample`.
std::string encode_link(const LinkState& state);

struct DecodedLink {
    LinkState state;                   // always valid, ready to load
    std::vector<std::string> notices;  // what was ignored or clamped, in words; empty = clean
};
// Accepts the fragment with or without '#'. Never throws.
DecodedLink decode_link(std::string_view fragment);

}  // namespace interleave::samples
