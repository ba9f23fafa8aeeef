// The whole app in headless ImGui frames, for what only the app decides: its one-key
// shortcuts (1-9 pick a sample, t/c/m a view) stay quiet while the desktop's File > Open
// dialog is up, whether its name field has the keyboard yet or not.
#include <doctest/doctest.h>

#include <string>

#include "ui/app.hpp"
#include "ui/editor_harness.hpp"  // GLFW key codes

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace {

constexpr int kO = 79, kS = 83;

struct AppHarness {
    ImGuiContext* ctx = ImGui::CreateContext();
    App* app = nullptr;

    AppHarness() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1400, 860);
        io.DeltaTime = 1.f / 60.f;
        io.KeyMap[ImGuiKey_Escape] = kEscape;
        io.KeyMap[ImGuiKey_Enter] = kEnter;
        io.KeyMap[ImGuiKey_Tab] = kTab;
        io.KeyMap[ImGuiKey_Backspace] = kBackspace;
        PlatformHooks hooks;  // the desktop's (backend_glfw.cpp), minus the window
        hooks.is_web = false;
        hooks.keys.o = kO;
        hooks.keys.s = kS;
        app = new App(std::move(hooks));
        app->init_style(1.f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        frames(2);
    }
    ~AppHarness() {
        delete app;
        ImGui::DestroyContext(ctx);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            app->frame(true);
            ImGui::Render();
        }
    }
    void key(int k, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[k] = true;
        frames(1);
        io.KeysDown[k] = false;
        frames(1);
        io.KeyCtrl = false;
    }
    std::string tab() const {
        const std::string j = app->ui_json();
        const size_t at = j.find("\"tab\": \"");
        return at == std::string::npos ? "?" : j.substr(at + 8, j.find('"', at + 8) - at - 8);
    }
};

}  // namespace

TEST_CASE("File > Open: what is typed in the dialog never picks a sample or a view") {
    AppHarness h;
    const std::string link = h.app->link();
    REQUIRE(h.tab() == "timeline");
    ImGuiIO& io = ImGui::GetIO();
    // Ctrl+O and, in the same frame, the start of a name (type-ahead: the dialog's field does
    // not have the keyboard yet).
    io.KeyCtrl = true;
    io.KeysDown[kO] = true;
    io.AddInputCharactersUTF8("2m");
    h.frames(1);
    io.KeysDown[kO] = false;
    io.KeyCtrl = false;
    h.frames(3);
    CHECK(h.app->link() == link);
    CHECK(h.tab() == "timeline");
    // A click in the dialog's list takes the keyboard from the field: still the dialog's.
    io.MousePos = ImVec2(700, 430);
    io.MouseDown[0] = true;
    h.frames(1);
    io.MouseDown[0] = false;
    h.frames(2);
    io.AddInputCharactersUTF8("3c4t");
    h.frames(3);
    CHECK(h.app->link() == link);
    CHECK(h.tab() == "timeline");
    // Esc closes it; now the same keys are shortcuts again (so the checks above can fail).
    h.key(kEscape);
    h.frames(2);
    io.AddInputCharactersUTF8("2m");
    h.frames(2);
    CHECK(h.app->link() != link);
    CHECK(h.tab() == "compare");
}
