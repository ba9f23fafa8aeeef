// The editor's text model: edits on UTF-8 boundaries, undo grouping and selection restore,
// Python indentation, comment toggle, find, brackets, markers that follow their lines.
#include <doctest/doctest.h>

#include <string>

#include "ui/editor/text_model.hpp"

using interleave::ui::Marker;
using interleave::ui::MarkerKind;
using interleave::ui::TextModel;
using interleave::ui::TextPos;
using interleave::ui::TextRange;

namespace {
void type(TextModel& m, std::string_view s) {
    for (char c : s) {
        if (c == '\n')
            m.newline();
        else
            m.type_text(std::string_view(&c, 1));
    }
}
}  // namespace

TEST_CASE("text is kept as lines; CRLF and invalid UTF-8 are cleaned on the way in") {
    TextModel m("a\r\nb\rc\n");
    CHECK(m.line_count() == 4);
    CHECK(m.text() == "a\nb\nc\n");
    CHECK(m.take_notices().empty());
    m.set_text("x\xFFy");
    CHECK(m.text() == "x\xEF\xBF\xBDy");
    const auto notices = m.take_notices();
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].find("not UTF-8") != std::string::npos);
    CHECK(m.take_notices().empty());
}

TEST_CASE("positions stay on code-point boundaries") {
    TextModel m("h\xC3\xA9llo \xE2\x82\xAC!");  // "héllo €!"
    CHECK(m.clamp({0, 2}) == TextPos{0, 1});    // inside é -> before it
    CHECK(m.next_char({0, 1}) == TextPos{0, 3});
    CHECK(m.prev_char({0, 3}) == TextPos{0, 1});
    CHECK(m.next_char({0, 7}) == TextPos{0, 10});  // over €
    m.set_cursor({0, 3});
    m.backspace();
    CHECK(m.text() == "hllo \xE2\x82\xAC!");
    m.set_cursor({0, 5});
    m.delete_forward();
    CHECK(m.text() == "hllo !");
    CHECK(m.cells(0, 6) == 6);
    // Beyond the text: clamped, never out of range.
    CHECK(m.clamp({7, 99}) == m.end_pos());
    CHECK(m.clamp({-1, 5}) == TextPos{0, 0});
}

TEST_CASE("replace is the one primitive; offsets and positions agree") {
    TextModel m("one\ntwo\nthree");
    const TextPos end = m.replace({{0, 1}, {2, 2}}, "X\nY");
    CHECK(m.text() == "oX\nYree");
    CHECK(end == TextPos{1, 1});
    CHECK(m.cursor() == end);
    CHECK(m.offset_of({1, 1}) == 4);
    CHECK(m.pos_at(4) == TextPos{1, 1});
    CHECK(m.size_bytes() == m.text().size());
    CHECK(m.undo());
    CHECK(m.text() == "one\ntwo\nthree");
}

TEST_CASE("a typed word is one undo step; a space after a word starts the next") {
    TextModel m;
    type(m, "hello world");
    CHECK(m.undo_depth() == 2);
    CHECK(m.undo());
    CHECK(m.text() == "hello");
    CHECK(m.undo());
    CHECK(m.text() == "");
    CHECK_FALSE(m.undo());
    CHECK(m.redo());
    CHECK(m.text() == "hello");
    CHECK(m.redo());
    CHECK(m.text() == "hello world");
    CHECK_FALSE(m.redo());
}

TEST_CASE("moving the caret closes the typing step; Enter is a step of its own") {
    TextModel m;
    type(m, "ab");
    m.move_left(false);
    type(m, "c");
    CHECK(m.text() == "acb");
    CHECK(m.undo_depth() == 2);
    m.move_end(false);
    m.newline();
    type(m, "d");
    CHECK(m.undo_depth() == 4);
    m.undo();
    CHECK(m.text() == "acb\n");
    m.undo();
    CHECK(m.text() == "acb");
}

TEST_CASE("undo restores the selection the step started from; redo the one it ended with") {
    TextModel m("alpha beta gamma");
    m.set_selection({0, 6}, {0, 10});  // "beta"
    m.type_text("B");
    CHECK(m.text() == "alpha B gamma");
    m.undo();
    CHECK(m.text() == "alpha beta gamma");
    CHECK(m.anchor() == TextPos{0, 6});
    CHECK(m.cursor() == TextPos{0, 10});
    m.redo();
    CHECK(m.cursor() == TextPos{0, 7});
    CHECK_FALSE(m.has_selection());
}

TEST_CASE("a 5,000-byte select-all delete undoes (ImGui 1.86 loses anything over 999)") {
    std::string big;
    for (int i = 0; i < 250; ++i) big += "x = " + std::to_string(i % 10) + " * 123456789012\n";
    REQUIRE(big.size() >= 5000);
    TextModel m(big);
    m.select_all();
    m.delete_forward();
    CHECK(m.text().empty());
    REQUIRE(m.undo());
    CHECK(m.text() == big);
    CHECK(m.selection().begin == TextPos{0, 0});
    CHECK(m.selection().end == m.end_pos());
}

TEST_CASE("a paste is one step, even when it spans lines") {
    TextModel m("a");
    m.move_doc_end(false);
    m.paste("\nb\nc\r\nd");
    CHECK(m.text() == "a\nb\nc\nd");
    CHECK(m.undo_depth() == 1);
    m.undo();
    CHECK(m.text() == "a");
    CHECK(m.cursor() == TextPos{0, 1});
}

TEST_CASE("consecutive Backspaces and Deletes group; a new edit clears redo") {
    TextModel m("abcdef");
    m.move_doc_end(false);
    m.backspace();
    m.backspace();
    m.backspace();
    CHECK(m.text() == "abc");
    CHECK(m.undo_depth() == 1);
    m.set_cursor({0, 0});
    m.delete_forward();
    m.delete_forward();
    CHECK(m.text() == "c");
    CHECK(m.undo_depth() == 2);
    m.undo();
    CHECK(m.text() == "abc");
    CHECK(m.can_redo());
    m.type_text("z");
    CHECK_FALSE(m.can_redo());
}

TEST_CASE("Enter keeps the indent, adds 4 after ':' (comments ignored), dedents after return") {
    TextModel m;
    type(m, "def f(x):  # a comment\nif x:\nreturn 1\ny = 2");
    CHECK(m.text() ==
          "def f(x):  # a comment\n"
          "    if x:\n"
          "        return 1\n"
          "    y = 2");
    // A ':' inside a string is not a block start.
    TextModel s;
    type(s, "s = 'a:'\nt");
    CHECK(s.text() == "s = 'a:'\nt");
    for (const char* kw : {"pass", "break", "continue", "raise ValueError()"}) {
        TextModel k;
        type(k, std::string("while True:\n") + kw + "\nz");
        CHECK(k.text() == std::string("while True:\n    ") + kw + "\nz");
    }
    // "passed" is not "pass".
    TextModel p;
    type(p, "if a:\npassed = 1\nq");
    CHECK(p.text() == "if a:\n    passed = 1\n    q");
}

TEST_CASE("Enter on a blank indented line leaves no trailing blanks") {
    TextModel m;
    type(m, "if a:\n\nb");
    CHECK(m.text() == "if a:\n\n    b");
}

TEST_CASE("Enter in the middle of a line moves the rest, without its leading blanks") {
    TextModel m("    x = f(a,   b)");
    m.set_cursor({0, 12});  // after "a,", before the blanks
    m.newline();
    CHECK(m.text() == "    x = f(a,\n    b)");
}

TEST_CASE("Tab inserts spaces to the next stop; on several lines it indents them") {
    TextModel m("ab");
    m.set_cursor({0, 1});
    m.tab();
    CHECK(m.text() == "a   b");
    m.set_text("a\n\nb\nc");
    m.set_selection({0, 0}, {2, 1});
    m.tab();
    CHECK(m.text() == "    a\n\n    b\nc");  // the empty line stays empty
    CHECK(m.anchor() == TextPos{0, 0});
    CHECK(m.cursor() == TextPos{2, 5});
    CHECK(m.undo_depth() == 1);
    m.shift_tab();
    CHECK(m.text() == "a\n\nb\nc");
    CHECK(m.cursor() == TextPos{2, 1});
    m.undo();
    m.undo();
    CHECK(m.text() == "a\n\nb\nc");
    CHECK(m.anchor() == TextPos{0, 0});
    CHECK(m.cursor() == TextPos{2, 1});
}

TEST_CASE("Shift+Tab dedents to the previous stop, the caret's line without a selection") {
    TextModel m("      x");
    m.set_cursor({0, 7});
    m.shift_tab();
    CHECK(m.text() == "    x");
    CHECK(m.cursor() == TextPos{0, 5});
    m.shift_tab();
    CHECK(m.text() == "x");
    m.shift_tab();
    CHECK(m.text() == "x");
    m.set_text("\tx");
    m.shift_tab();
    CHECK(m.text() == "x");
}

TEST_CASE("a selection ending at column 0 does not take that line") {
    TextModel m("a\nb\nc");
    m.set_selection({0, 0}, {2, 0});
    m.tab();
    CHECK(m.text() == "    a\n    b\nc");
}

TEST_CASE("Backspace in leading spaces goes back to the previous stop") {
    TextModel m("          x");
    m.set_cursor({0, 10});
    m.backspace();
    CHECK(m.text() == "        x");
    m.backspace();
    CHECK(m.text() == "    x");
    m.set_text("ab  c");
    m.set_cursor({0, 4});
    m.backspace();
    CHECK(m.text() == "ab c");  // not leading: one character
    m.set_text("a\nb");
    m.set_cursor({1, 0});
    m.backspace();
    CHECK(m.text() == "ab");
    m.set_cursor({0, 0});
    m.backspace();
    CHECK(m.text() == "ab");
}

TEST_CASE("smart Home, End, word moves and word/line selection") {
    TextModel m("    total += count_1  # sum");
    m.set_cursor({0, 12});
    m.move_home(false);
    CHECK(m.cursor() == TextPos{0, 4});
    m.move_home(false);
    CHECK(m.cursor() == TextPos{0, 0});
    m.move_home(false);
    CHECK(m.cursor() == TextPos{0, 4});
    m.move_word_right(false);
    CHECK(m.cursor() == TextPos{0, 9});
    m.move_word_right(false);
    CHECK(m.cursor() == TextPos{0, 12});  // "+="
    m.move_word_right(true);
    CHECK(m.selected_text() == " count_1");
    m.move_word_left(false);
    CHECK(m.cursor() == TextPos{0, 13});
    m.select_word_at({0, 15});
    CHECK(m.selected_text() == "count_1");
    m.select_word_at({0, 10});
    CHECK(m.selected_text() == "+");
    m.move_end(false);
    CHECK(m.cursor() == TextPos{0, 27});
    m.set_text("a\nb");
    m.select_line(0);
    CHECK(m.selected_text() == "a\n");
    m.select_line(1);
    CHECK(m.selected_text() == "b");
}

TEST_CASE("vertical moves keep their column across short lines") {
    TextModel m("abcdef\nab\nabcdef");
    m.set_cursor({0, 5});
    m.move_down(false);
    CHECK(m.cursor() == TextPos{1, 2});
    m.move_down(false);
    CHECK(m.cursor() == TextPos{2, 5});
    m.move_down(false);
    CHECK(m.cursor() == TextPos{2, 6});  // last line: to its end
    m.move_up(true, 10);
    CHECK(m.cursor() == TextPos{0, 6});
    CHECK(m.anchor() == TextPos{2, 6});
}

TEST_CASE("Ctrl+/ comments the lines at their common indent, and uncomments them") {
    TextModel m("def f():\n    a = 1\n\n    return a");
    m.set_selection({1, 0}, {3, 3});
    m.toggle_comment();
    CHECK(m.text() == "def f():\n    # a = 1\n\n    # return a");
    m.toggle_comment();
    CHECK(m.text() == "def f():\n    a = 1\n\n    return a");
    m.set_text("x = 1");
    m.set_cursor({0, 2});
    m.toggle_comment();
    CHECK(m.text() == "# x = 1");
    CHECK(m.cursor() == TextPos{0, 4});
    m.toggle_comment();
    CHECK(m.text() == "x = 1");
    CHECK(m.undo_depth() == 2);
}

TEST_CASE("find next and previous, with and without case, wrapping around") {
    TextModel m("Lock lock\nunlock LOCK");
    CHECK(m.count_matches("lock", false, 100) == 4);
    CHECK(m.count_matches("lock", true, 100) == 2);
    m.set_cursor({0, 1});
    REQUIRE(m.find_next("lock", true, false));
    CHECK(m.selection().begin == TextPos{0, 5});
    REQUIRE(m.find_next("lock", true, false));
    CHECK(m.selection().begin == TextPos{1, 2});
    REQUIRE(m.find_next("lock", true, false));
    CHECK(m.selection().begin == TextPos{1, 7});
    REQUIRE(m.find_next("lock", true, false));  // wraps
    CHECK(m.selection().begin == TextPos{0, 0});
    REQUIRE(m.find_next("lock", false, true));  // backwards, case-sensitive, wraps
    CHECK(m.selection().begin == TextPos{1, 2});
    CHECK_FALSE(m.find_next("nowhere", true, false));
    CHECK(m.selection().begin == TextPos{1, 2});  // kept
    CHECK_FALSE(m.find("", {0, 0}, true, false));
}

TEST_CASE("brackets match across lines, skipping strings and comments") {
    TextModel m("f(a, ')', [1,\n  2])  # (");
    auto b = m.match_bracket({0, 1});  // just after "f" -> the "(" at col 1
    REQUIRE(b);
    CHECK(b->open == TextPos{0, 1});
    CHECK(b->close == TextPos{1, 4});
    b = m.match_bracket({1, 4});  // before ")": the "]" before it matches first
    REQUIRE(b);
    CHECK(b->open == TextPos{0, 10});
    CHECK(b->close == TextPos{1, 3});
    CHECK_FALSE(m.match_bracket({1, 9}));  // the "(" in the comment
    CHECK_FALSE(m.match_bracket({0, 6}));  // the ")" in the string
    TextModel u("(((");
    CHECK_FALSE(u.match_bracket({0, 1}));  // unmatched
}

TEST_CASE("markers follow their lines through edits, undo and redo") {
    TextModel m("a\nb\nc\nd");
    Marker e;
    e.kind = MarkerKind::error;
    e.line = 2;  // "c"
    m.add_marker(e);
    m.set_cursor({0, 1});
    m.newline();  // a line inserted above
    CHECK(m.markers()[0].line == 3);
    m.set_cursor({3, 0});
    m.newline();  // Enter at the start of the marked line pushes it down
    CHECK(m.markers()[0].line == 4);
    CHECK(m.line(4) == "c");
    m.set_cursor({4, 1});
    m.newline();  // Enter at its end does not
    CHECK(m.markers()[0].line == 4);
    m.undo();
    m.undo();
    m.undo();
    CHECK(m.markers()[0].line == 2);
    m.redo();
    CHECK(m.markers()[0].line == 3);
    m.replace({{1, 0}, {4, 0}}, "");  // the marked line's text deleted with the lines above
    CHECK(m.markers()[0].line == 1);
    m.clear_markers(MarkerKind::thread);
    CHECK(m.markers().size() == 1);
    m.clear_markers(MarkerKind::error);
    CHECK(m.markers().empty());
}
