// Interleave samples — private helpers shared by the sample files (not part of the public API).
//
// Common knob specs (one definition of `gil`, `workers`, ... so every sample says the same
// thing about them) and small builders for the Python text each sample shows.
#pragma once

#include <string>

#include "samples/catalog.hpp"

namespace interleave::samples::detail {

// --- Common knobs ------------------------------------------------------------------------
KnobSpec knob_tasks(long def, long lo, long hi, std::string help);
KnobSpec knob_workers(long def = 2);
KnobSpec knob_cpu_ms(long def, long lo, long hi, std::string help);
KnobSpec knob_io_ms(long def, long lo, long hi, std::string help);
KnobSpec knob_gil();
KnobSpec knob_switch_interval();
KnobSpec knob_time_scale(double def = 1.0);
KnobSpec choice_knob(std::string key, std::string label, std::string help,
                     std::vector<std::string> choices, std::string def);
// The machine knobs every sample has (group "machine"): machine = real|simulated, cores
// (simulated only), seed (simulated only). engine::MachineConfig's defaults.
std::vector<KnobSpec> machine_knobs();

// --- Python text -------------------------------------------------------------------------
// Seconds as Python writes them in source: 100 ms -> "0.1", 1000 ms -> "1".
std::string py_seconds(double seconds);
// The lines a sample's Python text starts with when gil/switch_interval_ms differ from the
// defaults ("import sys" / "sys.setswitchinterval(0.001)" / a free-threading comment).
// Empty when both are at their defaults or the sample has neither knob.
std::string py_gil_header(const KnobValues& v);
std::string py_switch_interval_line(const KnobValues& v);  // "" or "sys.setswitchinterval(...)\n"

// Knob reads that tolerate a sample without that knob (returns `fallback`).
long int_or(const KnobValues& v, const std::string& key, long fallback);
double number_or(const KnobValues& v, const std::string& key, double fallback);
std::string choice_or(const KnobValues& v, const std::string& key, const std::string& fallback);

// --- Each sample's Python text for given knob values (sample_*_py.cpp) -------------------
std::string python_threading(const KnobValues& v);
std::string python_multiprocessing(const KnobValues& v);
std::string python_asyncio(const KnobValues& v);
std::string python_executors(const KnobValues& v);
std::string python_choosing(const KnobValues& v);
std::string python_race(const KnobValues& v);
std::string python_queue(const KnobValues& v);
std::string python_convoy(const KnobValues& v);
std::string python_blocking_async(const KnobValues& v);
std::string python_deadlock(const KnobValues& v);

// --- Each sample's C++ body: runs as MainThread of a Run (sample_*_body.cpp) --------------
void body_threading(engine::Runtime& rt, const KnobValues& v);
void body_multiprocessing(engine::Runtime& rt, const KnobValues& v);
void body_asyncio(engine::Runtime& rt, const KnobValues& v);
void body_executors(engine::Runtime& rt, const KnobValues& v);
void body_choosing(engine::Runtime& rt, const KnobValues& v);
void body_race(engine::Runtime& rt, const KnobValues& v);
void body_queue(engine::Runtime& rt, const KnobValues& v);
void body_convoy(engine::Runtime& rt, const KnobValues& v);
void body_blocking_async(engine::Runtime& rt, const KnobValues& v);
void body_deadlock(engine::Runtime& rt, const KnobValues& v);

// `choosing` with model=asyncio: asyncio.run(gather(job(n) for n in range(tasks))).
void run_choosing_asyncio(int tasks, bool cpu, long cpu_ms, long io_ms);

// --- The samples: id, title, summary, knobs, python, body (sample_meta.cpp) ---------------
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
