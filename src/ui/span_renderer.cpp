#include "ui/span_renderer.hpp"

#include <cstddef>
#include <cstdio>
#include <string>

#include "ui/frame_pacing.hpp"
#include "ui/gl.hpp"

// shaders/*.glsl, embedded by shaders/embed.cmake. A build without it still draws the
// timeline, through ImDrawList (init_gl() reports failure).
#if __has_include("interleave_shaders.hpp")
#include "interleave_shaders.hpp"
#define INTERLEAVE_HAS_SHADERS 1
#endif

namespace interleave::ui {

static_assert(sizeof(SpanQuad) == 20, "SpanQuad is uploaded as-is: 4 floats + RGBA8");

SpanRenderer::SpanRenderer() = default;
SpanRenderer::~SpanRenderer() = default;  // GL objects are released by shutdown_gl()

namespace {

[[maybe_unused]] GLuint compile(GLenum type, const char* body) {
    const std::string src = std::string(INTERLEAVE_GLSL_HEADER) + body;
    const char* p = src.c_str();
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &p, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "interleave: timeline shader failed to compile: %s\n", log);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

bool SpanRenderer::init_gl() {
    shutdown_gl();
#ifndef INTERLEAVE_HAS_SHADERS
    return false;
#else
    GLuint vs = compile(GL_VERTEX_SHADER, shaders::span_vert);
    GLuint fs = compile(GL_FRAGMENT_SHADER, shaders::span_frag);
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        if (fs) glDeleteShader(fs);
        return false;
    }
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "interleave: timeline shader failed to link\n");
        glDeleteProgram(program_);
        program_ = 0;
        return false;
    }
    loc_pos_ = glGetUniformLocation(program_, "u_display_pos");
    loc_size_ = glGetUniformLocation(program_, "u_display_size");

    // Remember what ImGui's backend had bound; the ResetRenderState callback restores the
    // rest at draw time, but init may run between frames with its VAO bound.
    GLint prev_vao = 0, prev_vbo = 0;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &prev_vao);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &prev_vbo);
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(SpanQuad),
                          reinterpret_cast<void*>(offsetof(SpanQuad, x0)));
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(SpanQuad),
                          reinterpret_cast<void*>(offsetof(SpanQuad, color)));
    glVertexAttribDivisor(1, 1);
    glBindVertexArray(static_cast<GLuint>(prev_vao));
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(prev_vbo));
    vbo_capacity_ = 0;
    gl_ready_ = true;
    return true;
#endif
}

void SpanRenderer::shutdown_gl() {
    if (program_) glDeleteProgram(program_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    program_ = vao_ = vbo_ = 0;
    gl_ready_ = false;
}

void SpanRenderer::begin_frame() {
    for (size_t i = 0; i < used_; ++i) batches_[i]->quads.clear();
    used_ = 0;
    quads_ = 0;
}

uint64_t SpanRenderer::fingerprint(uint64_t h) const {
    for (size_t i = 0; i < used_; ++i) {
        const std::vector<SpanQuad>& q = batches_[i]->quads;
        h = fingerprint_bytes(h, q.data(), q.size() * sizeof(SpanQuad));
    }
    return h;
}

std::vector<SpanQuad>& SpanRenderer::new_batch() {
    if (used_ == batches_.size()) {
        batches_.push_back(std::make_unique<Batch>());
        batches_.back()->owner = this;
    }
    return batches_[used_++]->quads;
}

void SpanRenderer::submit(ImDrawList* dl) {
    if (used_ == 0) return;
    Batch& b = *batches_[used_ - 1];
    quads_ += b.quads.size();
    if (b.quads.empty() || collect_only_) return;
    if (!gl_ready_) {
        // Fallback: ImGui's own triangles (same picture, more CPU per span).
        for (const SpanQuad& q : b.quads)
            dl->AddRectFilled(ImVec2(q.x0, q.y0), ImVec2(q.x1, q.y1), q.color);
        return;
    }
    dl->AddCallback(&SpanRenderer::draw_callback, &b);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void SpanRenderer::draw_callback(const ImDrawList*, const ImDrawCmd* cmd) {
    const Batch* b = static_cast<const Batch*>(cmd->UserCallbackData);
    b->owner->draw_batch(*b, cmd);
}

void SpanRenderer::draw_batch(const Batch& b, const ImDrawCmd* cmd) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || b.quads.empty()) return;
    const ImVec2 pos = dd->DisplayPos, size = dd->DisplaySize, scale = dd->FramebufferScale;
    const float fb_h = size.y * scale.y;
    // The callback's clip rect, in framebuffer pixels (GL's origin is bottom-left).
    const float cx0 = (cmd->ClipRect.x - pos.x) * scale.x;
    const float cy0 = (cmd->ClipRect.y - pos.y) * scale.y;
    const float cx1 = (cmd->ClipRect.z - pos.x) * scale.x;
    const float cy1 = (cmd->ClipRect.w - pos.y) * scale.y;
    if (cx1 <= cx0 || cy1 <= cy0) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(cx0), static_cast<GLint>(fb_h - cy1),
              static_cast<GLsizei>(cx1 - cx0), static_cast<GLsizei>(cy1 - cy0));
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(program_);
    glUniform2f(loc_pos_, pos.x, pos.y);
    glUniform2f(loc_size_, size.x, size.y);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    const size_t bytes = b.quads.size() * sizeof(SpanQuad);
    if (bytes > vbo_capacity_) {
        vbo_capacity_ = bytes * 3 / 2;
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vbo_capacity_), nullptr,
                     GL_STREAM_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), b.quads.data());
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(b.quads.size()));
    glBindVertexArray(0);
}

}  // namespace interleave::ui
