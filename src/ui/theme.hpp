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
ImU32 syntax_color(PyToken t);
ImU32 faint_text_color();
ImU32 accent_color();  // Run button, follow marker

}  // namespace interleave::ui
