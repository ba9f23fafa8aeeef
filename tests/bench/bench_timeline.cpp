// Timeline CPU time per frame with 100,000 spans (target: <= 8 ms). Prints figures only.
//
// Draws the real timeline panel (ui::draw_timeline_panel) into a headless ImGui context,
// 1280x800, over a synthetic run: 8 workers in 3 processes, ~100k spans (states, tasks, GIL
// holds) over 10 s. Three views: the whole run (everything merged into pixels), 1 s, and
// 20 ms (few, wide, labelled spans). Two paths: "gl" collects the instanced quads as the GL
// renderer does (upload/draw is GPU work, not measured), "drawlist" is the no-GL fallback
// that turns every quad into ImGui triangles.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

#include "ui/playground.hpp"

using namespace interleave;
using Clock = std::chrono::steady_clock;

// This thread's CPU time: the figure that matters on a machine shared with other work (wall
// time also counts time the scheduler gave to others).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

namespace {

void fill(ui::Playground& p, size_t target_spans) {
    std::mt19937 rng(42);
    const int workers = 8;
    const int64_t total_ns = 10'000'000'000;  // 10 s
    p.workers.clear();
    p.worker_names.clear();
    for (int w = 0; w < workers; ++w) {
        engine::WorkerInfo info;
        info.id = static_cast<uint16_t>(w);
        info.process = static_cast<uint16_t>(w < 4 ? 0 : (w < 6 ? 1 : 2));
        info.kind = w == 0 ? engine::WorkerKind::main : engine::WorkerKind::thread;
        info.name = w == 0 ? "MainThread" : "Thread-" + std::to_string(w);
        p.workers.push_back(info);
        p.worker_names.push_back(info.name);
    }
    for (uint32_t t = 1; t <= 400; ++t) p.tasks.push_back({t, "Task " + std::to_string(t)});
    // State spans: ~85% of the budget, split evenly; task spans ~10%; GIL ~5%.
    const size_t per_worker = target_spans * 85 / 100 / workers;
    const engine::WorkerState cycle[] = {
        engine::WorkerState::running, engine::WorkerState::gil_wait,  engine::WorkerState::running,
        engine::WorkerState::io_wait, engine::WorkerState::lock_wait, engine::WorkerState::idle};
    for (int w = 0; w < workers; ++w) {
        const double mean = static_cast<double>(total_ns) / static_cast<double>(per_worker);
        std::exponential_distribution<double> d(1.0 / mean);
        int64_t t = 0;
        for (size_t i = 0; i < per_worker && t < total_ns; ++i) {
            const int64_t len = std::max<int64_t>(5'000, static_cast<int64_t>(d(rng)));
            engine::Span s{t, t + len, static_cast<uint32_t>(1 + (i / 200) % 400),
                           static_cast<uint16_t>(w), cycle[(i + static_cast<size_t>(w)) % 6]};
            p.timeline.add_state(s);
            t += len;
        }
        // Task spans: depth 0 = the thread's own, depth 1 = pool tasks inside it.
        const size_t ntask = target_spans / 10 / workers;
        const int64_t tl = total_ns / static_cast<int64_t>(ntask);
        p.timeline.add_task(
            {0, total_ns, static_cast<uint32_t>(w + 1), static_cast<uint16_t>(w), 0});
        for (size_t i = 0; i < ntask; ++i)
            p.timeline.add_task({static_cast<int64_t>(i) * tl,
                                 static_cast<int64_t>(i) * tl + tl * 9 / 10,
                                 static_cast<uint32_t>(1 + (i * 7 + static_cast<size_t>(w)) % 400),
                                 static_cast<uint16_t>(w), 1});
    }
    for (uint16_t proc = 0; proc < 3; ++proc) {
        const size_t n = target_spans * 5 / 100 / 3;
        const int64_t gl = total_ns / static_cast<int64_t>(n);
        for (size_t i = 0; i < n; ++i)
            p.timeline.add_gil(
                {static_cast<int64_t>(i) * gl, static_cast<int64_t>(i + 1) * gl,
                 static_cast<uint16_t>(proc == 0 ? i % 4 : (proc == 1 ? 4 + i % 2 : 6 + i % 2)),
                 proc});
    }
}

struct Figures {
    double mean_ms, p50_ms, p95_ms, max_ms;  // thread CPU time per frame
    double wall_p50_ms;
    size_t quads, vertices;
};

Figures measure(ui::Playground& p, int frames) {
    std::vector<double> ms, wall;
    size_t quads = 0, vertices = 0;
    for (int f = 0; f < frames + 5; ++f) {
        const auto t0 = Clock::now();
        const double c0 = thread_cpu_ms();
        ImGui::NewFrame();
        p.renderer.begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 800));
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
        ui::draw_timeline_panel(p);
        ImGui::End();
        ImGui::Render();
        const double c1 = thread_cpu_ms();
        const auto t1 = Clock::now();
        if (f >= 5) {
            ms.push_back(c1 - c0);
            wall.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        quads = p.renderer.quads_this_frame();
        vertices = static_cast<size_t>(ImGui::GetDrawData()->TotalVtxCount);
    }
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double x : ms) sum += x;
    std::sort(wall.begin(), wall.end());
    return {sum / static_cast<double>(ms.size()),
            ms[ms.size() / 2],
            ms[ms.size() * 95 / 100],
            ms.back(),
            wall[wall.size() / 2],
            quads,
            vertices};
}

}  // namespace

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.f / 60;
    ui::Playground p;
    p.fonts = ui::load_fonts(1.0f);
    ui::apply_theme(true, 1.0f);
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    io.MousePos = ImVec2(640, 400);  // over the lanes: tooltips and hover are part of the cost

    fill(p, 101'000);
    std::printf("bench_timeline: %zu spans, 8 workers, 3 processes, 10 s; 1280x800 window\n",
                p.timeline.span_count());
    std::printf("CPU time of the drawing thread per frame (wall-clock p50 alongside)\n");
    std::printf("%-10s %-9s %9s %9s %9s %9s %10s %8s %9s\n", "path", "view", "mean ms", "p50 ms",
                "p95 ms", "max ms", "wall p50", "quads", "vertices");
    struct View {
        const char* name;
        double t0, t1;
    };
    const View views[] = {{"all 10 s", 0, 10e9}, {"1 s", 4e9, 5e9}, {"20 ms", 5e9, 5.02e9}};
    for (int path = 0; path < 2; ++path) {
        p.renderer.set_collect_only(path == 0);
        for (const View& v : views) {
            p.follow = false;
            // One frame to lay out, then fit the requested range into the view's width.
            measure(p, 1);
            p.view.fit(v.t0, v.t1, 0);
            const Figures f = measure(p, 200);
            std::printf("%-10s %-9s %9.3f %9.3f %9.3f %9.3f %10.3f %8zu %9zu\n",
                        path == 0 ? "gl" : "drawlist", v.name, f.mean_ms, f.p50_ms, f.p95_ms,
                        f.max_ms, f.wall_p50_ms, f.quads, f.vertices);
        }
    }
    std::printf("target: <= 8 ms CPU per frame (gl path)\n");
    ImGui::DestroyContext();
    return 0;
}
