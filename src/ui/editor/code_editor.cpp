// The code editor widget: focus, mouse and keys. The find bar is in code_editor_find.cpp,
// drawing in code_editor_draw.cpp. See code_editor.hpp for the contract.
#include "ui/editor/code_editor.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // active id, focus, key-claim masks, as InputText does

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/editor/utf8.hpp"

namespace interleave::ui {

namespace {

void append_utf8(std::string& out, unsigned c) {
    utf8::append(out, c);  // ImWchar is 32-bit (IMGUI_USE_WCHAR32): emoji arrive whole
}

bool pressed(int key_index) {
    return key_index >= 0 && ImGui::IsKeyPressed(key_index, true);
}
bool pressed(ImGuiKey_ key) {
    return pressed(ImGui::GetKeyIndex(key));
}

// ImGui picks the hovered window at NewFrame from the windows of the frames before, so for a
// frame or two after a popup closes (the file dialog, a menu) it still "covers" what was under
// it. A click into the editor then (a quick user, or a slow frame on a busy machine) would
// count as a click elsewhere: the editor would lose focus and the keys typed next be lost.
// Where the popup is no longer open, the rectangle under the mouse is what counts.
bool under_closed_popup(const ImRect& r) {
    const ImGuiContext& g = *GImGui;
    const ImGuiWindow* hw = g.HoveredWindow ? g.HoveredWindow->RootWindow : nullptr;
    return hw && (hw->Flags & ImGuiWindowFlags_Popup) &&
           !ImGui::IsPopupOpen(hw->PopupId, ImGuiPopupFlags_AnyPopupLevel) &&
           r.Contains(g.IO.MousePos);
}
}  // namespace

CodeEditor::CodeEditor() = default;

void CodeEditor::set_text(std::string_view text) {
    model_.set_text(text);
    scroll_to_caret_ = true;
}

void CodeEditor::blur() {
    focused_ = false;
    drag_ = Drag::none;
    if (ImGui::GetCurrentContext() && GImGui->ActiveId == id_ && id_ != 0) ImGui::ClearActiveID();
}

void CodeEditor::set_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    model_.clear_markers(MarkerKind::error);
    for (const Diagnostic& d : diagnostics) {
        if (d.line < 0 || d.line >= model_.line_count()) continue;
        Marker m;
        m.kind = MarkerKind::error;
        m.line = d.line;
        m.col_begin = d.col_begin;
        m.col_end = d.col_end;
        m.color = d.color;
        m.label = d.thread.empty() ? d.type : d.type + " in " + d.thread;
        m.detail = d.message;
        model_.add_marker(std::move(m));
    }
}

void CodeEditor::set_error(int line, int col_begin, int col_end, std::string type,
                           std::string message) {
    Diagnostic d;
    d.line = line;
    d.col_begin = col_begin;
    d.col_end = col_end;
    d.type = std::move(type);
    d.message = std::move(message);
    set_diagnostics({d});
}

void CodeEditor::go_to_line(int line) {
    model_.set_cursor(model_.clamp({line, 0}));
    scroll_to_caret_ = true;
    focus();
}

void CodeEditor::set_thread_markers(const std::vector<ThreadMarker>& markers) {
    model_.clear_markers(MarkerKind::thread);
    for (const auto& t : markers) {
        Marker m;
        m.kind = MarkerKind::thread;
        m.line = t.line;
        m.color = t.color;
        m.label = t.name;
        m.detail = t.state;
        m.style = static_cast<int>(t.activity);
        model_.add_marker(std::move(m));
    }
}

void CodeEditor::set_thread_lines(const std::vector<int>& lines, uint32_t color,
                                  const std::string& name) {
    model_.clear_markers(MarkerKind::thread_line);
    for (int l : lines) {
        if (l < 0 || l >= model_.line_count()) continue;  // the text changed since the run
        Marker m;
        m.kind = MarkerKind::thread_line;
        m.line = l;
        m.color = color;
        m.label = name;
        model_.add_marker(std::move(m));
    }
}

void CodeEditor::open_find() {
    find_open_ = true;
    find_focus_ = true;
    find_wait_frame_ = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    find_pending_.clear();
    const TextRange sel = model_.selection();
    find_start_ = sel.begin;
    if (!sel.empty() && sel.begin.line == sel.end.line) {
        const std::string s = model_.selected_text();
        const size_t n = std::min(s.size(), sizeof find_buf_ - 1);
        std::copy_n(s.data(), n, find_buf_);
        find_buf_[n] = 0;
    }
}

void CodeEditor::flush_input() {
    if (!focused_ || !config.ordered_keys) return;  // key state is per frame: nothing queued
    const TextPos c0 = model_.cursor(), a0 = model_.anchor();
    if (handle_queue()) last_edit_time_ = ImGui::GetTime();
    if (model_.cursor() != c0 || model_.anchor() != a0) {
        scroll_to_caret_ = true;
        caret_reset_time_ = ImGui::GetTime();
    }
}

void CodeEditor::paste_text(std::string_view text) {
    if (!focused_ || read_only) return;
    handle_queue();
    model_.paste(text);
    scroll_to_caret_ = true;
}

std::string CodeEditor::copy_text(bool cut) {
    if (!focused_) return {};
    handle_queue();
    if (cut && !read_only) {
        std::string s = model_.cut();
        scroll_to_caret_ = true;
        return s;
    }
    return model_.selected_text();
}

TextPos CodeEditor::pos_at_mouse(ImVec2 origin, float gutter_w) const {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int line = static_cast<int>(std::floor((m.y - origin.y) / line_h_));
    if (line < 0) return {0, 0};
    if (line >= model_.line_count()) return model_.end_pos();
    const float x = (m.x - origin.x - gutter_w) / char_w_;
    const int cells = std::max(0, static_cast<int>(std::floor(x + 0.5f)));
    return {line, model_.col_at_cells(line, cells)};
}

float CodeEditor::x_of(ImVec2 origin, float gutter_w, TextPos p) const {
    return origin.x + gutter_w + static_cast<float>(model_.cells(p.line, p.col)) * char_w_;
}

void CodeEditor::handle_mouse(bool hovered, ImVec2 origin, float gutter_w) {
    ImGuiIO& io = ImGui::GetIO();
    if (hovered && io.MouseClicked[0]) {
        focused_ = true;
        const TextPos p = pos_at_mouse(origin, gutter_w);
        const bool in_gutter = io.MousePos.x < view_min_.x + gutter_w;
        const int clicks = io.MouseClickedCount[0];
        if (in_gutter || clicks >= 3) {
            model_.select_line(p.line);
            drag_ = Drag::lines;
        } else if (clicks == 2) {
            model_.select_word_at(p);
            drag_ = Drag::words;
        } else {
            model_.set_cursor(p, io.KeyShift);
            drag_ = Drag::chars;
        }
        drag_origin_ = model_.selection();
        caret_reset_time_ = ImGui::GetTime();
    }
    if (drag_ == Drag::none) return;
    if (!io.MouseDown[0]) {
        drag_ = Drag::none;
        return;
    }
    if (io.MouseClicked[0]) return;  // the click itself is handled above
    const TextPos p = pos_at_mouse(origin, gutter_w);
    if (drag_ == Drag::chars) {
        model_.set_cursor(p, true);
    } else {
        // Extend by whole words or lines from the one first clicked.
        if (drag_ == Drag::words)
            model_.select_word_at(p);
        else
            model_.select_line(p.line);
        const TextRange unit = model_.selection();
        if (unit.begin < drag_origin_.begin)
            model_.set_selection(drag_origin_.end, unit.begin);
        else
            model_.set_selection(drag_origin_.begin, unit.end);
    }
    scroll_to_caret_ = true;  // dragging past an edge scrolls
}

void CodeEditor::apply_key(EditorKey key, unsigned mods) {
    const bool shift = mods & kModShift;
    const bool primary = mods & (config.mac ? kModSuper : kModCtrl);
    const bool word_mod = mods & (config.mac ? kModAlt : kModCtrl);
    const bool mac_cmd = config.mac && (mods & kModSuper);
    const bool edit = !read_only;
    using K = EditorKey;
    switch (key) {
        case K::left:
            mac_cmd    ? model_.move_home(shift)
            : word_mod ? model_.move_word_left(shift)
                       : model_.move_left(shift);
            break;
        case K::right:
            mac_cmd    ? model_.move_end(shift)
            : word_mod ? model_.move_word_right(shift)
                       : model_.move_right(shift);
            break;
        case K::up:
            mac_cmd ? model_.move_doc_start(shift) : model_.move_up(shift);
            break;
        case K::down:
            mac_cmd ? model_.move_doc_end(shift) : model_.move_down(shift);
            break;
        case K::home:
            primary ? model_.move_doc_start(shift) : model_.move_home(shift);
            break;
        case K::end:
            primary ? model_.move_doc_end(shift) : model_.move_end(shift);
            break;
        case K::page_up:
            model_.move_up(shift, page_lines_);
            break;
        case K::page_down:
            model_.move_down(shift, page_lines_);
            break;
        case K::backspace:
            if (edit) word_mod ? model_.delete_word_left() : model_.backspace();
            break;
        case K::del:
            if (edit) word_mod ? model_.delete_word_right() : model_.delete_forward();
            break;
        case K::enter:
            if (edit && !primary) model_.newline();  // Ctrl+Enter is the app's (run)
            break;
        case K::tab:
            if (edit && !(mods & kModCtrl)) shift ? model_.shift_tab() : model_.tab();
            break;
        case K::escape:
            if (find_open_)
                close_find();
            else
                blur();
            break;
        default:
            if (!primary) break;
            if (key == K::a) model_.select_all();
            if (key == K::z && edit) shift ? model_.redo() : model_.undo();
            if (key == K::y && edit) model_.redo();
            if (key == K::f) open_find();
            if (key == K::g && find_buf_[0]) model_.find_next(find_buf_, !shift, find_case_);
            if (key == K::slash && edit) model_.toggle_comment();
            if (config.clipboard_events) break;  // the platform's events do these
            if (key == K::c && model_.has_selection())
                ImGui::SetClipboardText(model_.selected_text().c_str());
            if (key == K::x && model_.has_selection() && edit)
                ImGui::SetClipboardText(model_.cut().c_str());
            if (key == K::v && edit) {
                const char* clip = ImGui::GetClipboardText();
                if (clip) model_.paste(clip);
            }
            break;
    }
}

bool CodeEditor::handle_key_state() {
    ImGuiIO& io = ImGui::GetIO();
    const unsigned mods = (io.KeyShift ? kModShift : 0) | (io.KeyCtrl ? kModCtrl : 0) |
                          (io.KeyAlt ? kModAlt : 0) | (io.KeySuper ? kModSuper : 0);
    using K = EditorKey;
    static constexpr std::pair<ImGuiKey_, K> named[] = {{ImGuiKey_LeftArrow, K::left},
                                                        {ImGuiKey_RightArrow, K::right},
                                                        {ImGuiKey_UpArrow, K::up},
                                                        {ImGuiKey_DownArrow, K::down},
                                                        {ImGuiKey_Home, K::home},
                                                        {ImGuiKey_End, K::end},
                                                        {ImGuiKey_PageUp, K::page_up},
                                                        {ImGuiKey_PageDown, K::page_down},
                                                        {ImGuiKey_Backspace, K::backspace},
                                                        {ImGuiKey_Delete, K::del},
                                                        {ImGuiKey_Enter, K::enter},
                                                        {ImGuiKey_KeyPadEnter, K::enter},
                                                        {ImGuiKey_Tab, K::tab},
                                                        {ImGuiKey_Escape, K::escape},
                                                        {ImGuiKey_A, K::a},
                                                        {ImGuiKey_C, K::c},
                                                        {ImGuiKey_V, K::v},
                                                        {ImGuiKey_X, K::x},
                                                        {ImGuiKey_Y, K::y},
                                                        {ImGuiKey_Z, K::z}};
    const uint64_t v0 = model_.version();
    for (const auto& [imkey, key] : named)
        if (pressed(imkey)) apply_key(key, mods);
    if (pressed(config.keys.f)) apply_key(K::f, mods);
    if (pressed(config.keys.g)) apply_key(K::g, mods);
    if (pressed(config.keys.slash)) apply_key(K::slash, mods);
    return model_.version() != v0;
}

bool CodeEditor::handle_queue() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.InputQueueCharacters.empty()) return false;
    const uint64_t v0 = model_.version();
    const bool ctrl_held = (config.mac ? io.KeySuper : io.KeyCtrl) && !io.KeyAlt;
    if (ImGui::GetTime() - last_edit_time_ > config.undo_pause_s) model_.close_undo_step();
    std::string ch;
    ImVector<ImWchar>& q = io.InputQueueCharacters;
    int i = 0;
    // The find field is about to take the keyboard: what is typed is its text (held until it
    // can take it). If it still has not after many frames, what was typed for it becomes its
    // query all the same (never the code's, never lost), and the editor types again. (A bar
    // closed meanwhile took its held text with it: close_find.)
    if (find_wait_frame_ >= 0 && ImGui::GetFrameCount() - find_wait_frame_ > 30)
        give_pending_to_query();
    i = hold_for_find(q, i);
    for (; i < q.Size; ++i) {
        const ImWchar c = q[i];
        if (config.ordered_keys && is_key_event(c)) {
            const auto key = key_of(c);
            const unsigned mods = (c >> 6) & 15;
            if (key == EditorKey::open_file || key == EditorKey::save_file) {
                command_ = key == EditorKey::open_file ? Command::open_file
                           : (mods & kModShift)        ? Command::save_as
                                                       : Command::save_file;
                ++i;
                break;  // what follows is typed into what the command opens
            }
            apply_key(key, mods);
            if (!focused_ || find_focus_) {   // Esc left, Ctrl+F: the rest is not ours
                i = hold_for_find(q, i + 1);  // (after Ctrl+F: the find field's)
                break;
            }
            continue;
        }
        // Control characters come as keys; Ctrl+letter is a shortcut (but Ctrl+Alt is AltGr
        // on Windows, and types text). In ordered mode text never carries Ctrl.
        if (c < 0x20 || c == 0x7F || (ctrl_held && !config.ordered_keys) || read_only) continue;
        ch.clear();
        append_utf8(ch, c);
        model_.type_text(ch);
    }
    if (i > 0) q.erase(q.Data, q.Data + i);
    return model_.version() != v0;
}

bool CodeEditor::draw(const char* str_id, ImVec2 size) {
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const uint64_t v0 = model_.version();
    ImGui::PushID(str_id);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = avail.x;
    if (size.y <= 0) size.y = avail.y;
    if (find_open_) {
        handle_find_bar();
        size.y -= ImGui::GetFrameHeightWithSpacing();
    } else {
        find_active_ = false;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
    ImGui::BeginChild("##text", size, false,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    window_ = w;
    id_ = w->GetID("##editor");
    line_h_ = std::round(ImGui::GetTextLineHeightWithSpacing() * 0.92f);
    char_w_ =
        ImGui::GetFont()->GetCharAdvance(' ') * ImGui::GetFontSize() / ImGui::GetFont()->FontSize;
    refresh_cache();

    int digits = 1;
    for (int n = model_.line_count(); n >= 10; n /= 10) ++digits;
    const float gutter_w = std::round(char_w_ * (static_cast<float>(std::max(digits, 3)) + 3.5f));
    const ImRect view = w->InnerRect;
    view_min_ = view.Min;
    view_max_ = view.Max;
    frame_max_ = w->Rect().Max;
    page_lines_ = std::max(1, static_cast<int>(view.GetHeight() / line_h_) - 1);

    // The content's size gives the scrollbars; the item is the visible area.
    ImGui::ItemSize(ImVec2(gutter_w + static_cast<float>(max_cells_ + 2) * char_w_,
                           static_cast<float>(model_.line_count() + 1) * line_h_));
    const ImVec2 origin = w->DC.CursorStartPos;  // line 0's top-left, scroll included
    ImGui::ItemAdd(view, id_, nullptr, ImGuiItemFlags_Inputable);
    const bool tabbed_in =
        (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0;
    const bool hovered = ImGui::ItemHoverable(view, id_) || under_closed_popup(view);
    if (hovered)
        g.MouseCursor = io.MousePos.x < view.Min.x + gutter_w ? ImGuiMouseCursor_Arrow
                                                              : ImGuiMouseCursor_TextInput;

    // --- Focus: gained by a click, Tab/nav activation or focus(); lost by a click elsewhere or
    // another widget becoming active (the scrollbars excepted).
    if (tabbed_in || g.NavActivateId == id_ || g.NavActivateInputId == id_ || focus_request_) {
        focused_ = true;
        focus_request_ = false;
    }
    const bool in_window = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) ||
                           under_closed_popup(w->Rect());
    if (focused_ && io.MouseClicked[0] && !in_window) blur();
    const ImGuiID scroll_x = ImGui::GetWindowScrollbarID(w, ImGuiAxis_X);
    const ImGuiID scroll_y = ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y);
    const bool scrolling = g.ActiveId == scroll_x || g.ActiveId == scroll_y;
    if (focused_ && g.ActiveId != 0 && g.ActiveId != id_ && !scrolling) focused_ = false;
    handle_mouse(hovered, origin, gutter_w);

    bool changed = false;
    if (!focused_ && config.ordered_keys) {
        // Key events meant for the editor that arrived as it lost focus: no one else's text.
        ImVector<ImWchar>& q = io.InputQueueCharacters;
        for (int i = 0; i < q.Size;)
            if (is_key_event(q[i]))
                q.erase(q.Data + i);
            else
                ++i;
    }
    if (focused_ && !scrolling) {
        if (g.ActiveId != id_) {
            ImGui::SetActiveID(id_, w);
            ImGui::SetFocusID(id_, w);
            ImGui::FocusWindow(w);
        }
        ImGui::KeepAliveID(id_);
        // Claim what InputTextMultiline claims, so keyboard navigation leaves these keys alone.
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) |
                                     (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        g.ActiveIdUsingNavInputMask |= (1 << ImGuiNavInput_Cancel);
        g.ActiveIdUsingKeyInputMask |= (1ull << ImGuiKey_Home) | (1ull << ImGuiKey_End) |
                                       (1ull << ImGuiKey_PageUp) | (1ull << ImGuiKey_PageDown) |
                                       (1ull << ImGuiKey_Tab);
        g.ActiveIdAllowOverlap = true;  // other widgets stay clickable; a click there blurs us
        g.WantTextInputNextFrame = 1;   // the app's one-key shortcuts stay quiet
        const TextPos c0 = model_.cursor(), a0 = model_.anchor();
        if (!config.ordered_keys) changed = handle_key_state();
        changed = handle_queue() || changed;
        if (changed) last_edit_time_ = ImGui::GetTime();
        if (changed || model_.cursor() != c0 || model_.anchor() != a0) {
            scroll_to_caret_ = true;
            caret_reset_time_ = ImGui::GetTime();
        }
    }
    if (changed || model_.version() != v0) refresh_cache();
    if (scroll_to_caret_) {
        scroll_to_caret(view.GetHeight(), view.GetWidth(), gutter_w);
        scroll_to_caret_ = false;
    }

    text_origin_ = ImVec2(origin.x + gutter_w, origin.y);
    const int first = std::max(0, static_cast<int>((view.Min.y - origin.y) / line_h_));
    const int last =
        std::min(model_.line_count() - 1, static_cast<int>((view.Max.y - origin.y) / line_h_));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_text(dl, origin, gutter_w, first, last);
    draw_gutter(dl, w->Pos, origin, gutter_w, first, last);

    ImGui::EndChild();
    ImGui::PopID();
    return model_.version() != v0;
}

void CodeEditor::scroll_to_caret(float view_h, float view_w, float gutter_w) {
    const TextPos c = model_.cursor();
    const float pad = ImGui::GetStyle().FramePadding.y;
    const float top = pad + static_cast<float>(c.line) * line_h_;
    const float sy = ImGui::GetScrollY();
    if (top < sy)
        ImGui::SetScrollY(top - pad);
    else if (top + line_h_ > sy + view_h)
        ImGui::SetScrollY(top + line_h_ - view_h + pad);
    const float x = static_cast<float>(model_.cells(c.line, c.col)) * char_w_;
    const float text_w = view_w - gutter_w - char_w_ * 2;
    const float sx = ImGui::GetScrollX();
    if (x < sx)
        ImGui::SetScrollX(std::max(0.f, x - char_w_ * 8));
    else if (x > sx + text_w)
        ImGui::SetScrollX(x - text_w + char_w_ * 8);
}

}  // namespace interleave::ui
