// The text model's storage, positions, selection, the replace primitive, undo/redo and
// markers. The Python-aware commands, find and brackets are in text_commands.cpp.
#include "ui/editor/text_model.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

namespace interleave::ui {

namespace {

// Where `text` ends when inserted at `at`.
TextPos end_of(TextPos at, std::string_view text) {
    const size_t nl = text.rfind('\n');
    if (nl == std::string_view::npos) return {at.line, at.col + static_cast<int>(text.size())};
    return {at.line + static_cast<int>(std::count(text.begin(), text.end(), '\n')),
            static_cast<int>(text.size() - nl - 1)};
}

}  // namespace

// --- Text ------------------------------------------------------------------------------------

TextModel::TextModel(std::string_view text) {
    set_text(text);
}

void TextModel::set_text(std::string_view text) {
    size_t bad = 0;
    const std::string clean = utf8::sanitize(text, &bad);
    if (bad)
        notices_.push_back(std::to_string(bad) +
                           " byte(s) were not UTF-8 and show as \xEF\xBF\xBD (U+FFFD)");
    lines_.clear();
    size_t start = 0;
    for (;;) {
        const size_t nl = clean.find('\n', start);
        lines_.emplace_back(clean.substr(start, nl == std::string::npos ? nl : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    cursor_ = anchor_ = {};
    goal_cells_ = -1;
    undo_.clear();
    redo_.clear();
    open_ = false;
    markers_.clear();
    ++version_;
}

std::string TextModel::text() const {
    std::string out;
    out.reserve(size_bytes());
    for (size_t i = 0; i < lines_.size(); ++i) {
        if (i) out += '\n';
        out += lines_[i];
    }
    return out;
}

size_t TextModel::size_bytes() const {
    size_t n = lines_.size() - 1;
    for (const auto& l : lines_) n += l.size();
    return n;
}

std::string TextModel::text_in(TextRange r) const {
    const TextPos a = clamp(r.begin), b = clamp(r.end);
    if (b <= a) return {};
    const auto& la = lines_[static_cast<size_t>(a.line)];
    if (a.line == b.line)
        return la.substr(static_cast<size_t>(a.col), static_cast<size_t>(b.col - a.col));
    std::string out = la.substr(static_cast<size_t>(a.col));
    for (int l = a.line + 1; l < b.line; ++l) {
        out += '\n';
        out += lines_[static_cast<size_t>(l)];
    }
    out += '\n';
    out += lines_[static_cast<size_t>(b.line)].substr(0, static_cast<size_t>(b.col));
    return out;
}

std::vector<std::string> TextModel::take_notices() {
    return std::exchange(notices_, {});
}

// --- Positions -------------------------------------------------------------------------------

TextPos TextModel::clamp(TextPos p) const {
    if (p.line < 0) return {0, 0};
    if (p.line >= line_count()) return end_pos();
    const auto& l = lines_[static_cast<size_t>(p.line)];
    if (p.col <= 0) return {p.line, 0};
    size_t c = std::min(static_cast<size_t>(p.col), l.size());
    while (c > 0 && !utf8::is_boundary(l, c)) --c;
    return {p.line, static_cast<int>(c)};
}

TextPos TextModel::end_pos() const {
    return {line_count() - 1, static_cast<int>(lines_.back().size())};
}

size_t TextModel::offset_of(TextPos p) const {
    p = clamp(p);
    size_t off = 0;
    for (int l = 0; l < p.line; ++l) off += lines_[static_cast<size_t>(l)].size() + 1;
    return off + static_cast<size_t>(p.col);
}

TextPos TextModel::pos_at(size_t offset) const {
    for (int l = 0; l < line_count(); ++l) {
        const size_t len = lines_[static_cast<size_t>(l)].size();
        if (offset <= len) return clamp({l, static_cast<int>(offset)});
        offset -= len + 1;
    }
    return end_pos();
}

TextPos TextModel::next_char(TextPos p) const {
    p = clamp(p);
    const auto& l = lines_[static_cast<size_t>(p.line)];
    if (static_cast<size_t>(p.col) < l.size())
        return {p.line, p.col + utf8::char_len(l, static_cast<size_t>(p.col))};
    if (p.line + 1 < line_count()) return {p.line + 1, 0};
    return p;
}

TextPos TextModel::prev_char(TextPos p) const {
    p = clamp(p);
    if (p.col > 0) {
        const auto& l = lines_[static_cast<size_t>(p.line)];
        return {p.line, static_cast<int>(utf8::prev_boundary(l, static_cast<size_t>(p.col)))};
    }
    if (p.line > 0)
        return {p.line - 1, static_cast<int>(lines_[static_cast<size_t>(p.line - 1)].size())};
    return p;
}

namespace {
// Character classes for word moves and double-click: identifiers (non-ASCII counts as a
// letter: Python allows Unicode identifiers), blanks, everything else.
enum class CharClass { word, blank, other };
CharClass class_of(std::string_view l, size_t i) {
    const auto c = static_cast<unsigned char>(l[i]);
    if (c == ' ' || c == '\t') return CharClass::blank;
    if (c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
        return CharClass::word;
    return CharClass::other;
}
}  // namespace

TextPos TextModel::next_word(TextPos p) const {
    p = clamp(p);
    const auto& l = lines_[static_cast<size_t>(p.line)];
    size_t i = static_cast<size_t>(p.col);
    if (i >= l.size()) return next_char(p);  // the line break
    while (i < l.size() && class_of(l, i) == CharClass::blank) ++i;
    if (i < l.size()) {
        const CharClass k = class_of(l, i);
        while (i < l.size() && class_of(l, i) == k) i += static_cast<size_t>(utf8::char_len(l, i));
    }
    return {p.line, static_cast<int>(i)};
}

TextPos TextModel::prev_word(TextPos p) const {
    p = clamp(p);
    const auto& l = lines_[static_cast<size_t>(p.line)];
    size_t i = static_cast<size_t>(p.col);
    if (i == 0) return prev_char(p);
    while (i > 0 && class_of(l, i - 1) == CharClass::blank) --i;
    if (i > 0) {
        const CharClass k = class_of(l, utf8::prev_boundary(l, i));
        while (i > 0 && class_of(l, utf8::prev_boundary(l, i)) == k) i = utf8::prev_boundary(l, i);
    }
    return {p.line, static_cast<int>(i)};
}

namespace {
// Cells of the character at l[i]: ASCII without decoding (the common case).
int cell_of(const std::string& l, size_t i) {
    return static_cast<unsigned char>(l[i]) < 0x80 ? 1 : utf8::cell_width(utf8::decode(l, i));
}
}  // namespace

int TextModel::cells(int line, int col) const {
    const auto& l = lines_[static_cast<size_t>(std::clamp(line, 0, line_count() - 1))];
    const size_t end = std::min(static_cast<size_t>(std::max(col, 0)), l.size());
    int n = 0;
    for (size_t i = 0; i < end;) {
        n = l[i] == '\t' ? (n / kIndent + 1) * kIndent : n + cell_of(l, i);
        i += static_cast<size_t>(utf8::char_len(l, i));
    }
    return n;
}

int TextModel::col_at_cells(int line, int want) const {
    const auto& l = lines_[static_cast<size_t>(std::clamp(line, 0, line_count() - 1))];
    int n = 0;
    size_t i = 0;
    while (i < l.size()) {
        const int next = l[i] == '\t' ? (n / kIndent + 1) * kIndent : n + cell_of(l, i);
        if (next > want) {
            // Nearer to the end of this character than to its start: after it.
            if (want - n > next - want) i += static_cast<size_t>(utf8::char_len(l, i));
            break;
        }
        n = next;
        i += static_cast<size_t>(utf8::char_len(l, i));
    }
    return static_cast<int>(i);
}

int TextModel::indent_of(int line) const {
    const auto& l = lines_[static_cast<size_t>(std::clamp(line, 0, line_count() - 1))];
    size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    return static_cast<int>(i);
}

// --- Selection -------------------------------------------------------------------------------

TextRange TextModel::selection() const {
    return cursor_ < anchor_ ? TextRange{cursor_, anchor_} : TextRange{anchor_, cursor_};
}

std::string TextModel::selected_text() const {
    return text_in(selection());
}

void TextModel::move_to(TextPos p, bool extend, bool keep_goal) {
    cursor_ = clamp(p);
    if (!extend) anchor_ = cursor_;
    if (!keep_goal) goal_cells_ = -1;
    open_ = false;
}

void TextModel::set_cursor(TextPos p, bool extend) {
    move_to(p, extend);
}

void TextModel::set_selection(TextPos anchor, TextPos cursor) {
    move_to(cursor, false);
    anchor_ = clamp(anchor);
}

void TextModel::select_all() {
    set_selection({0, 0}, end_pos());
}

void TextModel::select_word_at(TextPos p) {
    p = clamp(p);
    const auto& l = lines_[static_cast<size_t>(p.line)];
    if (l.empty()) return set_selection(p, p);
    size_t i = static_cast<size_t>(p.col);
    if (i >= l.size()) i = utf8::prev_boundary(l, l.size());
    const CharClass k = class_of(l, i);
    size_t b = i, e = i + static_cast<size_t>(utf8::char_len(l, i));
    if (k != CharClass::other) {
        while (b > 0 && class_of(l, utf8::prev_boundary(l, b)) == k) b = utf8::prev_boundary(l, b);
        while (e < l.size() && class_of(l, e) == k) e += static_cast<size_t>(utf8::char_len(l, e));
    }
    set_selection({p.line, static_cast<int>(b)}, {p.line, static_cast<int>(e)});
}

void TextModel::select_line(int line) {
    line = std::clamp(line, 0, line_count() - 1);
    const TextPos end =
        line + 1 < line_count()
            ? TextPos{line + 1, 0}
            : TextPos{line, static_cast<int>(lines_[static_cast<size_t>(line)].size())};
    set_selection({line, 0}, end);
}

void TextModel::move_left(bool extend) {
    if (has_selection() && !extend) return move_to(selection().begin, false);
    move_to(prev_char(cursor_), extend);
}

void TextModel::move_right(bool extend) {
    if (has_selection() && !extend) return move_to(selection().end, false);
    move_to(next_char(cursor_), extend);
}

void TextModel::move_up(bool extend, int n) {
    if (goal_cells_ < 0) goal_cells_ = cells(cursor_.line, cursor_.col);
    if (cursor_.line == 0) return move_to({0, 0}, extend);  // as on every platform
    const int line = std::max(0, cursor_.line - n);
    move_to({line, col_at_cells(line, goal_cells_)}, extend, true);
}

void TextModel::move_down(bool extend, int n) {
    if (goal_cells_ < 0) goal_cells_ = cells(cursor_.line, cursor_.col);
    if (cursor_.line == line_count() - 1) return move_to(end_pos(), extend);
    const int line = std::min(line_count() - 1, cursor_.line + n);
    move_to({line, col_at_cells(line, goal_cells_)}, extend, true);
}

void TextModel::move_word_left(bool extend) {
    move_to(prev_word(cursor_), extend);
}
void TextModel::move_word_right(bool extend) {
    move_to(next_word(cursor_), extend);
}

void TextModel::move_home(bool extend) {
    const int first = indent_of(cursor_.line);
    move_to({cursor_.line, cursor_.col == first ? 0 : first}, extend);
}

void TextModel::move_end(bool extend) {
    move_to({cursor_.line, static_cast<int>(lines_[static_cast<size_t>(cursor_.line)].size())},
            extend);
}

void TextModel::move_doc_start(bool extend) {
    move_to({0, 0}, extend);
}
void TextModel::move_doc_end(bool extend) {
    move_to(end_pos(), extend);
}

// --- Edits -----------------------------------------------------------------------------------

TextPos TextModel::raw_replace(TextPos a, TextPos b, std::string_view text) {
    auto& first = lines_[static_cast<size_t>(a.line)];
    const std::string tail = lines_[static_cast<size_t>(b.line)].substr(static_cast<size_t>(b.col));
    first.resize(static_cast<size_t>(a.col));
    // Remove the lines a.line+1 .. b.line (their remainder is `tail`).
    if (b.line > a.line) lines_.erase(lines_.begin() + a.line + 1, lines_.begin() + b.line + 1);
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) {
        lines_[static_cast<size_t>(a.line)] += text;
        const int end_col = static_cast<int>(lines_[static_cast<size_t>(a.line)].size());
        lines_[static_cast<size_t>(a.line)] += tail;
        ++version_;
        return {a.line, end_col};
    }
    lines_[static_cast<size_t>(a.line)] += text.substr(0, nl);
    std::vector<std::string> added;
    size_t start = nl + 1;
    for (;;) {
        nl = text.find('\n', start);
        if (nl == std::string_view::npos) break;
        added.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    std::string last(text.substr(start));
    const int end_col = static_cast<int>(last.size());
    last += tail;
    added.push_back(std::move(last));
    lines_.insert(lines_.begin() + a.line + 1, std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
    ++version_;
    return {a.line + static_cast<int>(added.size()), end_col};
}

bool TextModel::moves_line_down(TextPos a, TextPos b, int inserted_lines) const {
    // Line breaks inserted where only the line's indentation is replaced push its text (and
    // a marker on it) down.
    return inserted_lines > 0 && a.line == b.line && b.col <= indent_of(a.line);
}

void TextModel::map_markers(TextPos a, TextPos b, int inserted_lines, bool insertion_before_text) {
    const int removed_lines = b.line - a.line;
    for (auto& m : markers_) {
        if (m.line < a.line) continue;
        if (m.line == a.line) {
            // A line break typed before the line's text (Enter at its start) moves the text,
            // and the marker with it, down.
            if (insertion_before_text) m.line += inserted_lines;
            continue;
        }
        if (m.line <= b.line)
            m.line = a.line;  // its line was joined into a.line
        else
            m.line += inserted_lines - removed_lines;
    }
}

TextPos TextModel::record_replace(TextRange r, std::string_view clean) {
    assert(building_);
    const TextPos a = clamp(r.begin), b = clamp(r.end);
    if (a == b && clean.empty()) return a;
    Edit e{a, text_in({a, b}), std::string(clean)};
    const int nl = static_cast<int>(std::count(clean.begin(), clean.end(), '\n'));
    const bool before_text = moves_line_down(a, b, nl);
    const TextPos end = raw_replace(a, b, clean);
    map_markers(a, b, nl, before_text);
    // Merge with the previous edit when it simply continues it (typing, deleting).
    if (!building_->edits.empty()) {
        Edit& prev = building_->edits.back();
        if (e.removed.empty() && prev.removed.empty() && end_of(prev.at, prev.inserted) == a) {
            prev.inserted += e.inserted;
            return end;
        }
        if (e.inserted.empty() && prev.inserted.empty()) {
            if (e.at == prev.at) {  // Delete, Delete, ...
                prev.removed += e.removed;
                return end;
            }
            if (end_of(a, e.removed) == prev.at) {  // Backspace, Backspace, ...
                prev.removed = e.removed + prev.removed;
                prev.at = a;
                return end;
            }
        }
    }
    building_->edits.push_back(std::move(e));
    return end;
}

TextModel::StepState TextModel::begin_step(StepKind kind, bool merge) {
    StepState st{!(merge && !undo_.empty()), version_};
    if (st.fresh) {
        Step s;
        s.anchor_before = anchor_;
        s.cursor_before = cursor_;
        s.kind = kind;
        undo_.push_back(std::move(s));
    }
    building_ = &undo_.back();
    return st;
}

void TextModel::end_step(StepState st) {
    Step& s = *building_;
    building_ = nullptr;
    if (version_ == st.version_before) {  // nothing changed: no step, and redo is kept
        if (st.fresh) undo_.pop_back();
        open_ = false;
        return;
    }
    redo_.clear();
    s.anchor_after = anchor_;
    s.cursor_after = cursor_;
    open_ = s.kind != StepKind::other;
    goal_cells_ = -1;
}

TextPos TextModel::replace(TextRange r, std::string_view text) {
    size_t bad = 0;
    const std::string clean = utf8::sanitize(text, &bad);
    if (bad) notices_.push_back(std::to_string(bad) + " byte(s) were not UTF-8 and became U+FFFD");
    StepScope step(*this, StepKind::other, false);
    if (r.end < r.begin) std::swap(r.begin, r.end);
    const TextPos end = record_replace(r, clean);
    cursor_ = anchor_ = end;
    return end;
}

void TextModel::delete_range_step(TextRange r, StepKind kind) {
    // Merge into the open step of the same kind when the deletion continues it.
    bool merge = false;
    if (open_ && !undo_.empty() && undo_.back().kind == kind && !has_selection()) {
        const Edit& last = undo_.back().edits.back();
        merge = last.inserted.empty() && ((kind == StepKind::delete_back && r.end == last.at) ||
                                          (kind == StepKind::delete_forward && r.begin == last.at));
    }
    StepScope step(*this, kind, merge);
    const TextPos end = record_replace(r, "");
    cursor_ = anchor_ = end;
}

bool TextModel::undo() {
    if (undo_.empty()) return false;
    Step s = std::move(undo_.back());
    undo_.pop_back();
    for (auto it = s.edits.rbegin(); it != s.edits.rend(); ++it) {
        const TextPos end = end_of(it->at, it->inserted);
        const int nl = static_cast<int>(std::count(it->removed.begin(), it->removed.end(), '\n'));
        const bool before_text = moves_line_down(it->at, end, nl);
        raw_replace(it->at, end, it->removed);
        map_markers(it->at, end, nl, before_text);
    }
    anchor_ = clamp(s.anchor_before);
    cursor_ = clamp(s.cursor_before);
    goal_cells_ = -1;
    open_ = false;
    redo_.push_back(std::move(s));
    return true;
}

bool TextModel::redo() {
    if (redo_.empty()) return false;
    Step s = std::move(redo_.back());
    redo_.pop_back();
    for (const Edit& e : s.edits) {
        const TextPos end = end_of(e.at, e.removed);
        const int nl = static_cast<int>(std::count(e.inserted.begin(), e.inserted.end(), '\n'));
        const bool before_text = moves_line_down(e.at, end, nl);
        raw_replace(e.at, end, e.inserted);
        map_markers(e.at, end, nl, before_text);
    }
    anchor_ = clamp(s.anchor_after);
    cursor_ = clamp(s.cursor_after);
    goal_cells_ = -1;
    open_ = false;
    undo_.push_back(std::move(s));
    return true;
}

// --- Markers ---------------------------------------------------------------------------------

void TextModel::add_marker(Marker m) {
    m.line = std::clamp(m.line, 0, line_count() - 1);
    markers_.push_back(std::move(m));
}

void TextModel::clear_markers(MarkerKind kind) {
    markers_.erase(std::remove_if(markers_.begin(), markers_.end(),
                                  [kind](const Marker& m) { return m.kind == kind; }),
                   markers_.end());
}

}  // namespace interleave::ui
