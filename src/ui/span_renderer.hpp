// Interleave UI — draws many coloured rectangles (timeline spans) as GL instanced quads
// inside an ImGui window: the quads are collected during the frame, and an ImDrawList
// callback uploads and draws them at the right point of ImGui's draw order with the
// window's clip rect, then asks the backend to restore its render state
// (ImDrawCallback_ResetRenderState).
//
// Without GL (init_gl() not called or failed, e.g. the benchmark) it falls back to
// ImDrawList::AddRectFilled, so the same panel code runs everywhere.
//
// Main thread only. Checklist: GL 3.3 core ✓, WebGL2 ✓, per-window clip rect ✓,
// framebuffer scale (HiDPI) ✓, streaming buffer reuse ✓, multi-viewport ✗ (not used).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace interleave::ui {

struct SpanQuad {
    float x0, y0, x1, y1;  // ImGui display pixels
    ImU32 color;
};

class SpanRenderer {
  public:
    SpanRenderer();
    ~SpanRenderer();

    bool init_gl();  // compiles the shaders; false (and falls back) if GL is unusable
    void shutdown_gl();
    bool gl_ready() const { return gl_ready_; }

    // Start of a frame: recycles last frame's batches (their callbacks have run).
    void begin_frame();
    // A batch to fill, drawn where submit() is called in `dl`'s command stream.
    std::vector<SpanQuad>& new_batch();
    void submit(ImDrawList* dl);

    size_t quads_this_frame() const { return quads_; }
    // `h` mixed with this frame's quads (what the GL callbacks draw, which ImGui's draw data
    // only points to): frame pacing's fingerprint (ui/frame_pacing.hpp).
    uint64_t fingerprint(uint64_t h) const;
    // Benchmarks: collect quads as the GL path does, but draw nothing (no GL context).
    void set_collect_only(bool on) { collect_only_ = on; }

  private:
    struct Batch {
        SpanRenderer* owner = nullptr;
        std::vector<SpanQuad> quads;
    };
    static void draw_callback(const ImDrawList* dl, const ImDrawCmd* cmd);
    void draw_batch(const Batch& b, const ImDrawCmd* cmd);

    std::vector<std::unique_ptr<Batch>> batches_;
    size_t used_ = 0;
    size_t quads_ = 0;
    bool gl_ready_ = false;
    bool collect_only_ = false;
    unsigned program_ = 0, vao_ = 0, vbo_ = 0;
    int loc_pos_ = -1, loc_size_ = -1;
    size_t vbo_capacity_ = 0;
};

}  // namespace interleave::ui
