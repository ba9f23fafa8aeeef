// Interleave samples — share links: the whole playground state in a URL fragment.
//
//   #v=1&sample=choosing&model=threads&work=cpu&gil=off[&code=...][&t=250][&run=1]
//
// Readable key=value pairs, percent-encoded where needed; only knobs that differ from their
// default are written. A sample whose program is unchanged (its own text with the link's knob
// values) has no code in its link, so the link stays readable. An edited program travels as
// `code=` (issue #10.6), packed by a CodeCodec (deflate-raw + base64url: samples/code_codec.hpp
// natively, the page's CompressionStream on the web); this file only places the payload and hands
// it back, it compresses nothing. Decoding is pure, strict and total: it never throws and never
// fails outright; whatever cannot be used (unknown key, bad value, out-of-range number, unknown
// sample, wrong version, oversized fragment) is skipped or clamped and named in `notices`.
// `t=` (issue #11 item 4, "Link to this moment") is a moment of a simulated run in virtual ms
// (0 <= t <= kMaxLinkMomentMs, at most 3 decimals: ns would be noise in a link); links without
// it read as before.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samples/knobs.hpp"

namespace interleave::samples {

constexpr int kLinkVersion = 1;
// Issue #10.6: a link, code included, may be up to 64 KiB (a 2,000-line program packs to
// ~25 KB); past that only the first 64 KiB are read. Links without code are far below it.
constexpr size_t kMaxFragmentBytes = 64 * 1024;
// The latest moment a link may name: a day of virtual time (runs stop long before it).
constexpr double kMaxLinkMomentMs = 86'400'000;

struct LinkState {
    std::string sample = "threading";
    KnobValues knobs;  // complete: every knob of `sample`
    // The program, when it is not `sample`'s own text with `knobs` (an edited or pasted
    // program). nullopt: the sample's program, and no code in the link.
    std::optional<std::string> code;
    bool run = false;  // the link asks to run at once
    // The moment to show once the (simulated) run has finished, in virtual ms since its start;
    // nullopt: the end. Only with machine=simulated (a real run has no replay).
    std::optional<double> t_ms;
};

// How `code=` is packed (issue #10.6). Pure functions; any thread. An exception from unpack is
// caught and reported like a refusal.
struct CodeCodec {
    std::function<std::string(std::string_view text)> pack;  // -> payload (any bytes)
    // payload -> text; nullopt with a one-line reason in `why` when it cannot be read.
    std::function<std::optional<std::string>(std::string_view payload, std::string* why)> unpack;
};

// "#v=1&sample=..." (leading '#'). `state.knobs` must belong to `state.sample`. A state with
// `code` needs a codec (throws std::invalid_argument without one: the link would lose the code).
std::string encode_link(const LinkState& state, const CodeCodec* codec = nullptr);

struct DecodedLink {
    LinkState state;                   // always valid, ready to load
    std::vector<std::string> notices;  // what was ignored or clamped, in words; empty = clean
};
// Accepts the fragment with or without '#'. Never throws (nor does it let a codec's exception
// out). A `code=` it cannot read (no codec, or the codec refuses it) leaves `state.code` empty,
// says so in `notices`, and cancels `run`.
DecodedLink decode_link(std::string_view fragment, const CodeCodec* codec = nullptr);

}  // namespace interleave::samples
