// The playground's actions: selecting samples and knobs, starting/stopping runs, polling
// snapshots each frame, recording finished runs, links and the automation JSON.
#include "ui/playground.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GetCurrentWindow (begin_combo)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <utility>

#include "samples/compare.hpp"
#include "samples/report.hpp"
#include "samples/share_link.hpp"
#include "ui/fallback_glyphs.hpp"

namespace interleave::ui {

std::string knobs_diff_text(const samples::Sample& s, const samples::KnobValues& v) {
    std::string out;
    for (const auto& k : s.knobs) {
        auto it = v.find(k.key);
        if (it == v.end() || it->second == k.default_value) continue;
        if (!out.empty()) out += ' ';
        out += k.key + "=" + it->second;
    }
    return out.empty() ? "defaults" : out;
}

void help_marker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void same_line_if_fits(float next_w, float gap) {
    const float g = gap >= 0 ? gap : ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + g + next_w <= right + 0.5f) ImGui::SameLine(0, g);
}

bool begin_combo(Playground& p, const std::string& id, const char* label, const char* preview,
                 int flags) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    const ImGuiID item = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, preview, flags);
    p.controls.note_item(id, ControlKind::button, item, w, min,
                         ImVec2(min.x + width, min.y + ImGui::GetFrameHeight()));
    return open;
}

void draw_unseen(ImDrawList* dl, ImVec2 a, ImVec2 b, const char* label) {
    if (b.x <= a.x || b.y <= a.y) return;
    dl->PushClipRect(a, b, true);
    dl->AddRectFilled(a, b,
                      theme_is_dark() ? IM_COL32(20, 20, 24, 170) : IM_COL32(235, 235, 235, 190));
    const ImU32 hatch = theme_is_dark() ? IM_COL32(240, 170, 60, 60) : IM_COL32(200, 120, 20, 70);
    const float step = ImGui::GetFontSize() * 0.6f, h = b.y - a.y;
    for (float x = a.x - h; x < b.x; x += step)
        dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), hatch, 1.f);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const ImVec2 tp(a.x + 6, a.y + 4);
    dl->AddRectFilled(ImVec2(tp.x - 3, tp.y - 1), ImVec2(tp.x + ts.x + 3, tp.y + ts.y + 1),
                      theme_is_dark() ? IM_COL32(60, 45, 15, 230) : IM_COL32(255, 240, 200, 240),
                      3);
    dl->AddText(tp, IM_COL32(240, 170, 60, 255), label);
    dl->PopClipRect();
}

std::string trace_full_text(const Playground& p) {
    if (p.trace_full_ns < 0) return "";
    return "trace full: " + std::to_string(p.stats.dropped_events) + " events not recorded after " +
           format_duration(static_cast<double>(p.trace_full_ns));
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

const samples::Sample& Playground::current() const {
    const auto& cat = samples::catalog();
    return cat[static_cast<size_t>(std::clamp(sample, 0, static_cast<int>(cat.size()) - 1))];
}

void Playground::select_sample(int index) {
    const auto& cat = samples::catalog();
    if (index < 0 || index >= static_cast<int>(cat.size())) return;
    // Picked again while another tab's text of it is held: that text, this tab's in Undo.
    if (index == sample && other_tab_text_held()) return load_held_draft();
    if (index != sample) run_all_queue.clear();
    // The text being left is kept if edited (a draft per sample), so switching loses nothing.
    // An open file's text is the file's, not an edit of the sample: the file is closed (the
    // sample's own draft, kept when the file was opened over it, stays).
    if (!file_path.empty()) {
        const size_t slash = file_path.find_last_of("/\\");
        flash("Closed " + file_path.substr(slash == std::string::npos ? 0 : slash + 1) +
                  (file_unsaved() ? " without saving its changes" : ""),
              6);
        file_path.clear();
        file_text.clear();
    } else if (!python_text.empty() || editor.model().size_bytes() > 0) {
        // A link's code, unchanged, over a kept edit: the kept edit stays (load_link).
        if (editor.model().version() != link_over_edit_version_) {
            if (code_edited())
                drafts[current().id] = editor.text();
            else
                drafts.erase(current().id);
        }
        // Another tab's text held for it: taken if nothing changed here (draft_store.hpp). The
        // text this tab had is then one Undo away when the sample is shown again; else the held
        // one is (this tab stored its own over it: it may be nowhere else now).
        const auto had = drafts.find(current().id);
        const std::optional<std::string> had_text =
            had != drafts.end() ? std::optional<std::string>(had->second) : std::nullopt;
        const auto h = held_drafts_.find(current().id);
        const std::optional<std::string> held_text =
            h != held_drafts_.end() ? h->second.text : std::nullopt;
        if (leave_held_draft(current().id, drafts, drafts_base_, held_drafts_)) {
            if (had_text) left_own_[current().id] = {*had_text, false};
        } else if (held_text) {
            left_own_[current().id] = {*held_text, true};
        }
    }
    sample = index;
    knobs = samples::defaults(cat[static_cast<size_t>(index)].knobs);
    python_text = samples::program(current(), knobs);
    const auto d = drafts.find(current().id);
    editor.set_text(d != drafts.end() ? d->second : python_text);
    if (const auto left = left_own_.find(current().id); left != left_own_.end()) {
        if (left->second.text != editor.text()) {
            const std::string shown = editor.text();
            editor.set_text(left->second.text);
            auto& m = editor.model();  // one undo step: Ctrl+Z brings back the left text
            m.select_all();
            m.paste(shown);
            m.set_cursor({0, 0});
            flash(current().title +
                      (left->second.theirs
                           ? ": " + undo_words("Undo") +
                                 " brings back the edit made in another tab that yours was "
                                 "stored over"
                           : " shows the edit made in another tab; " + undo_words("Undo") +
                                 " brings back the text you had here"),
                  10);
        }
        left_own_.erase(left);
    }
    edited_version_ = ~0ull;
    text_knobs_version_ = ~0ull;
    knob_mirror_.clear();
    sync_text_knobs();  // a draft's values are what the knobs show
    link_changed();
}

const samples::TextKnob* Playground::text_knob(const std::string& key) const {
    for (const auto& k : text_knobs)
        if (k.spec && k.spec->key == key) return &k;
    return nullptr;
}

void Playground::sync_text_knobs() {
    if (text_knobs_version_ == editor.model().version()) return;
    text_knobs_version_ = editor.model().version();
    const auto& s = current();
    text_knobs = samples::knobs(s, editor.text());
    for (const auto& k : text_knobs) note_glyphs(k.value ? *k.value : k.notice);  // knobs panel
    // A value the knob can take moves it; one it cannot (a notice) leaves it where it was.
    bool moved = false;
    for (const auto& k : text_knobs) {
        if (!k.value) continue;
        std::string& v = knobs[k.spec->key];
        moved = moved || v != *k.value;
        v = *k.value;
    }
    knob_mirror_.clear();
    for (const auto& spec : s.knobs)
        if (!samples::is_run_setting(spec)) knob_mirror_[spec.key] = knobs[spec.key];
    python_text = samples::program(s, knobs);
    edited_version_ = ~0ull;
    if (moved) link_changed();
}

bool Playground::code_edited() const {
    if (edited_version_ != editor.model().version()) {
        edited_version_ = editor.model().version();
        edited_ = editor.text() != python_text;
    }
    return edited_;
}

void Playground::reset_code() {
    auto& m = editor.model();
    m.select_all();
    m.paste(python_text);  // one undo step: Ctrl+Z brings the edits back
    m.set_cursor({0, 0});
    drafts.erase(current().id);
}

void Playground::set_knobs(samples::KnobValues values) {
    knobs = std::move(values);
    knobs_changed();
}

void Playground::knobs_changed() {
    const auto& s = current();
    sync_text_knobs();  // edits typed this frame first: they are not the knob's to undo
    // The text follows the knobs: a knob moved since the text was read rewrites its literal
    // (one undoable edit, caret and selection kept). A text without the knob's line has no
    // such knob; a literal the knob cannot take is rewritten only when the knob is moved.
    auto& m = editor.model();
    for (const auto& spec : s.knobs) {
        if (samples::is_run_setting(spec)) continue;
        const auto v = knobs.find(spec.key);
        const auto seen = knob_mirror_.find(spec.key);
        if (v == knobs.end() || (seen != knob_mirror_.end() && seen->second == v->second)) continue;
        const std::string text = editor.text();
        std::string error;
        const auto edit = samples::knob_edit(spec, text, v->second, &error);
        if (!edit || text.compare(edit->offset, edit->length, edit->replacement) == 0) continue;
        const TextPos anchor = m.anchor(), cursor = m.cursor();
        m.replace({m.pos_at(edit->offset), m.pos_at(edit->offset + edit->length)},
                  edit->replacement);
        m.set_selection(m.clamp(anchor), m.clamp(cursor));
    }
    text_knobs_version_ = ~0ull;
    sync_text_knobs();
    python_text = samples::program(s, knobs);
    edited_version_ = ~0ull;
    link_changed();
}

void Playground::note_scroll(const char* name) {
    scrolls.push_back({name, ImGui::GetScrollY(), ImGui::GetScrollMaxY()});
}

void Playground::note_glyphs(std::string_view text) const {
    // Characters past the base fonts (CJK, emoji...) are added to the atlas once noted; the
    // editor and the console note what they draw, this what the program names elsewhere.
    fallback_glyphs().note(fonts.ui, text);
    fallback_glyphs().note(fonts.mono, text);
}

void Playground::flash(std::string message, double seconds) {
    note_glyphs(message);  // an error's message, a file's name
    status_message = std::move(message);
    if (hooks.message) hooks.message(status_message);
    status_message_until = ImGui::GetCurrentContext() ? ImGui::GetTime() + seconds : 1e300;
}

void Playground::copy_to_clipboard(const std::string& text, std::string done) {
    if (!hooks.copy_text) {  // no platform clipboard: ImGui's own (tests)
        ImGui::SetClipboardText(text.c_str());
        flash(std::move(done));
        return;
    }
    const int id = next_copy_id++;
    switch (hooks.copy_text(text, id)) {
        case CopyResult::copied:
            flash(std::move(done));
            break;
        case CopyResult::pending:
            pending_copies[id] = std::move(done);
            break;
        case CopyResult::failed:
            copy_finished(-1, false);
            break;
    }
}

void Playground::copy_finished(int id, bool ok) {
    auto it = pending_copies.find(id);
    if (ok && it != pending_copies.end()) flash(it->second);
    if (!ok)
        flash(
            "Could not copy: the browser did not allow access to the clipboard (select the text "
            "and press Ctrl+C instead)",
            8);
    if (it != pending_copies.end()) pending_copies.erase(it);
}

void Playground::start_run() {
    // A run still going is asked to stop and parked until its threads are gone: destroying
    // it now would join them on this (UI) thread.
    if (run && !run->done()) {
        run->stop();
        retiring.push_back(run);
    }
    run.reset();  // a finished Run owns no threads: releasing it does not block
    console.clear();
    console_rows.clear();  // the console's filter cache belongs to the old output
    console_rows_upto = 0;
    spans.clear();
    timeline.clear();
    cursor = {};
    output_next = 0;
    workers.clear();
    tasks.clear();
    worker_names.clear();
    stats = {};
    pending.clear();
    pending_head = 0;
    caught_up = true;
    usage_builder = engine::UsageBuilder(10);
    usage = {};
    usage_at = -1;
    trace_full_ns = -1;
    run_notices.clear();
    recorded = false;
    follow = true;
    replay.clear();
    replay_ready = false;
    playback = {};
    sync_text_knobs();  // knobs as the text has them now (Ctrl+Enter right after typing)
    run_sample = sample;
    run_knobs = knobs;
    // What runs is the editor's text, edited or not (the run settings from the knobs). The
    // text itself is never touched: a program with an error stays as typed.
    run_code = editor.text();
    program_run.reset();
    if (!error_flash_.empty() && status_message == error_flash_) status_message_until = 0;
    error_flash_.clear();  // the last run's error is not this one's
    try {
        // Lines every 10 ms of run time: the editor's per-thread line markers follow them.
        program_run = samples::start(current(), run_code, knobs, /*line_sample_ms=*/10);
        run = program_run->run();
    } catch (const std::exception& e) {
        run_notices.push_back(std::string("could not start: ") + e.what());
        flash(run_notices.back());
        return;
    }
    // A SyntaxError is known at once: nothing of the program runs, the console shows CPython's
    // text for it, and the status bar says where.
    if (auto e = program_run->error()) flash(error_flash_ = error_summary(*e), 10);
}

std::string error_summary(const samples::ProgramError& e) {
    std::string s = e.type + ": " + e.message;
    if (e.line > 0) s += " (line " + std::to_string(e.line) + ")";
    return s;
}

void Playground::stop_run() {
    run_all_queue.clear();
    if (run && !run->done()) run->stop();
}

void Playground::release_finished_retiring() {
    retiring.erase(
        std::remove_if(retiring.begin(), retiring.end(), [](const auto& r) { return r->done(); }),
        retiring.end());
}

int64_t Playground::seen_until_ns(const engine::RunStats& s) const {
    const auto end = static_cast<int64_t>(s.wall_ms * 1e6);
    return trace_full_ns >= 0 ? std::min(trace_full_ns, end) : end;
}

engine::RunStats Playground::shown_stats() const {
    engine::RunStats s = run->counters();
    s.busy_cores_avg = usage_builder.busy_avg(seen_until_ns(s));
    s.busy_cores_max = usage_builder.busy_max(seen_until_ns(s));
    return s;
}

void Playground::ingest() {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const auto over = [&](double ms) {
        return std::chrono::duration<double, std::milli>(clock::now() - t0).count() > ms;
    };
    std::vector<engine::OutputLine> lines;
    output_next = run->read_output(output_next, lines);
    for (const auto& l : lines) console.add(l.t_ms, l.task, l.worker, l.text);

    // Events: copied out of the tracer a slice at a time (while the queue is short and half the
    // budget lasts), then turned into spans and usage a slice at a time until the budget is
    // spent - at least one slice per frame, so a backlog always shrinks.
    constexpr size_t kSlice = 16384, kMaxQueued = 4 * kSlice;
    bool drained = false;
    while (pending.size() - pending_head < kMaxQueued && !over(kIngestBudgetMs / 2)) {
        const size_t before = pending.size();
        run->read_events(cursor, pending, kSlice);
        if (pending.size() - before < kSlice) {
            drained = true;
            break;
        }
    }
    std::vector<engine::TraceEvent> slice;
    do {
        const size_t n = std::min(kSlice / 4, pending.size() - pending_head);
        if (n == 0) break;
        const auto first = pending.begin() + static_cast<std::ptrdiff_t>(pending_head);
        slice.assign(first, first + static_cast<std::ptrdiff_t>(n));
        spans.add(slice);
        usage_builder.add(slice);
        line_markers.add(slice);
        pending_head += n;
    } while (!over(kIngestBudgetMs));
    caught_up = drained && pending_head == pending.size();
    if (pending_head == pending.size()) {
        pending.clear();
        pending_head = 0;
    } else if (pending_head > pending.size() / 2) {
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(pending_head));
        pending_head = 0;
    }
    timeline.sync(spans);

    // Counters only: the busy-core figures come from the events above, up to where the trace
    // is complete (the engine's own stats() would process every event again, here).
    trace_full_ns = run->tracer().first_drop_ns();
    stats = shown_stats();
    workers = run->workers();
    if (worker_names.size() != workers.size()) {
        worker_names.clear();
        for (const auto& w : workers) {
            if (w.id >= worker_names.size()) worker_names.resize(w.id + 1u);
            worker_names[w.id] = w.name;
            note_glyphs(w.name);  // the program's thread names: lanes, tooltips, markers
        }
    }
    if (tasks.size() != stats.tasks) {
        tasks = run->tasks();
        for (const auto& t : tasks) note_glyphs(t.name);
    }
    const double now = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
    if (run->done() || usage_at < 0 || now - usage_at > 0.25) {
        // Up to where the events are complete: never past a full trace (a worker whose later
        // events were dropped would count as busy until now).
        const unsigned cores = hooks.hardware_cores ? hooks.hardware_cores : 1;
        usage = usage_builder.result(seen_until_ns(), cores);
        if (!hooks.is_web) usage.os_cpu_busy = run->usage().os_cpu_busy;  // /proc/stat
        run_notices = run->notices();
        // Other work took CPU from this real run (natively /proc/stat, in the browser the
        // workers' heartbeats): its times are disturbed, said under the run's output too.
        if (std::string note = samples::disturbance_note(stats); !note.empty())
            run_notices.push_back(std::move(note));
        for (const auto& n : run_notices) note_glyphs(n);
        usage_at = now;
    }
}

void Playground::record_finished() {
    recorded = true;
    // An uncaught exception ended the program: said beside the traceback in the console.
    if (program_run && program_run->error() && program_run->error()->type != "SyntaxError" &&
        program_run->error()->type != "IndentationError" &&
        program_run->error()->type != "TabError")
        flash(error_flash_ = error_summary(*program_run->error()), 10);
    if (run_sample < 0) return;
    const auto& s = samples::catalog()[static_cast<size_t>(run_sample)];
    RunRecord r;
    r.sample_id = s.id;
    r.title = s.title;
    r.knobs = run_knobs;
    r.knobs_text = knobs_diff_text(s, run_knobs);
    // The model always shows in a row, default or not: it is what rows are compared by.
    auto model = run_knobs.find("model");
    if (model != run_knobs.end() && r.knobs_text.find("model=") == std::string::npos)
        r.knobs_text = "model=" + model->second +
                       (r.knobs_text == "defaults" ? std::string() : " " + r.knobs_text);
    r.status = engine::to_string(run->status());
    r.wall_ms = stats.wall_ms;
    r.busy_cores_avg = usage_builder.busy_avg(seen_until_ns());  // as the Cores view shows it
    r.trace_full = trace_full_ns >= 0;
    r.gil_wait_ms = stats.gil_wait_ms;
    r.group = run_all_group;                      // -1 outside a "Run all models" batch
    r.other_busy_cores = stats.other_busy_cores;  // counters (Run::stats would re-read the trace)
    records.push_back(std::move(r));
    if (run_all_queue.empty()) run_all_group = -1;
    if (records.size() > 200) records.erase(records.begin());

    // Speed-up against the latest finished sequential run of the same job (same sample, same
    // knobs except the model).
    for (auto& rec : records) {
        rec.speedup = 0;
        if (rec.status != "finished") continue;
        auto model = rec.knobs.find("model");
        if (model == rec.knobs.end()) continue;
        for (auto it = records.rbegin(); it != records.rend(); ++it) {
            if (it->sample_id != rec.sample_id || it->status != "finished") continue;
            auto m = it->knobs.find("model");
            if (m == it->knobs.end() || m->second != "sequential") continue;
            auto a = it->knobs, b = rec.knobs;
            a.erase("model");
            b.erase("model");
            if (a != b) continue;
            if (rec.wall_ms > 0) rec.speedup = it->wall_ms / rec.wall_ms;
            break;
        }
    }
}

int Playground::start_export(bool download) {
    if (!run) return 0;
    auto job = std::make_shared<ExportJob>();
    job->id = next_export_id++;
    job->download = download;
    // Desktop: the file is written on the export's thread too; web: the page makes its Blob
    // there as well (export_ready), so the UI thread never copies the text.
    auto save = download && !hooks.is_web ? hooks.save_file : nullptr;
    auto ready = hooks.export_ready;
    try {
        std::thread([job, r = run, save, ready] {
            // Detached first: Emscripten 3.1.6's pthread_detach of a thread that has already
            // ended is a join, which the browser's main thread must never do.
            job->detached.wait(false);
            job->json = r->export_chrome_trace();
            if (save) job->message = save("interleave-trace.json", job->json);
            if (ready) {
                ready(job->id, job->download, "interleave-trace.json", job->json);
                std::string().swap(job->json);  // the page has its own copy
            }
            job->done.store(true, std::memory_order_release);
        }).detach();
    } catch (const std::exception& e) {
        flash(std::string("Could not start the export: ") + e.what());
        return 0;
    }
    job->detached.store(true);
    job->detached.notify_one();
    exports.push_back(job);
    if (download) flash("Exporting the trace...", 60);
    return job->id;
}

void Playground::poll_exports() {
    exports.erase(
        std::remove_if(exports.begin(), exports.end(), [](const auto& j) { return j->released; }),
        exports.end());
    for (const auto& job : exports) {
        ExportJob& j = *job;
        if (!j.done.load(std::memory_order_acquire) || j.handed_over) continue;
        j.handed_over = true;
        j.released = true;
        if (j.download)
            flash(hooks.export_ready ? std::string("Downloading interleave-trace.json") : j.message,
                  6);
    }
}

void Playground::poll() {
    using clock = std::chrono::steady_clock;
    auto t = clock::now();
    // Each step's longest time since App::ui_json() last reported it (poll_cost).
    auto lap = [&](double& max_ms) {
        const auto now = clock::now();
        max_ms = std::max(max_ms, std::chrono::duration<double, std::milli>(now - t).count());
        t = now;
    };
    sync_text_knobs();
    release_finished_retiring();
    poll_exports();
    poll_code_link();
    poll_run_errors();
    poll_replay();
    poll_line_markers();
    lap(poll_cost.housekeeping_ms);
    if (!run) return;
    const bool was_done = run->done();
    ingest();
    lap(poll_cost.ingest_ms);
    // Done before this read, and every event read is in: the run is complete on screen.
    if (was_done && !recorded && caught_up) {
        usage_at = -1;
        ingest();                               // final figures (usage at the run's end)
        const bool batch = run_all_group >= 0;  // record_finished ends the batch
        record_finished();
        build_replay(batch);
        if (follow) view.fit(0, std::max<double>(timeline.end_ns, stats.wall_ms * 1e6));
        lap(poll_cost.finish_ms);
    }
    if (recorded && !run_all_queue.empty()) {
        knobs = run_all_queue.front();
        run_all_queue.pop_front();
        knobs_changed();
        start_run();
        lap(poll_cost.start_ms);
    }
}

void Playground::start_run_all() {
    const auto* model = samples::find_knob(current().knobs, "model");
    if (!model || model->choices.empty()) return;
    if (running()) return;
    // The simulated machine unless the user chose this computer (issue #11: exact, bars that
    // never invert); on this computer every model 3 times, interleaved.
    const auto plan =
        samples::compare_plan(current(), knobs, knobs["machine"] == "real" && machine_chosen);
    if (plan.runs.empty()) return;
    run_all_queue.assign(plan.runs.begin(), plan.runs.end());
    run_all_real = !plan.simulated;
    run_all_group = next_group++;
    knobs = run_all_queue.front();
    run_all_queue.pop_front();
    knobs_changed();
    start_run();
    tab = BottomTab::compare;
    tab_request = true;
}

std::string Playground::state_json() const {
    // The CLI's --json members (sample, knobs, status, output, stats, notices) of the current
    // or last run, or of the selection while idle; then what the UI adds. The link's notices
    // (shown on screen until dismissed) come first in "notices".
    const auto& s = current();
    std::string j = "{";
    if (run && run_sample >= 0) {
        // Counters read now (wall time, lines: final once done); busy cores as on screen.
        const engine::RunStats st = shown_stats();
        j += samples::run_report_members(samples::catalog()[static_cast<size_t>(run_sample)],
                                         run_knobs, *run, link_notices, &st);
        if (program_run) j += samples::program_members(*program_run);
    } else {
        j += "\"sample\": " + samples::json_string(s.id) +
             ", \"knobs\": " + samples::knobs_json(knobs) +
             ", \"status\": \"idle\", \"output\": [], \"stats\": " +
             samples::stats_json(engine::RunStats{}) + ", \"notices\": [";
        for (size_t i = 0; i < link_notices.size(); ++i)
            j += (i ? ", " : "") + samples::json_string(link_notices[i]);
        j += "], \"exit_code\": null, \"error\": null";
    }
    // The editor's text: what Run runs.
    j += ", \"code\": " + samples::json_string(editor.text());
    // The selection may differ from the last run's.
    j += ", \"link\": " + samples::json_string(link()) +
         ", \"selected\": " + samples::json_string(s.id) +
         ", \"runs\": " + std::to_string(records.size()) +
         ", \"run_all_pending\": " + std::to_string(run_all_queue.size()) +
         ", \"compare\": " + compare_json(*this);
    // The status bar's message while it shows (e.g. "Link copied to the clipboard").
    const bool shown_now = !status_message.empty() && ImGui::GetCurrentContext() &&
                           ImGui::GetTime() < status_message_until;
    j += ", \"message\": " + samples::json_string(shown_now ? status_message : std::string()) + "}";
    return j;
}

}  // namespace interleave::ui
