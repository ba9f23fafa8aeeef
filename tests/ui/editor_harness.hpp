// A headless Dear ImGui context for driving the code editor widget in tests and the bench:
// the font atlas is built in memory (GetTexDataAsRGBA32, no GL), keys use GLFW's codes as the
// app's backends do, the clipboard is a string, and each frame draws the editor in a
// full-screen window with the app's monospaced font. Input goes in as the backends feed it:
// io.KeysDown for keys (held for one frame), AddInputCharactersUTF8 for text, mouse position
// and buttons.
#pragma once

#include <imgui.h>

#include <string>

#include "ui/editor/code_editor.hpp"
#include "ui/theme.hpp"

namespace interleave::ui::test {

// GLFW's key codes (GLFW/glfw3.h), as both backends feed io.KeysDown.
enum Key : int {
    kSpace = 32,
    kSlash = 47,
    kA = 65,
    kC = 67,
    kF = 70,
    kG = 71,
    kV = 86,
    kX = 88,
    kY = 89,
    kZ = 90,
    kEscape = 256,
    kEnter = 257,
    kTab = 258,
    kBackspace = 259,
    kInsert = 260,
    kDelete = 261,
    kRight = 262,
    kLeft = 263,
    kDown = 264,
    kUp = 265,
    kPageUp = 266,
    kPageDown = 267,
    kHome = 268,
    kEnd = 269,
    kKeyPadEnter = 335,
};

enum Mod : unsigned { kNone = 0, kShift = 1, kCtrl = 2, kAlt = 4, kSuper = 8 };

class EditorHarness {
  public:
    explicit EditorHarness(ImVec2 display = ImVec2(900, 600)) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.f / 60.f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the app: Esc is also Cancel
        fonts_ = load_fonts(1.f);
        apply_theme(true, 1.f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // the atlas, built without GL
        const int map[][2] = {{ImGuiKey_Tab, kTab},
                              {ImGuiKey_LeftArrow, kLeft},
                              {ImGuiKey_RightArrow, kRight},
                              {ImGuiKey_UpArrow, kUp},
                              {ImGuiKey_DownArrow, kDown},
                              {ImGuiKey_PageUp, kPageUp},
                              {ImGuiKey_PageDown, kPageDown},
                              {ImGuiKey_Home, kHome},
                              {ImGuiKey_End, kEnd},
                              {ImGuiKey_Insert, kInsert},
                              {ImGuiKey_Delete, kDelete},
                              {ImGuiKey_Backspace, kBackspace},
                              {ImGuiKey_Space, kSpace},
                              {ImGuiKey_Enter, kEnter},
                              {ImGuiKey_Escape, kEscape},
                              {ImGuiKey_KeyPadEnter, kKeyPadEnter},
                              {ImGuiKey_A, kA},
                              {ImGuiKey_C, kC},
                              {ImGuiKey_V, kV},
                              {ImGuiKey_X, kX},
                              {ImGuiKey_Y, kY},
                              {ImGuiKey_Z, kZ}};
        for (const auto& m : map) io.KeyMap[m[0]] = m[1];
        io.ClipboardUserData = this;
        io.SetClipboardTextFn = [](void* self, const char* text) {
            static_cast<EditorHarness*>(self)->clipboard = text;
        };
        io.GetClipboardTextFn = [](void* self) {
            return static_cast<EditorHarness*>(self)->clipboard.c_str();
        };
        editor.config.keys = {kF, kG, kSlash};
    }
    ~EditorHarness() { ImGui::DestroyContext(ctx_); }
    EditorHarness(const EditorHarness&) = delete;
    EditorHarness& operator=(const EditorHarness&) = delete;

    // One frame: the editor fills a full-screen window.
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = mods_ & kCtrl;
        io.KeyShift = mods_ & kShift;
        io.KeyAlt = mods_ & kAlt;
        io.KeySuper = mods_ & kSuper;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("harness", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::PushFont(fonts_.mono);
        if (before_editor) before_editor();
        changed_last_frame = editor.draw("editor");
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();
        chars_left_after_frame = ImGui::GetIO().InputQueueCharacters.Size;
    }

    // Modifiers held down from the next frame on (kNone lets them go).
    void hold(unsigned mods) { mods_ = mods; }
    // A key pressed for one frame and released the next, with modifiers held across both.
    void key(int k, unsigned mods = kNone) {
        ImGuiIO& io = ImGui::GetIO();
        mods_ = mods;
        io.KeysDown[k] = true;
        frame();
        io.KeysDown[k] = false;
        frame();
        mods_ = kNone;
        frame();
    }
    // Text as a platform delivers it (a character callback, an IME commit).
    void type(const char* utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8);
        frame();
    }
    // A key in the character queue, as the web bridge sends it with config.ordered_keys
    // (code_editor.hpp key_event; `mods` kModShift/kModCtrl/...): read at the next frame, in
    // its place among the text queued around it.
    static void put_key(EditorKey k, unsigned mods = 0) {
        ImGui::GetIO().AddInputCharacter(key_event(k, mods));
    }
    // Types each character in its own frame (as keys come, one at a time).
    void type_slowly(std::string_view s) {
        for (size_t i = 0; i < s.size();) {
            size_t n = 1;
            while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
            const std::string one(s.substr(i, n));
            if (one == "\n")
                key(kEnter);
            else
                type(one.c_str());
            i += n;
        }
    }
    void mouse_move(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
    }
    void click(ImVec2 p, unsigned mods = kNone) {
        ImGuiIO& io = ImGui::GetIO();
        mods_ = mods;
        io.MousePos = p;
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        mods_ = kNone;
    }
    void drag(ImVec2 from, ImVec2 to) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = from;
        io.MouseDown[0] = true;
        frame();
        io.MousePos = to;
        frame();
        frame();
        io.MouseDown[0] = false;
        frame();
    }
    // Screen position of (line, col) in the editor as last drawn (middle of the line).
    ImVec2 at(int line, int col) const {
        const TextModel& m = editor.model();
        const ImVec2 o = editor.text_origin();
        return ImVec2(o.x + static_cast<float>(m.cells(line, col)) * editor.char_width() + 1,
                      o.y + (static_cast<float>(line) + 0.5f) * editor.line_height());
    }

    // Rebuilds the font atlas between frames, as main.cpp does on App::wants_restyle().
    void rebuild_fonts() {
        fonts_ = load_fonts(1.f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    const Fonts& fonts() const { return fonts_; }

    CodeEditor editor;
    std::string clipboard;
    bool changed_last_frame = false;
    int chars_left_after_frame = 0;
    void (*before_editor)() = nullptr;

  private:
    ImGuiContext* ctx_ = nullptr;
    Fonts fonts_;
    unsigned mods_ = kNone;
};

}  // namespace interleave::ui::test
