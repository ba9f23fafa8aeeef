// The program in share links (issue #10 item 6): base64url, raw DEFLATE with zlib and with
// stored blocks, the CodeCodec's refusals, and links that carry code.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "samples/catalog.hpp"
#include "samples/code_codec.hpp"
#include "samples/share_link.hpp"

using namespace interleave::samples;

namespace {

#ifndef __EMSCRIPTEN__  // zlib is native only: the page packs links with CompressionStream
bool mentions(const std::vector<std::string>& notices, const std::string& what) {
    for (const auto& n : notices)
        if (n.find(what) != std::string::npos) return true;
    return false;
}

std::optional<std::string> unpack(std::string_view payload, std::string* why) {
    return zlib_code_codec().unpack(payload, why);
}

#endif

const char* const kProgram =
    "import threading\n\ndef worker(n):\n    print(f\"Thread {n}: \xc3\xa9\xc3\xbc\xe2\x82\xac "
    "\xe6\x97\xa5\xe6\x9c\xac\")\n\nfor i in range(3):\n    "
    "threading.Thread(target=worker, args=(i,)).start()\n";

}  // namespace

TEST_CASE("base64url: RFC 4648 vectors, the URL-safe alphabet, no padding") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foobar") == "Zm9vYmFy");
    CHECK(base64url_encode("\xfb\xff\xbf") == "-_-_");  // '+' and '/' in standard base64
    for (const char* s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xfb\xff\xbf"}) {
        std::string why;
        CHECK(base64url_decode(base64url_encode(s), &why) == std::optional<std::string>(s));
    }
    std::string why;
    CHECK(base64url_decode("Zm8=", &why) == std::optional<std::string>("fo"));  // padding is ok
    CHECK_FALSE(base64url_decode("Zm9v+", &why));
    CHECK_FALSE(base64url_decode("Zm+v", &why));  // standard alphabet: not in a link
    CHECK(why.find("'+' at offset 2") != std::string::npos);
    CHECK_FALSE(base64url_decode("Zm9vY", &why));  // 4k+1 characters cannot be
    CHECK(why.find("impossible length") != std::string::npos);
    CHECK_FALSE(base64url_decode(std::string("Zm\0v", 4), &why));
    CHECK(why.find("0x00") != std::string::npos);
}

#ifndef __EMSCRIPTEN__  // zlib is native only: the page packs links with CompressionStream

TEST_CASE("zlib codec: reads CPython's zlib.compressobj(wbits=-15) output") {
    // python3: base64.urlsafe_b64encode(zlib.compressobj(-1, zlib.DEFLATED, -15) ...
    // .compress(kProgram) + flush()).rstrip(b'=')
    const char* python =
        "y8wtyC8qUSjJKEpNTMnMS-fiSklNUyjPL8pOLdLI07TiUgCCgqLMvBKNNKUQsCqF6rxaK4XDKw_vedS0RuHZ9KXP5"
        "qxR0uTiSssvUshUyMxTKErMS0_VMIZqhhutB9GuUZJYlJ5aYguxQ0cByCu21cjU0dTUKwZKlWhocgEA";
    std::string why;
    CHECK(unpack(python, &why) == std::optional<std::string>(kProgram));
    CHECK(unpack("AwA", &why) == std::optional<std::string>(""));  // python's empty program
    // ...and CPython reads ours: our deflate is zlib's, the same raw format; round trip here.
    CHECK(unpack(zlib_code_codec().pack(kProgram), &why) == std::optional<std::string>(kProgram));
}

TEST_CASE("zlib codec: every sample's program round-trips and packs smaller") {
    for (const auto& s : catalog()) {
        const std::string text = program(s, defaults(s.knobs));
        const std::string payload = zlib_code_codec().pack(text);
        CAPTURE(s.id);
        CHECK(payload.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
              std::string::npos);
        CHECK(payload.size() < text.size());
        std::string why;
        CHECK(unpack(payload, &why) == std::optional<std::string>(text));
    }
}

TEST_CASE("stored blocks: any inflater reads them, across the 65,535-byte block limit") {
    std::mt19937 rng(5);
    for (size_t n : {size_t(0), size_t(1), size_t(65535), size_t(65536), size_t(200001)}) {
        std::string bytes(n, '\0');
        for (auto& c : bytes) c = static_cast<char>('a' + rng() % 26);
        std::string why;
        CAPTURE(n);
        CHECK(inflate_raw(deflate_stored(bytes), n, &why) == std::optional<std::string>(bytes));
        CHECK(unpack(pack_code_stored(bytes), &why) == std::optional<std::string>(bytes));
    }
}

TEST_CASE("zlib codec: corrupt, cut, padded, oversized and non-UTF-8 payloads are refused") {
    const std::string good = zlib_code_codec().pack(kProgram);
    std::string why;
    SUBCASE("not base64url") {
        CHECK_FALSE(unpack(good.substr(0, 10) + "*" + good.substr(11), &why));
        CHECK(why.find("not base64url") != std::string::npos);
    }
    SUBCASE("cut short") {
        const std::string bytes = *base64url_decode(good, &why);
        CHECK_FALSE(unpack(base64url_encode(bytes.substr(0, bytes.size() / 2)), &why));
        CHECK(why.find("cut short") != std::string::npos);
    }
    SUBCASE("bytes after the end") {
        const std::string bytes = *base64url_decode(good, &why);
        CHECK_FALSE(unpack(base64url_encode(bytes + "junk"), &why));
        CHECK(why.find("4 bytes follow") != std::string::npos);
    }
    SUBCASE("corrupt: a reserved block type") {
        CHECK_FALSE(unpack(base64url_encode("\x07\x00\x00"), &why));
        CHECK(why.find("corrupt") != std::string::npos);
    }
    SUBCASE("a zip bomb stops at the limit") {
        const std::string bomb = base64url_encode(deflate_raw(std::string(2 << 20, 'x')));
        CHECK(bomb.size() < 8000);
        CHECK_FALSE(unpack(bomb, &why));
        CHECK(why.find("more than 1024 KiB") != std::string::npos);
        // Exactly at the limit is fine.
        CHECK(unpack(base64url_encode(deflate_raw(std::string(kMaxCodeBytes, 'x'))), &why));
    }
    SUBCASE("not UTF-8") {
        CHECK_FALSE(unpack("-_9PoQIA", &why));  // python: b'\xff\xfe x'
        CHECK(why == "it is not UTF-8 text");
    }
    SUBCASE("random bytes never crash and are refused or read") {
        std::mt19937 rng(99);
        for (int i = 0; i < 3000; ++i) {
            std::string b(rng() % 60, '\0');
            for (auto& c : b) c = static_cast<char>(rng());
            std::string w;
            const auto t = unpack(base64url_encode(b), &w);
            CHECK((t ? utf8_valid(*t) : !w.empty()));
        }
    }
}

#endif

TEST_CASE("utf8_valid: well-formed UTF-8 only") {
    CHECK(utf8_valid(kProgram));
    CHECK(utf8_valid("\xf0\x9f\x98\x80"));
    CHECK_FALSE(utf8_valid("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(utf8_valid("\xed\xa0\x80"));      // a surrogate
    CHECK_FALSE(utf8_valid("\xf4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(utf8_valid("\xe2\x82"));          // cut short
    CHECK_FALSE(utf8_valid("\x80"));
}

#ifndef __EMSCRIPTEN__  // zlib is native only: the page packs links with CompressionStream

TEST_CASE("links with code: unchanged samples carry none; an edited program round-trips") {
    LinkState st;
    st.sample = "threading";
    st.knobs = defaults(find_sample("threading")->knobs);
    CHECK(encode_link(st, &zlib_code_codec()).find("code=") == std::string::npos);
    st.code = kProgram;
    st.run = true;
    const std::string link = encode_link(st, &zlib_code_codec());
    CHECK(link.find("&code=") != std::string::npos);
    CHECK(link.find('%') == std::string::npos);  // base64url needs no escapes
    const DecodedLink d = decode_link(link, &zlib_code_codec());
    CHECK(d.notices.empty());
    CHECK(d.state.code == std::optional<std::string>(kProgram));
    CHECK(d.state.run);
    CHECK_THROWS_AS(encode_link(st), std::invalid_argument);  // never a link without its code
}

TEST_CASE("links with code: what cannot be read is named, the rest loads, nothing runs") {
    SUBCASE("corrupt code") {
        const DecodedLink d =
            decode_link("#v=1&sample=asyncio&time_scale=10&code=AAAA&run=1", &zlib_code_codec());
        CHECK_FALSE(d.state.code);
        CHECK_FALSE(d.state.run);
        CHECK(d.state.sample == "asyncio");
        CHECK(d.state.knobs.at("time_scale") == "10");
        CHECK(mentions(d.notices, "code could not be loaded"));
        CHECK(mentions(d.notices, "not started"));
    }
    SUBCASE("a page without a codec") {
        const DecodedLink d = decode_link("#v=1&sample=threading&code=AwA");
        CHECK_FALSE(d.state.code);
        CHECK(mentions(d.notices, "code could not be loaded"));
    }
    SUBCASE("a link over 64 KiB: the code past the limit is named, the rest loads") {
        std::string f = "#v=1&sample=choosing&model=processes";
        while (f.size() < kMaxFragmentBytes - 100) f += "&x=1";
        f += "&code=" + std::string(200, 'A');
        const DecodedLink d = decode_link(f, &zlib_code_codec());
        CHECK_FALSE(d.state.code);
        CHECK(d.state.knobs.at("model") == "processes");
        CHECK(mentions(d.notices, "64 KiB"));
        CHECK(mentions(d.notices, "past the limit"));
    }
    SUBCASE("a 2,000-line program fits in a link") {
        std::string big;
        for (int i = 0; i < 2000; ++i)
            big += "    total += compute(item_" + std::to_string(i) +
                   ", step=" + std::to_string(i * 7 % 13) + ")  # accumulate\n";
        LinkState st;
        st.sample = "threading";
        st.knobs = defaults(find_sample("threading")->knobs);
        st.code = big;
        const std::string link = encode_link(st, &zlib_code_codec());
        CHECK(link.size() < kMaxFragmentBytes);
        const DecodedLink d = decode_link(link, &zlib_code_codec());
        CHECK(d.notices.empty());
        CHECK(d.state.code == std::optional<std::string>(big));
    }
}
#endif
