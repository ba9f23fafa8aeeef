// The frame's two layouts.
//
// Wide (desktop, laptop, landscape tablet): gallery | code + knobs over console | views, with
// draggable splitters. Narrow (below ~50 em: phones, portrait tablets): one column — a sample
// picker, the Run / Stop / Share / Export row, page buttons, and one page (knobs, code,
// output, or a view) filling the rest; app.cpp makes every control there at least 44 px tall
// (touch targets) and lets a finger drag scroll the panes.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/playground.hpp"

namespace interleave::ui {

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

const char* view_name(BottomTab t) {
    switch (t) {
        case BottomTab::timeline:
            return "Timeline";
        case BottomTab::cores:
            return "Cores";
        case BottomTab::compare:
            return "Compare";
    }
    return "";
}

void draw_view(Playground& p, BottomTab t) {
    // A finished simulated run's replay drives the views that show time.
    if (t != BottomTab::compare && p.replay_ready) {
        draw_replay_bar(p);
        ImGui::Separator();
    }
    switch (t) {
        case BottomTab::timeline:
            draw_timeline_panel(p);
            break;
        case BottomTab::cores:
            draw_cores_panel(p);
            break;
        case BottomTab::compare:
            draw_compare_panel(p);
            break;
    }
}

// The views as tabs (wide layout).
void views(Playground& p) {
    if (!ImGui::BeginTabBar("views")) return;
    // The request is read once: drawing the tab that is still selected updates p.tab.
    const bool request = p.tab_request;
    const BottomTab wanted = p.tab;
    for (BottomTab t : {BottomTab::timeline, BottomTab::cores, BottomTab::compare}) {
        const bool open = ImGui::BeginTabItem(
            view_name(t), nullptr,
            request && wanted == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None);
        std::string id = std::string("view:") + view_name(t);
        for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        p.controls.note(id, ControlKind::button);
        if (open) {
            p.tab = t;
            draw_view(p, t);
            ImGui::EndTabItem();
        }
    }
    p.tab_request = false;
    ImGui::EndTabBar();
}

// The narrow layout's sample picker: a combo the width of the screen, one tall row per sample.
void sample_picker(Playground& p, float w) {
    const auto& cat = samples::catalog();
    ImGui::SetNextItemWidth(w);
    const std::string preview = "Sample: " + p.current().title;
    const bool open =
        begin_combo(p, "sample-picker", "##sample", preview.c_str(), ImGuiComboFlags_HeightLargest);
    if (!open) return;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    for (size_t i = 0; i < cat.size(); ++i) {
        char label[160];
        std::snprintf(label, sizeof label, "%zu  %s", (i + 1) % 10, cat[i].title.c_str());
        const bool selected = p.sample == static_cast<int>(i);
        if (ImGui::Selectable(label, selected, 0, ImVec2(0, ImGui::GetFrameHeight())) &&
            (!selected || !p.file_path.empty() || p.other_tab_text_held()))
            p.request_sample(static_cast<int>(i));
        p.controls.note("sample:" + cat[i].id, ControlKind::button, selected);
        if (selected && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
    }
    ImGui::PopStyleVar();
    ImGui::EndCombo();
}

// The narrow layout's page buttons: one row of six, or two of three on a phone.
void page_buttons(Playground& p, float w) {
    struct Entry {
        const char* label;
        const char* id;
        Page page;
        BottomTab tab;
    };
    static const Entry entries[] = {
        {"Knobs", "page:knobs", Page::knobs, BottomTab::timeline},
        {"Code", "page:code", Page::code, BottomTab::timeline},
        {"Output", "page:output", Page::output, BottomTab::timeline},
        {"Timeline", "page:timeline", Page::views, BottomTab::timeline},
        {"Cores", "page:cores", Page::views, BottomTab::cores},
        {"Compare", "page:compare", Page::views, BottomTab::compare},
    };
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int per_row = (w - gap * 5) / 6 >= ImGui::GetFontSize() * 5.2f ? 6 : 3;
    const float bw = std::floor((w - gap * static_cast<float>(per_row - 1)) / per_row);
    for (int i = 0; i < 6; ++i) {
        const Entry& e = entries[i];
        const bool on = p.page == e.page && (e.page != Page::views || p.tab == e.tab);
        if (i % per_row) ImGui::SameLine();
        if (on)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(e.label, ImVec2(bw, 0))) {
            p.page = e.page;
            if (e.page == Page::views) p.tab = e.tab;
        }
        if (on) ImGui::PopStyleColor();
        p.controls.note(e.id, ControlKind::button);
    }
}

}  // namespace

void draw_wide_layout(Playground& p) {
    const float fs = ImGui::GetFontSize();
    const float t = std::round(fs * 0.5f);  // splitter thickness
    const float sy = ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Exactly the room left above the status bar (one line): the window never scrolls.
    const float body_h = std::max(avail.y - sy - ImGui::GetTextLineHeight(), fs * 10);

    if (p.gallery_w <= 0) p.gallery_w = std::round(std::clamp(avail.x * 0.2f, fs * 13, fs * 19));
    p.gallery_w = clampf(p.gallery_w, fs * 8, avail.x * 0.45f);
    const ImGuiWindowFlags child = ImGuiWindowFlags_None;

    ImGui::BeginChild("gallery", ImVec2(p.gallery_w, body_h), true, child);
    draw_gallery_panel(p);
    p.note_scroll("gallery");
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
    draw_actions(p, ImGui::GetContentRegionAvail().x, false);
    ImGui::Separator();
    draw_knobs_panel(p);
    p.note_scroll("knobs");
    ImGui::EndChild();

    splitter("split_top", false, t, &p.top_h, right_w);
    const float bottom_h = body_h - p.top_h - t - 2 * sy;  // the splitter's row has spacing
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
}

void draw_compact_layout(Playground& p) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::GetContentRegionAvail().x;
    sample_picker(p, w);
    draw_actions(p, w, true);
    page_buttons(p, w);
    // The request from a key (t/c/m) or "Run all models" shows that view.
    if (p.tab_request) {
        p.page = Page::views;
        p.tab_request = false;
    }
    const float h =
        std::max(ImGui::GetContentRegionAvail().y - st.ItemSpacing.y - ImGui::GetTextLineHeight(),
                 ImGui::GetFontSize() * 8);
    ImGui::BeginChild("page", ImVec2(0, h), true);
    switch (p.page) {
        case Page::knobs:
            draw_knobs_panel(p);
            break;
        case Page::code:
            draw_code_panel(p);
            break;
        case Page::output:
            draw_console_panel(p);
            break;
        case Page::views:
            draw_view(p, p.tab);
            break;
    }
    p.note_scroll("page");
    ImGui::EndChild();
}

}  // namespace interleave::ui
