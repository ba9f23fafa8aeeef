// Cores: how many workers were busy over time, against the machine's core count (a line at
// N cores), each worker's busy share, and natively the OS's own per-CPU graph. In the
// browser a page cannot see cores, so the axis says "busy workers" and the line is
// navigator.hardwareConcurrency.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

// An area chart of `v` (one value per bin of `bin_ms`) over [0, total_ms] into the rect, drawn
// only up to `until_ms` (past it the values are not known: a full trace).
void area(ImDrawList* dl, ImVec2 a, ImVec2 b, const std::vector<float>& v, double bin_ms,
          double total_ms, double until_ms, float y_max, ImU32 fill, ImU32 line) {
    if (v.empty() || total_ms <= 0 || y_max <= 0) return;
    const float w = b.x - a.x, h = b.y - a.y;
    const int cols = std::max(1, static_cast<int>(w));
    float prev_y = b.y;
    for (int c = 0; c < cols; ++c) {
        // Mean of the bins under this pixel column.
        const double t0 = total_ms * c / cols, t1 = total_ms * (c + 1) / cols;
        size_t i0 = static_cast<size_t>(t0 / bin_ms),
               i1 = static_cast<size_t>(std::ceil(t1 / bin_ms));
        i1 = std::min(std::max(i1, i0 + 1), v.size());
        if (i0 >= v.size() || t0 >= until_ms) break;
        double sum = 0;
        for (size_t i = i0; i < i1; ++i) sum += v[i];
        const float val = static_cast<float>(sum / static_cast<double>(i1 - i0));
        const float y = b.y - std::min(val / y_max, 1.f) * h;
        const float x = a.x + c * w / cols;
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w / cols + 0.5f, b.y), fill);
        if (c > 0) dl->AddLine(ImVec2(x, prev_y), ImVec2(x, y), line, 1.5f);
        dl->AddLine(ImVec2(x, y), ImVec2(x + w / cols, y), line, 1.5f);
        prev_y = y;
    }
}

}  // namespace

void draw_cores_panel(Playground& p) {
    const engine::Usage& u = p.usage;
    const float fs = ImGui::GetFontSize();
    if (!p.run) {
        ImGui::PushTextWrapPos(0);  // a phone's pane is narrower than this line
        ImGui::TextDisabled("Run a sample to see how many cores its workers kept busy.");
        ImGui::PopTextWrapPos();
        return;
    }
    // A simulated run's machine is the one its knobs describe (issue #11): its cores, not this
    // computer's; the OS's own per-CPU view would describe another machine, so it is left out.
    const auto machine = p.run_knobs.find("machine");
    const auto sim_cores = p.run_knobs.find("cores");
    const bool simulated = machine != p.run_knobs.end() && machine->second == "simulated" &&
                           sim_cores != p.run_knobs.end();
    unsigned cores = p.hooks.hardware_cores ? p.hooks.hardware_cores : u.hardware_cores;
    if (simulated) cores = static_cast<unsigned>(std::max(1, std::atoi(sim_cores->second.c_str())));
    if (cores == 0) cores = 1;
    const char* unit = p.hooks.is_web || simulated ? "busy workers" : "busy cores";
    const char* of = simulated ? "simulated cores" : p.hooks.is_web ? "processors" : "cores";
    // The figures and the chart come from the same events, up to where they are complete.
    const int64_t until = p.seen_until_ns();
    // In pieces, each beside the last when it fits: a phone's pane breaks the line between
    // them instead of cutting it off.
    char avg[64], peak_text[32], of_n[48];
    std::snprintf(avg, sizeof avg, "Average %s: %.2f", unit, p.usage_builder.busy_avg(until));
    std::snprintf(peak_text, sizeof peak_text, "peak %.2f", p.usage_builder.busy_max(until));
    std::snprintf(of_n, sizeof of_n, "of %u %s", cores, of);
    ImGui::TextUnformatted(avg);
    for (const char* piece : {peak_text, of_n}) {
        same_line_if_fits(ImGui::CalcTextSize(piece).x, fs);  // as the three spaces it had
        ImGui::TextUnformatted(piece);
    }
    same_line_if_fits(ImGui::CalcTextSize("(?)").x);
    help_marker(
        simulated ? "The simulated machine: it runs at most its cores' number of workers at once. "
                    "This counts this run's workers that were running Python-level work (or "
                    "starting, or pickling) at each moment of its virtual clock; the red line is "
                    "its cores. Nothing else on this computer is in these figures."
        : p.hooks.is_web
            ? "A web page cannot see CPU cores. This counts workers that were running "
              "Python-level work (or starting, or pickling) at each moment; the red line "
              "marks the logical processors the browser reports "
              "(navigator.hardwareConcurrency)."
            : "Workers running Python-level work (or starting, or pickling) at each moment. "
              "With the GIL, threads of one process take turns: the area stays at 1 "
              "however many threads there are. Processes each have their own GIL.");

    const double total_ms =
        std::max(p.stats.wall_ms, u.bin_ms * static_cast<double>(u.busy_workers.size()));
    float peak = 0;
    for (float v : u.busy_workers) peak = std::max(peak, v);
    const float y_max = std::max<float>(static_cast<float>(cores), std::ceil(peak)) + 0.5f;

    const bool has_os = !p.hooks.is_web && !simulated && !u.os_cpu_busy.empty();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Narrow: the chart across the width, the per-worker bars below it.
    const bool stacked = avail.x < fs * 32;
    const float bars_w = stacked ? avail.x : std::min(avail.x * 0.32f, fs * 20);
    const float chart_w = stacked ? avail.x : avail.x - bars_w - fs;
    const float chart_room = stacked ? avail.y * 0.55f : avail.y;
    const float chart_h = std::max(fs * 6, (has_os ? chart_room * 0.55f : chart_room) - fs * 1.5f);

    // --- Busy workers over time ---
    ImGui::BeginGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float axis_w = fs * 2;
    const ImVec2 a(o.x + axis_w, o.y + fs * 0.5f), b(o.x + chart_w, o.y + chart_h);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
    for (int k = 0; k <= static_cast<int>(y_max); ++k) {
        const float y = b.y - k / y_max * (b.y - a.y);
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y),
                    theme_is_dark() ? IM_COL32(255, 255, 255, 20) : IM_COL32(0, 0, 0, 22));
        char lbl[16];
        std::snprintf(lbl, sizeof lbl, "%d", k);
        dl->AddText(ImVec2(o.x + axis_w - ImGui::CalcTextSize(lbl).x - 6, y - fs * 0.5f),
                    faint_text_color(), lbl);
    }
    // Only what the events cover: a worker that still had room in its trace buffer after the
    // trace filled up would otherwise show as the only busy one.
    // A replay draws the chart up to its moment, and says how many were busy then.
    const int64_t view_t = p.view_t_ns();
    area(dl, a, b, u.busy_workers, u.bin_ms, total_ms,
         static_cast<double>(view_t >= 0 ? std::min(until, view_t) : until) / 1e6, y_max,
         IM_COL32(67, 176, 88, 110), IM_COL32(67, 176, 88, 255));
    if (view_t >= 0 && total_ms > 0) {
        const float x =
            a.x + std::min(static_cast<float>(view_t / 1e6 / total_ms), 1.f) * (b.x - a.x);
        draw_replay_cursor(dl, x, a.y, b.y);
        char now[64];
        const int busy = p.replay.busy_at(view_t);
        std::snprintf(now, sizeof now, "%d busy at %s", busy,
                      format_duration(static_cast<double>(view_t)).c_str());
        const ImVec2 ns = ImGui::CalcTextSize(now);
        const float tx = std::clamp(x + 6, a.x + 4, b.x - ns.x - 6);
        // At the chart's foot: its top holds the cores line's label.
        const float ty = b.y - ns.y - 4;
        dl->AddRectFilled(ImVec2(tx - 3, ty), ImVec2(tx + ns.x + 3, ty + ns.y),
                          ImGui::GetColorU32(ImGuiCol_PopupBg), 3);
        dl->AddText(ImVec2(tx, ty), accent_color(), now);
    }
    const std::string full = trace_full_text(p);
    if (!full.empty() && total_ms > 0) {
        const float x = a.x + static_cast<float>(until / 1e6 / total_ms) * (b.x - a.x);
        draw_unseen(dl, ImVec2(x, a.y), b, "not recorded (trace full)");
    }
    const float yc = b.y - cores / y_max * (b.y - a.y);
    dl->AddLine(ImVec2(a.x, yc), ImVec2(b.x, yc), IM_COL32(229, 75, 60, 230), 2);
    char cl[64];
    std::snprintf(cl, sizeof cl, "%u %s", cores,
                  simulated        ? (cores == 1 ? "simulated core" : "simulated cores")
                  : p.hooks.is_web ? "processors"
                                   : (cores == 1 ? "core" : "cores"));
    dl->AddText(ImVec2(b.x - ImGui::CalcTextSize(cl).x - 6, yc - fs - 2),
                IM_COL32(229, 75, 60, 255), cl);
    ImGui::Dummy(ImVec2(chart_w, chart_h));
    char xl[96];
    if (full.empty())
        std::snprintf(xl, sizeof xl, "%s over the run (0 .. %s)", unit,
                      format_duration(total_ms * 1e6).c_str());
    else
        std::snprintf(xl, sizeof xl, "%s over 0 .. %s of %s (the rest was not recorded)", unit,
                      format_duration(static_cast<double>(until)).c_str(),
                      format_duration(total_ms * 1e6).c_str());
    ImGui::SetCursorScreenPos(ImVec2(a.x, ImGui::GetCursorScreenPos().y));
    ImGui::TextDisabled("%s", xl);

    // --- OS per-CPU (native) ---
    if (has_os) {
        ImGui::TextUnformatted("The OS's own view: utilisation per CPU (from /proc/stat)");
        const size_t n = u.os_cpu_busy.size();
        const float row_h =
            std::max(fs * 1.2f,
                     std::min(fs * 2.5f,
                              (ImGui::GetContentRegionAvail().y - 4) / static_cast<float>(n) - 4));
        for (size_t c = 0; c < n; ++c) {
            const ImVec2 r0 = ImGui::GetCursorScreenPos();
            const ImVec2 ra(r0.x + axis_w * 2, r0.y), rb(r0.x + chart_w, r0.y + row_h);
            char lbl[32];
            std::snprintf(lbl, sizeof lbl, "CPU %zu", c);
            dl->AddText(ImVec2(r0.x, r0.y + (row_h - fs) * 0.5f), faint_text_color(), lbl);
            dl->AddRectFilled(ra, rb, ImGui::GetColorU32(ImGuiCol_FrameBg), 3);
            const double os_total = u.os_bin_ms * static_cast<double>(u.os_cpu_busy[c].size());
            // The OS's own counters do not depend on the trace: all of it.
            area(dl, ra, rb, u.os_cpu_busy[c], u.os_bin_ms, std::max(os_total, 1.0), os_total, 1.0f,
                 IM_COL32(66, 140, 230, 110), IM_COL32(66, 140, 230, 255));
            ImGui::Dummy(ImVec2(chart_w, row_h + 2));
        }
    }
    ImGui::EndGroup();

    // --- Per-worker busy share ---
    if (!stacked) ImGui::SameLine(0, fs);
    ImGui::BeginGroup();
    ImGui::TextUnformatted(full.empty() ? "Busy share per worker"
                                        : "Busy share per worker (recorded part)");
    for (size_t i = 0; i < u.worker_ids.size() && i < u.busy_fraction.size(); ++i) {
        const uint16_t w = u.worker_ids[i];
        const std::string name =
            w < p.worker_names.size() ? p.worker_names[w] : "worker " + std::to_string(w);
        const float f = std::clamp(u.busy_fraction[i], 0.f, 1.f);
        const ImVec2 r0 = ImGui::GetCursorScreenPos();
        const float bw = bars_w, bh = fs * 1.25f;
        dl->AddRectFilled(r0, ImVec2(r0.x + bw, r0.y + bh), ImGui::GetColorU32(ImGuiCol_FrameBg),
                          3);
        dl->AddRectFilled(r0, ImVec2(r0.x + bw * f, r0.y + bh), IM_COL32(67, 176, 88, 200), 3);
        char pct[24];
        std::snprintf(pct, sizeof pct, "%.0f%%", f * 100);
        dl->PushClipRect(r0, ImVec2(r0.x + bw - ImGui::CalcTextSize(pct).x - 8, r0.y + bh), true);
        dl->AddText(ImVec2(r0.x + 5, r0.y + (bh - fs) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                    name.c_str());
        dl->PopClipRect();
        dl->AddText(ImVec2(r0.x + bw - ImGui::CalcTextSize(pct).x - 5, r0.y + (bh - fs) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_Text), pct);
        ImGui::Dummy(ImVec2(bw, bh + 1));
    }
    if (u.worker_ids.empty()) ImGui::TextDisabled("(no workers yet)");
    ImGui::Spacing();
    ImGui::Text("GIL wait: %s", format_duration(p.stats.gil_wait_ms * 1e6).c_str());
    ImGui::Text("GIL hand-offs: %llu", static_cast<unsigned long long>(p.stats.gil_switches));
    ImGui::Text("CPU work: %s", format_duration(p.stats.cpu_ms * 1e6).c_str());
    ImGui::EndGroup();
}

}  // namespace interleave::ui
