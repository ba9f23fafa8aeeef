#include "ui/controls.hpp"

#include <imgui_internal.h>  // nav focus: FocusWindow, SetFocusID, ActivateItem, ScrollToRect

#include <cmath>
#include <cstdio>

#include "samples/report.hpp"  // json_string

namespace interleave::ui {

const char* to_string(ControlKind k) {
    switch (k) {
        case ControlKind::button:
            return "button";
        case ControlKind::toggle:
            return "toggle";
        case ControlKind::slider:
            return "slider";
        case ControlKind::text:
            return "text";
        case ControlKind::area:
            return "area";
    }
    return "?";
}

void Controls::begin_frame() {
    last_.swap(current_);
    current_.clear();
    if (pending_tab_ != 0) {
        const int step = pending_tab_;
        pending_tab_ = 0;
        move_focus(step);
    }
}

void Controls::note(std::string id, ControlKind kind, bool tab_stop, bool keeps_tab) {
    ImGuiContext& g = *GImGui;
    note_item(std::move(id), kind, g.LastItemData.ID, g.CurrentWindow, g.LastItemData.Rect.Min,
              g.LastItemData.Rect.Max, tab_stop);
    current_.back().disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
    current_.back().keeps_tab = keeps_tab;
}

void Controls::note_item(std::string id, ControlKind kind, ImGuiID item, ImGuiWindow* window,
                         ImVec2 min, ImVec2 max, bool tab_stop, bool keeps_tab) {
    Control c;
    c.id = std::move(id);
    c.kind = kind;
    c.item = item;
    c.window = window;
    c.min = min;
    c.max = max;
    ImRect vis(c.min, c.max);
    vis.ClipWithFull(window->ClipRect);
    c.vis_min = vis.Min;
    c.vis_max = vis.Max;
    c.disabled = (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    c.tab_stop = tab_stop;
    c.keeps_tab = keeps_tab;
    current_.push_back(std::move(c));
}

const Control* Controls::find(const std::string& id) const {
    for (const Control& c : last_)
        if (c.id == id) return &c;
    return nullptr;
}

bool Controls::take_tab(bool backwards) {
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0)
        for (const Control& c : last_)
            if (c.item == g.ActiveId && c.keeps_tab) return false;
    pending_tab_ += backwards ? -1 : 1;
    return true;
}

void Controls::move_focus(int step) {
    ImGuiContext& g = *GImGui;
    const int n = static_cast<int>(last_.size());
    if (n == 0) return;
    int cur = -1;
    for (int i = 0; i < n; ++i)
        if (g.NavId != 0 && last_[static_cast<size_t>(i)].item == g.NavId) cur = i;
    // Without a visible focus the first Tab lands on the first (or, backwards, last) control.
    if (g.NavDisableHighlight) cur = -1;
    const int dir = step > 0 ? 1 : -1;
    auto eligible = [&](int i) {
        const Control& c = last_[static_cast<size_t>(i)];
        return c.tab_stop && !c.disabled && c.item != 0;
    };
    int at = cur;
    for (int moves = std::abs(step); moves > 0; --moves) {
        for (int k = 0; k < n; ++k) {
            at = at < 0 ? (dir > 0 ? 0 : n - 1) : (at + dir + n) % n;
            if (eligible(at)) break;
        }
    }
    if (at >= 0 && eligible(at)) focus_control(last_[static_cast<size_t>(at)]);
}

void Controls::focus_control(const Control& c) {
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId != c.item) ImGui::ClearActiveID();  // leave a text field
    ImGui::FocusWindow(c.window);
    ImGui::SetFocusID(c.item, c.window);
    c.window->NavRectRel[ImGuiNavLayer_Main] =
        ImGui::WindowRectAbsToRel(c.window, ImRect(c.min, c.max));
    g.NavDisableHighlight = false;  // show the focus ring
    g.NavDisableMouseHover = true;  // until the mouse moves, hover does not fight the ring
    // Into view in its window and the windows around it (ImGui scrolls the parents too).
    ImGui::ScrollToRect(c.window, ImRect(c.min, c.max), ImGuiScrollFlags_KeepVisibleEdgeY);
}

bool Controls::focus(const std::string& id) {
    const Control* c = find(id);
    if (!c || c->item == 0) return false;
    focus_control(*c);
    return true;
}

void Controls::enter_operates_buttons() {
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    if (io.KeyCtrl || io.KeyAlt || g.ActiveId != 0 || g.NavId == 0 || g.NavDisableHighlight) return;
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (!enter) return;
    for (const Control& c : last_)
        if (c.item == g.NavId && !c.disabled &&
            (c.kind == ControlKind::button || c.kind == ControlKind::toggle)) {
            ImGui::ActivateItem(c.item);  // operated when it is drawn next frame
            return;
        }
}

std::string Controls::focused() const {
    ImGuiContext& g = *GImGui;
    if (g.NavId == 0 || g.NavDisableHighlight) return "";
    for (const Control& c : last_)
        if (c.item == g.NavId) return c.id;
    return "";
}

std::string Controls::json_members(float scale) const {
    const float s = scale > 0 ? scale : 1.f;
    std::string j = "\"focus\": " + samples::json_string(focused()) + ", \"controls\": [";
    char buf[200];
    for (size_t i = 0; i < last_.size(); ++i) {
        const Control& c = last_[i];
        std::snprintf(buf, sizeof buf,
                      ", \"kind\": \"%s\", \"x\": %.1f, \"y\": %.1f, \"w\": %.1f, \"h\": %.1f, "
                      "\"visible\": %s, \"disabled\": %s}",
                      to_string(c.kind), c.min.x / s, c.min.y / s, (c.max.x - c.min.x) / s,
                      (c.max.y - c.min.y) / s, c.fully_visible() ? "true" : "false",
                      c.disabled ? "true" : "false");
        j += (i ? ", {\"id\": " : "{\"id\": ") + samples::json_string(c.id) + buf;
    }
    return j + "]";
}

std::vector<std::string> panes_cut_off() {
    std::vector<std::string> out;
    if (!ImGui::GetCurrentContext()) return out;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->WasActive || w->Hidden ||
            (w->Flags & (ImGuiWindowFlags_HorizontalScrollbar |
                         ImGuiWindowFlags_AlwaysHorizontalScrollbar | ImGuiWindowFlags_Tooltip)))
            continue;
        // How far the last frame's items reached (ImGui's own measure of the content), against
        // the width they had: a pixel of slack for rounding.
        const float reach = w->DC.CursorMaxPos.x - w->DC.CursorStartPos.x;
        if (reach > w->ContentRegionRect.GetWidth() + 1.f) out.push_back(w->Name);
    }
    return out;
}

}  // namespace interleave::ui
