// The console: the run's output lines, live, in the shape of ImGui's ExampleAppLog (text
// buffer + line offsets + filter + list clipper + auto-scroll that stops when the user
// scrolls up). Each line shows time and worker, its text coloured by task. Bounded: what
// was cut is said in a visible banner. User text only ever goes through TextUnformatted.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/editor/traceback.hpp"
#include "ui/fallback_glyphs.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

// Keeps p.console_rows = indices of lines matching the filter, incrementally.
void refresh_rows(Playground& p) {
    const ConsoleModel& m = p.console;
    const std::string filter = p.console_filter;
    if (filter != p.console_rows_filter || m.dropped() != p.console_rows_dropped ||
        m.size() < p.console_rows_upto) {
        p.console_rows.clear();
        p.console_rows_upto = 0;
        p.console_rows_filter = filter;
        p.console_rows_dropped = m.dropped();
    }
    for (size_t i = p.console_rows_upto; i < m.size(); ++i)
        if (ConsoleModel::matches(m.text(i), filter)) p.console_rows.push_back(i);
    p.console_rows_upto = m.size();
}

// Underlines a traceback line; a click puts the editor's caret on program line `at` (1-based),
// gives the editor the keyboard and shows it (the narrow layout's Code page).
void traceback_link(Playground& p, int at, bool hovered) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImU32 col = (accent_color() & ~IM_COL32_A_MASK) |
                      (static_cast<ImU32>(hovered ? 255 : 115) << IM_COL32_A_SHIFT);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), col, 1.f);
    // Named for automation (pointer only: the editor's own Go to line is the keyboard's way).
    p.controls.note("output:line:" + std::to_string(at), ControlKind::button, false);
    if (!hovered) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Go to line %d in the editor", at);
    // On release (pressed here too): while the button is held the console's window holds
    // ImGui's active id, which would take the keyboard straight back from the editor.
    const ImVec2 at_press = ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left];
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && at_press.x >= a.x && at_press.x < b.x &&
        at_press.y >= a.y && at_press.y < b.y) {
        p.editor.go_to_line(at - 1);
        if (p.compact) p.page = Page::code;
    }
}

}  // namespace

void draw_console_panel(Playground& p) {
    refresh_rows(p);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Output");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::InputTextWithHint("##filter", "filter", p.console_filter, sizeof p.console_filter);
    p.controls.note("output:filter", ControlKind::text);
    same_line_if_fits(button_width("Clear"));
    if (ImGui::Button("Clear")) {
        p.console.clear();
        p.console_rows.clear();
        p.console_rows_upto = 0;
    }
    p.controls.note("output:clear", ControlKind::button);
    same_line_if_fits(button_width("Copy"));
    if (ImGui::Button("Copy")) {
        p.copy_to_clipboard(p.console.copy_text(&p.worker_names), "Output copied to the clipboard");
    }
    p.controls.note("output:copy", ControlKind::button);
    same_line_if_fits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                      ImGui::CalcTextSize("Time").x);
    ImGui::Checkbox("Time", &p.console_show_meta);
    p.controls.note("output:time", ControlKind::toggle);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show each line's time and worker");

    // What was not kept, said plainly.
    const uint64_t printed = p.stats.output_lines;
    const uint64_t stored = p.output_next;
    if (printed > stored || p.console.dropped() > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 170, 60, 255));
        if (printed > stored)
            ImGui::Text("Output truncated: %llu lines printed, the first %llu kept (output limit).",
                        static_cast<unsigned long long>(printed),
                        static_cast<unsigned long long>(stored));
        if (p.console.dropped() > 0)
            ImGui::Text("%zu older lines dropped from this view (it keeps the last %zu).",
                        p.console.dropped(), p.console.max_lines());
        ImGui::PopStyleColor();
    }

    // The run's own notices (deadlock report, limits hit, errors): above the output, wrapped.
    if (!p.run_notices.empty()) {
        const bool bad = p.run && p.run->status() != engine::RunStatus::running &&
                         p.run->status() != engine::RunStatus::finished;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              bad ? IM_COL32(240, 110, 90, 255) : IM_COL32(240, 170, 60, 255));
        ImGui::PushTextWrapPos(0);
        for (size_t i = 0; i < p.run_notices.size() && i < 6; ++i)
            ImGui::TextUnformatted(p.run_notices[i].c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }

    ImGui::BeginChild("console", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(p.fonts.mono);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, 2));
    // A replay shows the lines printed by its moment (console line i is output line
    // i + dropped()); the rows are in output order.
    size_t rows = p.console_rows.size();
    const int64_t view_t = p.view_t_ns();
    if (view_t >= 0) {
        const size_t printed_by_t = p.replay.lines_at(view_t);
        const size_t upto =
            printed_by_t > p.console.dropped() ? printed_by_t - p.console.dropped() : 0;
        rows = static_cast<size_t>(
            std::lower_bound(p.console_rows.begin(), p.console_rows.end(), upto) -
            p.console_rows.begin());
    }
    if (p.console.size() == 0) {
        ImGui::TextDisabled(p.run ? (p.running() ? "(waiting for output...)" : "(no output)")
                                  : "Press Run (Ctrl+Enter) to start the sample.");
    } else if (rows == 0 && view_t >= 0) {
        ImGui::TextDisabled("(nothing printed yet at %s)",
                            format_duration(static_cast<double>(view_t)).c_str());
    }
    const bool show_worker = ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize("0").x * 62;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows));
    char meta[96];
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const size_t i = p.console_rows[static_cast<size_t>(r)];
            const auto& line = p.console.line(i);
            if (p.console_show_meta) {
                // Time always; the worker's name only when the panel is wide enough to keep
                // the text readable (it is also in the hover tooltip).
                if (show_worker) {
                    const char* worker = line.worker < p.worker_names.size()
                                             ? p.worker_names[line.worker].c_str()
                                             : "?";
                    std::snprintf(meta, sizeof meta, "%8.1f ms %-12.12s", line.t_ms, worker);
                } else {
                    std::snprintf(meta, sizeof meta, "%8.1f ms", line.t_ms);
                }
                ImGui::PushStyleColor(ImGuiCol_Text, faint_text_color());
                ImGui::TextUnformatted(meta);
                ImGui::PopStyleColor();
                ImGui::SameLine();
            }
            // A bar in the task's colour, then the text in a readable shade of it.
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 4, pos.y + h),
                                                      task_color(line.task));
            ImGui::Dummy(ImVec2(6, h));
            ImGui::SameLine();
            const std::string_view text = p.console.text(i);
            fallback_glyphs().note(p.fonts.mono, text);  // CJK, emoji...: added when first seen
            ImGui::PushStyleColor(ImGuiCol_Text, task_text_color(line.task));
            ImGui::TextUnformatted(text.data(), text.data() + text.size());
            ImGui::PopStyleColor();
            const bool hovered = ImGui::IsItemHovered();
            // A traceback's 'File "<main>", line N': a link to that line in the editor.
            if (const int at = traceback_line(text)) traceback_link(p, at, hovered);
            if (p.console_show_meta && !show_worker) {
                // Narrow panel: the worker after the (usually short) text instead of a column.
                const char* worker =
                    line.worker < p.worker_names.size() ? p.worker_names[line.worker].c_str() : "?";
                ImGui::SameLine(0, ImGui::GetFontSize());
                ImGui::PushStyleColor(ImGuiCol_Text, faint_text_color());
                ImGui::TextUnformatted(worker);
                ImGui::PopStyleColor();
            }
            if (hovered || ImGui::IsItemHovered()) {
                const char* worker =
                    line.worker < p.worker_names.size() ? p.worker_names[line.worker].c_str() : "?";
                std::string task = "(no task)";
                for (const auto& t : p.tasks)
                    if (t.id == line.task) task = t.name;
                ImGui::SetTooltip("%.3f ms  on %s  in %s", line.t_ms, worker, task.c_str());
            }
        }
    }
    clipper.End();
    if (rows < p.console_rows.size()) {  // a replay's moment: say what is still to come
        ImGui::PushStyleColor(ImGuiCol_Text, faint_text_color());
        ImGui::Text("... %zu more after %s (replay)", p.console_rows.size() - rows,
                    format_duration(static_cast<double>(view_t)).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    // Follow the tail unless the user scrolled up (ExampleAppLog's rule).
    if (p.console_autoscroll && ImGui::GetScrollY() >= ImGui::GetScrollMaxY())
        ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
}

}  // namespace interleave::ui
