// The code editor's find bar (Ctrl+F): its field, the text typed while it takes the keyboard,
// and, with ordered keys (the web bridge), the field's keys in typing order. See
// code_editor.hpp for the contract.
#include <imgui.h>
#include <imgui_internal.h>  // the field's active id and its InputText state

#include <algorithm>
#include <string>

#include "ui/editor/code_editor.hpp"

namespace interleave::ui {

namespace {

bool printable(ImWchar c) {
    return c >= 0x20 && c != 0x7F && !is_key_event(c);
}

// The io.KeysDown index an ordered key stands for in the find field; -1: not the field's.
int field_key_index(EditorKey key) {
    using K = EditorKey;
    switch (key) {
        case K::left:
            return ImGui::GetKeyIndex(ImGuiKey_LeftArrow);
        case K::right:
            return ImGui::GetKeyIndex(ImGuiKey_RightArrow);
        case K::up:
            return ImGui::GetKeyIndex(ImGuiKey_UpArrow);
        case K::down:
            return ImGui::GetKeyIndex(ImGuiKey_DownArrow);
        case K::home:
            return ImGui::GetKeyIndex(ImGuiKey_Home);
        case K::end:
            return ImGui::GetKeyIndex(ImGuiKey_End);
        case K::page_up:
            return ImGui::GetKeyIndex(ImGuiKey_PageUp);
        case K::page_down:
            return ImGui::GetKeyIndex(ImGuiKey_PageDown);
        case K::backspace:
            return ImGui::GetKeyIndex(ImGuiKey_Backspace);
        case K::del:
            return ImGui::GetKeyIndex(ImGuiKey_Delete);
        case K::enter:
            return ImGui::GetKeyIndex(ImGuiKey_Enter);
        case K::a:
            return ImGui::GetKeyIndex(ImGuiKey_A);
        case K::c:
            return ImGui::GetKeyIndex(ImGuiKey_C);
        case K::v:
            return ImGui::GetKeyIndex(ImGuiKey_V);
        case K::x:
            return ImGui::GetKeyIndex(ImGuiKey_X);
        case K::y:
            return ImGui::GetKeyIndex(ImGuiKey_Y);
        case K::z:
            return ImGui::GetKeyIndex(ImGuiKey_Z);
        default:
            return -1;
    }
}

// With ordered keys, InputText sees only the key state of this frame's ordered key (pressed
// this frame, with its modifiers), or none: the platform's key state is hidden from it while
// it runs. The platform's key events are let through a frame per change (src/app/key_taps),
// so they lag the queue: a Backspace typed into the code a few frames before Ctrl+F would
// otherwise reach the field after it took the keyboard and delete what was typed there; a
// Ctrl still seen down would make it drop the text (ImGui 1.86 ignores characters then).
// The nav inputs NewFrame derived from those keys (NavEnableKeyboard: Esc -> Cancel, Space ->
// Activate, Enter -> Input) are hidden too: InputText reads Cancel as Esc (it reverts the
// field to its text at activation and lets go) and Activate/Input as Enter. The lagging Esc of
// "Esc, Ctrl+F, text" in one task reverted the text (CI, browser-e2e, the find bar).
class OrderedKeyState {
  public:
    OrderedKeyState(ImGuiIO& io, const EditorKeys& keys, int key_index, unsigned mods)
        : io_(io), saved_(io) {
        const int named[] = {
            ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow,     ImGuiKey_DownArrow,
            ImGuiKey_PageUp,    ImGuiKey_PageDown,   ImGuiKey_Home,        ImGuiKey_End,
            ImGuiKey_Insert,    ImGuiKey_Delete,     ImGuiKey_Backspace,   ImGuiKey_Space,
            ImGuiKey_Enter,     ImGuiKey_Escape,     ImGuiKey_KeyPadEnter, ImGuiKey_Tab,
            ImGuiKey_A,         ImGuiKey_C,          ImGuiKey_V,           ImGuiKey_X,
            ImGuiKey_Y,         ImGuiKey_Z};
        for (int k : named) hide(ImGui::GetKeyIndex(static_cast<ImGuiKey>(k)));
        std::copy_n(io.NavInputs, kNav, nav_);
        std::copy_n(io.NavInputsDownDuration, kNav, nav_duration_);
        std::copy_n(io.NavInputsDownDurationPrev, kNav, nav_prev_);
        std::fill_n(io.NavInputs, kNav, 0.f);
        std::fill_n(io.NavInputsDownDuration, kNav, -1.f);  // up (IsNavInputTest: nothing)
        std::fill_n(io.NavInputsDownDurationPrev, kNav, -1.f);
        hide(keys.f);
        hide(keys.g);
        hide(keys.slash);
        if (key_index >= 0 && key_index < IM_ARRAYSIZE(io.KeysDown)) {
            io.KeysDown[key_index] = true;
            io.KeysDownDuration[key_index] = 0.f;  // pressed this frame (IsKeyPressed)
            io.KeysDownDurationPrev[key_index] = -1.f;
        }
        io.KeyShift = (mods & kModShift) != 0;
        io.KeyCtrl = (mods & kModCtrl) != 0;
        io.KeyAlt = (mods & kModAlt) != 0;
        io.KeySuper = (mods & kModSuper) != 0;
        io.KeyMods =
            (io.KeyCtrl ? ImGuiKeyModFlags_Ctrl : 0) | (io.KeyShift ? ImGuiKeyModFlags_Shift : 0) |
            (io.KeyAlt ? ImGuiKeyModFlags_Alt : 0) | (io.KeySuper ? ImGuiKeyModFlags_Super : 0);
    }
    ~OrderedKeyState() {
        for (const Hidden& h : hidden_) {
            io_.KeysDown[h.index] = h.down;
            io_.KeysDownDuration[h.index] = h.duration;
            io_.KeysDownDurationPrev[h.index] = h.prev;
        }
        std::copy_n(nav_, kNav, io_.NavInputs);
        std::copy_n(nav_duration_, kNav, io_.NavInputsDownDuration);
        std::copy_n(nav_prev_, kNav, io_.NavInputsDownDurationPrev);
        io_.KeyShift = saved_.shift;
        io_.KeyCtrl = saved_.ctrl;
        io_.KeyAlt = saved_.alt;
        io_.KeySuper = saved_.super;
        io_.KeyMods = saved_.mods;
    }
    OrderedKeyState(const OrderedKeyState&) = delete;
    OrderedKeyState& operator=(const OrderedKeyState&) = delete;

  private:
    struct Hidden {
        int index;
        bool down;
        float duration, prev;
    };
    struct Mods {
        explicit Mods(const ImGuiIO& io)
            : shift(io.KeyShift),
              ctrl(io.KeyCtrl),
              alt(io.KeyAlt),
              super(io.KeySuper),
              mods(io.KeyMods) {}
        bool shift, ctrl, alt, super;
        ImGuiKeyModFlags mods;
    };
    void hide(int i) {
        if (i < 0 || i >= IM_ARRAYSIZE(io_.KeysDown)) return;
        for (const Hidden& h : hidden_)
            if (h.index == i) return;
        hidden_.push_back(
            {i, io_.KeysDown[i], io_.KeysDownDuration[i], io_.KeysDownDurationPrev[i]});
        io_.KeysDown[i] = false;
        io_.KeysDownDuration[i] = io_.KeysDownDurationPrev[i] = -1.f;
    }
    ImGuiIO& io_;
    Mods saved_;
    static constexpr int kNav = ImGuiNavInput_COUNT;
    ImVector<Hidden> hidden_;
    float nav_[kNav], nav_duration_[kNav], nav_prev_[kNav];  // every nav input, as NewFrame set it
};

}  // namespace

CodeEditor::FindHandover CodeEditor::find_handover() const {
    FindHandover h;
    h.waiting = find_wait_frame_ >= 0;
    if (h.waiting && ImGui::GetCurrentContext())
        h.waited_frames = ImGui::GetFrameCount() - find_wait_frame_;
    h.pending = find_pending_.Size;
    h.field_has_keyboard = find_active_;
    return h;
}

void CodeEditor::give_pending_to_query() {
    // As the field would have: the first character typed replaces the query Ctrl+F put there
    // (selected), Backspace deletes a character; other keys have nothing to act on.
    std::string q = find_buf_;
    bool replace = true, typed = false;
    for (const ImWchar c : find_pending_) {
        if (is_key_event(c)) {
            if (key_of(c) == EditorKey::backspace) {
                if (replace) q.clear();
                while (!q.empty() && (static_cast<unsigned char>(q.back()) & 0xC0) == 0x80)
                    q.pop_back();
                if (!q.empty()) q.pop_back();
                replace = false;
                typed = true;
            }
            continue;
        }
        if (!printable(c)) continue;
        if (replace) q.clear();
        replace = false;
        typed = true;
        char utf8[5];
        ImTextCharToUtf8(utf8, c);
        q += utf8;
    }
    find_pending_.clear();
    find_wait_frame_ = -1;
    size_t n = std::min(q.size(), sizeof find_buf_ - 1);
    while (n > 0 && n < q.size() && (static_cast<unsigned char>(q[n]) & 0xC0) == 0x80) --n;
    std::copy_n(q.data(), n, find_buf_);
    find_buf_[n] = 0;
    if (typed) select_match(find_start_);  // the same query typed again too, as the field does
}

void CodeEditor::select_match(TextPos from) {
    if (!find_buf_[0]) return;
    if (auto r = model_.find(find_buf_, from, true, find_case_)) {
        model_.set_selection(r->begin, r->end);
        scroll_to_caret_ = true;
    }
}

void CodeEditor::close_find() {
    find_open_ = find_focus_ = find_active_ = false;
    find_wait_frame_ = -1;  // what was typed for the field and not taken yet goes with it
    find_pending_.clear();
}

int CodeEditor::hold_for_find(ImVector<ImWchar>& q, int from) {
    for (; from < q.Size && find_wait_frame_ >= 0; ++from) {
        const ImWchar c = q[from];
        if (is_key_event(c) && key_of(c) == EditorKey::escape) {  // no find after all
            close_find();
        } else if (is_key_event(c) || printable(c)) {
            find_pending_.push_back(c);  // the field's, in order, once it has the keyboard
        }
    }
    return from;
}

void CodeEditor::handle_find_bar() {
    ImGuiIO& io = ImGui::GetIO();
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(fs * 12);
    const ImGuiID field = ImGui::GetID("##find");
    find_id_ = field;
    // The search start (VS Code's): where the caret was at Ctrl+F, or where the user put it
    // since in the code. A new query's first match is looked for from there, not from the
    // match Enter stepped to last.
    if (focused_ && find_wait_frame_ < 0) find_start_ = model_.selection().begin;
    // ImGui 1.86 focuses the field through a nav request answered a frame or two later; one
    // that is lost (another window focused meanwhile) is asked for again while text waits.
    const int waited = find_wait_frame_ >= 0 ? ImGui::GetFrameCount() - find_wait_frame_ : 0;
    if (find_focus_ || (waited >= 3 && waited % 3 == 0 && ImGui::GetActiveID() != field)) {
        ImGui::SetKeyboardFocusHere();
        find_focus_ = false;
    }
    if (waited > 30 && ImGui::GetActiveID() != field) give_pending_to_query();
    const std::string before = find_buf_;
    // InputText drops its focus on Esc inside the call: look before it.
    const bool was_active = ImGui::GetActiveID() == field;
    // Text typed since Ctrl+F: ImGui 1.86 activates a field focused from code with a nav
    // request, and in that frame it drops the queue's characters; so they are held until the
    // field is active at the start of a frame, then go first (replacing the prefilled query).
    ImVector<ImWchar>& q = io.InputQueueCharacters;
    if (find_wait_frame_ >= 0 && !was_active) {
        if (const int held = hold_for_find(q, 0); held > 0) q.erase(q.Data, q.Data + held);
    } else if (was_active && (find_wait_frame_ >= 0 || !find_pending_.empty())) {
        // The query (prefilled from the selection) selected, as a field reached by Tab:
        // 1.86 keeps a field's old selection when it activates the same field again.
        if (find_wait_frame_ >= 0)
            if (ImGuiInputTextState* st = ImGui::GetInputTextState(field)) st->SelectAll();
        find_pending_.reserve(find_pending_.Size + q.Size);
        for (const ImWchar c : q) find_pending_.push_back(c);
        q.swap(find_pending_);
        find_pending_.clear();
        find_wait_frame_ = -1;
    }
    // Ordered keys: the field takes the text typed before the first key, then that key (as a
    // key press this frame); what follows waits for the next frame (InputText reads a frame's
    // characters before its keys). Esc closes the bar and what follows is the editor's again
    // (it takes the keyboard below, this frame).
    int key_index = -1;
    unsigned key_mods = 0;
    ImVector<ImWchar> after_escape;
    bool escape = false, next = false, prev = false;
    if (config.ordered_keys && was_active) {
        for (int i = 0; i < q.Size; ++i) {
            if (!is_key_event(q[i])) continue;
            const EditorKey key = key_of(q[i]);
            key_mods = (q[i] >> 6) & 15;
            const bool shortcut = (key_mods & (config.mac ? kModSuper : kModCtrl)) != 0;
            // Ctrl+F selects the query before InputText reads the text: after earlier text, it
            // waits a frame. What follows goes to the editor (Esc) or waits for the next frame.
            const bool wait = key == EditorKey::f && shortcut && i > 0;
            ImVector<ImWchar>& rest = key == EditorKey::escape ? after_escape : find_pending_;
            for (int k = wait ? i : i + 1; k < q.Size; ++k) rest.push_back(q[k]);
            q.resize(i);
            if (wait) break;
            if (key == EditorKey::escape) {
                escape = true;
            } else if (key == EditorKey::f && shortcut) {  // Ctrl+F again: the query selected
                if (ImGuiInputTextState* st = ImGui::GetInputTextState(field)) st->SelectAll();
                find_start_ = model_.selection().begin;  // a new search, from the match shown
            } else if (key == EditorKey::g && shortcut) {
                ((key_mods & kModShift) ? prev : next) = true;
            } else if (key == EditorKey::open_file || key == EditorKey::save_file) {
                command_ = key == EditorKey::open_file ? Command::open_file
                           : (key_mods & kModShift)    ? Command::save_as
                                                       : Command::save_file;
            } else {
                key_index = field_key_index(key);  // Tab, Ctrl+/: not the field's
            }
            break;
        }
    }
    // Typed into this frame, even if the query came out the same ("alphab" typed over the
    // prefilled "alphab" still looks for it from the search start).
    bool typed = false;
    const auto field_input = [&] {
        return ImGui::InputTextWithHint(
            "##find", "find", find_buf_, sizeof find_buf_,
            ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackEdit,
            [](ImGuiInputTextCallbackData* d) {
                *static_cast<bool*>(d->UserData) = true;
                return 0;
            },
            &typed);
    };
    bool enter = false;
    if (config.ordered_keys) {
        OrderedKeyState keys(io, config.keys, key_index, key_mods);
        enter = field_input();
    } else {
        key_mods = io.KeyShift ? kModShift : 0;
        enter = field_input();
    }
    find_active_ = ImGui::IsItemActive();
    if (enter) {
        ((key_mods & kModShift) ? prev : next) = true;
        ImGui::SetKeyboardFocusHere(-1);  // keep typing in the find field
    }
    if (escape || (!config.ordered_keys && was_active &&
                   ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))) {
        close_find();  // text held for the field is gone with it (as Esc's revert)
        // The field lets go too: its own Esc (key state) may come a frame later, or never.
        if (ImGui::GetActiveID() == field) ImGui::ClearActiveID();
        focus();
        for (const ImWchar c : after_escape) q.push_back(c);
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) prev = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous match (Shift+Enter)");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Down)) next = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next match (Enter)");
    ImGui::SameLine();
    if (ImGui::Checkbox("Aa", &find_case_)) next = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match case");
    // Typing in the field searches as you type, from the search start.
    if (typed || before != find_buf_) select_match(find_start_);
    if ((next || prev) && find_buf_[0]) {
        model_.find_next(find_buf_, next, find_case_);
        scroll_to_caret_ = true;
    }
    ImGui::SameLine();
    const size_t n = find_buf_[0] ? model_.count_matches(find_buf_, find_case_, 10000) : 0;
    if (!find_buf_[0])
        ImGui::TextDisabled(" ");
    else if (n == 0)
        ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.35f, 1), "no match");
    else
        ImGui::TextDisabled(n >= 10000 ? "10000+ matches" : n == 1 ? "1 match" : "%zu matches", n);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - fs * 1.6f));
    if (ImGui::SmallButton("x")) {
        close_find();
        focus();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close (Esc)");
}

}  // namespace interleave::ui
