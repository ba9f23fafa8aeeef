// The bars around the panes: the header (title, theme, keys), the notice bar for what a share
// link could not load, and the status bar (run state, time, counts, the run's notices).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/editor/utf8.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

// `text` whole when it fits, else cut to `room` px with "..." (on a character's boundary: a
// cut inside a UTF-8 sequence draws a replacement mark); "" when not even a few characters fit
// (a phone's bar already full): the caller draws nothing rather than run past the edge.
std::string fit_width(const std::string& text, float room) {
    if (ImGui::CalcTextSize(text.c_str()).x <= room) return text;
    const float dots = ImGui::CalcTextSize("...").x;
    size_t keep = text.size();
    while (keep > 0 && ImGui::CalcTextSize(text.data(), text.data() + keep).x + dots > room)
        keep = keep * 9 / 10;
    while (keep > 0 && !utf8::is_boundary(text, keep)) --keep;
    if (keep < 4) return "";
    return text.substr(0, keep) + "...";
}

// The width left on this line after the last item, as ImGui::SameLine() would place the next.
float room_after_item(float right_edge) {
    return right_edge - ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
}

void keys_popup() {
    if (!ImGui::BeginPopup("keys")) return;
    ImGui::TextUnformatted("Ctrl+Enter   run the sample");
    ImGui::TextUnformatted("Esc          stop the run");
    ImGui::TextUnformatted("1 .. 9, 0    pick a sample (0 = the tenth)");
    ImGui::TextUnformatted("T / C / M    Timeline, Cores, Compare");
    ImGui::TextUnformatted("Tab          next control (Shift+Tab: previous)");
    ImGui::TextUnformatted("Space/Enter  press the focused button");
    ImGui::TextUnformatted("Arrows       move within a group; on a slider after Space,");
    ImGui::TextUnformatted("             change its value (Space again to finish)");
    ImGui::TextUnformatted("Ctrl+= / -   text size (Ctrl+0 resets)");
    ImGui::Separator();
    ImGui::TextUnformatted("In the code: Ctrl+Z / Ctrl+Y undo, redo; Tab / Shift+Tab");
    ImGui::TextUnformatted("indent; Ctrl+/ comment; Ctrl+F find; Esc leaves the editor.");
    ImGui::Separator();
    ImGui::TextUnformatted("Timeline: wheel zooms around the mouse, drag pans,");
    ImGui::TextUnformatted("Shift+wheel scrolls lanes, double-click fits the run.");
    ImGui::EndPopup();
}

}  // namespace

void draw_header(Playground& p) {
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(p.fonts.big);
    ImGui::TextUnformatted("Interleave");
    ImGui::PopFont();
    // "###theme": one ID whatever the label says, so the keyboard focus stays on it.
    const char* theme = p.dark ? "Light theme###theme" : "Dark theme###theme";
    const float theme_w = button_width(theme);
    const float keys_w = button_width("Keys");
    // File (desktop) and Aa (text size) come first.
    const float right = file_menu_width(p) + theme_w + keys_w + st.ItemSpacing.x * 2;
    const char* subtitle =
        "threads, processes and asyncio in Python \xE2\x80\x94 run them and watch";
    const float room =
        ImGui::GetWindowContentRegionMax().x - ImGui::GetItemRectMax().x + ImGui::GetWindowPos().x;
    if (room > ImGui::CalcTextSize(subtitle).x + right + fs * 2) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", subtitle);
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - right);
    draw_file_menu(p);
    ImGui::SameLine();
    if (ImGui::Button(theme)) {
        p.dark = !p.dark;
        apply_theme(p.dark, p.dpi);
    }
    p.controls.note("theme", ControlKind::button);
    ImGui::SameLine();
    if (ImGui::Button("Keys")) ImGui::OpenPopup("keys");
    p.controls.note("keys", ControlKind::button);
    keys_popup();
}

void draw_notice_bar(Playground& p) {
    if (p.link_notices.empty()) return;
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushStyleColor(ImGuiCol_ChildBg,
                          p.dark ? IM_COL32(92, 68, 20, 255) : IM_COL32(255, 240, 200, 255));
    const size_t shown = std::min<size_t>(p.link_notices.size(), 4);
    const float h = ImGui::GetFrameHeightWithSpacing() +
                    (static_cast<float>(shown) + (p.link_notices.size() > 4 ? 1 : 0)) *
                        ImGui::GetTextLineHeightWithSpacing() +
                    st.WindowPadding.y * 2;
    ImGui::BeginChild("notices", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    const float dismiss_w = ImGui::CalcTextSize("Dismiss").x + st.FramePadding.x * 2;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("The link was loaded, with changes:");
    ImGui::SameLine(
        std::max(ImGui::GetWindowContentRegionMax().x - dismiss_w, ImGui::GetCursorPosX() + fs));
    if (ImGui::Button("Dismiss")) p.link_notices.clear();
    p.controls.note("notices:dismiss", ControlKind::button);
    for (size_t i = 0; i < p.link_notices.size() && i < 4; ++i) {
        ImGui::Bullet();
        ImGui::TextUnformatted(p.link_notices[i].c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.link_notices[i].c_str());
    }
    if (p.link_notices.size() > 4)
        ImGui::TextDisabled("... and %zu more", p.link_notices.size() - 4);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_status_bar(Playground& p) {
    const float fs = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImU32 dot = faint_text_color();
    std::string state = "idle";
    if (p.run) {
        const engine::RunStatus st = p.run->status();
        state = engine::to_string(st);
        switch (st) {
            case engine::RunStatus::running:
                dot = IM_COL32(67, 176, 88, 255);
                break;
            case engine::RunStatus::finished:
                dot = IM_COL32(66, 140, 230, 255);
                break;
            case engine::RunStatus::stopped:
                dot = IM_COL32(200, 200, 200, 255);
                break;
            default:
                dot = IM_COL32(229, 75, 60, 255);
                break;
        }
        // A program that ended on an uncaught exception (or sys.exit(n)) did not just finish:
        // said with python3's exit status, the dot red (the error's own message leaves the bar
        // after a while; this stays).
        if (st == engine::RunStatus::finished && p.program_run && p.program_run->run() == p.run &&
            p.program_run->exit_code() != 0) {
            const auto e = p.program_run->error();
            state = e ? "ended with " + e->type
                      : "exited with code " + std::to_string(p.program_run->exit_code());
            dot = IM_COL32(229, 75, 60, 255);
        }
        if (!p.retiring.empty()) state += " (previous run stopping)";
    }
    dl->AddCircleFilled(ImVec2(pos.x + fs * 0.5f, pos.y + ImGui::GetTextLineHeight() * 0.5f),
                        fs * 0.35f, dot);
    ImGui::Dummy(ImVec2(fs, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    const float right_edge = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
    const bool message_shown =
        !p.status_message.empty() && ImGui::GetTime() < p.status_message_until;
    if (p.run) {
        const std::string el = format_duration(p.stats.wall_ms * 1e6);
        const char* sample =
            p.run_sample >= 0 ? samples::catalog()[static_cast<size_t>(p.run_sample)].title.c_str()
                              : "";
        p.status_line = std::string(sample) + ": " + state + ", " + el;
        const std::string line =
            fit_width(p.status_line, right_edge - ImGui::GetCursorScreenPos().x);
        ImGui::TextUnformatted(line.empty() ? "..." : line.c_str());
        if (!p.compact) {
            ImGui::SameLine();
            ImGui::TextDisabled("| %u tasks | %llu lines", p.stats.tasks,
                                static_cast<unsigned long long>(p.stats.output_lines));
        }
        if (p.stats.dropped_events > 0) {
            const std::string t = fit_width("| " + trace_full_text(p), room_after_item(right_edge));
            if (!t.empty()) {
                ImGui::SameLine();
                ImGui::TextColored(ImVec4(0.95f, 0.6f, 0.2f, 1), "%s", t.c_str());
            }
        }
        // One line: the first notice cut to fit; all of them in the tooltip and the console.
        // A phone's bar has room for one message: a status message, while shown, goes first.
        std::string n;
        if (!p.run_notices.empty() && !(p.compact && message_shown))
            n = fit_width("| " + p.run_notices.front(),
                          room_after_item(right_edge) - (p.compact ? 0 : fs * 16));
        if (!n.empty()) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 150, 60, 255));
            ImGui::TextUnformatted(n.c_str());
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(fs * 30);
                for (const auto& x : p.run_notices) ImGui::BulletText("%s", x.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    } else {
        ImGui::TextDisabled(p.compact ? "idle \xE2\x80\x94 press Run"
                                      : "idle \xE2\x80\x94 pick a sample, press Run");
    }
    // A long message (a path, a phone's narrow bar) is cut: whole in a tooltip.
    const std::string m = "| " + p.status_message;
    const std::string shown =
        message_shown ? fit_width(m, room_after_item(right_edge)) : std::string();
    if (!shown.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.45f, 0.68f, 1.0f, 1), "%s", shown.c_str());
        if (ImGui::IsItemHovered() && shown != m) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(fs * 40);
            ImGui::TextUnformatted(p.status_message.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    const char* keys =
        "Ctrl+Enter run  \xC2\xB7  Esc stop  \xC2\xB7  Tab moves  \xC2\xB7  0-9 samples";
    const float kw = ImGui::CalcTextSize(keys).x;
    if (!p.compact && ImGui::GetItemRectMax().x + kw + fs * 2 < right_edge) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - kw);
        ImGui::TextDisabled("%s", keys);
    }
}

}  // namespace interleave::ui
