// The catalog: the list of samples, their programs and knobs, and how a program becomes a Run.
#include "samples/catalog.hpp"

#include <fmt/format.h>

#include <stdexcept>

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

std::string program(const Sample& sample, const KnobValues& values) {
    std::string text(sample.text);
    for (const auto& spec : sample.knobs) {
        if (is_run_setting(spec)) continue;
        auto it = values.find(spec.key);
        if (it == values.end()) continue;
        std::string error;
        auto edit = knob_edit(spec, text, it->second, &error);
        if (!edit) {
            throw std::invalid_argument(
                fmt::format("sample {}: cannot set {}: {}", sample.id, spec.key, error));
        }
        text = apply_edit(text, *edit);
    }
    return text;
}

std::vector<TextKnob> knobs(const Sample& sample, std::string_view text) {
    return read_knobs(sample.knobs, text);
}

std::optional<std::string> with_knob(const Sample& sample, std::string_view text,
                                     std::string_view key, std::string_view value,
                                     std::string* error) {
    const KnobSpec* spec = find_knob(sample.knobs, key);
    if (!spec) {
        if (error) *error = fmt::format("sample {} has no knob {}", sample.id, shown(key));
        return std::nullopt;
    }
    auto edit = knob_edit(*spec, text, value, error);
    if (!edit) return std::nullopt;
    return apply_edit(text, *edit);
}

engine::RunConfig run_config(const Sample& sample, const KnobValues& values) {
    (void)sample;
    engine::RunConfig config;
    config.gil = detail::choice_or(values, "gil", "on") == "on";
    config.switch_interval_ms = detail::number_or(values, "switch_interval_ms", 5.0);
    if (detail::choice_or(values, "machine", "real") == "simulated") {
        config.machine.kind = engine::MachineKind::simulated;
        if (values.count("cores"))
            config.machine.cores = static_cast<unsigned>(knob_int(values, "cores"));
        if (values.count("seed"))
            config.machine.seed = static_cast<uint32_t>(knob_int64(values, "seed"));
    }
    return config;
}

std::shared_ptr<ProgramRun> start(const Sample& sample, std::string_view text,
                                  const KnobValues& settings, double line_sample_ms) {
    // The run settings: the sample's defaults, then what `settings` gives.
    KnobValues values = defaults(sample.knobs);
    for (const auto& spec : sample.knobs) {
        auto it = settings.find(spec.key);
        if (is_run_setting(spec) && it != settings.end()) values[spec.key] = it->second;
    }
    engine::RunConfig config = run_config(sample, values);
    config.line_sample_ms = line_sample_ms;
    return ProgramRun::start(text, "<main>", config);
}

std::shared_ptr<ProgramRun> start(const Sample& sample, const KnobValues& values) {
    return start(sample, program(sample, values), values);
}

}  // namespace interleave::samples
