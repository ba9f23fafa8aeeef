// Interleave UI — frame pacing: when the app needs its next frame, so that an idle window or
// page costs (almost) nothing (issue #11 item 5: the idle web page drew 60 identical frames a
// second, ~1 core of SwiftShader raster in headless Chromium).
//
// The backends (src/app/backend_*.cpp) build a frame at every display refresh while the app is
// busy, and otherwise sleep until an input event or the time the pacer names:
//   - after every input event, automation call or asynchronous answer (wake()): every refresh
//     for at least kBusyS and kBusyFrames, so ImGui's multi-frame reactions (hover, popups that
//     size themselves, key and mouse state) and the app's follow at once;
//   - while the app says it is live (App::Activity: a run, a replay playing, views catching up,
//     fonts or input pending, a key or button held);
//   - while frames keep changing (the last frame differed from the one before: an animation,
//     a scroll or a view settling — the draw data fingerprint, App::frame_fingerprint);
//   - else at the app's own next change (a caret's blink, a message that expires), and at
//     least every kIdlePeriodS (a safety net for a change nothing announced).
// Separately, draw(): a frame identical to the one on screen is not drawn again.
//
// Pure logic on a caller's clock (seconds, any origin); main thread only. Costs nothing.
#pragma once

#include <cstdint>
#include <limits>

namespace interleave::ui {

class FramePacer {
  public:
    static constexpr double kBusyS = 0.3;        // full rate after an event, at least this long
    static constexpr int kBusyFrames = 12;       // ... and this many frames (a slow machine)
    static constexpr double kIdlePeriodS = 0.5;  // the longest sleep of an idle app
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    // What one built frame showed, for after_frame().
    struct Frame {
        bool live = false;  // the app wants the next refresh (App::Activity::live)
        // Seconds from now until the picture changes by itself (App::Activity::next_change_s);
        // kNever: not by itself.
        double next_change_s = kNever;
        // The frame's fingerprint (App::frame_fingerprint); 0: unknown (not built for drawing),
        // which counts as a change.
        uint64_t fingerprint = 0;
    };

    // An input event, an automation call, an asynchronous answer: full rate for a while.
    void wake(double now_s);
    // After each built frame: the time (on the caller's clock) of the next frame the app needs;
    // <= now_s means the next display refresh.
    double after_frame(double now_s, const Frame& f);
    // Whether a built frame with `fingerprint` must be drawn: it differs from the one on screen
    // (0 always draws). Call drawn() once it is.
    bool needs_draw(uint64_t fingerprint) const {
        return fingerprint == 0 || fingerprint != on_screen_;
    }
    void drawn(uint64_t fingerprint) { on_screen_ = fingerprint; }
    // The screen lost what it showed (resized canvas, a new context): the next frame draws.
    void forget_screen() { on_screen_ = 0; }
    // Whether the app is between an event and the end of its busy time (for tests, backends).
    bool busy(double now_s) const { return now_s < busy_until_s_ || busy_frames_ > 0; }

  private:
    double busy_until_s_ = 0;
    int busy_frames_ = kBusyFrames;  // the first frames of a window are busy
    uint64_t last_fingerprint_ = 0;
    uint64_t on_screen_ = 0;
};

// 64-bit hash helpers for fingerprints (not cryptographic; equal input, equal value).
uint64_t fingerprint_bytes(uint64_t h, const void* data, std::size_t size);

}  // namespace interleave::ui
