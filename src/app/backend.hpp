// Interleave app — the platform backend: one window with a GL context, ImGui's platform and
// renderer backends, the frame loop's driver and the platform hooks the UI needs.
//
// Two implementations, picked in CMake (never by #ifdef in the callers):
//   backend_glfw.cpp  desktop: GLFW window, OpenGL 3.3 core, vsync, high-DPI content scale,
//                     screenshots for tests, files saved to the working directory.
//   backend_web.cpp   browser: Emscripten's GLFW on #canvas, WebGL2, canvas follows the window
//                     and devicePixelRatio, the URL fragment, downloads, window.interleave.
//
// Checklist (what each backend implements):
//   window + GL context + ImGui backends     desktop ✓  web ✓
//   content scale (DPI) -> init_style        desktop ✓  web ✓ (devicePixelRatio)
//   vsync                                    desktop ✓  web ✓ (requestAnimationFrame)
//   idle: no frames until input or a timed   desktop ✓ (glfwWaitEventsTimeout)
//   change (ui/frame_pacing.hpp)             web ✓ (main loop paused, a timer, wake listeners)
//   a frame like the one shown: not drawn    desktop ✗ (drawn: a GPU does it cheaply)  web ✓
//   share link in / out                      desktop ✓ (--link; printed)  web ✓ (fragment)
//   save file                                desktop ✓ (working directory)  web ✓ (download)
//   screenshot after N frames                desktop ✓  web ✗ (Playwright takes them)
//   automation API (window.interleave)       desktop ✗ (use interleave-cli)  web ✓
//
// Main thread only. Nothing here blocks the frame (the web main loop must never block).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "ui/app.hpp"

namespace interleave::app {

struct Options {
    std::string link;             // share-link fragment to start from ("" = default state)
    std::string open_path;        // desktop: a .py file to open in the editor at start
    std::string screenshot_path;  // desktop: write a PNG of frame `frames`, then quit
    int frames = 0;               // desktop: quit after this many frames (0 = run until closed)
    int width = 1400, height = 860;
};

class Backend {
  public:
    virtual ~Backend() = default;

    // Creates the window, the GL context and ImGui's platform + renderer backends. The ImGui
    // context must exist. Returns false (after printing why) when no window can be made.
    virtual bool init(const Options& options) = 0;
    // Pixels per logical unit the UI should scale its fonts and sizes by; updated by
    // begin_frame() (main.cpp restyles when it changes).
    virtual float content_scale() const = 0;
    // Hooks handed to ui::App (fragment updates, file saves, platform facts).
    virtual ui::PlatformHooks hooks() = 0;
    // The share link to load at start (desktop: --link; web: location.hash).
    virtual std::string initial_link() const = 0;
    // Connects the app to the platform: web: hashchange -> load, window.interleave verbs.
    virtual void attach(ui::App& app) = 0;

    // One frame, in this order (main.cpp): begin_frame() [false = quit], ImGui::NewFrame(),
    // the UI, ImGui::Render(), end_frame().
    virtual bool begin_frame() = 0;  // events, canvas/DPI changes, ImGui backends' NewFrame
    // After begin_frame(): whether this frame will be drawn (web: not while the GPU is behind,
    // and 1 in 3 during a run). The UI skips work that only feeds pixels when it will not be.
    virtual bool will_draw() const { return true; }
    virtual void end_frame() = 0;  // clear, draw ImGui, present (+ screenshot on desktop)

    // Calls `frame` once per display refresh while the app needs frames (ui::FramePacer: after
    // input, while live or changing; else at its next timed change), until it returns false.
    // Desktop: a loop that returns when it ends. Web: hands the loop to the browser and never
    // returns.
    virtual void run_loop(std::function<bool()> frame) = 0;
    virtual void shutdown() = 0;
    // False when a file the options asked for (the screenshot) could not be written; the
    // backend has said why on stderr.
    virtual bool outputs_written() const { return true; }
};

// The backend of this build (desktop or web).
std::unique_ptr<Backend> make_backend();

}  // namespace interleave::app
