#include "ui/wheel.hpp"

namespace interleave::ui {

WheelNotches wheel_from_dom(double delta_x, double delta_y, int delta_mode) {
    double per_notch = kWheelPixelsPerLine * kWheelLinesPerNotch;  // pixels: 100
    if (delta_mode == wheel_line) per_notch = kWheelLinesPerNotch;
    if (delta_mode == wheel_page) per_notch = 1.0;  // one page per notch, as the OS set it
    // The DOM's positive directions (right, down) are GLFW's negative ones.
    return {static_cast<float>(-delta_x / per_notch), static_cast<float>(-delta_y / per_notch)};
}

}  // namespace interleave::ui
