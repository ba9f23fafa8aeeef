// Interleave UI — mouse-wheel deltas from the browser in the units the desktop reports.
//
// Desktop GLFW reports one notch of a mouse wheel as 1.0 (y > 0 = away from the user, x > 0 =
// left); ImGui scrolls 5 lines and the timeline zooms 1.25x per 1.0. A DOM WheelEvent reports
// distance instead: pixels (deltaMode 0: Chromium 100 per notch, trackpads a few at a time),
// lines (1: Firefox, 3 per notch) or pages (2), with y > 0 = towards the user. Emscripten 3.1.6's
// GLFW passes deltaX/deltaY through as they are, so the web backend converts them here.
//
// Checklist: pixel/line/page modes ✓, sign ✓, fractions kept (trackpads stay smooth) ✓,
// per-browser acceleration (macOS) ✗ (taken as the browser reports it).
// No ImGui, no platform: unit-tested in tests/ui/test_wheel.cpp.
#pragma once

namespace interleave::ui {

struct WheelNotches {
    float x = 0;  // GLFW's xoffset: notches, > 0 = left
    float y = 0;  // GLFW's yoffset: notches, > 0 = up (away from the user)
};

// DOM WheelEvent.deltaMode values.
enum WheelDeltaMode : int { wheel_pixel = 0, wheel_line = 1, wheel_page = 2 };

constexpr double kWheelPixelsPerLine = 100.0 / 3.0;  // Chromium's pixels per wheel line
constexpr double kWheelLinesPerNotch = 3.0;          // the usual OS setting; Firefox reports it

// Converts one WheelEvent's (deltaX, deltaY, deltaMode) to notches. An unknown mode is read as
// pixels. Any thread; pure.
WheelNotches wheel_from_dom(double delta_x, double delta_y, int delta_mode);

}  // namespace interleave::ui
