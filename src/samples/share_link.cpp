// Share links: encode the playground state as a readable fragment, decode any fragment into a
// valid state plus notices. The decoder is total: every path returns a loadable state.
#include "samples/share_link.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <unordered_set>

#include "samples/catalog.hpp"

namespace interleave::samples {
namespace {

constexpr size_t kMaxNotices = 12;  // a garbage link must not flood the screen

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

std::string percent_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        if (unreserved(c)) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// False on a broken escape ("%4", "%zz"). '+' stays '+': fragments are not form data.
bool percent_decode(std::string_view s, std::string* out) {
    out->clear();
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            *out += s[i];
            continue;
        }
        const int hi = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
        const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
        if (hi < 0 || lo < 0) return false;
        *out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

std::string sample_ids() {
    std::string out;
    for (const auto& s : catalog()) {
        if (!out.empty()) out += ", ";
        out += s.id;
    }
    return out;
}

struct Pair {
    std::string key, value;
};

}  // namespace

std::string encode_link(const LinkState& state, const CodeCodec* codec) {
    std::string out = fmt::format("#v={}&sample={}", kLinkVersion, percent_encode(state.sample));
    if (const Sample* s = find_sample(state.sample)) {
        // Spec order, not map order: links read like the knob panel.
        for (const auto& spec : s->knobs) {
            auto it = state.knobs.find(spec.key);
            if (it == state.knobs.end() || it->second == spec.default_value) continue;
            out += '&' + percent_encode(spec.key) + '=' + percent_encode(it->second);
        }
    }
    if (state.code) {
        if (!codec || !codec->pack) {
            throw std::invalid_argument("encode_link: a link with code needs a CodeCodec");
        }
        out += "&code=" + percent_encode(codec->pack(*state.code));
    }
    if (state.t_ms) {
        // Whole microseconds at most, trailing zeros dropped: "t=250", "t=12.5".
        std::string t = fmt::format("{:.3f}", std::clamp(*state.t_ms, 0.0, kMaxLinkMomentMs));
        while (t.back() == '0') t.pop_back();
        if (t.back() == '.') t.pop_back();
        out += "&t=" + t;
    }
    if (state.run) out += "&run=1";
    return out;
}

DecodedLink decode_link(std::string_view fragment, const CodeCodec* codec) {
    DecodedLink result;
    std::vector<std::string> notes;
    auto note = [&](std::string text) { notes.push_back(std::move(text)); };

    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);

    if (fragment.size() > kMaxFragmentBytes) {
        note(fmt::format(
            "The link is {} bytes, more than the {} KiB limit; only its first {} bytes were "
            "read.",
            fragment.size(), kMaxFragmentBytes / 1024, kMaxFragmentBytes));
        // Decode nothing beyond the limit, not even the tail of a pair cut in two.
        const size_t amp = fragment.substr(0, kMaxFragmentBytes).rfind('&');
        const std::string_view kept =
            amp == std::string_view::npos ? std::string_view() : fragment.substr(0, amp);
        const std::string_view dropped = fragment.substr(kept.size());
        if (dropped.substr(0, 6) == "&code=" || dropped.substr(0, 5) == "code=" ||
            dropped.find("&code=") != std::string_view::npos) {
            note("The program in the link (code=) lies past the limit and was not loaded.");
        }
        fragment = kept;
    }

    // Split into pairs; first occurrence of a key wins.
    std::vector<Pair> pairs;
    std::unordered_set<std::string> seen;
    size_t pos = 0;
    while (pos <= fragment.size() && !fragment.empty()) {
        size_t amp = fragment.find('&', pos);
        if (amp == std::string_view::npos) amp = fragment.size();
        const std::string_view piece = fragment.substr(pos, amp - pos);
        pos = amp + 1;
        if (piece.empty()) {
            if (amp == fragment.size()) break;
            continue;
        }
        const size_t eq = piece.find('=');
        if (eq == std::string_view::npos) {
            note(fmt::format("'{}' is not a key=value pair; ignored.", shown(piece)));
        } else {
            Pair p;
            std::string_view raw_key = piece.substr(0, eq), raw_value = piece.substr(eq + 1);
            if (!percent_decode(raw_key, &p.key) || !percent_decode(raw_value, &p.value)) {
                note(fmt::format("'{}' has a broken %-escape; ignored.", shown(piece)));
            } else if (!seen.insert(p.key).second) {  // a set: 64 KiB of keys stays linear
                note(fmt::format("'{}' appears more than once; the first value was used.",
                                 shown(p.key)));
            } else {
                pairs.push_back(std::move(p));
            }
        }
        if (amp == fragment.size()) break;
    }
    auto take = [&](const std::string& key) -> std::optional<std::string> {
        for (auto it = pairs.begin(); it != pairs.end(); ++it) {
            if (it->key == key) {
                std::string v = std::move(it->value);
                pairs.erase(it);
                return v;
            }
        }
        return std::nullopt;
    };

    const bool blank = pairs.empty() && notes.empty();
    bool trusted = true;  // false: the link is not what its sender meant; never auto-run it

    // Version.
    if (auto v = take("v")) {
        if (*v != std::to_string(kLinkVersion)) {
            note(
                fmt::format("The link has version '{}'; this page reads version {}. Loaded what "
                            "it could.",
                            shown(*v), kLinkVersion));
            trusted = false;
        }
    } else if (!blank) {
        note(fmt::format("The link has no version (v={}); read it as version {}.", kLinkVersion,
                         kLinkVersion));
    }

    // Sample.
    const Sample* sample = nullptr;
    if (auto id = take("sample")) {
        sample = find_sample(*id);
        if (!sample) {
            note(fmt::format("Unknown sample '{}'; showing threading instead (known: {}).",
                             shown(*id), sample_ids()));
            trusted = false;
        }
    } else if (!blank) {
        note("The link names no sample; showing threading.");
    }
    if (!sample) sample = find_sample("threading");

    // Run request: only the exact "1" asks to run.
    bool run = false;
    if (auto r = take("run")) {
        if (*r == "1") {
            run = true;
        } else if (*r != "0") {
            note(fmt::format("run={} is not 0 or 1; not running.", shown(*r)));
        }
    }

    // Moment: digits, at most one '.', then up to 3 decimals; within [0, kMaxLinkMomentMs].
    std::optional<double> t_ms;
    if (auto t = take("t")) {
        const size_t dot = t->find('.');
        const bool digits_ok =
            !t->empty() && t->size() <= 16 && t->front() != '.' &&
            std::all_of(t->begin(), t->end(),
                        [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
            std::count(t->begin(), t->end(), '.') <= 1 &&
            (dot == std::string::npos || (dot + 1 < t->size() && t->size() - dot - 1 <= 3));
        const double v = digits_ok ? std::strtod(t->c_str(), nullptr) : -1;
        if (!digits_ok || v > kMaxLinkMomentMs) {
            note(fmt::format(
                "t={} is not a moment of the run (ms from its start, 0 to {:.0f}, at most 3 "
                "decimals); the run's end is shown instead.",
                shown(*t), kMaxLinkMomentMs));
        } else {
            t_ms = v;
        }
    }

    // Code: the program, when it is not the sample's own.
    if (auto payload = take("code")) {
        std::string why;
        std::optional<std::string> text;
        if (!codec || !codec->unpack) {
            why = "this page cannot read code in links yet";
        } else {
            try {
                text = codec->unpack(*payload, &why);
            } catch (const std::exception& e) {
                why = e.what();
            }
        }
        if (text) {
            result.state.code = std::move(text);
        } else {
            note(
                fmt::format("The link's code could not be loaded ({}); showing the sample's own "
                            "program.",
                            shown(why.empty() ? std::string("unreadable") : why, 160)));
            trusted = false;
        }
    }

    // Knobs: remaining pairs, in link order.
    result.state.sample = sample ? sample->id : "threading";
    result.state.knobs = sample ? defaults(sample->knobs) : KnobValues{};
    for (auto& p : pairs) {
        const KnobSpec* spec = sample ? find_knob(sample->knobs, p.key) : nullptr;
        if (!spec) {
            note(fmt::format("Unknown setting '{}' for sample {}; ignored.", shown(p.key),
                             result.state.sample));
            continue;
        }
        std::string why;
        result.state.knobs[spec->key] = clamp_knob(*spec, p.value, &why);
        if (!why.empty()) note(why + ".");
    }

    // A moment is one of a simulated run: a real run is not replayed.
    if (t_ms) {
        const auto m = result.state.knobs.find("machine");
        if (m == result.state.knobs.end() || m->second != "simulated") {
            note(fmt::format(
                "t={} names a moment of a run on the simulated machine; this link runs on {}, so "
                "it was ignored.",
                shown(fmt::format("{}", *t_ms)),
                m == result.state.knobs.end() ? "a machine without replay" : "this computer"));
            t_ms.reset();
        }
    }
    result.state.t_ms = t_ms;

    if (run && (!trusted || !notes.empty())) {
        notes.insert(notes.begin(),
                     "The link asked to run at once; not started because of the problems below. "
                     "Press Run.");
        run = false;
    }
    result.state.run = run;

    if (notes.size() > kMaxNotices) {
        const size_t more = notes.size() - (kMaxNotices - 1);
        notes.resize(kMaxNotices - 1);
        notes.push_back(fmt::format("... and {} more problems.", more));
    }
    result.notices = std::move(notes);
    return result;
}

}  // namespace interleave::samples
