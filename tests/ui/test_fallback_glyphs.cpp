// Characters past DejaVu (CJK, Hangul, emoji) in the editor's font: the font file that has
// them is asked for when they are first drawn, the atlas is rebuilt with them, the code font
// gives a wide character two cells, and a character no font has is reported, not retried
// forever; a thread the program names in Chinese, shown only on the timeline, gets its glyphs
// too. Reads the Debian font files build.sh installs (fonts-droid-fallback, fonts-alee,
// fonts-symbola), as the desktop app does.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "ui/app_harness.hpp"
#include "ui/editor/utf8.hpp"
#include "ui/editor_harness.hpp"
#include "ui/fallback_glyphs.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace {

std::vector<unsigned char> read_font(const char* name) {
    for (const char* dir : {"/usr/share/fonts/truetype/droid", "/usr/share/fonts/truetype/alee",
                            "/usr/share/fonts/truetype/ancient-scripts"}) {
        std::ifstream in(std::string(dir) + "/" + name, std::ios::binary);
        if (in) return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    return {};
}

// The harness with the process's FallbackGlyphs reset and a loader that records what it was
// asked for (answering at once from the disk, or with nothing when `fail`).
struct GlyphHarness {
    EditorHarness h;
    std::vector<std::string> asked;
    bool fail = false;
    double now = 100;
    int rebuilds = 0;

    GlyphHarness() {
        fallback_glyphs().reset();
        fallback_glyphs().set_loader([this](int file, const char* name) {
            asked.emplace_back(name);
            std::vector<unsigned char> bytes =
                fail ? std::vector<unsigned char>() : read_font(name);
            if (!fail) REQUIRE_MESSAGE(!bytes.empty(), name, " not installed (./build.sh setup)");
            fallback_glyphs().file_loaded(file, std::move(bytes));
        });
    }
    ~GlyphHarness() { fallback_glyphs().reset(); }

    // Frames as the app runs them: update() after each, the atlas rebuilt when it says so.
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            h.frame();
            now += 0.1;
            if (fallback_glyphs().update(now)) {
                h.rebuild_fonts();
                ++rebuilds;
            }
        }
    }
    const ImFontGlyph* glyph(uint32_t cp) const {
        return h.fonts().mono->FindGlyphNoFallback(static_cast<ImWchar>(cp));
    }
    float cell() const { return h.fonts().mono->FindGlyphNoFallback('M')->AdvanceX; }
};

}  // namespace

TEST_CASE("display cells: CJK, Hangul and emoji take two, the rest one") {
    CHECK(utf8::cell_width('a') == 1);
    CHECK(utf8::cell_width(0x00E9) == 1);   // é
    CHECK(utf8::cell_width(0x043C) == 1);   // м
    CHECK(utf8::cell_width(0x4F60) == 2);   // 你
    CHECK(utf8::cell_width(0x3053) == 2);   // こ
    CHECK(utf8::cell_width(0xD55C) == 2);   // 한
    CHECK(utf8::cell_width(0xFF01) == 2);   // fullwidth !
    CHECK(utf8::cell_width(0xFF61) == 1);   // halfwidth ideographic full stop
    CHECK(utf8::cell_width(0x1F600) == 2);  // 😀
    CHECK(utf8::cell_width(0x2605) == 1);   // ★ (drawn as text)
    CHECK(utf8::cell_width(0x20BB7) == 2);  // CJK Extension B

    std::string s;
    for (uint32_t cp : {0x41u, 0xE9u, 0x20ACu, 0x1F600u, 0x10FFFFu}) utf8::append(s, cp);
    CHECK(s == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
    std::string bad;
    utf8::append(bad, 0xD800);  // a surrogate is not a character
    CHECK(bad == "\xEF\xBF\xBD");
}

TEST_CASE("the editor's columns count a wide character as two cells") {
    TextModel m;
    m.set_text("x = \"\xE4\xBD\xA0\xE5\xA5\xBD\"  # \xF0\x9F\x98\x80!");  // x = "你好"  # 😀!
    CHECK(m.cells(0, 5) == 5);
    CHECK(m.cells(0, 8) == 7);    // after 你
    CHECK(m.cells(0, 11) == 9);   // after 好
    CHECK(m.cells(0, 16) == 14);  // before 😀
    CHECK(m.cells(0, 20) == 16);  // after it
    CHECK(m.col_at_cells(0, 7) == 8);
    CHECK(m.col_at_cells(0, 6) == 5);  // the first half of 你: before it
    CHECK(m.col_at_cells(0, 9) == 11);
    CHECK(m.col_at_cells(0, 16) == 20);
}

TEST_CASE("an emoji typed arrives whole in the editor (32-bit ImWchar)") {
    EditorHarness h;
    h.editor.set_text("");
    h.frame();
    h.click(h.at(0, 0));
    h.type("a\xF0\x9F\x98\x80\xF0\xA0\xAE\xB7");  // a😀𠮷
    CHECK(h.editor.text() == "a\xF0\x9F\x98\x80\xF0\xA0\xAE\xB7");
    CHECK(h.chars_left_after_frame == 0);
}

TEST_CASE("CJK drawn in the editor is added to the atlas, two cells wide") {
    GlyphHarness g;
    g.h.editor.set_text(
        "print(\"\xE4\xBD\xA0\xE5\xA5\xBD, \xD0\xBC\xD0\xB8\xD1\x80\")\n");  // 你好, мир
    CHECK(g.glyph(0x4F60) == nullptr);                                       // not in DejaVu
    g.frames(3);
    CHECK(g.asked == std::vector<std::string>{"DroidSansFallbackFull.ttf"});  // only the CJK file
    CHECK(g.rebuilds == 1);
    REQUIRE(g.glyph(0x4F60) != nullptr);
    REQUIRE(g.glyph(0x597D) != nullptr);
    CHECK(g.glyph(0x4F60)->AdvanceX == doctest::Approx(2 * g.cell()));
    CHECK(g.glyph(0x4F60)->Visible);
    CHECK(g.h.fonts().ui->FindGlyphNoFallback(0x4F60) != nullptr);  // the UI font has it too
    // The glyph sits inside its two cells.
    CHECK(g.glyph(0x4F60)->X0 >= 0);
    CHECK(g.glyph(0x4F60)->X1 <= 2 * g.cell() + 1);
    const std::string j = fallback_glyphs().json();
    CHECK(j.find("\"seen\":2,\"drawn\":2,\"missing\":[]") != std::string::npos);
    // Nothing new: no more rebuilds.
    g.frames(5);
    CHECK(g.rebuilds == 1);
    // More text later: one more rebuild, after the debounce, with the old glyphs kept.
    g.h.editor.set_text("# \xE7\xBA\xBF\xE7\xA8\x8B \xE4\xBD\xA0\n");  // 线程 你
    g.frames(3);
    CHECK(g.rebuilds == 2);
    CHECK(g.glyph(0x7EBF) != nullptr);
    CHECK(g.glyph(0x4F60) != nullptr);
}

TEST_CASE("Hangul asks for the Hangul file, emoji for the symbols file, in one rebuild") {
    GlyphHarness g;
    g.h.editor.set_text("# \xED\x95\x9C\xEA\xB8\x80 \xF0\x9F\x98\x80\n");  // 한글 😀
    g.frames(3);
    CHECK(g.asked == std::vector<std::string>{"Eunjin.ttf", "Symbola_hint.ttf"});
    CHECK(g.rebuilds == 1);
    REQUIRE(g.glyph(0xD55C) != nullptr);
    REQUIRE(g.glyph(0x1F600) != nullptr);
    CHECK(g.glyph(0xD55C)->AdvanceX == doctest::Approx(2 * g.cell()));
    CHECK(g.glyph(0x1F600)->AdvanceX == doctest::Approx(2 * g.cell()));
}

TEST_CASE("a character no font has is reported missing, once, and drawn as the fallback") {
    GlyphHarness g;
    g.h.editor.set_text("# \xF3\xB0\x80\x80\n");  // U+F0000, private use: in no font
    g.frames(8);
    // Its own file first (symbols, for a plane-15 code point), then the other two: three
    // files, two rebuilds, then quiet.
    CHECK(g.asked.size() == 3);
    CHECK(g.rebuilds == 2);
    CHECK(g.glyph(0xF0000) == nullptr);
    CHECK(fallback_glyphs().json().find("\"missing\":[983040]") != std::string::npos);
    g.frames(8);
    CHECK(g.rebuilds == 2);
}

TEST_CASE("a font that cannot be fetched leaves the text intact and stops asking") {
    GlyphHarness g;
    g.fail = true;
    g.h.editor.set_text("x = \"\xE4\xBD\xA0\"\n");
    g.frames(8);
    CHECK(g.asked.size() == 3);  // each file once
    CHECK(g.glyph(0x4F60) == nullptr);
    CHECK(g.h.editor.text() == "x = \"\xE4\xBD\xA0\"\n");
    const int rebuilds = g.rebuilds;
    g.frames(8);
    CHECK(g.rebuilds == rebuilds);
    CHECK(fallback_glyphs().json().find("\"failed\",\"failed\",\"failed\"") != std::string::npos);
}

TEST_CASE(
    "a thread named in Chinese or Russian by the program: drawn though only the timeline shows "
    "it") {
    fallback_glyphs().reset();
    std::vector<std::string> asked;
    {
        AppHarness h([&](PlatformHooks& hooks) {
            hooks.load_font = [&](const std::string& name,
                                  std::function<void(std::vector<unsigned char>)> done) {
                asked.push_back(name);
                done(read_font(name.c_str()));
            };
        });
        // The name in escapes: the editor's text and the output stay ASCII, so only the
        // timeline's lanes and tooltips (and the gutter's markers) draw it.
        h.app->set_code(
            "import threading\n"
            "t = threading.Thread(target=sum, args=([1],),\n"
            "                     name='\\u5de5\\u4eba \\u0420\\u0430\\u0431\\u043e\\u0442')\n"
            "t.start()\nt.join()\n");
        h.frames(2);
        h.run_to_end();
        REQUIRE(h.app->state_json().find("\"finished\"") != std::string::npos);
        // 工人: the CJK file is asked for, and only the two are added.
        CHECK(asked == std::vector<std::string>{"DroidSansFallbackFull.ttf"});
        CHECK(fallback_glyphs().json().rfind("{\"seen\":2,", 0) == 0);
        // Работ: the UI's own font has Cyrillic (no file for it).
        CHECK(ImGui::GetIO().FontDefault->FindGlyphNoFallback(0x0420) != nullptr);
    }
    fallback_glyphs().reset();
}

TEST_CASE("emoji fill their two cells, centred on the line, with strokes that read") {
    GlyphHarness g;
    g.h.editor.set_text("# \xF0\x9F\x98\x80 \xF0\x9F\x90\x8D\n");  // 😀 🐍
    g.frames(3);
    const float line = g.h.fonts().mono->FontSize;
    // Solid pixels (alpha >= 160) per pixel of the glyph's box in the atlas: Symbola's hairlines
    // at 15 px leave few.
    auto solid = [](const ImFontGlyph* gl) {
        const ImFontAtlas* a = ImGui::GetIO().Fonts;
        const int x0 = static_cast<int>(gl->U0 * a->TexWidth + 0.5f),
                  x1 = static_cast<int>(gl->U1 * a->TexWidth + 0.5f);
        const int y0 = static_cast<int>(gl->V0 * a->TexHeight + 0.5f),
                  y1 = static_cast<int>(gl->V1 * a->TexHeight + 0.5f);
        int n = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) n += a->TexPixelsAlpha8[y * a->TexWidth + x] >= 160;
        return static_cast<double>(n) / std::max(1, (x1 - x0) * (y1 - y0));
    };
    for (const uint32_t cp : {0x1F600u, 0x1F40Du}) {
        const ImFontGlyph* e = g.glyph(cp);
        REQUIRE(e != nullptr);
        // Measured at 15 px: 😀 11 px tall and 11% solid at Symbola's own size, 15 px and 29%
        // now; 🐍 6% -> 22%.
        CHECK(e->Y1 - e->Y0 >= 0.9f * line);
        CHECK((e->Y0 + e->Y1) / 2 == doctest::Approx(line / 2).epsilon(0.1));
        CHECK(solid(e) >= 0.18);
        CHECK(e->AdvanceX == doctest::Approx(2 * g.cell()));
    }
}
