// Knobs as values in a program's text: a small scanner that knows just enough of Python's
// lexical rules (strings, comments, brackets, backslash continuations) to tell a top-level
// statement's first column from the inside of a docstring or a call, and a reader/writer of the
// one literal such a statement assigns.
#include "samples/knob_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace interleave::samples {
namespace {

bool ident_start(char c) {
    // Bytes >= 0x80 (UTF-8 letters) start identifiers too, so `café` is never read as `caf`.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool ident_char(char c) {
    return ident_start(c) || (c >= '0' && c <= '9');
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}
bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
}
// End of a physical line at `i`: "\n", "\r\n" or the end of the text.
bool line_end(std::string_view t, size_t i) {
    return i >= t.size() || t[i] == '\n' ||
           (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] == '\n'));
}

// Skips the string literal whose opening quote is at `i`; returns the index after it. Counts
// the newlines it crosses into `*line`. A single-quoted string ends at an unescaped newline
// (unterminated: Python's error, not ours); a triple-quoted one may span lines. `*closed` (if
// given) says whether the closing quote was found.
size_t skip_string(std::string_view t, size_t i, int* line, bool* closed = nullptr) {
    const size_t n = t.size();
    const char q = t[i];
    const bool triple = i + 2 < n && t[i + 1] == q && t[i + 2] == q;
    i += triple ? 3 : 1;
    if (closed) *closed = false;
    while (i < n) {
        const char c = t[i];
        if (c == '\\') {
            if (i + 1 < n && t[i + 1] == '\n') ++*line;
            i += 2;
            continue;
        }
        if (c == q && (!triple || (i + 2 < n && t[i + 1] == q && t[i + 2] == q))) {
            if (closed) *closed = true;
            return i + (triple ? 3 : 1);
        }
        if (c == '\n') {
            if (!triple) return i;
            ++*line;
        }
        ++i;
    }
    return n;
}

// The one literal at `*k` (sign, number, one-line string, True/False/None); advances `*k`
// past it. False when what is there is not a single literal.
bool scan_literal(std::string_view t, size_t* k) {
    const size_t n = t.size();
    size_t i = *k;
    bool signed_ = false;
    if (i < n && (t[i] == '-' || t[i] == '+')) {
        signed_ = true;
        ++i;
        while (i < n && blank(t[i])) ++i;
    }
    if (i < n && (digit(t[i]) || (t[i] == '.' && i + 1 < n && digit(t[i + 1])))) {
        const size_t start = i;
        const bool hex = i + 1 < n && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X');
        while (i < n) {
            const char c = t[i];
            if (ident_char(c) || c == '.') {
                ++i;
            } else if ((c == '+' || c == '-') && !hex && i > start &&
                       (t[i - 1] == 'e' || t[i - 1] == 'E')) {
                ++i;
            } else {
                break;
            }
        }
        *k = i;
        return true;
    }
    if (signed_) return false;
    if (i < n && (t[i] == '"' || t[i] == '\'')) {
        const char q = t[i];
        if (i + 2 < n && t[i + 1] == q && t[i + 2] == q) return false;  // triple: may span lines
        int ignored = 0;
        bool closed = false;
        const size_t end = skip_string(t, i, &ignored, &closed);
        // One line only: a backslash-newline inside would make the knob's edit join lines.
        if (!closed || t.substr(i, end - i).find_first_of("\r\n") != std::string_view::npos) {
            return false;
        }
        *k = end;
        return true;
    }
    if (i < n && ident_start(t[i])) {
        size_t j = i;
        while (j < n && ident_char(t[j])) ++j;
        const std::string_view word = t.substr(i, j - i);
        if (word != "True" && word != "False" && word != "None") return false;
        *k = j;
        return true;
    }
    return false;
}

// A top-level statement starts at `i` (column 0): if it is `NAME = value`, appends it to `out`
// unless NAME already has its first assignment there.
void try_assignment(std::string_view t, size_t i, int line, std::vector<Assignment>& out,
                    std::unordered_set<std::string_view>& seen) {
    const size_t n = t.size();
    if (i >= n || !ident_start(t[i]) || digit(t[i])) return;
    size_t j = i;
    while (j < n && ident_char(t[j])) ++j;
    const std::string_view name = t.substr(i, j - i);
    while (j < n && blank(t[j])) ++j;
    if (j >= n || t[j] != '=' || (j + 1 < n && t[j + 1] == '=')) return;
    ++j;
    while (j < n && blank(t[j])) ++j;
    if (!seen.insert(name).second) return;  // only the first assignment counts
    Assignment a;
    a.name = std::string(name);
    a.line = line;
    a.begin = j;
    size_t k = j;
    if (scan_literal(t, &k)) {
        size_t m = k;
        while (m < n && blank(t[m])) ++m;
        if (line_end(t, m) || t[m] == '#') {
            a.plain = true;
            a.end = k;
        }
    }
    if (!a.plain) {
        // Not one literal: the rest of the physical line, for the notice (never edited).
        size_t e = j;
        while (!line_end(t, e)) ++e;
        while (e > j && blank(t[e - 1])) --e;
        a.end = e;
    }
    out.push_back(std::move(a));
}

// Python's rules for a numeric literal the knob reads: an optional sign (spaces after it
// allowed), underscores only between digits, no leading zeros on a non-zero integer. Returns
// the text for knob_problem ("-1000"), or nullopt when Python would not accept it as written.
std::optional<std::string> number_text(std::string_view lit) {
    std::string out;
    size_t i = 0;
    if (!lit.empty() && (lit[0] == '-' || lit[0] == '+')) {
        if (lit[0] == '-') out += '-';
        ++i;
        while (i < lit.size() && blank(lit[i])) ++i;
    }
    const std::string_view body = lit.substr(i);
    for (size_t j = 0; j < body.size(); ++j) {
        if (body[j] != '_') {
            out += body[j];
            continue;
        }
        if (j == 0 || j + 1 == body.size() || !digit(body[j - 1]) || !digit(body[j + 1])) {
            return std::nullopt;
        }
    }
    const bool integer_form = body.find_first_of(".eExXoObBjJ") == std::string_view::npos;
    if (integer_form && body.size() > 1 && body[0] == '0' &&
        body.find_first_not_of("0_") != std::string_view::npos) {
        return std::nullopt;  // `007`: a SyntaxError in Python 3
    }
    return out;
}

std::string quoted_choices(const KnobSpec& spec) {
    std::string out;
    for (size_t i = 0; i < spec.choices.size(); ++i) {
        if (i) out += ", ";
        out += knob_literal(spec, spec.choices[i]);
    }
    return out;
}

// The knob value a plain literal stands for, or "" with `*problem` set.
std::string read_literal(const KnobSpec& spec, std::string_view lit, std::string* problem) {
    std::string canonical;
    switch (spec.type) {
        case KnobType::integer:
        case KnobType::number: {
            const auto text = number_text(lit);
            if (!text) {
                *problem = spec.type == KnobType::integer
                               ? fmt::format("is not a whole number (range {})", spec.range_text())
                               : fmt::format("is not a number (range {})", spec.range_text());
                return {};
            }
            *problem = knob_problem(spec, *text, &canonical);
            return canonical;
        }
        case KnobType::choice: {
            for (size_t i = 0; i < spec.choices.size(); ++i) {
                const std::string want = knob_literal(spec, spec.choices[i]);
                if (lit == want) return spec.choices[i];
                // A string written with the other quote character is the same string.
                if (spec.literals.empty() && lit.size() >= 2 && lit.front() == '\'' &&
                    lit.back() == '\'' && lit.substr(1, lit.size() - 2) == spec.choices[i]) {
                    return spec.choices[i];
                }
            }
            *problem = "is not one of " + quoted_choices(spec);
            return {};
        }
    }
    *problem = "has an unknown knob type";
    return {};
}

}  // namespace

std::vector<Assignment> top_level_assignments(std::string_view t) {
    std::vector<Assignment> out;
    std::unordered_set<std::string_view> seen;
    const size_t n = t.size();
    size_t i = t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a UTF-8 BOM is not part of line 1
    int line = 1, depth = 0;
    bool line_start = true, continued = false;
    while (i < n) {
        if (line_start) {
            line_start = false;
            if (depth == 0 && !continued) try_assignment(t, i, line, out, seen);
            continued = false;
        }
        const char c = t[i];
        if (c == '\n') {
            ++line;
            ++i;
            line_start = true;
        } else if (c == '#') {
            while (i < n && t[i] != '\n') ++i;
        } else if (c == '\\') {
            // Outside strings a backslash before the line end joins the next line to this one.
            const size_t after = i + 1 < n && t[i + 1] == '\r' ? i + 2 : i + 1;
            if (after < n && t[after] == '\n') {
                continued = true;
                ++line;
                i = after + 1;
                line_start = true;
            } else {
                ++i;
            }
        } else if (c == '"' || c == '\'') {
            i = skip_string(t, i, &line);
        } else {
            if (c == '(' || c == '[' || c == '{') ++depth;
            if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
            ++i;
        }
    }
    return out;
}

std::vector<TextKnob> read_knobs(const std::vector<KnobSpec>& specs, std::string_view text) {
    std::vector<TextKnob> out;
    const std::vector<Assignment> all = top_level_assignments(text);
    for (const auto& spec : specs) {
        if (spec.name.empty()) continue;
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const Assignment& a) { return a.name == spec.name; });
        if (it == all.end()) continue;
        TextKnob k;
        k.spec = &spec;
        k.at = *it;
        const std::string_view lit = text.substr(it->begin, it->end - it->begin);
        std::string problem;
        if (!it->plain) {
            problem = "is not a plain value (a number, a string, True or False)";
        } else {
            std::string v = read_literal(spec, lit, &problem);
            if (problem.empty()) k.value = std::move(v);
        }
        if (!problem.empty()) {
            k.notice = fmt::format("line {}: {} = {} {}", it->line, spec.name, shown(lit), problem);
        }
        out.push_back(std::move(k));
    }
    return out;
}

std::string apply_edit(std::string_view text, const TextEdit& edit) {
    std::string out;
    const size_t offset = std::min(edit.offset, text.size());
    const size_t length = std::min(edit.length, text.size() - offset);
    out.reserve(text.size() - length + edit.replacement.size());
    out.append(text.substr(0, offset));
    out.append(edit.replacement);
    out.append(text.substr(offset + length));
    return out;
}

std::string knob_literal(const KnobSpec& spec, std::string_view value) {
    if (spec.type != KnobType::choice) return std::string(value);
    for (size_t i = 0; i < spec.choices.size() && i < spec.literals.size(); ++i) {
        if (spec.choices[i] == value) return spec.literals[i];
    }
    return fmt::format("\"{}\"", value);
}

std::optional<TextEdit> knob_edit(const KnobSpec& spec, std::string_view text,
                                  std::string_view value, std::string* error) {
    auto fail = [&](std::string msg) -> std::optional<TextEdit> {
        if (error) *error = std::move(msg);
        return std::nullopt;
    };
    if (spec.name.empty()) {
        return fail(
            fmt::format("{} is a run setting, not a value in the program's text", spec.key));
    }
    std::string why;
    const auto canonical = parse_knob(spec, value, &why);
    if (!canonical) return fail(why);
    const std::vector<Assignment> all = top_level_assignments(text);
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const Assignment& a) { return a.name == spec.name; });
    if (it == all.end()) {
        return fail(fmt::format("the program has no line `{} = ...`, so it has no {} knob",
                                spec.name, spec.key));
    }
    const std::string_view old = text.substr(it->begin, it->end - it->begin);
    if (!it->plain) {
        return fail(fmt::format("line {}: {} = {} is not a plain value; edit it in the text",
                                it->line, spec.name, shown(old)));
    }
    std::string lit = knob_literal(spec, *canonical);
    std::string problem;
    if (read_literal(spec, old, &problem) == *canonical && problem.empty()) {
        lit = std::string(old);  // the value it already has: keep `1_000`, `1.0`, 'x' as written
    } else if (spec.type == KnobType::choice && spec.literals.empty() && !old.empty() &&
               old.front() == '\'') {
        lit = "'" + *canonical + "'";
    }
    TextEdit e;
    e.offset = it->begin;
    e.length = it->end - it->begin;
    e.replacement = std::move(lit);
    return e;
}

}  // namespace interleave::samples
