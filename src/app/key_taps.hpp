// Key taps that fit between two frames.
//
// ImGui 1.86 reads key state once per frame (its input queue came in 1.87), so a key pressed
// and released between two frames — a quick tap at a few frames per second, or an automated
// keypress — would never be seen. These callbacks hold such a release back until the frame
// that sees the key down has ended. (Letting it through at the start of the next frame was too
// early: events arrive before that frame's NewFrame, on the web between frames and on the
// desktop in glfwPollEvents.)
#pragma once

struct GLFWwindow;

namespace interleave::app {

// After ImGui_ImplGlfw_InitForOpenGL(window, true): routes key events through the deferral.
void install_key_taps(GLFWwindow* window);
// At the end of each frame, after ImGui::Render: lets held-back releases through.
void key_taps_end_frame(GLFWwindow* window);

}  // namespace interleave::app
