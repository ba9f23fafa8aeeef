// Interleave samples — knobs: a sample's parameters, their ranges, defaults and help.
//
// Values are kept as canonical text ("4", "2.5", "threads") so links, the CLI and the UI share
// one representation. Parsing is strict: an out-of-range or malformed value is an error with a
// message naming the knob and the valid choices; clamping is a separate, explicit step (links
// clamp and say so; the CLI refuses).
//
// Two kinds of knob (see catalog.hpp, "Knobs: values in the text, run settings"):
//   - a value in the program's text: `name` is the Python name it sets ("IO_MS"); the knob is
//     the program's first top-level `IO_MS = 100` line (knob_text.hpp reads and rewrites it);
//   - a run setting (`name` empty): how the machine runs the program (gil, switch interval);
//     not in the text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace interleave::samples {

enum class KnobType { integer, number, choice };

struct KnobSpec {
    std::string key;    // "workers", "gil", "time_scale"
    std::string label;  // "Workers"
    std::string help;   // one line
    KnobType type = KnobType::integer;
    double min = 0, max = 0;           // integer / number
    std::vector<std::string> choices;  // choice
    std::string default_value;         // canonical text
    // The Python name this knob sets in the program's text ("IO_MS"); empty = a run setting.
    std::string name;
    // Choice knobs in the text: the Python literal of each choice, in `choices` order
    // ({"False", "True"} for off/on). Empty: each choice is written as a string ("threads").
    std::vector<std::string> literals;
    // "" = the sample's own knob; "machine" = the run's machine (machine, cores, seed), which
    // every sample has and the UI may show as one Machine control instead of knobs.
    std::string group;

    std::string range_text() const;  // "1..8", "0.1..10", "on|off"
};

// Knob key -> canonical value text. Holds every knob of a sample once filled by defaults().
using KnobValues = std::map<std::string, std::string>;

KnobValues defaults(const std::vector<KnobSpec>& specs);
const KnobSpec* find_knob(const std::vector<KnobSpec>& specs, std::string_view key);

// Strict parse of `text` for `spec`: canonical text on success, nullopt + `error` otherwise
// ("workers=9 is out of range 1..8", "gil=maybe is not one of on|off").
std::optional<std::string> parse_knob(const KnobSpec& spec, std::string_view text,
                                      std::string* error);
// The check behind parse_knob, without the knob's name: "" when `text` is valid (then
// `*canonical` holds its canonical form), else what is wrong with it, as the end of a sentence
// ("is out of range 1..8", "is not a whole number (range 1..8)", "is not one of on|off").
std::string knob_problem(const KnobSpec& spec, std::string_view text, std::string* canonical);
// Lenient: an out-of-range number is clamped (with `note` saying so); a malformed value or
// unknown choice falls back to the default (with `note`). Always returns a valid value.
std::string clamp_knob(const KnobSpec& spec, std::string_view text, std::string* note);

// User-typed text made safe for a one-line notice: at most `max` bytes (then "..."),
// control characters shown as \xNN. Knob and link notices both use it.
std::string shown(std::string_view text, size_t max = 40);

// Typed reads of a filled KnobValues (the key must exist: values come from defaults()).
long knob_int(const KnobValues& v, const std::string& key);
long long knob_int64(const KnobValues& v, const std::string& key);  // 64-bit everywhere
double knob_number(const KnobValues& v, const std::string& key);
const std::string& knob_choice(const KnobValues& v, const std::string& key);

}  // namespace interleave::samples
