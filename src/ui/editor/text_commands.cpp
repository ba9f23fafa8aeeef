// The text model's commands: typing and deleting with undo grouping, Python indentation
// (Tab/Shift+Tab, Enter, Backspace), comment toggle, find and bracket matching.
// See text_model.hpp for the behaviour and where it comes from.
#include <algorithm>
#include <array>

#include "ui/editor/text_model.hpp"

namespace interleave::ui {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}
bool is_ident(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
bool all_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), is_blank);
}

// Marks which bytes of a line are code (true) rather than inside a string or a comment.
// Single-line view: a triple-quoted string that spans lines is not seen.
std::vector<bool> code_mask(std::string_view l) {
    std::vector<bool> code(l.size(), true);
    char quote = 0;
    bool triple = false;
    for (size_t i = 0; i < l.size(); ++i) {
        const char c = l[i];
        if (quote) {
            code[i] = false;
            if (c == '\\') {
                if (i + 1 < l.size()) code[++i] = false;
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (i + 2 < l.size() && l[i + 1] == quote && l[i + 2] == quote) {
                    code[i + 1] = code[i + 2] = false;
                    i += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (c == '#') {
            std::fill(code.begin() + static_cast<std::ptrdiff_t>(i), code.end(), false);
            break;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < l.size() && l[i + 1] == c && l[i + 2] == c;
            code[i] = false;
            if (triple) {
                code[i + 1] = code[i + 2] = false;
                i += 2;
            }
        }
    }
    return code;
}

// The line's code before `col`, without its comment and trailing blanks.
std::string_view code_before(std::string_view l, size_t col) {
    size_t end = std::min(col, l.size());
    char quote = 0;  // single-line view, as code_mask
    for (size_t i = 0; i < end; ++i) {
        const char c = l[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '#') {
            end = i;
            break;
        }
    }
    while (end > 0 && is_blank(l[end - 1])) --end;
    return l.substr(0, end);
}

// True if the code is a statement after which Python's block ends: return, pass, break,
// continue, raise (as the first word).
bool ends_block(std::string_view code) {
    size_t i = 0;
    while (i < code.size() && is_blank(code[i])) ++i;
    size_t e = i;
    while (e < code.size() && is_ident(code[e])) ++e;
    const std::string_view w = code.substr(i, e - i);
    static constexpr std::array<std::string_view, 5> kw{"return", "pass", "break", "continue",
                                                        "raise"};
    return std::find(kw.begin(), kw.end(), w) != kw.end();
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Index of `needle` in `hay` from `from` (forward) or last start <= `from` (backward).
size_t search(std::string_view hay, std::string_view needle, size_t from, bool forward,
              bool match_case) {
    if (needle.size() > hay.size()) return std::string_view::npos;
    auto eq = [&](size_t at) {
        for (size_t k = 0; k < needle.size(); ++k) {
            const char a = hay[at + k], b = needle[k];
            if (match_case ? a != b : ascii_lower(a) != ascii_lower(b)) return false;
        }
        return true;
    };
    const size_t last = hay.size() - needle.size();
    if (forward) {
        for (size_t at = from; at <= last; ++at)
            if (eq(at) && utf8::is_boundary(hay, at)) return at;
    } else {
        for (size_t at = std::min(from, last) + 1; at-- > 0;)
            if (eq(at) && utf8::is_boundary(hay, at)) return at;
    }
    return std::string_view::npos;
}

}  // namespace

// --- Typing and deleting -----------------------------------------------------------------------

void TextModel::type_text(std::string_view s) {
    size_t bad = 0;
    const std::string clean = utf8::sanitize(s, &bad);
    if (clean.empty()) return;
    if (clean.find('\n') != std::string::npos) return paste(clean);
    // Continue the open typing step unless a blank follows a non-blank (a new word), as VS
    // Code does: "hello world" undoes as " world", then "hello".
    bool merge = false;
    if (open_ && !has_selection() && !undo_.empty() && undo_.back().kind == StepKind::typing) {
        const Edit& last = undo_.back().edits.back();
        TextPos end = last.at;
        for (char c : last.inserted) {
            if (c == '\n') {
                ++end.line;
                end.col = 0;
            } else {
                ++end.col;
            }
        }
        const char prev = last.inserted.empty() ? ' ' : last.inserted.back();
        merge = end == cursor_ && !(is_blank(clean[0]) && !is_blank(prev));
    }
    StepScope step(*this, StepKind::typing, merge);
    cursor_ = anchor_ = record_replace(selection(), clean);
}

void TextModel::paste(std::string_view s) {
    size_t bad = 0;
    const std::string clean = utf8::sanitize(s, &bad);
    if (bad)
        notices_.push_back(std::to_string(bad) +
                           " pasted byte(s) were not UTF-8 and became U+FFFD");
    if (clean.empty() && !has_selection()) return;
    StepScope step(*this, StepKind::other, false);
    cursor_ = anchor_ = record_replace(selection(), clean);
}

std::string TextModel::cut() {
    if (!has_selection()) return {};
    std::string out = selected_text();
    StepScope step(*this, StepKind::other, false);
    cursor_ = anchor_ = record_replace(selection(), "");
    return out;
}

void TextModel::newline() {
    const TextRange sel = selection();
    const std::string& l = line(sel.begin.line);
    const auto col = static_cast<size_t>(sel.begin.col);
    const size_t ind = std::min(static_cast<size_t>(indent_of(sel.begin.line)), col);
    std::string indent = l.substr(0, ind);
    const std::string_view code = code_before(l, col);
    const std::string& end_line = line(sel.end.line);
    const bool rest_blank =
        all_blank(std::string_view(end_line).substr(static_cast<size_t>(sel.end.col)));
    if (!code.empty() && code.back() == ':') {
        indent += std::string(kIndent, ' ');
    } else if (ends_block(code) && rest_blank && code.size() > ind) {
        // Back to the previous stop (a tab is one level).
        if (!indent.empty() && indent.back() == '\t') {
            indent.pop_back();
        } else {
            size_t n = 0;
            while (n < indent.size() && indent[indent.size() - 1 - n] == ' ') ++n;
            const size_t drop = std::min(n, static_cast<size_t>((indent.size() - 1) % kIndent + 1));
            indent.resize(indent.size() - drop);
        }
    }
    TextPos from = sel.begin, to = sel.end;
    // Blanks before the caret on a blank line go (no trailing whitespace is left behind);
    // blanks after the caret would double the new line's indent.
    if (all_blank(std::string_view(l).substr(0, col))) from.col = 0;
    while (static_cast<size_t>(to.col) < end_line.size() &&
           is_blank(end_line[static_cast<size_t>(to.col)]))
        ++to.col;
    StepScope step(*this, StepKind::other, false);
    cursor_ = anchor_ = record_replace({from, to}, "\n" + indent);
}

void TextModel::backspace() {
    if (has_selection()) {
        StepScope step(*this, StepKind::other, false);
        cursor_ = anchor_ = record_replace(selection(), "");
        return;
    }
    if (cursor_ == TextPos{}) return;
    const std::string& l = line(cursor_.line);
    TextPos from = prev_char(cursor_);
    const std::string_view before = std::string_view(l).substr(0, static_cast<size_t>(cursor_.col));
    if (!before.empty() &&
        std::all_of(before.begin(), before.end(), [](char c) { return c == ' '; })) {
        // In leading spaces: back to the previous 4-column stop.
        const int target = (cursor_.col - 1) / kIndent * kIndent;
        from = {cursor_.line, target};
    }
    delete_range_step({from, cursor_}, StepKind::delete_back);
}

void TextModel::delete_forward() {
    if (has_selection()) {
        StepScope step(*this, StepKind::other, false);
        cursor_ = anchor_ = record_replace(selection(), "");
        return;
    }
    const TextPos to = next_char(cursor_);
    if (to == cursor_) return;
    delete_range_step({cursor_, to}, StepKind::delete_forward);
}

void TextModel::delete_word_left() {
    if (has_selection()) return backspace();
    const TextPos from = prev_word(cursor_);
    if (from == cursor_) return;
    StepScope step(*this, StepKind::other, false);
    cursor_ = anchor_ = record_replace({from, cursor_}, "");
}

void TextModel::delete_word_right() {
    if (has_selection()) return delete_forward();
    const TextPos to = next_word(cursor_);
    if (to == cursor_) return;
    StepScope step(*this, StepKind::other, false);
    cursor_ = anchor_ = record_replace({cursor_, to}, "");
}

// --- Indentation and comments --------------------------------------------------------------------

void TextModel::selected_lines(int& first, int& last) const {
    const TextRange r = selection();
    first = r.begin.line;
    last = r.end.line;
    // A selection that ends at the start of a line does not include that line.
    if (last > first && r.end.col == 0) --last;
}

namespace {
// Moves a selection end on `line` for an edit there that removed `removed` bytes at `col` and
// inserted `inserted`. An end exactly at `col` stays before the insertion when col is 0 (so a
// selection of whole lines keeps starting at column 0), and moves after it otherwise.
void shift(TextPos& p, int line, int col, int removed, int inserted) {
    if (p.line != line) return;
    if (p.col > col + removed || (p.col == col + removed && (col > 0 || removed > 0)))
        p.col += inserted - removed;
    else if (p.col > col)
        p.col = col;
}
}  // namespace

void TextModel::indent_lines(int first, int last) {
    TextPos a = anchor_, c = cursor_;
    for (int l = first; l <= last; ++l) {
        if (line(l).empty()) continue;
        record_replace({{l, 0}, {l, 0}}, std::string(kIndent, ' '));
        shift(a, l, 0, 0, kIndent);
        shift(c, l, 0, 0, kIndent);
    }
    anchor_ = a;
    cursor_ = c;
}

void TextModel::dedent_lines(int first, int last) {
    TextPos a = anchor_, c = cursor_;
    for (int l = first; l <= last; ++l) {
        const std::string& s = line(l);
        int n = 0;
        if (!s.empty() && s[0] == '\t') {
            n = 1;
        } else {
            int spaces = 0;
            while (static_cast<size_t>(spaces) < s.size() && s[static_cast<size_t>(spaces)] == ' ')
                ++spaces;
            if (spaces == 0) continue;
            n = (spaces - 1) % kIndent + 1;  // to the previous stop
        }
        record_replace({{l, 0}, {l, n}}, "");
        shift(a, l, 0, n, 0);
        shift(c, l, 0, n, 0);
    }
    anchor_ = a;
    cursor_ = c;
}

void TextModel::tab() {
    int first = 0, last = 0;
    selected_lines(first, last);
    if (has_selection() && selection().begin.line != selection().end.line) {
        StepScope step(*this, StepKind::other, false);
        indent_lines(first, last);
        return;
    }
    const TextPos at = selection().begin;
    const int c = cells(at.line, at.col);
    type_text(std::string(static_cast<size_t>(kIndent - c % kIndent), ' '));
}

void TextModel::shift_tab() {
    int first = 0, last = 0;
    selected_lines(first, last);
    StepScope step(*this, StepKind::other, false);
    dedent_lines(first, last);
}

void TextModel::toggle_comment() {
    int first = 0, last = 0;
    selected_lines(first, last);
    bool all_commented = true, any = false;
    int min_indent = 1 << 30;
    for (int l = first; l <= last; ++l) {
        const std::string& s = line(l);
        if (all_blank(s)) continue;
        any = true;
        const int ind = indent_of(l);
        min_indent = std::min(min_indent, ind);
        if (s[static_cast<size_t>(ind)] != '#') all_commented = false;
    }
    if (!any) return;
    StepScope step(*this, StepKind::other, false);
    TextPos a = anchor_, c = cursor_;
    for (int l = first; l <= last; ++l) {
        const std::string& s = line(l);
        if (all_blank(s)) continue;
        if (all_commented) {
            const int at = indent_of(l);
            const int n =
                static_cast<size_t>(at + 1) < s.size() && s[static_cast<size_t>(at + 1)] == ' ' ? 2
                                                                                                : 1;
            record_replace({{l, at}, {l, at + n}}, "");
            shift(a, l, at, n, 0);
            shift(c, l, at, n, 0);
        } else {
            record_replace({{l, min_indent}, {l, min_indent}}, "# ");
            shift(a, l, min_indent, 0, 2);
            shift(c, l, min_indent, 0, 2);
        }
    }
    anchor_ = clamp(a);
    cursor_ = clamp(c);
}

// --- Find ----------------------------------------------------------------------------------------

std::optional<TextRange> TextModel::find(std::string_view needle, TextPos from, bool forward,
                                         bool match_case) const {
    if (needle.empty() || needle.find('\n') != std::string_view::npos) return std::nullopt;
    from = clamp(from);
    const int n = line_count();
    const int len = static_cast<int>(needle.size());
    auto hit = [&](int l, size_t at) {
        return TextRange{{l, static_cast<int>(at)}, {l, static_cast<int>(at) + len}};
    };
    if (forward) {
        // From `from` to the end, then from the start back to `from` (wrapping).
        for (int k = 0; k <= n; ++k) {
            const int l = (from.line + k) % n;
            const size_t start = k == 0 ? static_cast<size_t>(from.col) : 0;
            const size_t at = search(line(l), needle, start, true, match_case);
            if (at == std::string_view::npos) continue;
            if (k == n && static_cast<int>(at) >= from.col) break;  // wrapped past the start
            return hit(l, at);
        }
    } else {
        for (int k = 0; k <= n; ++k) {
            const int l = ((from.line - k) % n + n) % n;
            const std::string& s = line(l);
            size_t start = s.size();
            if (k == 0) {
                if (from.col < len) continue;
                start = static_cast<size_t>(from.col - len);
            }
            const size_t at = search(s, needle, start, false, match_case);
            if (at == std::string_view::npos) continue;
            if (k == n && static_cast<int>(at) + len <= from.col) break;
            return hit(l, at);
        }
    }
    return std::nullopt;
}

bool TextModel::find_next(std::string_view needle, bool forward, bool match_case) {
    const TextRange sel = selection();
    const auto r = find(needle, forward ? sel.end : sel.begin, forward, match_case);
    if (!r) return false;
    set_selection(r->begin, r->end);
    return true;
}

size_t TextModel::count_matches(std::string_view needle, bool match_case, size_t limit) const {
    if (needle.empty() || needle.find('\n') != std::string_view::npos) return 0;
    size_t count = 0;
    for (int l = 0; l < line_count() && count < limit; ++l) {
        size_t at = 0;
        for (;;) {
            at = search(line(l), needle, at, true, match_case);
            if (at == std::string_view::npos || ++count >= limit) break;
            at += needle.size();
        }
    }
    return count;
}

// --- Brackets
// --------------------------------------------------------------------------------------

std::optional<TextModel::BracketPair> TextModel::match_bracket(TextPos p, size_t budget) const {
    p = clamp(p);
    static constexpr std::string_view kOpen = "([{", kClose = ")]}";
    auto bracket_at = [&](TextPos q) -> int {  // index into kOpen (+0) / kClose (+3), or -1
        const std::string& s = line(q.line);
        if (q.col < 0 || static_cast<size_t>(q.col) >= s.size()) return -1;
        const char c = s[static_cast<size_t>(q.col)];
        if (code_mask(s)[static_cast<size_t>(q.col)] == false) return -1;
        if (auto i = kOpen.find(c); i != std::string_view::npos) return static_cast<int>(i);
        if (auto i = kClose.find(c); i != std::string_view::npos) return static_cast<int>(i) + 3;
        return -1;
    };
    TextPos at = p;
    int b = -1;
    if (p.col > 0) {
        at = {p.line, p.col - 1};
        b = bracket_at(at);
    }
    if (b < 0) {
        at = p;
        b = bracket_at(at);
    }
    if (b < 0) return std::nullopt;
    const bool forward = b < 3;
    const char open = kOpen[static_cast<size_t>(b % 3)], close = kClose[static_cast<size_t>(b % 3)];
    int depth = 0;
    size_t scanned = 0;
    for (int l = at.line; l >= 0 && l < line_count(); l += forward ? 1 : -1) {
        const std::string& s = line(l);
        const std::vector<bool> code = code_mask(s);
        const int n = static_cast<int>(s.size());
        int i = l == at.line ? at.col : (forward ? 0 : n - 1);
        for (; i >= 0 && i < n; i += forward ? 1 : -1) {
            if (++scanned > budget) return std::nullopt;
            if (!code[static_cast<size_t>(i)]) continue;
            const char c = s[static_cast<size_t>(i)];
            if (c == open) depth += forward ? 1 : -1;
            if (c == close) depth += forward ? -1 : 1;
            if (depth == 0) {
                const TextPos other{l, i};
                return forward ? BracketPair{at, other} : BracketPair{other, at};
            }
        }
    }
    return std::nullopt;
}

}  // namespace interleave::ui
