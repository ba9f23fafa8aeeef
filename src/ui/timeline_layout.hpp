// Interleave UI — timeline maths, free of ImGui and GL so it is unit-tested and benchmarked
// alone: time <-> pixel mapping, zoom around a point, culling a lane to the visible range,
// merging sub-pixel spans, and choosing axis ticks with units.
//
// Times are nanoseconds since run start (as the engine's spans). Any thread; no state beyond
// the values passed in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace interleave::ui {

// The visible window of a timeline: time `t0_ns` sits at pixel `x0`, `ns_per_px` per pixel.
struct TimeView {
    double t0_ns = 0;
    double ns_per_px = 1e5;  // 100 µs per pixel
    float x0 = 0;            // screen x of t0
    float width = 1;         // pixels

    double x_of(double t_ns) const { return x0 + (t_ns - t0_ns) / ns_per_px; }
    double t_of(double x) const { return t0_ns + (x - x0) * ns_per_px; }
    double t1_ns() const { return t0_ns + width * ns_per_px; }

    // Zoom by `factor` (>1 zooms in) keeping the time under screen x `anchor_x` fixed.
    // ns_per_px is clamped to [min_ns_per_px, max_ns_per_px].
    void zoom_at(float anchor_x, double factor, double min_ns_per_px = 1.0,
                 double max_ns_per_px = 1e9);
    // Shift by `dx` pixels (dragging right moves the view to earlier times).
    void pan_px(float dx) { t0_ns -= dx * ns_per_px; }
    // Show [begin, end] across the width, with `margin` fraction of empty space on each side.
    void fit(double begin_ns, double end_ns, double margin = 0.02);
};

// One drawable interval in pixels; `key` is what decides its colour (a state, a task id, a
// GIL holder) and `index` the source span (for labels and tooltips), -1 for merged ones.
struct LaneQuad {
    float x0 = 0, x1 = 0;
    uint32_t key = 0;
    int32_t index = -1;
    uint32_t merged = 1;  // how many spans it stands for
};

// Culls spans of one lane (non-overlapping, sorted by begin; so also sorted by end) to the
// view with a binary search, and emits quads; runs of spans narrower than `min_px` are merged
// into one quad whose key is the key covering most time in it. Appends to `out`.
// `begin`/`end`/`key` read the span at an index. Cost: O(pixels x log n + visible wide spans):
// where more than kMergeVisit spans end inside one merged quad (a zoomed-out busy lane: a
// million GIL holds), they are taken with one binary search and the key is weighed from
// kMergeSample of them, evenly spaced, instead of from each (exact below that count).
constexpr size_t kMergeVisit = 32, kMergeSample = 16;
template <class Begin, class End, class Key>
void cull_and_merge(size_t n, Begin begin, End end, Key key, const TimeView& view,
                    std::vector<LaneQuad>& out, float min_px = 1.0f);

// The first index whose end is > t (spans sorted by end), i.e. the first possibly-visible one.
template <class End>
size_t first_ending_after(size_t n, End end, double t) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (static_cast<double>(end(mid)) <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// Axis ticks: a 1-2-5 step giving at least `min_px` between ticks, labelled in the unit
// that suits the step (ns, µs, ms, s).
struct AxisTick {
    double t_ns = 0;
    double x = 0;
    std::string label;  // "250 ms", "1.5 s", "40 \xC2\xB5s"
};
struct AxisTicks {
    double step_ns = 0;
    const char* unit = "ms";
    std::vector<AxisTick> ticks;
};
AxisTicks axis_ticks(const TimeView& view, float min_px = 80.f);
double nice_step(double raw_ns);  // smallest 1/2/5 x 10^k >= raw_ns

// A duration in readable units: "12.3 ms", "850 \xC2\xB5s", "2.05 s".
std::string format_duration(double ns);

// ---- implementation of the template ---------------------------------------------------------

template <class Begin, class End, class Key>
void cull_and_merge(size_t n, Begin begin, End end, Key key, const TimeView& view,
                    std::vector<LaneQuad>& out, float min_px) {
    const double t_lo = view.t0_ns, t_hi = view.t1_ns();
    size_t i = first_ending_after(n, end, t_lo);
    // Merging state: a run of narrow spans, with time per key (keys are small: states, or
    // hashed into 8 slots for task/holder ids — good enough to pick a dominant colour).
    bool merging = false;
    LaneQuad m;
    double weight[16] = {};
    uint32_t keys[16] = {};
    int nkeys = 0;
    auto flush = [&] {
        if (!merging) return;
        int best = 0;
        for (int k = 1; k < nkeys; ++k)
            if (weight[k] > weight[best]) best = k;
        m.key = keys[best];
        if (m.x1 - m.x0 < min_px) m.x1 = m.x0 + min_px;
        if (m.merged > 1) m.index = -1;  // stands for several spans: no single tooltip
        out.push_back(m);
        merging = false;
        nkeys = 0;
    };
    auto add_weight = [&](uint32_t k, double w) {
        for (int j = 0; j < nkeys; ++j)
            if (keys[j] == k) {
                weight[j] += w;
                return;
            }
        if (nkeys < 16) {
            keys[nkeys] = k;
            weight[nkeys++] = w;
        }
    };
    for (; i < n; ++i) {
        const double b = static_cast<double>(begin(i));
        if (b >= t_hi) break;
        const double e = static_cast<double>(end(i));
        const float xa = static_cast<float>(view.x_of(b));
        const float xb = static_cast<float>(view.x_of(e));
        const uint32_t k = key(i);
        if (xb - xa >= min_px) {
            flush();
            out.push_back(LaneQuad{xa, xb, k, static_cast<int32_t>(i), 1});
            continue;
        }
        // Narrow: join the current merged run if it touches it and the run is still narrower
        // than a pixel; otherwise start a new run.
        if (merging && xa <= m.x1 + 0.5f && xb - m.x0 <= min_px) {
            m.x1 = xb > m.x1 ? xb : m.x1;
            ++m.merged;
            add_weight(k, e - b);
        } else {
            flush();
            merging = true;
            m = LaneQuad{xa, xb, k, static_cast<int32_t>(i), 1};
            add_weight(k, e - b);
            // The spans after i that end within this quad's pixel: many, when zoomed out.
            const double t_lim = view.t_of(xa + min_px);
            const size_t rest = n - i - 1;
            const size_t inside = first_ending_after(
                rest, [&](size_t q) { return end(i + 1 + q); }, t_lim);
            if (inside > kMergeVisit) {
                // One sample per stratum, at a hashed offset: evenly spaced indices alias with
                // periodic lanes (GIL holders taking turns).
                const double scale = static_cast<double>(inside) / kMergeSample;
                for (size_t s = 0; s < kMergeSample; ++s) {
                    const size_t lo = inside * s / kMergeSample,
                                 hi = inside * (s + 1) / kMergeSample;
                    uint64_t h = (i + 1 + lo) * 0x9E3779B97F4A7C15ull;
                    h ^= h >> 29;
                    const size_t q = i + 1 + lo + static_cast<size_t>(h % (hi - lo));
                    add_weight(
                        key(q),
                        (static_cast<double>(end(q)) - static_cast<double>(begin(q))) * scale);
                }
                m.merged += static_cast<uint32_t>(inside);
                const float x_last =
                    static_cast<float>(view.x_of(static_cast<double>(end(i + inside))));
                m.x1 = x_last > m.x1 ? x_last : m.x1;
                i += inside;  // the loop's ++i goes on after them
            }
        }
    }
    flush();
}

}  // namespace interleave::ui
