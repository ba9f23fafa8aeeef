// Interleave — the playground's entry point, desktop and web alike.
//
// One readable main: options, ImGui context, the platform backend (backend_glfw.cpp or
// backend_web.cpp, picked in CMake), the UI, and the frame loop in one place.
//
//   interleave [FILE.py] [--link '#v=1&sample=threading'] [--screenshot FILE.png --frames N]
//              [--size WxH]
//
// Exit codes: 0 closed (or the frames were rendered and the screenshot written), 1 no window
// or OpenGL context, 2 bad usage, 3 the screenshot cannot be written (checked before the
// window opens; the message names the file and the system's reason).
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "app/backend.hpp"
#include "app/key_taps.hpp"
#include "ui/app.hpp"

namespace {

using interleave::app::Options;

constexpr int kExitNoWindow = 1, kExitUsage = 2, kExitScreenshot = 3;

// Creates (or empties) the screenshot file now, so an unwritable path is said at once, with the
// system's reason, rather than after the frames.
bool screenshot_writable(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "interleave: cannot write the screenshot to %s: %s\n", path.c_str(),
                     std::strerror(errno));
        return false;
    }
    std::fclose(f);
    return true;
}

void usage(FILE* out) {
    std::fputs(
        "usage: interleave [options] [FILE.py]\n"
        "  FILE.py             open a Python file in the code editor\n"
        "  --link FRAGMENT     start from a share link, e.g. '#v=1&sample=threading'\n"
        "  --screenshot FILE   write a PNG of the last frame (with --frames) and quit\n"
        "  --frames N          quit after N frames (default with --screenshot: 30)\n"
        "  --size WxH          window size in screen units (default 1400x860)\n"
        "\n"
        "Exit codes: 0 done, 1 no window system or OpenGL 3.3, 2 bad usage,\n"
        "3 the screenshot cannot be written (said before the window opens, with the reason).\n",
        out);
}

// Returns false (after printing why) on a bad command line; exits on --help.
bool parse_args(int argc, char** argv, Options& opt) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            std::exit(0);
        } else if (arg == "--link" && has_value) {
            opt.link = argv[++i];
        } else if (arg == "--screenshot" && has_value) {
            opt.screenshot_path = argv[++i];
        } else if (arg == "--frames" && has_value) {
            opt.frames = std::atoi(argv[++i]);
            if (opt.frames <= 0) {
                std::fprintf(stderr, "interleave: --frames wants a positive number\n");
                return false;
            }
        } else if (arg == "--size" && has_value) {
            if (std::sscanf(argv[++i], "%dx%d", &opt.width, &opt.height) != 2 || opt.width < 200 ||
                opt.height < 150) {
                std::fprintf(stderr, "interleave: --size wants WxH, at least 200x150\n");
                return false;
            }
        } else if (!arg.empty() && arg[0] != '-' && opt.open_path.empty()) {
            opt.open_path = arg;
        } else {
            std::fprintf(stderr, "interleave: unknown or incomplete option '%s'\n", arg.c_str());
            usage(stderr);
            return false;
        }
    }
    if (!opt.screenshot_path.empty() && opt.frames == 0) opt.frames = 30;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_args(argc, argv, options)) return kExitUsage;
    if (!options.screenshot_path.empty() && !screenshot_writable(options.screenshot_path))
        return kExitScreenshot;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout comes from the UI, not from a file

    // Heap objects that live for the whole program: on the web the browser drives the loop
    // after main() has handed it over, so nothing the loop uses may live on main's stack.
    auto* backend = interleave::app::make_backend().release();
    if (!backend->init(options)) return kExitNoWindow;
    auto* app = new interleave::ui::App(backend->hooks());
    app->init_style(backend->content_scale());
    app->init_gl();
    backend->attach(*app);
    interleave::app::set_tab_handler([app](bool backwards) { return app->take_tab(backwards); });

    const std::string link = options.link.empty() ? backend->initial_link() : options.link;
    if (!link.empty()) app->load(link);
    if (!options.open_path.empty()) {
        const std::string err = app->open_file(options.open_path);
        if (!err.empty()) std::fprintf(stderr, "interleave: %s\n", err.c_str());
    }

    // The frame loop.
    backend->run_loop([backend, app, scale = backend->content_scale()]() mutable -> bool {
        if (!backend->begin_frame()) return false;
        // Another monitor, browser zoom, or the text size changed (fonts rebuilt, not scaled).
        if (backend->content_scale() != scale || app->wants_restyle()) {
            scale = backend->content_scale();
            app->init_style(scale);
            ImGui_ImplOpenGL3_DestroyFontsTexture();  // upload the rebuilt font atlas
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui::NewFrame();
        app->frame(backend->will_draw());
        ImGui::Render();
        backend->end_frame();
        return true;
    });

    // Desktop only: the web loop never returns here.
    const bool outputs_written = backend->outputs_written();
    app->shutdown_gl();
    delete app;
    backend->shutdown();
    delete backend;
    ImGui::DestroyContext();
    return outputs_written ? 0 : kExitScreenshot;
}
