// "Run all models": the plan and the summary (see compare.hpp).
#include "samples/compare.hpp"

#include <algorithm>

namespace interleave::samples {

ComparePlan compare_plan(const Sample& sample, const KnobValues& values, bool real) {
    ComparePlan plan;
    plan.simulated = !real;
    plan.repeats = real ? kRealRepeats : 1;
    const KnobSpec* model = find_knob(sample.knobs, "model");
    if (!model) return plan;
    for (int rep = 0; rep < plan.repeats; ++rep) {
        for (const auto& choice : model->choices) {
            KnobValues v = values;
            v["model"] = choice;
            v["machine"] = real ? "real" : "simulated";
            plan.runs.push_back(std::move(v));
        }
    }
    return plan;
}

ModelFigure summarise(std::string model, std::vector<double> walls_ms) {
    ModelFigure f;
    f.model = std::move(model);
    f.runs = static_cast<int>(walls_ms.size());
    if (walls_ms.empty()) return f;
    std::sort(walls_ms.begin(), walls_ms.end());
    const size_t n = walls_ms.size();
    f.median_ms = n % 2 ? walls_ms[n / 2] : 0.5 * (walls_ms[n / 2 - 1] + walls_ms[n / 2]);
    f.min_ms = walls_ms.front();
    f.max_ms = walls_ms.back();
    return f;
}

}  // namespace interleave::samples
