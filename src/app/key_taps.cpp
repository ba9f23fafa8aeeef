#include "app/key_taps.hpp"

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

#include <bitset>
#include <deque>
#include <functional>
#include <utility>

namespace interleave::app {
namespace {

struct Event {
    int key, scancode, action, mods;
};
std::deque<Event> g_queue;
void (*g_listener)(int key, int action, int mods) = nullptr;
std::function<bool(bool)> g_take_tab;
bool g_tab_taken = false;  // the app took the last Tab press: its release is the app's too

void key_callback(GLFWwindow*, int key, int scancode, int action, int mods) {
    if (key == GLFW_KEY_TAB && g_take_tab) {
        if (action == GLFW_RELEASE && g_tab_taken) {
            g_tab_taken = false;
            return;
        }
        if (action != GLFW_RELEASE && !(mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT)) &&
            g_take_tab((mods & GLFW_MOD_SHIFT) != 0)) {
            g_tab_taken = true;
            return;
        }
    }
    if (g_listener) g_listener(key, action, mods);
    g_queue.push_back({key, scancode, action, mods});
}

bool is_modifier(int key) {
    return key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
}

}  // namespace

void install_key_taps(GLFWwindow* window) {
    glfwSetKeyCallback(window, key_callback);
}

void key_taps_begin_frame(GLFWwindow* window) {
    std::bitset<GLFW_KEY_LAST + 1> changed;
    bool key_pressed = false;
    while (!g_queue.empty()) {
        const Event e = g_queue.front();
        const bool known = e.key >= 0 && e.key <= GLFW_KEY_LAST;
        if (e.action != GLFW_REPEAT) {
            if (known && changed[static_cast<size_t>(e.key)]) break;  // seen this frame: next
            if (known && is_modifier(e.key) && key_pressed) break;    // keep the chord's mods
            if (known) changed.set(static_cast<size_t>(e.key));
            if (e.action == GLFW_PRESS && !is_modifier(e.key)) key_pressed = true;
        }
        g_queue.pop_front();
        ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
    }
}

bool key_taps_pending() {
    return !g_queue.empty();
}

void set_tab_handler(std::function<bool(bool backwards)> take) {
    g_take_tab = std::move(take);
}

void set_key_listener(void (*listener)(int key, int action, int mods)) {
    g_listener = listener;
}

}  // namespace interleave::app
