// Interleave UI — fonts, themes and the colours every panel shares (states, tasks, syntax).
// Main thread only; apply_theme() and load_fonts() need a current ImGui context.
#pragma once

#include <imgui.h>

#include <cstdint>

#include "engine/trace.hpp"
#include "ui/python_lexer.hpp"

namespace interleave::ui {

struct Fonts {
    ImFont* ui = nullptr;    // DejaVuSans (or ImGui's default font)
    ImFont* mono = nullptr;  // DejaVuSansMono for code and the console
    ImFont* big = nullptr;   // headings
};

// Rebuilds the font atlas at `dpi_scale` (the backend re-uploads it on its next NewFrame).
Fonts load_fonts(float dpi_scale);
// Dark or light ImGui style, scaled by `dpi_scale`.
void apply_theme(bool dark, float dpi_scale);
bool theme_is_dark();

// Worker-state colours (a legend shows them); tasks get stable hues from their id.
ImU32 state_color(engine::WorkerState s);
const char* state_label(engine::WorkerState s);  // "Running", "GIL wait", ...
ImU32 task_color(uint32_t task, float alpha = 1.f);
ImU32 task_text_color(uint32_t task);  // readable as text on the panel background
// A worker's colour: its timeline lane, its GIL holds, its ▶ line markers and selected lines.
// The first 8 are a fixed palette per theme (distinct hues: ΔE76 ≥ 30 between any two and
// ≥ 25 from every state_color(), so a thread's colour never reads as a state; ≥ 3:1 contrast
// on the panel background, as WCAG asks of graphics), then a golden-ratio hue walk.
ImU32 worker_color(uint16_t worker);
// Dark or white text, whichever reads better on `fill` (labels on coloured spans).
ImU32 text_color_on(ImU32 fill);
ImU32 syntax_color(PyToken t);
ImU32 faint_text_color();
ImU32 accent_color();  // Run button, follow marker

}  // namespace interleave::ui
