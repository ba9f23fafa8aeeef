// Helpers shared by the sample tests: run a sample to its end, group its lines by task.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "samples/catalog.hpp"

namespace interleave::samples::test {

struct Outcome {
    engine::RunStatus status = engine::RunStatus::running;
    std::vector<std::string> lines;
    std::vector<std::string> notices;
    int exit_code = 0;                  // the program's (python3's exit status)
    std::optional<ProgramError> error;  // its SyntaxError or uncaught exception
};

// The sample's defaults with `overrides` applied (each validated strictly: a typo fails).
inline KnobValues knobs_for(const Sample& s, const KnobValues& overrides) {
    KnobValues v = defaults(s.knobs);
    for (const auto& kv : overrides) {  // no structured binding: clang 14 cannot capture one
        const std::string& k = kv.first;
        const KnobSpec* spec = find_knob(s.knobs, k);
        REQUIRE_MESSAGE(spec, "sample " << s.id << " has no knob " << k);
        std::string err;
        auto parsed = parse_knob(*spec, kv.second, &err);
        REQUIRE_MESSAGE(parsed, err);
        v[k] = *parsed;
    }
    return v;
}

// Waits for `run` to end (bounded: a run that does not end within `limit_s` fails the test).
inline Outcome wait_outcome(const std::string& id, const std::shared_ptr<ProgramRun>& program,
                            double limit_s) {
    REQUIRE(program);
    const std::shared_ptr<engine::Run>& run = program->run();
    const bool ended = run->wait(limit_s);
    if (!ended) run->stop();
    REQUIRE_MESSAGE(ended, "sample " << id << " did not end within " << limit_s << " s");
    Outcome o;
    o.status = run->status();
    std::vector<engine::OutputLine> lines;
    run->read_output(0, lines);
    for (auto& l : lines) o.lines.push_back(l.text);
    o.notices = run->notices();
    o.exit_code = program->exit_code();
    o.error = program->error();
    return o;
}

// Runs `id` with `overrides` to its end (see wait_outcome).
inline Outcome run_to_end(const std::string& id, const KnobValues& overrides, double limit_s = 60) {
    const Sample* s = find_sample(id);
    REQUIRE(s);
    return wait_outcome(id, start(*s, knobs_for(*s, overrides)), limit_s);
}

// Runs `text` as sample `id`'s program (run settings from `overrides`) to its end.
inline Outcome run_text_to_end(const std::string& id, const std::string& text,
                               const KnobValues& overrides, double limit_s = 60) {
    const Sample* s = find_sample(id);
    REQUIRE(s);
    return wait_outcome(id, start(*s, text, knobs_for(*s, overrides)), limit_s);
}

// Lines grouped by their prefix before ": " ("Thread 1: 0" -> "Thread 1"), in order. Every
// sample prints lines shaped like that, so the prefix names the task that printed it.
inline std::map<std::string, std::vector<std::string>> by_task(
    const std::vector<std::string>& lines) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& l : lines) out[l.substr(0, l.find(": "))].push_back(l);
    return out;
}

// Numbers (digits, with a decimal part) become '#': "took 7.2 ms" -> "took # ms". For lines
// that print timings or race results, which differ from run to run.
inline std::string mask_numbers(const std::string& line) {
    std::string out;
    for (size_t i = 0; i < line.size();) {
        if (line[i] < '0' || line[i] > '9') {
            out += line[i++];
            continue;
        }
        while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
        if (i + 1 < line.size() && line[i] == '.' && line[i + 1] >= '0' && line[i + 1] <= '9') {
            ++i;
            while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
        }
        out += '#';
    }
    return out;
}

inline std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

}  // namespace interleave::samples::test
