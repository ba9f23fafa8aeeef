// Interleave samples — the catalog: every sample the playground shows, with its Python text,
// its knobs and its C++ body written against the engine.
//
// Pure data plus bodies; no UI. The UI, the CLI and the web API all list and start samples
// through this header alone.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "samples/knobs.hpp"

namespace interleave::samples {

struct Sample {
    std::string id;             // fixed, used in links and the CLI: "threading", "race", ...
    std::string title;          // "Threading"
    std::string summary;        // one line: what you will see
    bool from_article = false;  // the article's five come first
    // Complete, runnable CPython text shown in the code panel. May depend on knob values
    // (e.g. `choosing` shows the chosen model); python(defaults) is the canonical text.
    std::function<std::string(const KnobValues&)> python;
    std::vector<KnobSpec> knobs;  // sample-specific + the common ones it uses
    // The C++ body: runs as MainThread of a Run.
    std::function<void(engine::Runtime&, const KnobValues&)> body;
};

// All samples, article's five first (in the article's order), then the extras.
const std::vector<Sample>& catalog();
const Sample* find_sample(std::string_view id);  // nullptr if unknown

// The engine configuration a sample's knobs ask for: gil, switch_interval_ms, and the machine
// (machine=simulated: cores and seed; on the real machine those two are ignored).
engine::RunConfig run_config(const Sample& sample, const KnobValues& values);

// Starts `sample` with `values` (already validated). Never blocks.
[[nodiscard]] std::shared_ptr<engine::Run> start(const Sample& sample, const KnobValues& values);

}  // namespace interleave::samples
