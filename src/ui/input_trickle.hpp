// Interleave UI — a platform's input events let through to ImGui 1.86 a frame's worth at a
// time, in the order they happened (the desktop's src/app/key_taps.cpp over GLFW's callbacks).
//
// ImGui 1.86 reads key and mouse state once per frame (its input queue came in 1.87), and the
// app decides where a key goes from what the last frame showed (the code editor takes editing
// keys in its character queue only while it has the keyboard). So a burst that arrives between
// two frames — a quick tap at a few frames per second, automation, a click and the key typed
// right after it — must not reach ImGui at once: events are let through in order until one
// would change what the frame already shows:
//  - a second change of the same key (a tap is seen down for one frame, up the next); a
//    release waiting so does not hold up what follows it (other keys, text), only the same
//    key's next event and modifiers;
//  - a modifier changing after a key was pressed (a chord keeps its modifiers, the next key
//    does not inherit them);
//  - a mouse button press after anything else (what came before it is handled where the
//    keyboard was), and anything after a press (what comes after it is handled once the frame
//    has seen the click: a key typed right after a click into the code editor is the editor's).
// Text (typed characters) goes with the keys around it, never on its own.
//
// Main thread only. Cost O(events).
#pragma once

#include <bitset>
#include <deque>
#include <functional>

namespace interleave::ui {

struct InputEvent {
    enum class Kind { key, text, mouse_button };
    Kind kind = Kind::key;
    enum Action { release = 0, press = 1, repeat = 2 };  // as GLFW's
    int action = press;
    int code = 0;           // key: the platform's key code (>= 0 and < 1024 to be ordered);
                            // mouse_button: the button; text: the code point
    int scancode = 0;       // key: the platform's scancode (passed through)
    int mods = 0;           // the platform's modifier bits (passed through)
    bool modifier = false;  // key: Shift, Ctrl, Alt or Super
};

class InputTrickle {
  public:
    void push(const InputEvent& e) { queue_.push_back(e); }
    // Before a frame's NewFrame: hands `deliver` this frame's share of the queued events, in
    // order (the platform passes each to ImGui's backend and its key listener).
    void begin_frame(const std::function<void(const InputEvent&)>& deliver);
    // Events still queued for later frames (frame pacing keeps the frames coming meanwhile).
    bool pending() const { return !queue_.empty(); }
    // A press of mouse `button` is still queued: the platform's backend, which polls the
    // buttons' state (ImGui 1.86's GLFW backend does), must show it up this frame.
    bool press_queued(int button) const;

  private:
    std::deque<InputEvent> queue_;
};

}  // namespace interleave::ui
