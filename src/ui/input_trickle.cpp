// Input events a frame's worth at a time (see input_trickle.hpp).
#include "ui/input_trickle.hpp"

namespace interleave::ui {

void InputTrickle::begin_frame(const std::function<void(const InputEvent&)>& deliver) {
    std::bitset<1024> changed;   // keys this frame has seen change
    std::bitset<1024> deferred;  // keys with a release left for the next frame
    bool key_pressed = false;
    bool any = false;
    for (auto it = queue_.begin(); it != queue_.end();) {
        const InputEvent e = *it;
        if (e.kind == InputEvent::Kind::mouse_button && e.action == InputEvent::press) {
            if (any || it != queue_.begin()) break;  // after what came before it is handled
            queue_.erase(it);
            deliver(e);
            break;  // what comes after it waits until the frame has seen the click
        }
        if (e.kind == InputEvent::Kind::key && e.code >= 0 &&
            static_cast<size_t>(e.code) < changed.size()) {
            const size_t k = static_cast<size_t>(e.code);
            // A key's release the frame cannot show (it saw the press) waits, and what follows
            // goes on without it: typed text flows at the pace of the platform's events, not one
            // character a frame. (A release makes no text and no editor key; a later event of
            // the same key, or a modifier, still waits behind it.)
            const bool skippable = e.action == InputEvent::release && !e.modifier;
            if (deferred[k] || (e.action != InputEvent::repeat && changed[k])) {
                if (!skippable) break;
                deferred.set(k);
                ++it;
                continue;
            }
            if (e.action != InputEvent::repeat) {
                if (e.modifier && key_pressed) break;  // keep the chord's modifiers
                changed.set(k);
                if (e.action == InputEvent::press && !e.modifier) key_pressed = true;
            }
        }
        it = queue_.erase(it);
        deliver(e);
        any = true;
    }
}

bool InputTrickle::press_queued(int button) const {
    for (const InputEvent& e : queue_)
        if (e.kind == InputEvent::Kind::mouse_button && e.action == InputEvent::press &&
            e.code == button)
            return true;
    return false;
}

}  // namespace interleave::ui
