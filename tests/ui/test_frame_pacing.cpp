// Frame pacing (ui/frame_pacing.hpp): an idle app sleeps, and nothing a user sees waits for it —
// input brings frames at every refresh for a while, a changing picture keeps them coming, and
// the app's own timed changes (the caret's blink) get their frame on time.
#include <doctest/doctest.h>

#include <cmath>

#include "ui/app_harness.hpp"
#include "ui/frame_pacing.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace {

// Frames an untouched pacer builds at 60 Hz from `t` while every frame looks like `fp`;
// returns the time it asks to sleep until (and `t` at that frame).
double run_until_sleep(FramePacer& pacer, double& t, uint64_t fp, int* frames = nullptr) {
    for (int n = 1; n < 1000; ++n, t += 1.0 / 60) {
        pacer.drawn(fp);
        const double next = pacer.after_frame(t, {false, FramePacer::kNever, fp});
        if (next > t) {
            if (frames) *frames = n;
            return next;
        }
    }
    FAIL("the pacer never let the app sleep");
    return 0;
}

}  // namespace

TEST_CASE("frame pacing: full rate after an event, then sleep until the next change") {
    FramePacer pacer;
    double t = 10;
    int frames = 0;
    double next = run_until_sleep(pacer, t, 7, &frames);
    // Start-up is busy for kBusyFrames; then an idle app sleeps the longest period.
    CHECK(frames >= FramePacer::kBusyFrames);
    CHECK(next == doctest::Approx(t + FramePacer::kIdlePeriodS));

    // An input event: every refresh for kBusyS (and at least kBusyFrames), then sleep again.
    t += 2;
    const double woke = t;
    pacer.wake(t);
    next = run_until_sleep(pacer, t, 7, &frames);
    CHECK(t >= woke + FramePacer::kBusyS);
    CHECK(frames >= FramePacer::kBusyFrames);

    // A timed change sooner than the idle period is waited for exactly.
    pacer.drawn(7);
    CHECK(pacer.after_frame(t, {false, 0.2, 7}) == doctest::Approx(t + 0.2));
}

TEST_CASE("frame pacing: live, changing or undrawn frames come at the next refresh") {
    FramePacer pacer;
    double t = 0;
    run_until_sleep(pacer, t, 1);
    // The app says it is live (a run, a replay playing, a key held).
    pacer.drawn(1);
    CHECK(pacer.after_frame(t, {true, FramePacer::kNever, 1}) <= t);
    // The picture changed since the last frame (an animation, a view settling): one more, and
    // once it holds still, sleep.
    pacer.drawn(2);
    CHECK(pacer.after_frame(t, {false, FramePacer::kNever, 2}) <= t);
    pacer.drawn(2);
    CHECK(pacer.after_frame(t, {false, FramePacer::kNever, 2}) > t);
    // Built but not drawn (the GPU was behind): owed, so the next refresh draws it.
    CHECK(pacer.needs_draw(3));
    CHECK(pacer.after_frame(t, {false, FramePacer::kNever, 3}) <= t);
    // Fingerprint unknown (0): always drawn, never a reason to sleep.
    CHECK(pacer.needs_draw(0));
    CHECK(pacer.after_frame(t, {false, FramePacer::kNever, 0}) <= t);
}

TEST_CASE("frame pacing: a frame like the one on screen is not drawn again") {
    FramePacer pacer;
    CHECK(pacer.needs_draw(5));
    pacer.drawn(5);
    CHECK_FALSE(pacer.needs_draw(5));
    CHECK(pacer.needs_draw(6));
    pacer.forget_screen();  // a resized canvas lost its pixels
    CHECK(pacer.needs_draw(5));
}

TEST_CASE("frame pacing: an idle app's frames are identical, and it does not ask for more") {
    AppHarness h;
    h.frames(5);
    const uint64_t a = h.app->frame_fingerprint();
    h.frames(1);
    CHECK(h.app->frame_fingerprint() == a);
    const App::Activity act = h.app->activity();
    CHECK_FALSE(act.live);
    CHECK(std::isinf(act.next_change_s));

    // A button held (a drag, a scrollbar): frames at every refresh until it is let go.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(5, 5);
    io.MouseDown[0] = true;
    h.frames(1);
    CHECK(h.app->activity().live);
    io.MouseDown[0] = false;
    h.frames(2);
    CHECK_FALSE(h.app->activity().live);
}

TEST_CASE("frame pacing: the editor's caret blinks on time while the app sleeps") {
    AppHarness h;
    h.app->set_code("x = 1\n");
    // Focus the editor with a click in its text.
    const App::EditorGeometry g = h.app->editor_geometry();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((g.x0 + g.x1) / 2, g.y0 + 5);
    io.MouseDown[0] = true;
    h.frames(1);
    io.MouseDown[0] = false;
    h.frames(2);
    REQUIRE(h.app->editor_geometry().focused);
    const uint64_t shown = h.app->frame_fingerprint();
    const double wait = h.app->activity().next_change_s;
    CHECK(wait > 0);
    CHECK(wait <= 0.6 + 0.01);
    // Frames before the blink are the same picture; the first one after it is not.
    io.DeltaTime = float(wait) - 0.02f;
    h.frames(1);
    CHECK(h.app->frame_fingerprint() == shown);
    io.DeltaTime = 0.03f;
    h.frames(1);
    CHECK(h.app->frame_fingerprint() != shown);
    io.DeltaTime = 1.f / 60.f;
}
