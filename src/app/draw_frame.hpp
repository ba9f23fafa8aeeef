// Interleave app — the end of every frame, the same on desktop and web: viewport to the
// framebuffer, clear to a shade of the theme's window colour, draw ImGui's draw data.
#pragma once

struct GLFWwindow;

namespace interleave::app {

struct FramebufferSize {
    int width = 0, height = 0;
};

// Draws the current ImGui draw data into `window`'s framebuffer; returns its size in pixels.
// Main thread, after ImGui::Render().
FramebufferSize draw_frame(GLFWwindow* window);

}  // namespace interleave::app
