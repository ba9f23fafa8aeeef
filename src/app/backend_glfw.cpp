// Desktop backend: GLFW window, OpenGL 3.3 core profile, vsync, content scale for high DPI,
// screenshots for tests. See backend.hpp for the contract.
#include <GLFW/glfw3.h>  // also brings <GL/gl.h> (GL 1.x: viewport, clear, read pixels)
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <unistd.h>  // getpid

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/backend.hpp"
#include "app/draw_frame.hpp"
#include "app/key_taps.hpp"
#include "app/png_write.hpp"
#include "samples/code_codec.hpp"
#include "ui/editor/code_editor.hpp"  // key_event
#include "ui/frame_pacing.hpp"

namespace interleave::app {
namespace {

// Per-device settings: key=value lines in $XDG_CONFIG_HOME/interleave/settings
// (~/.config/interleave/settings). Unreadable or absent: defaults; unwritable: not remembered.
std::filesystem::path settings_path() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return std::filesystem::path(x) / "interleave" / "settings";
    if (const char* h = std::getenv("HOME"); h && *h)
        return std::filesystem::path(h) / ".config" / "interleave" / "settings";
    return {};
}

std::map<std::string, std::string> read_settings() {
    std::map<std::string, std::string> out;
    const auto path = settings_path();
    if (path.empty()) return out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const size_t eq = line.find('=');
        if (eq != std::string::npos && line[0] != '#')
            out[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return out;
}

// Kept edits of samples (ui/draft_store.hpp): $XDG_STATE_HOME/interleave/drafts
// (~/.local/state/interleave/drafts), replaced whole through a temporary file so that a crash
// mid-write leaves the previous one.
std::filesystem::path drafts_path() {
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x)
        return std::filesystem::path(x) / "interleave" / "drafts";
    if (const char* h = std::getenv("HOME"); h && *h)
        return std::filesystem::path(h) / ".local" / "state" / "interleave" / "drafts";
    return {};
}

std::string read_drafts(std::string* error) {
    const auto path = drafts_path();
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) return "";  // nothing kept
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return *error = path.string() + ": " + ec.message(), "";
    if (size > (64u << 20)) return *error = path.string() + " is over 64 MB", "";
    std::ifstream in(path, std::ios::binary);
    if (!in) return *error = path.string() + ": " + std::strerror(errno), "";
    std::string text(std::istreambuf_iterator<char>(in), {});
    if (in.bad()) return *error = path.string() + ": " + std::strerror(errno), "";
    return text;
}

// Renamed beside itself, as drafts.unreadable-<UTC time>: unchanged, for the user to look at.
std::string set_drafts_aside(std::string* error) {
    const auto path = drafts_path();
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::gmtime(&now));
    auto aside = path;
    aside += std::string(".unreadable-") + stamp;
    std::error_code ec;
    std::filesystem::rename(path, aside, ec);
    if (ec) return *error = "cannot rename " + path.string() + ": " + ec.message(), "";
    // Said in the status bar: the home folder as "~" keeps it short enough to read whole.
    const std::string where = aside.string();
    const char* home = std::getenv("HOME");
    const size_t n = home ? std::strlen(home) : 0;
    if (n > 1 && where.compare(0, n, home) == 0 && where[n] == '/') return "~" + where.substr(n);
    return where;
}

std::string write_drafts(const std::string& text) {
    const auto path = drafts_path();
    if (path.empty()) return "no HOME or XDG_STATE_HOME to keep them in";
    std::error_code ec;
    if (text.empty()) {  // nothing kept
        std::filesystem::remove(path, ec);
        return ec ? "cannot remove " + path.string() + ": " + ec.message() : "";
    }
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
    // One temporary file per process: two instances writing at once each rename a whole file.
    auto tmp = path;
    tmp += ".tmp-" + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            const std::string why = std::strerror(errno);
            std::filesystem::remove(tmp, ec);
            return "cannot write " + tmp.string() + ": " + why;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    return ec ? "cannot replace " + path.string() + ": " + ec.message() : "";
}

void write_setting(const std::string& key, const std::string& value) {
    const auto path = settings_path();
    if (path.empty()) return;
    auto all = read_settings();
    all[key] = value;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::trunc);
    for (const auto& [k, v] : all) out << k << '=' << v << '\n';
    if (!out) std::fprintf(stderr, "interleave: cannot save settings to %s\n", path.c_str());
}

// The app: a file dropped on the window opens in it, closing the window asks it first.
ui::App* g_app = nullptr;

// Input and window events since the last frame (frame pacing: each one means frames again).
// Set before ImGui's backend installs its callbacks, which call these first; the cursor,
// size, refresh and scale callbacks ImGui 1.86 does not use. Keys: key_taps_pending().
int g_events = 0;
bool g_close_asked = false;  // the window's close button was pressed: asked after the frame
std::string g_dropped;       // a file dropped on the window: opened after the frame
void count_events(GLFWwindow* w) {
    glfwSetWindowFocusCallback(w, [](GLFWwindow*, int) { ++g_events; });
    glfwSetCursorEnterCallback(w, [](GLFWwindow*, int) { ++g_events; });
    glfwSetCursorPosCallback(w, [](GLFWwindow*, double, double) { ++g_events; });
    glfwSetMouseButtonCallback(w, [](GLFWwindow*, int, int, int) { ++g_events; });
    glfwSetScrollCallback(w, [](GLFWwindow*, double, double) { ++g_events; });
    glfwSetCharCallback(w, [](GLFWwindow*, unsigned) { ++g_events; });
    glfwSetWindowSizeCallback(w, [](GLFWwindow*, int, int) { ++g_events; });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow*, int, int) { ++g_events; });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow*) { ++g_events; });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow*, float, float) { ++g_events; });
    glfwSetWindowIconifyCallback(w, [](GLFWwindow*, int) { ++g_events; });
}

// Editing keys go to the code editor in the character queue, in the order they were typed
// with the text (code_editor.hpp, "keys as ordered events"), while it or its find field has
// the keyboard (the field reads its keys from that queue too, as on the web). Called as
// key_taps lets the key through, so the focus is the one the last frame left: a click just
// before the key has been seen by then (ui/input_trickle.hpp).
void editor_key_listener(int key, int action, int mods) {
    if (action == GLFW_RELEASE || !g_app || !g_app->editor_geometry().takes_ordered_keys()) return;
    using K = ui::EditorKey;
    K k = K::none;
    switch (key) {
        case GLFW_KEY_LEFT:
            k = K::left;
            break;
        case GLFW_KEY_RIGHT:
            k = K::right;
            break;
        case GLFW_KEY_UP:
            k = K::up;
            break;
        case GLFW_KEY_DOWN:
            k = K::down;
            break;
        case GLFW_KEY_HOME:
            k = K::home;
            break;
        case GLFW_KEY_END:
            k = K::end;
            break;
        case GLFW_KEY_PAGE_UP:
            k = K::page_up;
            break;
        case GLFW_KEY_PAGE_DOWN:
            k = K::page_down;
            break;
        case GLFW_KEY_BACKSPACE:
            k = K::backspace;
            break;
        case GLFW_KEY_DELETE:
            k = K::del;
            break;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            k = K::enter;
            break;
        case GLFW_KEY_TAB:
            k = K::tab;
            break;
        case GLFW_KEY_ESCAPE:
            k = K::escape;
            break;
        default:
            break;
    }
    if (k == K::none && (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER))) {
        switch (key) {
            case GLFW_KEY_A:
                k = K::a;
                break;
            case GLFW_KEY_C:
                k = K::c;
                break;
            case GLFW_KEY_V:
                k = K::v;
                break;
            case GLFW_KEY_X:
                k = K::x;
                break;
            case GLFW_KEY_Y:
                k = K::y;
                break;
            case GLFW_KEY_Z:
                k = K::z;
                break;
            case GLFW_KEY_F:
                k = K::f;
                break;
            case GLFW_KEY_G:
                k = K::g;
                break;
            case GLFW_KEY_SLASH:
                k = K::slash;
                break;
            case GLFW_KEY_O:
                k = K::open_file;
                break;
            case GLFW_KEY_S:
                k = K::save_file;
                break;
            default:
                break;
        }
    }
    // GLFW's mod bits are the editor's (Shift 1, Ctrl 2, Alt 4, Super 8).
    if (k != K::none) ImGui::GetIO().AddInputCharacter(ui::key_event(k, unsigned(mods) & 15));
}

class GlfwBackend final : public Backend {
  public:
    bool init(const Options& options) override {
        options_ = options;
        glfwSetErrorCallback([](int code, const char* what) {
            std::fprintf(stderr, "interleave: GLFW error %d: %s\n", code, what);
        });
        if (!glfwInit()) {
            std::fprintf(stderr,
                         "interleave: no window system (is DISPLAY set?). The headless "
                         "interleave-cli runs the same samples without one.\n");
            return false;
        }
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);  // required on macOS
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);       // window grows with DPI
        window_ = glfwCreateWindow(options.width, options.height, "Interleave", nullptr, nullptr);
        if (!window_) {
            std::fprintf(stderr, "interleave: cannot create an OpenGL 3.3 window\n");
            glfwTerminate();
            return false;
        }
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(1);  // vsync: the UI needs no more frames than the display shows
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(window_, &sx, &sy);
        scale_ = sx > 0 ? sx : 1.0f;

        count_events(window_);  // first: ImGui's callbacks chain to these
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        install_key_taps(window_);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        std::printf("interleave: OpenGL %s (%s), content scale %.2f\n",
                    reinterpret_cast<const char*>(glGetString(GL_VERSION)),
                    reinterpret_cast<const char*>(glGetString(GL_RENDERER)), scale_);
        return true;
    }

    float content_scale() const override { return scale_; }

    ui::PlatformHooks hooks() override {
        ui::PlatformHooks h;
        h.is_web = false;
        h.hardware_cores = std::thread::hardware_concurrency();
        h.link_changed = [this](const std::string& fragment) { link_ = fragment; };
        h.save_file = [](const std::string& filename, const std::string& content) {
            std::ofstream out(filename, std::ios::binary);
            out << content;
            out.close();
            return out ? "Saved " + filename + " in the working directory"
                       : "Could not write " + filename;
        };
        // GLFW's clipboard says nothing about success: read it back.
        h.copy_text = [this](const std::string& text, int) {
            glfwSetClipboardString(window_, text.c_str());
            const char* back = glfwGetClipboardString(window_);
            return back && text == back ? ui::CopyResult::copied : ui::CopyResult::failed;
        };
        h.keys.f = GLFW_KEY_F;
        h.keys.g = GLFW_KEY_G;
        h.keys.slash = GLFW_KEY_SLASH;
        h.keys.o = GLFW_KEY_O;
        h.keys.s = GLFW_KEY_S;
        h.keys.equal = GLFW_KEY_EQUAL;
        h.keys.minus = GLFW_KEY_MINUS;
        h.keys.digit0 = GLFW_KEY_0;
        h.keys.kp_add = GLFW_KEY_KP_ADD;
        h.keys.kp_subtract = GLFW_KEY_KP_SUBTRACT;
        h.load_setting = [](const std::string& key) {
            const auto all = read_settings();
            const auto it = all.find(key);
            return it == all.end() ? std::string() : it->second;
        };
        h.save_setting = write_setting;
        h.load_drafts = read_drafts;
        h.save_drafts = write_drafts;
        h.set_aside_drafts = set_drafts_aside;
        h.ordered_keys = true;  // editor_key_listener
        // Links' code= with zlib (raw DEFLATE + base64url, as the web page's streams).
        h.pack_code = samples::zlib_code_codec().pack;
        h.unpack_code = samples::zlib_code_codec().unpack;
        h.title_changed = [this](const std::string& title) {
            glfwSetWindowTitle(window_, title.c_str());
        };
        // CJK, Hangul and emoji fonts from Debian's fonts-droid-fallback, fonts-alee and
        // fonts-symbola (build.sh installs them), read when a character past DejaVu is first
        // drawn (ui/fallback_glyphs.hpp).
        h.load_font = [](const std::string& name,
                         std::function<void(std::vector<unsigned char>)> done) {
            for (const char* dir :
                 {"/usr/share/fonts/truetype/droid", "/usr/share/fonts/truetype/alee",
                  "/usr/share/fonts/truetype/ancient-scripts", "/usr/local/share/fonts"}) {
                std::ifstream in(std::string(dir) + "/" + name, std::ios::binary);
                if (!in) continue;
                std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                                 std::istreambuf_iterator<char>());
                if (!bytes.empty()) return done(std::move(bytes));
            }
            std::fprintf(stderr,
                         "interleave: font %s not found (install fonts-droid-fallback, "
                         "fonts-alee and fonts-symbola): those characters draw as a box\n",
                         name.c_str());
            done({});
        };
        h.message = [](const std::string& m) {
            std::printf("interleave: %s\n", m.c_str());
            std::fflush(stdout);
        };
#ifdef __APPLE__
        h.mac_shortcuts = true;
#endif
        return h;
    }

    std::string initial_link() const override {
        return options_.link;
    }
    bool outputs_written() const override {
        return !screenshot_failed_;
    }
    void attach(ui::App& app) override {
        // A file dropped on the window opens in the editor (the first one, if several).
        g_app = &app;
        set_key_listener(editor_key_listener);
        // Opened (end_frame) once the input before it has been let through, as a close is.
        glfwSetDropCallback(window_, [](GLFWwindow*, int count, const char** paths) {
            ++g_events;
            if (count > 0) g_dropped = paths[0];
        });
        // The close button or the window manager's Alt+F4 (WM_DELETE_WINDOW): over unsaved
        // changes the app asks first and the window stays; begin_frame ends the loop once the
        // answer lets it. Asked after a frame (end_frame) with no input left queued, not in the
        // event: text typed just before the close (key_taps lets it through a frame's worth at
        // a time) is then in the editor and counts as unsaved (the desktop editor test closed
        // over a '!' not yet applied, 1 in 2 runs).
        glfwSetWindowCloseCallback(window_, [](GLFWwindow* w) {
            ++g_events;  // frames at once: the question, or the end of the loop
            g_close_asked = true;
            glfwSetWindowShouldClose(w, GLFW_FALSE);
        });
    }

    bool begin_frame() override {
        if (glfwWindowShouldClose(window_) || (g_app && g_app->quit_confirmed())) return false;
        if (options_.frames > 0 && frames_ >= options_.frames) return false;
        // An idle app sleeps until an event or the pacer's time (ui/frame_pacing.hpp); screenshot
        // runs (--frames) never do.
        const double now = glfwGetTime();
        if (next_frame_s_ > now && options_.frames == 0)
            glfwWaitEventsTimeout(next_frame_s_ - now);
        else
            glfwPollEvents();
        if (g_events > 0 || key_taps_pending()) pacer_.wake(glfwGetTime());
        g_events = 0;
        float sx = scale_, sy = scale_;  // changes when the window moves to another monitor
        glfwGetWindowContentScale(window_, &sx, &sy);
        if (sx > 0) scale_ = sx;
        key_taps_begin_frame(window_);  // this frame's share of the queued input events
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        key_taps_after_backend_frame();
        return true;
    }

    void end_frame() override {
        // Every built frame is drawn (a GPU draws a still picture cheaply, and a window's
        // content may need it after an expose); frames are only built when needed.
        const FramebufferSize fb = draw_frame(window_);
        if (!g_dropped.empty() && g_app && !key_taps_pending())
            g_app->open_file(std::exchange(g_dropped, std::string()));
        if (g_close_asked && g_app && !key_taps_pending()) {
            g_close_asked = false;
            if (g_app->request_quit()) glfwSetWindowShouldClose(window_, GLFW_TRUE);
        }
        if (g_app) {
            const uint64_t fingerprint = g_app->frame_fingerprint();
            g_app->note_drawn();
            pacer_.drawn(fingerprint);
            const ui::App::Activity a = g_app->activity();
            next_frame_s_ = pacer_.after_frame(
                glfwGetTime(), {a.live || key_taps_pending(), a.next_change_s, fingerprint});
        }
        ++frames_;
        if (frames_ == options_.frames && !options_.screenshot_path.empty())
            screenshot(fb.width, fb.height);
        glfwSwapBuffers(window_);
    }

    void run_loop(std::function<bool()> frame) override {
        while (frame()) {
        }
        std::printf("interleave: %d frames rendered\n", frames_);
    }

    void shutdown() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        glfwDestroyWindow(window_);
        glfwTerminate();
    }

  private:
    // Reads the back buffer just drawn (bottom row first in GL) and writes it top row first.
    void screenshot(int w, int h) {
        std::vector<uint8_t> pixels(size_t(w) * size_t(h) * 4), flipped(pixels.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        const size_t row = size_t(w) * 4;
        for (int y = 0; y < h; ++y)
            std::copy_n(pixels.data() + row * size_t(h - 1 - y), row,
                        flipped.data() + row * size_t(y));
        std::string why;
        if (write_png(options_.screenshot_path, flipped.data(), w, h, &why)) {
            std::printf("interleave: screenshot %dx%d -> %s\n", w, h,
                        options_.screenshot_path.c_str());
        } else {
            std::fprintf(stderr, "interleave: cannot write the screenshot to %s: %s\n",
                         options_.screenshot_path.c_str(), why.c_str());
            screenshot_failed_ = true;
        }
    }

    Options options_;
    GLFWwindow* window_ = nullptr;
    float scale_ = 1.0f;
    int frames_ = 0;
    bool screenshot_failed_ = false;
    ui::FramePacer pacer_;
    double next_frame_s_ = 0;  // glfwGetTime() of the next frame the app needs
    std::string link_;
};

}  // namespace

std::unique_ptr<Backend> make_backend() {
    return std::make_unique<GlfwBackend>();
}

}  // namespace interleave::app
