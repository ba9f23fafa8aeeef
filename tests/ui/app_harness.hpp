// The whole app (ui::App) in headless ImGui frames for tests: the desktop's hooks minus the
// window, the font atlas built in memory, GLFW key codes (editor_harness.hpp), clicks on the
// controls window.interleave.ui() names.
#pragma once

#include <doctest/doctest.h>
#include <imgui_internal.h>  // GetTopMostPopupModal

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

#include "ui/app.hpp"
#include "ui/editor_harness.hpp"  // GLFW key codes

namespace interleave::ui::test {

constexpr int kO = 79, kS = 83;

struct AppHarness {
    ImGuiContext* ctx = ImGui::CreateContext();
    App* app = nullptr;

    // `adjust`: changes to the desktop's hooks before the App is made (a font loader, ...).
    explicit AppHarness(const std::function<void(PlatformHooks&)>& adjust = nullptr) {
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
        if (adjust) adjust(hooks);
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
    // Clicks the control `id` (its rectangle as window.interleave.ui() reports it).
    void click(const std::string& id) {
        frames(2);  // a window that just appeared is sized and placed
        const std::string j = app->ui_json();
        const size_t at = j.find("{\"id\": \"" + id + "\"");
        REQUIRE_MESSAGE(at != std::string::npos, "no control ", id);
        float x = 0, y = 0, w = 0, hh = 0;
        const size_t k = j.find("\"x\": ", at);
        REQUIRE(std::sscanf(j.c_str() + k, "\"x\": %f, \"y\": %f, \"w\": %f, \"h\": %f", &x, &y, &w,
                            &hh) == 4);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x + w / 2, y + hh / 2);
        frames(1);
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(2);
    }
    // Runs the editor's text and polls frames until the run is over (it runs on its own
    // threads), at most 60 s; then three more frames draw its end.
    void run_to_end() {
        app->run();
        const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (app->run_active() && std::chrono::steady_clock::now() < limit) {
            frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a poll interval
        }
        frames(3);
        REQUIRE_FALSE(app->run_active());
    }
    void type(const char* s) {
        ImGui::GetIO().AddInputCharactersUTF8(s);
        frames(2);
    }
    bool asking() const { return ImGui::GetTopMostPopupModal() != nullptr; }
    std::string tab() const {
        const std::string j = app->ui_json();
        const size_t at = j.find("\"tab\": \"");
        return at == std::string::npos ? "?" : j.substr(at + 8, j.find('"', at + 8) - at - 8);
    }
};

}  // namespace interleave::ui::test
