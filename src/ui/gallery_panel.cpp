// The sample gallery: the article's five first, then the extras, each with its one-line
// "what you will see". Digits 1-9 and 0 pick them (handled in app.cpp).
#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/playground.hpp"

namespace interleave::ui {

void draw_gallery_panel(Playground& p) {
    const auto& cat = samples::catalog();
    bool article_header = false, extras_header = false;
    const float wrap = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < cat.size(); ++i) {
        const auto& s = cat[i];
        if (s.from_article && !article_header) {
            article_header = true;
            ImGui::TextDisabled("FROM THE ARTICLE");
        }
        if (!s.from_article && !extras_header) {
            extras_header = true;
            ImGui::Spacing();
            ImGui::TextDisabled("GOING FURTHER");
        }
        ImGui::PushID(static_cast<int>(i));
        const bool selected = p.sample == static_cast<int>(i);
        // One selectable per sample, tall enough for the title and the wrapped summary.
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float pad = ImGui::GetStyle().FramePadding.y;
        const float text_w = wrap - ImGui::GetStyle().FramePadding.x * 2;
        ImGui::PushFont(p.fonts.ui);
        const ImVec2 title_sz = ImGui::CalcTextSize(s.title.c_str());
        const float small = ImGui::GetFontSize();
        const ImVec2 sum_sz = ImGui::CalcTextSize(s.summary.c_str(), nullptr, false, text_w);
        ImGui::PopFont();
        const float h = title_sz.y + sum_sz.y + pad * 3;
        // With a file open the chosen sample can be picked again (its text replaces the file's),
        // and while another tab's text of it is held (that text is loaded: select_sample).
        if (ImGui::Selectable("##sample", selected, 0, ImVec2(wrap, h)) &&
            (!selected || !p.file_path.empty() || p.other_tab_text_held()))
            p.request_sample(static_cast<int>(i));
        // One Tab stop for the list (the chosen sample); arrows move within it.
        p.controls.note("sample:" + s.id, ControlKind::button, selected);
        if (ImGui::IsItemHovered() && i < 10)
            ImGui::SetTooltip("Press %d", static_cast<int>((i + 1) % 10));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float x = start.x + ImGui::GetStyle().FramePadding.x;
        if (i < 10) {
            char key[4];
            std::snprintf(key, sizeof key, "%d", static_cast<int>((i + 1) % 10));
            const ImVec2 ksz = ImGui::CalcTextSize(key);
            dl->AddText(ImVec2(start.x + wrap - ksz.x - 6, start.y + pad), faint_text_color(), key);
        }
        dl->AddText(ImVec2(x, start.y + pad), ImGui::GetColorU32(ImGuiCol_Text), s.title.c_str());
        // An edited text of this sample is kept (a draft, or the one in the editor): say so.
        const bool edited =
            (selected && p.file_path.empty()) ? p.code_edited() : p.drafts.count(s.id) > 0;
        if (edited) {
            // After the title, or right-aligned under the key when the title leaves no room.
            const float tag_w = ImGui::CalcTextSize("edited").x, gap = ImGui::GetFontSize() * 0.5f;
            const float after = x + ImGui::CalcTextSize(s.title.c_str()).x + gap;
            const float key_x = start.x + wrap - ImGui::GetFontSize() * 1.5f;
            const ImVec2 at = after + tag_w <= key_x ? ImVec2(after, start.y + pad)
                                                     : ImVec2(start.x + wrap - tag_w - 6,
                                                              start.y + pad * 2 + title_sz.y);
            dl->AddText(at, IM_COL32(240, 170, 60, 255), "edited");
        }
        dl->AddText(nullptr, 0, ImVec2(x, start.y + pad * 2 + title_sz.y), faint_text_color(),
                    s.summary.c_str(), nullptr, text_w);
        (void)small;
        ImGui::PopID();
    }
}

}  // namespace interleave::ui
