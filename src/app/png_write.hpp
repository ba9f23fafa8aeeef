// Interleave app — a minimal PNG writer for screenshots (RGBA8, stored deflate blocks: no
// compression, no third-party code). Any thread; pure function of its input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace interleave::app {

// Encodes `rgba` (width * height * 4 bytes, top row first) as a PNG file image.
std::vector<uint8_t> encode_png(const uint8_t* rgba, int width, int height);

// Writes the PNG to `path`. Returns false if the file cannot be written, with the system's
// reason in `error` (if given).
bool write_png(const std::string& path, const uint8_t* rgba, int width, int height,
               std::string* error = nullptr);

}  // namespace interleave::app
