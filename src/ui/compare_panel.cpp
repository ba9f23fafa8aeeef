// Runs and compare: every finished run is a row (sample, knobs that differ, wall time,
// speed-up against the sequential run of the same job, average busy cores, GIL wait). For a
// sample with a `model` knob (`choosing`), "Run all models" runs each model in turn and the
// bars show wall time and speed-up side by side.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "samples/compare.hpp"
#include "samples/report.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

std::string without_model(const samples::KnobValues& v) {
    std::string s;
    for (const auto& [k, x] : v)
        if (k != "model") s += k + "=" + x + " ";
    return s;
}

// Per model of the current job (same sample, same knobs but the model): the runs of the latest
// "Run all models" batch that has it, else its latest finished run, summarised (median, spread).
struct JobRow {
    samples::ModelFigure fig;
    double speedup = 0;  // sequential's median / this median
};
std::vector<JobRow> job_rows(const Playground& p, bool* real, double* other_cores) {
    std::vector<JobRow> rows;
    const auto& s = p.current();
    const auto* model = samples::find_knob(s.knobs, "model");
    if (!model) return rows;
    const std::string job = without_model(p.knobs);
    auto same_job = [&](const RunRecord& r) {
        return r.sample_id == s.id && r.status == "finished" && r.knobs.count("model") &&
               without_model(r.knobs) == job;
    };
    int group = -1;
    for (auto it = p.records.rbegin(); it != p.records.rend(); ++it)
        if (same_job(*it) && it->group >= 0) {
            group = it->group;
            break;
        }
    *real = p.knobs.count("machine") && p.knobs.at("machine") == "real";
    *other_cores = -1;
    for (const auto& choice : model->choices) {
        std::vector<double> walls;
        for (auto it = p.records.rbegin(); it != p.records.rend(); ++it) {
            if (!same_job(*it) || it->knobs.at("model") != choice) continue;
            if (group >= 0 && it->group != group) continue;
            walls.push_back(it->wall_ms);
            *other_cores = std::max(*other_cores, it->other_busy_cores);
            if (group < 0) break;  // no batch: the latest run
        }
        if (!walls.empty()) rows.push_back({samples::summarise(choice, walls), 0});
    }
    for (const auto& r : rows)
        if (r.fig.model == "sequential")
            for (auto& x : rows)
                x.speedup = x.fig.median_ms > 0 ? r.fig.median_ms / x.fig.median_ms : 0;
    return rows;
}

// "805 ms (790 ms–845 ms)   ×1.98": the median, the spread of several runs, the speed-up.
std::string bar_label(const JobRow& r) {
    std::string label = format_duration(r.fig.median_ms * 1e6);
    if (r.fig.runs > 1)
        label += " (" + format_duration(r.fig.min_ms * 1e6) + "\xE2\x80\x93" +
                 format_duration(r.fig.max_ms * 1e6) + ")";
    char sp[32] = "";
    if (r.speedup > 0) std::snprintf(sp, sizeof sp, "   \xC3\x97%.2f", r.speedup);
    return label + sp;
}

void bars(const std::vector<JobRow>& rows) {
    const float fs = ImGui::GetFontSize();
    double max_ms = 0;
    for (const auto& r : rows) max_ms = std::max(max_ms, r.fig.max_ms);
    if (max_ms <= 0) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float name_w = 0, label_w = 0;
    for (const auto& r : rows) {
        name_w = std::max(name_w, ImGui::CalcTextSize(r.fig.model.c_str()).x);
        label_w = std::max(label_w, ImGui::CalcTextSize(bar_label(r).c_str()).x);
    }
    name_w += fs;
    // The longest bar (or whisker) ends where the longest label still fits after it.
    const float w = std::max(ImGui::GetContentRegionAvail().x - name_w - label_w - fs, fs * 6);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (const auto& r : rows) {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        const float bh = fs * 1.35f;
        dl->AddText(ImVec2(o.x, o.y + (bh - fs) * 0.5f), text, r.fig.model.c_str());
        const float len = static_cast<float>(r.fig.median_ms / max_ms) * w;
        ImU32 col = IM_COL32(120, 130, 150, 255);
        if (r.speedup >= 1.3)
            col = IM_COL32(67, 176, 88, 255);
        else if (r.speedup > 0 && r.speedup < 0.85)
            col = IM_COL32(229, 75, 60, 255);
        dl->AddRectFilled(ImVec2(o.x + name_w, o.y),
                          ImVec2(o.x + name_w + std::max(len, 2.f), o.y + bh), col, 3);
        float right = len;
        if (r.fig.runs > 1) {  // the spread: a whisker from the fastest to the slowest run
            const float x0 = o.x + name_w + static_cast<float>(r.fig.min_ms / max_ms) * w;
            const float x1 = o.x + name_w + static_cast<float>(r.fig.max_ms / max_ms) * w;
            const float y = o.y + bh * 0.5f;
            dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), text, 1.5f);
            dl->AddLine(ImVec2(x0, y - bh * 0.25f), ImVec2(x0, y + bh * 0.25f), text, 1.5f);
            dl->AddLine(ImVec2(x1, y - bh * 0.25f), ImVec2(x1, y + bh * 0.25f), text, 1.5f);
            right = std::max(right, x1 - o.x - name_w);
        }
        dl->AddText(ImVec2(o.x + name_w + right + fs * 0.4f, o.y + (bh - fs) * 0.5f), text,
                    bar_label(r).c_str());
        ImGui::Dummy(ImVec2(name_w + w + label_w, bh + 3));
    }
}

}  // namespace

std::string compare_json(const Playground& p) {
    bool real = false;
    double other = -1;
    const auto rows = job_rows(p, &real, &other);
    auto num = [](double x) {
        char b[32];
        std::snprintf(b, sizeof b, "%.6g", x);
        return std::string(b);
    };
    auto knob = [&](const char* k) {
        auto it = p.knobs.find(k);
        return samples::json_string(it != p.knobs.end() ? it->second : std::string());
    };
    std::string j = "{\"machine\": " + knob("machine") + ", \"cores\": " + knob("cores") +
                    ", \"seed\": " + knob("seed") + ", \"models\": [";
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& f = rows[i].fig;
        j += std::string(i ? ", " : "") + "{\"model\": " + samples::json_string(f.model) +
             ", \"runs\": " + std::to_string(f.runs) + ", \"median_ms\": " + num(f.median_ms) +
             ", \"min_ms\": " + num(f.min_ms) + ", \"max_ms\": " + num(f.max_ms) +
             ", \"speedup\": " + num(rows[i].speedup) + "}";
    }
    return j + "]}";
}

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
        ImGui::PushTextWrapPos(0);  // beside the button, wrapped in what is left (phones)
        if (!p.run_all_queue.empty() || (p.running() && p.run_all_group >= 0))
            ImGui::Text("running model %s, %zu to go...",
                        p.run_knobs.count("model") ? p.run_knobs.at("model").c_str() : "?",
                        p.run_all_queue.size());
        else if (p.knobs["machine"] == "real" && p.machine_chosen)
            ImGui::TextDisabled("each model %d times, interleaved, on this computer",
                                samples::kRealRepeats);
        else
            ImGui::TextDisabled("each model once, on the simulated machine (%s cores)",
                                p.knobs["cores"].c_str());
        ImGui::PopTextWrapPos();
        bool real = false;
        double other = -1;
        const auto rows = job_rows(p, &real, &other);
        if (!rows.empty()) {
            // Which machine the figures come from, always said (issue #11 item 3).
            ImGui::PushTextWrapPos(0);
            if (real) {
                ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1),
                                   "This computer: median of the runs of each model "
                                   "(interleaved), the whisker their spread");
                const std::string note = samples::disturbance_note([&] {
                    engine::RunStats st;
                    st.other_busy_cores = other;
                    return st;
                }());
                if (!note.empty())
                    ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s", note.c_str());
            } else {
                ImGui::TextColored(ImVec4(0.45f, 0.75f, 1, 1),
                                   "Simulated machine, %s cores, seed %s: exact virtual times, "
                                   "the same on every computer",
                                   p.knobs.count("cores") ? p.knobs.at("cores").c_str() : "?",
                                   p.knobs.count("seed") ? p.knobs.at("seed").c_str() : "?");
            }
            // The job's own knobs; the machine is the line above.
            auto job = p.knobs;
            job.erase("model");
            for (const auto& k : s.knobs)
                if (k.group == "machine") job.erase(k.key);
            ImGui::Text("Wall time for this job (%s); \xC3\x97 = speed-up over sequential",
                        knobs_diff_text(s, job).c_str());
            ImGui::PopTextWrapPos();
            bars(rows);
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
