// The sample's title, summary and knobs: sliders for numbers, radio buttons or a combo for
// choices, each with its range and help in a tooltip. Every edit goes through
// samples::parse_knob (validated, canonical text) before it reaches the playground. A value in
// the program's text shows only while the text has its line (knob_text.hpp).
#include <imgui.h>

#include <algorithm>
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

void knob_label(Playground& p, const samples::KnobSpec& k) {
    ImGui::AlignTextToFramePadding();
    const bool changed = p.knobs[k.key] != k.default_value;
    if (changed) ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
    ImGui::TextUnformatted(k.label.c_str());
    if (changed) ImGui::PopStyleColor();
    tooltip_for(k);
}

// The knob's control across the available width: a slider for numbers, radio buttons for a few
// short choices, else a combo. Named "knob:KEY" (a choice: "knob:KEY=VALUE") for Tab/automation.
void knob_control(Playground& p, const samples::KnobSpec& k) {
    // A value in the text the knob cannot take (out of range, an expression): the text wins,
    // the knob says why it cannot show it.
    if (const samples::TextKnob* t = p.text_knob(k.key); t && !t->value) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 170, 60, 255));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(t->notice.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        return;
    }
    ImGui::PushID(k.key.c_str());
    const std::string id = "knob:" + k.key;
    ImGui::SetNextItemWidth(-1);
    const std::string& cur = p.knobs[k.key];
    switch (k.type) {
        case samples::KnobType::integer: {
            if (k.max > 2147483647.0) {  // a seed: typed, a slider could not reach each value
                long long v = std::atoll(cur.c_str());
                if (ImGui::InputScalar("##v", ImGuiDataType_S64, &v, nullptr, nullptr, "%lld"))
                    apply(p, k, std::to_string(v));
                p.controls.note(id, ControlKind::text);
                break;
            }
            int v = std::atoi(cur.c_str());
            if (ImGui::SliderInt("##v", &v, static_cast<int>(k.min), static_cast<int>(k.max), "%d",
                                 ImGuiSliderFlags_AlwaysClamp))
                apply(p, k, std::to_string(v));
            p.controls.note(id, ControlKind::slider);
            break;
        }
        case samples::KnobType::number: {
            float v = static_cast<float>(std::atof(cur.c_str()));
            const bool log = k.min > 0 && k.max / k.min >= 100;
            if (ImGui::SliderFloat(
                    "##v", &v, static_cast<float>(k.min), static_cast<float>(k.max), "%.3g",
                    ImGuiSliderFlags_AlwaysClamp | (log ? ImGuiSliderFlags_Logarithmic : 0))) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.3g", v);
                apply(p, k, buf);
            }
            p.controls.note(id, ControlKind::slider);
            break;
        }
        case samples::KnobType::choice: {
            size_t total = 0;
            for (const auto& c : k.choices) total += c.size();
            if (k.choices.size() <= 3 && total <= 18) {
                // A radio group: Tab reaches the chosen one, arrows the others.
                for (size_t i = 0; i < k.choices.size(); ++i) {
                    if (i) ImGui::SameLine();
                    const bool on = cur == k.choices[i];
                    if (ImGui::RadioButton(k.choices[i].c_str(), on)) apply(p, k, k.choices[i]);
                    p.controls.note(id + "=" + k.choices[i], ControlKind::toggle, on);
                }
            } else {
                const bool open = begin_combo(p, id, "##v", cur.c_str());
                if (open) {
                    for (const auto& c : k.choices) {
                        if (ImGui::Selectable(c.c_str(), c == cur, 0,
                                              ImVec2(0, p.compact ? ImGui::GetFrameHeight() : 0)))
                            apply(p, k, c);
                        p.controls.note(id + "=" + c, ControlKind::button, c == cur);
                    }
                    ImGui::EndCombo();
                }
            }
            break;
        }
    }
    tooltip_for(k);
    ImGui::PopID();
}

// A run setting always; a value in the text while the editor's text has its line.
bool knob_shown(const Playground& p, const samples::KnobSpec& k) {
    return samples::is_run_setting(k) || p.text_knob(k.key) != nullptr;
}

}  // namespace

void draw_knobs_panel(Playground& p) {
    const samples::Sample& s = p.current();
    ImGui::PushFont(p.fonts.big);
    ImGui::TextUnformatted(s.title.c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", s.summary.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    // Label and control side by side when there is room, else the label above a full-width
    // control (narrow panes, phones): a knob's label is never cut.
    float label_w = 0;
    for (const auto& k : s.knobs)
        if (k.group != "machine")
            label_w = std::max(label_w, ImGui::CalcTextSize(k.label.c_str()).x);
    const float avail = ImGui::GetContentRegionAvail().x, fs = ImGui::GetFontSize();
    const bool side_by_side =
        !p.compact && label_w + fs <= avail * 0.38f && avail * 0.62f >= fs * 9;
    if (side_by_side && ImGui::BeginTable("knobs", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 0.38f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 0.62f);
        for (const auto& k : s.knobs) {
            if (k.group == "machine") continue;  // the Machine control beside Run
            if (!knob_shown(p, k)) continue;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            knob_label(p, k);
            ImGui::TableSetColumnIndex(1);
            knob_control(p, k);
        }
        ImGui::EndTable();
    } else if (!side_by_side) {
        for (const auto& k : s.knobs) {
            if (k.group == "machine") continue;
            if (!knob_shown(p, k)) continue;
            knob_label(p, k);
            knob_control(p, k);
        }
    }
    auto small_button = [&](const char* label) {
        return p.compact ? ImGui::Button(label) : ImGui::SmallButton(label);
    };
    if (!s.knobs.empty()) {
        if (small_button("Reset knobs")) {
            p.set_knobs(samples::defaults(s.knobs));
            p.run_all_queue.clear();
        }
        p.controls.note("reset-knobs", ControlKind::button);
    }
    if (samples::find_knob(s.knobs, "model")) {
        ImGui::SameLine();
        const bool busy = p.running() || !p.run_all_queue.empty();
        if (busy) ImGui::BeginDisabled();
        if (small_button("Run all models")) p.start_run_all();
        if (busy) ImGui::EndDisabled();
        p.controls.note("run-all", ControlKind::button);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(
                "Runs this job with every model, one after another, and compares "
                "them in the Compare tab");
    }
}

}  // namespace interleave::ui
