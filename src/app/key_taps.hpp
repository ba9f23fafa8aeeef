// Key events, one frame's worth at a time.
//
// ImGui 1.86 reads key state once per frame (its input queue came in 1.87), so a key pressed
// and released between two frames — a quick tap at a few frames per second, or an automated
// keypress — would never be seen, and a burst such as Ctrl+End, Return would reach ImGui as
// Ctrl+Return. These callbacks queue GLFW's key events; before each frame, events are let
// through in order until one would change what the frame already shows: a second change of
// the same key (so a tap is seen down for one frame, up the next), or a modifier changing after
// a key was pressed (so a chord keeps its modifiers, and the next key does not inherit them).
// The rest waits for the next frame. (As ImGui 1.87's input queue trickles events.)
//
// Tab goes to a handler first (set_tab_handler): ImGui 1.86 tabs only between text fields, so
// the app moves the keyboard focus itself; a key the handler takes never reaches ImGui (nor the
// key listener).
#pragma once

#include <functional>

struct GLFWwindow;

namespace interleave::app {

// After ImGui_ImplGlfw_InitForOpenGL(window, true): routes key events through the queue.
void install_key_taps(GLFWwindow* window);
// Before ImGui's NewFrame (after the platform's events are in): lets this frame's share of the
// queued key events through to ImGui.
void key_taps_begin_frame(GLFWwindow* window);
// Key events still queued for later frames (frame pacing keeps the frames coming meanwhile).
bool key_taps_pending();
// Also tells `listener` about every key event, as it arrives (the editor takes editing keys in
// typing order this way). Empty: none.
void set_key_listener(void (*listener)(int key, int action, int mods));
// Tab and Shift+Tab (also auto-repeat) go to `take(backwards)` first, as they arrive; when it
// returns true the key (press and release) is not passed on. Ctrl+Tab and Alt+Tab are passed on.
// Main thread (GLFW's callbacks).
void set_tab_handler(std::function<bool(bool backwards)> take);

}  // namespace interleave::app
