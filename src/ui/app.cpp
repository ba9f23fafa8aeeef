// The playground application: the frame's layout (gallery | code + knobs | console + views,
// with splitters), the notice bar, the status bar, keyboard shortcuts, and the automation
// verbs. Panels live in their own files; the state and run lifecycle in playground.cpp.
#include "ui/app.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // SplitterBehavior

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "ui/playground.hpp"

namespace interleave::ui {

struct App::Impl {
    Playground p;
};

namespace {

// A draggable bar between two panes; `size` is the first pane's extent (the caller clamps it
// on the next frame, when it knows the room available).
void splitter(const char* id, bool vertical, float thickness, float* size, float total) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 sz = vertical ? ImVec2(thickness, total) : ImVec2(total, thickness);
    ImGui::InvisibleButton(id, sz);
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    if (hovered || active)
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (active) {
        const ImVec2 d = ImGui::GetIO().MouseDelta;
        *size += vertical ? d.x : d.y;
    }
    const ImU32 col = ImGui::GetColorU32(active    ? ImGuiCol_SeparatorActive
                                         : hovered ? ImGuiCol_SeparatorHovered
                                                   : ImGuiCol_Separator);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (vertical) {
        const float x = pos.x + thickness * 0.5f;
        dl->AddLine(ImVec2(x, pos.y + 4), ImVec2(x, pos.y + total - 4), col,
                    hovered || active ? 3.f : 1.f);
    } else {
        const float y = pos.y + thickness * 0.5f;
        dl->AddLine(ImVec2(pos.x + 4, y), ImVec2(pos.x + total - 4, y), col,
                    hovered || active ? 3.f : 1.f);
    }
}

float clampf(float v, float lo, float hi) {
    return std::max(lo, std::min(v, std::max(lo, hi)));
}

void header(Playground& p) {
    ImGui::PushFont(p.fonts.big);
    ImGui::TextUnformatted("Interleave");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("threads, processes and asyncio in Python \xE2\x80\x94 run them and watch");
    const float fs = ImGui::GetFontSize();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - fs * (p.hooks.is_web ? 13.4f : 17.1f));
    draw_file_menu(p);  // File (desktop), Aa (text size)
    ImGui::SameLine();
    if (ImGui::Button(p.dark ? "Light theme" : "Dark theme", ImVec2(fs * 6.5f, 0))) {
        p.dark = !p.dark;
        apply_theme(p.dark, p.dpi);
    }
    ImGui::SameLine();
    if (ImGui::Button("Keys", ImVec2(fs * 3.5f, 0))) ImGui::OpenPopup("keys");
    if (ImGui::BeginPopup("keys")) {
        ImGui::TextUnformatted("Ctrl+Enter   run the sample");
        ImGui::TextUnformatted("Esc          stop the run");
        ImGui::TextUnformatted("1 .. 9       pick a sample");
        ImGui::TextUnformatted("T / C / M    Timeline, Cores, Compare");
        ImGui::TextUnformatted("Ctrl+= / -   text size (Ctrl+0 resets)");
        ImGui::Separator();
        ImGui::TextUnformatted("In the code: Ctrl+Z / Ctrl+Y undo, redo; Tab / Shift+Tab");
        ImGui::TextUnformatted("indent; Ctrl+/ comment; Ctrl+F find; Esc leaves the editor.");
        ImGui::Separator();
        ImGui::TextUnformatted("Timeline: wheel zooms around the mouse, drag pans,");
        ImGui::TextUnformatted("Shift+wheel scrolls lanes, double-click fits the run.");
        ImGui::EndPopup();
    }
}

void notice_bar(Playground& p) {
    if (p.link_notices.empty()) return;
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg,
                          p.dark ? IM_COL32(92, 68, 20, 255) : IM_COL32(255, 240, 200, 255));
    const float h = (static_cast<float>(std::min<size_t>(p.link_notices.size(), 5)) + 1) *
                        ImGui::GetTextLineHeightWithSpacing() +
                    10;
    ImGui::BeginChild("notices", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextUnformatted("The link was loaded, with changes:");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - fs * 5);
    if (ImGui::SmallButton("Dismiss")) p.link_notices.clear();
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

void status_bar(Playground& p) {
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
        if (!p.retiring.empty()) state += " (previous run stopping)";
    }
    dl->AddCircleFilled(ImVec2(pos.x + fs * 0.5f, pos.y + ImGui::GetTextLineHeight() * 0.5f),
                        fs * 0.35f, dot);
    ImGui::Dummy(ImVec2(fs, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    if (p.run) {
        const std::string el = format_duration(p.stats.wall_ms * 1e6);
        const char* sample =
            p.run_sample >= 0 ? samples::catalog()[static_cast<size_t>(p.run_sample)].title.c_str()
                              : "";
        ImGui::Text("%s: %s, %s", sample, state.c_str(), el.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("| %u tasks | %llu lines", p.stats.tasks,
                            static_cast<unsigned long long>(p.stats.output_lines));
        if (p.stats.dropped_events > 0) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.95f, 0.6f, 0.2f, 1), "| %llu trace events dropped",
                               static_cast<unsigned long long>(p.stats.dropped_events));
        }
        if (!p.run_notices.empty()) {
            // One line: the first notice cut to fit; all of them in the tooltip and the console.
            ImGui::SameLine();
            const float room =
                ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - fs * 16;
            std::string n = "| " + p.run_notices.front();
            while (n.size() > 8 && ImGui::CalcTextSize(n.c_str()).x > room)
                n.resize(n.size() * 9 / 10);
            if (n.size() < p.run_notices.front().size() + 2) n += "...";
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
        ImGui::TextDisabled("idle \xE2\x80\x94 pick a sample, press Run");
    }
    if (!p.status_message.empty() && ImGui::GetTime() < p.status_message_until) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.45f, 0.68f, 1.0f, 1), "| %s", p.status_message.c_str());
    }
    const char* keys = "Ctrl+Enter run  \xC2\xB7  Esc stop  \xC2\xB7  1-9 samples";
    const float kw = ImGui::CalcTextSize(keys).x;
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (used + kw + fs * 2 < ImGui::GetWindowContentRegionMax().x) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - kw);
        ImGui::TextDisabled("%s", keys);
    }
}

void keyboard(Playground& p) {
    ImGuiIO& io = ImGui::GetIO();
    file_shortcuts(p);
    if (io.KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
        p.start_run();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && p.running())
        p.stop_run();
    // Digits as typed characters: backend-neutral, and never while a text field has focus.
    if (!io.WantTextInput && !io.KeyCtrl && !io.KeyAlt) {
        for (ImWchar c : io.InputQueueCharacters) {
            if (c >= '1' && c <= '9') {
                const int idx = c - '1';
                if (idx < static_cast<int>(samples::catalog().size())) p.select_sample(idx);
            }
            // Views: t(imeline), c(ores), m (compare).
            const BottomTab tabs[] = {BottomTab::timeline, BottomTab::cores, BottomTab::compare};
            const char keys[] = {'t', 'c', 'm'};
            for (int k = 0; k < 3; ++k)
                if (c == static_cast<ImWchar>(keys[k]) || c == static_cast<ImWchar>(keys[k] - 32)) {
                    p.tab = tabs[k];
                    p.tab_request = true;
                }
        }
    }
}

void views(Playground& p) {
    if (ImGui::BeginTabBar("views")) {
        // The request is read once: drawing the tab that is still selected updates p.tab.
        const bool request = p.tab_request;
        const BottomTab wanted = p.tab;
        auto flags = [&](BottomTab t) {
            return request && wanted == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        };
        if (ImGui::BeginTabItem("Timeline", nullptr, flags(BottomTab::timeline))) {
            p.tab = BottomTab::timeline;
            draw_timeline_panel(p);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Cores", nullptr, flags(BottomTab::cores))) {
            p.tab = BottomTab::cores;
            draw_cores_panel(p);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Compare", nullptr, flags(BottomTab::compare))) {
            p.tab = BottomTab::compare;
            draw_compare_panel(p);
            ImGui::EndTabItem();
        }
        p.tab_request = false;
        ImGui::EndTabBar();
    }
}

}  // namespace

App::App(PlatformHooks hooks) : impl_(std::make_unique<Impl>()) {
    Playground& p = impl_->p;
    p.hooks = std::move(hooks);
    // The initial selection is not a change: do not overwrite a fragment the shell may be
    // about to load().
    // (std::exchange, not std::move: a moved-from std::function may still hold its target,
    // as libc++'s does for small callables.)
    auto notify = std::exchange(p.hooks.link_changed, nullptr);
    p.select_sample(0);
    p.hooks.link_changed = std::move(notify);
    CodeEditor::Config& ec = p.editor.config;
    ec.keys.f = p.hooks.keys.f;
    ec.keys.g = p.hooks.keys.g;
    ec.keys.slash = p.hooks.keys.slash;
    ec.mac = p.hooks.mac_shortcuts;
    ec.clipboard_events = p.hooks.clipboard_events;
    ec.ordered_keys = p.hooks.ordered_keys;
    if (p.hooks.load_setting) {
        const std::string v = p.hooks.load_setting("text_scale");
        const float scale = v.empty() ? 1.f : std::strtof(v.c_str(), nullptr);
        if (scale >= 0.7f && scale <= 2.5f) p.text_scale = scale;
    }
}

App::~App() {
    // Runs still going are asked to stop; their destructors join (shutdown only).
    Playground& p = impl_->p;
    if (p.run) p.run->stop();
    for (auto& r : p.retiring) r->stop();
}

void App::init_style(float dpi_scale) {
    Playground& p = impl_->p;
    // Every size follows both the screen's scale and the text size; the product is capped at
    // 4 (a 2048x4096 font atlas: WebGL2 only promises 2048, most devices take 4096+).
    const float dpi = dpi_scale > 0 ? dpi_scale : 1.f;
    p.dpi = std::min(dpi * p.text_scale, std::max(dpi, 4.f));
    p.fonts = load_fonts(p.dpi);
    apply_theme(p.dark, p.dpi);
    p.restyle = false;
}

bool App::wants_restyle() const {
    return impl_->p.restyle;
}

void App::init_gl() {
    impl_->p.renderer.init_gl();
}
void App::shutdown_gl() {
    impl_->p.renderer.shutdown_gl();
}

void App::frame() {
    Playground& p = impl_->p;
    p.renderer.begin_frame();
    p.poll();
    p.editor.flush_input();  // what was typed before a shortcut is in the text it acts on
    editor_command(p, p.editor.take_command());
    keyboard(p);
    if (!p.fonts.ui) p.fonts.ui = p.fonts.mono = p.fonts.big = ImGui::GetFont();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    ImGui::Begin("Interleave", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    header(p);
    notice_bar(p);

    const float fs = ImGui::GetFontSize();
    const float t = std::round(fs * 0.5f);  // splitter thickness
    const float status_h = ImGui::GetTextLineHeightWithSpacing() + 4;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float body_h = std::max(avail.y - status_h - ImGui::GetStyle().ItemSpacing.y, fs * 10);

    if (p.gallery_w <= 0) p.gallery_w = std::round(std::clamp(avail.x * 0.2f, fs * 13, fs * 19));
    p.gallery_w = clampf(p.gallery_w, fs * 8, avail.x * 0.45f);
    const ImGuiWindowFlags child = ImGuiWindowFlags_None;

    ImGui::BeginChild("gallery", ImVec2(p.gallery_w, body_h), true, child);
    draw_gallery_panel(p);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    splitter("split_gallery", true, t, &p.gallery_w, body_h);
    ImGui::SameLine(0, 0);

    ImGui::BeginGroup();
    const float right_w = avail.x - p.gallery_w - t;
    if (p.top_h <= 0) p.top_h = std::round(body_h * 0.47f);
    p.top_h = clampf(p.top_h, fs * 6, body_h - fs * 8);
    if (p.code_w <= 0) p.code_w = std::round(right_w * 0.60f);
    p.code_w = clampf(p.code_w, fs * 12, right_w - fs * 14);
    ImGui::BeginChild("code_panel", ImVec2(p.code_w, p.top_h), true, child);
    draw_code_panel(p);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    splitter("split_code", true, t, &p.code_w, p.top_h);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("knobs_panel", ImVec2(right_w - p.code_w - t, p.top_h), true, child);
    draw_knobs_panel(p);
    ImGui::EndChild();

    splitter("split_top", false, t, &p.top_h, right_w);
    const float bottom_h = body_h - p.top_h - t;
    if (p.console_w <= 0) p.console_w = std::round(right_w * 0.38f);
    p.console_w = clampf(p.console_w, fs * 10, right_w - fs * 16);
    ImGui::BeginChild("console_panel", ImVec2(p.console_w, bottom_h), true, child);
    draw_console_panel(p);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    splitter("split_console", true, t, &p.console_w, bottom_h);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("views_panel", ImVec2(right_w - p.console_w - t, bottom_h), true, child);
    views(p);
    ImGui::EndChild();
    ImGui::EndGroup();

    status_bar(p);
    ImGui::End();
}

std::string App::state_json() const {
    return impl_->p.state_json();
}
std::string App::load(std::string_view fragment) {
    return impl_->p.load_link(fragment);
}
void App::run() {
    impl_->p.start_run();
}
bool App::run_active() const {
    return impl_->p.running();
}

void App::stop() {
    impl_->p.stop_run();
}
std::string App::export_trace() const {
    const Playground& p = impl_->p;
    return p.run ? p.run->export_chrome_trace() : std::string();
}
std::string App::link() const {
    return impl_->p.link();
}

std::string App::code() const {
    return impl_->p.editor.text();
}

void App::set_code(std::string_view text) {
    TextModel& m = impl_->p.editor.model();
    m.select_all();
    m.paste(text);
    m.set_cursor({0, 0});
}

std::string App::editor_state_json() {
    Playground& p = impl_->p;
    const TextModel& m = p.editor.model();
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "{\"focused\":%s,\"line\":%d,\"col\":%d,\"anchor_line\":%d,\"anchor_col\":%d,"
                  "\"undo\":%zu,\"redo\":%zu,\"edited\":%s,\"find_open\":%s,\"lines\":%d}",
                  p.editor.focused() ? "true" : "false", m.cursor().line, m.cursor().col,
                  m.anchor().line, m.anchor().col, m.undo_depth(), m.redo_depth(),
                  p.code_edited() ? "true" : "false", p.editor.find_open() ? "true" : "false",
                  m.line_count());
    return buf;
}

App::EditorGeometry App::editor_geometry() const {
    const CodeEditor& e = impl_->p.editor;
    EditorGeometry g;
    g.focused = e.focused();
    g.dark = impl_->p.dark;
    g.caret_x = e.caret_screen_pos().x;
    g.caret_y = e.caret_screen_pos().y;
    g.line_h = e.line_height();
    g.x0 = e.view_min().x;
    g.y0 = e.view_min().y;
    g.x1 = e.frame_max().x;  // the scrollbars too: the page's textarea covers them
    g.y1 = e.frame_max().y;
    return g;
}

void App::editor_paste(std::string_view text) {
    impl_->p.editor.paste_text(text);
}

std::string App::open_file(const std::string& path) {
    std::string err = open_code_file(impl_->p, path);
    if (!err.empty()) impl_->p.flash(err, 8);
    return err;
}

std::string App::save_file(const std::string& path) {
    std::string err = save_code_file(impl_->p, path);
    if (!err.empty()) impl_->p.flash(err, 8);
    return err;
}

void App::set_plain_editor(bool on) {
    impl_->p.plain_editor = on;
    if (on) impl_->p.editor.blur();
}

void App::set_code_from_plain(std::string_view text) {
    TextModel& m = impl_->p.editor.model();
    const std::string old = m.text();
    // Replace only what differs (the common prefix and suffix stay), as one undo step.
    size_t a = 0;
    while (a < old.size() && a < text.size() && old[a] == text[a]) ++a;
    size_t b = 0;
    while (b < old.size() - a && b < text.size() - a &&
           old[old.size() - 1 - b] == text[text.size() - 1 - b])
        ++b;
    if (a == old.size() && a == text.size()) return;
    // Whole code points only: back off to boundaries.
    while (a > 0 && !utf8::is_boundary(old, a)) --a;
    while (b > 0 && !utf8::is_boundary(old, old.size() - b)) --b;
    m.replace({m.pos_at(a), m.pos_at(old.size() - b)}, text.substr(a, text.size() - a - b));
}

uint64_t App::code_version() const {
    return impl_->p.editor.model().version();
}

std::string App::editor_copy(bool cut) {
    return impl_->p.editor.copy_text(cut);
}

void App::copy_finished(int id, bool ok) {
    impl_->p.copy_finished(id, ok);
}

}  // namespace interleave::ui
