// Interleave UI — glyphs past the embedded DejaVu fonts (Chinese, Japanese, Korean, emoji and
// other symbols), added to the font atlas as the text on screen needs them.
//
// Why as used: the fonts that have them are large (Debian's fonts-droid-fallback
// DroidSansFallbackFull.ttf, 4.0 MB / 2.1 MB gzip, for CJK; fonts-alee Eunjin.ttf, 0.6 MB /
// 0.14 MB gzip, for Hangul; fonts-symbola Symbola_hint.ttf, 3.2 MB / 1.5 MB gzip, for emoji and
// symbols, in one colour) and a whole script in the atlas is large too (common Chinese alone:
// 1024x2048, 56 ms to build). So nothing is loaded until a character on screen is missing:
// the editor and the console call note() with what they draw; a missing code point asks the
// platform for the file that should have it (file_for(); web: fetched beside interleave.wasm;
// desktop: read from /usr/share/fonts), and the atlas is rebuilt between frames (ImGui 1.86
// cannot add glyphs to a built atlas) with the code points seen so far merged into the UI and
// monospaced fonts. Rebuilds are at least kDebounceS apart. A code point still missing after
// that asks for the other files. One that no file has draws as ImGui's fallback glyph
// (U+FFFD, or '?'); the text keeps it either way.
//
// Wide characters (utf8::cell_width() == 2) get an advance of two monospaced cells in the code
// font, so columns line up with the editor's caret; the others one cell. Scripts that need
// shaping (Arabic joining, Indic conjuncts) draw as isolated glyphs, left to right: ImGui
// 1.86 has no shaper.
//
// Main thread only (ImGui's context). One instance per process: fallback_glyphs().
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace interleave::ui {

class FallbackGlyphs {
  public:
    // The font files (Debian packages): fonts-droid-fallback's DroidSansFallbackFull.ttf (CJK,
    // kana, many scripts), fonts-alee's Eunjin.ttf (Hangul), fonts-symbola's Symbola_hint.ttf
    // (symbols, emoji in one colour). Merged in this order: the first that has a glyph wins.
    enum File { cjk = 0, hangul = 1, symbols = 2, kFiles = 3 };
    static const char* file_name(int file);
    // The file asked for first when `cp` is missing (the others when it still is after that).
    static int file_for(uint32_t cp);
    // A wide character from the symbols file (emoji, 😀 🚀 ✅): drawn kEmojiScale larger,
    // centred on the line, its strokes thickened (Symbola's outlines are hairlines at 15 px).
    static bool is_emoji(uint32_t cp);
    static constexpr float kEmojiScale = 1.25f;

    // Fetches a file by name and answers with file_loaded() (now or later, on the main thread).
    // Empty (tests, the CLI): nothing past DejaVu is ever drawn.
    using Loader = std::function<void(int file, const char* name)>;
    void set_loader(Loader load) { load_ = std::move(load); }
    // A file's bytes; empty: it could not be read (the code points it would have had stay
    // missing, and the next file is asked for).
    void file_loaded(int file, std::vector<unsigned char> bytes);

    // Text about to be drawn with `font`: code points `font` lacks are remembered. Cheap on
    // ASCII (a byte test); a table lookup per other character. Per frame, for what is visible.
    void note(const ImFont* font, std::string_view utf8);

    // Once per frame: asks for font files that are needed; true when the atlas should be
    // rebuilt now (new code points or a file arrived, no file on its way, the last rebuild at
    // least kDebounceS ago). `now_s`: ImGui::GetTime().
    bool update(double now_s);
    // A rebuild is due and waits only for frames (no file is on its way; the debounce may still
    // run): frame pacing keeps the frames coming until it is done. A loading file's answer
    // wakes the app itself.
    bool rebuild_waiting() const;

    // For load_fonts(): merges the glyphs seen so far into the font just added to the atlas
    // (`px`: its size; `base_ttf`: its file, whose em the added glyphs are scaled to).
    void merge_into_last_font(float px, const unsigned char* base_ttf, size_t base_size);
    // A TrueType file's (hhea ascent - descent) / unitsPerEm, what ImGui's pixel size covers;
    // 0 if the tables are not there.
    static double em_height_ratio(const unsigned char* ttf, size_t size);
    // For load_fonts(), after the atlas is built: gives the code font's added glyphs their
    // cells' advance (one or two of 'M'), and records which seen code points `mono` still
    // lacks (those ask for the next file at the next update()).
    void built(ImFont* mono, double now_s);
    void note_build_time(double ms);  // how long load_fonts() took (for json())

    // {"seen":N,"drawn":N,"missing":[code points],"dropped":N,"files":["ready",...],
    //  "rebuilds":N,"pending":bool,"atlas":[w,h],"last_build_ms":x} for interleave.ui().
    std::string json() const;

    // Forgets every code point, file and loader (tests).
    void reset() { *this = FallbackGlyphs(); }

    static constexpr double kDebounceS = 0.25;
    // The atlas may hold this many pixels of fallback glyphs (all fonts together; past it, new
    // code points draw as the fallback glyph and are counted in "dropped"): with the UI and
    // code fonts at 16 and 15 px, about 6,900 distinct characters (measured natively: 3,000 in
    // a 1024x2048 atlas, 129 ms to rebuild; 8,000 would need 2048x2048, 313 ms), fewer at a
    // larger text size, so the atlas stays within what WebGL2 promises (2048 px a side) plus
    // the base fonts.
    static constexpr double kAtlasBudgetPx = 4.0e6;

  private:
    enum class State { unused, loading, ready, failed };
    static void embolden(const ImFontGlyph& g);  // thickens its pixels in the atlas
    Loader load_;
    State state_[kFiles] = {};
    std::vector<unsigned char> data_[kFiles];
    std::unordered_set<uint32_t> seen_;  // every code point noted that the font lacked
    std::vector<uint32_t> order_;        // the same, in the order first seen (kept on a cap)
    std::vector<uint32_t> missing_;      // seen, and still not in the font after the last build
    bool pending_ = false;               // seen_ or the files changed since the last build
    bool needed_[kFiles] = {};           // ask for this file at the next update()
    double last_build_s_ = -1e9;
    double last_build_ms_ = 0;
    int rebuilds_ = 0;
    size_t dropped_ = 0;
    int atlas_w_ = 0, atlas_h_ = 0;
    // Ranges handed to the atlas: they must live until the next load_fonts().
    std::vector<std::vector<ImWchar>> ranges_;
};

// The process's instance (main thread only).
FallbackGlyphs& fallback_glyphs();

}  // namespace interleave::ui
