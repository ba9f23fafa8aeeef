// Interleave samples — how a program travels in a share link's `code=` (issue #10 item 6):
// UTF-8 text -> raw DEFLATE (RFC 1951, no zlib header: what the browser's
// CompressionStream('deflate-raw') and zlib with wbits=-15 both read and write) -> base64url
// without padding (RFC 4648 §5), so the payload needs no %-escapes in a fragment.
//
// Pure functions, any thread, no state. Decoding is total: it never throws, never allocates
// more than kMaxCodeBytes of text (a 64 KiB payload could inflate ~1000x: a "zip bomb"), and
// says in one line why it refused.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "samples/share_link.hpp"

namespace interleave::samples {

// The largest program a link may carry, unpacked: 1 MiB (a 2,000-line program is ~90 KB).
constexpr size_t kMaxCodeBytes = 1 << 20;

// RFC 4648 §5 alphabet (A-Z a-z 0-9 - _), no '=' padding. Cost: linear.
std::string base64url_encode(std::string_view bytes);
// Accepts the alphabet only, with optional trailing '=' padding (a link tool may add it).
// nullopt and `why` on any other character or an impossible length (4k+1).
std::optional<std::string> base64url_decode(std::string_view text, std::string* why);

// Raw DEFLATE made of stored (uncompressed) blocks, RFC 1951 §3.2.4: valid input for every
// inflater, built without zlib. The web build uses it for the link of an edit whose compressed
// form the page has not answered yet (a frame or two), so a link never lacks its code.
std::string deflate_stored(std::string_view bytes);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool utf8_valid(std::string_view text);

// `code=` payload of `text` with stored blocks (see deflate_stored).
std::string pack_code_stored(std::string_view text);

// --- zlib: defined in native builds only (code_codec_zlib.cpp; CMake leaves it out of wasm,
// which has no zlib). The web build uses the page's CompressionStream /
// DecompressionStream('deflate-raw') instead (web/interleave-link.js). ---

// Raw DEFLATE at zlib's level 9 (wbits -15, memLevel 8). Throws std::bad_alloc only.
std::string deflate_raw(std::string_view bytes);
// Inflates raw DEFLATE. nullopt and `why` when the stream is corrupt, ends early, has bytes
// after its end, or would pass `max_out` bytes (decoding stops there: bounded work).
std::optional<std::string> inflate_raw(std::string_view data, size_t max_out, std::string* why);
// pack: base64url(deflate_raw(text)); unpack: base64url -> inflate (<= kMaxCodeBytes) -> UTF-8
// check. Interoperates with CPython's zlib.compressobj(wbits=-15) and the browser's streams.
const CodeCodec& zlib_code_codec();

}  // namespace interleave::samples
