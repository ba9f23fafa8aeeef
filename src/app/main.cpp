// Interleave — the playground's entry point, desktop and web alike.
//
// One readable main: options, ImGui context, the platform backend (backend_glfw.cpp or
// backend_web.cpp, picked in CMake), the UI, and the frame loop in one place.
//
//   interleave [FILE.py] [--link '#v=1&sample=threading'] [--screenshot FILE.png --frames N]
//              [--size WxH]
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "app/backend.hpp"
#include "ui/app.hpp"

namespace {

using interleave::app::Options;

void usage(FILE* out) {
    std::fputs(
        "usage: interleave [options] [FILE.py]\n"
        "  FILE.py             open a Python file in the code editor\n"
        "  --link FRAGMENT     start from a share link, e.g. '#v=1&sample=threading'\n"
        "  --screenshot FILE   write a PNG of the last frame (with --frames) and quit\n"
        "  --frames N          quit after N frames (default with --screenshot: 30)\n"
        "  --size WxH          window size in screen units (default 1400x860)\n",
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
    if (!parse_args(argc, argv, options)) return 2;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout comes from the UI, not from a file

    // Heap objects that live for the whole program: on the web the browser drives the loop
    // after main() has handed it over, so nothing the loop uses may live on main's stack.
    auto* backend = interleave::app::make_backend().release();
    if (!backend->init(options)) return 1;
    auto* app = new interleave::ui::App(backend->hooks());
    app->init_style(backend->content_scale());
    app->init_gl();
    backend->attach(*app);

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
        app->frame();
        ImGui::Render();
        backend->end_frame();
        return true;
    });

    // Desktop only: the web loop never returns here.
    app->shutdown_gl();
    delete app;
    backend->shutdown();
    delete backend;
    ImGui::DestroyContext();
    return 0;
}
