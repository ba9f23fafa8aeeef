#include "ui/python_lexer.hpp"

#include <array>
#include <cctype>

namespace interleave::ui {

namespace {

bool is_ident_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_ident(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    for (auto x : list)
        if (x == w) return true;
    return false;
}

bool is_keyword(std::string_view w) {
    return in(
        w, {"False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
            "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
            "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
            "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"});
}

bool is_builtin(std::string_view w) {
    return in(w, {"print",       "range",      "len",    "sum",       "list",         "dict",
                  "set",         "tuple",      "int",    "str",       "float",        "bool",
                  "min",         "max",        "abs",    "enumerate", "zip",          "map",
                  "sorted",      "isinstance", "object", "super",     "self",         "open",
                  "round",       "any",        "all",    "Exception", "RuntimeError", "ValueError",
                  "TimeoutError"});
}

// Pushes [b, e) as `kind`, split at newlines so every span stays on one line.
void push(std::vector<PySpan>& out, std::string_view s, size_t b, size_t e, PyToken kind) {
    size_t start = b;
    for (size_t i = b; i < e; ++i) {
        if (s[i] == '\n') {
            if (i > start) out.push_back({uint32_t(start), uint32_t(i), kind});
            start = i + 1;
        }
    }
    if (e > start) out.push_back({uint32_t(start), uint32_t(e), kind});
}

// End of a string whose body starts at `e` (after the opening quote(s)): just past the
// closing quote(s), or where a one-line string meets its line's end, or the text's end.
// `closed` says whether the closing quote(s) were found.
size_t string_end(std::string_view s, size_t e, char q, bool triple, bool* closed = nullptr) {
    const size_t n = s.size();
    if (closed) *closed = false;
    while (e < n) {
        if (s[e] == '\\') {
            e += 2;
            continue;
        }
        if (!triple && s[e] == '\n') break;  // unterminated: stop at line end
        if (s[e] == q && (!triple || (e + 2 < n && s[e + 1] == q && s[e + 2] == q))) {
            if (closed) *closed = true;
            return e + (triple ? 3 : 1);
        }
        ++e;
    }
    return std::min(e, n);
}

PyLineState triple_state(char q) {
    return q == '\'' ? PyLineState::in_triple_single : PyLineState::in_triple_double;
}

}  // namespace

PyLineState python_state_after_line(std::string_view s, PyLineState start) {
    const size_t n = s.size();
    size_t i = 0;
    bool closed = true;
    if (start != PyLineState::code) {
        i = string_end(s, 0, start == PyLineState::in_triple_single ? '\'' : '"', true, &closed);
        if (!closed) return start;
    }
    while (i < n) {
        const char c = s[i];
        if (c == '#') return PyLineState::code;
        if (c == '\'' || c == '"') {
            const bool triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            i = string_end(s, i + (triple ? 3 : 1), c, triple, &closed);
            if (triple && !closed) return triple_state(c);
            continue;
        }
        ++i;
    }
    return PyLineState::code;
}

std::vector<PySpan> lex_python(std::string_view s, PyLineState start) {
    std::vector<PySpan> out;
    out.reserve(s.size() / 3);
    const size_t n = s.size();
    size_t i = 0;
    bool after_def = false;
    if (start != PyLineState::code) {  // the rest of a triple-quoted string opened earlier
        i = string_end(s, 0, start == PyLineState::in_triple_single ? '\'' : '"', true);
        push(out, s, 0, i, PyToken::string);
    }
    while (i < n) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '#') {
            size_t e = s.find('\n', i);
            if (e == std::string_view::npos) e = n;
            push(out, s, i, e, PyToken::comment);
            i = e;
            continue;
        }
        // String, with optional prefix letters (f, r, b, u, rb, fr...).
        size_t p = i;
        while (p < n && p - i < 2 &&
               std::string_view("rRbBuUfF").find(s[p]) != std::string_view::npos)
            ++p;
        if (p < n && (s[p] == '\'' || s[p] == '"')) {
            const char q = s[p];
            const bool triple = p + 2 < n && s[p + 1] == q && s[p + 2] == q;
            size_t e = string_end(s, p + (triple ? 3 : 1), q, triple);
            if (e > n) e = n;
            push(out, s, i, e, PyToken::string);
            i = e;
            after_def = false;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            size_t e = i + 1;
            while (e < n &&
                   (is_ident(s[e]) || s[e] == '.' ||
                    ((s[e] == '+' || s[e] == '-') && (s[e - 1] == 'e' || s[e - 1] == 'E'))))
                ++e;
            push(out, s, i, e, PyToken::number);
            i = e;
            continue;
        }
        if (c == '@' && (i == 0 || s[i - 1] == '\n' || s[i - 1] == ' ')) {
            size_t e = i + 1;
            while (e < n && (is_ident(s[e]) || s[e] == '.')) ++e;
            if (e > i + 1) {
                push(out, s, i, e, PyToken::decorator);
                i = e;
                continue;
            }
        }
        if (is_ident_start(c)) {
            size_t e = i + 1;
            while (e < n && is_ident(s[e])) ++e;
            const std::string_view w = s.substr(i, e - i);
            PyToken kind = PyToken::text;
            if (after_def) {
                kind = PyToken::function;
            } else if (is_keyword(w)) {
                kind = PyToken::keyword;
            } else {
                size_t k = e;
                while (k < n && s[k] == ' ') ++k;
                if (k < n && s[k] == '(')
                    kind = is_builtin(w) ? PyToken::builtin : PyToken::function;
                else if (is_builtin(w))
                    kind = PyToken::builtin;
            }
            after_def = (w == "def" || w == "class");
            push(out, s, i, e, kind);
            i = e;
            continue;
        }
        // Operators and punctuation: plain text, one byte at a time (UTF-8 bytes included).
        size_t e = i + 1;
        while (e < n && !is_ident(s[e]) && s[e] != ' ' && s[e] != '\n' && s[e] != '#' &&
               s[e] != '\'' && s[e] != '"' && s[e] != '\t' && s[e] != '\r')
            ++e;
        push(out, s, i, e, PyToken::text);
        after_def = false;
        i = e;
    }
    return out;
}

}  // namespace interleave::ui
