// Interleave UI — the playground application: everything drawn each frame, plus the
// automation verbs behind window.interleave. Owns the playground state (sample, knobs, runs);
// reads engine snapshots, never blocks and never touches a thread.
//
// Main thread only. Platform hooks (URL fragment, file save, clipboard) are set by src/app so
// this layer never sees #ifdef __EMSCRIPTEN__.
//
// What is implemented (panels in src/ui/*_panel.cpp, state in playground.hpp):
//  ✓ gallery (article's five, then extras), the Python text in a code editor
//    (editor/code_editor.hpp; edits are kept per sample, Run still runs the sample), knobs with
//    ranges/help validated by samples::parse_knob, Run / Stop / Share / Export trace
//  ✓ console: filter, clear, copy, auto-scroll that yields to the user, bound + notices
//  ✓ timeline: worker lanes (tasks + states), GIL lane per process, legend, live follow,
//    wheel zoom at the mouse, drag pan, tooltips, time axis in ns/µs/ms/s, GL instanced
//    quads (span_renderer.hpp) with an ImDrawList fallback
//  ✓ cores: busy workers vs core count, per-worker share, OS per-CPU graph (native)
//  ✓ compare: a row per run, speed-up vs sequential, "Run all models" + bar chart
//  ✓ share links in the fragment, notice bar for what a link could not load
//  ✓ keys: Ctrl+Enter run, Esc stop, 1-9 samples, T/C/M views; dark and light themes
//  ✓ text size (Ctrl+= / Ctrl+- / Ctrl+0, header "Aa"), fonts rebuilt sharp, remembered
//  ✓ desktop: File > Open / Save / Save as (Ctrl+O / Ctrl+S), a file dropped on the window
//  ✓ edited samples kept across reloads and restarts (draft_store.hpp)
//  ✓ web: accessible mode (a plain textarea for the code; page-side, web/interleave-input.js)
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace interleave::ui {

// What a platform clipboard write did (PlatformHooks::copy_text).
enum class CopyResult {
    copied,  // on the clipboard now
    failed,  // refused (web: no permission, no user activation)
    pending  // the platform answers later through App::copy_finished (web: a promise)
};

struct PlatformHooks {
    // The share link changed (web: history.replaceState of the fragment). May be empty.
    std::function<void(const std::string& fragment)> link_changed;
    // What a copied or shown link starts with, before its "#v=1&..." fragment. Web: the page's
    // address without its fragment (location.origin + pathname), so a pasted link opens the
    // playground. Empty elsewhere: the desktop and the CLI take the fragment itself.
    std::string link_base;
    // Save a file for the user (desktop: write it in the working directory, returning a
    // message for the status bar). Called on an export's own thread, never the UI's.
    std::function<std::string(const std::string& filename, const std::string& content)> save_file;
    // Puts `text` on the system clipboard; `id` names a pending answer. Empty: ImGui's own
    // clipboard functions are used (and trusted).
    std::function<CopyResult(const std::string& text, int id)> copy_text;
    // Web: a trace export's JSON is built (`json`, valid during the call): the page copies it
    // into a Blob and posts that to its main thread, which downloads it (`download`, as
    // `filename`) or hands it to interleave.exportTrace()'s promise. Called on the export's
    // own thread (a Web Worker): the 15-20 MB copy of a big run's trace never holds the page's
    // main thread (issue #8 item 7). Blocks that thread for the copy; the text is freed after.
    std::function<void(int id, bool download, const std::string& filename, const std::string& json)>
        export_ready;
    bool is_web = false;
    unsigned hardware_cores = 0;  // 0 = ask std::thread::hardware_concurrency
    // io.KeysDown indices of keys ImGui 1.86's ImGuiKey_ does not name (-1: not available).
    struct KeyCodes {
        int f = -1, g = -1, slash = -1;  // the editor's find, comment
        int o = -1, s = -1;              // File: open, save (desktop)
        int equal = -1, minus = -1, digit0 = -1, kp_add = -1, kp_subtract = -1;  // text size
    } keys;
    // Per-device settings (web: localStorage; desktop: ~/.config/interleave/settings).
    // Either may be empty: nothing is remembered then.
    std::function<std::string(const std::string& key)> load_setting;
    std::function<void(const std::string& key, const std::string& value)> save_setting;
    // Every status-bar message, as it is shown (desktop: printed, for terminal users and
    // tests). May be empty.
    std::function<void(const std::string& message)> message;
    // Web: shows or hides the plain-text editor (accessible mode) the page owns.
    std::function<void(bool on)> set_plain_editor;
    // --- A link's code= (issue #10.6: raw DEFLATE + base64url, samples/code_codec.hpp) ---
    // Packs synchronously (desktop: zlib). Called lazily when a link is asked for; the result
    // is kept for the same text.
    std::function<std::string(std::string_view text)> pack_code;
    // Packs asynchronously (web: CompressionStream); the answer comes through
    // App::code_packed(id, payload). At most one request is in flight. Meanwhile a link carries
    // the text in stored (uncompressed) DEFLATE blocks, valid but longer.
    std::function<void(const std::string& text, int id)> pack_code_async;
    // A link's payload -> its text, or nullopt and a one-line reason. Synchronous: the web page
    // unpacks a link's code before it hands the link to App::load. Empty: code is refused with a
    // notice (the rest of the link loads).
    std::function<std::optional<std::string>(std::string_view payload, std::string* why)>
        unpack_code;
    // Kept edits of samples (the user's own "Untitled" program among them) across reloads and
    // restarts (ui/draft_store.hpp). Web: localStorage "interleave.drafts"; desktop:
    // $XDG_STATE_HOME/interleave/drafts (~/.local/state/...). Main thread.
    // load_drafts: what is stored now, "" if nothing; when it cannot be read (no permission,
    // too large) "" and *error says why. Called at start and before each write, which merges
    // this instance's changes into what is stored now (another tab's or instance's stay).
    // save_drafts: stores `text` whole ("": nothing is kept, remove it), returning "" or why
    // not (full, not writable); the desktop writes a temporary file and renames it.
    // set_aside_drafts: moves what is stored, unchanged, out of the way before the app writes
    // over data it could not take in (damaged, another format, unreadable): returns where it
    // is now, to tell the user, or "" and *error. Empty load/save: edits live in this run only.
    std::function<std::string(std::string* error)> load_drafts;
    std::function<std::string(const std::string& text)> save_drafts;
    std::function<std::string(std::string* error)> set_aside_drafts;
    // Web: calls `changed` (main thread, between frames) whenever another tab of the site
    // writes the kept edits (localStorage's `storage` event for "interleave.drafts"); the app
    // reads the store again at its next frame (Playground::take_other_drafts). The platform
    // keeps `changed` for the App's life. Empty (desktop): another instance's edits are seen
    // at the next start only.
    std::function<void(std::function<void()> changed)> watch_drafts;
    // Web: whether leaving the page (a reload, closing the tab) would lose edits that its link
    // does not carry: other samples' kept edits when they could not be stored, or an edited
    // text the fragment does not hold (its compression still in flight, or a link over the
    // 64 KiB a link loads). The page then asks first (beforeunload). Called when it changes.
    std::function<void(bool would_lose)> leave_warning;
    // The title changed: the sample's ("Threading — Interleave") or, for an edited or own
    // program, "Untitled — Interleave" (web: document.title; desktop: the window's title).
    std::function<void(const std::string& title)> title_changed;
    // Reads a font file the UI needs for characters past DejaVu (ui/fallback_glyphs.hpp: a
    // name such as "DroidSansFallbackFull.ttf") and hands its bytes to `done`, empty if it
    // cannot be had; now or later, on the main thread. Web: fetched beside interleave.wasm
    // (never blocks); desktop: read from the Debian font directories. Empty: not drawn.
    std::function<void(const std::string& name,
                       std::function<void(std::vector<unsigned char> bytes)> done)>
        load_font;
    bool mac_shortcuts = false;     // Cmd instead of Ctrl for the editor's shortcuts
    bool clipboard_events = false;  // cut/copy/paste reach the editor as events (web bridge)
    bool ordered_keys = false;      // editing keys come in the character queue, in typing order
};

class App {
  public:
    explicit App(PlatformHooks hooks);
    ~App();

    // After the ImGui context exists and before the first frame: fonts (scaled by
    // `dpi_scale` times the text size), theme. Call again if the DPI scale changes, or when
    // wants_restyle() says the text size did (between frames: the font atlas is rebuilt).
    void init_style(float dpi_scale);
    bool wants_restyle() const;
    // Builds one frame's UI (between ImGui::NewFrame and ImGui::Render). Never blocks.
    // `shown`: the frame will be drawn; when not, input and state are processed as usual but
    // views skip work that only makes pixels (the timeline's culling and labels).
    void frame(bool shown = true);
    // GL resources for the timeline's instanced quads (after the GL context exists).
    void init_gl();
    void shutdown_gl();
    // Draws GL content that is not ImGui (called after ImGui's draw data is rendered, if any).

    // --- Frame pacing (ui/frame_pacing.hpp): an idle app builds and draws (almost) nothing ---
    struct Activity {
        // The next display refresh needs a frame: a run, a replay playing, views catching up
        // with a run, a run of "Run all models" to start, an export, fonts, typed input or the
        // find field's hand-over pending, a key or mouse button held.
        bool live = false;
        // Seconds until the picture changes by itself (a caret's blink, a status message that
        // expires); infinity: it does not.
        double next_change_s = 0;
    };
    // After frame() (main thread; cheap).
    Activity activity() const;
    // After ImGui::Render(): what this frame draws (ImGui's draw data, the display size and the
    // timeline's GL quads) as 64 bits, never 0; equal values draw equal pixels. One pass over
    // the frame's vertices: ~0.1-0.5 ms for a busy frame.
    uint64_t frame_fingerprint() const;
    // The backend drew the frame (counted in ui().work.drawn; frames built but not drawn are
    // identical to the one on screen, or a run's skipped ones).
    void note_drawn();

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
    // Chrome Trace JSON of the current/last run, built on its own thread: returns an id (0 = no
    // run to export) and, when it is built, hands it to hooks.export_ready on that thread.
    // Never blocks (a big run's JSON takes seconds).
    int start_export();
    void release_export(int id);  // the page is done with that export (any id: no-op if gone)
    std::string link() const;     // current fragment, "#v=1&sample=..."
    // The view for automation and tests: {"scale", "font_px", "layout": "wide"|"compact",
    // "touch", "dark", "timeline": {"t0_ns", "ns_per_px", "follow"}, "trace_full_ns" (the
    // earliest event the trace dropped; -1: none), "seen_until_ns" (the views' figures cover
    // 0 .. this), "caught_up" (every event read so far is drawn), "scroll": {pane: {"y",
    // "max"}}, "work": {"frames", "drawn", "poll_max_ms", "frame_max_ms"} (frames built and
    // drawn, the UI thread's longest engine poll and whole frame, GL drawing aside, over the
    // frames since the previous call),
    // "focus", "controls": [{"id", "kind", "x", "y", "w", "h", "visible", "disabled"}]},
    // as drawn in the last frame; lengths in the platform's logical pixels (CSS px on the web).
    std::string ui_json() const;

    // --- Input the platform routes here (main thread, between frames) ---
    // Tab / Shift+Tab: returns true when the app takes it (moves the keyboard focus to the next
    // control at the next frame), false when the focused text field types it itself.
    bool take_tab(bool backwards);
    // The last pointer input was a touch (true) or a mouse (false): a finger's drag scrolls.
    void set_touch(bool touch);
    // Run pressed, seen in the input event itself rather than at the next frame (the web calls
    // these from its listeners, so a run starts without waiting for a frame): a mouse button
    // released at (x, y) (display pixels) over Run after a press on it; Ctrl+Enter typed
    // outside a text field. Each starts the run and returns true; the next frame, which sees
    // the same click or keys, then does not start it again.
    bool run_pressed_at(float x, float y);
    bool run_keys_pressed();

    // --- The code editor: automation, the web input bridge, the platform's clipboard ---
    // The platform's answer to PlatformHooks::pack_code_async (main thread).
    void code_packed(int id, std::string payload);
    std::string code() const;              // the editor's text
    void set_code(std::string_view text);  // replaces it (one undoable step)
    // {"focused", "line", "col", "anchor_line", "anchor_col", "undo", "redo", "edited",
    //  "find_open", "find", "find_handover" (the find field taking the keyboard after Ctrl+F:
    //  {"waiting", "frames", "pending", "field", "active", "nav_window", "esc_down", "ctrl",
    //  "frame"}, for diagnosing tests), "composition", "lines",
    //  "drafts" (ids of other samples whose edit is kept), "markers":
    //  [{"kind": "error"|"thread", "line", "col_begin", "col_end", "label", "detail"}]} (lines
    //  and columns 0-based, columns in bytes)
    std::string editor_state_json();
    // Where the editor is, in framebuffer pixels (the bridge puts its textarea at the caret).
    struct EditorGeometry {
        bool focused = false;
        bool find_keys = false;  // the find bar's field has the keyboard (Esc goes in order)
        // Whether the platform sends editing keys as ordered key events (PlatformHooks::
        // ordered_keys) now: to the editor, or to its find bar's field, which reads them from
        // the same queue (its Backspace, Enter, arrows, Esc do nothing otherwise).
        bool takes_ordered_keys() const { return focused || find_keys; }
        bool dark = true;  // the theme (the page's plain-text editor matches it)
        float caret_x = 0, caret_y = 0, line_h = 0;
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the editor: gutter, text and scrollbars
    };
    EditorGeometry editor_geometry() const;
    void editor_paste(std::string_view text);        // a paste event's text (when focused)
    void editor_composition(std::string_view text);  // the web IME's composition ("" ended)
    std::string editor_copy(bool cut);               // the selection for a copy/cut event
    void copy_finished(int id, bool ok);             // answer to a pending PlatformHooks::copy_text

    // Desktop files: opens `path` into the editor, or saves the editor's text there. Return ""
    // on success, else why not (also shown in the status bar). Opening over an open file whose
    // changes are unsaved first asks (Save / Discard / Keep editing) and returns "".
    std::string open_file(const std::string& path);
    std::string save_file(const std::string& path);
    // Desktop: the user asked to close the window (its close button, the window manager's
    // Alt+F4; the backend asks after the next frame, so what was typed just before is in the
    // text). True: it may close now (edited samples are stored for the next start first).
    // False over an open file's unsaved changes, or edited samples that could not be stored
    // (no store, its write failed, one is over 1 MB, or stored data the app could not read
    // could not be moved aside: PlatformHooks::save_drafts): the app asks first (Save, or
    // Save as... for a sample / Discard changes / Keep editing) and the window stays. Save (once
    // the file is written) and Discard then turn quit_confirmed() true, and the platform ends its
    // loop; Keep editing (or Esc) leaves everything as it was; Save as... opens the save dialog and
    // the app stays.
    bool request_quit();
    bool quit_confirmed() const;

    // Accessible mode (web): the page's plain <textarea> stands in for the editor.
    void set_plain_editor(bool on);  // the page switched it (keeps the toolbar in step)
    // Its text changed: the editor takes it (only the part that differs, as one undo step).
    void set_code_from_plain(std::string_view text);
    uint64_t code_version() const;  // changes whenever the editor's text does

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace interleave::ui
