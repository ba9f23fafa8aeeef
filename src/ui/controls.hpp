// Interleave UI — the controls a person can reach, named.
//
// Each frame, panels name their interactive items right after drawing them (`note("run",
// ...)`). The list, in drawing order, is
//  - the keyboard's Tab order: ImGui 1.86 tabs only between text fields of one window, so Tab
//    and Shift+Tab move ImGui's nav focus along this list instead, across panels; Enter operates
//    a focused button as Space does (1.86 gives buttons Space only); arrows stay ImGui's;
//  - what automation sees (window.interleave.ui(), tests): where each control is, whether it is
//    wholly visible, its size (touch targets), which one has the keyboard focus.
//
// Checklist: Tab/Shift+Tab across panels ✓, wrap-around ✓, disabled controls skipped ✓,
// scrolled into view ✓, Enter on buttons ✓, focus ring (ImGui's nav highlight) ✓,
// a text field keeps Tab when it asks to (the code editor) ✓, screen-reader names ✗ (ImGui
// draws pixels; the web editor's textarea mode is the accessible path).
//
// Main thread only; uses ImGui internals (imgui_internal.h) for nav focus.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

struct ImGuiWindow;

namespace interleave::ui {

enum class ControlKind : uint8_t {
    button,  // Button, Selectable, tab: Space or Enter operates it
    toggle,  // Checkbox, RadioButton: Space or Enter
    slider,  // Space: arrows change it, Space/Enter again to finish; Enter: type a value
    text,    // a text field: typing goes to it
    area,    // a canvas that pans and zooms itself (the timeline): pointer only, not a Tab stop
};
const char* to_string(ControlKind k);

struct Control {
    std::string id;  // stable name: "run", "share", "knob:io_ms", "sample:threading", ...
    ControlKind kind = ControlKind::button;
    ImGuiID item = 0;
    ImGuiWindow* window = nullptr;
    ImVec2 min, max;          // the item's rectangle, screen pixels
    ImVec2 vis_min, vis_max;  // the part its window does not clip away
    bool disabled = false;
    bool tab_stop = true;    // false: reachable by arrows inside its group, not by Tab
    bool keeps_tab = false;  // a text field that types Tab itself (the code editor)
    bool fully_visible() const {
        return vis_min.x <= min.x && vis_min.y <= min.y && vis_max.x >= max.x && vis_max.y >= max.y;
    }
};

class Controls {
  public:
    // At the start of a frame (after ImGui::NewFrame): the list drawn last frame becomes the
    // one Tab and automation read; a pending Tab is applied to it.
    void begin_frame();
    // Right after the ImGui item it names. Main thread, cheap (one vector push).
    void note(std::string id, ControlKind kind, bool tab_stop = true, bool keeps_tab = false);
    // The same for an item whose rectangle is gone by the time it returns (an open combo:
    // BeginCombo has begun its popup window): `item` in `window`, at [min, max].
    void note_item(std::string id, ControlKind kind, ImGuiID item, ImGuiWindow* window, ImVec2 min,
                   ImVec2 max, bool tab_stop = true, bool keeps_tab = false);

    // A Tab key press, between frames (the key callback). Returns false when the focused text
    // field keeps Tab for itself; otherwise the move happens at the next begin_frame().
    bool take_tab(bool backwards);
    // Enter on a focused button operates it (call once per frame, after begin_frame()).
    void enter_operates_buttons();
    // Moves the keyboard focus to the control named `id` (drawn last frame); false if none.
    bool focus(const std::string& id);

    const std::vector<Control>& drawn() const { return last_; }  // last complete frame
    const Control* find(const std::string& id) const;
    // Id of the control with the keyboard focus ring, "" if none is shown.
    std::string focused() const;
    // JSON members (no braces): "focus": id, "controls": [{"id", "kind", "x", "y", "w", "h",
    // "visible", "disabled"}], coordinates divided by `scale` (device -> CSS pixels on the web).
    std::string json_members(float scale) const;

  private:
    void move_focus(int step);
    void focus_control(const Control& c);
    std::vector<Control> last_, current_;
    int pending_tab_ = 0;  // +1 Tab, -1 Shift+Tab (several presses between frames add up)
};

// The windows (panes, popups) drawn in the last frame whose items reach past their right edge
// with no horizontal scrollbar to bring them into view: text or controls cut off (a line that
// should wrap, a row that should break). Their ImGui names ("Interleave/cores_1A2B3C4D"),
// for automation (window.interleave.ui().cut_off) and the narrow layout's tests. Between
// frames; O(windows).
std::vector<std::string> panes_cut_off();

}  // namespace interleave::ui
