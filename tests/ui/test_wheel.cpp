// Browser wheel deltas become the desktop's notches: one notch is 1.0 whatever the browser's
// unit, the sign is GLFW's, and a trackpad's small deltas stay small (smooth, not one notch).
#include <doctest/doctest.h>

#include "ui/wheel.hpp"

using interleave::ui::wheel_from_dom;

TEST_CASE("wheel: one notch of a mouse wheel is 1.0 in every DOM delta mode") {
    // Chromium: 100 px per notch; Firefox: 3 lines; "one page at a time" setting: 1 page.
    CHECK(wheel_from_dom(0, 100, 0).y == doctest::Approx(-1.0));  // down, towards the user
    CHECK(wheel_from_dom(0, -100, 0).y == doctest::Approx(1.0));  // up
    CHECK(wheel_from_dom(0, 3, 1).y == doctest::Approx(-1.0));
    CHECK(wheel_from_dom(0, -3, 1).y == doctest::Approx(1.0));
    CHECK(wheel_from_dom(0, 1, 2).y == doctest::Approx(-1.0));
    CHECK(wheel_from_dom(0, 100, 0).x == 0.0f);
}

TEST_CASE("wheel: horizontal deltas use GLFW's sign (positive = left)") {
    CHECK(wheel_from_dom(100, 0, 0).x == doctest::Approx(-1.0));  // DOM right
    CHECK(wheel_from_dom(-3, 0, 1).x == doctest::Approx(1.0));    // DOM left
}

TEST_CASE("wheel: trackpad pixel deltas stay fractional and proportional") {
    const float a = wheel_from_dom(0, 4, 0).y, b = wheel_from_dom(0, 8, 0).y;
    CHECK(a == doctest::Approx(-0.04));
    CHECK(b == doctest::Approx(2 * a));
    CHECK(wheel_from_dom(0, 0.5, 0).y < 0.0f);  // never rounded away or up to a notch
    CHECK(wheel_from_dom(0, 0.5, 0).y > -0.01f);
    CHECK(wheel_from_dom(0, 0, 0).y == 0.0f);
}

TEST_CASE("wheel: an unknown mode is read as pixels") {
    CHECK(wheel_from_dom(0, 100, 7).y == doctest::Approx(-1.0));
}
