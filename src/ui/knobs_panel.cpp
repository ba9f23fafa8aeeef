// Run / Stop / Share / Export, then the sample's knobs: sliders for numbers, buttons or a
// combo for choices, each with its range and help in a tooltip. Every edit goes through
// samples::parse_knob (validated, canonical text) before it reaches the playground.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "samples/knobs.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

// Applies `text` to knob `spec` if it parses; reports a failure in the status bar.
void apply(Playground& p, const samples::KnobSpec& spec, const std::string& text) {
    std::string error;
    auto v = samples::parse_knob(spec, text, &error);
    if (!v) {
        p.flash(error);
        return;
    }
    if (p.knobs[spec.key] == *v) return;
    p.knobs[spec.key] = *v;
    p.run_all_queue.clear();
    p.knobs_changed();
}

void tooltip_for(const samples::KnobSpec& k) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(k.help.c_str());
    ImGui::TextDisabled("key %s, range %s, default %s", k.key.c_str(), k.range_text().c_str(),
                        k.default_value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool colored_button(const char* label, ImU32 color, bool enabled, ImVec2 size = ImVec2(0, 0)) {
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

}  // namespace

void draw_knobs_panel(Playground& p) {
    const samples::Sample& s = p.current();
    const bool running = p.running();
    const float bw = ImGui::GetFontSize() * 5.5f;
    if (colored_button(running ? "Restart" : "Run", IM_COL32(46, 160, 67, 255), true,
                       ImVec2(bw, 0)))
        p.start_run();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the sample (Ctrl+Enter)");
    ImGui::SameLine();
    if (colored_button("Stop", IM_COL32(200, 60, 50, 255), running, ImVec2(bw, 0))) p.stop_run();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Stop the run (Esc): every worker exits promptly");
    ImGui::SameLine();
    if (ImGui::Button("Share", ImVec2(bw * 0.8f, 0))) {
        p.share_shown = p.link();
        p.copy_to_clipboard(p.share_shown, "Link copied to the clipboard");
        ImGui::OpenPopup("share");
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy a link to this sample and these knobs");
    if (ImGui::BeginPopup("share")) {
        ImGui::TextUnformatted("Anyone opening this link sees this sample and these knobs:");
        ImGui::PushFont(p.fonts.mono);
        ImGui::TextUnformatted(p.share_shown.c_str());
        ImGui::PopFont();
        ImGui::TextDisabled("It runs only when they press Run (add &run=1 to run at once).");
        if (ImGui::Button("Copy again"))
            p.copy_to_clipboard(p.share_shown, "Link copied to the clipboard");
        ImGui::SameLine();
        if (ImGui::Button("Copy with run=1"))
            p.copy_to_clipboard(p.link(true), "Link (with run=1) copied to the clipboard");
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    const bool can_export = p.run && p.run->done();
    if (!can_export) ImGui::BeginDisabled();
    if (ImGui::Button("Export trace")) {
        const std::string json = p.run->export_chrome_trace();
        if (p.hooks.save_file) p.flash(p.hooks.save_file("interleave-trace.json", json), 6);
    }
    if (!can_export) ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Chrome Trace Event JSON of the last run: open it in ui.perfetto.dev");

    ImGui::Separator();
    ImGui::PushFont(p.fonts.big);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", s.summary.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    if (ImGui::BeginTable("knobs", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 0.38f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 0.62f);
        for (const auto& k : s.knobs) {
            ImGui::PushID(k.key.c_str());
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            const bool changed = p.knobs[k.key] != k.default_value;
            if (changed) ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
            ImGui::TextUnformatted(k.label.c_str());
            if (changed) ImGui::PopStyleColor();
            tooltip_for(k);
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-1);
            const std::string& cur = p.knobs[k.key];
            switch (k.type) {
                case samples::KnobType::integer: {
                    int v = std::atoi(cur.c_str());
                    if (ImGui::SliderInt("##v", &v, static_cast<int>(k.min),
                                         static_cast<int>(k.max), "%d",
                                         ImGuiSliderFlags_AlwaysClamp))
                        apply(p, k, std::to_string(v));
                    break;
                }
                case samples::KnobType::number: {
                    float v = static_cast<float>(std::atof(cur.c_str()));
                    const bool log = k.min > 0 && k.max / k.min >= 100;
                    if (ImGui::SliderFloat("##v", &v, static_cast<float>(k.min),
                                           static_cast<float>(k.max), "%.3g",
                                           ImGuiSliderFlags_AlwaysClamp |
                                               (log ? ImGuiSliderFlags_Logarithmic : 0))) {
                        char buf[32];
                        std::snprintf(buf, sizeof buf, "%.3g", v);
                        apply(p, k, buf);
                    }
                    break;
                }
                case samples::KnobType::choice: {
                    size_t total = 0;
                    for (const auto& c : k.choices) total += c.size();
                    if (k.choices.size() <= 3 && total <= 18) {
                        for (size_t i = 0; i < k.choices.size(); ++i) {
                            if (i) ImGui::SameLine();
                            if (ImGui::RadioButton(k.choices[i].c_str(), cur == k.choices[i]))
                                apply(p, k, k.choices[i]);
                        }
                    } else if (ImGui::BeginCombo("##v", cur.c_str())) {
                        for (const auto& c : k.choices)
                            if (ImGui::Selectable(c.c_str(), c == cur)) apply(p, k, c);
                        ImGui::EndCombo();
                    }
                    break;
                }
            }
            tooltip_for(k);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!s.knobs.empty()) {
        if (ImGui::SmallButton("Reset knobs")) {
            p.set_knobs(samples::defaults(s.knobs));
            p.run_all_queue.clear();
        }
    }
    if (samples::find_knob(s.knobs, "model")) {
        ImGui::SameLine();
        const bool busy = p.running() || !p.run_all_queue.empty();
        if (busy) ImGui::BeginDisabled();
        if (ImGui::SmallButton("Run all models")) p.start_run_all();
        if (busy) ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(
                "Runs this job with every model, one after another, and compares "
                "them in the Compare tab");
    }
}

}  // namespace interleave::ui
