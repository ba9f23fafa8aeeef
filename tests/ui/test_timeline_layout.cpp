// Timeline maths: time <-> pixel, zoom around a point, culling, merging, axis ticks.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui/timeline_layout.hpp"

using namespace interleave::ui;

namespace {
struct S {
    int64_t b, e;
    uint32_t k;
};
std::vector<LaneQuad> cull(const std::vector<S>& v, const TimeView& view, float min_px = 1) {
    std::vector<LaneQuad> out;
    cull_and_merge(
        v.size(), [&](size_t i) { return v[i].b; }, [&](size_t i) { return v[i].e; },
        [&](size_t i) { return v[i].k; }, view, out, min_px);
    return out;
}
}  // namespace

TEST_CASE("time and pixel map both ways") {
    TimeView v{1'000'000, 1000, 50, 800};  // 1 ms at x=50, 1 µs per px
    CHECK(v.x_of(1'000'000) == doctest::Approx(50));
    CHECK(v.x_of(1'100'000) == doctest::Approx(150));
    CHECK(v.t_of(150) == doctest::Approx(1'100'000));
    CHECK(v.t1_ns() == doctest::Approx(1'800'000));
}

TEST_CASE("zoom keeps the time under the mouse fixed") {
    TimeView v{0, 1e4, 0, 1000};
    const double t_before = v.t_of(300);
    v.zoom_at(300, 2.0);
    CHECK(v.ns_per_px == doctest::Approx(5e3));
    CHECK(v.t_of(300) == doctest::Approx(t_before));
    v.zoom_at(300, 0.25);
    CHECK(v.ns_per_px == doctest::Approx(2e4));
    CHECK(v.t_of(300) == doctest::Approx(t_before));
    // Clamped at the limits.
    v.zoom_at(10, 1e12, 10.0, 1e9);
    CHECK(v.ns_per_px == doctest::Approx(10.0));
}

TEST_CASE("pan and fit") {
    TimeView v{0, 100, 0, 1000};
    v.pan_px(10);  // drag right -> earlier
    CHECK(v.t0_ns == doctest::Approx(-1000));
    v.fit(0, 1e9, 0);
    CHECK(v.t0_ns == doctest::Approx(0));
    CHECK(v.t1_ns() == doctest::Approx(1e9));
}

TEST_CASE("culling keeps only spans intersecting the view") {
    std::vector<S> spans;
    for (int i = 0; i < 1000; ++i) spans.push_back({i * 1000, i * 1000 + 1000, uint32_t(i % 3)});
    TimeView v{100'500, 100, 0, 100};  // [100.5 µs, 110.5 µs): spans 100..110
    auto q = cull(spans, v);
    REQUIRE(q.size() == 11);
    CHECK(q.front().index == 100);
    CHECK(q.back().index == 110);
    CHECK(q.front().x0 == doctest::Approx(-5));
    CHECK(q.front().x1 == doctest::Approx(5));
    // Nothing visible past the end.
    TimeView after{2e6, 100, 0, 100};
    CHECK(cull(spans, after).empty());
    CHECK(first_ending_after(
              spans.size(), [&](size_t i) { return spans[i].e; }, 0.0) == 0);
}

TEST_CASE("sub-pixel spans merge into pixel-wide quads with the dominant key") {
    std::vector<S> spans;
    // 1000 spans of 10 ns (alternating keys, key 1 three times longer) over 1 px = 100 ns.
    int64_t t = 0;
    for (int i = 0; i < 1000; ++i) {
        const int64_t d = (i % 2) ? 15 : 5;
        spans.push_back({t, t + d, uint32_t(i % 2)});
        t += d;
    }
    TimeView v{0, 100, 0, 1000};  // 10 µs over 100 px; spans are 0.05..0.15 px wide
    auto q = cull(spans, v);
    CHECK(q.size() <= 101);
    CHECK(q.size() >= 95);
    size_t covered = 0;
    for (auto& x : q) {
        CHECK(x.key == 1u);  // key 1 covers 3/4 of the time
        CHECK(x.x1 - x.x0 >= doctest::Approx(1.0f));
        covered += x.merged;
        if (x.merged > 1) CHECK(x.index == -1);
    }
    CHECK(covered == 1000);
    // Wide spans are never merged.
    TimeView zoomed{0, 1, 0, 1000};
    auto w = cull(spans, zoomed);
    for (auto& x : w) CHECK(x.merged == 1);
}

TEST_CASE("a zoomed-out busy lane costs per pixel, not per span, and keeps its dominant key") {
    // 400,000 spans over 100 px (4,000 per pixel): key 1 covers 9/10 of the time. Visiting each
    // span would read 400,000 of them; taking each pixel's run with a binary search and a
    // sample reads a few dozen per pixel.
    std::vector<S> spans;
    int64_t t = 0;
    for (int i = 0; i < 400'000; ++i) {
        const int64_t d = (i % 2) ? 9 : 1;
        spans.push_back({t, t + d, uint32_t(i % 2)});
        t += d;
    }
    TimeView v{0, double(t) / 100, 0, 100};  // the whole lane across 100 px
    size_t reads = 0;
    std::vector<LaneQuad> q;
    cull_and_merge(
        spans.size(), [&](size_t i) { return ++reads, spans[i].b; },
        [&](size_t i) { return ++reads, spans[i].e; }, [&](size_t i) { return spans[i].k; }, v, q);
    CHECK(q.size() <= 101);
    CHECK(q.size() >= 95);
    CHECK(reads < 100 * 80);  // per pixel: a binary search (~2 x 19) and 16 samples (x 2)
    size_t covered = 0, dominant = 0;
    for (auto& x : q) {
        covered += x.merged;
        dominant += x.key == 1u;
        CHECK(x.x1 - x.x0 >= doctest::Approx(1.0f));
    }
    CHECK(covered == spans.size());  // every span stands in exactly one quad
    CHECK(dominant == q.size());     // the estimate picks the key with most time
}

TEST_CASE("axis ticks pick a 1-2-5 step and the matching unit") {
    CHECK(nice_step(3) == doctest::Approx(5));
    CHECK(nice_step(10) == doctest::Approx(10));
    CHECK(nice_step(11) == doctest::Approx(20));
    CHECK(nice_step(0.3e6) == doctest::Approx(0.5e6));

    TimeView ms{0, 1e5, 0, 1000};  // 100 µs/px: 80 px = 8 ms -> 10 ms steps
    auto a = axis_ticks(ms, 80);
    CHECK(a.step_ns == doctest::Approx(1e7));
    CHECK(std::string(a.unit) == "ms");
    REQUIRE(a.ticks.size() == 11);
    CHECK(a.ticks[0].label == "0 ms");
    CHECK(a.ticks[3].label == "30 ms");
    CHECK(a.ticks[3].x == doctest::Approx(300));

    TimeView us{0, 1000, 0, 800};  // 1 µs/px -> 100 µs steps
    auto b = axis_ticks(us, 80);
    CHECK(std::string(b.unit) == "\xC2\xB5s");
    CHECK(b.ticks[1].label == "100 \xC2\xB5s");

    TimeView s{0, 2e7, 0, 1000};  // 20 ms/px -> 2 s steps
    auto c = axis_ticks(s, 80);
    CHECK(std::string(c.unit) == "s");
    CHECK(c.ticks[1].label == "2 s");

    TimeView half{0, 5e6, 0, 1000};  // 5 ms/px -> 500 ms steps, labelled in ms
    CHECK(axis_ticks(half, 80).ticks[1].label == "500 ms");

    // Ticks start at the first multiple inside the view.
    TimeView off{12e6, 1e5, 0, 1000};
    CHECK(axis_ticks(off, 80).ticks[0].label == "20 ms");
    CHECK(axis_ticks(off, 80).ticks[0].x == doctest::Approx(80));
}

TEST_CASE("durations read in sensible units") {
    CHECK(format_duration(12'345'678) == "12.3 ms");
    CHECK(format_duration(850'000) == "850 \xC2\xB5s");
    CHECK(format_duration(2.05e9) == "2.05 s");
    CHECK(format_duration(500) == "500 ns");
    CHECK(format_duration(0) == "0 ms");
}
