// The code editor widget in headless ImGui frames: keys, characters and the mouse go in as the
// backends feed them; the text, caret and selection come out. Also what the app relies on:
// io.WantTextInput while the editor has focus (a typed `1` is text, not a sample switch),
// Ctrl+Enter left alone, the clipboard, and focus handed back on Esc or a click elsewhere.
#include <doctest/doctest.h>
#include <imgui_internal.h>  // ClearActiveID: another widget taking the keyboard

#include <string>

#include "ui/editor_harness.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace doctest {
template <>
struct StringMaker<TextPos> {  // a failed check shows line:col
    static String convert(const TextPos& p) {
        return (std::to_string(p.line) + ":" + std::to_string(p.col)).c_str();
    }
};
}  // namespace doctest

namespace {
const char* kProgram =
    "import threading\n"
    "\n"
    "def work(n):\n"
    "    total = 0\n"
    "    for i in range(n):\n"
    "        total += i\n"
    "    return total\n";
}

TEST_CASE("a click focuses the editor and puts the caret where it landed") {
    EditorHarness h;
    h.editor.set_text(kProgram);
    h.frame();
    CHECK_FALSE(h.editor.focused());
    h.click(h.at(3, 6));
    CHECK(h.editor.focused());
    CHECK(h.editor.model().cursor() == TextPos{3, 6});
    h.frame();
    CHECK(ImGui::GetIO().WantTextInput);  // the app's one-key shortcuts stay quiet
}

TEST_CASE("typed characters go into the text, UTF-8 included, and are consumed") {
    EditorHarness h;
    h.editor.set_text("");
    h.frame();
    h.click(h.at(0, 0));
    h.type("x = 1");
    h.type("\xC3\xA9\xE2\x82\xAC");  // é€
    CHECK(h.editor.text() == "x = 1\xC3\xA9\xE2\x82\xAC");
    CHECK(h.chars_left_after_frame == 0);  // nothing left for the app's digit shortcuts
    CHECK(h.editor.model().cursor() == TextPos{0, 10});
}

TEST_CASE("Enter auto-indents, Tab and Shift+Tab indent, Backspace dedents") {
    EditorHarness h;
    h.editor.set_text("");
    h.frame();
    h.click(h.at(0, 0));
    h.type_slowly("def f():\nreturn 1\n");
    CHECK(h.editor.text() == "def f():\n    return 1\n");
    h.type_slowly("if x:\npass");
    CHECK(h.editor.text() == "def f():\n    return 1\nif x:\n    pass");
    h.key(kA, kCtrl);
    h.key(kTab);
    CHECK(h.editor.text() == "    def f():\n        return 1\n    if x:\n        pass");
    h.key(kTab, kShift);
    h.key(kTab, kShift);
    CHECK(h.editor.text() == "def f():\nreturn 1\nif x:\npass");
    h.key(kEnd, kCtrl);
    h.key(kEnter);
    h.key(kTab);
    h.key(kTab);
    CHECK(h.editor.model().line(4) == "        ");
    h.key(kBackspace);
    CHECK(h.editor.model().line(4) == "    ");
}

TEST_CASE("Ctrl+Z undoes a word at a time, Ctrl+Shift+Z and Ctrl+Y redo") {
    EditorHarness h;
    h.editor.set_text("");
    h.frame();
    h.click(h.at(0, 0));
    h.type_slowly("hello world");
    h.key(kZ, kCtrl);
    CHECK(h.editor.text() == "hello");
    h.key(kZ, kCtrl);
    CHECK(h.editor.text() == "");
    h.key(kZ, kCtrl | kShift);
    CHECK(h.editor.text() == "hello");
    h.key(kY, kCtrl);
    CHECK(h.editor.text() == "hello world");
}

TEST_CASE("keyboard selection, copy, cut and paste through ImGui's clipboard") {
    EditorHarness h;
    h.editor.set_text("alpha beta");
    h.frame();
    h.click(h.at(0, 0));
    h.key(kRight, kCtrl | kShift);
    CHECK(h.editor.model().selected_text() == "alpha");
    h.key(kC, kCtrl);
    CHECK(h.clipboard == "alpha");
    h.key(kEnd);
    h.key(kV, kCtrl);
    CHECK(h.editor.text() == "alpha betaalpha");
    h.key(kHome, kShift);
    h.key(kX, kCtrl);
    CHECK(h.editor.text() == "");
    CHECK(h.clipboard == "alpha betaalpha");
    h.key(kZ, kCtrl);
    CHECK(h.editor.text() == "alpha betaalpha");
}

TEST_CASE("with clipboard events (the web), Ctrl+C/V are left to the platform") {
    EditorHarness h;
    h.editor.config.clipboard_events = true;
    h.editor.set_text("abc");
    h.frame();
    h.click(h.at(0, 0));
    h.key(kA, kCtrl);
    h.clipboard = "zzz";
    h.key(kV, kCtrl);
    CHECK(h.editor.text() == "abc");
    CHECK(h.editor.copy_text(false) == "abc");
    h.editor.paste_text("xyz");
    CHECK(h.editor.text() == "xyz");
    CHECK(h.editor.copy_text(true) == "");  // nothing selected after the paste
}

TEST_CASE("mouse: double-click selects a word, triple-click a line, Shift+click extends, drag") {
    EditorHarness h;
    h.editor.set_text(kProgram);
    h.frame();
    h.click(h.at(3, 6));
    h.click(h.at(3, 6));
    CHECK(h.editor.model().selected_text() == "total");
    h.click(h.at(3, 6));
    CHECK(h.editor.model().selected_text() == "    total = 0\n");
    for (int i = 0; i < 40; ++i) h.frame();  // past the double-click time
    h.click(h.at(2, 4));
    h.click(h.at(4, 7), kShift);
    CHECK(h.editor.model().anchor() == TextPos{2, 4});
    CHECK(h.editor.model().cursor() == TextPos{4, 7});
    for (int i = 0; i < 40; ++i) h.frame();
    h.drag(h.at(0, 0), h.at(0, 6));
    CHECK(h.editor.model().selected_text() == "import");
}

TEST_CASE("Ctrl+Enter is not a newline (the app runs); Esc hands focus back") {
    EditorHarness h;
    h.editor.set_text("x");
    h.frame();
    h.click(h.at(0, 1));
    h.key(kEnter, kCtrl);
    CHECK(h.editor.text() == "x");
    h.key(kEscape);
    CHECK_FALSE(h.editor.focused());
    h.frame();
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    h.type("1");  // without focus, text is not the editor's
    CHECK(h.editor.text() == "x");
}

TEST_CASE("a click outside the editor takes its focus away") {
    EditorHarness h;
    h.editor.set_text("x");
    h.frame();
    h.click(h.at(0, 0));
    REQUIRE(h.editor.focused());
    h.click(ImVec2(890, 595));  // the window's corner, past the editor's scrollbars
    h.click(ImVec2(-5, -5));    // outside every window
    CHECK_FALSE(h.editor.focused());
}

TEST_CASE("Ctrl+F opens the find bar with the selection; Enter finds the next") {
    EditorHarness h;
    h.editor.set_text(kProgram);
    h.frame();
    h.click(h.at(3, 6));
    h.click(h.at(3, 6));  // select "total"
    h.key(kF, kCtrl);
    CHECK(h.editor.find_open());
    h.frame();
    h.key(kEnter);
    CHECK(h.editor.model().selection().begin == TextPos{5, 8});  // the next "total"
    h.key(kEscape);
    CHECK_FALSE(h.editor.find_open());
}

TEST_CASE("Ctrl+/ toggles comments on the selected lines") {
    EditorHarness h;
    h.editor.set_text("a = 1\nb = 2");
    h.frame();
    h.click(h.at(0, 0));
    h.key(kA, kCtrl);
    h.key(kSlash, kCtrl);
    CHECK(h.editor.text() == "# a = 1\n# b = 2");
    h.key(kSlash, kCtrl);
    CHECK(h.editor.text() == "a = 1\nb = 2");
}

TEST_CASE("read-only: moves and copy work, edits do not") {
    EditorHarness h;
    h.editor.read_only = true;
    h.editor.set_text("abc");
    h.frame();
    h.click(h.at(0, 1));
    h.type("z");
    h.key(kBackspace);
    h.key(kA, kCtrl);
    h.key(kC, kCtrl);
    CHECK(h.editor.text() == "abc");
    CHECK(h.clipboard == "abc");
}

TEST_CASE("the caret scrolls into view on a long file") {
    EditorHarness h(ImVec2(600, 300));
    std::string big;
    for (int i = 0; i < 500; ++i)
        big += "line_" + std::to_string(i) + " = " + std::to_string(i) + "\n";
    h.editor.set_text(big);
    h.frame();
    h.click(h.at(0, 0));
    h.key(kEnd, kCtrl);
    h.frame();
    h.frame();
    const float y = h.editor.caret_screen_pos().y;
    CHECK(y >= h.editor.view_min().y);
    CHECK(y + h.editor.line_height() <= h.editor.view_max().y + 1);
    h.key(kPageUp);
    CHECK(h.editor.model().cursor().line < 500);
    CHECK(h.editor.model().cursor().line > 450);
}

TEST_CASE("markers: the error and threads draw, and the error follows its line") {
    EditorHarness h;
    h.editor.set_text(kProgram);
    h.editor.set_error(5, 8, 13, "NameError", "name 'totl' is not defined");
    h.editor.set_thread_markers(
        {{3, IM_COL32(200, 100, 50, 255), "Thread-1", "running"},
         {3, IM_COL32(50, 100, 200, 255), "Thread-2", "waiting for the GIL"}});
    h.frame();
    h.click(h.at(0, 0));
    h.key(kEnter);  // a line above the error
    const auto& ms = h.editor.model().markers();
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].line == 6);
    CHECK(ms[1].line == 4);
    // Hovering the gutter at the threads' line shows their tooltip without disturbing anything.
    h.mouse_move(ImVec2(h.editor.view_min().x + 4, h.at(4, 0).y));
    h.frame();
    CHECK(h.editor.text().rfind("\nimport threading", 0) == 0);
}

TEST_CASE("lexing only the visible lines colours them as lexing the whole text does") {
    // Strings across lines, escapes, comments with quotes, nested quote kinds.
    const std::string text =
        "s = '''first\n"
        "still \"in\" it\n"
        "end''' + 'x'  # it's a comment\n"
        "t = \"\"\"a\\\"\"\"\" \"b\"\n"
        "def f(x):\n"
        "    return f\"{x}\"  # \"\"\"\n"
        "u = \"\"\"open\n"
        "\n"
        "close\"\"\"\n"
        "v = 1\n";
    TextModel m(text);
    const std::vector<PySpan> whole = lex_python(text);
    std::vector<PyLineState> state{PyLineState::code};
    for (int l = 0; l < m.line_count(); ++l)
        state.push_back(python_state_after_line(m.line(l), state.back()));
    for (int first = 0; first < m.line_count(); ++first) {
        CAPTURE(first);
        const size_t base = m.offset_of({first, 0});
        const std::vector<PySpan> part =
            lex_python(std::string_view(text).substr(base), state[static_cast<size_t>(first)]);
        std::vector<PySpan> expect;
        for (const PySpan& t : whole)
            if (t.begin >= base) expect.push_back(t);
        REQUIRE(part.size() == expect.size());
        for (size_t i = 0; i < part.size(); ++i) {
            CHECK(part[i].begin + base == expect[i].begin);
            CHECK(part[i].end + base == expect[i].end);
            CHECK(part[i].kind == expect[i].kind);
        }
    }
}

namespace {
// The web bridge's mode (keys in the character queue, in typing order), `text` in the editor
// and the keyboard on it, the caret at its start.
void start_ordered(EditorHarness& h, const char* text) {
    h.editor.config.ordered_keys = true;
    h.editor.set_text(text);
    h.frame();
    h.click(h.at(0, 0));
}
}  // namespace

TEST_CASE("ordered keys (the web bridge): text and keys in one frame keep their order") {
    EditorHarness h;
    start_ordered(h, "");
    // "if x:", Enter, "y", Shift+Left, "z", Ctrl+Z, all before one frame.
    ImGui::GetIO().AddInputCharactersUTF8("if x:");
    h.put_key(EditorKey::enter);
    ImGui::GetIO().AddInputCharactersUTF8("yy");
    h.put_key(EditorKey::left, kModShift);
    ImGui::GetIO().AddInputCharactersUTF8("z");
    h.frame();
    CHECK(h.editor.text() == "if x:\n    yz");
    h.put_key(EditorKey::z, kModCtrl);
    h.frame();
    CHECK(h.editor.text() == "if x:\n    yy");
    // Key state is not read in this mode (the same keys would act twice).
    h.key(kBackspace);
    CHECK(h.editor.text() == "if x:\n    yy");
    // Ctrl+Enter stays the app's.
    h.put_key(EditorKey::enter, kModCtrl);
    h.frame();
    CHECK(h.editor.model().line_count() == 2);
}

TEST_CASE("ordered keys: text typed right after Ctrl+F goes to the find field, none to the code") {
    // The web bug: the field takes the keyboard a frame or two after Ctrl+F; what came in
    // meanwhile went into the code or was dropped.
    EditorHarness h;
    start_ordered(h, "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("al");  // in the Ctrl+F frame
    h.frame();
    ImGui::GetIO().AddInputCharactersUTF8("ph");  // while the field is being focused
    h.frame();
    ImGui::GetIO().AddInputCharactersUTF8("ab");  // the field has the keyboard
    h.frame();
    h.frame();
    CHECK(std::string(h.editor.find_text()) == "alphab");
    CHECK(h.editor.text() == "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    CHECK(h.editor.model().selection().begin == TextPos{2, 0});  // the match, selected
    CHECK(h.editor.model().selection().end == TextPos{2, 6});
    // Esc (in the queue, as the web sends it while the field has the keyboard) closes it;
    // Ctrl+F again (the match still selected) with text at once: the text replaces the query.
    CHECK(h.editor.find_has_keyboard());
    h.put_key(EditorKey::escape);
    h.frame();
    CHECK_FALSE(h.editor.find_open());
    CHECK(h.editor.focused());
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("beta");
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(std::string(h.editor.find_text()) == "beta");
    // Esc, Ctrl+F and text within one frame (a slow frame): each in its place.
    h.put_key(EditorKey::escape);
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alpha");
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(h.editor.find_open());
    CHECK(std::string(h.editor.find_text()) == "alpha");
    CHECK(h.editor.text() == "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    h.put_key(EditorKey::escape);
    h.frame();
    CHECK_FALSE(h.editor.find_open());
    // Ctrl+F's Ctrl let go only after the field took the keyboard (key events are trickled
    // per frame): the text typed meanwhile still goes in (ImGui's field drops text under Ctrl;
    // the platform's key state is hidden from it in this mode).
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("bet");
    h.hold(kCtrl);
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(h.editor.find_has_keyboard());
    CHECK(std::string(h.editor.find_text()) == "bet");
    h.hold(kNone);
    h.frame();
    CHECK(std::string(h.editor.find_text()) == "bet");
    h.put_key(EditorKey::escape);
    h.frame();
    CHECK_FALSE(h.editor.find_open());
    h.editor.model().set_cursor({1, 0});
    ImGui::GetIO().AddInputCharactersUTF8("x");
    h.frame();
    CHECK(h.editor.text().rfind("alpha = 1\nxbeta", 0) == 0);
}

TEST_CASE(
    "ordered keys: the find field takes its keys in typing order, never the lagging key "
    "state") {
    // The web: the platform's key events reach ImGui a frame per change, so they lag the
    // queue; a Backspace typed into the code reached the field after Ctrl+F and ate the last
    // character typed there (CI, Chromium 156).
    EditorHarness h;
    start_ordered(h, "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    auto query = [&] { return std::string(h.editor.find_text()); };
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alphx");
    h.put_key(EditorKey::backspace);  // before the field has the keyboard: kept, in order
    ImGui::GetIO().AddInputCharactersUTF8("b");
    for (int i = 0; i < 6; ++i) h.frame();
    REQUIRE(h.editor.find_has_keyboard());
    CHECK(query() == "alphb");
    // The key state of keys the code took long ago arrives now: the field ignores it.
    h.key(kBackspace);
    CHECK(query() == "alphb");
    h.key(kA, kCtrl);
    CHECK(query() == "alphb");
    h.key(kEscape);
    CHECK(h.editor.find_open());
    CHECK(query() == "alphb");
    // Keys and text within one frame, each in its place: Left, "a", End, Backspace x2, "ab".
    h.put_key(EditorKey::left);
    ImGui::GetIO().AddInputCharactersUTF8("a");
    h.put_key(EditorKey::end);
    h.put_key(EditorKey::backspace);
    h.put_key(EditorKey::backspace);
    ImGui::GetIO().AddInputCharactersUTF8("ab");
    for (int i = 0; i < 8; ++i) h.frame();
    CHECK(query() == "alphab");
    CHECK(h.editor.text() == "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    // Shift+Home selects the query, the text replaces it; Enter and Shift+Enter step through
    // the matches; Ctrl+A then text replaces all.
    h.put_key(EditorKey::home, kModShift);
    ImGui::GetIO().AddInputCharactersUTF8("alpha");
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(query() == "alpha");
    const TextPos first = h.editor.model().selection().begin;
    h.put_key(EditorKey::enter);
    for (int i = 0; i < 2; ++i) h.frame();
    const TextPos second = h.editor.model().selection().begin;
    CHECK(second != first);
    h.put_key(EditorKey::enter, kModShift);
    for (int i = 0; i < 2; ++i) h.frame();
    CHECK(h.editor.model().selection().begin == first);
    CHECK(h.editor.find_has_keyboard());
    h.put_key(EditorKey::a, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("beta");
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(query() == "beta");
    // Text, Ctrl+F and text in one frame: Ctrl+F selects the query after the first text.
    ImGui::GetIO().AddInputCharactersUTF8("x");
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alpha");
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(query() == "alpha");
    CHECK(h.editor.text() == "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
}

TEST_CASE(
    "ordered keys: what is typed after Ctrl+F stays the find field's even if the field "
    "never takes the keyboard") {
    // ImGui 1.86 focuses the field through a nav request; if the field loses the keyboard
    // again before it can take what was typed (here: every frame), the query typed meanwhile
    // is not lost, nor put in the code.
    EditorHarness h;
    start_ordered(h, "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    h.before_editor = [] { ImGui::ClearActiveID(); };
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("betx");
    h.put_key(EditorKey::backspace);
    ImGui::GetIO().AddInputCharactersUTF8("a");
    for (int i = 0; i < 45; ++i) h.frame();
    CHECK_FALSE(h.editor.find_has_keyboard());
    CHECK(h.editor.find_open());
    CHECK(std::string(h.editor.find_text()) == "beta");
    CHECK(h.editor.text() == "alpha = 1\nbeta = 2\nalphabet = alpha + beta");
    const TextRange sel = h.editor.model().selection();
    CHECK(sel.begin == TextPos{1, 0});
    CHECK(sel.end == TextPos{1, 4});
}

TEST_CASE(
    "ordered keys: a key typed before Ctrl+F whose state arrives late does not undo or submit "
    "the query") {
    // CI, browser-e2e: Esc, Ctrl+F and "beta" in one task. The platform's Esc reached ImGui
    // (a frame per key change) in the frame the field took the held text; with keyboard
    // navigation on, NewFrame made it the Cancel nav input, which InputText reads as Esc: the
    // field reverted to the old query and let go. Space (Activate) and Enter (Input) would
    // have submitted the field the same way.
    const char* text = "alpha = 1\nbeta = 2\nalphabet = alpha + beta";
    for (const int late : {kEscape, kSpace, kEnter}) {
        CAPTURE(late);
        EditorHarness h;
        start_ordered(h, text);
        h.editor.model().set_selection({2, 0}, {2, 6});  // Ctrl+F prefills "alphab"
        h.put_key(EditorKey::f, kModCtrl);
        ImGui::GetIO().AddInputCharactersUTF8("beta");
        // Up to the frame whose start gives the held text to the now active field.
        for (int i = 0; i < 10; ++i) {
            if (h.editor.find_has_keyboard() && h.editor.find_handover().waiting) break;
            h.frame();
        }
        REQUIRE(h.editor.find_has_keyboard());
        REQUIRE(h.editor.find_handover().pending == 4);
        ImGui::GetIO().KeysDown[late] = true;
        h.frame();
        ImGui::GetIO().KeysDown[late] = false;
        h.frame();
        CHECK(std::string(h.editor.find_text()) == "beta");
        CHECK(h.editor.find_has_keyboard());
        CHECK(h.editor.find_open());
        CHECK(h.editor.model().selection().begin == TextPos{2, 19});  // "beta" after the prefill
        CHECK(h.editor.text() == text);
    }
}

namespace {
char g_field[64] = "";
void draw_field() {
    ImGui::InputText("##field", g_field, sizeof g_field);
}
}  // namespace

TEST_CASE("one click moves the keyboard from another text field to the editor, and back") {
    EditorHarness h;
    h.before_editor = draw_field;  // a field drawn before the editor (the find bar, a knob)
    h.editor.set_text("abc");
    h.frame();
    const ImVec2 field(200, ImGui::GetFrameHeight() * 0.5f + ImGui::GetStyle().WindowPadding.y);
    h.click(field);
    h.type("x");
    CHECK(std::string(g_field) == "x");
    h.click(h.at(0, 3));
    CHECK(h.editor.focused());
    h.type("y");
    CHECK(h.editor.text() == "abcy");
    CHECK(std::string(g_field) == "x");
    h.click(field);
    CHECK_FALSE(h.editor.focused());
    h.type("z");
    CHECK(std::string(g_field) == "xz");
    CHECK(h.editor.text() == "abcy");
}

TEST_CASE("find: a new query's first match is looked for from where the search began") {
    // As VS Code's search start: Enter steps through the matches, but a changed query starts
    // over from where the caret was at Ctrl+F (or where the user put it since).
    EditorHarness h;
    start_ordered(h, "alphab x\nalpha\nalpha alphab");
    auto sel = [&] { return h.editor.model().selection(); };
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alpha");
    for (int i = 0; i < 6; ++i) h.frame();
    REQUIRE(h.editor.find_has_keyboard());
    CHECK(sel().begin == TextPos{0, 0});
    for (const int line : {1, 2}) {
        h.put_key(EditorKey::enter);
        for (int i = 0; i < 2; ++i) h.frame();
        CHECK(sel().begin == TextPos{line, 0});
    }
    ImGui::GetIO().AddInputCharactersUTF8("b");  // "alphab": from the start, not from line 3
    for (int i = 0; i < 2; ++i) h.frame();
    CHECK(sel().begin == TextPos{0, 0});
    CHECK(sel().end == TextPos{0, 6});

    // Back in the code, the caret on line 2: Ctrl+F (no selection: the query stays "alphab",
    // selected) and "alphab" typed over it at once. The query is the same, but it was typed:
    // its first match from the caret is selected (it was left unmoved).
    h.put_key(EditorKey::escape);
    h.frame();
    h.frame();  // drawn without the bar: the text moved up
    h.click(h.at(1, 2));
    REQUIRE(h.editor.focused());
    REQUIRE(sel().begin == TextPos{1, 2});
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alphab");
    for (int i = 0; i < 6; ++i) h.frame();
    CHECK(std::string(h.editor.find_text()) == "alphab");
    CHECK(sel().begin == TextPos{2, 6});
    CHECK(sel().end == TextPos{2, 12});
    // Ctrl+F again in the field, over the match: "alpha" now starts from that match.
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alpha");
    for (int i = 0; i < 4; ++i) h.frame();
    CHECK(std::string(h.editor.find_text()) == "alpha");
    CHECK(sel().begin == TextPos{2, 6});
    CHECK(sel().end == TextPos{2, 11});
    CHECK(h.editor.text() == "alphab x\nalpha\nalpha alphab");
}

TEST_CASE("find: \"alphab\" typed over a prefilled \"alphabet\" selects its first match") {
    EditorHarness h;
    const char* text = "alpha = 1\nbeta = 2\nalphabet = alpha + beta";
    start_ordered(h, text);
    h.editor.model().set_selection({2, 0}, {2, 8});  // Ctrl+F prefills "alphabet"
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("alphab");
    for (int i = 0; i < 6; ++i) h.frame();
    CHECK(std::string(h.editor.find_text()) == "alphab");
    CHECK(h.editor.model().selection().begin == TextPos{2, 0});
    CHECK(h.editor.model().selection().end == TextPos{2, 6});
    CHECK(h.editor.text() == text);
}

TEST_CASE("find: closing the bar before its field took what was typed drops that text") {
    // Within the frame or two after Ctrl+F (the field not yet active) the user closes the bar
    // (its x button; Esc does the same): the search is given up, so the query and the
    // selection stay as they were, and the code gets nothing.
    EditorHarness h;
    const char* text = "alpha = 1\nbeta = 2\nalphabet = alpha + beta";
    start_ordered(h, text);
    h.before_editor = [] { ImGui::ClearActiveID(); };  // the field never takes the keyboard
    h.put_key(EditorKey::f, kModCtrl);
    ImGui::GetIO().AddInputCharactersUTF8("beta");
    h.frame();
    REQUIRE(h.editor.find_handover().pending > 0);
    h.editor.close_find();
    for (int i = 0; i < 45; ++i) h.frame();
    CHECK_FALSE(h.editor.find_open());
    CHECK(h.editor.find_handover().pending == 0);
    CHECK(std::string(h.editor.find_text()).empty());
    CHECK(h.editor.model().selection().begin == TextPos{0, 0});
    CHECK(h.editor.model().selection().empty());
    CHECK(h.editor.text() == text);
}
