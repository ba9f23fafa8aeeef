// Web backend: Emscripten's GLFW on #canvas, WebGL2, the browser's requestAnimationFrame loop,
// the URL fragment as the share link, downloads, and the C entry points behind
// window.interleave (web/interleave-api.js). See backend.hpp for the contract.
//
// The canvas's CSS box fills the window (web/index.html); each frame its backing store is
// sized to CSS size x devicePixelRatio, so ImGui works in device pixels and the UI scales its
// fonts and sizes by the ratio (content_scale). Never blocks: the browser's main thread must
// stay free for the page, and run threads are Web Workers from the pthread pool.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>

#include "app/backend.hpp"
#include "app/draw_frame.hpp"
#include "app/key_taps.hpp"

namespace interleave::app {
namespace {

ui::App* g_app = nullptr;  // the automation target (main thread only)

// The page side, in JavaScript. (clang-format would split JS operators such as !==.)
// clang-format off
EM_JS(int, location_hash_length, (), { return lengthBytesUTF8(location.hash); });
EM_JS(void, location_hash_copy, (char* out, int capacity), {
    stringToUTF8(location.hash, out, capacity);
});
EM_JS(int, screen_width, (), { return screen.width; });
EM_JS(int, screen_height, (), { return screen.height; });
// replaceState fires no hashchange, so writing the link never loops back into load().
EM_JS(void, replace_fragment, (const char* fragment), {
    var f = UTF8ToString(fragment);
    if (f === location.hash) return;
    history.replaceState(history.state, "", f ? f : location.pathname + location.search);
});
EM_JS(void, download_file, (const char* name, const char* data, size_t size), {
    // slice() copies out of the shared heap: Blob refuses views of shared memory.
    var bytes = HEAPU8.slice(data, data + size);
    var url = URL.createObjectURL(new Blob([bytes]));
    var a = document.createElement("a");
    a.href = url;
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});
EM_JS(void, notify_ready, (), {
    if (Module.interleaveReady) Module.interleaveReady();
});
EM_JS(void, notify_failed, (const char* why), {
    if (Module.interleaveFailed) Module.interleaveFailed(UTF8ToString(why));
});
// The code editor's input bridge (web/interleave-input.js): where the editor and its caret
// are, in framebuffer pixels, once per frame; whether its hidden textarea has the keyboard.
EM_JS(void, bridge_sync, (int focused, float cx, float cy, float lh, float x0, float y0,
                          float x1, float y1, double version, int dark), {
    if (window.interleaveInput)
        window.interleaveInput.sync(!!focused, cx, cy, lh, x0, y0, x1, y1, version, !!dark);
});
EM_JS(void, bridge_set_plain, (int on), {
    if (window.interleaveInput) window.interleaveInput.setPlain(!!on);
});
// Per-device settings in localStorage (absent or blocked: nothing is remembered).
EM_JS(int, setting_length, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem("interleave." + UTF8ToString(key)); } catch (e) {}
    return v === null ? -1 : lengthBytesUTF8(v);
});
EM_JS(void, setting_copy, (const char* key, char* out, int capacity), {
    var v = "";
    try { v = window.localStorage.getItem("interleave." + UTF8ToString(key)) || ""; } catch (e) {}
    stringToUTF8(v, out, capacity);
});
EM_JS(void, setting_save, (const char* key, const char* value), {
    try {
        window.localStorage.setItem("interleave." + UTF8ToString(key), UTF8ToString(value));
    } catch (e) {}
});
EM_JS(int, bridge_has_focus, (), {
    return window.interleaveInput && window.interleaveInput.hasFocus() ? 1 : 0;
});
// 1 copied, 0 refused, 2 pending (answered through interleave_copy_done).
EM_JS(int, bridge_write_clipboard, (const char* text, int id), {
    if (!window.interleaveInput) return 0;
    return window.interleaveInput.writeClipboard(UTF8ToString(text), id);
});
EM_JS(int, platform_is_mac, (), {
    return /^(Mac|iPhone|iPad|iPod)/.test(navigator.platform || "") ? 1 : 0;
});
// clang-format on

// Text the page's last paste event carried: what ImGui's own text fields (the find bar, the
// console filter) read on Ctrl+V. (Emscripten 3.1.6's glfwGetClipboardString is empty.)
std::string g_clipboard;

// Device-pixel size the canvas should have now.
void wanted_canvas_size(double dpr, int& w, int& h) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    w = std::max(1, int(std::lround(css_w * dpr)));
    h = std::max(1, int(std::lround(css_h * dpr)));
    // Emscripten's GLFW asks for fullscreen when a size equals the screen's exactly (which
    // needs a user gesture and logs an error); one device pixel less is invisible.
    if (w == screen_width() && h == screen_height()) h -= 1;
}

class WebBackend final : public Backend {
  public:
    bool init(const Options& options) override {
        options_ = options;
        glfwSetErrorCallback([](int code, const char* what) {
            std::fprintf(stderr, "interleave: GLFW error %d: %s\n", code, what);
        });
        if (!glfwInit()) return fail("GLFW could not start in this page.");
        dpr_ = float(emscripten_get_device_pixel_ratio());
        int w = 0, h = 0;
        wanted_canvas_size(dpr_, w, h);
        // The link flags select WebGL2 (MIN/MAX_WEBGL_VERSION=2); GLFW's hints are ignored.
        window_ = glfwCreateWindow(w, h, "Interleave", nullptr, nullptr);
        if (!window_) return fail("This browser could not create a WebGL2 context.");
        glfwMakeContextCurrent(window_);
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        install_key_taps(window_);
        // Text arrives through the bridge's textarea while it has the keyboard (input and
        // composition events: IME, dead keys, AltGr); GLFW's keypress characters would type
        // it twice. Elsewhere (the canvas) they still drive the app's one-key shortcuts.
        glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned c) {
            if (!bridge_has_focus()) ImGui_ImplGlfw_CharCallback(w, c);
        });
        ImGuiIO& io = ImGui::GetIO();
        io.GetClipboardTextFn = [](void*) { return g_clipboard.c_str(); };
        io.SetClipboardTextFn = [](void*, const char* text) {
            g_clipboard = text ? text : "";
            bridge_write_clipboard(g_clipboard.c_str(), 0);  // best effort (ImGui's fields)
        };
        ImGui_ImplOpenGL3_Init("#version 300 es");
        return true;
    }

    float content_scale() const override { return dpr_; }

    ui::PlatformHooks hooks() override {
        ui::PlatformHooks h;
        h.is_web = true;
        h.hardware_cores = std::thread::hardware_concurrency();  // navigator.hardwareConcurrency
        h.link_changed = [](const std::string& fragment) { replace_fragment(fragment.c_str()); };
        h.save_file = [](const std::string& filename, const std::string& content) {
            download_file(filename.c_str(), content.data(), content.size());
            return "Downloaded " + filename;
        };
        h.copy_text = [](const std::string& text, int id) {
            g_clipboard = text;
            const int r = bridge_write_clipboard(text.c_str(), id);
            return r == 1   ? ui::CopyResult::copied
                   : r == 2 ? ui::CopyResult::pending
                            : ui::CopyResult::failed;
        };
        // Emscripten's GLFW reports letters and '/' with GLFW's codes (ASCII).
        h.keys.f = GLFW_KEY_F;
        h.keys.g = GLFW_KEY_G;
        h.keys.slash = GLFW_KEY_SLASH;
        // Text size: web/interleave-input.js keeps the browser's own zoom off these keys.
        h.keys.equal = GLFW_KEY_EQUAL;
        h.keys.minus = GLFW_KEY_MINUS;
        h.keys.digit0 = GLFW_KEY_0;
        h.keys.kp_add = GLFW_KEY_KP_ADD;
        h.keys.kp_subtract = GLFW_KEY_KP_SUBTRACT;
        h.load_setting = [](const std::string& key) {
            const int n = setting_length(key.c_str());
            if (n < 0) return std::string();
            std::string out(size_t(n), '\0');
            setting_copy(key.c_str(), out.data(), n + 1);
            return out;
        };
        h.save_setting = [](const std::string& key, const std::string& value) {
            setting_save(key.c_str(), value.c_str());
        };
        h.set_plain_editor = [](bool on) { bridge_set_plain(on); };
        h.mac_shortcuts = platform_is_mac() != 0;
        h.clipboard_events = true;
        h.ordered_keys = true;  // web/interleave-input.js sends editing keys with the text
        return h;
    }

    std::string initial_link() const override {
        std::string link(size_t(location_hash_length()), '\0');
        location_hash_copy(link.data(), int(link.size()) + 1);
        return link;
    }

    void attach(ui::App& app) override { g_app = &app; }

    bool begin_frame() override {
        // Follow window resizes, zoom and moves between screens of different density.
        dpr_ = float(emscripten_get_device_pixel_ratio());
        int want_w = 0, want_h = 0, w = 0, h = 0;
        wanted_canvas_size(dpr_, want_w, want_h);
        glfwGetWindowSize(window_, &w, &h);
        if (w != want_w || h != want_h) glfwSetWindowSize(window_, want_w, want_h);
        key_taps_begin_frame(window_);  // this frame's share of the queued key events
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        return true;
    }

    void end_frame() override {
        if (g_app) {
            const ui::App::EditorGeometry e = g_app->editor_geometry();
            bridge_sync(e.focused, e.caret_x, e.caret_y, e.line_h, e.x0, e.y0, e.x1, e.y1,
                        double(g_app->code_version()), e.dark);
        }
        if (!draw_) return;  // the canvas keeps the last drawn frame
        draw_frame(window_);
        if (!ready_) {  // the first frame is on screen: resolve window.interleave.ready
            ready_ = true;
            notify_ready();
        }
    }

    void run_loop(std::function<bool()> frame) override {
        frame_ = std::move(frame);
        // fps 0 = requestAnimationFrame (vsync); simulate_infinite_loop: main never returns.
        emscripten_set_main_loop_arg(
            [](void* self) {
                auto* web = static_cast<WebBackend*>(self);
                // During a run draw every third animation frame (~20 fps): without a GPU the
                // browser rasterises on the CPU, and full-rate drawing would take the cores the
                // run is measuring. The UI itself still runs every frame, so no input is missed.
                web->draw_ = !(g_app && g_app->run_active()) || web->frames_skipped_++ % 3 == 0;
                if (!web->frame_()) emscripten_cancel_main_loop();
            },
            this, 0, true);
    }

    void shutdown() override {}

  private:
    bool fail(const char* why) {
        std::fprintf(stderr, "interleave: %s\n", why);
        notify_failed(why);
        return false;
    }

    Options options_;
    GLFWwindow* window_ = nullptr;
    float dpr_ = 1.0f;
    bool ready_ = false;
    std::function<bool()> frame_;
    unsigned frames_skipped_ = 0;
    bool draw_ = true;
};

// Strings returned to JavaScript stay valid until the next call of the same function.
const char* keep(std::string& slot, std::string value) {
    slot = std::move(value);
    return slot.c_str();
}

}  // namespace

std::unique_ptr<Backend> make_backend() {
    return std::make_unique<WebBackend>();
}

}  // namespace interleave::app

// --- window.interleave entry points (web/interleave-api.js wraps them with cwrap) ----------
// Main thread only (JS calls them between frames). Before the app exists they answer "" / no-op.
using interleave::app::g_app;
using interleave::app::keep;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* interleave_state_json() {
    static std::string slot;
    return keep(slot, g_app ? g_app->state_json() : "");
}

EMSCRIPTEN_KEEPALIVE const char* interleave_load(const char* fragment) {
    static std::string slot;
    return keep(slot, g_app ? g_app->load(fragment ? fragment : "") : "[]");
}

EMSCRIPTEN_KEEPALIVE void interleave_run() {
    if (g_app) g_app->run();
}

EMSCRIPTEN_KEEPALIVE void interleave_stop() {
    if (g_app) g_app->stop();
}

EMSCRIPTEN_KEEPALIVE const char* interleave_export_trace() {
    static std::string slot;
    return keep(slot, g_app ? g_app->export_trace() : "");
}

EMSCRIPTEN_KEEPALIVE const char* interleave_link() {
    static std::string slot;
    return keep(slot, g_app ? g_app->link() : "");
}

EMSCRIPTEN_KEEPALIVE const char* interleave_code() {
    static std::string slot;
    return keep(slot, g_app ? g_app->code() : "");
}

EMSCRIPTEN_KEEPALIVE void interleave_set_code(const char* text) {
    if (g_app) g_app->set_code(text ? text : "");
}

EMSCRIPTEN_KEEPALIVE const char* interleave_editor_state() {
    static std::string slot;
    return keep(slot, g_app ? g_app->editor_state_json() : "{}");
}

// --- The editor's input bridge (web/interleave-input.js) ---------------------------------------

// Text from the bridge textarea's input/compositionend events: typed like keyboard characters.
EMSCRIPTEN_KEEPALIVE void interleave_input_text(const char* utf8) {
    if (utf8 && ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// A paste event's text: into the editor when it has focus; kept for ImGui's own fields too.
EMSCRIPTEN_KEEPALIVE void interleave_paste(const char* utf8) {
    interleave::app::g_clipboard = utf8 ? utf8 : "";
    if (g_app) g_app->editor_paste(interleave::app::g_clipboard);
}

// A copy/cut event: the editor's selection (cut removes it); "" when the editor has no focus.
EMSCRIPTEN_KEEPALIVE const char* interleave_copy(int cut) {
    static std::string slot;
    return keep(slot, g_app ? g_app->editor_copy(cut != 0) : "");
}

// Accessible mode: the page's plain textarea was switched on or off, or its text changed.
EMSCRIPTEN_KEEPALIVE void interleave_set_plain_editor(int on) {
    if (g_app) g_app->set_plain_editor(on != 0);
}

EMSCRIPTEN_KEEPALIVE double interleave_plain_text(const char* utf8) {
    if (!g_app) return 0;
    g_app->set_code_from_plain(utf8 ? utf8 : "");
    return double(g_app->code_version());
}

EMSCRIPTEN_KEEPALIVE void interleave_copy_done(int id, int ok) {
    if (g_app && id > 0) g_app->copy_finished(id, ok != 0);
}

}  // extern "C"
