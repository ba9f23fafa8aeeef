// Interleave app — draw_frame (see draw_frame.hpp).
#include "app/draw_frame.hpp"

#include "ui/gl.hpp"  // first: picks the GL headers for desktop or WebGL2
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace interleave::app {

FramebufferSize draw_frame(GLFWwindow* window) {
    FramebufferSize size;
    glfwGetFramebufferSize(window, &size.width, &size.height);
    glViewport(0, 0, size.width, size.height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x * 0.8f, bg.y * 0.8f, bg.z * 0.8f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return size;
}

}  // namespace interleave::app
