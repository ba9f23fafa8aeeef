// The sample's Python text: read-only, syntax-coloured, with line numbers. It is complete,
// runnable CPython (start/join/asyncio.run included) and follows the knobs.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/playground.hpp"

namespace interleave::ui {

void draw_code_panel(Playground& p) {
    const std::string& src = p.python_text;
    // Line starts, computed per frame (texts are short: tens of lines).
    std::vector<uint32_t> starts{0};
    for (uint32_t i = 0; i < src.size(); ++i)
        if (src[i] == '\n' && i + 1 < src.size()) starts.push_back(i + 1);

    if (ImGui::SmallButton("Copy code")) {
        ImGui::SetClipboardText(src.c_str());
        p.flash("Python code copied to the clipboard");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("runnable with python3 \xE2\x80\x94 what the run below simulates");
    ImGui::BeginChild("code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(p.fonts.mono);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float gutter = ImGui::CalcTextSize("000").x + ImGui::GetStyle().ItemSpacing.x * 2;
    const float space_w = ImGui::GetFont()->GetCharAdvance(static_cast<ImWchar>(' '));
    float max_w = 0;

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(starts.size()), line_h);
    size_t tok = 0;
    while (clipper.Step()) {
        // First token of the first visible line.
        const uint32_t first_begin = starts[static_cast<size_t>(clipper.DisplayStart)];
        tok = static_cast<size_t>(
            std::lower_bound(p.python_tokens.begin(), p.python_tokens.end(), first_begin,
                             [](const PySpan& t, uint32_t v) { return t.begin < v; }) -
            p.python_tokens.begin());
        for (int line = clipper.DisplayStart; line < clipper.DisplayEnd; ++line) {
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            char num[16];
            std::snprintf(num, sizeof num, "%3d", line + 1);
            dl->AddText(pos, faint_text_color(), num);
            const uint32_t lb = starts[static_cast<size_t>(line)];
            const uint32_t le = static_cast<size_t>(line) + 1 < starts.size()
                                    ? starts[static_cast<size_t>(line) + 1] - 1
                                    : static_cast<uint32_t>(src.size());
            float x_end = pos.x + gutter;
            while (tok < p.python_tokens.size() && p.python_tokens[tok].begin < le) {
                const PySpan& t = p.python_tokens[tok++];
                if (t.begin < lb) continue;
                // Column from the line start (tabs are not used in the samples' text; a tab
                // counts as four spaces here).
                float x = pos.x + gutter;
                int col = 0;
                for (uint32_t k = lb; k < t.begin; ++k) col += src[k] == '\t' ? 4 : 1;
                x += col * space_w;
                // Leading bytes of multi-byte characters make col an overestimate only for
                // non-ASCII lines; measure those exactly instead.
                bool ascii = true;
                for (uint32_t k = lb; k < t.begin; ++k)
                    if (static_cast<unsigned char>(src[k]) >= 0x80) ascii = false;
                if (!ascii)
                    x = pos.x + gutter +
                        ImGui::CalcTextSize(src.data() + lb, src.data() + t.begin).x;
                dl->AddText(ImVec2(x, pos.y), syntax_color(t.kind), src.data() + t.begin,
                            src.data() + t.end);
                x_end = x + ImGui::CalcTextSize(src.data() + t.begin, src.data() + t.end).x;
            }
            max_w = std::max(max_w, x_end - pos.x);
            ImGui::Dummy(ImVec2(std::max(max_w, 1.f), line_h - ImGui::GetStyle().ItemSpacing.y));
        }
    }
    clipper.End();
    ImGui::PopFont();
    ImGui::EndChild();
}

}  // namespace interleave::ui
