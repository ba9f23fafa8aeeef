// The timeline: one lane per worker (threads, processes, pool workers, the event loop), its
// tasks on top and its state below, coloured (running, GIL wait, lock/queue wait, I/O,
// idle, starting, pickling); a GIL lane per process showing who holds it and each hand-off.
// Live follow while running; wheel zooms around the mouse, drag pans, hover explains a span.
//
// Spans are culled per lane with a binary search and sub-pixel runs merged
// (timeline_layout.hpp), then drawn as GL instanced quads (span_renderer.hpp); labels, axis
// and tooltips are ordinary ImGui drawing on top.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

using engine::WorkerKind;
using engine::WorkerState;

enum class LaneKind { gil, worker };

struct LaneDesc {
    LaneKind kind;
    uint16_t id;  // worker id, or process id for a GIL lane
    std::string name, detail;
};

// What the mouse can hover: quads of one strip of one lane.
struct Region {
    float y0, y1;
    LaneKind kind;
    uint16_t id;
    int depth;      // task depth; -1 = the state strip; -2 = GIL strip
    size_t q0, q1;  // range in TimelineScratch::quads
};

}  // namespace

// Per-frame scratch of one timeline view, reused across frames (owned by its Playground).
struct TimelineScratch {
    std::vector<LaneQuad> quads;
    std::vector<Region> regions;
    std::vector<LaneDesc> lanes;
    std::vector<engine::Span> open_states;
    std::vector<engine::GilSpan> open_gil;
    std::vector<engine::TaskSpan> open_tasks;
    std::vector<float> lane_y;  // per lane: top, bottom (for the label tooltip)
};

namespace {

const char* kind_text(WorkerKind k) {
    switch (k) {
        case WorkerKind::main:
            return "main thread";
        case WorkerKind::thread:
            return "thread";
        case WorkerKind::process_main:
            return "process";
        case WorkerKind::pool_thread:
            return "pool thread";
        case WorkerKind::pool_process:
            return "pool process";
        case WorkerKind::event_loop:
            return "event loop";
        case WorkerKind::controller:
            return "controller";
    }
    return "";
}

std::string task_name(const Playground& p, uint32_t task) {
    if (task == 0) return "";
    // Task ids start at 1 and are registered in order; fall back to the number.
    if (task - 1 < p.tasks.size() && p.tasks[task - 1].id == task) return p.tasks[task - 1].name;
    for (const auto& t : p.tasks)
        if (t.id == task) return t.name;
    return "task " + std::to_string(task);
}

std::string worker_name(const Playground& p, uint16_t w) {
    return w < p.worker_names.size() && !p.worker_names[w].empty() ? p.worker_names[w]
                                                                   : "worker " + std::to_string(w);
}

void build_lanes(const Playground& p, std::vector<LaneDesc>& lanes) {
    lanes.clear();
    // Workers known from the run, plus any lane that has spans (the benchmark has no run).
    std::vector<engine::WorkerInfo> ws = p.workers;
    for (size_t w = 0; w < p.timeline.states.size(); ++w) {
        bool known = false;
        for (const auto& x : ws) known |= x.id == w;
        if (!known && !p.timeline.states[w].empty()) {
            engine::WorkerInfo info;
            info.id = static_cast<uint16_t>(w);
            info.name = worker_name(p, static_cast<uint16_t>(w));
            ws.push_back(info);
        }
    }
    std::stable_sort(ws.begin(), ws.end(), [](const auto& a, const auto& b) {
        return a.process != b.process ? a.process < b.process : a.id < b.id;
    });
    int last_process = -1;
    for (const auto& w : ws) {
        if (w.process != last_process) {
            last_process = w.process;
            const bool has_gil =
                w.process < p.timeline.gil.size() && !p.timeline.gil[w.process].empty();
            if (has_gil || (p.run && p.run->config().gil))
                lanes.push_back(
                    {LaneKind::gil, w.process, "GIL",
                     w.process == 0 ? "main process" : "process " + std::to_string(w.process)});
        }
        lanes.push_back({LaneKind::worker, w.id, w.name, kind_text(w.kind)});
    }
}

void legend(Playground& p) {
    // Not controls: keep the rows one text line tall even where frames are finger-sized.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, 4 * p.dpi));
    const WorkerState shown[] = {WorkerState::running,   WorkerState::gil_wait,
                                 WorkerState::lock_wait, WorkerState::queue_wait,
                                 WorkerState::io_wait,   WorkerState::idle,
                                 WorkerState::starting,  WorkerState::serialising};
    const float sw = ImGui::GetFontSize() * 0.8f;
    for (WorkerState s : shown) {
        const char* label = state_label(s);
        const float w = sw + 4 + ImGui::CalcTextSize(label).x;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w + 4) ImGui::NewLine();
        const float x = ImGui::GetCursorScreenPos().x;
        ImGui::Dummy(ImVec2(sw, sw));
        ImGui::SameLine(0, 4);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        // The swatch beside its label's text, wherever the row put the text (a row that began
        // with finger-sized buttons has its text lower).
        const float y = (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y - sw) * 0.5f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + sw, y + sw),
                                                  state_color(s), 2);
    }
    ImGui::PopStyleVar();
}

// Culls + merges one strip and appends its quads to the batch and the hit regions.
template <class V, class KeyFn>
void strip(TimelineScratch& sc, std::vector<SpanQuad>& batch, const V& spans, const TimeView& view,
           KeyFn key, float y0, float y1, LaneKind kind, uint16_t id, int depth,
           ImU32 (*color)(uint32_t)) {
    const size_t q0 = sc.quads.size();
    cull_and_merge(
        spans.size(), [&](size_t i) { return spans[i].begin_ns; },
        [&](size_t i) { return spans[i].end_ns; }, [&](size_t i) { return key(spans[i]); }, view,
        sc.quads);
    for (size_t i = q0; i < sc.quads.size(); ++i) {
        const LaneQuad& q = sc.quads[i];
        batch.push_back({q.x0, y0, q.x1, y1, color(q.key)});
    }
    sc.regions.push_back({y0, y1, kind, id, depth, q0, sc.quads.size()});
}

ImU32 color_state(uint32_t k) {
    return state_color(static_cast<WorkerState>(k));
}
ImU32 color_task(uint32_t k) {
    return task_color(k);
}
ImU32 color_worker(uint32_t k) {
    return worker_color(static_cast<uint16_t>(k));
}

// `cut_ns` >= 0: a replay's moment. A span still going then is shown cut at t (the caller
// does not hover spans that begin after t).
void tooltip_for(const Playground& p, const TimelineScratch& sc, const Region& r, const LaneQuad& q,
                 const TimeView& view, int64_t cut_ns) {
    ImGui::BeginTooltip();
    if (q.index < 0 && q.merged > 1) {
        ImGui::Text("%u spans here, each narrower than a pixel", q.merged);
        if (r.depth == -1) ImGui::Text("mostly: %s", state_label(static_cast<WorkerState>(q.key)));
        ImGui::TextDisabled("zoom in (mouse wheel) to see them");
        ImGui::EndTooltip();
        return;
    }
    double b = 0, e = 0;
    const bool open = q.index < 0;  // open spans are drawn with index -1 and merged == 1
    if (r.kind == LaneKind::gil) {
        const auto& g = open ? sc.open_gil : p.timeline.gil[r.id];
        const engine::GilSpan* s = nullptr;
        if (!open) s = &g[static_cast<size_t>(q.index)];
        for (const auto& x : sc.open_gil)
            if (open && x.process == r.id) s = &x;
        if (!s) {
            ImGui::EndTooltip();
            return;
        }
        b = s->begin_ns;
        e = s->end_ns;
        ImGui::Text("GIL of %s held by %s",
                    r.id == 0 ? "the main process" : ("process " + std::to_string(r.id)).c_str(),
                    worker_name(p, s->worker).c_str());
    } else if (r.depth >= 0) {
        const engine::TaskSpan* s = nullptr;
        if (!open)
            s = &p.timeline.tasks[r.id][static_cast<size_t>(r.depth)][static_cast<size_t>(q.index)];
        for (const auto& x : sc.open_tasks)
            if (open && x.worker == r.id && x.depth == r.depth) s = &x;
        if (!s) {
            ImGui::EndTooltip();
            return;
        }
        b = s->begin_ns;
        e = s->end_ns;
        const std::string name = task_name(p, s->task);
        ImGui::TextUnformatted(name.c_str());
        ImGui::TextDisabled("task on %s", worker_name(p, r.id).c_str());
    } else {
        const engine::Span* s = nullptr;
        if (!open) s = &p.timeline.states[r.id][static_cast<size_t>(q.index)];
        for (const auto& x : sc.open_states)
            if (open && x.worker == r.id) s = &x;
        if (!s) {
            ImGui::EndTooltip();
            return;
        }
        b = s->begin_ns;
        e = s->end_ns;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float sw = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + sw, pos.y + sw),
                                                  state_color(s->state), 3);
        ImGui::Dummy(ImVec2(sw, sw));
        ImGui::SameLine();
        ImGui::TextUnformatted(state_label(s->state));
        if (s->task) {
            const std::string name = task_name(p, s->task);
            ImGui::Text("task: %s", name.c_str());
        }
        ImGui::TextDisabled("on %s", worker_name(p, r.id).c_str());
    }
    const bool cut = cut_ns >= 0 && e > static_cast<double>(cut_ns);
    if (cut) e = std::max(b, static_cast<double>(cut_ns));
    const std::string start = format_duration(b), dur = format_duration(e - b);
    ImGui::Text("start %s, duration %s%s", start.c_str(), dur.c_str(),
                open  ? " (still open)"
                : cut ? " so far (at the replay's t)"
                      : "");
    (void)view;
    ImGui::EndTooltip();
}

}  // namespace

void draw_timeline_panel(Playground& p) {
    if (!p.timeline_scratch) p.timeline_scratch = std::make_shared<TimelineScratch>();
    TimelineScratch& sc = *p.timeline_scratch;
    ImGuiIO& io = ImGui::GetIO();
    p.timeline_hover_ns = -1;
    p.timeline_hover_span = false;
    p.timeline_lanes.clear();
    const float fs = ImGui::GetFontSize();
    const bool running = p.running();
    const double now_ns = running ? std::max<double>(p.stats.wall_ms * 1e6, p.spans.last_ns())
                                  : std::max<double>(p.timeline.end_ns, p.stats.wall_ms * 1e6);

    // --- Toolbar: fit/follow, legend ---
    if (ImGui::Button("Fit")) {
        p.follow = true;
    }
    p.controls.note("timeline:fit", ControlKind::button);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Show the whole run and follow it live (double-click the timeline too)");
    ImGui::SameLine();
    ImGui::Checkbox("Follow", &p.follow);
    p.controls.note("timeline:follow", ControlKind::toggle);
    legend(p);

    if (p.timeline.span_count() == 0 && !running) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);  // a phone's pane is narrower than these lines
        ImGui::TextDisabled("Run a sample to see which worker ran which task, and when.");
        ImGui::TextDisabled("Wheel: zoom around the mouse.  Drag: pan.  Double-click: fit.");
        ImGui::PopTextWrapPos();
        return;
    }

    build_lanes(p, sc.lanes);
    sc.quads.clear();
    sc.regions.clear();
    sc.lane_y.clear();
    sc.open_states.clear();
    sc.open_gil.clear();
    sc.open_tasks.clear();
    // Spans still open are drawn up to now, but never into a period the trace did not record.
    if (running)
        p.spans.open_spans(p.trace_full_ns >= 0
                               ? std::min(static_cast<int64_t>(now_ns), p.trace_full_ns)
                               : static_cast<int64_t>(now_ns),
                           sc.open_states, sc.open_gil, sc.open_tasks);

    const float label_w = std::round(fs * (p.compact ? 6.f : 8.5f));
    const float axis_h = std::round(fs + 8);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    // The view spans the area right of the lane labels.
    p.view.x0 = origin.x + label_w;
    p.view.width = std::max(avail.x - label_w - ImGui::GetStyle().ScrollbarSize, 10.f);
    if (p.follow) p.view.fit(0, std::max(now_ns, 50e6), 0.01);

    // --- Axis (fixed above the scrolling lanes) ---
    ImDrawList* pdl = ImGui::GetWindowDrawList();
    const AxisTicks ticks = axis_ticks(p.view, fs * 6);
    pdl->PushClipRect(ImVec2(p.view.x0 - 2, origin.y),
                      ImVec2(p.view.x0 + p.view.width + 2, origin.y + axis_h), true);
    for (const auto& t : ticks.ticks) {
        const float x = static_cast<float>(t.x);
        pdl->AddLine(ImVec2(x, origin.y + axis_h - 5), ImVec2(x, origin.y + axis_h),
                     faint_text_color());
    }
    pdl->PopClipRect();
    // The ticks' labels are drawn last, leaving out any a time tag (the replay's t, the time
    // under the mouse) covers: a label half under a tag read as "203 ms s" or a stray "0 ms".
    std::vector<ImVec2> tags;
    const auto draw_axis_labels = [&] {
        pdl->PushClipRect(ImVec2(p.view.x0 - 2, origin.y),
                          ImVec2(p.view.x0 + p.view.width + 2, origin.y + axis_h), true);
        const float gap = fs * 0.4f;
        const float right = p.view.x0 + p.view.width;
        float last_x1 = -FLT_MAX;  // the label drawn before: never overlapped either
        for (const auto& t : ticks.ticks) {
            const float w = ImGui::CalcTextSize(t.label.c_str()).x;
            float x0 = static_cast<float>(t.x) + 3;
            if (x0 + w > right) x0 = static_cast<float>(t.x) - 3 - w;  // the last: left of its tick
            const float x1 = x0 + w;
            const bool covered = std::any_of(tags.begin(), tags.end(), [&](ImVec2 r) {
                return x0 < r.y + gap && x1 > r.x - gap;
            });
            if (covered || x0 < last_x1 + gap) continue;
            pdl->AddText(ImVec2(x0, origin.y + 1), faint_text_color(), t.label.c_str());
            last_x1 = x1;
        }
        pdl->PopClipRect();
    };
    ImGui::Dummy(ImVec2(avail.x, axis_h));

    // --- Lanes (scroll vertically when many) ---
    ImGui::BeginChild("lanes", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float task_h = std::round(fs + 4), state_h = std::round(fs * 0.6f),
                gil_h = std::round(fs + 4);
    const float gap = std::round(fs * 0.45f);
    float y = top.y;
    const ImVec2 clip_min = ImGui::GetWindowPos();
    const ImVec2 clip_max(clip_min.x + ImGui::GetWindowWidth(),
                          clip_min.y + ImGui::GetWindowHeight());
    const float x_end = p.view.x0 + p.view.width;

    // Grid lines behind everything.
    for (const auto& t : ticks.ticks)
        dl->AddLine(ImVec2(static_cast<float>(t.x), clip_min.y),
                    ImVec2(static_cast<float>(t.x), clip_max.y),
                    theme_is_dark() ? IM_COL32(255, 255, 255, 18) : IM_COL32(0, 0, 0, 20));

    // A frame that will not be drawn still needs the spans' regions when a click ends or the
    // mouse is over the lanes: the hover tooltip reads them. Without, each undrawn frame (the
    // GPU behind) dropped the tooltip and the next drawn one brought it back: it blinked, and
    // the changing frames kept an idle page awake.
    const bool hit_test_needed = io.MouseReleased[ImGuiMouseButton_Left] ||
                                 ImGui::IsMouseHoveringRect(clip_min, clip_max, false);
    std::vector<SpanQuad>& batch = p.renderer.new_batch();
    struct Label {
        float x0, x1, y;
        std::string text;
        ImU32 color;
    };
    std::vector<Label> labels;
    int row = 0;
    for (const LaneDesc& lane : sc.lanes) {
        const float h = lane.kind == LaneKind::gil ? gil_h : task_h + state_h + 2;
        sc.lane_y.push_back(y);
        sc.lane_y.push_back(y + h);
        const float y0 = y, y1 = y + h;
        y += h + gap;
        p.timeline_lanes.push_back(
            {lane.kind == LaneKind::worker ? int(lane.id) : -1, lane.name, y0, y1});
        // Not visible, or a frame that will not be drawn: no culling work at all, unless the
        // hit test below reads the regions (hit_test_needed: the web skips drawing while the
        // GPU is behind, so half the clicks in headless Chromium once selected nothing).
        if (y1 < clip_min.y || y0 > clip_max.y || !(p.shown || hit_test_needed)) {
            ++row;
            continue;
        }
        if (row++ % 2 == 0)
            dl->AddRectFilled(ImVec2(top.x, y0 - gap * 0.5f), ImVec2(x_end, y1 + gap * 0.5f),
                              theme_is_dark() ? IM_COL32(255, 255, 255, 8) : IM_COL32(0, 0, 0, 10));
        // A worker lane's colour (its ▶ in the editor, its GIL holds) at its left edge; the
        // selected lane (clicked) outlined in it.
        if (lane.kind == LaneKind::worker) {
            const ImU32 wc = worker_color(lane.id);
            const bool selected = p.selected_worker == int(lane.id);
            if (selected) {
                const ImVec4 c = ImGui::ColorConvertU32ToFloat4(wc);
                dl->AddRectFilled(ImVec2(top.x, y0 - gap * 0.5f), ImVec2(x_end, y1 + gap * 0.5f),
                                  ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, 0.16f)));
                dl->AddRect(ImVec2(top.x, y0 - gap * 0.5f), ImVec2(x_end, y1 + gap * 0.5f), wc, 3,
                            0, 2);
            }
            dl->AddRectFilled(ImVec2(top.x, y0), ImVec2(top.x + (selected ? 5 : 3), y1), wc);
        }
        // Lane label.
        dl->PushClipRect(ImVec2(top.x, y0 - gap), ImVec2(top.x + label_w - 6, y1 + gap), true);
        const ImU32 name_col = lane.kind == LaneKind::gil ? IM_COL32(240, 170, 60, 255)
                                                          : ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddText(ImVec2(top.x + 7, y0), name_col, lane.name.c_str());
        if (lane.kind == LaneKind::gil)
            dl->AddText(ImVec2(top.x + 7 + ImGui::CalcTextSize("GIL ").x, y0), faint_text_color(),
                        lane.detail.c_str());
        else
            dl->AddText(p.fonts.ui, fs * 0.8f, ImVec2(top.x + 7, y0 + fs), faint_text_color(),
                        lane.detail.c_str());
        dl->PopClipRect();

        if (lane.kind == LaneKind::gil) {
            if (lane.id < p.timeline.gil.size())
                strip(
                    sc, batch, p.timeline.gil[lane.id], p.view,
                    [](const engine::GilSpan& s) { return uint32_t(s.worker); }, y0, y1,
                    LaneKind::gil, lane.id, -2, color_worker);
            else
                sc.regions.push_back(
                    {y0, y1, LaneKind::gil, lane.id, -2, sc.quads.size(), sc.quads.size()});
            for (const auto& g : sc.open_gil) {
                if (g.process != lane.id) continue;
                const float a =
                    std::max(static_cast<float>(p.view.x_of(g.begin_ns)), p.view.x0 - 1);
                const float b = std::max(static_cast<float>(p.view.x_of(g.end_ns)), a + 1);
                if (b < p.view.x0 || a > x_end) continue;
                sc.quads.push_back({a, b, g.worker, -1, 1});
                batch.push_back({a, y0, b, y1, worker_color(g.worker)});
                sc.regions.back().q1 = sc.quads.size();
            }
            // Holder names where wide enough; hand-offs as ticks.
            const Region& rr = sc.regions.back();
            for (size_t i = rr.q0; i < rr.q1; ++i) {
                const LaneQuad& q = sc.quads[i];
                if (q.merged > 1) continue;
                if (i > rr.q0 && sc.quads[i - 1].key != q.key && q.x0 - sc.quads[i - 1].x1 < 2)
                    dl->AddLine(ImVec2(q.x0, y0 - 3), ImVec2(q.x0, y1 + 3),
                                IM_COL32(240, 170, 60, 255), 1.5f);
                if (q.x1 - q.x0 > fs * 3)
                    labels.push_back({q.x0, q.x1, y0 + 2,
                                      worker_name(p, static_cast<uint16_t>(q.key)),
                                      text_color_on(worker_color(static_cast<uint16_t>(q.key)))});
            }
            continue;
        }

        // Tasks (innermost on top), then the state strip.
        const float ty0 = y0, ty1 = y0 + task_h, sy0 = ty1 + 2, sy1 = sy0 + state_h;
        if (lane.id < p.timeline.tasks.size()) {
            const auto& depths = p.timeline.tasks[lane.id];
            for (size_t d = 0; d < depths.size(); ++d) {
                strip(
                    sc, batch, depths[d], p.view, [](const engine::TaskSpan& s) { return s.task; },
                    ty0, ty1, LaneKind::worker, lane.id, static_cast<int>(d), color_task);
            }
        }
        for (const auto& t : sc.open_tasks)
            if (t.worker == lane.id) {
                const float a =
                    std::max(static_cast<float>(p.view.x_of(t.begin_ns)), p.view.x0 - 1);
                const float b = static_cast<float>(p.view.x_of(t.end_ns));
                if (b < p.view.x0 || a > x_end) continue;
                sc.quads.push_back({a, std::max(b, a + 1), t.task, -1, 1});
                batch.push_back({a, ty0, std::max(b, a + 1), ty1, task_color(t.task)});
                sc.regions.push_back({ty0, ty1, LaneKind::worker, lane.id, t.depth,
                                      sc.quads.size() - 1, sc.quads.size()});
            }
        // Labels: task names on spans wide enough.
        for (const Region& r : sc.regions) {
            if (r.kind != LaneKind::worker || r.id != lane.id || r.depth < 0) continue;
            for (size_t i = r.q0; i < r.q1; ++i) {
                const LaneQuad& q = sc.quads[i];
                if (q.merged > 1 || q.x1 - q.x0 < fs * 2.5f) continue;
                labels.push_back(
                    {q.x0, q.x1, ty0 + 2, task_name(p, q.key), IM_COL32(20, 20, 24, 255)});
            }
        }
        if (lane.id < p.timeline.states.size())
            strip(
                sc, batch, p.timeline.states[lane.id], p.view,
                [](const engine::Span& s) { return uint32_t(s.state); }, sy0, sy1, LaneKind::worker,
                lane.id, -1, color_state);
        else
            sc.regions.push_back(
                {sy0, sy1, LaneKind::worker, lane.id, -1, sc.quads.size(), sc.quads.size()});
        for (const auto& s : sc.open_states)
            if (s.worker == lane.id) {
                const float a =
                    std::max(static_cast<float>(p.view.x_of(s.begin_ns)), p.view.x0 - 1);
                const float b = static_cast<float>(p.view.x_of(s.end_ns));
                if (b < p.view.x0 || a > x_end) continue;
                sc.quads.push_back({a, std::max(b, a + 1), uint32_t(s.state), -1, 1});
                batch.push_back({a, sy0, std::max(b, a + 1), sy1, state_color(s.state)});
                sc.regions.back().q1 = sc.quads.size();
            }
    }
    const float content_h = y - top.y;

    // Spans: clipped to the lanes area right of the labels; in a replay, also at its moment
    // (the lanes as they had grown by then).
    const int64_t view_t = p.view_t_ns();
    const float x_t = view_t >= 0
                          ? std::clamp(static_cast<float>(p.view.x_of(static_cast<double>(view_t))),
                                       p.view.x0, x_end)
                          : x_end;
    dl->PushClipRect(ImVec2(p.view.x0, clip_min.y), ImVec2(x_t, clip_max.y), true);
    p.renderer.submit(dl);
    for (const Label& l : labels) {
        const float x0 = std::max(l.x0, p.view.x0) + 3;
        const ImVec4 clip(x0, l.y, std::min(l.x1, x_end) - 2, l.y + fs + 2);
        if (clip.z - clip.x < fs) continue;
        dl->AddText(p.fonts.ui, fs * 0.9f, ImVec2(x0, l.y), l.color, l.text.c_str(), nullptr, 0,
                    &clip);
    }
    if (p.trace_full_ns >= 0) {  // the tracer dropped events from here on: say so, not guess
        const float x = std::max(
            static_cast<float>(p.view.x_of(static_cast<double>(p.trace_full_ns))), p.view.x0);
        draw_unseen(dl, ImVec2(x, clip_min.y), ImVec2(x_end, clip_max.y),
                    "not recorded (trace full: see the status bar)");
    }
    if (running) {
        const float x = static_cast<float>(p.view.x_of(now_ns));
        dl->AddLine(ImVec2(x, clip_min.y), ImVec2(x, clip_max.y), accent_color(), 2);
    }
    dl->PopClipRect();
    if (view_t >= 0) {
        draw_replay_cursor(dl, x_t, clip_min.y, clip_max.y);
        tags.push_back(
            draw_time_tag(pdl, x_t, origin.y + 1, format_duration(static_cast<double>(view_t))));
    }

    // --- Interaction: an invisible button over the whole lane area ---
    ImGui::SetCursorScreenPos(top);
    const bool released = ImGui::InvisibleButton(
        "canvas", ImVec2(std::max(avail.x - ImGui::GetStyle().ScrollbarSize, 1.f),
                         std::max(content_h, ImGui::GetContentRegionAvail().y)));
    p.controls.note("timeline:lanes", ControlKind::area, false);
    const bool hovered = ImGui::IsItemHovered();
    // A click (released where it was pressed, not a drag) selects the thread under it, or
    // clears the selection on empty space.
    const ImVec2 moved(io.MousePos.x - io.MouseClickedPos[ImGuiMouseButton_Left].x,
                       io.MousePos.y - io.MouseClickedPos[ImGuiMouseButton_Left].y);
    const float drag_px = 3 * p.dpi;
    // Pressed and released over the lanes, whoever held ImGui's active item meanwhile: the
    // button alone missed clicks made while another widget (the editor, keeping the keyboard)
    // was active.
    const ImVec2 cmin = ImGui::GetItemRectMin(), cmax = ImGui::GetItemRectMax();
    auto inside = [&](ImVec2 v) {
        return v.x >= cmin.x && v.y >= cmin.y && v.x < cmax.x && v.y < cmax.y;
    };
    const bool released_over =
        ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        inside(io.MousePos) && inside(io.MouseClickedPos[ImGuiMouseButton_Left]);
    const bool clicked =
        (released || released_over) && moved.x * moved.x + moved.y * moved.y < drag_px * drag_px;
    // Shift+wheel scrolls the lanes; some browsers turn Shift+wheel into a horizontal wheel.
    const float shift_wheel = io.MouseWheel != 0 ? io.MouseWheel : io.MouseWheelH;
    if (hovered && io.KeyShift && shift_wheel != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() - shift_wheel * (task_h + state_h + gap) * 2);
    } else if (hovered && io.MouseWheel != 0) {
        p.follow = false;
        p.view.zoom_at(std::max(io.MousePos.x, p.view.x0), std::pow(1.25, io.MouseWheel), 1.0, 1e9);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        p.follow = false;
        p.view.pan_px(io.MouseDelta.x);
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) p.follow = true;

    // Hover over a lane's name: its full name (long pool names are cut in the column); a
    // click there selects the lane's thread.
    if ((hovered || clicked) && io.MousePos.x < p.view.x0) {
        const LaneDesc* on = nullptr;
        for (size_t l = 0; l < sc.lanes.size() && 2 * l + 1 < sc.lane_y.size(); ++l)
            if (io.MousePos.y >= sc.lane_y[2 * l] && io.MousePos.y < sc.lane_y[2 * l + 1])
                on = &sc.lanes[l];
        if (on && hovered)
            ImGui::SetTooltip("%s (%s)%s", on->name.c_str(), on->detail.c_str(),
                              on->kind == LaneKind::worker ? "\nclick: show its lines" : "");
        if (clicked) p.selected_worker = on && on->kind == LaneKind::worker ? int(on->id) : -1;
    }
    // Hover: the quad under the mouse, in the strip under the mouse. In a replay, nothing
    // right of its moment: those spans are not drawn yet (nor hoverable, nor clickable).
    const bool before_t = view_t < 0 || io.MousePos.x <= x_t;
    if ((hovered || clicked) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2) &&
        io.MousePos.x >= p.view.x0) {
        const Region* best = nullptr;
        const LaneQuad* hit = nullptr;
        for (const Region& r : sc.regions) {
            if (!before_t || io.MousePos.y < r.y0 || io.MousePos.y >= r.y1) continue;
            for (size_t i = r.q0; i < r.q1; ++i) {
                const LaneQuad& q = sc.quads[i];
                if (view_t >= 0 && q.x0 > x_t) continue;  // begins after the replay's t
                if (io.MousePos.x >= q.x0 - 0.5f && io.MousePos.x < q.x1 + 0.5f) {
                    best = &r;
                    hit = &q;  // later regions (deeper tasks, open spans) win
                }
            }
        }
        // A span's thread: the lane's worker, or for a GIL hold the worker holding it.
        if (clicked)
            p.selected_worker = !hit                          ? -1
                                : best->kind == LaneKind::gil ? int(hit->key)
                                                              : int(best->id);
        if (hit && hovered) {
            tooltip_for(p, sc, *best, *hit, p.view, view_t);
            p.timeline_hover_span = true;
        }
        // A cursor line, and the time under the mouse on the axis; the editor's line markers
        // show that moment (in a replay, no later than its t: the future is not shown).
        p.timeline_hover_ns = view_t >= 0 ? std::min(p.view.t_of(io.MousePos.x), double(view_t))
                                          : p.view.t_of(io.MousePos.x);
        const std::string t = format_duration(p.view.t_of(io.MousePos.x));
        dl->AddLine(ImVec2(io.MousePos.x, clip_min.y), ImVec2(io.MousePos.x, clip_max.y),
                    theme_is_dark() ? IM_COL32(255, 255, 255, 70) : IM_COL32(0, 0, 0, 70));
        // Beside the replay's tag when they would overlap, on the mouse's side of it.
        float min_x0 = -FLT_MAX;
        float x = io.MousePos.x;
        if (!tags.empty()) {
            const ImVec2 r = tags.front();
            const float w = ImGui::CalcTextSize(t.c_str()).x + 8;
            if (x - w * 0.5f < r.y + 2 && x + w * 0.5f > r.x - 2) {
                if (x < (r.x + r.y) * 0.5f)
                    x = r.x - 2 - w * 0.5f;  // left of it
                else
                    min_x0 = r.y + 2;  // right of it
            }
        }
        tags.push_back(draw_time_tag(pdl, x, origin.y + 1, t, min_x0));
    }
    draw_axis_labels();
    ImGui::EndChild();
}

}  // namespace interleave::ui
