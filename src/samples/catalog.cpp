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
        if (values.count("cores")) config.machine.cores = static_cast<unsigned>(knob_int(values, "cores"));
        if (values.count("seed")) config.machine.seed = static_cast<uint32_t>(knob_int64(values, "seed"));
    }
    return config;
}

namespace {

// The first line where `a` and `b` differ (1-based).
int first_difference(std::string_view a, std::string_view b) {
    int line = 1;
    for (size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i) {
        if (a[i] == '\n') ++line;
    }
    return line;
}

// Transitional: the knob values under which the C++ body is `text`, or why there are none.
// The body runs the sample's own program only; any other text needs the interpreter (#9.5).
std::optional<KnobValues> body_values(const Sample& sample, std::string_view text,
                                      const KnobValues& settings, std::string* why) {
    KnobValues values = defaults(sample.knobs);
    for (const auto& spec : sample.knobs) {
        auto it = settings.find(spec.key);
        if (is_run_setting(spec) && it != settings.end()) values[spec.key] = it->second;
    }
    for (const auto& k : knobs(sample, text)) {
        if (!k.value) {
            *why = k.notice;
            return std::nullopt;
        }
        values[k.spec->key] = *k.value;
    }
    const std::string expected = program(sample, values);
    if (expected != text) {
        *why = fmt::format(
            "line {} is not the sample's own program: this build runs {}'s program with any "
            "knob values, and other code once the Python interpreter lands (Reset restores the "
            "text)",
            first_difference(expected, text), sample.id);
        return std::nullopt;
    }
    return values;
}

}  // namespace

std::shared_ptr<engine::Run> start(const Sample& sample, std::string_view text,
                                   const KnobValues& settings) {
    std::string why;
    std::optional<KnobValues> values = body_values(sample, text, settings, &why);
    if (!values) {
        // A Run all the same, so every caller reports it the usual way (status error, notice).
        return engine::Run::start(
            [why](engine::Runtime&) { throw std::runtime_error("cannot run this text: " + why); },
            run_config(sample, settings));
    }
    auto body = sample.body;  // by value: `sample` need not outlive the run
    return engine::Run::start([body, v = *values](engine::Runtime& rt) { body(rt, v); },
                              run_config(sample, *values));
}

std::shared_ptr<engine::Run> start(const Sample& sample, const KnobValues& values) {
    return start(sample, program(sample, values), values);
}

}  // namespace interleave::samples
