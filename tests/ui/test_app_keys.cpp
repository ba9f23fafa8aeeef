// The whole app in headless ImGui frames, for what only the app decides: its one-key
// shortcuts (1-9 pick a sample, t/c/m a view) stay quiet while the desktop's File > Open
// dialog is up, whether its name field has the keyboard yet or not; a sample or file picked
// over an open file's unsaved changes asks first, and an edited sample's text is kept.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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
    const auto other = f.path.string() + ".other.py";
    std::ofstream(other) << "y = 1\n";
    REQUIRE(h.app->open_file(f.path.string()) == "");
    h.app->set_code("x = 2\n");
    h.frames(2);
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
