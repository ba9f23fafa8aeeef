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
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/backend.hpp"
#include "app/draw_frame.hpp"
#include "app/key_taps.hpp"
#include "ui/frame_pacing.hpp"
#include "ui/wheel.hpp"

namespace interleave::app {
namespace {

ui::App* g_app = nullptr;  // the automation target (main thread only)
void wake_app();           // frames again (frame pacing): below, after the backend

// The page side, in JavaScript. (clang-format would split JS operators such as !==.)
// clang-format off
EM_JS(int, location_hash_length, (), { return lengthBytesUTF8(location.hash); });
// The page's address without its fragment or query (a share link's base: PlatformHooks).
// A file: page's origin is "null": its scheme then.
EM_JS(int, location_base_length, (), {
    var o = location.origin !== "null" ? location.origin : location.protocol + "//";
    return lengthBytesUTF8(o + location.pathname);
});
EM_JS(void, location_base_copy, (char* out, int capacity), {
    var o = location.origin !== "null" ? location.origin : location.protocol + "//";
    stringToUTF8(o + location.pathname, out, capacity);
});
EM_JS(void, location_hash_copy, (char* out, int capacity), {
    stringToUTF8(location.hash, out, capacity);
});
// Sizes the canvas's backing store and tells GLFW (its resize listener updates the window
// size). Not glfwSetWindowSize: Emscripten's GLFW asks for fullscreen when the size equals the
// screen's, which a page filling the screen (headless, kiosks, phones) hits exactly.
EM_JS(void, set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });

// WebGL state that ImGui's OpenGL3 backend reads back every frame (to restore it after drawing)
// but Chrome answers only by a round trip to its GPU process: the scissor box, the blend
// functions and equations, glIsEnabled of a few caps. Each such read blocks the page's main
// thread until the GPU process has caught up; with a software GPU on a busy machine one frame
// waited 100-350 ms in them (issue #8 item 7: Chrome's trace, GLES2Implementation::GetIntegerv
// -> WaitForCmd). This app is the context's only user, so the values are kept here: read once,
// then updated by the calls that set them (ImGui passes only valid values to those).
EM_JS(void, install_gl_state_cache, (), {
    var gl = GLctx;
    if (!gl || gl.interleaveStateCache) return;
    gl.interleaveStateCache = true;
    var params = {}, caps = {};
    var cached = [gl.SCISSOR_BOX, gl.BLEND_SRC_RGB, gl.BLEND_DST_RGB, gl.BLEND_SRC_ALPHA,
                  gl.BLEND_DST_ALPHA, gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA];
    var getParameter = gl.getParameter.bind(gl), isEnabled = gl.isEnabled.bind(gl);
    gl.getParameter = function(p) {
        if (cached.indexOf(p) < 0) return getParameter(p);
        if (!(p in params)) params[p] = getParameter(p);
        var v = params[p];
        return v instanceof Int32Array ? new Int32Array(v) : v;
    };
    gl.isEnabled = function(cap) {
        if (!(cap in caps)) caps[cap] = isEnabled(cap);
        return caps[cap];
    };
    function after(name, note) {
        var f = gl[name].bind(gl);
        gl[name] = function() {
            f.apply(null, arguments);
            note.apply(null, arguments);
        };
    }
    after("enable", function(cap) { caps[cap] = true; });
    after("disable", function(cap) { caps[cap] = false; });
    after("scissor", function(x, y, w, h) { params[gl.SCISSOR_BOX] = new Int32Array([x, y, w, h]); });
    after("blendFunc", function(s, d) {
        params[gl.BLEND_SRC_RGB] = params[gl.BLEND_SRC_ALPHA] = s;
        params[gl.BLEND_DST_RGB] = params[gl.BLEND_DST_ALPHA] = d;
    });
    after("blendFuncSeparate", function(sr, dr, sa, da) {
        params[gl.BLEND_SRC_RGB] = sr;
        params[gl.BLEND_DST_RGB] = dr;
        params[gl.BLEND_SRC_ALPHA] = sa;
        params[gl.BLEND_DST_ALPHA] = da;
    });
    after("blendEquation", function(m) {
        params[gl.BLEND_EQUATION_RGB] = params[gl.BLEND_EQUATION_ALPHA] = m;
    });
    after("blendEquationSeparate", function(rgb, a) {
        params[gl.BLEND_EQUATION_RGB] = rgb;
        params[gl.BLEND_EQUATION_ALPHA] = a;
    });
});
// replaceState fires no hashchange, so writing the link never loops back into load().
// Module.interleaveFragment is the fragment the app last read, loaded or wrote: when the
// address bar holds another, the user navigated to a link not loaded yet (its hashchange is
// queued, or its code is being unpacked: web/interleave-api.js), and a compression that lands
// meanwhile must not write over it (CI: editor_names.test.mjs). Its load writes next.
EM_JS(void, adopt_fragment, (), { Module.interleaveFragment = location.hash; });
EM_JS(void, replace_fragment, (const char* fragment), {
    var f = UTF8ToString(fragment);
    if (Module.interleaveFragment !== undefined && location.hash !== Module.interleaveFragment)
        return;
    if (f !== location.hash)
        history.replaceState(history.state, "", f ? f : location.pathname + location.search);
    Module.interleaveFragment = location.hash;
});
// A finished trace export, on the export's own thread (a Web Worker): its text copied out of
// the heap into a Blob there, 4 MB per slice (slice() copies: Blob refuses views of shared
// memory), and the Blob posted to the page's main thread (a Blob is cloned by reference), which
// downloads it or hands it to the promise of interleave.exportTrace() (web/interleave-api.js).
// Building it on the main thread took 85-183 ms for a 15-17 MB trace (issue #8 item 7).
EM_JS(void, export_ready, (int id, int download, const char* name, const char* data, size_t size), {
    var msg = {id: id, download: download, filename: UTF8ToString(name)};
    try {
        // A view of the memory as it is now (another thread may have grown it).
        var heap = new Uint8Array(wasmMemory.buffer), chunks = [], CHUNK = 4 << 20;
        for (var off = 0; off < size; off += CHUNK)
            chunks.push(heap.slice(data + off, data + Math.min(off + CHUNK, size)));
        msg.blob = new Blob(chunks, {type: "application/json"});
    } catch (e) {
        msg.error = String(e);
    }
    var channel = new BroadcastChannel("interleave-export");
    channel.postMessage(msg);
    channel.close();
});
// The page's side of export_ready: main thread, once.
EM_JS(void, install_export_channel, (), {
    var channel = new BroadcastChannel("interleave-export");
    channel.onmessage = function(e) {
        var m = e.data;
        if (!m.blob) {
            console.error("Interleave: the trace export failed: " + m.error);
            if (!m.download && Module.interleaveExportDone) Module.interleaveExportDone(m.id, null);
            return;
        }
        if (!m.download) {
            if (Module.interleaveExportDone) Module.interleaveExportDone(m.id, m.blob);
            return;
        }
        var url = URL.createObjectURL(m.blob);
        var a = document.createElement("a");
        a.href = url;
        a.download = m.filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
    };
});
// Touches: Emscripten 3.1.6's GLFW presses the mouse button on touchstart but leaves the pointer
// where the mouse last was (its position code reads SDL's event.touch), and the browser then
// sends compatibility mouse events, so a tap clicked twice, the first time in the wrong place.
// These listeners (capture, on window: before GLFW's own on the canvas) put the pointer under the
// finger first and cancel the compatibility events and the browser's own pan and zoom.
EM_JS(void, install_touch, (), {
    var canvas = Module['canvas'];
    function place(e) {
        var t = e.changedTouches[0];
        if (!t) return;
        var r = canvas.getBoundingClientRect();
        Browser.mouseX = (t.clientX - r.left) * (canvas.width / r.width);
        Browser.mouseY = (t.clientY - r.top) * (canvas.height / r.height);
    }
    var phases = {touchstart: 1, touchmove: 2, touchend: 3, touchcancel: 3};
    Object.keys(phases).forEach(function(type) {
        window.addEventListener(type, function(e) {
            if (e.target !== canvas) return;
            place(e);
            _interleave_touch(phases[type]);
            if (e.cancelable) e.preventDefault();
        }, {capture: true, passive: false});
    });
    window.addEventListener('mousemove', function(e) {
        if (e.target === canvas) _interleave_touch(0);  // a real mouse again
    }, true);
});
// Run, pressed: start it from the input event (a frame may be tens of ms away on a slow
// machine). Capture on window, so before GLFW's own listeners; GLFW and ImGui still see the
// event, and the app ignores that press once at the next frame.
EM_JS(void, install_run_from_event, (), {
    var canvas = Module['canvas'];
    window.addEventListener('mouseup', function(e) {
        if (e.target !== canvas || e.button !== 0) return;
        var r = canvas.getBoundingClientRect();
        _interleave_pointer_up((e.clientX - r.left) * (canvas.width / r.width),
                               (e.clientY - r.top) * (canvas.height / r.height));
    }, true);
    window.addEventListener('keydown', function(e) {
        if ((e.key === 'Enter') && (e.ctrlKey || e.metaKey) && !e.repeat &&
            (e.target === canvas || e.target === document.body))
            _interleave_run_keys();
    }, true);
});
// Frame pacing (ui/frame_pacing.hpp): an idle page sleeps; every event a user (or a test) can
// cause wakes it at once, before the page's next animation frame. Capture listeners on the
// window and the document see events for every element (the canvas, the editor's textarea
// bridge, the plain-text editor) before their own listeners, and never stop them.
EM_JS(void, install_wake, (), {
    var wake = function() { _interleave_wake(); };
    var opts = {capture: true, passive: true};
    ["keydown", "keyup", "keypress", "mousedown", "mouseup", "mousemove", "wheel", "touchstart",
     "touchmove", "touchend", "touchcancel", "pointerdown", "pointermove", "pointerup",
     "pointercancel", "contextmenu", "dragover", "drop", "focus", "blur", "resize",
     "hashchange", "popstate", "pageshow"].forEach(function(type) {
        EventTarget.prototype.addEventListener.call(window, type, wake, opts);
    });
    ["visibilitychange", "input", "beforeinput", "compositionstart", "compositionupdate",
     "compositionend", "paste", "copy", "cut", "focusin", "focusout"]
        .forEach(function(type) { document.addEventListener(type, wake, opts); });
    // Zoom or another screen: devicePixelRatio changes, sometimes without a resize event.
    var watchRatio = function() {
        var q = matchMedia("(resolution: " + devicePixelRatio + "dppx)");
        var changed = function() { wake(); watchRatio(); };
        if (q.addEventListener) q.addEventListener("change", changed, {once: true});
    };
    watchRatio();
});
EM_JS(void, notify_ready, (), {
    if (Module.interleaveReady) Module.interleaveReady();
});
EM_JS(void, notify_failed, (const char* why), {
    if (Module.interleaveFailed) Module.interleaveFailed(UTF8ToString(why));
});
// The code editor's input bridge (web/interleave-input.js): where the editor and its caret
// are, in framebuffer pixels, once per frame; whether its hidden textarea has the keyboard,
// and whether the find bar's field has it (keys then still go in order with the text).
EM_JS(void, bridge_sync, (int focused, float cx, float cy, float lh, float x0, float y0,
                          float x1, float y1, double version, int dark, int find_keys), {
    if (window.interleaveInput)
        window.interleaveInput.sync(!!focused, cx, cy, lh, x0, y0, x1, y1, version, !!dark,
                                    !!find_keys);
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
// Kept edits (ui/draft_store.hpp) as "interleave.drafts"; "" removes them. 1: stored, 0: not
// (storage full or blocked).
EM_JS(int, drafts_save, (const char* text), {
    try {
        var t = UTF8ToString(text);
        if (t === "")
            window.localStorage.removeItem("interleave.drafts");
        else
            window.localStorage.setItem("interleave.drafts", t);
        return 1;
    } catch (e) {
        return 0;
    }
});
// What is stored now, into Module.interleaveDraftsOut (drafts_out_copy); 1 read (maybe ""),
// 0 it cannot be (storage blocked: the out text says why).
EM_JS(int, drafts_load, (), {
    try {
        Module.interleaveDraftsOut = window.localStorage.getItem("interleave.drafts") || "";
        return 1;
    } catch (e) {
        Module.interleaveDraftsOut = "the browser's storage cannot be read: " + e;
        return 0;
    }
});
// Moves "interleave.drafts" unchanged to "interleave.drafts.unreadable" (or, when that is
// taken by an earlier one, "interleave.drafts.unreadable-<ISO time>"). 1: moved, the out text
// is the key; 0: not (the out text says why).
EM_JS(int, drafts_set_aside, (), {
    try {
        var s = window.localStorage, v = s.getItem("interleave.drafts") || "";
        var key = "interleave.drafts.unreadable";
        if (s.getItem(key) !== null) key += "-" + new Date().toISOString();
        s.setItem(key, v);
        s.removeItem("interleave.drafts");
        Module.interleaveDraftsOut = key;
        return 1;
    } catch (e) {
        Module.interleaveDraftsOut = "the browser's storage is full or blocked: " + e;
        return 0;
    }
});
// Another tab of the site wrote the kept edits: the `storage` event fires in every other
// same-origin page (never in the writer) with the key; the app reads the store again.
EM_JS(void, install_drafts_watch, (), {
    window.addEventListener('storage', function(e) {
        if (e.key === "interleave.drafts" && e.storageArea === window.localStorage)
            _interleave_drafts_changed();
    });
});
EM_JS(int, drafts_out_length, (), { return lengthBytesUTF8(Module.interleaveDraftsOut || ""); });
EM_JS(void, drafts_out_copy, (char* out, int capacity), {
    stringToUTF8(Module.interleaveDraftsOut || "", out, capacity);
    Module.interleaveDraftsOut = "";
});
EM_JS(int, bridge_has_focus, (), {
    return window.interleaveInput && window.interleaveInput.hasFocus() ? 1 : 0;
});
// 1 copied, 0 refused, 2 pending (answered through interleave_copy_done).
EM_JS(int, bridge_write_clipboard, (const char* text, int id), {
    if (!window.interleaveInput) return 0;
    return window.interleaveInput.writeClipboard(UTF8ToString(text), id);
});
// Links' code= (web/interleave-link.js; issue #10.6). Unpacking is synchronous here because
// the page unpacks a link's code before it hands the link over (interleave.load, hashchange,
// and index.html before the program starts); packing answers later through
// interleave_code_packed (an empty payload: the page could not compress, stored blocks stand).
EM_JS(int, link_code_unpack, (const char* payload), {
    var r = window.interleaveLink ? window.interleaveLink.lookup(UTF8ToString(payload)) : null;
    if (!r) r = {ok: false, why: "the page could not read it"};
    Module.interleaveLinkOut = r.ok ? r.text : r.why;
    return r.ok ? 1 : 0;
});
EM_JS(int, link_code_out_length, (), { return lengthBytesUTF8(Module.interleaveLinkOut || ""); });
EM_JS(void, link_code_out_copy, (char* out, int capacity), {
    stringToUTF8(Module.interleaveLinkOut || "", out, capacity);
    Module.interleaveLinkOut = "";
});
EM_JS(void, link_pack_code, (const char* text, int id), {
    function done(payload) {
        Module.ccall("interleave_code_packed", null, ["number", "string"], [id, payload]);
    }
    if (!window.interleaveLink) { done(""); return; }
    window.interleaveLink.pack(UTF8ToString(text)).then(done, function() { done(""); });
});
EM_JS(void, set_page_title, (const char* title), { document.title = UTF8ToString(title); });
// Leaving would lose edits the link does not carry (PlatformHooks::leave_warning): the browser
// asks first. The listener is there only then (any beforeunload listener keeps a page out of
// the back/forward cache).
EM_JS(void, set_leave_warning, (int on), {
    if (!Module.interleaveLeave)
        Module.interleaveLeave = function(e) { e.preventDefault(); e.returnValue = ""; };
    if (on) window.addEventListener("beforeunload", Module.interleaveLeave);
    else window.removeEventListener("beforeunload", Module.interleaveLeave);
});
EM_JS(int, platform_is_mac, (), {
    return /^(Mac|iPhone|iPad|iPod)/.test(navigator.platform || "") ? 1 : 0;
});
// clang-format on

// Text the page's last paste event carried: what ImGui's own text fields (the find bar, the
// console filter) read on Ctrl+V. (Emscripten 3.1.6's glfwGetClipboardString is empty.)
std::string g_clipboard;
// The app's PlatformHooks::watch_drafts callback (install_drafts_watch calls it).
std::function<void()> g_drafts_changed;

// Device-pixel size the canvas should have now.
void wanted_canvas_size(double dpr, int& w, int& h) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    w = std::max(1, int(std::lround(css_w * dpr)));
    h = std::max(1, int(std::lround(css_h * dpr)));
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
        install_gl_state_cache();
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
        install_wheel();
        install_touch();
        install_run_from_event();
        install_export_channel();
        install_wake();
        ImGui_ImplOpenGL3_Init("#version 300 es");
        return true;
    }

    float content_scale() const override { return dpr_; }

    ui::PlatformHooks hooks() override {
        ui::PlatformHooks h;
        h.is_web = true;
        h.hardware_cores = std::thread::hardware_concurrency();  // navigator.hardwareConcurrency
        h.link_changed = [](const std::string& fragment) { replace_fragment(fragment.c_str()); };
        h.link_base.assign(size_t(location_base_length()), '\0');
        location_base_copy(h.link_base.data(), int(h.link_base.size()) + 1);
        h.export_ready = [](int id, bool download, const std::string& filename,
                            const std::string& json) {
            export_ready(id, download, filename.c_str(), json.data(), json.size());
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
        // The answer of drafts_load or drafts_set_aside: the text, or why not into *error.
        static constexpr auto out = [](int ok, std::string* error) {
            const int n = drafts_out_length();
            std::string text(size_t(n), '\0');
            drafts_out_copy(text.data(), n + 1);
            if (ok) return text;
            *error = std::move(text);
            return std::string();
        };
        h.load_drafts = [](std::string* error) { return out(drafts_load(), error); };
        h.set_aside_drafts = [](std::string* error) {
            const std::string key = out(drafts_set_aside(), error);
            return key.empty() ? key : "\"" + key + "\" in this site's storage";
        };
        h.save_drafts = [](const std::string& text) {
            return drafts_save(text.c_str())
                       ? std::string()
                       : std::string("the browser's storage for this page is full or blocked");
        };
        h.watch_drafts = [](std::function<void()> changed) {
            g_drafts_changed = std::move(changed);
            install_drafts_watch();
        };
        h.set_plain_editor = [](bool on) { bridge_set_plain(on); };
        h.pack_code_async = [](const std::string& text, int id) {
            link_pack_code(text.c_str(), id);
        };
        h.unpack_code = [](std::string_view payload,
                           std::string* why) -> std::optional<std::string> {
            const bool ok = link_code_unpack(std::string(payload).c_str()) != 0;
            std::string out(size_t(link_code_out_length()), '\0');
            link_code_out_copy(out.data(), int(out.size()) + 1);
            if (ok) return out;
            if (why) *why = std::move(out);
            return std::nullopt;
        };
        // CJK, Hangul and emoji fonts (Debian's fonts-droid-fallback, fonts-alee, fonts-symbola),
        // copied beside interleave.wasm into fonts/ by cmake/app.cmake: fetched only when a
        // character past DejaVu is first drawn, so pages that never show one download nothing
        // more. The answer comes in a later browser task, on the main thread; it never waits.
        h.load_font = [](const std::string& name,
                         std::function<void(std::vector<unsigned char>)> done) {
            using Done = std::function<void(std::vector<unsigned char>)>;
            auto* pending = new Done(std::move(done));
            emscripten_async_wget_data(
                ("fonts/" + name).c_str(), pending,
                [](void* arg, void* buf, int size) {
                    std::unique_ptr<Done> d(static_cast<Done*>(arg));
                    const auto* b = static_cast<const unsigned char*>(buf);
                    (*d)(std::vector<unsigned char>(b, b + std::max(size, 0)));
                    wake_app();  // the atlas is rebuilt with it
                },
                [](void* arg) {
                    std::unique_ptr<Done> d(static_cast<Done*>(arg));
                    std::fprintf(stderr,
                                 "interleave: could not fetch a font: those characters "
                                 "draw as a box\n");
                    (*d)({});
                    wake_app();
                });
        };
        h.title_changed = [](const std::string& title) { set_page_title(title.c_str()); };
        h.leave_warning = [](bool on) { set_leave_warning(on ? 1 : 0); };
        h.mac_shortcuts = platform_is_mac() != 0;
        h.clipboard_events = true;
        h.ordered_keys = true;  // web/interleave-input.js sends editing keys with the text
        return h;
    }

    std::string initial_link() const override {
        adopt_fragment();  // the address the page opened with is the app's to rewrite
        std::string link(size_t(location_hash_length()), '\0');
        location_hash_copy(link.data(), int(link.size()) + 1);
        return link;
    }

    void attach(ui::App& app) override { g_app = &app; }

    bool will_draw() const override { return draw_; }

    bool begin_frame() override {
        // Follow window resizes, zoom and moves between screens of different density.
        dpr_ = float(emscripten_get_device_pixel_ratio());
        int want_w = 0, want_h = 0, w = 0, h = 0;
        wanted_canvas_size(dpr_, want_w, want_h);
        glfwGetWindowSize(window_, &w, &h);
        if (w != want_w || h != want_h) {
            set_canvas_size(want_w, want_h);  // clears the canvas: the next frame draws
            pacer_.forget_screen();
        }
        key_taps_begin_frame(window_);  // this frame's share of the queued key events
        // Draw only when the GPU has finished the last frame: queuing more makes the browser
        // block this thread in the next GL call until it catches up (a software GPU on a busy
        // machine held it 100-500 ms per frame that way). The fence is polled, never waited on.
        // How many refreshes the GPU needed is the drawing's cost as the page can see it
        // (gpu_lag_, for the live rate during a real run: run_loop).
        if (gpu_fence_) {
            GLint status = GL_UNSIGNALED;
            glGetSynciv(gpu_fence_, GL_SYNC_STATUS, 1, nullptr, &status);
            if (status == GL_SIGNALED) {
                glDeleteSync(gpu_fence_);
                gpu_fence_ = nullptr;
                gpu_lag_ = fence_refreshes_;
            } else {
                ++fence_refreshes_;
                draw_ = false;
            }
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // A lifted finger hovers nothing: once one frame has seen the button up where the finger
        // was (that frame's widgets take the click), no tooltip or hover highlight stays behind.
        ImGuiIO& io = ImGui::GetIO();
        if (touch_lifted_ && !io.MouseDown[0] && ++frames_up_ > 1)
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        return true;
    }

    // From the touch listeners (install_touch): 0 mouse, 1 start, 2 move, 3 end.
    void touch(int phase) {
        if (g_app) g_app->set_touch(phase != 0);
        touch_lifted_ = phase == 3;
        frames_up_ = 0;
    }

    void end_frame() override {
        if (g_app) {
            const ui::App::EditorGeometry e = g_app->editor_geometry();
            bridge_sync(e.focused, e.caret_x, e.caret_y, e.line_h, e.x0, e.y0, e.x1, e.y1,
                        double(g_app->code_version()), e.dark, e.find_keys);
        }
        // A frame identical to the one on screen is not drawn again (the canvas keeps it):
        // moving the mouse over a still picture costs no raster work.
        const uint64_t fingerprint = draw_ && g_app ? g_app->frame_fingerprint() : 0;
        if (draw_ && pacer_.needs_draw(fingerprint)) {
            draw_frame(window_);
            gpu_fence_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
            glFlush();
            fence_refreshes_ = 0;
            refreshes_since_draw_ = 0;
            pacer_.drawn(fingerprint);
            if (g_app) g_app->note_drawn();
            if (!ready_) {  // the first frame is on screen: resolve window.interleave.ready
                ready_ = true;
                notify_ready();
            }
        }
        pace(fingerprint);
    }

    // An input event, an automation call, an asynchronous answer: frames at every refresh for
    // a while (ui::FramePacer::wake), starting at the next one if the loop sleeps.
    void wake() {
        pacer_.wake(now_s());
        resume();
    }

    void run_loop(std::function<bool()> frame) override {
        frame_ = std::move(frame);
        // fps 0 = requestAnimationFrame (vsync); simulate_infinite_loop: main never returns.
        emscripten_set_main_loop_arg(
            [](void* self) {
                auto* web = static_cast<WebBackend*>(self);
                web->draw_ = web->draw_this_refresh();
                if (!web->frame_()) emscripten_cancel_main_loop();
            },
            this, 0, true);
    }

    void shutdown() override {}

  private:
    static double now_s() { return emscripten_get_now() / 1000.0; }

    // Whether this animation frame may be drawn. During a real run the page's drawing is other
    // work beside the run (issue #11 item 5). Without a GPU the browser rasterises on the CPU:
    // headless Chromium's SwiftShader took ~65 ms of CPU per frame, in bursts on every core,
    // so 11 drawn frames a second took 0.9 of a core and a 1-process run on 2 idle cores was
    // found disturbed by ~1 core (rightly: its worker was descheduled in the bursts). So the
    // run's live progress is drawn as often as the GPU affords: one that finished the last
    // frame by the next refresh (gpu_lag_ 0: a real GPU) every 4th refresh, 15 fps at 60 Hz; a
    // slower one (software) at most 1/12 of the time, ~2 fps. Within kBusyS of input
    // (ui::FramePacer::busy) every 3rd refresh, so what a person does answers at once. The UI
    // itself runs every refresh, so no input or output is missed, only drawn later.
    bool draw_this_refresh() {
        ++refreshes_since_draw_;
        if (!(g_app && g_app->run_active())) return true;
        const unsigned gap = pacer_.busy(now_s()) ? 3u : gpu_lag_ == 0 ? 4u : 12u * (gpu_lag_ + 1);
        return refreshes_since_draw_ >= gap;
    }

    // After a frame: keep the requestAnimationFrame loop going while frames are needed, else
    // pause it and sleep until the pacer's time (or a wake()).
    void pace(uint64_t fingerprint) {
        if (!g_app || !ready_) return;
        const ui::App::Activity a = g_app->activity();
        // A run draws only some frames (draw_this_refresh): it is live anyway.
        const double now = now_s();
        const double next =
            pacer_.after_frame(now, {a.live || key_taps_pending(), a.next_change_s, fingerprint});
        if (next <= now || sleeping_) return;
        sleeping_ = true;
        emscripten_pause_main_loop();  // from inside the loop: it ends after this frame
        timer_ = emscripten_set_timeout(
            [](void* self) {
                auto* web = static_cast<WebBackend*>(self);
                web->timer_ = 0;
                web->resume();
            },
            (next - now) * 1000.0, this);
    }

    void resume() {
        if (!sleeping_) return;
        sleeping_ = false;
        if (timer_) emscripten_clear_timeout(timer_);
        timer_ = 0;
        emscripten_resume_main_loop();  // the next frame at the next animation frame
    }

    // Emscripten's GLFW hands the scroll callback the DOM's raw deltaX/deltaY (pixels, lines or
    // pages, y > 0 = down): one notch read as 100 notches, reversed. The wheel is read from the
    // DOM event instead, with its deltaMode, and given to ImGui as the desktop would.
    void install_wheel() {
        glfwSetScrollCallback(window_, nullptr);  // GLFW's listener then leaves the event alone
        emscripten_set_wheel_callback(
            "#canvas", nullptr, true, [](int, const EmscriptenWheelEvent* e, void*) -> EM_BOOL {
                const ui::WheelNotches n =
                    ui::wheel_from_dom(e->deltaX, e->deltaY, static_cast<int>(e->deltaMode));
                ImGuiIO& io = ImGui::GetIO();
                io.MouseWheelH += n.x;
                io.MouseWheel += n.y;
                return EM_TRUE;  // preventDefault: the page itself never scrolls
            });
    }

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
    bool draw_ = true;
    GLsync gpu_fence_ = nullptr;         // after the last drawn frame's commands
    unsigned fence_refreshes_ = 0;       // refreshes gpu_fence_ has been polled unsignaled
    unsigned gpu_lag_ = 0;               // ... for the last frame the GPU finished
    unsigned refreshes_since_draw_ = 0;  // animation frames since the last drawn one
    bool touch_lifted_ = false;
    int frames_up_ = 0;  // frames since the lift that saw the button up
    ui::FramePacer pacer_;
    bool sleeping_ = false;  // the main loop is paused until timer_ or a wake()
    long timer_ = 0;         // emscripten_set_timeout's id, 0: none
};

WebBackend* g_web = nullptr;  // for the touch listeners (main thread only)

// What a call from the page changed is drawn from the next animation frame on.
void wake_app() {
    if (g_web) g_web->wake();
}

// Strings returned to JavaScript stay valid until the next call of the same function.
const char* keep(std::string& slot, std::string value) {
    slot = std::move(value);
    return slot.c_str();
}

}  // namespace

std::unique_ptr<Backend> make_backend() {
    auto web = std::make_unique<WebBackend>();
    g_web = web.get();
    return web;
}

}  // namespace interleave::app

// --- window.interleave entry points (web/interleave-api.js wraps them with cwrap) ----------
// Main thread only (JS calls them between frames). Before the app exists they answer "" / no-op.
using interleave::app::g_app;
using interleave::app::keep;
using interleave::app::wake_app;

extern "C" {

// Every input event of the page (install_wake) and every answer that changes what the app
// shows: frames again, from the next animation frame on.
EMSCRIPTEN_KEEPALIVE void interleave_wake() {
    wake_app();
}

EMSCRIPTEN_KEEPALIVE const char* interleave_state_json() {
    static std::string slot;
    return keep(slot, g_app ? g_app->state_json() : "");
}

EMSCRIPTEN_KEEPALIVE const char* interleave_load(const char* fragment) {
    wake_app();
    interleave::app::adopt_fragment();  // what the address bar holds now is the app's to rewrite
    static std::string slot;
    return keep(slot, g_app ? g_app->load(fragment ? fragment : "") : "[]");
}

EMSCRIPTEN_KEEPALIVE void interleave_code_packed(int id, const char* payload) {
    wake_app();
    if (g_app) g_app->code_packed(id, payload ? payload : "");
}

EMSCRIPTEN_KEEPALIVE void interleave_run() {
    wake_app();
    if (g_app) g_app->run();
}

EMSCRIPTEN_KEEPALIVE void interleave_stop() {
    wake_app();
    if (g_app) g_app->stop();
}

// Starts a trace export on its own thread; 0 = no run. The text arrives through export_ready.
EMSCRIPTEN_KEEPALIVE int interleave_export_start() {
    wake_app();
    return g_app ? g_app->start_export() : 0;
}

EMSCRIPTEN_KEEPALIVE void interleave_export_release(int id) {
    if (g_app) g_app->release_export(id);
}

EMSCRIPTEN_KEEPALIVE const char* interleave_ui_json() {
    static std::string slot;
    return keep(slot, g_app ? g_app->ui_json() : "");
}

EMSCRIPTEN_KEEPALIVE void interleave_pointer_up(double x, double y) {
    wake_app();
    if (g_app) g_app->run_pressed_at(float(x), float(y));
}

EMSCRIPTEN_KEEPALIVE void interleave_run_keys() {
    wake_app();
    if (g_app) g_app->run_keys_pressed();
}

EMSCRIPTEN_KEEPALIVE void interleave_touch(int phase) {
    if (interleave::app::g_web) interleave::app::g_web->touch(phase);
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
    wake_app();
    if (g_app) g_app->set_code(text ? text : "");
}

EMSCRIPTEN_KEEPALIVE const char* interleave_editor_state() {
    static std::string slot;
    return keep(slot, g_app ? g_app->editor_state_json() : "{}");
}

// --- The editor's input bridge (web/interleave-input.js) ---------------------------------------

// Text from the bridge textarea's input/compositionend events: typed like keyboard characters.
EMSCRIPTEN_KEEPALIVE void interleave_input_text(const char* utf8) {
    wake_app();
    if (utf8 && ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// A paste event's text: into the editor when it has focus; kept for ImGui's own fields too.
EMSCRIPTEN_KEEPALIVE void interleave_paste(const char* utf8) {
    wake_app();
    interleave::app::g_clipboard = utf8 ? utf8 : "";
    if (g_app) g_app->editor_paste(interleave::app::g_clipboard);
}

// The bridge textarea's IME composition (compositionupdate), "" when it ends: shown at the
// editor's caret; the committed text comes through interleave_input_text.
EMSCRIPTEN_KEEPALIVE void interleave_composition(const char* utf8) {
    wake_app();
    if (g_app) g_app->editor_composition(utf8 ? utf8 : "");
}

// A copy/cut event: the editor's selection (cut removes it); "" when the editor has no focus.
EMSCRIPTEN_KEEPALIVE const char* interleave_copy(int cut) {
    wake_app();
    static std::string slot;
    return keep(slot, g_app ? g_app->editor_copy(cut != 0) : "");
}

// Accessible mode: the page's plain textarea was switched on or off, or its text changed.
EMSCRIPTEN_KEEPALIVE void interleave_set_plain_editor(int on) {
    wake_app();
    if (g_app) g_app->set_plain_editor(on != 0);
}

EMSCRIPTEN_KEEPALIVE double interleave_plain_text(const char* utf8) {
    wake_app();
    if (!g_app) return 0;
    g_app->set_code_from_plain(utf8 ? utf8 : "");
    return double(g_app->code_version());
}

// The `storage` listener (install_drafts_watch): another tab wrote the kept edits.
EMSCRIPTEN_KEEPALIVE void interleave_drafts_changed() {
    wake_app();
    if (interleave::app::g_drafts_changed) interleave::app::g_drafts_changed();
}

EMSCRIPTEN_KEEPALIVE void interleave_copy_done(int id, int ok) {
    wake_app();
    if (g_app && id > 0) g_app->copy_finished(id, ok != 0);
}

}  // extern "C"
