// The run controls' row: Run / Stop / Machine / Share / Export, laid out by a ControlRow so that a
// new control (a Machine switch, a replay scrubber's button) is one more item in the same row.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

bool colored_button(const char* label, ImU32 color, bool enabled, ImVec2 size) {
    if (!enabled) ImGui::BeginDisabled();
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    ImGui::PushStyleColor(ImGuiCol_Button, c);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(c.x * 1.15f, c.y * 1.15f, c.z * 1.15f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(c.x * 0.85f, c.y * 0.85f, c.z * 0.85f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    const bool r = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    if (!enabled) ImGui::EndDisabled();
    return r;
}

void share_popup(Playground& p) {
    if (!ImGui::BeginPopup("share")) return;
    // Wrapped to fit the screen too: a phone's is narrower than 40 characters of the link (the
    // popup sizes itself to its text, so lines that do not wrap ran off the screen's edge).
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrap = std::min(ImGui::GetFontSize() * 40,
                                ImGui::GetMainViewport()->WorkSize.x - st.WindowPadding.x * 4);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(p.share_shown.find("&code=") != std::string::npos
                               ? "Anyone opening this link sees this code and these knobs:"
                               : "Anyone opening this link sees this sample and these knobs:");
    ImGui::PushFont(p.fonts.mono);
    ImGui::TextUnformatted(p.share_shown.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("It runs only when they press Run (add &run=1 to run at once).");
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Copy again"))
        p.copy_to_clipboard(p.share_shown, "Link copied to the clipboard");
    p.controls.note("share:copy", ControlKind::button);
    same_line_if_fits(button_width("Copy with run=1"));
    if (ImGui::Button("Copy with run=1"))
        p.copy_to_clipboard(p.full_link(p.link(true)), "Link (with run=1) copied to the clipboard");
    p.controls.note("share:copy-run", ControlKind::button);
    same_line_if_fits(button_width("Close"));
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    p.controls.note("share:close", ControlKind::button);
    ImGui::EndPopup();
}

}  // namespace

ControlRow::ControlRow(int items, float width, bool equal)
    : items_(std::max(items, 1)), width_(width), equal_(equal) {}

ImVec2 ControlRow::next(float natural_w) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float w = natural_w;
    if (equal_) w = std::floor((width_ - gap * static_cast<float>(items_ - 1)) / items_);
    if (placed_++ > 0) same_line_if_fits(w);
    return ImVec2(w, 0);
}

void draw_actions(Playground& p, float width, bool equal) {
    const bool running = p.running();
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    // Narrow rows (phones): the Machine control's label needs more than a fifth of the row, so
    // it gets a row of its own below the other four.
    ControlRow row(equal ? kActionCount - 1 : kActionCount, width, equal);

    const float run_w =
        std::max(ImGui::CalcTextSize("Restart").x + pad, ImGui::GetFontSize() * 4.5f);
    ImVec2 size = row.next(run_w);
    if (colored_button(running ? "Restart###run" : "Run###run", IM_COL32(46, 160, 67, 255), true,
                       size) &&
        !p.run_started_by_event)
        p.start_run();
    p.controls.note("run", ControlKind::button);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the sample (Ctrl+Enter)");

    size = row.next(run_w);
    if (colored_button("Stop", IM_COL32(200, 60, 50, 255), running, size)) p.stop_run();
    p.controls.note("stop", ControlKind::button);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Stop the run (Esc): every worker exits promptly");

    if (!equal) {
        size =
            row.next(std::max(button_width("Simulated, 64 cores"), button_width("This computer")));
        draw_machine_control(p, size);
    }

    size = row.next(ImGui::CalcTextSize("Share").x + pad * 1.5f);
    if (ImGui::Button("Share", size)) {
        p.share_shown = p.full_link(p.link());
        p.copy_to_clipboard(p.share_shown, "Link copied to the clipboard");
        ImGui::OpenPopup("share");
    }
    p.controls.note("share", ControlKind::button);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link to this sample and these knobs");
    share_popup(p);

    // Narrow rows say "Export": "Export trace" does not fit a quarter of a phone.
    const char* export_label = equal ? "Export" : "Export trace";
    size = row.next(button_width(export_label));
    bool exporting = false;
    for (const auto& j : p.exports) exporting |= j->download;
    const bool can_export = p.run && p.run->done() && !exporting;
    if (!can_export) ImGui::BeginDisabled();
    if (ImGui::Button(export_label, size)) p.start_export(true);
    if (!can_export) ImGui::EndDisabled();
    p.controls.note("export", ControlKind::button);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Chrome Trace Event JSON of the last run: open it in ui.perfetto.dev");

    if (equal) draw_machine_control(p, ImVec2(width, 0));
}

}  // namespace interleave::ui
