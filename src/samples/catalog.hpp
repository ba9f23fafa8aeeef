// Interleave samples — the catalog: every sample the playground shows, with its program (a
// complete Python file), its knobs, and how a program becomes a Run.
//
// Pure data; no UI. The UI, the CLI and the web API all list and start samples
// through this header alone.
//
// --- Programs ------------------------------------------------------------------------------
// Each sample's program is one Python file, src/samples/python/<id>_sample.py, embedded in the
// binary at build time (cmake/samples.cmake): the article's code where it is the article's
// sample, completed with the start()/join()/asyncio.run() lines it leaves out, runnable with
// python3 as it is. (The files are not named <id>.py: `threading.py` run by python3 would
// import itself for `import threading`.)
//
// --- Knobs: values in the text, run settings ------------------------------------------------
// What runs is the text (in the editor); a knob is a view of it. Two kinds:
//   - Values in the text (KnobSpec::name set): `TASKS = 4  # how many tasks` at the top of the
//     program. Moving the knob rewrites that literal (with_knob); editing the literal moves the
//     knob (knobs); a program without the line has no such knob. knob_text.hpp has the rules.
//   - Run settings (KnobSpec::name empty): how the machine runs the program, as python3's own
//     options and builds do — never text. `gil` (on = CPython, off = free-threaded 3.13t) and
//     `switch_interval_ms`.
// switch_interval_ms is a run setting too, although Python has a text form for it: it is the
// interpreter's switch interval *when the program starts* (CPython's is 5 ms), and a
// `sys.setswitchinterval(s)` the program itself calls changes it from that line on, as in
// CPython. A learner moving the knob expects every sample to run with the new interval without
// a line appearing in a program that never mentioned it, and a line they typed to win because
// it runs later. So: no sample's text calls sys.setswitchinterval, the knob never writes one,
// and `interleave-cli python` says on stderr what python3 needs to match a non-default setting.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run.hpp"
#include "samples/knob_text.hpp"
#include "samples/knobs.hpp"
#include "samples/program_run.hpp"

namespace interleave::samples {

struct Sample {
    std::string id;             // fixed, used in links and the CLI: "threading", "race", ...
    std::string title;          // "Threading"
    std::string summary;        // one line: what you will see
    bool from_article = false;  // the article's five come first
    // The canonical program: src/samples/python/<id>_sample.py, every knob at its default.
    // Static storage (embedded bytes): valid for the program's lifetime.
    std::string_view text;
    std::vector<KnobSpec> knobs;  // values in the text first (in text order), then run settings
};

// All samples, article's five first (in the article's order), then the extras.
const std::vector<Sample>& catalog();
const Sample* find_sample(std::string_view id);  // nullptr if unknown

// --- Text and knobs ---------------------------------------------------------------------------
// All are pure functions (any thread); cost: a scan of the text per call (linear, microseconds
// for a sample).

// A run setting (not in the text): gil, switch_interval_ms.
inline bool is_run_setting(const KnobSpec& spec) {
    return spec.name.empty();
}

// The sample's program with its text knobs set to `values` (missing keys keep the text's
// value; run settings are ignored): the very text that runs. `values` must be valid (from
// defaults/parse_knob/clamp_knob); throws std::invalid_argument otherwise.
std::string program(const Sample& sample, const KnobValues& values);

// The sample's text knobs present in `text` (whatever the editor holds), with their values or
// a notice each (knob_text.hpp). Run settings are not listed: they are never in the text.
std::vector<TextKnob> knobs(const Sample& sample, std::string_view text);

// `text` with only the literal of knob `key` changed to `value` (anything parse_knob accepts).
// nullopt with `error` when the sample has no such knob, it is a run setting, the text has no
// line for it, its value there is not a plain literal, or `value` is invalid. For an editor's
// single undoable edit use knob_edit (knob_text.hpp) with the same arguments.
std::optional<std::string> with_knob(const Sample& sample, std::string_view text,
                                     std::string_view key, std::string_view value,
                                     std::string* error = nullptr);

// --- Running -----------------------------------------------------------------------------------

// The engine configuration the run settings ask for: gil, switch_interval_ms, and the machine
// (machine=simulated: cores and seed; on the real machine those two are ignored).
engine::RunConfig run_config(const Sample& sample, const KnobValues& values);

// Runs `text` — the program as it is in the editor, the sample's or anyone's — through the
// interpreter (ProgramRun: tracebacks name "<main>"), with the run settings in `settings` (text
// knobs in `settings` are ignored: the text has them; missing run settings take their
// defaults). A SyntaxError starts a Run that writes CPython's error text to stderr and ends
// (ProgramRun::error() is set at once). Never blocks; any thread. `sample` names only which
// run settings apply: any text runs. `line_sample_ms` > 0: each Python thread publishes the
// program line it is on every that many ms of run time, and the line it waits at (py_line
// events, for the editor's line markers); 0: none (traces as before).
[[nodiscard]] std::shared_ptr<ProgramRun> start(const Sample& sample, std::string_view text,
                                                const KnobValues& settings,
                                                double line_sample_ms = 0);

// start(sample, program(sample, values), values): the sample's own program with `values`
// (already validated) written in.
[[nodiscard]] std::shared_ptr<ProgramRun> start(const Sample& sample, const KnobValues& values);

}  // namespace interleave::samples
