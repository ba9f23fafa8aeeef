// Interleave UI — the code editor widget: a Dear ImGui view over a TextModel (text_model.hpp)
// with line numbers, Python colouring (python_lexer.hpp, re-lexed only when the text changes),
// a caret, mouse and keyboard selection, undo/redo, clipboard, Tab/Shift+Tab, a find bar
// (Ctrl+F), comment toggle (Ctrl+/), bracket-match highlight, scroll-to-caret, and line markers
// (errors ● with their message, a thread's in its colour; each thread's current line ▶; the
// lines a selected thread ran, as bands in its colour).
//
// Main thread only, between ImGui::NewFrame and Render. Draw cost is O(visible lines) per
// frame plus O(text) once per change (join + lex + widest line).
//
// While it has keyboard focus the editor holds ImGui's active id (as InputText does), claims
// arrows/Home/End/PgUp/PgDn/Tab/Esc from keyboard navigation and sets io.WantTextInput for the
// next frame, so the app's single-key shortcuts stay quiet: a typed `1` is a `1`. Ctrl+Enter is
// left to the app (run), and Esc too (stop); Esc also closes the find bar or, with none open,
// hands keyboard focus back (so Tab can leave the editor: the way out CodeMirror documents).
//
//  ✓ typing (UTF-8, IME commits as characters), Enter with auto-indent, Backspace/Delete
//    (+Ctrl: by word), Tab/Shift+Tab, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Ctrl+A, Ctrl+C/X/V (or
//    the platform's clipboard events), Ctrl+F / Enter / Shift+Enter in the find bar, Ctrl+/
//  ✓ arrows, Ctrl+arrows (words), Home (smart) / End, Ctrl+Home/End, PgUp/PgDn, Shift extends
//  ✓ click, drag, double-click word, triple-click or gutter click line, Shift+click, wheel
//  ✓ Cmd instead of Ctrl when `Config::mac` (the browser on macOS)
//  ✗ inline IME preedit (the platform shows its own composition window), soft wrap,
//    multiple carets, code folding, right-to-left text, glyphs the font atlas lacks (drawn '?')
#pragma once

#include <imgui.h>

struct ImGuiWindow;  // imgui_internal.h

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/editor/text_model.hpp"
#include "ui/python_lexer.hpp"

namespace interleave::ui {

// io.KeysDown indices of keys that ImGui 1.86's ImGuiKey_ does not name (the backend's own
// codes; GLFW's are ASCII for these). -1 = not available.
struct EditorKeys {
    int f = -1, g = -1, slash = -1;
};

// Keys as ordered events. ImGui 1.86 reads key state once per frame, apart from the typed
// characters, so "ab", Enter, "c" arriving within one frame would come out of order. A
// platform that can (the web bridge) sends editing keys into the character queue instead, as
// a private-use code point: kKeyEventBase | mods << 6 | key. Text and keys then keep the
// order they were typed in, however slow the frames are.
enum class EditorKey : uint8_t {
    // clang-format off
    none, left, right, up, down, home, end, page_up, page_down, backspace, del, enter, tab,
    escape, a, c, v, x, y, z, f, g, slash, open_file, save_file
    // clang-format on
};
constexpr unsigned kModShift = 1, kModCtrl = 2, kModAlt = 4, kModSuper = 8;
constexpr unsigned kKeyEventBase = 0xE000;  // .. 0xE3FF
constexpr unsigned key_event(EditorKey k, unsigned mods) {
    return kKeyEventBase | (mods & 15) << 6 | static_cast<unsigned>(k);
}
constexpr bool is_key_event(unsigned c) {
    return c >= kKeyEventBase && c < kKeyEventBase + 0x400;
}
constexpr EditorKey key_of(unsigned c) {
    return static_cast<EditorKey>(c & 63);
}

// An error at a place in the program (issue #10 item 4): a SyntaxError, or where an uncaught
// exception was raised (its innermost frame in the program).
struct Diagnostic {
    int line = 0;                      // 0-based
    int col_begin = -1, col_end = -1;  // bytes on the line to underline; -1: the line's text
    std::string type;                  // "SyntaxError", "ZeroDivisionError"
    std::string message;               // "invalid syntax", "division by zero"
    // An exception in a thread other than the main one: the thread's name and lane colour
    // (ImU32), which mark it instead of the error red.
    std::string thread;
    uint32_t color = 0;
};

// One thread's current line, as the run reports it.
struct ThreadMarker {
    int line = 0;        // 0-based
    uint32_t color = 0;  // the thread's lane colour (ImU32)
    std::string name;    // "Thread-1 (print_numbers)"
    std::string state;   // "running", "waiting for the GIL", "blocked on Lock#1"
    // How the ▶ is drawn: filled (running), hollow (waiting for the GIL), with a bar (blocked
    // or sleeping), so the state reads without hovering.
    enum class Activity : uint8_t { running, gil_wait, blocked } activity = Activity::running;
    bool operator==(const ThreadMarker&) const = default;
};

class CodeEditor {
  public:
    struct Config {
        EditorKeys keys;
        bool mac = false;               // Cmd (io.KeySuper) is the shortcut modifier
        bool clipboard_events = false;  // cut/copy/paste arrive as events (the web bridge)
        bool ordered_keys = false;      // keys arrive as key_event() characters (web bridge)
        double undo_pause_s = 1.5;      // typing after a pause this long starts a new undo step
    };

    CodeEditor();

    TextModel& model() { return model_; }
    const TextModel& model() const { return model_; }
    void set_text(std::string_view text);  // replaces everything; no undo; markers cleared
    std::string text() const { return model_.text(); }

    // Draws the editor (find bar + text) in `size` (0 = the room available). Returns true
    // when the text changed during this call.
    bool draw(const char* str_id, ImVec2 size = ImVec2(0, 0));

    bool focused() const { return focused_; }
    // The find bar's field has the keyboard (as of the last draw). With `config.ordered_keys`
    // the platform sends the editing keys into the character queue then too, and the field
    // takes them from there in typing order (the platform's key state, which lags, is hidden
    // from it): an Esc typed in the same frame as the text around it keeps its place (Esc,
    // Ctrl+F, "x" at one slow frame), a Backspace typed into the code never reaches the field.
    bool find_has_keyboard() const { return find_active_; }
    // The text area's ImGui item and child window, as of the last draw (the app's keyboard
    // focus order names it).
    ImGuiID item_id() const { return id_; }
    ImGuiWindow* item_window() const { return window_; }
    void focus() { focus_request_ = true; }  // takes keyboard focus on the next draw
    void blur();
    bool read_only = false;  // selection, copy and find still work
    Config config;

    // The caret's top-left in screen pixels and the line height, as of the last draw (the web
    // bridge puts its hidden textarea there, so IME windows open at the caret).
    ImVec2 caret_screen_pos() const { return caret_screen_; }
    // Seconds until the caret's blink next shows or hides it (frame pacing sleeps until then);
    // infinity while no caret blinks (no focus, read-only, composing).
    double caret_blink_in_s() const;
    // Web IME: the composition being typed (compositionupdate), drawn at the caret, underlined,
    // until it is committed (it then arrives as typed text) or cancelled (""). Never part of
    // the text, the undo history or a run.
    void set_composition(std::string_view text) { composition_ = text; }
    const std::string& composition() const { return composition_; }
    float line_height() const { return line_h_; }
    // The text area in screen pixels (the web bridge focuses its textarea on a tap inside).
    ImVec2 view_min() const { return view_min_; }
    ImVec2 view_max() const { return view_max_; }
    ImVec2 frame_max() const { return frame_max_; }  // view_max() plus the scrollbars
    // Screen position of line 0, column 0 (scroll included) and one cell's width: where a
    // position is drawn is text_origin() + (cells * char_width(), line * line_height()).
    ImVec2 text_origin() const { return text_origin_; }
    float char_width() const { return char_w_; }

    // Clipboard as events (the web bridge): insert pasted text; return the selection (and
    // delete it when `cut`). Both do nothing without focus; copy/cut return "" then. Input
    // still queued for the next frame is applied first, so a paste lands after what was
    // typed before it.
    void paste_text(std::string_view text);
    std::string copy_text(bool cut);

    // Markers. Each diagnostic's line shows ● in the gutter (the thread's colour for a thread's
    // exception, else red), the line underlined (the byte range [col_begin, col_end) when known,
    // else the line's text) and "Type: message" after it; hovering the ● shows it whole. They
    // move with edits above them and go when their line is deleted. Replaces earlier ones;
    // lines past the end are dropped.
    void set_diagnostics(const std::vector<Diagnostic>& diagnostics);
    void set_error(int line, int col_begin, int col_end, std::string type, std::string message);
    void clear_error() { model_.clear_markers(MarkerKind::error); }
    // Moves the caret to the start of `line` (0-based; clamped into the text), scrolls it into
    // view and takes keyboard focus: where a click on a traceback's "line N" goes.
    void go_to_line(int line);
    void set_thread_markers(const std::vector<ThreadMarker>& markers);
    // The lines one thread ran (its timeline lane is selected): each gets a band in the
    // thread's `color` (ImU32) behind the text and a bar at the gutter's edge; `name` is their
    // hover text. Replaces the previous set; empty `lines` clears it.
    void set_thread_lines(const std::vector<int>& lines, uint32_t color, const std::string& name);

    // Applies the text and key events queued since the last frame now (with focus only), so
    // that shortcuts the app handles before drawing (Ctrl+S, Ctrl+Enter, a Copy button) see
    // everything typed before them. Call once per frame, before the app's own shortcuts.
    void flush_input();

    // A command the editor's keys asked the app for (Ctrl+O open, Ctrl+S save, Ctrl+Shift+S
    // save as), once. Input queued after it is left for whatever the command opens.
    enum class Command { none, open_file, save_file, save_as };
    Command take_command() { return std::exchange(command_, Command::none); }

    // Find bar state (for tests and the app's menu).
    void open_find();
    // Closes the bar (Esc, its x button). Text typed for the field that it has not taken yet
    // (the frame or two after Ctrl+F) goes with it, as Esc's: the user gave up the search, so
    // neither the query nor the selection changes after the bar is gone.
    void close_find();
    bool find_open() const { return find_open_; }
    const char* find_text() const { return find_buf_; }
    // How far the find field is in taking the keyboard after Ctrl+F (the test API's
    // editorState(): a failing browser test prints these per frame).
    struct FindHandover {
        bool waiting = false;  // Ctrl+F seen, the field not active yet
        int waited_frames = 0;
        int pending = 0;  // characters and keys held for the field
        bool field_has_keyboard = false;
    };
    FindHandover find_handover() const;
    ImGuiID find_field_id() const { return find_id_; }  // as of the last draw; 0 before

  private:
    void handle_mouse(bool hovered, ImVec2 origin, float gutter_w);
    bool handle_key_state();  // keys from io.KeysDown (desktop)
    bool handle_queue();      // typed characters, and key_event()s in ordered mode
    void apply_key(EditorKey key, unsigned mods);
    void handle_find_bar();  // code_editor_find.cpp
    // Moves what q holds from `from` on into find_pending_ while the find field is about to
    // take the keyboard (an Esc cancels the find); returns where the rest begins.
    int hold_for_find(ImVector<ImWchar>& q, int from);
    // The field never took the keyboard: what was held for it is applied to its query.
    void give_pending_to_query();
    // Selects the query's first match at or after `from` (wrapping), scrolled into view; none:
    // the selection stays.
    void select_match(TextPos from);
    void refresh_cache();
    TextPos pos_at_mouse(ImVec2 origin, float gutter_w) const;
    void scroll_to_caret(float view_h, float view_w, float gutter_w);
    void draw_text(ImDrawList* dl, ImVec2 origin, float gutter_w, int first, int last);
    void draw_gutter(ImDrawList* dl, ImVec2 win_pos, ImVec2 origin, float gutter_w, int first,
                     int last);
    float x_of(ImVec2 origin, float gutter_w, TextPos p) const;

    TextModel model_;
    void lex_visible(int first, int last);

    // Per text version: the lexer's state at each line start (strings spanning lines) and the
    // widest line. Per frame, only the visible lines are joined and lexed (chunk_*), again
    // only when the text or the visible range changed.
    uint64_t cached_version_ = ~0ull;
    std::vector<PyLineState> line_state_;
    int max_cells_ = 0;
    uint64_t chunk_version_ = ~0ull;
    int chunk_first_ = -1, chunk_last_ = -1;
    std::string chunk_;
    std::vector<PySpan> chunk_tokens_;
    std::vector<uint32_t> chunk_starts_;  // offset of each visible line in chunk_
    uint64_t bracket_version_ = ~0ull;    // bracket match for (version, caret), cached
    TextPos bracket_caret_{-1, -1};
    std::optional<TextModel::BracketPair> bracket_;

    ImGuiID id_ = 0;
    bool focused_ = false, focus_request_ = false;
    ImGuiWindow* window_ = nullptr;
    enum class Drag { none, chars, words, lines } drag_ = Drag::none;
    TextRange drag_origin_;  // the word or line the drag started on
    bool scroll_to_caret_ = false;
    double last_edit_time_ = -1e9, caret_reset_time_ = 0;
    float line_h_ = 0, char_w_ = 0;
    ImVec2 caret_screen_, view_min_, view_max_, frame_max_, text_origin_;
    int page_lines_ = 20;

    Command command_ = Command::none;
    bool find_open_ = false, find_focus_ = false, find_case_ = false, find_active_ = false;
    // Ctrl+F to the find field taking the keyboard takes a frame or two (ImGui 1.86 focuses
    // an item through a nav request answered next frame; the queue is cleared every frame).
    // Text typed meanwhile is kept here and handed to the field once it is active, so a quick
    // typist loses nothing and nothing lands in the code. With ordered keys it holds the keys
    // too, and what the field has not taken yet (one key a frame).
    ImGuiID find_id_ = 0;
    int find_wait_frame_ = -1;  // frame of the Ctrl+F whose field is not active yet, else -1
    TextPos find_start_{0, 0};  // where a new query's first match is looked for from
    ImVector<ImWchar> find_pending_;
    char find_buf_[256] = {};
    std::string find_status_;
    std::string composition_;  // the IME's, while composing (web)
};

}  // namespace interleave::ui
