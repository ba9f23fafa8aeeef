// Knob parsing: strict for the CLI, lenient (clamp and say so) for links.
//
// Canonical text: integers in plain decimal, numbers in fmt's shortest round-trip form
// ("0.1", "2.5", "5"), choices verbatim. Parsing never depends on the locale beyond the "C"
// behaviour of strtod for the validated character set below.
#include "samples/knobs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace interleave::samples {

// What a user typed, shortened and with control characters made visible, so a notice built
// from hostile input stays one readable line.
std::string shown(std::string_view text, size_t max) {
    std::string out;
    for (char c : text.substr(0, max)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            out += fmt::format("\\x{:02x}", u);
        } else {
            out += c;
        }
    }
    if (text.size() > max) out += "...";
    return out;
}

namespace {

std::string format_number(double x) {
    if (x == 0) x = 0;  // no "-0"
    return fmt::format("{}", x);
}

enum class Parsed { ok, malformed, overflow };

// Decimal integer: optional sign, digits only (no spaces, no "4.0", no hex). 64-bit on every
// target (wasm's long is 32-bit; the seed knob goes to 2^32 - 1).
Parsed parse_integer(std::string_view s, long long* out) {
    if (s.empty()) return Parsed::malformed;
    size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (i == s.size()) return Parsed::malformed;
    for (size_t j = i; j < s.size(); ++j) {
        if (s[j] < '0' || s[j] > '9') return Parsed::malformed;
    }
    std::string_view digits = s[0] == '+' ? s.substr(1) : s;
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
    if (r.ec == std::errc::result_out_of_range) {
        *out = s[0] == '-' ? std::numeric_limits<long long>::min()
                           : std::numeric_limits<long long>::max();
        return Parsed::overflow;
    }
    return r.ec == std::errc() ? Parsed::ok : Parsed::malformed;
}

// Decimal number: [+-]digits[.digits][e[+-]digits] (also ".5", "5."). No inf/nan/hex.
Parsed parse_number(std::string_view s, double* out) {
    size_t i = 0, n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    size_t int_digits = 0, frac_digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++int_digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return Parsed::malformed;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
        if (exp_digits == 0) return Parsed::malformed;
    }
    if (i != n) return Parsed::malformed;
    const std::string copy(s);
    *out = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(*out)) {
        *out = copy[0] == '-' ? -HUGE_VAL : HUGE_VAL;
        return Parsed::overflow;
    }
    return Parsed::ok;
}

std::string choices_text(const KnobSpec& spec) {
    std::string out;
    for (const auto& c : spec.choices) {
        if (!out.empty()) out += '|';
        out += c;
    }
    return out;
}

}  // namespace

std::string KnobSpec::range_text() const {
    switch (type) {
        case KnobType::integer:
            return fmt::format("{}..{}", static_cast<long long>(min), static_cast<long long>(max));
        case KnobType::number:
            return format_number(min) + ".." + format_number(max);
        case KnobType::choice:
            return choices_text(*this);
    }
    return {};
}

KnobValues defaults(const std::vector<KnobSpec>& specs) {
    KnobValues v;
    for (const auto& s : specs) v[s.key] = s.default_value;
    return v;
}

const KnobSpec* find_knob(const std::vector<KnobSpec>& specs, std::string_view key) {
    for (const auto& s : specs) {
        if (s.key == key) return &s;
    }
    return nullptr;
}

std::string knob_problem(const KnobSpec& spec, std::string_view text, std::string* canonical) {
    switch (spec.type) {
        case KnobType::integer: {
            long long v = 0;
            const Parsed p = parse_integer(text, &v);
            if (p == Parsed::malformed) {
                return fmt::format("is not a whole number (range {})", spec.range_text());
            }
            if (p == Parsed::overflow || v < spec.min || v > spec.max) {
                return "is out of range " + spec.range_text();
            }
            if (canonical) *canonical = std::to_string(v);
            return {};
        }
        case KnobType::number: {
            double v = 0;
            const Parsed p = parse_number(text, &v);
            if (p == Parsed::malformed) {
                return fmt::format("is not a number (range {})", spec.range_text());
            }
            if (p == Parsed::overflow || v < spec.min || v > spec.max) {
                return "is out of range " + spec.range_text();
            }
            if (canonical) *canonical = format_number(v);
            return {};
        }
        case KnobType::choice: {
            for (const auto& c : spec.choices) {
                if (c == text) {
                    if (canonical) *canonical = c;
                    return {};
                }
            }
            return "is not one of " + choices_text(spec);
        }
    }
    return "has an unknown knob type";
}

std::optional<std::string> parse_knob(const KnobSpec& spec, std::string_view text,
                                      std::string* error) {
    std::string canonical;
    const std::string problem = knob_problem(spec, text, &canonical);
    if (problem.empty()) return canonical;
    if (error) *error = fmt::format("{}={} {}", spec.key, shown(text), problem);
    return std::nullopt;
}

std::string clamp_knob(const KnobSpec& spec, std::string_view text, std::string* note) {
    auto say = [&](std::string msg) {
        if (note) *note = std::move(msg);
    };
    if (note) note->clear();
    auto fallback = [&](const char* what) {
        say(fmt::format("{}={} {}; using the default {}", spec.key, shown(text), what,
                        spec.default_value));
        return spec.default_value;
    };
    switch (spec.type) {
        case KnobType::integer: {
            long long v = 0;
            const Parsed p = parse_integer(text, &v);
            if (p == Parsed::malformed) return fallback("is not a whole number");
            const auto lo = static_cast<long long>(spec.min), hi = static_cast<long long>(spec.max);
            if (p == Parsed::overflow || v < lo || v > hi) {
                const long long c = v < lo ? lo : hi;
                say(fmt::format("{}={} is out of range {}; using {}", spec.key, shown(text),
                                spec.range_text(), c));
                return std::to_string(c);
            }
            return std::to_string(v);
        }
        case KnobType::number: {
            double v = 0;
            const Parsed p = parse_number(text, &v);
            if (p == Parsed::malformed) return fallback("is not a number");
            if (p == Parsed::overflow || v < spec.min || v > spec.max) {
                const double c = v < spec.min ? spec.min : spec.max;
                say(fmt::format("{}={} is out of range {}; using {}", spec.key, shown(text),
                                spec.range_text(), format_number(c)));
                return format_number(c);
            }
            return format_number(v);
        }
        case KnobType::choice: {
            for (const auto& c : spec.choices) {
                if (c == text) return c;
            }
            say(fmt::format("{}={} is not one of {}; using the default {}", spec.key, shown(text),
                            choices_text(spec), spec.default_value));
            return spec.default_value;
        }
    }
    return spec.default_value;
}

long knob_int(const KnobValues& v, const std::string& key) {
    const long long out = knob_int64(v, key);
    if (out < std::numeric_limits<long>::min() || out > std::numeric_limits<long>::max())
        throw std::invalid_argument("knob " + key + " does not fit a long: " + v.at(key));
    return static_cast<long>(out);
}

long long knob_int64(const KnobValues& v, const std::string& key) {
    long long out = 0;
    if (parse_integer(v.at(key), &out) != Parsed::ok) {
        throw std::invalid_argument("knob " + key + " is not an integer: " + v.at(key));
    }
    return out;
}

double knob_number(const KnobValues& v, const std::string& key) {
    double out = 0;
    if (parse_number(v.at(key), &out) != Parsed::ok) {
        throw std::invalid_argument("knob " + key + " is not a number: " + v.at(key));
    }
    return out;
}

const std::string& knob_choice(const KnobValues& v, const std::string& key) {
    return v.at(key);
}

}  // namespace interleave::samples
