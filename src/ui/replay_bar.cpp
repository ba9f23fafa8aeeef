// Replay and scrubbing (issue #11 item 4): a finished simulated run played back on its virtual
// clock. The replay model (replay_model.hpp) says what the run looked like at a moment; this
// file builds it when the run has finished, moves the playback clock each frame, and draws the
// bar that drives it (play/pause, speed, scrubber, previous/next event, t, a link to the moment).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

// Runs up to this long (virtual time) play at 1x as soon as they finish: the learner watches
// the run happen, and waits at most this long for its last line. Longer runs open at their end
// (a 60 s program of sleeps must not take 60 s to show its output), with Play one click away.
constexpr int64_t kAutoPlayMaxNs = 2'000'000'000;

struct SpeedChoice {
    double speed;
    const char* label;
};
constexpr SpeedChoice kSpeeds[] = {
    {0.1, "0.1x"}, {1, "1x"}, {10, "10x"}, {Playback::kInstant, "instant"}};

}  // namespace

void Playground::build_replay(bool batch) {
    replay_ready = false;
    const auto machine = run_knobs.find("machine");
    if (!run || machine == run_knobs.end() || machine->second != "simulated") return;
    // Every stored output line's time (the console keeps fewer when the output is long; its
    // line i is output line i + dropped()).
    std::vector<engine::OutputLine> lines;
    run->read_output(0, lines);
    std::vector<int64_t> times;
    times.reserve(lines.size());
    for (const auto& l : lines) times.push_back(static_cast<int64_t>(std::llround(l.t_ms * 1e6)));
    replay.build(std::move(times), spans, seen_until_ns(), line_markers);
    replay_ready = true;
    const int64_t end = replay.end_ns();
    playback = {};
    playback.speed = replay_speed;
    if (link_moment_ms) {  // a t= link: that moment, paused (the sender's view)
        playback.seek(static_cast<int64_t>(std::llround(*link_moment_ms * 1e6)), end);
        link_moment_ms.reset();
    } else if (!batch && end <= kAutoPlayMaxNs && replay_speed != Playback::kInstant) {
        playback.play(end);  // from 0
    } else {
        playback.seek(end, end);  // a batch, a long run, or "instant": the final picture
    }
}

void Playground::poll_replay() {
    if (!replay_ready || !playback.playing) return;
    const double dt = ImGui::GetCurrentContext() ? ImGui::GetIO().DeltaTime : 0;
    // A frame late by seconds (a hidden tab) does not skip the replay past what it skipped.
    playback.advance(std::min(dt, 0.25), replay.end_ns());
}

std::string Playground::moment_link() const {
    const int64_t t = replay_ready ? playback.t_ns : 0;
    return link(true, static_cast<double>(t) / 1e6);
}

void draw_replay_bar(Playground& p) {
    if (!p.replay_ready || p.replay.end_ns() <= 0) return;
    Playback& pb = p.playback;
    const int64_t end = p.replay.end_ns();
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();

    // Play / Pause (Play at the end starts again from 0).
    const bool at_end = pb.t_ns >= end;
    const char* play_label = pb.playing ? "Pause###replay-play" : "Play###replay-play";
    if (ImGui::Button(play_label, ImVec2(button_width("Pause"), 0))) {
        if (pb.playing) {
            pb.pause();
        } else {
            pb.speed = p.replay_speed;
            pb.play(end);
        }
    }
    p.controls.note("replay:play", ControlKind::button);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(pb.playing ? "Pause the replay"
                          : at_end   ? "Replay the run from the start on its virtual clock"
                                     : "Play on from here");
    // Speed: one button each, the chosen one lit (a row of four reads faster than a combo).
    for (const auto& s : kSpeeds) {
        ImGui::SameLine(0, &s == kSpeeds ? st.ItemSpacing.x : 1.f);
        const bool on = s.speed == p.replay_speed;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
        if (ImGui::Button(s.label)) {
            p.replay_speed = s.speed;
            pb.speed = s.speed;
        }
        if (on) ImGui::PopStyleColor();
        p.controls.note(std::string("replay:speed:") + s.label, ControlKind::button);
        if (ImGui::IsItemHovered()) {
            if (s.speed == Playback::kInstant)
                ImGui::SetTooltip("Play goes straight to the end");
            else
                ImGui::SetTooltip("Replay at %s the simulated machine's speed", s.label);
        }
    }

    // Step to the previous / next event: a line printed, a thread's state changed, or a
    // thread's line marker moved (what a learner sees change, so each step shows something).
    same_line_if_fits(ImGui::GetFrameHeight() * 2 + st.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##replay-prev", ImGuiDir_Left))
        pb.seek(p.replay.prev_moment(pb.t_ns), end);
    p.controls.note("replay:prev", ControlKind::button);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Previous event: an output line, a thread changing state, or a thread's line marker "
            "moving");
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    if (ImGui::ArrowButton("##replay-next", ImGuiDir_Right))
        pb.seek(p.replay.next_moment(pb.t_ns), end);
    p.controls.note("replay:next", ControlKind::button);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Next event: an output line, a thread changing state, or a thread's line marker "
            "moving");

    // t, then "Link to this moment" at the row's right end (or on a row of its own).
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("t = %s", format_duration(static_cast<double>(pb.t_ns)).c_str());
    ImGui::SameLine(0, fs * 0.3f);
    ImGui::TextDisabled("of %s", format_duration(static_cast<double>(end)).c_str());

    // The scrubber: the whole run, both ways, across the pane; "Link to this moment" after it
    // (below it when the pane is narrow).
    const char* link_label = "Link to this moment";
    const float link_w = button_width(link_label);
    const float room = ImGui::GetContentRegionAvail().x - link_w - st.ItemSpacing.x;
    const bool link_beside = room >= fs * 8;
    ImGui::SetNextItemWidth(link_beside ? room : ImGui::GetContentRegionAvail().x);
    double t_ms = static_cast<double>(pb.t_ns) / 1e6;
    const double zero = 0, end_ms = static_cast<double>(end) / 1e6;
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, fs * 0.8f);
    if (ImGui::SliderScalar("##replay-t", ImGuiDataType_Double, &t_ms, &zero, &end_ms, "",
                            ImGuiSliderFlags_NoRoundToFormat | ImGuiSliderFlags_NoInput))
        pb.seek(static_cast<int64_t>(std::llround(t_ms * 1e6)), end);
    ImGui::PopStyleVar();
    p.controls.note("replay:t", ControlKind::slider);
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
        ImGui::SetTooltip(
            "Drag to any moment of the run: the output, the timeline, the Cores view and the "
            "editor's line markers show it as it was then");
    if (link_beside) ImGui::SameLine();
    if (ImGui::Button(link_label))
        p.copy_to_clipboard(p.full_link(p.moment_link()),
                            "Link to this moment (" +
                                format_duration(static_cast<double>(pb.t_ns)) +
                                ") copied to the clipboard");
    p.controls.note("replay:link", ControlKind::button);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Copy a link that runs this program on the simulated machine and opens the replay "
            "at this moment");
}

void draw_replay_cursor(ImDrawList* lanes, float x, float y0, float y1) {
    lanes->AddLine(ImVec2(x, y0), ImVec2(x, y1), accent_color(), 2);
}

ImVec2 draw_time_tag(ImDrawList* dl, float x, float y, const std::string& text, float min_x0) {
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const float x0 = std::max(x - ts.x * 0.5f - 4, min_x0);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + ts.x + 8, y + ts.y), accent_color(), 3);
    dl->AddText(ImVec2(x0 + 4, y), IM_COL32(255, 255, 255, 255), text.c_str());
    return ImVec2(x0, x0 + ts.x + 8);
}

}  // namespace interleave::ui
