// Worker colours (theme.hpp): MainThread and the first threads must be told apart at a glance
// in the timeline and by their ▶ markers in the editor, in both themes (issue #10: workers 0-2
// were nearly the same pink, ΔE76 14 apart), and readable on the panels they sit on.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "ui/theme.hpp"

using namespace interleave::ui;
using interleave::engine::WorkerState;

namespace {

double channel(ImU32 c, int shift) {
    const double v = static_cast<double>((c >> shift) & 255u) / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {  // WCAG 2.x relative luminance
    return 0.2126 * channel(c, IM_COL32_R_SHIFT) + 0.7152 * channel(c, IM_COL32_G_SHIFT) +
           0.0722 * channel(c, IM_COL32_B_SHIFT);
}
double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
std::array<double, 3> lab(ImU32 c) {  // CIE L*a*b* (D65)
    const double r = channel(c, IM_COL32_R_SHIFT), g = channel(c, IM_COL32_G_SHIFT),
                 b = channel(c, IM_COL32_B_SHIFT);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}
double delta_e(ImU32 a, ImU32 b) {
    const auto p = lab(a), q = lab(b);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

}  // namespace

TEST_CASE("worker colours: the first 8 distinct and readable in both themes") {
    ImGuiContext* ctx = ImGui::CreateContext();
    for (const bool dark : {true, false}) {
        CAPTURE(dark);
        apply_theme(dark, 1.f);
        const ImU32 panel = ImGui::GetColorU32(ImGuiCol_ChildBg);
        const ImU32 window = ImGui::GetColorU32(ImGuiCol_WindowBg);
        for (uint16_t a = 0; a < 8; ++a) {
            CAPTURE(a);
            // A marker or lane bar on the editor's or the timeline's background: ≥ 3:1.
            CHECK(contrast(worker_color(a), panel) >= 3.0);
            CHECK(contrast(worker_color(a), window) >= 3.0);
            // A name written on a GIL hold in this colour: ≥ 4.5:1 (text).
            CHECK(contrast(text_color_on(worker_color(a)), worker_color(a)) >= 4.5);
            for (uint16_t b = a + 1; b < 8; ++b) {
                CAPTURE(b);
                CHECK(delta_e(worker_color(a), worker_color(b)) >= 30.0);
            }
        }
        // Later workers still get a colour of their own kind, and labels stay readable.
        for (uint16_t w = 8; w < 40; ++w) {
            CHECK(contrast(text_color_on(worker_color(w)), worker_color(w)) >= 4.5);
            CHECK(worker_color(w) != worker_color(static_cast<uint16_t>(w + 1)));
        }
    }
    ImGui::DestroyContext(ctx);
}

// A thread's colour sits beside the state colours: its GIL holds beside the lanes' Running and
// GIL-wait strips, its ▶ markers (whose fill says running or waiting) beside the legend. The
// third thread's green was Running's green (ΔE76 10) and MainThread's blue the I/O blue (10).
TEST_CASE("worker colours: the first 8 do not read as any state colour, in both themes") {
    ImGuiContext* ctx = ImGui::CreateContext();
    const WorkerState states[] = {WorkerState::running,   WorkerState::gil_wait,
                                  WorkerState::lock_wait, WorkerState::queue_wait,
                                  WorkerState::io_wait,   WorkerState::idle,
                                  WorkerState::starting,  WorkerState::serialising};
    for (const bool dark : {true, false}) {
        CAPTURE(dark);
        apply_theme(dark, 1.f);
        for (uint16_t w = 0; w < 8; ++w) {
            CAPTURE(w);
            for (const WorkerState s : states) {
                CAPTURE(state_label(s));
                CHECK(delta_e(worker_color(w), state_color(s)) >= 25.0);
            }
        }
    }
    ImGui::DestroyContext(ctx);
}

// The editor's code colours (syntax_color) on its background (ChildBg), in both themes: text
// contrast (WCAG AA, 4.5:1). Emoji and other symbols from the fallback font are drawn in the
// same colours with hairline strokes, so a colour that is only just readable as text is not
// readable as a symbol (the light theme's comment grey and string green were 3.3:1).
TEST_CASE("code colours: every token readable on the editor, in both themes") {
    ImGuiContext* ctx = ImGui::CreateContext();
    const PyToken tokens[] = {PyToken::text,     PyToken::keyword,  PyToken::builtin,
                              PyToken::string,   PyToken::comment,  PyToken::number,
                              PyToken::function, PyToken::decorator};
    for (const bool dark : {true, false}) {
        CAPTURE(dark);
        apply_theme(dark, 1.f);
        const ImU32 editor = ImGui::GetColorU32(ImGuiCol_ChildBg);
        for (const PyToken t : tokens) {
            CAPTURE(static_cast<int>(t));
            CHECK(contrast(syntax_color(t), editor) >= 4.5);
        }
    }
    ImGui::DestroyContext(ctx);
}
