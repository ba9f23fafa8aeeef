#include "ui/theme.hpp"

#include <chrono>
#include <cmath>

#include "ui/fallback_glyphs.hpp"

// The app build embeds DejaVuSans / DejaVuSansMono (fonts-dejavu-core) as C arrays
// (cmake/app.cmake, interleave_fonts.h); a size of 0, or a build without the header, falls
// back to ImGui's built-in font.
#if __has_include("interleave_fonts.h")
#include "interleave_fonts.h"
#define INTERLEAVE_HAS_FONTS 1
#endif

namespace interleave::ui {

namespace {
bool g_dark = true;

// Latin-1 + a few symbols used in labels (µ, ×, –, —, ≤, arrows, ●, ▶, ■): headings.
const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2190, 0x2193,
                                     0x2264, 0x2265, 0x25A0, 0x25A0, 0x25B6, 0x25B6,
                                     0x25CF, 0x25CF, 0x00D7, 0x00D7, 0};
    return ranges;
}

// The UI's text font: the same, and the letters a program names its threads and writes its
// messages in (Latin Extended-A, Greek, basic Cyrillic; U+FFFD). The rest comes from
// FallbackGlyphs when used: the code font's ranges here would double the atlas (512x1024 ->
// 1024x1024, 22 -> 44 ms to build natively); these keep it 512x1024.
const ImWchar* ui_glyph_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x0391, 0x03C9, 0x0400, 0x045F, 0x2013,
                                     0x2014, 0x2190, 0x2193, 0x2264, 0x2265, 0x25A0, 0x25A0,
                                     0x25B6, 0x25B6, 0x25CF, 0x25CF, 0xFFFD, 0xFFFD, 0};
    return ranges;
}

// The code editor's and console's font also covers what people type and print: Latin
// extended, Greek, Cyrillic, punctuation, currency (€), arrows, maths, box drawing, shapes,
// and U+FFFD (drawn for bytes that are not UTF-8, and for a character no font has). CJK,
// emoji and the rest come from FallbackGlyphs as they are used.
const ImWchar* mono_glyph_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F,
                                     0x20A0, 0x20CF, 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                     0x2500, 0x259F, 0x25A0, 0x25FF, 0xFFFD, 0xFFFD, 0};
    return ranges;
}

ImFont* add_font(const unsigned char* data, unsigned size, float px,
                 const ImWchar* ranges = glyph_ranges()) {
    ImGuiIO& io = ImGui::GetIO();
    if (data && size) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // static data, the atlas must not free it
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                              static_cast<int>(size), px, &cfg, ranges);
    }
    ImFontConfig cfg;
    cfg.SizePixels = std::round(13.f * px / 15.f);
    return io.Fonts->AddFontDefault(&cfg);
}
}  // namespace

Fonts load_fonts(float dpi) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const unsigned char* ui_data = nullptr;
    unsigned ui_size = 0;
    const unsigned char* mono_data = nullptr;
    unsigned mono_size = 0;
#ifdef INTERLEAVE_HAS_FONTS
    ui_data = interleave_font_ttf;
    ui_size = interleave_font_ttf_size;
    mono_data = interleave_font_mono_ttf;
    mono_size = interleave_font_mono_ttf_size;
#endif
    if (!mono_data) {  // the proportional face beats ImGui's bitmap font for code too
        mono_data = ui_data;
        mono_size = ui_size;
    }
    const auto t0 = std::chrono::steady_clock::now();
    FallbackGlyphs& extra = fallback_glyphs();
    Fonts f;
    const float base = std::round(16.f * dpi);
    f.ui = add_font(ui_data, ui_size, base, ui_glyph_ranges());
    if (ui_data) extra.merge_into_last_font(base, ui_data, ui_size);
    const float mono_px = std::round(15.f * dpi);
    f.mono = add_font(mono_data, mono_size, mono_px, mono_glyph_ranges());
    if (mono_data) extra.merge_into_last_font(mono_px, mono_data, mono_size);
    f.big = add_font(ui_data, ui_size, std::round(21.f * dpi));
    io.FontDefault = f.ui;
    io.Fonts->Build();
    extra.built(f.mono, ImGui::GetTime());
    extra.note_build_time(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    return f;
}

bool theme_is_dark() {
    return g_dark;
}

void apply_theme(bool dark, float dpi) {
    g_dark = dark;
    ImGuiStyle style;  // fresh defaults, so repeated calls do not compound the scale
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.PopupRounding = 4;
    style.ScrollbarRounding = 6;
    style.TabRounding = 4;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = dark ? 0 : 1;
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14;
    ImVec4* c = style.Colors;
    if (dark) {
        const ImVec4 bg(0.105f, 0.115f, 0.135f, 1), panel(0.135f, 0.145f, 0.17f, 1);
        const ImVec4 accent(0.26f, 0.55f, 0.96f, 1);
        c[ImGuiCol_WindowBg] = bg;
        c[ImGuiCol_ChildBg] = panel;
        c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.155f, 0.98f);
        c[ImGuiCol_Border] = ImVec4(0.25f, 0.27f, 0.31f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.19f, 0.205f, 0.24f, 1);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.24f, 0.26f, 0.31f, 1);
        c[ImGuiCol_FrameBgActive] = ImVec4(0.28f, 0.31f, 0.37f, 1);
        c[ImGuiCol_Button] = ImVec4(0.21f, 0.23f, 0.28f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.30f, 0.37f, 1);
        c[ImGuiCol_ButtonActive] = accent;
        c[ImGuiCol_Header] = ImVec4(0.20f, 0.33f, 0.55f, 0.75f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.40f, 0.66f, 0.8f);
        c[ImGuiCol_HeaderActive] = accent;
        c[ImGuiCol_Tab] = ImVec4(0.16f, 0.175f, 0.21f, 1);
        c[ImGuiCol_TabHovered] = ImVec4(0.26f, 0.42f, 0.70f, 1);
        c[ImGuiCol_TabActive] = ImVec4(0.21f, 0.36f, 0.62f, 1);
        c[ImGuiCol_SliderGrab] = accent;
        c[ImGuiCol_SliderGrabActive] = ImVec4(0.45f, 0.68f, 1.0f, 1);
        c[ImGuiCol_CheckMark] = ImVec4(0.45f, 0.68f, 1.0f, 1);
        c[ImGuiCol_Separator] = ImVec4(0.25f, 0.27f, 0.31f, 1);
        c[ImGuiCol_SeparatorHovered] = accent;
        c[ImGuiCol_Text] = ImVec4(0.90f, 0.92f, 0.95f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.58f, 0.63f, 1);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.19f, 0.23f, 1);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
    } else {
        const ImVec4 accent(0.16f, 0.44f, 0.86f, 1);
        c[ImGuiCol_WindowBg] = ImVec4(0.94f, 0.945f, 0.955f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1);
        c[ImGuiCol_FrameBg] = ImVec4(0.97f, 0.975f, 0.985f, 1);
        c[ImGuiCol_Button] = ImVec4(0.89f, 0.90f, 0.92f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.86f, 0.96f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0.66f, 0.77f, 0.95f, 1);
        c[ImGuiCol_Header] = ImVec4(0.78f, 0.86f, 0.98f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.70f, 0.80f, 0.97f, 1);
        c[ImGuiCol_HeaderActive] = ImVec4(0.62f, 0.75f, 0.96f, 1);
        c[ImGuiCol_Tab] = ImVec4(0.86f, 0.88f, 0.91f, 1);
        c[ImGuiCol_TabActive] = ImVec4(0.74f, 0.83f, 0.98f, 1);
        c[ImGuiCol_TabHovered] = ImVec4(0.80f, 0.86f, 0.96f, 1);
        c[ImGuiCol_SliderGrab] = accent;
        c[ImGuiCol_CheckMark] = accent;
        c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.50f, 1);
        c[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.91f, 0.93f, 1);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.03f);
    }
    style.ScaleAllSizes(dpi);
    ImGui::GetStyle() = style;
}

ImU32 state_color(engine::WorkerState s) {
    using S = engine::WorkerState;
    switch (s) {
        case S::running:
            return IM_COL32(67, 176, 88, 255);
        case S::gil_wait:
            return IM_COL32(229, 75, 60, 255);
        case S::lock_wait:
            return IM_COL32(163, 94, 214, 255);
        case S::queue_wait:
            return IM_COL32(214, 92, 168, 255);
        case S::io_wait:
            return IM_COL32(66, 140, 230, 255);
        case S::idle:
            return g_dark ? IM_COL32(88, 94, 106, 255) : IM_COL32(196, 200, 208, 255);
        case S::starting:
            return IM_COL32(242, 178, 40, 255);
        case S::serialising:
            return IM_COL32(32, 178, 170, 255);
        default:
            return IM_COL32(128, 128, 128, 255);
    }
}

const char* state_label(engine::WorkerState s) {
    using S = engine::WorkerState;
    switch (s) {
        case S::running:
            return "Running";
        case S::gil_wait:
            return "GIL wait";
        case S::lock_wait:
            return "Lock wait";
        case S::queue_wait:
            return "Queue/future wait";
        case S::io_wait:
            return "I/O / sleep";
        case S::idle:
            return "Idle";
        case S::starting:
            return "Starting";
        case S::serialising:
            return "Pickling";
        default:
            return "?";
    }
}

ImU32 task_color(uint32_t task, float alpha) {
    if (task == 0)
        return g_dark ? IM_COL32(120, 126, 138, 255 * alpha) : IM_COL32(150, 155, 165, 255 * alpha);
    // Golden-ratio hue walk: neighbouring ids get clearly different hues.
    const float h = std::fmod(0.58f + task * 0.618034f, 1.0f);
    float r, g, b;
    // Muted, so task bars never read as one of the (vivid) worker-state colours.
    ImGui::ColorConvertHSVtoRGB(h, g_dark ? 0.30f : 0.26f, g_dark ? 0.74f : 0.93f, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, alpha));
}

ImU32 worker_color(uint16_t worker) {
    // Blue, orange, green, pink, yellow, violet, cyan, red: MainThread and the first threads
    // are told apart at a glance. They sit beside the state colours (a GIL hold next to a
    // Running strip; a ▶ marker whose fill tells its state), so they are kept apart from those
    // too: lighter tints than the states in the dark theme, deeper tones in the light one.
    static constexpr ImU32 kDark[] = {IM_COL32(112, 206, 255, 255), IM_COL32(255, 163, 90, 255),
                                      IM_COL32(149, 222, 158, 255), IM_COL32(255, 166, 218, 255),
                                      IM_COL32(209, 207, 120, 255), IM_COL32(193, 183, 255, 255),
                                      IM_COL32(60, 247, 255, 255),  IM_COL32(255, 169, 162, 255)};
    static constexpr ImU32 kLight[] = {IM_COL32(0, 113, 163, 255), IM_COL32(156, 81, 23, 255),
                                       IM_COL32(0, 108, 42, 255),  IM_COL32(151, 13, 89, 255),
                                       IM_COL32(99, 106, 0, 255),  IM_COL32(104, 86, 168, 255),
                                       IM_COL32(0, 113, 116, 255), IM_COL32(173, 60, 67, 255)};
    constexpr size_t n = sizeof kDark / sizeof kDark[0];
    if (worker < n) return g_dark ? kDark[worker] : kLight[worker];
    const float h = std::fmod(0.61f + static_cast<float>(worker - n) * 0.618034f, 1.0f);
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(h, g_dark ? 0.40f : 0.85f, g_dark ? 0.97f : 0.45f, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1));
}

ImU32 text_color_on(ImU32 fill) {
    // Relative luminance (sRGB, as WCAG 2.x): above 0.195 dark text contrasts more than white.
    auto lin = [](unsigned c) {
        const float v = static_cast<float>(c & 255u) / 255.f;
        return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    const float lum = 0.2126f * lin(fill >> IM_COL32_R_SHIFT) +
                      0.7152f * lin(fill >> IM_COL32_G_SHIFT) +
                      0.0722f * lin(fill >> IM_COL32_B_SHIFT);
    return lum >= 0.195f ? IM_COL32(20, 20, 24, 255) : IM_COL32(255, 255, 255, 255);
}

ImU32 task_text_color(uint32_t task) {
    if (task == 0) return ImGui::GetColorU32(ImGuiCol_Text);
    const float h = std::fmod(0.58f + task * 0.618034f, 1.0f);
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(h, g_dark ? 0.40f : 0.85f, g_dark ? 0.95f : 0.55f, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1));
}

// Every colour ≥ 4.5:1 on the editor's background (WCAG AA text; test_theme.cpp): emoji and
// symbols from the fallback font are hairline drawings in these colours, and the light theme's
// One Light comment grey and string green (3.2:1) made them hard to read.
ImU32 syntax_color(PyToken t) {
    if (g_dark) {
        switch (t) {
            case PyToken::keyword:
                return IM_COL32(198, 120, 221, 255);
            case PyToken::builtin:
                return IM_COL32(86, 182, 194, 255);
            case PyToken::string:
                return IM_COL32(152, 195, 121, 255);
            case PyToken::comment:
                return IM_COL32(140, 145, 155, 255);
            case PyToken::number:
                return IM_COL32(209, 154, 102, 255);
            case PyToken::function:
                return IM_COL32(97, 175, 239, 255);
            case PyToken::decorator:
                return IM_COL32(229, 192, 123, 255);
            default:
                return IM_COL32(220, 223, 228, 255);
        }
    }
    switch (t) {
        case PyToken::keyword:
            return IM_COL32(166, 38, 164, 255);
        case PyToken::builtin:
            return IM_COL32(1, 118, 168, 255);
        case PyToken::string:
            return IM_COL32(56, 130, 55, 255);
        case PyToken::comment:
            return IM_COL32(112, 115, 122, 255);
        case PyToken::number:
            return IM_COL32(152, 104, 1, 255);
        case PyToken::function:
            return IM_COL32(52, 104, 222, 255);
        case PyToken::decorator:
            return IM_COL32(184, 88, 0, 255);
        default:
            return IM_COL32(56, 58, 66, 255);
    }
}

ImU32 faint_text_color() {
    return ImGui::GetColorU32(ImGuiCol_TextDisabled);
}
ImU32 accent_color() {
    return g_dark ? IM_COL32(66, 140, 245, 255) : IM_COL32(40, 112, 220, 255);
}

}  // namespace interleave::ui
