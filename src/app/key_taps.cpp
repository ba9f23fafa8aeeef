#include "app/key_taps.hpp"

#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

#include <bitset>
#include <vector>

namespace interleave::app {
namespace {

struct Release {
    int key, scancode, mods;
};
std::bitset<GLFW_KEY_LAST + 1> g_pressed_since_frame;
std::vector<Release> g_held_releases;

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    const bool known = key >= 0 && key <= GLFW_KEY_LAST;
    if (known && action == GLFW_RELEASE && g_pressed_since_frame[key]) {
        g_held_releases.push_back({key, scancode, mods});
        return;
    }
    if (known && action == GLFW_PRESS) g_pressed_since_frame.set(key);
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

}  // namespace

void install_key_taps(GLFWwindow* window) {
    glfwSetKeyCallback(window, key_callback);
}

void key_taps_end_frame(GLFWwindow* window) {
    // The frame that just ended saw these keys down; the next one sees them up.
    for (const Release& r : g_held_releases)
        ImGui_ImplGlfw_KeyCallback(window, r.key, r.scancode, GLFW_RELEASE, r.mods);
    g_held_releases.clear();
    g_pressed_since_frame.reset();
}

}  // namespace interleave::app
