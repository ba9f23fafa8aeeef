// Knob specs: one builder per kind, and the common knobs.
#include <fmt/format.h>

#include "engine/run.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {

namespace {
KnobSpec knob(std::string key, std::string label, std::string name, std::string help,
              KnobType type) {
    KnobSpec k;
    k.key = std::move(key);
    k.label = std::move(label);
    k.name = std::move(name);
    k.help = std::move(help);
    k.type = type;
    return k;
}
}  // namespace

KnobSpec integer_knob(std::string key, std::string label, std::string name, std::string help,
                      long def, long lo, long hi) {
    KnobSpec k =
        knob(std::move(key), std::move(label), std::move(name), std::move(help), KnobType::integer);
    k.min = static_cast<double>(lo);
    k.max = static_cast<double>(hi);
    k.default_value = std::to_string(def);
    return k;
}

KnobSpec number_knob(std::string key, std::string label, std::string name, std::string help,
                     double def, double lo, double hi) {
    KnobSpec k =
        knob(std::move(key), std::move(label), std::move(name), std::move(help), KnobType::number);
    k.min = lo;
    k.max = hi;
    k.default_value = fmt::format("{}", def);
    return k;
}

KnobSpec choice_knob(std::string key, std::string label, std::string name, std::string help,
                     std::vector<std::string> choices, std::string def,
                     std::vector<std::string> literals) {
    KnobSpec k =
        knob(std::move(key), std::move(label), std::move(name), std::move(help), KnobType::choice);
    k.choices = std::move(choices);
    k.default_value = std::move(def);
    k.literals = std::move(literals);
    return k;
}

KnobSpec knob_tasks(std::string name, long def, long lo, long hi, std::string help) {
    return integer_knob("tasks", "Tasks", std::move(name), std::move(help), def, lo, hi);
}

KnobSpec knob_workers(long def) {
    return integer_knob("workers", "Workers", "WORKERS",
                        "Pool size (max_workers) for the executors", def, 1, 8);
}

KnobSpec knob_cpu_ms(long def, long lo, long hi, std::string help) {
    return integer_knob("cpu_ms", "CPU work (ms)", "CPU_MS", std::move(help), def, lo, hi);
}

KnobSpec knob_io_ms(long def, long lo, long hi, std::string help) {
    return integer_knob("io_ms", "I/O wait (ms)", "IO_MS", std::move(help), def, lo, hi);
}

KnobSpec knob_time_scale(double def) {
    return number_knob("time_scale", "Time scale", "TIME_SCALE",
                       "Multiplies every sleep: 1 = the article's 1-second steps, 0.1 = ten "
                       "times faster",
                       def, 0.01, 10);
}

KnobSpec knob_gil() {
    return choice_knob("gil", "GIL", "",
                       "on = CPython's global interpreter lock; off = free-threaded (Python 3.13t)",
                       {"on", "off"}, "on");
}

KnobSpec knob_switch_interval() {
    return number_knob(
        "switch_interval_ms", "Switch interval (ms)", "",
        "How long a thread waits before asking the GIL holder to drop it, as the program "
        "starts (CPython: 5 ms); sys.setswitchinterval in the program changes it",
        5, 0.1, 100);
}

std::vector<KnobSpec> machine_knobs() {
    const engine::MachineConfig def;
    KnobSpec machine = choice_knob(
        "machine", "Machine", "",
        "real = this computer's cores and clock; simulated = virtual cores, a virtual clock and a "
        "seeded scheduler: the same run, byte for byte, everywhere",
        {"real", "simulated"}, "real");
    KnobSpec cores = integer_knob(
        "cores", "Cores", "", "Cores of the simulated machine (machine=simulated)",
        static_cast<long>(def.cores), 1, static_cast<long>(engine::MachineConfig::kMaxCores));
    KnobSpec seed = integer_knob(
        "seed", "Seed", "",
        "Orders simultaneous events on the simulated machine (machine=simulated); same seed, "
        "same run",
        static_cast<long>(def.seed), 0, 0);
    seed.max = 4294967295.0;  // 2^32 - 1 (more than a 32-bit long holds)
    for (KnobSpec* k : {&machine, &cores, &seed}) k->group = "machine";
    return {machine, cores, seed};
}

long int_or(const KnobValues& v, const std::string& key, long fallback) {
    return v.count(key) ? knob_int(v, key) : fallback;
}
double number_or(const KnobValues& v, const std::string& key, double fallback) {
    return v.count(key) ? knob_number(v, key) : fallback;
}
std::string choice_or(const KnobValues& v, const std::string& key, const std::string& fallback) {
    auto it = v.find(key);
    return it == v.end() ? fallback : it->second;
}

}  // namespace interleave::samples::detail
