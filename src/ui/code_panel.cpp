// The code panel: the sample's Python text in the code editor (editor/code_editor.hpp), with
// Copy code, Find and — once edited — Reset. The text is complete, runnable CPython
// (start/join/asyncio.run included); its knob values follow the knobs and the knobs follow
// them. Run runs this text through the interpreter, edited or not.
#include <imgui.h>
#include <imgui_internal.h>  // RenderNavHighlight: the editor's keyboard focus ring

#include <algorithm>

#include "ui/playground.hpp"

namespace interleave::ui {

namespace {
// The longest of `options` that fits before `right` (window x); the last one (shortest)
// otherwise. Returns its index.
size_t fitting(std::initializer_list<const char*> options, float right) {
    const float room = right - ImGui::GetCursorPosX() - ImGui::GetStyle().ItemSpacing.x;
    size_t i = 0;
    for (const char* o : options) {
        if (ImGui::CalcTextSize(o).x <= room) return i;
        ++i;
    }
    return options.size() - 1;
}
}  // namespace

void draw_code_panel(Playground& p) {
    const bool edited = p.code_edited();
    const float fs = ImGui::GetFontSize();
    // Narrow screens: full-size buttons (touch targets), small ones otherwise.
    auto button = [&](const char* label) {
        return p.compact ? ImGui::Button(label) : ImGui::SmallButton(label);
    };
    // Web: the plain-text editor (accessible mode) toggle, at the row's right end.
    const float plain_w =
        p.hooks.set_plain_editor ? std::max(fs * 6.5f, button_width("Code editor")) : 0;
    const float right = ImGui::GetContentRegionMax().x - plain_w;
    if (button("Copy code"))
        p.copy_to_clipboard(p.editor.text(), "Python code copied to the clipboard");
    p.controls.note("copy-code", ControlKind::button);
    ImGui::SameLine();
    if (button("Find")) p.editor.open_find();
    p.controls.note("find", ControlKind::button);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Find in the code (Ctrl+F)");
    if (edited) {
        ImGui::SameLine();
        if (button("Reset")) p.reset_code();
        p.controls.note("reset-code", ControlKind::button);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Back to the sample's own text for these knobs (Ctrl+Z undoes it)");
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 170, 60, 255));
        const size_t slash = p.file_path.find_last_of("/\\");
        const std::string what =
            p.file_path.empty() ? "edited"
                                : p.file_path.substr(slash == std::string::npos ? 0 : slash + 1) +
                                      (p.file_unsaved() ? " (unsaved)" : "");
        const std::string full = what + " \xE2\x80\x94 Run runs your text";
        const char* shown[] = {full.c_str(), what.c_str()};
        ImGui::TextUnformatted(shown[fitting({shown[0], shown[1]}, right)]);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextUnformatted(
                "Run runs the text as it is in the editor. The knobs still set the values at "
                "its top; a knob whose line you removed is gone. Your edit is kept (per sample) "
                "until you press Reset.");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    } else {
        ImGui::SameLine();
        const char* notes[] = {"runnable with python3 \xE2\x80\x94 Run runs this text",
                               "runnable with python3", ""};
        ImGui::TextDisabled("%s", notes[fitting({notes[0], notes[1], notes[2]}, right)]);
    }
    if (!p.file_path.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", p.file_path.c_str());
    if (plain_w > 0) {
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - plain_w));
        if (button(p.plain_editor ? "Code editor###plain" : "Plain text###plain")) {
            p.plain_editor = !p.plain_editor;
            p.hooks.set_plain_editor(p.plain_editor);
        }
        p.controls.note("plain-editor", ControlKind::button);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(p.plain_editor
                                  ? "Back to the code editor (colours, line numbers, markers)"
                                  : "A plain text box instead of this editor: for screen readers "
                                    "and phone keyboards");
    }
    // In accessible mode the page's textarea covers the editor, which keeps drawing (its
    // place is where the textarea goes) but takes no input.
    if (p.plain_editor) p.editor.blur();
    p.editor.read_only = p.plain_editor;
    ImGui::PushFont(p.fonts.mono);
    p.editor.draw("code");
    p.editor_drawn_frame = ImGui::GetFrameCount();
    ImGui::PopFont();
    // A Tab stop: the ring shows while the keyboard is on it; Enter or Space starts editing
    // (then Tab indents, Esc leaves and Tab goes on), so Tab never traps anyone in the code.
    if (!p.plain_editor) {
        const ImRect r(p.editor.view_min(), p.editor.frame_max());
        p.controls.note_item("code", ControlKind::text, p.editor.item_id(), p.editor.item_window(),
                             r.Min, r.Max, true, true);
        if (!p.editor.focused()) ImGui::RenderNavHighlight(r, p.editor.item_id());
    }
}

}  // namespace interleave::ui
