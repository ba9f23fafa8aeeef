// Interleave samples — private helpers shared by the sample files (not part of the public API).
//
// Knob specs (one builder per kind, and one definition of `gil`, `workers`, ... so every sample
// says the same thing about them).
#pragma once

#include <string>
#include <vector>

#include "samples/catalog.hpp"

namespace interleave::samples::detail {

// --- Knob specs -----------------------------------------------------------------------------
// `name` is the Python name the knob sets in the program's text ("TASKS"); "" = a run setting.
KnobSpec integer_knob(std::string key, std::string label, std::string name, std::string help,
                      long def, long lo, long hi);
KnobSpec number_knob(std::string key, std::string label, std::string name, std::string help,
                     double def, double lo, double hi);
// `literals`: the Python literal of each choice ({"False", "True"}); empty = strings.
KnobSpec choice_knob(std::string key, std::string label, std::string name, std::string help,
                     std::vector<std::string> choices, std::string def,
                     std::vector<std::string> literals = {});

// The common knobs. `name` where samples call the same knob differently (tasks: THREADS, ITEMS).
KnobSpec knob_tasks(std::string name, long def, long lo, long hi, std::string help);
KnobSpec knob_workers(long def = 2);
KnobSpec knob_cpu_ms(long def, long lo, long hi, std::string help);
KnobSpec knob_io_ms(long def, long lo, long hi, std::string help);
KnobSpec knob_time_scale(double def = 1.0);
KnobSpec knob_gil();              // run setting
KnobSpec knob_switch_interval();  // run setting
// The machine knobs every sample has (run settings, group "machine"): machine = real|simulated,
// cores (simulated only), seed (simulated only). engine::MachineConfig's defaults.
std::vector<KnobSpec> machine_knobs();

// Knob reads that tolerate a sample without that knob (returns `fallback`).
long int_or(const KnobValues& v, const std::string& key, long fallback);
double number_or(const KnobValues& v, const std::string& key, double fallback);
std::string choice_or(const KnobValues& v, const std::string& key, const std::string& fallback);

// --- The samples: id, title, summary, text, knobs (sample_meta.cpp) -------------------
Sample make_threading();
Sample make_multiprocessing();
Sample make_asyncio();
Sample make_executors();
Sample make_choosing();
Sample make_race();
Sample make_queue();
Sample make_convoy();
Sample make_blocking_async();
Sample make_deadlock();

}  // namespace interleave::samples::detail
