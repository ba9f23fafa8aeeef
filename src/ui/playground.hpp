// Interleave UI — the playground's state, shared by the panels (one panel per file, each a
// free function taking the Playground). Internal to src/ui; src/app sees only ui::App.
//
// Main thread only. The Playground never blocks: it polls the current Run's snapshots once
// per frame (output from its last index, events through a cursor into a SpanBuilder).
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/run.hpp"
#include "engine/spans.hpp"
#include "samples/catalog.hpp"
#include "ui/app.hpp"
#include "ui/console_model.hpp"
#include "ui/editor/code_editor.hpp"
#include "ui/editor/file_dialog.hpp"
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
    double speedup = 0;  // vs the sequential run of the same job; 0 = no baseline yet
    int group = -1;      // a "Run all models" batch
};

enum class BottomTab { timeline, cores, compare };

struct Playground {
    PlatformHooks hooks;
    Fonts fonts;
    float dpi = 1;
    bool dark = true;

    // --- What is selected ---------------------------------------------------------------
    int sample = 0;  // index into samples::catalog()
    samples::KnobValues knobs;
    std::string python_text;  // samples::program(sample, knobs): the sample's own text
    // The code editor (code_panel.cpp). It shows python_text and follows the knobs until the
    // user edits it; an edited text is kept per sample (drafts) until Reset.
    CodeEditor editor;
    std::map<std::string, std::string> drafts;  // sample id -> edited text (other samples)
    bool code_edited();                         // the editor's text differs from python_text
    void reset_code();                          // back to python_text (undoable)
    std::string file_path;                      // desktop: the file opened or saved last
    FileDialog file_dialog;
    bool plain_editor = false;  // web accessible mode: the page's textarea stands in
    float text_scale = 1;       // text size, times the platform's DPI scale
    bool restyle = false;       // text_scale changed: rebuild fonts between frames
    std::string last_link;      // last fragment sent to hooks.link_changed

    // --- The current (or last) run and what has been read from it ------------------------
    std::shared_ptr<engine::Run> run;
    std::vector<std::shared_ptr<engine::Run>> retiring;  // stopped, not yet done: kept alive
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
    engine::Usage usage;
    double usage_at = -1;  // ImGui time of the last usage() snapshot
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
    BottomTab tab = BottomTab::timeline;
    bool tab_request = false;  // select `tab` on the next frame (keyboard, run all)
    float gallery_w = 0, top_h = 0, console_w = 0, code_w = 0;  // splitter positions (0 = auto)

    // --- Compare ----------------------------------------------------------------------------
    std::vector<RunRecord> records;
    std::deque<std::string> run_all_queue;  // models still to run, one after another
    int run_all_group = -1, next_group = 0;

    // --- Messages ---------------------------------------------------------------------------
    std::vector<std::string> link_notices;  // from the last decoded link, until dismissed
    std::string status_message;
    double status_message_until = 0;
    std::string share_shown;                    // the link the Share popup shows
    std::map<int, std::string> pending_copies;  // copy id -> message once the platform confirms
    int next_copy_id = 1;

    // --- Actions (playground.cpp) -------------------------------------------------------------
    void select_sample(int index);               // resets knobs to the sample's defaults
    void set_knobs(samples::KnobValues values);  // already validated
    void knobs_changed();                        // re-lex the text, update the link
    std::string link(bool with_run = false) const;
    void start_run();
    void stop_run();
    void poll();  // once per frame, before drawing
    bool running() const { return run && !run->done(); }
    void start_run_all();  // `choosing`: every model, one after another
    void flash(std::string message, double seconds = 4);
    // Puts `text` on the system clipboard through the platform, and says `done` (e.g. "Link
    // copied to the clipboard") only once it was; a refusal is said too (#8 item 4).
    void copy_to_clipboard(const std::string& text, std::string done);
    void copy_finished(int id, bool ok);  // the platform's late answer (web: a promise)
    const samples::Sample& current() const;
    std::string state_json() const;
    std::string load_link(std::string_view fragment);  // notices as a JSON array

  private:
    uint64_t edited_version_ = ~0ull;  // editor version code_edited() last compared
    bool edited_ = false;
    void ingest();
    void record_finished();
    void release_finished_retiring();
};

// Panels (one file each). Each draws into the current window/child.
void draw_gallery_panel(Playground& p);
void draw_code_panel(Playground& p);
void draw_knobs_panel(Playground& p);
void draw_console_panel(Playground& p);
void draw_timeline_panel(Playground& p);
void draw_cores_panel(Playground& p);
void draw_compare_panel(Playground& p);

// The header's File menu and Text size, their shortcuts, desktop files (file_menu.cpp).
void draw_file_menu(Playground& p);
void file_shortcuts(Playground& p);
void editor_command(Playground& p, CodeEditor::Command c);  // Ctrl+O / Ctrl+S from the editor
void set_text_scale(Playground& p, float scale);
std::string open_code_file(Playground& p, const std::string& path);  // "" or why not
std::string save_code_file(Playground& p, const std::string& path);

// Helpers shared by panels (playground.cpp).
std::string json_escape(std::string_view s);
std::string knobs_diff_text(const samples::Sample& s, const samples::KnobValues& v);
void help_marker(const char* text);  // "(?)" with a wrapped tooltip

}  // namespace interleave::ui
