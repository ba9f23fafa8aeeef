// The code editor widget's drawing: the per-change cache (joined text, Python tokens, line
// starts, widest line), then per frame only the visible lines: current-line band, find
// matches, selection, bracket pair, coloured text, error underline and message, caret, and
// the gutter (line numbers, ● error, ▶ threads, their tooltips).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "ui/editor/code_editor.hpp"
#include "ui/fallback_glyphs.hpp"
#include "ui/theme.hpp"

namespace interleave::ui {

namespace {

ImU32 alpha(ImU32 c, float a) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= a;
    return ImGui::ColorConvertFloat4ToU32(v);
}

constexpr ImU32 kErrorColor = IM_COL32(235, 80, 70, 255);
// The caret blinks: shown kBlinkOnS, then hidden for the rest of kBlinkPeriodS.
constexpr double kBlinkPeriodS = 1.2, kBlinkOnS = 0.6;

}  // namespace

void CodeEditor::refresh_cache() {
    if (cached_version_ == model_.version()) return;
    cached_version_ = model_.version();
    const int n = model_.line_count();
    line_state_.resize(static_cast<size_t>(n) + 1);
    line_state_[0] = PyLineState::code;
    max_cells_ = 0;
    for (int l = 0; l < n; ++l) {
        const std::string& s = model_.line(l);
        line_state_[static_cast<size_t>(l) + 1] =
            python_state_after_line(s, line_state_[static_cast<size_t>(l)]);
        // Bytes bound the cells from above unless the line has tabs: count exactly only then.
        const auto len = static_cast<int>(s.size());
        if (len > max_cells_ || s.find('\t') != std::string::npos)
            max_cells_ = std::max(max_cells_, model_.cells(l, len));
    }
}

void CodeEditor::lex_visible(int first, int last) {
    if (chunk_version_ == model_.version() && chunk_first_ == first && chunk_last_ == last) return;
    chunk_version_ = model_.version();
    chunk_first_ = first;
    chunk_last_ = last;
    chunk_.clear();
    chunk_starts_.clear();
    for (int l = first; l <= last; ++l) {
        chunk_starts_.push_back(static_cast<uint32_t>(chunk_.size()));
        chunk_ += model_.line(l);
        chunk_ += '\n';
    }
    chunk_tokens_ = lex_python(chunk_, line_state_[static_cast<size_t>(first)]);
}

void CodeEditor::draw_text(ImDrawList* dl, ImVec2 origin, float gutter_w, int first, int last) {
    if (last < first) return;
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const float text_dy = std::round((line_h_ - fs) * 0.5f);
    const ImVec2 clip_min(view_min_.x + gutter_w - char_w_ * 0.5f, view_min_.y);
    dl->PushClipRect(clip_min, view_max_, true);
    const TextRange sel = model_.selection();
    const TextPos caret = model_.cursor();
    auto line_y = [&](int l) { return origin.y + static_cast<float>(l) * line_h_; };

    // Current line band (focused, no selection).
    if (focused_ && sel.empty() && caret.line >= first && caret.line <= last)
        dl->AddRectFilled(ImVec2(clip_min.x, line_y(caret.line)),
                          ImVec2(view_max_.x, line_y(caret.line) + line_h_),
                          alpha(ImGui::GetColorU32(ImGuiCol_Text), 0.045f));

    // The selected thread's lines: a band in its colour (under find matches and selection).
    for (const Marker& m : model_.markers()) {
        if (m.kind != MarkerKind::thread_line || m.line < first || m.line > last) continue;
        dl->AddRectFilled(
            ImVec2(clip_min.x, line_y(m.line)), ImVec2(view_max_.x, line_y(m.line) + line_h_),
            alpha(m.color ? m.color : accent_color(), theme_is_dark() ? 0.20f : 0.24f));
    }

    // Find matches on the visible lines.
    if (find_open_ && find_buf_[0]) {
        const ImU32 col = alpha(accent_color(), 0.30f);
        const std::string_view needle(find_buf_);
        for (int l = first; l <= last; ++l) {
            TextPos from{l, 0};
            for (int guard = 0; guard < 200; ++guard) {
                const auto r = model_.find(needle, from, true, find_case_);
                if (!r || r->begin.line != l || r->begin < from) break;
                dl->AddRectFilled(ImVec2(x_of(origin, gutter_w, r->begin), line_y(l)),
                                  ImVec2(x_of(origin, gutter_w, r->end), line_y(l) + line_h_), col);
                from = r->end;
            }
        }
    }

    // Selection: per line, from the start column to the end column (plus a sliver for the
    // line break when the selection continues past it).
    if (!sel.empty()) {
        const ImU32 col = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
        for (int l = std::max(first, sel.begin.line); l <= std::min(last, sel.end.line); ++l) {
            const int c0 = l == sel.begin.line ? sel.begin.col : 0;
            const int c1 =
                l == sel.end.line ? sel.end.col : static_cast<int>(model_.line(l).size());
            float x1 = x_of(origin, gutter_w, {l, c1});
            if (l < sel.end.line) x1 += char_w_ * 0.6f;
            dl->AddRectFilled(ImVec2(x_of(origin, gutter_w, {l, c0}), line_y(l)),
                              ImVec2(x1, line_y(l) + line_h_), col);
        }
    }

    // Bracket pair at the caret (cached per text version and caret).
    if (focused_) {
        if (bracket_version_ != model_.version() || bracket_caret_ != caret) {
            bracket_version_ = model_.version();
            bracket_caret_ = caret;
            bracket_ = model_.match_bracket(caret);
        }
        if (bracket_) {
            const ImU32 col = alpha(ImGui::GetColorU32(ImGuiCol_Text), 0.55f);
            for (TextPos p : {bracket_->open, bracket_->close}) {
                if (p.line < first || p.line > last) continue;
                const float x = x_of(origin, gutter_w, p);
                dl->AddRect(ImVec2(x, line_y(p.line) + 1),
                            ImVec2(x + char_w_, line_y(p.line) + line_h_ - 1), col, 2.f);
            }
        }
    }

    // Text, token by token (tokens never span lines; tabs inside a token advance to stops).
    lex_visible(first, last);
    fallback_glyphs().note(font, chunk_);  // CJK, emoji...: added to the atlas when first seen
    size_t tok = 0;
    for (int l = first; l <= last; ++l) {
        const uint32_t lb = chunk_starts_[static_cast<size_t>(l - first)];
        const uint32_t le = lb + static_cast<uint32_t>(model_.line(l).size());
        const float y = line_y(l) + text_dy;
        while (tok < chunk_tokens_.size() && chunk_tokens_[tok].begin < le) {
            const PySpan& t = chunk_tokens_[tok++];
            if (t.begin < lb) continue;
            const ImU32 col = syntax_color(t.kind);
            uint32_t s = t.begin;
            while (s < t.end) {
                uint32_t e = s;
                while (e < t.end && chunk_[e] != '\t') ++e;
                if (e > s) {
                    const float x = x_of(origin, gutter_w, {l, static_cast<int>(s - lb)});
                    if (x < view_max_.x)
                        dl->AddText(font, fs, ImVec2(x, y), col, chunk_.data() + s,
                                    chunk_.data() + e);
                }
                s = e + (e < t.end ? 1 : 0);
            }
        }
    }

    // The error: underline (its columns, else the line's text) and the message after the line.
    std::map<int, float> message_end;  // line -> where its last message ends
    for (const Marker& m : model_.markers()) {
        if (m.kind != MarkerKind::error || m.line < first || m.line > last) continue;
        const ImU32 col = m.color ? m.color : kErrorColor;
        const std::string& s = model_.line(m.line);
        int c0 = m.col_begin, c1 = m.col_end;
        if (c0 < 0 || c1 <= c0) {
            c0 = model_.indent_of(m.line);
            c1 = static_cast<int>(s.size());
        }
        c0 = model_.clamp({m.line, c0}).col;
        c1 = std::max(model_.clamp({m.line, c1}).col, c0);
        const float x0 = x_of(origin, gutter_w, {m.line, c0});
        const float x1 = std::max(x_of(origin, gutter_w, {m.line, c1}), x0 + char_w_);
        const float y = line_y(m.line) + line_h_ - 2;
        // A wavy line, as editors mark errors.
        for (float x = x0; x < x1; x += 4)
            dl->AddLine(ImVec2(x, y + ((static_cast<int>((x - x0) / 4) & 1) ? -1.5f : 0.5f)),
                        ImVec2(std::min(x + 4, x1),
                               y + ((static_cast<int>((x - x0) / 4) & 1) ? 0.5f : -1.5f)),
                        col, 1.2f);
        const std::string msg = m.label.empty() ? m.detail : m.label + ": " + m.detail;
        float mx = x_of(origin, gutter_w, {m.line, static_cast<int>(s.size())}) + char_w_ * 3;
        if (const auto prev = message_end.find(m.line); prev != message_end.end())
            mx = std::max(mx, prev->second + char_w_ * 2);  // a second error on the line: after
        fallback_glyphs().note(font, msg);
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, msg.c_str());
        // On a faint band, so the message reads as a note, not as code.
        dl->AddRectFilled(ImVec2(mx - char_w_ * 0.5f, line_y(m.line) + 1),
                          ImVec2(mx + ts.x + char_w_ * 0.5f, line_y(m.line) + line_h_ - 1),
                          alpha(col, 0.14f), 3);
        dl->AddText(font, fs, ImVec2(mx, line_y(m.line) + text_dy), alpha(col, 0.95f), msg.c_str());
        message_end[m.line] = mx + ts.x;
    }

    // Caret: blinks (0.6 s on, 0.6 s off), solid right after a move or edit.
    caret_screen_ = ImVec2(x_of(origin, gutter_w, caret), line_y(caret.line));
    float caret_x = caret_screen_.x;
    // An IME composition (web): at the caret, over what follows it, underlined, the caret
    // after it; committed, it arrives as typed text.
    if (focused_ && !composition_.empty() && caret.line >= first && caret.line <= last) {
        fallback_glyphs().note(font, composition_);
        const char* b = composition_.data();
        const char* e = b + composition_.size();
        const float w = font->CalcTextSizeA(fs, FLT_MAX, 0, b, e).x;
        const ImVec2 p0 = caret_screen_;
        const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddRectFilled(p0, ImVec2(p0.x + w + char_w_ * 0.5f, p0.y + line_h_),
                          ImGui::GetColorU32(ImGuiCol_ChildBg));
        dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + line_h_), alpha(accent_color(), 0.16f));
        dl->AddText(font, fs, ImVec2(p0.x, p0.y + text_dy), text_col, b, e);
        dl->AddLine(ImVec2(p0.x, p0.y + line_h_ - 2), ImVec2(p0.x + w, p0.y + line_h_ - 2),
                    text_col, std::max(1.f, std::round(fs / 12)));
        caret_x = p0.x + w;
    }
    if (focused_ && caret.line >= first && caret.line <= last) {
        const double t = ImGui::GetTime() - caret_reset_time_;
        if (std::fmod(t, kBlinkPeriodS) < kBlinkOnS || read_only || !composition_.empty())
            dl->AddRectFilled(ImVec2(caret_x - 1, caret_screen_.y + 1),
                              ImVec2(caret_x + 1, caret_screen_.y + line_h_ - 1),
                              read_only ? faint_text_color() : ImGui::GetColorU32(ImGuiCol_Text));
    }
    dl->PopClipRect();
}

double CodeEditor::caret_blink_in_s() const {
    if (!focused_ || read_only || !composition_.empty() || !ImGui::GetCurrentContext())
        return std::numeric_limits<double>::infinity();
    const double m = std::fmod(std::max(0.0, ImGui::GetTime() - caret_reset_time_), kBlinkPeriodS);
    return m < kBlinkOnS ? kBlinkOnS - m : kBlinkPeriodS - m;
}

void CodeEditor::draw_gutter(ImDrawList* dl, ImVec2 win_pos, ImVec2 origin, float gutter_w,
                             int first, int last) {
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const float text_dy = std::round((line_h_ - fs) * 0.5f);
    const float x0 = win_pos.x;
    dl->AddRectFilled(ImVec2(x0, view_min_.y), ImVec2(x0 + gutter_w - char_w_ * 0.5f, view_max_.y),
                      alpha(ImGui::GetColorU32(ImGuiCol_Text), 0.035f));
    const int caret_line = model_.cursor().line;
    char num[16];
    for (int l = first; l <= last; ++l) {
        const float y = origin.y + static_cast<float>(l) * line_h_;
        const int n = std::snprintf(num, sizeof num, "%d", l + 1);
        const float w = static_cast<float>(n) * char_w_;
        const ImU32 col =
            l == caret_line && focused_ ? ImGui::GetColorU32(ImGuiCol_Text) : faint_text_color();
        dl->AddText(font, fs, ImVec2(x0 + gutter_w - char_w_ * 1.5f - w, y + text_dy), col, num);
    }

    // Markers in the first two cells: ● for the error, ▶ per thread (several threads on one
    // line fan out to the right).
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool mouse_in_gutter = ImGui::IsWindowHovered() && mouse.x >= x0 &&
                                 mouse.x < x0 + gutter_w && mouse.y >= view_min_.y &&
                                 mouse.y < view_max_.y;
    const int hover_line = static_cast<int>(std::floor((mouse.y - origin.y) / line_h_));
    std::vector<const Marker*> hovered;
    std::vector<int> per_line_threads;
    for (const Marker& m : model_.markers()) {
        if (m.line < first || m.line > last) continue;
        if (m.kind == MarkerKind::thread_line) {  // a bar at the gutter's edge, by the band
            const float y = origin.y + static_cast<float>(m.line) * line_h_;
            const float xe = x0 + gutter_w - char_w_ * 0.5f;
            dl->AddRectFilled(ImVec2(xe - 3, y), ImVec2(xe, y + line_h_),
                              m.color ? m.color : accent_color());
            continue;
        }
        const float cy = origin.y + static_cast<float>(m.line) * line_h_ + line_h_ * 0.5f;
        const float r = std::round(fs * 0.3f);
        if (m.kind == MarkerKind::error) {
            dl->AddCircleFilled(ImVec2(x0 + char_w_ * 1.0f, cy), r,
                                m.color ? m.color : kErrorColor);
        } else {
            const int k = static_cast<int>(
                std::count(per_line_threads.begin(), per_line_threads.end(), m.line));
            per_line_threads.push_back(m.line);
            const float x = x0 + char_w_ * 0.4f + static_cast<float>(std::min(k, 3)) * r * 0.9f;
            const ImU32 col = m.color ? m.color : accent_color();
            const ImVec2 a(x, cy - r), b(x, cy + r), c(x + r * 1.6f, cy);
            if (m.style == static_cast<int>(ThreadMarker::Activity::gil_wait)) {
                // Waiting for the GIL: hollow (it would run, but may not).
                dl->AddTriangleFilled(a, b, c, alpha(ImGui::GetColorU32(ImGuiCol_ChildBg), 0.9f));
                dl->AddTriangle(a, b, c, col, 1.6f);
            } else {
                dl->AddTriangleFilled(a, b, c, col);
                dl->AddTriangle(a, b, c, alpha(ImGui::GetColorU32(ImGuiCol_ChildBg), 0.8f), 1.f);
                if (m.style == static_cast<int>(ThreadMarker::Activity::blocked))  // a stop bar
                    dl->AddRectFilled(ImVec2(c.x + 1, cy - r), ImVec2(c.x + 1 + r * 0.55f, cy + r),
                                      col);
            }
        }
        if (mouse_in_gutter && m.line == hover_line) hovered.push_back(&m);
    }
    if (!hovered.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        for (const Marker* m : hovered) {
            if (m->kind == MarkerKind::error) {
                ImGui::TextColored(
                    ImGui::ColorConvertU32ToFloat4(m->color ? m->color : kErrorColor), "%s",
                    m->label.empty() ? "Error" : m->label.c_str());
                if (!m->detail.empty()) ImGui::TextUnformatted(m->detail.c_str());
            } else {
                ImGui::TextColored(
                    ImGui::ColorConvertU32ToFloat4(m->color ? m->color : accent_color()),
                    "\xE2\x96\xB6 %s", m->label.c_str());
                if (!m->detail.empty()) {
                    ImGui::SameLine();
                    ImGui::TextDisabled("%s", m->detail.c_str());
                }
            }
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace interleave::ui
