// Common knob specs and Python-text helpers shared by every sample file.
#include <fmt/format.h>

#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {

namespace {
KnobSpec integer_knob(const char* key, const char* label, std::string help, long def, long lo,
                      long hi) {
    KnobSpec k;
    k.key = key;
    k.label = label;
    k.help = std::move(help);
    k.type = KnobType::integer;
    k.min = static_cast<double>(lo);
    k.max = static_cast<double>(hi);
    k.default_value = std::to_string(def);
    return k;
}
}  // namespace

KnobSpec knob_tasks(long def, long lo, long hi, std::string help) {
    return integer_knob("tasks", "Tasks", std::move(help), def, lo, hi);
}

KnobSpec knob_workers(long def) {
    return integer_knob("workers", "Workers", "Pool size (max_workers) for the executors", def, 1,
                        8);
}

KnobSpec knob_cpu_ms(long def, long lo, long hi, std::string help) {
    return integer_knob("cpu_ms", "CPU work (ms)", std::move(help), def, lo, hi);
}

KnobSpec knob_io_ms(long def, long lo, long hi, std::string help) {
    return integer_knob("io_ms", "I/O wait (ms)", std::move(help), def, lo, hi);
}

KnobSpec knob_gil() {
    return choice_knob("gil", "GIL",
                       "on = CPython's global interpreter lock; off = free-threaded (Python 3.13t)",
                       {"on", "off"}, "on");
}

KnobSpec knob_switch_interval() {
    KnobSpec k;
    k.key = "switch_interval_ms";
    k.label = "Switch interval (ms)";
    k.help =
        "sys.setswitchinterval: how long a thread waits before asking the GIL holder to drop it";
    k.type = KnobType::number;
    k.min = 0.1;
    k.max = 100;
    k.default_value = "5";
    return k;
}

KnobSpec knob_time_scale(double def) {
    KnobSpec k;
    k.key = "time_scale";
    k.label = "Time scale";
    k.help = "Multiplies every sleep: 1 = the article's 1-second steps, 0.1 = ten times faster";
    k.type = KnobType::number;
    k.min = 0.01;
    k.max = 10;
    k.default_value = fmt::format("{}", def);
    return k;
}

KnobSpec choice_knob(std::string key, std::string label, std::string help,
                     std::vector<std::string> choices, std::string def) {
    KnobSpec k;
    k.key = std::move(key);
    k.label = std::move(label);
    k.help = std::move(help);
    k.type = KnobType::choice;
    k.choices = std::move(choices);
    k.default_value = std::move(def);
    return k;
}

std::vector<KnobSpec> machine_knobs() {
    const engine::MachineConfig def;
    KnobSpec machine = choice_knob(
        "machine", "Machine",
        "real = this computer's cores and clock; simulated = virtual cores, a virtual clock and a "
        "seeded scheduler: the same run, byte for byte, everywhere",
        {"real", "simulated"}, "real");
    KnobSpec cores = integer_knob("cores", "Cores", "Cores of the simulated machine (machine=simulated)",
                                  static_cast<long>(def.cores), 1,
                                  static_cast<long>(engine::MachineConfig::kMaxCores));
    KnobSpec seed = integer_knob(
        "seed", "Seed",
        "Orders simultaneous events on the simulated machine (machine=simulated); same seed, same run",
        static_cast<long>(def.seed), 0, 0);
    seed.max = 4294967295.0;  // 2^32 - 1 (more than a 32-bit long holds)
    for (KnobSpec* k : {&machine, &cores, &seed}) k->group = "machine";
    return {machine, cores, seed};
}

std::string py_seconds(double seconds) {
    // Round to the microsecond so 0.1 stays "0.1" and never "0.10000000000000001".
    const double us = static_cast<double>(static_cast<long long>(seconds * 1e6 + 0.5));
    return fmt::format("{}", us / 1e6);
}

std::string py_switch_interval_line(const KnobValues& v) {
    auto it = v.find("switch_interval_ms");
    if (it == v.end() || it->second == "5") return {};
    return fmt::format("sys.setswitchinterval({})  # knob switch_interval_ms\n",
                       py_seconds(knob_number(v, "switch_interval_ms") / 1000.0));
}

std::string py_gil_header(const KnobValues& v) {
    std::string out;
    auto gil = v.find("gil");
    if (gil != v.end() && gil->second == "off") {
        out += "# Free-threaded (knob gil=off): run with Python 3.13t as `python3.13t -X gil=0`.\n";
    }
    const std::string sw = py_switch_interval_line(v);
    if (!sw.empty()) out += "import sys\n" + sw;
    return out;
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
