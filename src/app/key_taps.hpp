// Key taps that fit between two frames.
//
// ImGui 1.86 reads key state once per frame (its input queue came in 1.87), so a key pressed
// and released between two frames — a quick tap at a few frames per second, or an automated
// keypress — would never be seen. These callbacks hold such a release back by one frame.
#pragma once

struct GLFWwindow;

namespace interleave::app {

// After ImGui_ImplGlfw_InitForOpenGL(window, true): routes key events through the deferral.
void install_key_taps(GLFWwindow* window);
// At the start of each frame, before ImGui::NewFrame: lets held-back releases through.
void key_taps_new_frame(GLFWwindow* window);

}  // namespace interleave::app
