// The code panel: the sample's Python text in the code editor (editor/code_editor.hpp), with
// Copy code, Find and — once edited — Reset. The text is complete, runnable CPython
// (start/join/asyncio.run included) and follows the knobs until it is edited.
//
// Until the Python interpreter runs programs, Run runs the sample's own code for its knobs;
// an edited text says so plainly above the editor, so no one thinks their edit ran.
#include <imgui.h>

#include "ui/playground.hpp"

namespace interleave::ui {

void draw_code_panel(Playground& p) {
    const bool edited = p.code_edited();
    if (ImGui::SmallButton("Copy code"))
        p.copy_to_clipboard(p.editor.text(), "Python code copied to the clipboard");
    ImGui::SameLine();
    if (ImGui::SmallButton("Find")) p.editor.open_find();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Find in the code (Ctrl+F)");
    if (edited) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Reset")) p.reset_code();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Back to the sample's own text for these knobs (Ctrl+Z undoes it)");
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 170, 60, 255));
        ImGui::TextUnformatted("edited \xE2\x80\x94 Run still runs the sample's own code");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextUnformatted(
                "This build cannot run edited Python yet: the playground's Python interpreter is "
                "still being built. Run runs the sample as its knobs set it, and the knobs no "
                "longer change your text. Your edit is kept (per sample) until you press Reset.");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    } else {
        ImGui::SameLine();
        ImGui::TextDisabled("runnable with python3 \xE2\x80\x94 what the run below simulates");
    }
    ImGui::PushFont(p.fonts.mono);
    p.editor.draw("code");
    ImGui::PopFont();
}

}  // namespace interleave::ui
