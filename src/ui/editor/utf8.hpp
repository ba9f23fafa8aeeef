// Interleave UI — UTF-8 at the byte level, for the editor's text model: code-point lengths and
// boundaries, decoding, and cleaning text on its way in. An invalid byte counts as a character
// of its own (so a caret can step over it), and sanitize() replaces it by U+FFFD.
// Pure functions; any thread. Validity as RFC 3629 (no overlong forms, no surrogates, nothing
// past U+10FFFF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace interleave::ui::utf8 {

// Length of the code point starting at s[i] (1 for an invalid byte; 0 at the end).
int char_len(std::string_view s, size_t i);
// Start of the code point that ends just before byte i (i > 0), 0 for i == 0.
size_t prev_boundary(std::string_view s, size_t i);
// True if i is 0, s.size(), or the start of a code point (or of an invalid byte).
bool is_boundary(std::string_view s, size_t i);
// `s` with CRLF and CR as LF and invalid UTF-8 as U+FFFD; `replaced` counts the bytes replaced.
std::string sanitize(std::string_view s, size_t* replaced = nullptr);
// The code point at i (U+FFFD for an invalid byte, 0 at the end).
uint32_t decode(std::string_view s, size_t i);
// Appends code point `cp` as UTF-8 (1-4 bytes; a surrogate or a value past U+10FFFF as U+FFFD).
void append(std::string& out, uint32_t cp);
// Display cells of a code point in the monospaced editor and console: 2 for East Asian Wide
// and Fullwidth characters (CJK ideographs, kana, Hangul syllables, fullwidth forms, emoji
// from U+1F000), 1 otherwise. As terminals count them (Unicode's EastAsianWidth.txt W/F
// classes, by block; the BMP's emoji-presentation symbols stay 1, drawn as text).
int cell_width(uint32_t cp);

}  // namespace interleave::ui::utf8
