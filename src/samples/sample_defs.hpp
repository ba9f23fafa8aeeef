// Interleave samples — private helpers shared by the sample files (not part of the public API).
//
// Knob specs (one builder per kind, and one definition of `gil`, `workers`, ... so every sample
// says the same thing about them), and the helpers the C++ bodies share.
#pragma once

#include <memory>
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

// --- Helpers of the C++ bodies ------------------------------------------------------------------
// `if IO_MS > 0: time.sleep(IO_MS / 1000)` — the pause of the article's samples (none at 0).
void pause_ms(long io_ms);

// `for w in workers: w.start()` then `for w in workers: w.join()`: every threaded sample's main
// part. Works for engine::Thread and engine::Process, named or in a vector of unique_ptr.
template <class... W>
void start_then_join(W&... workers) {
    (workers.start(), ...);
    (workers.join(), ...);
}
template <class W>
void start_then_join(std::vector<std::unique_ptr<W>>& workers) {
    for (auto& w : workers) w->start();
    for (auto& w : workers) w->join();
}

// --- Each sample's C++ body: runs as MainThread of a Run (sample_*_body.cpp) ----------------
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

// `choosing` with model=asyncio: asyncio.run(gather(async_job(n) for n in range(tasks))).
void run_choosing_asyncio(int tasks, bool cpu, long cpu_ms, long io_ms);

// --- The samples: id, title, summary, text, knobs, body (sample_meta.cpp) -------------------
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
