// The desktop's file dialog (editor/file_dialog.hpp) in headless ImGui frames: it lists a
// folder's subfolders and .py files, takes a typed name (typed even before its field has the
// keyboard), asks before replacing a file, and says why a path does not open.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid

#include <filesystem>
#include <fstream>
#include <string>

#include "ui/editor/file_dialog.hpp"
#include "ui/editor_harness.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;
namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path dir;
    Folder() {
        dir = fs::temp_directory_path() / ("interleave-dialog-" + std::to_string(::getpid()));
        fs::create_directories(dir / "sub");
        std::ofstream(dir / "a.py") << "print(1)\n";
        std::ofstream(dir / "notes.txt") << "x\n";
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// Frames with the dialog drawn (before the editor, as the app's header does).
FileDialog* g_dialog = nullptr;
bool g_chosen = false;
void draw_dialog() {
    if (g_dialog && g_dialog->draw()) g_chosen = true;
}

}  // namespace

TEST_CASE("File > Open: a name typed right away (type-ahead) and Enter pick the file") {
    Folder f;
    EditorHarness h;
    FileDialog d;
    g_dialog = &d;
    g_chosen = false;
    h.before_editor = draw_dialog;
    d.open(FileDialog::Mode::open, f.dir / "a.py");
    ImGui::GetIO().AddInputCharactersUTF8("a.py");  // before the first frame shows the dialog
    h.put_key(EditorKey::enter);
    for (int i = 0; i < 4 && !g_chosen; ++i) h.frame();
    REQUIRE(g_chosen);
    CHECK(d.chosen() == (f.dir / "a.py").lexically_normal());
    CHECK_FALSE(d.is_open());
    g_dialog = nullptr;
}

TEST_CASE("File > Open: a missing file is named, and the dialog stays open") {
    Folder f;
    EditorHarness h;
    FileDialog d;
    g_dialog = &d;
    g_chosen = false;
    h.before_editor = draw_dialog;
    d.open(FileDialog::Mode::open, f.dir);
    h.frame();
    h.frame();
    h.type("nope.py");
    h.key(kEnter);
    CHECK_FALSE(g_chosen);
    CHECK(d.is_open());
    g_dialog = nullptr;
}

TEST_CASE("File > Save as: .py is added, and replacing a file asks first") {
    Folder f;
    EditorHarness h;
    FileDialog d;
    g_dialog = &d;
    g_chosen = false;
    h.before_editor = draw_dialog;
    d.open(FileDialog::Mode::save, f.dir / "new.py");  // the name is filled in
    h.frame();
    h.frame();
    h.key(kEnter);
    REQUIRE(g_chosen);
    CHECK(d.chosen().filename() == "new.py");
    g_chosen = false;
    d.open(FileDialog::Mode::save, f.dir);
    h.frame();
    h.frame();
    h.type("a");  // a.py exists
    h.key(kEnter);
    CHECK_FALSE(g_chosen);
    h.key(kEnter);  // "Save again to replace it"
    REQUIRE(g_chosen);
    CHECK(d.chosen().filename() == "a.py");
    g_dialog = nullptr;
}
