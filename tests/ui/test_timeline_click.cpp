// Clicking the timeline (issue #10 item 5) in a headless ImGui context, drawing the real panel
// (ui::draw_timeline_panel): a click on a span selects its thread, a click on empty space
// clears, whichever of the click's frames are drawn. The web app skips drawing frames while
// the GPU is behind (Playground::shown false); a click released in such a frame selected
// nothing, which is what made about half of the span clicks in headless Chromium miss.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "ui/playground.hpp"

using namespace interleave;

namespace {

// Two threads, running over 0-100 ms: MainThread (worker 0) and Thread-1 (worker 1), which also
// has a task span on top of its state strip.
struct TimelineHarness {
    ImGuiContext* ctx;
    ui::Playground p;

    TimelineHarness() : ctx(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 500);
        io.DeltaTime = 1.f / 60;
        p.fonts = ui::load_fonts(1.f);
        ui::apply_theme(true, 1.f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);  // the atlas, built without GL
        p.renderer.set_collect_only(true);
        for (uint16_t id = 0; id < 2; ++id) {
            engine::WorkerInfo info;
            info.id = id;
            info.kind = id == 0 ? engine::WorkerKind::main : engine::WorkerKind::thread;
            info.name = id == 0 ? "MainThread" : "Thread-1";
            p.workers.push_back(info);
            p.worker_names.push_back(info.name);
            // Many short spans, as a real run has (a click lands inside one of them).
            for (int64_t t = 0; t < 100'000'000; t += 1'000'000)
                p.timeline.add_state({t, t + 1'000'000, 0, id, engine::WorkerState::running});
        }
        p.tasks.push_back({1, "spin"});
        p.timeline.add_task({0, 100'000'000, 1, 1, 0});
        ImGui::GetIO().MousePos = ImVec2(5, 5);
        frame(true);  // the first frame lays the lanes out
        frame(true);
    }
    ~TimelineHarness() { ImGui::DestroyContext(ctx); }

    void frame(bool shown) {
        p.shown = shown;
        ImGui::NewFrame();
        p.renderer.begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("timeline", nullptr, ImGuiWindowFlags_NoDecoration);
        ui::draw_timeline_panel(p);
        ImGui::End();
        ImGui::Render();
    }

    const ui::Playground::LaneSeen& lane(int worker) const {
        for (const auto& l : p.timeline_lanes)
            if (l.worker == worker) return l;
        FAIL("no lane for worker " << worker);
        return p.timeline_lanes.front();
    }

    // Moves there (two frames, so ImGui knows the hovered window), presses, holds, releases;
    // `shown` says which of those frames are drawn: press, held, release.
    void click(ImVec2 at, const bool (&shown)[3]) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frame(true);
        frame(true);
        io.MouseDown[0] = true;
        frame(shown[0]);
        frame(shown[1]);
        io.MouseDown[0] = false;
        frame(shown[2]);
        io.MousePos = ImVec2(5, 5);
        frame(true);
    }
};

}  // namespace

TEST_CASE("timeline click: a span selects its thread, empty space clears, drawn frame or not") {
    TimelineHarness h;
    const double mid = h.p.view.x_of(50'000'000);
    REQUIRE(mid > h.p.view.x0 + 10);
    for (int bits = 0; bits < 8; ++bits) {
        const bool shown[3] = {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
        CAPTURE(bits);
        const auto t1 = h.lane(1);
        // The state strip (the lane's bottom), then the task bar (its top).
        h.p.selected_worker = -1;
        h.click(ImVec2(float(mid), t1.y1 - 3), shown);
        CHECK(h.p.selected_worker == 1);
        h.p.selected_worker = -1;
        h.click(ImVec2(float(mid) + 37, t1.y0 + 3), shown);
        CHECK(h.p.selected_worker == 1);
        // Another thread's span moves the selection there.
        const auto t0 = h.lane(0);
        h.click(ImVec2(float(mid) - 53, t0.y1 - 3), shown);
        CHECK(h.p.selected_worker == 0);
        // Empty space below the last lane clears it.
        h.click(ImVec2(float(mid), t1.y1 + 40), shown);
        CHECK(h.p.selected_worker == -1);
    }
}

TEST_CASE("timeline click: a drag is not a click, and a press elsewhere is not one") {
    TimelineHarness h;
    const auto t1 = h.lane(1);
    const float x = float(h.p.view.x_of(50'000'000)), y = t1.y1 - 3;
    ImGuiIO& io = ImGui::GetIO();
    // Pressed on the span, released 40 px further (a pan): the selection stays as it was.
    io.MousePos = ImVec2(x, y);
    h.frame(true);
    h.frame(true);
    io.MouseDown[0] = true;
    h.frame(true);
    io.MousePos = ImVec2(x + 40, y);
    h.frame(false);
    io.MouseDown[0] = false;
    h.frame(false);
    CHECK(h.p.selected_worker == -1);
    // Pressed above the lanes (the toolbar), released on the span: not a click on it.
    io.MousePos = ImVec2(x, 5);
    h.frame(true);
    h.frame(true);
    io.MouseDown[0] = true;
    h.frame(true);
    io.MousePos = ImVec2(x, y);
    h.frame(false);
    io.MouseDown[0] = false;
    h.frame(false);
    CHECK(h.p.selected_worker == -1);
}

TEST_CASE("timeline hover: a resting mouse's tooltip stays up through undrawn frames") {
    // The web skips drawing frames while the GPU is behind. Such a frame built no span regions,
    // so the tooltip of the span under a resting mouse went away in it and came back in the next
    // drawn one: it blinked (Chromium, SwiftShader), and the changing picture kept an idle page
    // from sleeping.
    TimelineHarness h;
    const auto t1 = h.lane(1);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(float(h.p.view.x_of(50'000'000)), t1.y1 - 3);
    h.frame(true);
    h.frame(true);
    for (int i = 0; i < 8; ++i) {
        CAPTURE(i);
        h.frame(i % 3 != 0);             // undrawn every third frame
        CHECK(h.p.timeline_hover_span);  // the span under the mouse was found: its tooltip is up
    }
}
