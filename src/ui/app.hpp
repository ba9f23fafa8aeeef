// Interleave UI — the playground application: everything drawn each frame, plus the
// automation verbs behind window.interleave. Owns the playground state (sample, knobs, runs);
// reads engine snapshots, never blocks and never touches a thread.
//
// Main thread only. Platform hooks (URL fragment, file save, clipboard) are set by src/app so
// this layer never sees #ifdef __EMSCRIPTEN__.
//
// What is implemented (panels in src/ui/*_panel.cpp, state in playground.hpp):
//  ✓ gallery (article's five, then extras), read-only syntax-coloured Python, knobs with
//    ranges/help validated by samples::parse_knob, Run / Stop / Share / Export trace
//  ✓ console: filter, clear, copy, auto-scroll that yields to the user, bound + notices
//  ✓ timeline: worker lanes (tasks + states), GIL lane per process, legend, live follow,
//    wheel zoom at the mouse, drag pan, tooltips, time axis in ns/µs/ms/s, GL instanced
//    quads (span_renderer.hpp) with an ImDrawList fallback
//  ✓ cores: busy workers vs core count, per-worker share, OS per-CPU graph (native)
//  ✓ compare: a row per run, speed-up vs sequential, "Run all models" + bar chart
//  ✓ share links in the fragment, notice bar for what a link could not load
//  ✓ keys: Ctrl+Enter run, Esc stop, 1-9 samples, T/C/M views; dark and light themes
//  ✗ text-size control independent of the platform's DPI scale (fonts follow the OS scale)
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace interleave::ui {

struct PlatformHooks {
    // The share link changed (web: history.replaceState of the fragment). May be empty.
    std::function<void(const std::string& fragment)> link_changed;
    // Save a file for the user (web: download; desktop: write next to the working directory,
    // returning the path written). Returns a message for the status bar.
    std::function<std::string(const std::string& filename, const std::string& content)> save_file;
    bool is_web = false;
    unsigned hardware_cores = 0;  // 0 = ask std::thread::hardware_concurrency
};

class App {
  public:
    explicit App(PlatformHooks hooks);
    ~App();

    // After the ImGui context exists and before the first frame: fonts (scaled by
    // `dpi_scale`), theme. Call again if the DPI scale changes.
    void init_style(float dpi_scale);
    // Builds one frame's UI (between ImGui::NewFrame and ImGui::Render). Never blocks.
    void frame();
    // GL resources for the timeline's instanced quads (after the GL context exists).
    void init_gl();
    void shutdown_gl();
    // Draws GL content that is not ImGui (called after ImGui's draw data is rendered, if any).

    // --- Automation (window.interleave, tests). Main thread, never blocks. ---
    // Same fields as the CLI's --json, plus "link" and "status" "idle" before any run.
    std::string state_json() const;
    // Loads a share-link fragment; returns the notices (what was ignored/clamped) as a JSON
    // array string. Runs only if the link says run=1.
    std::string load(std::string_view fragment);
    void run();
    // True while a run is in progress. The web shell then draws fewer frames, so that a
    // software renderer (no GPU) does not take the cores the run is measuring.
    bool run_active() const;
    void stop();
    std::string export_trace() const;  // Chrome Trace JSON of the current/last run, "" if none
    std::string link() const;          // current fragment, "#v=1&sample=..."

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace interleave::ui
