// Key, text and mouse button events, one frame's worth at a time (ui/input_trickle.hpp has
// the rules): ImGui 1.86 reads input state once per frame, so a quick tap, a chord or a click
// with the key typed right after it would otherwise reach it merged or in the wrong order.
// These callbacks queue GLFW's events; before each frame, the frame's share is let through to
// ImGui's backend, the key listener and the Tab handler, in order. (As ImGui 1.87's input
// queue trickles events.)
//
// Tab goes to a handler first (set_tab_handler): ImGui 1.86 tabs only between text fields, so
// the app moves the keyboard focus itself; a key the handler takes never reaches ImGui (nor the
// key listener).
#pragma once

#include <functional>

struct GLFWwindow;

namespace interleave::app {

// After ImGui_ImplGlfw_InitForOpenGL(window, true): routes key, character and mouse button
// events through the queue (ImGui's backend gets them as they are let through).
void install_key_taps(GLFWwindow* window);
// Before ImGui's NewFrame (after the platform's events are in): lets this frame's share of the
// queued events through to ImGui.
void key_taps_begin_frame(GLFWwindow* window);
// After ImGui_ImplGlfw_NewFrame (which polls the mouse buttons): a button whose press is
// still queued is shown up, so the frame does not see a click that comes after its keys.
void key_taps_after_backend_frame();
// Events still queued for later frames (frame pacing keeps the frames coming meanwhile).
bool key_taps_pending();
// Also tells `listener` about every key event as it is let through, before ImGui (the editor
// takes editing keys in typing order this way, when the last frame left it the keyboard).
// Empty: none.
void set_key_listener(void (*listener)(int key, int action, int mods));
// Tab and Shift+Tab (also auto-repeat) go to `take(backwards)` first, as let through; when it
// returns true the key (press and release) is not passed on. Ctrl+Tab and Alt+Tab are passed on.
// Main thread (key_taps_begin_frame, before NewFrame).
void set_tab_handler(std::function<bool(bool backwards)> take);

}  // namespace interleave::app
