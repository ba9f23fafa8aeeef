// The desktop's input path over the headless app: GLFW's events that arrive between two frames
// go through ui::InputTrickle (as src/app/key_taps.cpp queues them), and an editing key goes to
// the code editor's queue when the editor has the keyboard as the key is let through (as
// backend_glfw.cpp's editor_key_listener does). A burst queued in one frame — what a loaded
// machine or automation delivers — still lands where the user typed it: the Enter typed right
// after a click into the code, the path typed right after Ctrl+O.
#include "ui/input_trickle.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ui/app_harness.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace {

constexpr int kLeftCtrl = 341, kPeriod = 46;

struct DesktopInput {
    AppHarness& h;
    InputTrickle trickle;

    void key(int code, int action, int mods = 0) {
        InputEvent e;
        e.code = code;
        e.action = action;
        e.mods = mods;
        e.modifier = code == kLeftCtrl;
        trickle.push(e);
    }
    void tap(int code, int mods = 0) {
        key(code, InputEvent::press, mods);
        key(code, InputEvent::release, mods);
    }
    // Typed text: each character's key down, the character, its key up (GLFW's order).
    void type(const std::string& s) {
        for (char c : s) {
            const int code = c == '.' ? kPeriod : c >= 'a' && c <= 'z' ? c - 32 : c;
            key(code, InputEvent::press);
            InputEvent t;
            t.kind = InputEvent::Kind::text;
            t.code = static_cast<unsigned char>(c);
            trickle.push(t);
            key(code, InputEvent::release);
        }
    }
    void click(ImVec2 at) {
        ImGui::GetIO().MousePos = at;  // the backend polls where the mouse is
        for (int action : {InputEvent::press, InputEvent::release}) {
            InputEvent e;
            e.kind = InputEvent::Kind::mouse_button;
            e.code = 0;
            e.action = action;
            trickle.push(e);
        }
    }
    // Frames until every queued event is let through, then two more.
    void run() {
        for (int i = 0; i < 400 && trickle.pending(); ++i) {
            trickle.begin_frame([this](const InputEvent& e) { deliver(e); });
            h.frames(1);
        }
        REQUIRE_FALSE(trickle.pending());
        h.frames(2);
    }

  private:
    void deliver(const InputEvent& e) {
        ImGuiIO& io = ImGui::GetIO();
        if (e.kind == InputEvent::Kind::text) {
            io.AddInputCharacter(static_cast<unsigned>(e.code));
            return;
        }
        if (e.kind == InputEvent::Kind::mouse_button) {
            io.MouseDown[e.code] = e.action == InputEvent::press;
            return;
        }
        // editor_key_listener: the editor's keys, while the last frame left it the keyboard.
        if (e.action != InputEvent::release && h.app->editor_geometry().takes_ordered_keys()) {
            const bool ctrl = (e.mods & kModCtrl) != 0;
            EditorKey k = EditorKey::none;
            if (e.code == kEnter) k = EditorKey::enter;
            if (e.code == kEscape) k = EditorKey::escape;
            if (e.code == kBackspace) k = EditorKey::backspace;
            if (e.code == kLeft) k = EditorKey::left;
            if (ctrl && e.code == kF) k = EditorKey::f;
            if (ctrl && e.code == kO) k = EditorKey::open_file;
            if (ctrl && e.code == kS) k = EditorKey::save_file;
            if (k != EditorKey::none) io.AddInputCharacter(key_event(k, unsigned(e.mods) & 15));
        }
        io.KeysDown[e.code] = e.action != InputEvent::release;  // ImGui's GLFW backend
        io.KeyCtrl = io.KeysDown[kLeftCtrl];
    }
};

// A JSON member's text in App::editor_state_json ("find": the query; "find_open").
std::string member(AppHarness& h, const std::string& name) {
    const std::string j = h.app->editor_state_json();
    const size_t at = j.find("\"" + name + "\":");
    REQUIRE(at != std::string::npos);
    const size_t from = at + name.size() + 3;
    return j.substr(from, j.find_first_of(",}", from) - from);
}

// Where a click puts the caret at the end of line `line` of the code.
ImVec2 end_of_line(AppHarness& h, int line) {
    const App::EditorGeometry g = h.app->editor_geometry();
    return ImVec2(g.x1 - 40, g.y0 + g.line_h * (static_cast<float>(line) + 0.5f) + 3);
}

// Frame by frame, what InputTrickle lets through: "a+" press, "a-" release, "'a'" text,
// "M+" / "M-" the mouse button; frames separated by " | ".
std::string frames_of(InputTrickle& t) {
    std::string out;
    while (t.pending()) {
        std::string frame;
        t.begin_frame([&](const InputEvent& e) {
            if (!frame.empty()) frame += ' ';
            const std::string name = e.kind == InputEvent::Kind::mouse_button ? "M"
                                     : e.code == kLeftCtrl                    ? "Ctrl"
                                     : e.code == kEnter                       ? "Enter"
                                                        : std::string(1, static_cast<char>(e.code));
            if (e.kind == InputEvent::Kind::text)
                frame += "'" + name + "'";
            else
                frame += name + (e.action == InputEvent::release ? "-" : "+");
        });
        out += (out.empty() ? "" : " | ") + frame;
    }
    return out;
}
}  // namespace

TEST_CASE("input trickle: taps seen down a frame, chords kept, text flowing, clicks in order") {
    AppHarness h;
    DesktopInput in{h, {}};
    // Text flows past the releases a frame cannot show; the same key again waits for its own.
    in.type("ABA");
    CHECK(frames_of(in.trickle) == "A+ 'A' B+ 'B' | A- B- | A+ 'A' | A-");
    // A chord keeps its modifier: the Ctrl let go comes with the S's release, a frame later.
    in.key(kLeftCtrl, InputEvent::press);
    in.tap(kS, kModCtrl);
    in.key(kLeftCtrl, InputEvent::release, kModCtrl);
    in.type("X");
    CHECK(frames_of(in.trickle) == "Ctrl+ S+ | S- Ctrl- X+ 'X' | X-");
    // A click comes after what was typed before it, alone; what follows it, a frame later.
    in.type("K");
    in.click(ImVec2(1, 1));
    in.tap(kEnter);
    CHECK(frames_of(in.trickle) == "K+ 'K' | K- | M+ | M- Enter+ | Enter-");
}

TEST_CASE("an Enter typed right after a click into the code is the code's, at the click") {
    AppHarness h([](PlatformHooks& hooks) { hooks.ordered_keys = true; });  // the desktop's
    h.app->set_code("a = 1\nb = 2\n");
    h.frames(2);
    REQUIRE_FALSE(h.app->editor_geometry().focused);
    DesktopInput in{h, {}};
    // Between two frames: the click, then Enter and a letter.
    in.click(end_of_line(h, 0));
    in.tap(kEnter);
    in.type("c");
    in.run();
    CHECK(h.app->editor_geometry().focused);
    CHECK(h.app->code() == "a = 1\nc\nb = 2\n");
    // Focused already: a click on another line, then Enter, in one frame: at the new place.
    in.click(end_of_line(h, 2));
    in.tap(kEnter);
    in.type("d");
    in.run();
    CHECK(h.app->code() == "a = 1\nc\nb = 2\nd\n");
}

TEST_CASE("a path typed right after Ctrl+O goes to the File > Open dialog, none to the code") {
    AppHarness h([](PlatformHooks& hooks) { hooks.ordered_keys = true; });
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("interleave-order-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "other.py") << "print('other')\n";
    h.app->set_code("a = 1\n");
    h.frames(2);
    DesktopInput in{h, {}};
    in.click(end_of_line(h, 0));
    in.run();
    REQUIRE(h.app->editor_geometry().focused);
    // Between two frames: Ctrl+O, the path, Enter.
    in.key(kLeftCtrl, InputEvent::press);
    in.tap(kO, kModCtrl);
    in.key(kLeftCtrl, InputEvent::release, kModCtrl);
    in.type((dir / "other.py").string());
    in.tap(kEnter);
    in.run();
    CHECK_FALSE(h.asking());
    CHECK(h.app->code() == "print('other')\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("the find field takes Backspace, Enter, Left and Esc pressed one at a time") {
    AppHarness h([](PlatformHooks& hooks) { hooks.ordered_keys = true; });
    ImGui::GetIO().KeyMap[ImGuiKey_LeftArrow] = kLeft;  // as ImGui's GLFW backend maps it
    h.app->set_code("sleep(1)\nsleep(2)\n");
    h.frames(2);
    DesktopInput in{h, {}};
    in.click(end_of_line(h, 0));
    in.run();
    in.key(kLeftCtrl, InputEvent::press);
    in.tap(kF, kModCtrl);
    in.key(kLeftCtrl, InputEvent::release, kModCtrl);
    in.run();
    REQUIRE(member(h, "find_open") == "true");
    REQUIRE(h.app->editor_geometry().takes_ordered_keys());  // the field has the keyboard
    in.type("sleepx");
    in.run();
    CHECK(member(h, "find") == "\"sleepx\"");
    in.tap(kBackspace);
    in.run();
    CHECK(member(h, "find") == "\"sleep\"");
    in.tap(kEnter);  // the next match: the bar stays, the field keeps the keyboard
    in.run();
    CHECK(member(h, "find_open") == "true");
    in.tap(kLeft);
    in.run();
    in.type("z");  // at the caret moved left: "sleezp"
    in.run();
    CHECK(member(h, "find") == "\"sleezp\"");
    in.tap(kEscape);
    in.run();
    CHECK(member(h, "find_open") == "false");
    in.type("y");  // the code's again
    in.run();
    CHECK(member(h, "find") == "\"sleezp\"");
    CHECK(h.app->code().find('y') != std::string::npos);
}
