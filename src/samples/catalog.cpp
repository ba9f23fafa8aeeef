// The catalog: the list of samples, the common knobs, and how a sample becomes a Run.
#include "samples/catalog.hpp"

#include <fmt/format.h>

#include "engine/runtime.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples {

const std::vector<Sample>& catalog() {
    // Built once, on first use (thread-safe static); never modified afterwards, so references
    // into it stay valid for the program's lifetime.
    static const std::vector<Sample> all = [] {
        using namespace detail;
        std::vector<Sample> v;
        v.push_back(make_threading());
        v.push_back(make_multiprocessing());
        v.push_back(make_asyncio());
        v.push_back(make_executors());
        v.push_back(make_choosing());
        v.push_back(make_race());
        v.push_back(make_queue());
        v.push_back(make_convoy());
        v.push_back(make_blocking_async());
        v.push_back(make_deadlock());
        return v;
    }();
    return all;
}

const Sample* find_sample(std::string_view id) {
    for (const auto& s : catalog()) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

engine::RunConfig run_config(const Sample& sample, const KnobValues& values) {
    (void)sample;
    engine::RunConfig config;
    config.gil = detail::choice_or(values, "gil", "on") == "on";
    config.switch_interval_ms = detail::number_or(values, "switch_interval_ms", 5.0);
    if (detail::choice_or(values, "machine", "real") == "simulated") {
        config.machine.kind = engine::MachineKind::simulated;
        if (values.count("cores")) config.machine.cores = static_cast<unsigned>(knob_int(values, "cores"));
        if (values.count("seed")) config.machine.seed = static_cast<uint32_t>(knob_int64(values, "seed"));
    }
    return config;
}

std::shared_ptr<engine::Run> start(const Sample& sample, const KnobValues& values) {
    // Fill knobs the caller left out, so bodies can read every knob they declare.
    KnobValues full = defaults(sample.knobs);
    for (const auto& [k, val] : values) full[k] = val;
    auto body = sample.body;  // by value: `sample` need not outlive the run
    return engine::Run::start([body, full](engine::Runtime& rt) { body(rt, full); },
                              run_config(sample, full));
}

}  // namespace interleave::samples
