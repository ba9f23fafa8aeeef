// The whole app in headless ImGui frames, for what only the app decides: its one-key
// shortcuts (1-9 pick a sample, t/c/m a view) stay quiet while the desktop's File > Open
// dialog is up, whether its name field has the keyboard yet or not; a sample or file picked
// over an open file's unsaved changes asks first, and so does closing the window (quitting);
// an edited sample's text is kept.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ui/app_harness.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

TEST_CASE("File > Open: what is typed in the dialog never picks a sample or a view") {
    AppHarness h;
    const std::string link = h.app->link();
    REQUIRE(h.tab() == "timeline");
    ImGuiIO& io = ImGui::GetIO();
    // Ctrl+O and, in the same frame, the start of a name (type-ahead: the dialog's field does
    // not have the keyboard yet).
    io.KeyCtrl = true;
    io.KeysDown[kO] = true;
    io.AddInputCharactersUTF8("2m");
    h.frames(1);
    io.KeysDown[kO] = false;
    io.KeyCtrl = false;
    h.frames(3);
    CHECK(h.app->link() == link);
    CHECK(h.tab() == "timeline");
    // A click in the dialog's list takes the keyboard from the field: still the dialog's.
    io.MousePos = ImVec2(700, 430);
    io.MouseDown[0] = true;
    h.frames(1);
    io.MouseDown[0] = false;
    h.frames(2);
    io.AddInputCharactersUTF8("3c4t");
    h.frames(3);
    CHECK(h.app->link() == link);
    CHECK(h.tab() == "timeline");
    // Esc closes it; now the same keys are shortcuts again (so the checks above can fail).
    h.key(kEscape);
    h.frames(2);
    io.AddInputCharactersUTF8("2m");
    h.frames(2);
    CHECK(h.app->link() != link);
    CHECK(h.tab() == "compare");
}

namespace {
struct PyFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("interleave-app-" + std::to_string(::getpid()) + ".py");
    explicit PyFile(const char* text) { std::ofstream(path) << text; }
    ~PyFile() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
    std::string read() const {
        std::ifstream in(path);
        std::ostringstream b;
        b << in.rdbuf();
        return b.str();
    }
};
// `f` opened and edited to "x = 2\n" (not saved), and another file, "y = 1\n", written beside
// it: returns its path.
std::string edit_beside_other(AppHarness& h, const PyFile& f) {
    const auto other = f.path.string() + ".other.py";
    std::ofstream(other) << "y = 1\n";
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.app->set_code("x = 2\n");
    h.frames(2);
    return other;
}
}  // namespace

TEST_CASE("a sample picked over a file's unsaved changes asks first: Keep, Discard, Save") {
    AppHarness h;
    PyFile f("x = 1\n");
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.frames(2);
    REQUIRE(h.app->code() == "x = 1\n");
    // The file unchanged: picking a sample closes it (it is on disk), no question.
    h.type("2");
    CHECK_FALSE(h.asking());
    CHECK(h.app->code() != "x = 1\n");
    const std::string sample2 = h.app->code();

    // Changed: the question comes, and nothing is replaced until it is answered.
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.app->set_code("x = 2\n");
    h.frames(2);
    const std::string link = h.app->link();
    h.type("3");
    REQUIRE(h.asking());
    CHECK(h.app->code() == "x = 2\n");
    CHECK(h.app->link() == link);
    h.type("4");  // digits go to the question, not to the samples
    CHECK(h.app->code() == "x = 2\n");
    // Keep editing (Esc): still the file's changed text.
    h.key(kEscape);
    h.frames(2);
    CHECK_FALSE(h.asking());
    CHECK(h.app->code() == "x = 2\n");
    CHECK(h.app->link() == link);
    // Discard: the sample's text; the file on disk is as it was, and no longer the editor's
    // (Ctrl+S now asks where to save instead of writing the sample over it).
    h.type("2");
    REQUIRE(h.asking());
    h.click("replace-discard");
    CHECK_FALSE(h.asking());
    CHECK(h.app->code() == sample2);
    CHECK(f.read() == "x = 1\n");
    h.key(kS, true);
    CHECK(h.asking());  // the Save dialog
    h.key(kEscape);
    h.frames(2);
    CHECK(f.read() == "x = 1\n");

    // Save: the changes are written, then the sample is shown. Enter is Save too.
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.app->set_code("x = 3\n");
    h.frames(2);
    h.type("2");
    REQUIRE(h.asking());
    h.click("replace-save");
    CHECK_FALSE(h.asking());
    CHECK(f.read() == "x = 3\n");
    CHECK(h.app->code() == sample2);
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.app->set_code("x = 4\n");
    h.frames(2);
    h.type("2");
    REQUIRE(h.asking());
    h.key(kEnter);
    CHECK_FALSE(h.asking());
    CHECK(f.read() == "x = 4\n");
    CHECK(h.app->code() == sample2);
}

TEST_CASE("another file opened over a file's unsaved changes asks first") {
    AppHarness h;
    PyFile f("x = 1\n");
    const std::string other = edit_beside_other(h, f);
    REQUIRE(h.app->open_file(other) == "");  // a dropped file, say
    h.frames(2);
    REQUIRE(h.asking());
    CHECK(h.app->code() == "x = 2\n");
    h.click("replace-discard");
    CHECK_FALSE(h.asking());
    CHECK(h.app->code() == "y = 1\n");
    CHECK(f.read() == "x = 1\n");
    std::filesystem::remove(other);
}

TEST_CASE("a file opened over an edited sample keeps the sample's edit as its draft") {
    AppHarness h;
    PyFile f("x = 1\n");
    const std::string edit = h.app->code() + "# mine\n";
    h.app->set_code(edit);
    h.frames(2);
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.frames(2);
    CHECK(h.app->code() == "x = 1\n");
    // The same sample picked again (key 1: the first) shows the edit; the file was unchanged.
    h.type("1");
    CHECK_FALSE(h.asking());
    CHECK(h.app->code() == edit);
}

namespace {
// The modal windows up, bottom first ("Open a Python file", "Unsaved changes", ...).
std::vector<std::string> modals() {
    std::vector<std::string> names;
    for (const ImGuiPopupData& d : GImGui->OpenPopupStack)
        if (d.Window && (d.Window->Flags & ImGuiWindowFlags_Modal)) {
            const std::string n = d.Window->Name;
            names.push_back(n.substr(0, n.find("###")));
        }
    return names;
}
using Names = std::vector<std::string>;
}  // namespace

TEST_CASE("a file dropped or the window closed while File > Open is up asks over the dialog") {
    // The question comes on top of the dialog, which stays: once answered, the user goes on
    // picking a file (or cancels), as before.
    AppHarness h([](PlatformHooks& hooks) { hooks.ordered_keys = true; });  // the desktop's
    PyFile f("x = 1\n");
    const std::string other = edit_beside_other(h, f);
    h.key(kO, true);
    h.frames(2);
    REQUIRE(modals() == Names{"Open a Python file"});
    REQUIRE(h.app->open_file(other) == "");  // dropped on the window
    h.frames(3);
    REQUIRE(modals() == Names{"Open a Python file", "Unsaved changes"});
    CHECK(h.app->code() == "x = 2\n");
    // Esc (Keep editing) answers the question only: the dialog is still up, the text kept,
    // and its name field has the keyboard again.
    h.key(kEscape);
    h.frames(2);
    CHECK(modals() == Names{"Open a Python file"});
    CHECK(h.app->code() == "x = 2\n");
    REQUIRE(GImGui->ActiveIdWindow);
    CHECK(std::string(GImGui->ActiveIdWindow->Name).rfind("Open a Python file", 0) == 0);
    // The window closed: the same, and Keep editing leaves the dialog up again.
    CHECK_FALSE(h.app->request_quit());
    h.frames(3);
    CHECK(modals() == Names{"Open a Python file", "Unsaved changes"});
    h.type("q");  // typed keys are the question's, not the dialog's name field's
    h.key(kEscape);
    h.frames(2);
    CHECK(modals() == Names{"Open a Python file"});
    CHECK_FALSE(h.app->quit_confirmed());
    // Dropped again, Discard: the dropped file opens, and the dialog is still there to pick
    // from (the file is unchanged now: what it picks opens without a question).
    REQUIRE(h.app->open_file(other) == "");
    h.frames(3);
    REQUIRE(modals() == Names{"Open a Python file", "Unsaved changes"});
    h.click("replace-discard");
    CHECK(h.app->code() == "y = 1\n");
    CHECK(f.read() == "x = 1\n");
    CHECK(modals() == Names{"Open a Python file"});
    h.type(f.path.string().c_str());
    h.key(kEnter);
    h.frames(2);
    CHECK(modals().empty());
    CHECK(h.app->code() == "x = 1\n");
    std::filesystem::remove(other);
}

namespace {
// The window closed: whether the app ends without a question.
bool closes_at_once(AppHarness& h) {
    const bool now = h.app->request_quit();
    h.frames(2);  // a question's first frames size and centre it
    return now && !h.asking();
}
// The file at `path` opened and edited to `text` (not saved), then the window closed: it stays,
// and the question is up.
void close_over_edit(AppHarness& h, const std::string& path, const char* text) {
    REQUIRE(h.app->open_file(path) == "");
    h.app->set_code(text);
    h.frames(2);
    CHECK_FALSE(closes_at_once(h));
    REQUIRE(h.asking());
}
}  // namespace

TEST_CASE("closing the window over a file's unsaved changes asks first: Keep, Discard, Save") {
    // No file, or a file as it is on disk: the window closes at once.
    {
        AppHarness h;
        CHECK(closes_at_once(h));
    }
    {
        AppHarness h;
        PyFile f("x = 1\n");
        REQUIRE(h.app->open_file(f.path.string()) == "");
        h.frames(2);
        CHECK(closes_at_once(h));
    }
    AppHarness h;
    PyFile f("x = 1\n");
    close_over_edit(h, f.path.string(), "x = 2\n");  // changed: the window stays, it asks
    h.type("q");  // what is typed goes to the question, not to the code
    CHECK(h.app->code() == "x = 2\n");
    // Keep editing (Esc): nothing changes, the app goes on.
    h.key(kEscape);
    h.frames(2);
    CHECK_FALSE(h.asking());
    CHECK_FALSE(h.app->quit_confirmed());
    CHECK(h.app->code() == "x = 2\n");
    CHECK(f.read() == "x = 1\n");
    // Discard: the app may end; the file on disk is as it was.
    CHECK_FALSE(closes_at_once(h));
    h.click("replace-discard");
    CHECK(h.app->quit_confirmed());
    CHECK(f.read() == "x = 1\n");
}

TEST_CASE("quitting with Save writes the file first; a failed save quits nothing") {
    {
        AppHarness h;
        PyFile f("x = 1\n");
        close_over_edit(h, f.path.string(), "x = 2\n");
        h.key(kEnter);  // Enter is Save
        CHECK_FALSE(h.asking());
        CHECK(h.app->quit_confirmed());
        CHECK(f.read() == "x = 2\n");
    }
    // A file whose folder is gone cannot be saved: the question closes, the app stays.
    std::vector<std::string> said;
    AppHarness g(
        [&](PlatformHooks& hk) { hk.message = [&](const std::string& m) { said.push_back(m); }; });
    const auto dir =
        std::filesystem::temp_directory_path() / ("interleave-gone-" + std::to_string(::getpid()));
    std::filesystem::create_directory(dir);
    std::ofstream(dir / "a.py") << "y = 1\n";
    close_over_edit(g, (dir / "a.py").string(), "y = 2\n");
    std::filesystem::remove_all(dir);
    g.click("replace-save");
    REQUIRE_FALSE(said.empty());
    CHECK(said.back().rfind("Not saved: ", 0) == 0);
    CHECK_FALSE(g.asking());
    CHECK_FALSE(g.app->quit_confirmed());
    CHECK(g.app->code() == "y = 2\n");
}

TEST_CASE("quitting with edited samples and no store for them asks first") {
    // (The harness has no PlatformHooks::save_drafts: the edits live in this run only.
    // test_draft_store.cpp: with a store, quitting asks nothing.)
    AppHarness h;
    const std::string edit = h.app->code() + "# mine\n";
    h.app->set_code(edit);
    h.frames(2);
    CHECK_FALSE(closes_at_once(h));
    REQUIRE(h.asking());
    h.key(kEscape);  // Keep editing
    h.frames(2);
    CHECK_FALSE(h.asking());
    CHECK_FALSE(h.app->quit_confirmed());
    CHECK(h.app->code() == edit);
    // Another sample shown: the edit is kept as a draft, which quitting would lose as well.
    h.click("sample:multiprocessing");
    REQUIRE(h.app->link().find("sample=multiprocessing") != std::string::npos);
    CHECK_FALSE(closes_at_once(h));
    REQUIRE(h.asking());
    // Save as...: the save dialog, and the app stays.
    h.click("replace-save-as");
    CHECK(h.asking());  // the Save dialog
    CHECK_FALSE(h.app->quit_confirmed());
    h.key(kEscape);
    h.frames(2);
    CHECK_FALSE(h.asking());
    // Discard: the app may end.
    CHECK_FALSE(closes_at_once(h));
    h.click("replace-discard");
    CHECK(h.app->quit_confirmed());
}

TEST_CASE("Ctrl+S right after Esc answered a question saves; one the editor queued saves once") {
    // The desktop's key listener queues Ctrl+S for the editor only if it has the keyboard as
    // the key arrives; Esc (Keep editing) gives it back a frame later. A Ctrl+S in the same
    // batch of events reaches the app as key state only, with the editor focused by then.
    std::vector<std::string> said;
    AppHarness h([&](PlatformHooks& hooks) {
        hooks.ordered_keys = true;  // the desktop's
        hooks.message = [&](const std::string& m) { said.push_back(m); };
    });
    PyFile f("x = 1\n");
    close_over_edit(h, f.path.string(), "x = 2\n");
    h.key(kEscape);  // Keep editing
    REQUIRE(h.app->editor_geometry().focused);
    h.key(kS, true);
    CHECK(f.read() == "x = 2\n");
    // Typed with the editor focused: in its queue and in the key state, saved once.
    h.app->set_code("x = 3\n");
    h.frames(2);
    const auto saves = [&] {
        return std::count_if(said.begin(), said.end(),
                             [](const std::string& m) { return m.rfind("Saved ", 0) == 0; });
    };
    const auto before = saves();
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::save_file, kModCtrl));
    h.key(kS, true);
    h.frames(2);
    CHECK(f.read() == "x = 3\n");
    CHECK(saves() == before + 1);
}
