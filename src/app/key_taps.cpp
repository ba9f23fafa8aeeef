#include "app/key_taps.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <functional>
#include <utility>

#include "ui/input_trickle.hpp"

namespace interleave::app {
namespace {

ui::InputTrickle g_trickle;
void (*g_listener)(int key, int action, int mods) = nullptr;
std::function<bool(bool)> g_take_tab;
bool g_tab_taken = false;  // the app took the last Tab press: its release is the app's too

void key_callback(GLFWwindow*, int key, int scancode, int action, int mods) {
    ui::InputEvent e;
    e.kind = ui::InputEvent::Kind::key;
    e.code = key;
    e.scancode = scancode;
    e.action = action;
    e.mods = mods;
    e.modifier = key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
    g_trickle.push(e);
}
void char_callback(GLFWwindow*, unsigned c) {
    ui::InputEvent e;
    e.kind = ui::InputEvent::Kind::text;
    e.code = static_cast<int>(c);
    g_trickle.push(e);
}
void mouse_button_callback(GLFWwindow*, int button, int action, int mods) {
    ui::InputEvent e;
    e.kind = ui::InputEvent::Kind::mouse_button;
    e.code = button;
    e.action = action;
    e.mods = mods;
    g_trickle.push(e);
}

// An event let through: the Tab handler, the key listener and ImGui's backend see it now,
// with the focus the last frame left (a click before it has been seen by then).
void deliver(GLFWwindow* window, const ui::InputEvent& e) {
    switch (e.kind) {
        case ui::InputEvent::Kind::text:
            ImGui_ImplGlfw_CharCallback(window, static_cast<unsigned>(e.code));
            return;
        case ui::InputEvent::Kind::mouse_button:
            ImGui_ImplGlfw_MouseButtonCallback(window, e.code, e.action, e.mods);
            return;
        case ui::InputEvent::Kind::key:
            break;
    }
    if (e.code == GLFW_KEY_TAB && g_take_tab) {
        if (e.action == GLFW_RELEASE && g_tab_taken) {
            g_tab_taken = false;
            return;
        }
        if (e.action != GLFW_RELEASE && !(e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT)) &&
            g_take_tab((e.mods & GLFW_MOD_SHIFT) != 0)) {
            g_tab_taken = true;
            return;
        }
    }
    if (g_listener) g_listener(e.code, e.action, e.mods);
    ImGui_ImplGlfw_KeyCallback(window, e.code, e.scancode, e.action, e.mods);
}

}  // namespace

void install_key_taps(GLFWwindow* window) {
    glfwSetKeyCallback(window, key_callback);
    glfwSetCharCallback(window, char_callback);
    glfwSetMouseButtonCallback(window, mouse_button_callback);
}

void key_taps_begin_frame(GLFWwindow* window) {
    g_trickle.begin_frame([window](const ui::InputEvent& e) { deliver(window, e); });
}

void key_taps_after_backend_frame() {
    ImGuiIO& io = ImGui::GetIO();
    for (int b = 0; b < IM_ARRAYSIZE(io.MouseDown); ++b)
        if (g_trickle.press_queued(b)) io.MouseDown[b] = false;
}

bool key_taps_pending() {
    return g_trickle.pending();
}

void set_tab_handler(std::function<bool(bool backwards)> take) {
    g_take_tab = std::move(take);
}

void set_key_listener(void (*listener)(int key, int action, int mods)) {
    g_listener = listener;
}

}  // namespace interleave::app
