// The zlib half of the `code=` codec (native builds only: wasm has no zlib; the page's
// CompressionStream speaks the same raw DEFLATE).
#include <fmt/format.h>
#include <zlib.h>

#include <new>

#include "samples/code_codec.hpp"

namespace interleave::samples {

std::string deflate_raw(std::string_view bytes) {
    z_stream z{};
    // wbits -15: raw DEFLATE with a 32 KiB window, as zlib.compressobj(wbits=-15) and
    // CompressionStream('deflate-raw').
    if (deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
    std::string out(deflateBound(&z, uLong(bytes.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int r = deflate(&z, Z_FINISH);  // deflateBound guarantees one call suffices
    out.resize(z.total_out);
    deflateEnd(&z);
    if (r != Z_STREAM_END) throw std::bad_alloc();
    return out;
}

std::optional<std::string> inflate_raw(std::string_view data, size_t max_out, std::string* why) {
    auto refuse = [&](std::string text) -> std::optional<std::string> {
        if (why) *why = std::move(text);
        return std::nullopt;
    };
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK) return refuse("out of memory");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = uInt(data.size());
    std::string out;
    char buf[16384];
    int r = Z_OK;
    while (r == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        r = inflate(&z, Z_NO_FLUSH);
        const size_t got = sizeof buf - z.avail_out;
        if (out.size() + got > max_out) {
            inflateEnd(&z);
            return refuse(fmt::format("it unpacks to more than {} KiB", max_out / 1024));
        }
        out.append(buf, got);
        if (r == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended before the stream did
    }
    const size_t left = z.avail_in;
    const char* msg = z.msg;
    inflateEnd(&z);
    if (r == Z_DATA_ERROR)
        return refuse(fmt::format("its compressed data is corrupt ({})", msg ? msg : "bad data"));
    if (r != Z_STREAM_END) return refuse("its compressed data is cut short");
    if (left > 0)
        return refuse(fmt::format("{} bytes follow the end of its compressed data", left));
    return out;
}

const CodeCodec& zlib_code_codec() {
    static const CodeCodec codec{
        [](std::string_view text) { return base64url_encode(deflate_raw(text)); },
        [](std::string_view payload, std::string* why) -> std::optional<std::string> {
            auto bytes = base64url_decode(payload, why);
            if (!bytes) return std::nullopt;
            auto text = inflate_raw(*bytes, kMaxCodeBytes, why);
            if (!text) return std::nullopt;
            if (!utf8_valid(*text)) {
                if (why) *why = "it is not UTF-8 text";
                return std::nullopt;
            }
            return text;
        }};
    return codec;
}

}  // namespace interleave::samples
