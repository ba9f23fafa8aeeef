// The playground application: the frame (which layout, touch and keyboard handling around it),
// keyboard shortcuts, and the automation verbs. Layouts are in layout.cpp, the bars in
// bars.cpp, panels in their own files; the state and run lifecycle in playground.cpp.
#include "ui/app.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // touch scrolling: hovered window, active item

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "samples/report.hpp"  // json_string
#include "ui/fallback_glyphs.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

struct App::Impl {
    Playground p;
    // The longest engine poll (Playground::poll: reading the run's events and output into the
    // views) and the longest whole App::frame (poll + building the UI; not the GL drawing) since
    // ui_json() last reported them: where a long main-thread task comes from (issue #8 item 7).
    mutable double poll_max_ms = 0, frame_max_ms = 0;
    mutable int frames = 0, drawn = 0;
};

namespace {

void keyboard(Playground& p) {
    ImGuiIO& io = ImGui::GetIO();
    file_shortcuts(p);
    if (io.KeyCtrl && !p.run_started_by_event &&
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
        p.start_run();
    // A modal dialog (desktop File > Open/Save) takes what is typed even while its name field
    // does not have the keyboard (type-ahead, or after a click in its list), and its Esc.
    const bool modal = p.file_dialog.is_open() || ImGui::GetTopMostPopupModal() != nullptr;
    // Esc stops the run, and a "Run all models" batch also between two of its runs.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !modal &&
        (p.running() || !p.run_all_queue.empty()))
        p.stop_run();
    // Digits as typed characters: backend-neutral, and never while a text field has focus.
    if (!io.WantTextInput && !modal && !io.KeyCtrl && !io.KeyAlt) {
        for (ImWchar c : io.InputQueueCharacters) {
            if (c >= '0' && c <= '9') {
                const int idx = c == '0' ? 9 : c - '1';  // 1..9, then 0 for the tenth
                if (idx < static_cast<int>(samples::catalog().size())) p.request_sample(idx);
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

// A finger dragging over a pane scrolls it (ImGui 1.86 scrolls only by wheel or scrollbar). A
// press on a button that turns into a drag scrolls instead of clicking; so does a mostly
// vertical drag that began on a slider (the knob goes back to its value before the touch).
// Splitters and the timeline keep their own drags.
void touch_scroll(Playground& p) {
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    if (!p.touch) return;
    if (io.MouseClicked[0]) p.knobs_at_touch = p.knobs;
    if (!io.MouseDown[0] || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8 * p.dpi)) return;
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0);
    bool slider = false;
    // A press on a pane's empty space makes the pane's "move" ID active (even unmovable panes).
    const bool on_blank = g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId;
    if (g.ActiveId != 0 && !on_blank) {
        const Control* c = nullptr;
        for (const Control& x : p.controls.drawn())
            if (x.item == g.ActiveId) c = &x;
        if (!c) return;  // a splitter, a scrollbar: it drags itself
        slider = c->kind == ControlKind::slider;
        const bool pressable = c->kind == ControlKind::button || c->kind == ControlKind::toggle;
        if (!pressable && !(slider && std::fabs(d.y) > std::fabs(d.x) * 1.5f)) return;
    }
    ImGuiWindow* w = g.HoveredWindow;
    while (w && !(w->ScrollMax.y > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr;
    if (!w) return;
    if (g.ActiveId != 0) ImGui::ClearActiveID();  // the press becomes a scroll, not a click
    if (slider && p.knobs != p.knobs_at_touch) p.set_knobs(p.knobs_at_touch);
    ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
}

// Narrow screens get the one-column layout, with every control at least 44 CSS px tall
// (a finger's target) and more room between rows.
void push_compact_style(const Playground& p) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(14 * p.dpi, std::ceil((44 * p.dpi - fs) * 0.5f)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * p.dpi, 8 * p.dpi));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 24 * p.dpi);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 10 * p.dpi);
}

}  // namespace

App::App(PlatformHooks hooks) : impl_(std::make_unique<Impl>()) {
    Playground& p = impl_->p;
    p.hooks = std::move(hooks);
    // The initial selection is not a change: do not overwrite a fragment the shell may be
    // about to load().
    // (std::exchange, not std::move: a moved-from std::function may still hold its target,
    // as libc++'s does for small callables.)
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab/arrows/Space
    auto notify = std::exchange(p.hooks.link_changed, nullptr);
    p.restore_drafts();  // the first sample shows its kept edit
    p.select_sample(0);
    p.hooks.link_changed = std::move(notify);
    CodeEditor::Config& ec = p.editor.config;
    ec.keys.f = p.hooks.keys.f;
    ec.keys.g = p.hooks.keys.g;
    ec.keys.slash = p.hooks.keys.slash;
    ec.mac = p.hooks.mac_shortcuts;
    ec.clipboard_events = p.hooks.clipboard_events;
    ec.ordered_keys = p.hooks.ordered_keys;
    if (p.hooks.load_font) {  // CJK, emoji...: font files fetched when first drawn
        fallback_glyphs().set_loader([load = p.hooks.load_font](int file, const char* name) {
            load(name, [file](std::vector<unsigned char> bytes) {
                fallback_glyphs().file_loaded(file, std::move(bytes));
            });
        });
    }
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

void App::frame(bool shown) {
    using Ms = std::chrono::duration<double, std::milli>;
    const auto t0 = std::chrono::steady_clock::now();
    Playground& p = impl_->p;
    p.shown = shown;
    p.renderer.begin_frame();
    p.controls.begin_frame();  // applies a pending Tab to last frame's controls
    p.scrolls.clear();
    p.take_other_drafts();  // another tab's kept edits, before this frame's own
    p.poll();
    impl_->poll_max_ms =
        std::max(impl_->poll_max_ms, Ms(std::chrono::steady_clock::now() - t0).count());
    p.editor.flush_input();  // what was typed before a shortcut is in the text it acts on
    editor_command(p, p.editor.take_command());
    keyboard(p);
    p.controls.enter_operates_buttons();
    touch_scroll(p);
    if (!p.fonts.ui) p.fonts.ui = p.fonts.mono = p.fonts.big = ImGui::GetFont();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    p.compact = vp->WorkSize.x < ImGui::GetFontSize() * 50;  // ~800 CSS px: phones, tablets
    if (p.compact) push_compact_style(p);
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    // The page itself never scrolls: its panes are sized to fit, and a wheel over a pane that
    // cannot scroll (ImGui passes it up to the parent) must not move the whole UI.
    ImGui::Begin("Interleave", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    draw_header(p);
    draw_notice_bar(p);
    if (p.compact)
        draw_compact_layout(p);
    else
        draw_wide_layout(p);
    draw_status_bar(p);
    p.note_scroll("main");
    ImGui::End();
    // The narrow layout's other pages leave the editor undrawn: it gives the keyboard back.
    if (p.editor.focused() && p.editor_drawn_frame != ImGui::GetFrameCount()) p.editor.blur();
    p.run_started_by_event = false;  // this frame has seen that press
    if (p.compact) ImGui::PopStyleVar(4);
    // Characters drawn this frame that no font in the atlas had: rebuilt between frames.
    if (fallback_glyphs().update(ImGui::GetTime())) p.restyle = true;
    p.store_drafts();  // this frame's edits are kept for the next start
    impl_->frame_max_ms =
        std::max(impl_->frame_max_ms, Ms(std::chrono::steady_clock::now() - t0).count());
    ++impl_->frames;
}

App::Activity App::activity() const {
    return pacing_activity(impl_->p);
}
uint64_t App::frame_fingerprint() const {
    return ui::frame_fingerprint(impl_->p);
}
void App::note_drawn() {
    ++impl_->drawn;
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
std::string App::link() const {
    return impl_->p.link();
}

std::string App::code() const {
    return impl_->p.editor.text();
}

void App::code_packed(int id, std::string payload) {
    impl_->p.code_packed(id, std::move(payload));
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
                  "\"undo\":%zu,\"redo\":%zu,\"edited\":%s,\"find_open\":%s,\"lines\":%d,"
                  "\"composition\":",
                  p.editor.focused() ? "true" : "false", m.cursor().line, m.cursor().col,
                  m.anchor().line, m.anchor().col, m.undo_depth(), m.redo_depth(),
                  p.code_edited() ? "true" : "false", p.editor.find_open() ? "true" : "false",
                  m.line_count());
    // The gutter's markers: errors and each thread's line (0-based lines, byte columns).
    std::string out(buf);
    out += samples::json_string(p.editor.composition());
    out += ",\"find\":" + samples::json_string(p.editor.find_text());
    out += ",\"drafts\":[";  // samples whose edited text is kept (the gallery marks them)
    for (auto it = p.drafts.begin(); it != p.drafts.end(); ++it)
        out += (it == p.drafts.begin() ? "" : ",") + samples::json_string(it->first);
    out += "]";
    {
        const ImGuiContext& g = *GImGui;
        const CodeEditor::FindHandover h = p.editor.find_handover();
        const int esc = ImGui::GetKeyIndex(ImGuiKey_Escape);
        char more[256];
        std::snprintf(more, sizeof more,
                      ",\"find_handover\":{\"waiting\":%s,\"frames\":%d,\"pending\":%d,"
                      "\"field\":%s,\"active\":\"%s\",\"nav_window\":\"%.40s\","
                      "\"esc_down\":%s,\"ctrl\":%s,\"frame\":%d}",
                      h.waiting ? "true" : "false", h.waited_frames, h.pending,
                      h.field_has_keyboard ? "true" : "false",
                      g.ActiveId == 0                          ? "none"
                      : g.ActiveId == p.editor.item_id()       ? "editor"
                      : g.ActiveId == p.editor.find_field_id() ? "find"
                                                               : "other",
                      g.NavWindow ? g.NavWindow->Name : "", g.IO.KeysDown[esc] ? "true" : "false",
                      g.IO.KeyCtrl ? "true" : "false", ImGui::GetFrameCount());
        out += more;
    }
    out += ",\"markers\":[";
    bool first = true;
    for (const Marker& k : m.markers()) {
        out += first ? "" : ",";
        first = false;
        out += "{\"kind\":\"" +
               std::string(k.kind == MarkerKind::error    ? "error"
                           : k.kind == MarkerKind::thread ? "thread"
                                                          : "thread_line") +
               "\",\"line\":" + std::to_string(k.line) +
               ",\"col_begin\":" + std::to_string(k.col_begin) +
               ",\"col_end\":" + std::to_string(k.col_end) +
               ",\"label\":" + samples::json_string(k.label) +
               ",\"detail\":" + samples::json_string(k.detail) + "}";
    }
    return out + "]}";
}

App::EditorGeometry App::editor_geometry() const {
    const CodeEditor& e = impl_->p.editor;
    EditorGeometry g;
    // Not drawn this frame (the narrow layout shows another page): an empty area, so the
    // page's own textarea hides.
    if (impl_->p.editor_drawn_frame != ImGui::GetFrameCount()) {
        g.dark = impl_->p.dark;
        return g;
    }
    g.focused = e.focused();
    g.find_keys = e.find_has_keyboard();
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
void App::editor_composition(std::string_view text) {
    impl_->p.editor.set_composition(text);
}

std::string App::open_file(const std::string& path) {
    Playground& p = impl_->p;
    if (p.file_unsaved()) {
        p.request_open(path);  // asks first (Save / Discard / Keep editing)
        return "";
    }
    std::string err = open_code_file(p, path);
    if (!err.empty()) p.flash(err, 8);
    return err;
}

bool App::request_quit() {
    return impl_->p.request_quit();
}
bool App::quit_confirmed() const {
    return impl_->p.quit_confirmed;
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

int App::start_export() {
    return impl_->p.start_export(false);
}

void App::release_export(int id) {
    for (auto& j : impl_->p.exports)
        if (j->id == id) j->released = true;  // freed at the next poll, never mid-iteration
}

bool App::take_tab(bool backwards) {
    // The code editor, while it has the keyboard, indents with Tab (Esc leaves it first).
    if (impl_->p.editor.focused()) return false;
    return impl_->p.controls.take_tab(backwards);
}

void App::set_touch(bool touch) {
    impl_->p.touch = touch;
}

bool App::run_pressed_at(float x, float y) {
    Playground& p = impl_->p;
    const Control* run = p.controls.find("run");
    // As ImGui's Button would decide it at the next frame: pressed on Run, released over it.
    if (!run || run->disabled || run->item == 0 || GImGui->ActiveId != run->item) return false;
    if (x < run->vis_min.x || y < run->vis_min.y || x >= run->vis_max.x || y >= run->vis_max.y)
        return false;
    p.start_run();
    p.run_started_by_event = true;
    return true;
}

bool App::run_keys_pressed() {
    Playground& p = impl_->p;
    if (ImGui::GetIO().WantTextInput) return false;  // a text field (the editor) has the keys
    p.start_run();
    p.run_started_by_event = true;
    return true;
}

std::string App::ui_json() const {
    const Playground& p = impl_->p;
    const float s = p.dpi;
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "{\"scale\": %.3f, \"font_px\": %.2f, \"layout\": \"%s\", \"touch\": %s, "
                  "\"dark\": %s, \"timeline\": {\"t0_ns\": %.1f, \"ns_per_px\": %.6g, "
                  "\"x0\": %.1f, \"follow\": %s, \"selected\": ",
                  s, ImGui::GetFontSize() / s, p.compact ? "compact" : "wide",
                  p.touch ? "true" : "false", p.dark ? "true" : "false", p.view.t0_ns,
                  p.view.ns_per_px * s, p.view.x0 / s, p.follow ? "true" : "false");
    std::string j = buf;
    // The thread selected on the timeline (its name) and the lanes as drawn (CSS px).
    const int sw = p.selected_worker;
    j += sw < 0 ? std::string("null")
                : samples::json_string(sw < int(p.worker_names.size())
                                           ? p.worker_names[size_t(sw)]
                                           : "worker " + std::to_string(sw));
    j += ", \"lanes\": [";
    for (size_t i = 0; i < p.timeline_lanes.size(); ++i) {
        const auto& l = p.timeline_lanes[i];
        // A thread lane's first and last moment with a state span (-1: none).
        double t0 = -1, t1 = -1;
        if (l.worker >= 0 && size_t(l.worker) < p.timeline.states.size() &&
            !p.timeline.states[size_t(l.worker)].empty()) {
            t0 = static_cast<double>(p.timeline.states[size_t(l.worker)].front().begin_ns);
            t1 = static_cast<double>(p.timeline.states[size_t(l.worker)].back().end_ns);
        }
        std::snprintf(buf, sizeof buf,
                      "%s{\"worker\": %d, \"y0\": %.1f, \"y1\": %.1f, \"t0_ns\": %.0f, "
                      "\"t1_ns\": %.0f, \"name\": ",
                      i ? ", " : "", l.worker, l.y0 / s, l.y1 / s, t0, t1);
        j += buf + samples::json_string(l.name) + "}";
    }
    std::snprintf(buf, sizeof buf,
                  "]}, \"trace_full_ns\": %lld, \"seen_until_ns\": %lld, \"caught_up\": %s, "
                  "\"scroll\": {",
                  static_cast<long long>(p.trace_full_ns),
                  static_cast<long long>(p.run ? p.seen_until_ns() : 0),
                  p.caught_up ? "true" : "false");
    j += buf;
    for (size_t i = 0; i < p.scrolls.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s\"%s\": {\"y\": %.1f, \"max\": %.1f}", i ? ", " : "",
                      p.scrolls[i].name, p.scrolls[i].y / s, p.scrolls[i].max / s);
        j += buf;
    }
    j += "}, \"status_line\": " + samples::json_string(p.status_line) + ", \"cut_off\": [";
    const std::vector<std::string> cut = panes_cut_off();
    for (size_t i = 0; i < cut.size(); ++i) j += (i ? ", " : "") + samples::json_string(cut[i]);
    Playground::PollCost& c = impl_->p.poll_cost;
    std::snprintf(buf, sizeof buf,
                  "], \"work\": {\"frames\": %d, \"drawn\": %d, \"poll_max_ms\": %.2f, "
                  "\"frame_max_ms\": %.2f, "
                  "\"housekeeping_max_ms\": %.2f, \"ingest_max_ms\": %.2f, \"finish_max_ms\": "
                  "%.2f, \"start_max_ms\": %.2f}, ",
                  impl_->frames, impl_->drawn, impl_->poll_max_ms, impl_->frame_max_ms,
                  c.housekeeping_ms, c.ingest_ms, c.finish_ms, c.start_ms);
    impl_->frames = impl_->drawn = 0;  // each report covers the frames since the previous one
    impl_->poll_max_ms = impl_->frame_max_ms = 0;
    c = {};
    // The replay (issue #11 item 4): its moment, what the console shows then, the moment's link.
    j += buf;
    if (p.replay_ready) {
        const int64_t vt = p.view_t_ns();
        const size_t lines = vt >= 0 ? p.replay.lines_at(vt) : p.replay.lines_at(p.replay.end_ns());
        std::snprintf(buf, sizeof buf,
                      "\"replay\": {\"t_ns\": %lld, \"end_ns\": %lld, \"view_t_ns\": %lld, "
                      "\"playing\": %s, \"speed\": %g, \"lines\": %zu, \"busy\": %d, "
                      "\"hover_ns\": %.0f, \"hover_span\": %s, \"link\": ",
                      static_cast<long long>(p.playback.t_ns),
                      static_cast<long long>(p.replay.end_ns()), static_cast<long long>(vt),
                      p.playback.playing ? "true" : "false", p.replay_speed, lines,
                      p.replay.busy_at(vt >= 0 ? vt : p.replay.end_ns()), p.timeline_hover_ns,
                      p.timeline_hover_span ? "true" : "false");
        j += buf + samples::json_string(p.moment_link()) + "}, ";
    } else {
        j += "\"replay\": null, ";
    }
    const char* const tabs[] = {"timeline", "cores", "compare"};
    j += std::string("\"tab\": \"") + tabs[static_cast<int>(p.tab) % 3] + "\", ";
    j += "\"glyphs\": " + fallback_glyphs().json() + ", ";
    return j + p.controls.json_members(s) + "}";
}

}  // namespace interleave::ui
