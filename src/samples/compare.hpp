// Interleave samples — "Run all models": which runs a comparison makes, and how its figures are
// summarised. Pure data, no UI: the Compare panel runs the plan and draws the summary.
//
//   ComparePlan plan = compare_plan(sample, knobs, /*real=*/false);
//   for (const KnobValues& v : plan.runs) ... start(sample, v) one after another ...
//   ModelFigure f = summarise("threads", {812.0, 790.5, 845.1});  // median 812, spread 790..845
//
// Why (issue #11): wall-clock runs made one after another on a machine whose load changes
// measure the machine, not the model ("threads 3x faster than sequential under the GIL").
//   ✓ By default the batch runs on the simulated machine (the sample's cores and seed): every
//     model once, exact figures, bars that never invert (tests/samples/test_sim_lessons.cpp).
//   ✓ On the real machine (the user chose "This computer") each model runs kRealRepeats times,
//     interleaved (m1 m2 m3 ... m1 m2 m3 ...) so a change of load hits every model alike, and
//     the panel shows each model's median with its spread (min..max).
//   ✗ No outlier rejection or confidence intervals: three runs give a median and a range.
// Thread-safety: pure functions, any thread.
#pragma once

#include <string>
#include <vector>

#include "samples/catalog.hpp"

namespace interleave::samples {

struct ComparePlan {
    bool simulated = true;         // the batch's machine
    int repeats = 1;               // runs per model
    std::vector<KnobValues> runs;  // in the order to run them; each differs in `model` only
                                   // (and `machine`, set to the batch's)
};

inline constexpr int kRealRepeats = 3;

// The runs of "Run all models" for `sample` (which has a `model` choice knob; otherwise no
// runs) with the current knob `values`. `real`: the user asked for this computer; else the
// batch runs on the simulated machine with the sample's cores and seed knobs.
ComparePlan compare_plan(const Sample& sample, const KnobValues& values, bool real);

// One model's figures over its runs (wall times in ms): the median (the mean of the middle two
// for an even count) and the spread. runs == 0 when `walls_ms` is empty.
struct ModelFigure {
    std::string model;
    int runs = 0;
    double median_ms = 0, min_ms = 0, max_ms = 0;
};
ModelFigure summarise(std::string model, std::vector<double> walls_ms);

}  // namespace interleave::samples
