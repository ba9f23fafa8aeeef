#include "ui/timeline_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace interleave::ui {

void TimeView::zoom_at(float anchor_x, double factor, double min_ns_per_px, double max_ns_per_px) {
    if (!(factor > 0)) return;
    const double t_anchor = t_of(anchor_x);
    ns_per_px = std::clamp(ns_per_px / factor, min_ns_per_px, max_ns_per_px);
    // Keep t_anchor under anchor_x: t0 + (anchor_x - x0) * ns_per_px == t_anchor.
    t0_ns = t_anchor - (anchor_x - x0) * ns_per_px;
}

void TimeView::fit(double begin_ns, double end_ns, double margin) {
    if (width <= 1) return;
    double span = std::max(end_ns - begin_ns, 1000.0);  // at least 1 µs
    const double pad = span * margin;
    ns_per_px = (span + 2 * pad) / width;
    t0_ns = begin_ns - pad;
}

double nice_step(double raw_ns) {
    if (!(raw_ns > 0)) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(raw_ns)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw_ns * (1 - 1e-9)) return m * p;
    return 10 * p;
}

namespace {

struct Unit {
    double ns;
    const char* name;
};

Unit unit_for(double ns) {
    if (ns >= 1e9) return {1e9, "s"};
    if (ns >= 1e6) return {1e6, "ms"};
    if (ns >= 1e3) return {1e3, "\xC2\xB5s"};
    return {1, "ns"};
}

// Digits after the point needed to show multiples of `step` in `unit` exactly.
int decimals_for(double step, double unit) {
    int d = 0;
    double v = step / unit;
    while (d < 6 && std::fabs(v - std::round(v)) > 1e-6 * std::max(1.0, std::fabs(v))) {
        v *= 10;
        ++d;
    }
    return d;
}

}  // namespace

AxisTicks axis_ticks(const TimeView& view, float min_px) {
    AxisTicks r;
    r.step_ns = nice_step(view.ns_per_px * min_px);
    const Unit u = unit_for(r.step_ns);
    r.unit = u.name;
    const int dec = decimals_for(r.step_ns, u.ns);
    const double first = std::ceil(view.t0_ns / r.step_ns) * r.step_ns;
    for (double t = first; t <= view.t1_ns() + 1e-9; t += r.step_ns) {
        AxisTick tick;
        tick.t_ns = t;
        tick.x = view.x_of(t);
        char buf[48];
        double v = t / u.ns;
        if (std::fabs(v) < 1e-9) v = 0;  // no "-0"
        std::snprintf(buf, sizeof buf, "%.*f %s", dec, v, u.name);
        tick.label = buf;
        r.ticks.push_back(std::move(tick));
        if (r.ticks.size() > 1000) break;  // a degenerate view never loops for long
    }
    return r;
}

std::string format_duration(double ns) {
    if (ns == 0) return "0 ms";  // "0.00 ns" would suggest a measurement at ns resolution
    const Unit u = unit_for(std::fabs(ns));
    const double v = ns / u.ns;
    char buf[48];
    const double a = std::fabs(v);
    const int dec = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    std::snprintf(buf, sizeof buf, "%.*f %s", dec, v, u.name);
    return buf;
}

}  // namespace interleave::ui
