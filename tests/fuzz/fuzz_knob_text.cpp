// libFuzzer target: the knob <-> text binding (samples/knob_text.hpp) on any bytes, with every
// sample's knob specs. For any text it must not throw, crash, hang or read out of bounds (ASan),
// and:
//   - each knob found lies inside the text, has a value valid for its spec xor a one-line notice;
//   - moving a knob (to its min, max, default or any choice; one knob per input) edits only its
//     literal: the bytes before and after are identical, the knob then reads the new value,
//     every other knob reads what it read before, and setting the same value again changes
//     nothing;
//   - a knob whose value is not a plain literal refuses to move, with a reason.
//
// Build and run: see cmake/fuzz.cmake. Seeds: the samples' own programs (src/samples/python).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "samples/catalog.hpp"
#include "samples/knob_text.hpp"

using namespace interleave::samples;

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_knob_text: invariant broken: %s %s\n", what, detail.c_str());
    std::abort();
}

void check_found(const std::vector<TextKnob>& found, std::string_view text) {
    for (const auto& k : found) {
        if (!k.spec || k.spec->name.empty()) fail("knob without a named spec");
        if (k.at.begin > k.at.end || k.at.end > text.size()) fail("value outside the text");
        if (k.at.line < 1) fail("line < 1");
        if (k.value.has_value() == !k.notice.empty()) fail("value xor notice", k.spec->key);
        if (k.value) {
            std::string err;
            auto p = parse_knob(*k.spec, *k.value, &err);
            if (!p || *p != *k.value) fail("value not canonical", *k.value);
        }
        if (k.notice.find('\n') != std::string::npos || k.notice.size() > 400) {
            fail("notice not one short line", k.notice);
        }
    }
}

// The values a knob is moved to: its edges, its default and every choice.
std::vector<std::string> probe_values(const KnobSpec& spec) {
    std::vector<std::string> out{spec.default_value};
    if (spec.type == KnobType::choice) {
        out.insert(out.end(), spec.choices.begin(), spec.choices.end());
    } else {
        for (double x : {spec.min, spec.max}) {
            std::string err;
            const std::string text = spec.type == KnobType::integer
                                         ? std::to_string(static_cast<long>(x))
                                         : std::to_string(x);
            if (auto p = parse_knob(spec, text, &err)) out.push_back(*p);
        }
    }
    return out;
}

// Moves knob `k` of sample `s` (found in `text`, beside the other knobs `found`) to `v`.
void check_move(const Sample& s, std::string_view text, const std::vector<TextKnob>& found,
                const TextKnob& k, const std::string& v) {
    std::string err;
    auto edit = knob_edit(*k.spec, text, v, &err);
    if (!k.at.plain) {
        if (edit || err.empty()) fail("a non-plain value moved", k.spec->key);
        return;
    }
    if (!edit) fail("a plain knob refused a valid value", err);
    if (edit->offset != k.at.begin || edit->length != k.at.end - k.at.begin) {
        fail("edit is not the literal's bytes");
    }
    const std::string after = apply_edit(text, *edit);
    if (after.compare(0, edit->offset, text, 0, edit->offset) != 0 ||
        std::string_view(after).substr(edit->offset + edit->replacement.size()) !=
            text.substr(edit->offset + edit->length)) {
        fail("bytes outside the literal changed");
    }
    const std::vector<TextKnob> again = knobs(s, after);
    check_found(again, after);
    if (again.size() != found.size()) fail("the set of knobs changed", k.spec->key);
    for (size_t i = 0; i < again.size(); ++i) {
        if (again[i].spec != found[i].spec || again[i].at.line != found[i].at.line) {
            fail("knobs moved");
        }
        if (again[i].spec == k.spec) {
            if (again[i].value != v) fail("the knob does not read its new value", v);
        } else if (again[i].value != found[i].value || again[i].notice != found[i].notice) {
            fail("another knob changed", again[i].spec->key);
        }
    }
    auto same = knob_edit(*k.spec, after, v, &err);
    if (!same || apply_edit(after, *same) != after) fail("setting the same value edits");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // One scan finds the assignments; among the samples with a knob in them, one (picked by a
    // hash of the input, so the seeds stay whole programs) reads its knobs, and one of those
    // moves to one of its probe values: five scans per input keep the bounded CTest run wide.
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ull;
    try {
        const std::vector<Assignment> assignments = top_level_assignments(text);
        for (const auto& a : assignments) {
            if (a.begin > a.end || a.end > text.size() || a.line < 1) fail("assignment outside");
        }
        std::vector<const Sample*> candidates;
        for (const auto& s : catalog()) {
            for (const auto& spec : s.knobs) {
                const bool present =
                    !spec.name.empty() &&
                    std::any_of(assignments.begin(), assignments.end(),
                                [&](const Assignment& a) { return a.name == spec.name; });
                if (present) {
                    candidates.push_back(&s);
                    break;
                }
            }
        }
        if (!candidates.empty()) {
            const Sample& s = *candidates[h % candidates.size()];
            const std::vector<TextKnob> found = knobs(s, text);
            check_found(found, text);
            if (found.empty()) fail("a sample with a knob's line found no knob", s.id);
            const TextKnob& k = found[(h >> 16) % found.size()];
            const std::vector<std::string> values = probe_values(*k.spec);
            check_move(s, text, found, k, values[(h >> 32) % values.size()]);
        }
    } catch (const std::exception& e) {
        fail("threw", e.what());
    } catch (...) {
        fail("threw");
    }
    return 0;
}
