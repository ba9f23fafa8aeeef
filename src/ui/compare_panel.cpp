// Runs and compare: every finished run is a row (sample, knobs that differ, wall time,
// speed-up against the sequential run of the same job, average busy cores, GIL wait). For a
// sample with a `model` knob (`choosing`), "Run all models" runs each model in turn and the
// bars show wall time and speed-up side by side.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

std::string without_model(const samples::KnobValues& v) {
    std::string s;
    for (const auto& [k, x] : v)
        if (k != "model") s += k + "=" + x + " ";
    return s;
}

// Latest finished run per model of the current job (same sample, same knobs but the model).
std::vector<const RunRecord*> job_rows(const Playground& p) {
    std::vector<const RunRecord*> rows;
    const auto& s = p.current();
    const auto* model = samples::find_knob(s.knobs, "model");
    if (!model) return rows;
    const std::string job = without_model(p.knobs);
    for (const auto& choice : model->choices) {
        for (auto it = p.records.rbegin(); it != p.records.rend(); ++it) {
            if (it->sample_id != s.id || it->status != "finished") continue;
            auto m = it->knobs.find("model");
            if (m == it->knobs.end() || m->second != choice || without_model(it->knobs) != job)
                continue;
            rows.push_back(&*it);
            break;
        }
    }
    return rows;
}

void bars(const Playground& p, const std::vector<const RunRecord*>& rows) {
    const float fs = ImGui::GetFontSize();
    double max_ms = 0;
    for (auto* r : rows) max_ms = std::max(max_ms, r->wall_ms);
    if (max_ms <= 0) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float name_w = fs * 7.5f;
    const float w = std::max(ImGui::GetContentRegionAvail().x - name_w - fs * 11, fs * 6);
    for (auto* r : rows) {
        const std::string& model = r->knobs.at("model");
        const ImVec2 o = ImGui::GetCursorScreenPos();
        const float bh = fs * 1.35f;
        dl->AddText(ImVec2(o.x, o.y + (bh - fs) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                    model.c_str());
        const float len = static_cast<float>(r->wall_ms / max_ms) * w;
        ImU32 col = IM_COL32(120, 130, 150, 255);
        if (r->speedup >= 1.3)
            col = IM_COL32(67, 176, 88, 255);
        else if (r->speedup > 0 && r->speedup < 0.85)
            col = IM_COL32(229, 75, 60, 255);
        dl->AddRectFilled(ImVec2(o.x + name_w, o.y),
                          ImVec2(o.x + name_w + std::max(len, 2.f), o.y + bh), col, 3);
        char txt[64];
        if (r->speedup > 0)
            std::snprintf(txt, sizeof txt, "%s   \xC3\x97%.2f",
                          format_duration(r->wall_ms * 1e6).c_str(), r->speedup);
        else
            std::snprintf(txt, sizeof txt, "%s", format_duration(r->wall_ms * 1e6).c_str());
        dl->AddText(ImVec2(o.x + name_w + len + 6, o.y + (bh - fs) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_Text), txt);
        ImGui::Dummy(ImVec2(name_w + w, bh + 3));
    }
    (void)p;
}

}  // namespace

void draw_compare_panel(Playground& p) {
    const auto& s = p.current();
    const bool has_model = samples::find_knob(s.knobs, "model") != nullptr;
    if (has_model) {
        const bool busy = p.running() || !p.run_all_queue.empty();
        if (busy) ImGui::BeginDisabled();
        if (ImGui::Button("Run all models")) p.start_run_all();
        if (busy) ImGui::EndDisabled();
        p.controls.note("compare:run-all", ControlKind::button);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        if (!p.run_all_queue.empty() || (p.running() && p.run_all_group >= 0))
            ImGui::Text("running model %s, %zu to go...",
                        p.run_knobs.count("model") ? p.run_knobs.at("model").c_str() : "?",
                        p.run_all_queue.size());
        else if (!p.compact)
            ImGui::TextDisabled("the same job under every model, one after another");
        else
            ImGui::NewLine();
        const auto rows = job_rows(p);
        if (!rows.empty()) {
            ImGui::Text("Wall time for this job (%s); \xC3\x97 = speed-up over sequential",
                        knobs_diff_text(s,
                                        [&] {
                                            auto k = p.knobs;
                                            k.erase("model");
                                            return k;
                                        }())
                            .c_str());
            bars(p, rows);
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled(
                "CPU-bound work under the GIL: threads take turns, so they are no faster than "
                "sequential; processes each have their own GIL and use the cores. I/O-bound work "
                "releases the GIL while waiting, so threads and asyncio overlap the waits.");
            ImGui::PopTextWrapPos();
        }
        ImGui::Separator();
    }

    ImGui::Text("Runs (%zu)", p.records.size());
    ImGui::SameLine();
    if (p.compact ? ImGui::Button("Clear runs") : ImGui::SmallButton("Clear runs"))
        p.records.clear();
    p.controls.note("compare:clear", ControlKind::button);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit;
    // Narrow: the four columns that compare runs; status, cores and GIL wait need room.
    const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 36;
    if (ImGui::BeginTable("runs", narrow ? 4 : 7, flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Sample");
        ImGui::TableSetupColumn("Knobs", ImGuiTableColumnFlags_WidthStretch);
        if (!narrow) ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Wall time");
        ImGui::TableSetupColumn("Speed-up");
        if (!narrow) {
            ImGui::TableSetupColumn("Busy cores");
            ImGui::TableSetupColumn("GIL wait");
        }
        ImGui::TableHeadersRow();
        for (auto it = p.records.rbegin(); it != p.records.rend(); ++it) {
            const RunRecord& r = *it;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.knobs_text.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.knobs_text.c_str());
            if (!narrow) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.status.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_duration(r.wall_ms * 1e6).c_str());
            ImGui::TableNextColumn();
            if (r.speedup > 0)
                ImGui::Text("\xC3\x97%.2f", r.speedup);
            else
                ImGui::TextDisabled("\xE2\x80\x94");
            if (narrow) continue;
            ImGui::TableNextColumn();
            ImGui::Text(r.trace_full ? "%.2f*" : "%.2f", r.busy_cores_avg);
            if (r.trace_full && ImGui::IsItemHovered())
                ImGui::SetTooltip("The trace was full: this covers the recorded part of the run");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_duration(r.gil_wait_ms * 1e6).c_str());
        }
        ImGui::EndTable();
    }
}

}  // namespace interleave::ui
