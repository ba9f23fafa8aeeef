// Interleave UI — the code editor's text model: the text as UTF-8 lines, a caret and an
// anchor, one edit primitive (replace a range by a text), unbounded undo/redo grouped the way
// people expect, and the Python-aware commands the editor's keys call (4-space indent,
// auto-indent, comment toggle, smart Home, word moves, find, bracket matching), plus line
// markers that move with their lines. No ImGui, no platform: the widget (code_editor.hpp) is a
// view over it, and tests and the fuzzer drive it directly.
//
// Pure data; one thread at a time (the UI's main thread in the app). Costs: an edit is
// O(bytes of the lines it touches + number of lines after them); queries are O(1) or O(line).
//
// Positions are (line, col): line 0-based, col a byte offset into that line, always on a
// UTF-8 code-point boundary (every public function clamps what it is given). The text never
// holds '\r' (CRLF and CR become LF on the way in) and is valid UTF-8 (invalid bytes become
// U+FFFD, and the count is reported by take_notices()).
//
// Behaviour, and where it comes from:
//  ✓ undo/redo unbounded (ImGui 1.86's InputText stops at 99 steps / 999 chars), each step
//    restoring the selection it started from; typing groups into words the way VS Code does
//    (a space after a non-space starts a new step), consecutive Backspaces/Deletes group, a
//    paste or a command (indent, comment, Enter) is one step; any caret move closes a step
//  ✓ 4-space indentation as PEP 8 / Python's IDLE: Tab on a multi-line selection indents its
//    lines, elsewhere inserts spaces to the next 4-column stop; Shift+Tab dedents the lines to
//    the previous stop; Enter keeps the line's indent, adds 4 after a trailing ':' (comments
//    ignored), and removes 4 after return/pass/break/continue/raise; Backspace in leading
//    spaces goes back to the previous stop (IDLE's "smart backspace")
//  ✓ smart Home (first non-blank, then column 0), word and line selection, word moves
//  ✓ find next/previous within lines, case-sensitive or ASCII case-insensitive, wrapping
//  ✓ comment toggle ('# ' at the lines' common indent, as VS Code's Python mode)
//  ✓ bracket matching that skips strings and comments on the lines it scans
//  ✗ find across line breaks, regular expressions, replace
//  ✗ auto-closing brackets/quotes, automatic dedent of else/elif/except while typing
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/editor/utf8.hpp"

namespace interleave::ui {

struct TextPos {
    int line = 0;
    int col = 0;  // bytes into the line
    friend constexpr auto operator<=>(const TextPos&, const TextPos&) = default;
};

struct TextRange {
    TextPos begin, end;  // begin <= end
    bool empty() const { return begin == end; }
};

// A line marker: the error line (●), a thread's current line (▶), or one of the lines a
// selected thread ran (a band in its colour). `line` follows the text through edits: lines
// inserted or removed above move it, a marker whose line is deleted lands on the line the
// deletion joined into.
enum class MarkerKind : uint8_t { error, thread, thread_line };
struct Marker {
    MarkerKind kind = MarkerKind::error;
    int line = 0;
    int col_begin = -1, col_end = -1;  // bytes on the line to underline; -1 = none
    uint32_t color = 0;                // RGBA as ImU32 (0 = the view's default for the kind)
    std::string label;                 // thread name / error type, shown on hover
    std::string detail;                // message, thread state ("waiting for the GIL")
    int style = 0;                     // thread: ThreadMarker::Activity
};

class TextModel {
  public:
    static constexpr int kIndent = 4;

    explicit TextModel(std::string_view text = {});

    // --- Text --------------------------------------------------------------------------------
    // Replaces everything; clears undo/redo and markers; caret at the start.
    void set_text(std::string_view text);
    std::string text() const;  // lines joined by '\n'
    int line_count() const { return static_cast<int>(lines_.size()); }
    const std::string& line(int i) const { return lines_[static_cast<size_t>(i)]; }
    size_t size_bytes() const;
    std::string text_in(TextRange r) const;
    // Increments on every change of the text (views re-lex on change, not per frame).
    uint64_t version() const { return version_; }
    // Messages about text that came in changed (invalid UTF-8); cleared by the call.
    std::vector<std::string> take_notices();

    // --- Positions -----------------------------------------------------------------------------
    TextPos clamp(TextPos p) const;  // into the text, onto a code-point boundary (backwards)
    TextPos end_pos() const;
    size_t offset_of(TextPos p) const;  // bytes from the start of the text (O(lines))
    TextPos pos_at(size_t offset) const;
    TextPos next_char(TextPos p) const;  // crosses line ends
    TextPos prev_char(TextPos p) const;
    TextPos next_word(TextPos p) const;  // Ctrl+Right: the end of the next word or run
    TextPos prev_word(TextPos p) const;  // Ctrl+Left: the start of the previous one
    // Display cells from the line start to `col` (a tab advances to the next multiple of 4; a
    // wide character, utf8::cell_width(), takes 2; every other code point one: the editor's
    // font is monospaced and draws wide glyphs two cells wide).
    int cells(int line, int col) const;
    int col_at_cells(int line, int cells) const;  // nearest boundary to a cell count
    int indent_of(int line) const;                // bytes of leading spaces/tabs

    // --- Selection (caret = cursor; the selection is anchor..cursor) ----------------------------
    TextPos cursor() const { return cursor_; }
    TextPos anchor() const { return anchor_; }
    bool has_selection() const { return cursor_ != anchor_; }
    TextRange selection() const;
    std::string selected_text() const;
    // Moves the caret; `extend` keeps the anchor (Shift). Closes the open undo step.
    void set_cursor(TextPos p, bool extend = false);
    void set_selection(TextPos anchor, TextPos cursor);
    void select_all();
    void select_word_at(TextPos p);  // a word, a run of blanks, or one other character
    void select_line(int line);      // the line and its line break

    // Caret moves (Shift = extend). Vertical moves keep the column the caret had when
    // vertical movement began (`goal` cells), as every editor does.
    void move_left(bool extend);  // with a selection and no Shift: to its start
    void move_right(bool extend);
    void move_up(bool extend, int lines = 1);
    void move_down(bool extend, int lines = 1);
    void move_word_left(bool extend);
    void move_word_right(bool extend);
    void move_home(bool extend);  // smart Home
    void move_end(bool extend);
    void move_doc_start(bool extend);
    void move_doc_end(bool extend);

    // --- Edits -----------------------------------------------------------------------------------
    // The one primitive: replaces `r` by `text` (sanitised), records it for undo as its own
    // step, and puts the caret after the inserted text. Returns the end of the inserted text.
    TextPos replace(TextRange r, std::string_view text);

    // What keys do. Each is one undo step (typing and deleting merge as described above).
    void type_text(std::string_view s);  // typed characters (IME commits included)
    void paste(std::string_view s);      // replaces the selection; never merges
    void newline();                      // Enter, with auto-indent
    void backspace();
    void delete_forward();
    void delete_word_left();  // Ctrl+Backspace
    void delete_word_right();
    void tab();        // indent the selected lines, or insert spaces to the next stop
    void shift_tab();  // dedent the selected lines (or the caret's)
    void toggle_comment();
    std::string cut();  // the selection's text (removed), or "" with nothing selected
    // Ends the open undo step, so the next edit starts a new one (the view calls it after a
    // pause in typing, or when focus leaves).
    void close_undo_step() { open_ = false; }

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    bool undo();  // false with nothing to undo
    bool redo();
    size_t undo_depth() const { return undo_.size(); }
    size_t redo_depth() const { return redo_.size(); }

    // --- Find ------------------------------------------------------------------------------------
    // The next occurrence of `needle` (no line breaks) starting at `from` (forward) or ending
    // at or before it (backward), wrapping around the text. Case-insensitive compares ASCII
    // letters only.
    std::optional<TextRange> find(std::string_view needle, TextPos from, bool forward,
                                  bool match_case) const;
    // Selects the next/previous match from the selection; false (selection kept) if none.
    bool find_next(std::string_view needle, bool forward, bool match_case);
    size_t count_matches(std::string_view needle, bool match_case, size_t limit) const;

    // --- Brackets --------------------------------------------------------------------------------
    // If a bracket ( [ { ) ] } is just before or at `p`, the position of it and of its match
    // (strings and comments skipped; at most `budget` bytes scanned).
    struct BracketPair {
        TextPos open, close;
    };
    std::optional<BracketPair> match_bracket(TextPos p, size_t budget = 65536) const;

    // --- Markers ---------------------------------------------------------------------------------
    void add_marker(Marker m);
    void clear_markers(MarkerKind kind);
    const std::vector<Marker>& markers() const { return markers_; }

  private:
    struct Edit {
        TextPos at;  // where removed/inserted start
        std::string removed, inserted;
    };
    enum class StepKind : uint8_t { other, typing, delete_back, delete_forward };
    struct Step {
        std::vector<Edit> edits;
        TextPos anchor_before, cursor_before, anchor_after, cursor_after;
        StepKind kind = StepKind::other;
    };
    struct StepState {
        bool fresh;  // a new step (not merged into the open one)
        uint64_t version_before;
    };
    StepState begin_step(StepKind kind, bool merge);
    void end_step(StepState st);
    // Records the edits of one command as one undo step (merged into the open step if asked).
    class StepScope {
      public:
        StepScope(TextModel& m, StepKind kind, bool merge)
            : m_(m), st_(m.begin_step(kind, merge)) {}
        ~StepScope() { m_.end_step(st_); }
        StepScope(const StepScope&) = delete;
        StepScope& operator=(const StepScope&) = delete;

      private:
        TextModel& m_;
        StepState st_;
    };

    TextPos raw_replace(TextPos a, TextPos b, std::string_view text);  // no undo, no markers
    TextPos record_replace(TextRange r, std::string_view clean);       // into the open step
    bool moves_line_down(TextPos a, TextPos b, int inserted_lines) const;
    void map_markers(TextPos a, TextPos b, int inserted_lines, bool insertion_before_text);
    void move_to(TextPos p, bool extend, bool keep_goal = false);
    void indent_lines(int first, int last);
    void dedent_lines(int first, int last);
    void selected_lines(int& first, int& last) const;
    void delete_range_step(TextRange r, StepKind kind);

    std::vector<std::string> lines_{std::string()};
    TextPos cursor_, anchor_;
    int goal_cells_ = -1;  // column kept by vertical moves (-1 = none)
    uint64_t version_ = 0;
    std::vector<Step> undo_, redo_;
    bool open_ = false;         // undo_.back() may still be extended
    Step* building_ = nullptr;  // a step being recorded (StepScope)
    std::vector<Marker> markers_;
    std::vector<std::string> notices_;
};

}  // namespace interleave::ui
