// Interleave UI — the playground's state, shared by the panels (one panel per file, each a
// free function taking the Playground). Internal to src/ui; src/app sees only ui::App.
//
// Main thread only. The Playground never blocks: it polls the current Run's snapshots once
// per frame (output from its last index, events through a cursor into a queue that becomes
// spans and usage in slices, within kIngestBudgetMs of each frame).
#pragma once

#include <atomic>
#include <cfloat>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "engine/spans.hpp"
#include "samples/catalog.hpp"
#include "samples/share_link.hpp"
#include "ui/app.hpp"
#include "ui/console_model.hpp"
#include "ui/controls.hpp"
#include "ui/draft_store.hpp"
#include "ui/editor/code_editor.hpp"
#include "ui/editor/file_dialog.hpp"
#include "ui/editor/line_markers.hpp"
#include "ui/editor/traceback.hpp"
#include "ui/python_lexer.hpp"
#include "ui/replay_model.hpp"
#include "ui/span_renderer.hpp"
#include "ui/theme.hpp"
#include "ui/timeline_layout.hpp"
#include "ui/timeline_model.hpp"

namespace interleave::ui {

// One finished run, as the Compare panel lists it.
struct RunRecord {
    std::string sample_id, title;
    samples::KnobValues knobs;
    std::string knobs_text;  // knobs that differ from the defaults, "model=threads work=cpu"
    std::string status;      // "finished", "stopped", ...
    double wall_ms = 0, busy_cores_avg = 0, gil_wait_ms = 0;
    double speedup = 0;            // vs the sequential run of the same job; 0 = no baseline yet
    int group = -1;                // a "Run all models" batch
    double other_busy_cores = -1;  // RunStats::other_busy_cores (real runs, natively)
    bool trace_full = false;       // busy cores cover only the recorded part of the run
};

enum class BottomTab { timeline, cores, compare };
// The narrow (phone, tablet) layout shows one page at a time; `views` shows p.tab's view.
enum class Page { knobs, code, output, views };

struct TimelineScratch;  // timeline_panel.cpp: the view's per-frame buffers

// A trace export built on its own thread: the JSON of a big run takes seconds, which the UI
// thread must not spend. The UI polls `done` each frame.
struct ExportJob {
    int id = 0;
    bool download = false;  // the Export button (save it), or window.interleave (hand it over)
    std::atomic<bool> detached{false}, done{false};
    std::string json, message;  // message: the desktop's save_file answer
    bool handed_over = false;   // the UI has said so (flash); the page has its Blob already
    bool released = false;      // freed at the next poll
};

// Engine work the UI thread does per frame (reading events, building spans and usage) stops
// after this long; what is left waits for the next frame. Time, not a count: it holds on a
// slow or busy machine, which then only takes more frames to catch up.
constexpr double kIngestBudgetMs = 4.0;

struct Playground {
    PlatformHooks hooks;
    Fonts fonts;
    float dpi = 1;
    bool dark = true;

    // --- What is selected ---------------------------------------------------------------
    int sample = 0;  // index into samples::catalog()
    // The knobs' values: a text knob's is the value its line in the editor's text has (moving
    // the knob rewrites that literal; editing the literal moves the knob), a run setting's is
    // its own. What runs is the editor's text (start_run).
    samples::KnobValues knobs;
    std::string python_text;  // samples::program(sample, knobs): the sample's own text
    // The code editor (code_panel.cpp). Run runs its text, edited or not; an edited text is
    // kept per sample (drafts) until Reset.
    CodeEditor editor;
    // The sample's text knobs the editor's text has (knob_text.hpp): a knob whose line is gone
    // is not shown; one whose value the knob cannot take shows its notice. Read when the text
    // changes (sync_text_knobs).
    std::vector<samples::TextKnob> text_knobs;
    const samples::TextKnob* text_knob(const std::string& key) const;  // null: not in the text
    void sync_text_knobs();  // after any change of the editor's text; cheap when unchanged
    std::map<std::string, std::string> drafts;  // sample id -> edited text (other samples)
    bool code_edited() const;                   // the editor's text differs from python_text
    void reset_code();                          // back to python_text (undoable)
    std::string file_path;                      // desktop: the file opened or saved last
    std::string file_text;  // that file's text as last opened or saved (the editor's may differ)
    bool file_unsaved() const;  // a file is open and the editor's text differs from it
    FileDialog file_dialog;
    // What would replace an open file's unsaved text, waiting for the user's answer to
    // "Unsaved changes" (file_menu.cpp): a sample (index), another file (path), or quitting
    // the desktop app (its window closed).
    struct ReplaceAsk {
        int sample = -1;
        std::string path;
        bool quit = false;
        bool pending() const { return sample >= 0 || !path.empty() || quit; }
    } replace_ask;
    bool quit_confirmed = false;  // "Unsaved changes" was answered Save or Discard for a quit
    // Ctrl+O/S the editor took from its ordered queue whose key-state press file_shortcuts
    // has not seen yet (file_menu.cpp).
    int file_keys_taken = 0;
    // The UI's ways to put another text in the editor (gallery, digits, File > Open, a dropped
    // file): at once, unless an open file's changes are unsaved — then the user is asked first
    // (Save / Discard / Keep editing). An edited sample's text is kept as its draft either way.
    void request_sample(int index);
    void request_open(const std::string& path);
    bool request_quit();  // true: nothing unsaved, quit now; false: asked (App::request_quit)
    // Titles of the edited samples (drafts, and the one shown when no file holds it): quitting
    // the desktop app loses them unless they are stored (store_drafts).
    std::vector<std::string> sample_edits() const;
    // Kept edits across reloads and restarts (draft_store.cpp; hooks.load_drafts/save_drafts).
    // At start, before the first sample is shown: `drafts` from the store (what cannot be read
    // is said at the first frame, left out, and moved aside before the first write).
    void restore_drafts();
    // After each frame: the kept texts (`drafts`, and the shown sample's edit when no file
    // holds it) that changed are merged into the store (draft_store.cpp). True: what is kept
    // now is stored; false: no store, its write failed, a text is over kMaxDraftBytes, or
    // unreadable stored data could not be moved aside (each said once) — then quitting asks.
    bool store_drafts();
    // Web: another tab wrote the store (PlatformHooks::watch_drafts; draft_store.hpp): at the
    // start of the next frame its changes are taken in (merge_other_drafts), and a change of
    // the shown sample is held and said once. Cheap when nothing came.
    void take_other_drafts();
    // Another tab's text of the shown sample is held: picking the sample again loads it
    // (select_sample; the gallery lets the chosen sample be picked again then).
    bool other_tab_text_held() const;
    // Web: this tab has a text of a sample that the store no longer holds because another tab
    // stored its own over it (held for the shown sample, or left for the other tab's when the
    // sample was left: left_own_); only this tab's editor or memory has it, so closing or
    // reloading the tab would lose it and the page asks first (poll_code_link).
    bool own_text_only_here() const;
    bool plain_editor = false;  // web accessible mode: the page's textarea stands in
    float text_scale = 1;       // text size, times the platform's DPI scale
    bool restyle = false;       // text_scale changed: rebuild fonts between frames
    std::string last_link;      // last fragment sent to hooks.link_changed

    // --- The current (or last) run and what has been read from it ------------------------
    std::shared_ptr<engine::Run> run;
    // The program that run runs (its SyntaxError or uncaught exception: error()).
    std::shared_ptr<samples::ProgramRun> program_run;
    std::string run_code;                                // the text that run runs
    std::vector<std::shared_ptr<engine::Run>> retiring;  // stopped, not yet done: kept alive
    // The longest time each step of poll() took since App::ui_json() last reported it (ms):
    // where a long main-thread task comes from (issue #8 item 7).
    struct PollCost {
        double housekeeping_ms = 0;  // finished runs, exports, code links, errors, line markers
        double ingest_ms = 0;        // reading the run's output and events into the views
        double finish_ms = 0;        // the final figures and the record of a finished run
        double start_ms = 0;         // starting the next run of a "Run all models" batch
    } poll_cost;
    int run_sample = -1;
    samples::KnobValues run_knobs;
    bool recorded = false;  // the finished run is in `records`
    size_t output_next = 0;
    engine::Tracer::Cursor cursor;
    engine::SpanBuilder spans;
    TimelineModel timeline;
    std::vector<engine::WorkerInfo> workers;
    std::vector<engine::TaskInfo> tasks;
    std::vector<std::string> worker_names;  // by worker id
    engine::RunStats stats;
    std::vector<engine::TraceEvent> pending;  // read from the run, not yet turned into spans
    size_t pending_head = 0;                  // pending[0, pending_head) are done
    bool caught_up = true;  // every event read so far is in spans/usage (none pending)
    engine::UsageBuilder usage_builder{10};  // the views' usage, from the same events
    engine::Usage usage;                     // usage_builder's result up to seen_until_ns()
    double usage_at = -1;                    // ImGui time of the last usage snapshot
    int64_t trace_full_ns = -1;              // the earliest event the tracer dropped (-1: none)
    // The views' figures hold up to here: the run's end or now, or where the trace filled up.
    int64_t seen_until_ns() const { return seen_until_ns(stats); }
    int64_t seen_until_ns(const engine::RunStats& s) const;
    // The run's counters now, with the busy-core figures the views show (from the events read
    // so far, up to where the trace is complete). Cheap: no event is processed here.
    engine::RunStats shown_stats() const;
    std::vector<std::string> run_notices;
    ConsoleModel console;

    // --- View state -----------------------------------------------------------------------
    char console_filter[128] = {};
    bool console_autoscroll = true;
    bool console_show_meta = true;
    std::vector<size_t> console_rows;  // lines matching the filter (cache)
    size_t console_rows_upto = 0, console_rows_dropped = 0;
    std::string console_rows_filter;
    TimeView view;
    bool follow = true;
    SpanRenderer renderer;
    std::shared_ptr<TimelineScratch> timeline_scratch;  // shared_ptr: the type is incomplete here
    BottomTab tab = BottomTab::timeline;
    bool tab_request = false;  // select `tab` on the next frame (keyboard, run all)
    float gallery_w = 0, top_h = 0, console_w = 0, code_w = 0;  // splitter positions (0 = auto)
    bool compact = false;         // this frame uses the narrow, one-page-at-a-time layout
    bool shown = true;            // this frame will be drawn (else pixel-only work is skipped)
    Page page = Page::knobs;      // the page the narrow layout shows
    int editor_drawn_frame = -1;  // ImGui frame the code editor was last drawn in (a page shows)
    bool touch = false;           // the last pointer input was a touch (drag scrolls panes)
    samples::KnobValues knobs_at_touch;  // before the finger went down (a drag may undo)
    Controls controls;  // named controls: Tab order, automation, touch-target checks
    struct ScrollSeen {
        const char* name;
        float y, max;  // device pixels
    };
    std::vector<ScrollSeen> scrolls;  // this frame's panes, for automation (window.interleave.ui)
    void note_scroll(const char* name);  // inside a pane: records its scroll position

    // --- Compare ----------------------------------------------------------------------------
    std::vector<RunRecord> records;
    // Runs still to do of a "Run all models" batch (samples::compare_plan), one after another.
    std::deque<samples::KnobValues> run_all_queue;
    int run_all_group = -1, next_group = 0;
    bool run_all_real = false;    // the latest batch ran on this computer (else simulated)
    bool machine_chosen = false;  // the user picked a machine in the Machine control

    // --- Messages ---------------------------------------------------------------------------
    std::vector<std::string> link_notices;  // from the last decoded link, until dismissed
    std::string status_message;
    // The status bar's run state as last drawn ("Threading: finished, 500 ms"; "" before the
    // first run), for automation (window.interleave.ui().status_line).
    std::string status_line;
    double status_message_until = 0;
    std::string share_shown;                    // the link the Share popup shows
    std::map<int, std::string> pending_copies;  // copy id -> message once the platform confirms
    int next_copy_id = 1;

    // --- Trace exports in progress -------------------------------------------------------------
    std::vector<std::shared_ptr<ExportJob>> exports;
    int next_export_id = 1;
    int start_export(bool download);  // 0 if there is no run; see ExportJob
    void poll_exports();              // in poll(): finished ones go to the platform

    // --- Actions (playground.cpp) -------------------------------------------------------------
    // Resets knobs to the sample's defaults and shows its text (its draft if edited). An open
    // file is closed (its text is on disk, or the user chose to discard it: request_sample).
    void select_sample(int index);
    void set_knobs(samples::KnobValues values);  // already validated
    void knobs_changed();                        // re-lex the text, update the link
    // The page's link (a fragment); `t_ms`: with a moment of the run (t=, "Link to this moment").
    std::string link(bool with_run = false, std::optional<double> t_ms = std::nullopt) const;
    void start_run();
    bool run_started_by_event = false;  // an input event started the run: this frame's press
                                        // of Run / Ctrl+Enter is that same one
    void stop_run();
    void poll();  // once per frame, before drawing
    bool running() const { return run && !run->done(); }
    void start_run_all();  // `choosing`: every model, one after another
    void flash(std::string message, double seconds = 4);
    // Text from the user's program that panels other than the editor and console draw (thread
    // and task names, messages, knob values): its characters past the base fonts are noted
    // (ui/fallback_glyphs.hpp) so that they get drawn. Cheap on ASCII.
    void note_glyphs(std::string_view text) const;
    // Puts `text` on the system clipboard through the platform, and says `done` (e.g. "Link
    // copied to the clipboard") only once it was; a refusal is said too (#8 item 4).
    void copy_to_clipboard(const std::string& text, std::string done);
    void copy_finished(int id, bool ok);  // the platform's late answer (web: a promise)
    const samples::Sample& current() const;
    std::string state_json() const;
    std::string load_link(std::string_view fragment);  // notices as a JSON array

    // --- A link's code= and the title (code_link.cpp) ----------------------------------------
    // The code= payload of `text` (packed once per text: hooks.pack_code, else the async pack's
    // answer, else stored blocks).
    std::string code_payload(const std::string& text) const;
    samples::CodeCodec link_codec() const;  // code_payload + hooks.unpack_code
    void poll_code_link();                  // in poll(): async packing, live link, title
    void code_packed(int id, std::string payload);

    // --- Errors at their line (run_errors.cpp) ------------------------------------------------
    void poll_run_errors();  // in poll(): tracebacks in the new output -> editor diagnostics
    // Marks `list` in the editor (columns as CPython's carets count them: converted to bytes on
    // the editor's lines; a thread's error in its lane colour).
    void show_diagnostics(std::vector<Diagnostic> list);

    // --- Each thread's current line (thread_lines.cpp; issue #10 item 5) ---------------------
    LineMarkers line_markers;          // from the run's py_line and state events (ingest)
    double timeline_hover_ns = -1;     // the moment under the mouse on the timeline, else -1
    bool timeline_hover_span = false;  // a span's tooltip is shown (automation: ui().replay)
    // In poll(): the editor's ▶ per thread at the moment shown — the one under the mouse on
    // the timeline, else the live edge (the end, for a finished run).
    void poll_line_markers();
    // The thread whose timeline lane was clicked (worker id, -1: none; a new run clears it):
    // its lane is outlined and the editor shows the lines it ran (LineMarkers::lines_of) as
    // bands in its colour, kept up to date in poll_line_markers().
    int selected_worker = -1;
    // The timeline's lanes as the last frame drew them (screen px; empty when it was not
    // drawn), for automation (window.interleave.ui().timeline.lanes).
    struct LaneSeen {
        int worker;  // -1: a GIL lane
        std::string name;
        float y0, y1;
    };
    std::vector<LaneSeen> timeline_lanes;

    // --- Replay of a finished simulated run (replay_bar.cpp; issue #11 item 4) ---------------
    // A simulated run finishes at once; then the views show it at the replay's moment: the
    // console its lines printed by then, the timeline its lanes cut there, the Cores view its
    // busy workers then, the editor each thread's line then.
    ReplayModel replay;
    Playback playback;
    bool replay_ready = false;  // `replay` holds the current run (finished, simulated)
    double replay_speed = 1;    // the speed chosen for Play (Playback::kInstant: jump to the end)
    std::optional<double> link_moment_ms;  // a t= link's moment: shown when the run has finished
    // The moment the views show (ns of the run), or -1: the live edge (a finished run's end).
    int64_t view_t_ns() const {
        return replay_ready && playback.t_ns < replay.end_ns() ? playback.t_ns : -1;
    }
    void build_replay(bool batch);    // once the finished run is recorded (poll)
    void poll_replay();               // in poll(): moves the replay clock by the frame's time
    std::string moment_link() const;  // the link with run=1 and t= the replay's moment
    // A link to give someone (copied, shown in Share): hooks.link_base + the fragment.
    std::string full_link(const std::string& fragment) const { return hooks.link_base + fragment; }

  private:
    mutable uint64_t edited_version_ = ~0ull;   // editor version code_edited() last compared
    mutable uint64_t unsaved_version_ = ~0ull;  // ... and file_unsaved(), against this file text
    mutable std::string unsaved_file_;
    mutable bool unsaved_ = false;
    mutable bool edited_ = false;
    uint64_t drafts_version_ = ~0ull;  // editor version store_drafts() last looked at
    std::string drafts_file_;          // ... and file_path then
    // What the store held for each sample when this instance last read or wrote it: a write
    // changes only the samples whose kept text differs from it (another tab's stay).
    std::map<std::string, std::string> drafts_base_;
    // The store's text as last read whole or written, and its records (read_store's shortcut).
    std::string drafts_store_text_;
    std::map<std::string, std::string> drafts_store_records_;
    std::set<std::string> too_large_;          // kept texts over kMaxDraftBytes (said once)
    bool write_ok_ = true;                     // the last write succeeded
    bool drafts_stored_ = true;                // ... and nothing is too large to keep
    bool drafts_aside_ = false;                // the store read at start must be set aside
    bool drafts_blocked_ = false;              // ... and could not be: nothing is written
    std::vector<std::string> drafts_notices_;  // what restore_drafts() could not read
    bool drafts_elsewhere_ = false;  // another tab wrote the store (PlatformHooks::watch_drafts)
    std::map<std::string, HeldDraft> held_drafts_;  // another tab's text of the shown sample
    // A text of a sample left while another tab's text of it was held (select_sample), put one
    // Undo step away when the sample is shown again: this tab's own when leaving took the other
    // tab's (`theirs` false), or the other tab's when this tab had stored its own over it (the
    // other tab may since have taken this tab's: it would be nowhere else).
    struct LeftText {
        std::string text;
        bool theirs = false;
    };
    std::map<std::string, LeftText> left_own_;
    // Picking the shown sample again while another tab's text of it is held: that text, with
    // this tab's in Undo (select_sample).
    void load_held_draft();
    // The shown sample's kept text as store_drafts keeps it (nullopt: not edited, or a file is
    // shown); a link's code over a kept edit is not one (the kept edit is).
    std::optional<std::string> shown_kept_text() const;
    // How a status-bar message names the Undo that brings back a text the app replaced:
    // `words` ("Undo (Ctrl+Z)"), or in accessible mode the code editor's (the textarea's own
    // Undo cannot: the app set its value).
    std::string undo_words(const char* words) const;
    // The editor's version right after load_link showed a link's code over a kept edit of the
    // sample: while it stays, that code is not the sample's edit (the kept one is).
    uint64_t link_over_edit_version_ = ~0ull;
    bool set_drafts_aside(const std::string& why);
    struct Packed {
        std::string text, payload;
    };
    mutable Packed packed_;     // the last text packed, and its payload
    std::string pack_request_;  // the text whose async pack is in flight
    int pack_id_ = 0;           // the async request in flight (0: none)
    int pack_seq_ = 0;
    uint64_t link_version_ = ~0ull;    // editor version the live link was last updated for
    std::string title_;                // last title sent to hooks.title_changed
    uint64_t linked_version_ = ~0ull;  // editor version whose text the page's fragment carries
    bool leave_warned_ = false;        // last value sent to hooks.leave_warning
    TracebackReader tracebacks_;       // the current run's output, read for errors
    const engine::Run* errors_run_ = nullptr;   // the run tracebacks_ reads
    size_t errors_fed_ = 0;                     // console lines read (counting dropped ones)
    const engine::Run* markers_run_ = nullptr;  // the run line_markers reads
    std::vector<ThreadMarker> shown_markers_;   // what the editor shows now
    // The selected thread's lines the editor shows: for which worker, how many, at which text.
    int lines_worker_ = -1;
    size_t lines_count_ = 0;
    uint64_t lines_version_ = ~0ull;
    uint64_t text_knobs_version_ = ~0ull;             // editor version text_knobs was read at
    std::map<std::string, std::string> knob_mirror_;  // text knobs' values as last read
    std::string error_flash_;  // the status message saying the last run's error, if any
    void link_changed();
    void ingest();
    void record_finished();
    void release_finished_retiring();
};

// The frame's layouts (layout.cpp): panes side by side with splitters, or, when narrow, a
// stack of sample picker, actions, page buttons and one page.
void draw_wide_layout(Playground& p);
void draw_compact_layout(Playground& p);
// Header, link-notice bar and status bar (bars.cpp).
void draw_header(Playground& p);
void draw_notice_bar(Playground& p);
void draw_status_bar(Playground& p);

// Panels (one file each). Each draws into the current window/child.
void draw_gallery_panel(Playground& p);
void draw_code_panel(Playground& p);
// The run controls (actions.cpp): Run / Stop / Machine / Share / Export in one ControlRow
// `width` wide; `equal`: every control gets an equal share of it (the narrow layout: there the
// Machine control takes a full row below the other four), else its own width.
void draw_actions(Playground& p, float width, bool equal);
constexpr int kActionCount = 5;  // controls draw_actions puts in its row
// The Machine control (machine_control.cpp): "This computer" / "Simulated, N cores", a popup
// with the machine, cores and seed (the run settings of group "machine").
void draw_machine_control(Playground& p, ImVec2 size);
std::string machine_label(const samples::KnobValues& knobs);
// What the Compare panel's bars show for the current job, as JSON (compare_panel.cpp):
// {"machine", "cores", "seed" (the knobs, as text), "models": [{"model", "runs", "median_ms",
// "min_ms", "max_ms", "speedup"}]} — state().compare, for tests and embedding pages.
std::string compare_json(const Playground& p);
// A row of controls that wraps instead of running off a narrow pane. Each control asks next()
// for its size (natural width, or with `equal` an equal share of `width` for `items` controls)
// right before it is drawn; next() also puts it beside the previous one when it fits. Adding a
// control to a row: one more next() and one more in `items`.
class ControlRow {
  public:
    ControlRow(int items, float width, bool equal);
    ImVec2 next(float natural_w);  // height 0: the frame height

  private:
    int items_;
    float width_;
    bool equal_;
    int placed_ = 0;
};
void draw_knobs_panel(Playground& p);  // the sample's title, summary and knobs
void draw_console_panel(Playground& p);
void draw_timeline_panel(Playground& p);
void draw_cores_panel(Playground& p);
// The replay bar above the Timeline and Cores views (replay_bar.cpp): play/pause, speed, a
// time scrubber, step to the previous/next event, t, "Link to this moment". Nothing while
// there is no finished simulated run.
void draw_replay_bar(Playground& p);
// The replay's moment on a view: a line at x from y0 to y1 on `lanes`.
void draw_replay_cursor(ImDrawList* lanes, float x, float y0, float y1);
// A time tag (white on the accent colour) on a time axis: text centred at x, top at y, moved
// right to start at or after `min_x0`. Returns its left and right edges (for labels to avoid).
ImVec2 draw_time_tag(ImDrawList* dl, float x, float y, const std::string& text,
                     float min_x0 = -FLT_MAX);
void draw_compare_panel(Playground& p);

// The header's File menu and Text size, their shortcuts, desktop files (file_menu.cpp).
void draw_file_menu(Playground& p);
float file_menu_width(const Playground& p);   // what draw_file_menu's buttons take across
float file_menu_button_w(const char* label);  // "File" or "Aa"
void file_shortcuts(Playground& p);
void editor_command(Playground& p, CodeEditor::Command c);  // Ctrl+O / Ctrl+S from the editor
void set_text_scale(Playground& p, float scale);
std::string open_code_file(Playground& p, const std::string& path);  // "" or why not
std::string save_code_file(Playground& p, const std::string& path);

// Frame pacing (app_pacing.cpp, ui/frame_pacing.hpp): whether the next frames are needed and
// when the picture changes by itself (App::activity), and what this frame draws, after
// ImGui::Render() (App::frame_fingerprint).
App::Activity pacing_activity(const Playground& p);
uint64_t frame_fingerprint(const Playground& p);

// Helpers shared by panels (playground.cpp).
std::string knobs_diff_text(const samples::Sample& s, const samples::KnobValues& v);
// "ZeroDivisionError: division by zero (line 2)": a program's error for the status bar.
std::string error_summary(const samples::ProgramError& e);
void help_marker(const char* text);  // "(?)" with a wrapped tooltip
// Before an item `next_w` wide: stay on the line if it fits, else start a new one (rows of
// buttons wrap instead of running off a narrow pane). `gap`: the space before it when it stays
// (px; < 0: the style's item spacing).
void same_line_if_fits(float next_w, float gap = -1);
// ImGui::BeginCombo that also names the combo for p.controls (its rectangle is gone once the
// popup is open). Same arguments and result as BeginCombo.
bool begin_combo(Playground& p, const std::string& id, const char* label, const char* preview,
                 int flags = 0);
// Marks [a, b] as a period the views could not see (the trace was full): diagonal hatching and
// `label` at the top. Clipped to the current clip rectangle.
void draw_unseen(ImDrawList* dl, ImVec2 a, ImVec2 b, const char* label);
// "trace full: N events not recorded after T" for the bars and views; "" while complete.
std::string trace_full_text(const Playground& p);
// A button's width for `label` at the current style.
float button_width(const char* label);

}  // namespace interleave::ui
