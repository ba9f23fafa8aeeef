// Frame pacing's view of the playground (ui/frame_pacing.hpp): whether the next frames are
// needed now, when the picture changes by itself, and a fingerprint of what a frame draws.
#include <imgui.h>
#include <imgui_internal.h>  // the active text field's caret blink (ImGuiInputTextState)

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/fallback_glyphs.hpp"
#include "ui/frame_pacing.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();
// A deadline is met a little late rather than early: an early frame finds nothing changed and
// asks for another one.
constexpr double kLateS = 0.005;

// Seconds until the active ImGui text field's caret (find bar, console filter, knob fields)
// shows or hides, as ImGui 1.86's InputTextEx blinks it: visible while CursorAnim <= 0 (right
// after an edit), then 0.8 s on, 0.4 s off.
double text_field_blink_in_s() {
    const ImGuiContext& g = *GImGui;
    if (!g.IO.ConfigInputTextCursorBlink || g.ActiveId == 0 || g.ActiveId != g.InputTextState.ID)
        return kNever;
    const double anim = g.InputTextState.CursorAnim;
    if (anim <= 0) return 0.8 - anim;
    const double m = std::fmod(anim, 1.2);
    return m <= 0.8 ? 0.8 - m : 1.2 - m;
}

bool input_held() {
    const ImGuiIO& io = ImGui::GetIO();
    for (const bool down : io.MouseDown)
        if (down) return true;
    for (const bool down : io.KeysDown)
        if (down) return true;
    return false;
}

}  // namespace

App::Activity pacing_activity(const Playground& p) {
    App::Activity a;
    const ImGuiIO& io = ImGui::GetIO();
    a.live = p.running() || !p.caught_up || (p.run && !p.recorded) || !p.retiring.empty() ||
             !p.run_all_queue.empty() || !p.exports.empty() ||
             (p.replay_ready && p.playback.playing) || p.restyle ||
             fallback_glyphs().rebuild_waiting() || !io.InputQueueCharacters.empty() ||
             p.editor.find_handover().waiting || input_held();
    double next = std::min(p.editor.caret_blink_in_s(), text_field_blink_in_s());
    if (!p.status_message.empty() && p.status_message_until > ImGui::GetTime())
        next = std::min(next, p.status_message_until - ImGui::GetTime());
    a.next_change_s = next + kLateS;
    return a;
}

uint64_t frame_fingerprint(const Playground& p) {
    const ImDrawData* dd = ImGui::GetDrawData();
    uint64_t h = 0x243F6A8885A308D3ull;
    if (dd && dd->Valid) {
        const float frame[] = {dd->DisplayPos.x,  dd->DisplayPos.y,       dd->DisplaySize.x,
                               dd->DisplaySize.y, dd->FramebufferScale.x, dd->FramebufferScale.y};
        h = fingerprint_bytes(h, frame, sizeof frame);
        for (int i = 0; i < dd->CmdListsCount; ++i) {
            const ImDrawList* dl = dd->CmdLists[i];
            h = fingerprint_bytes(h, dl->VtxBuffer.Data,
                                  size_t(dl->VtxBuffer.Size) * sizeof(ImDrawVert));
            h = fingerprint_bytes(h, dl->IdxBuffer.Data,
                                  size_t(dl->IdxBuffer.Size) * sizeof(ImDrawIdx));
            for (const ImDrawCmd& c : dl->CmdBuffer) {
                // Field by field: the struct has padding, and a callback's data is a pointer
                // whose content (the timeline's quads) is hashed below.
                const float clip[] = {c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w};
                const uint64_t rest[] = {uint64_t(reinterpret_cast<uintptr_t>(c.TextureId)),
                                         c.VtxOffset, c.IdxOffset, c.ElemCount,
                                         uint64_t(reinterpret_cast<uintptr_t>(c.UserCallback))};
                h = fingerprint_bytes(h, clip, sizeof clip);
                h = fingerprint_bytes(h, rest, sizeof rest);
            }
        }
    }
    h = p.renderer.fingerprint(h);
    return h ? h : 1;
}

}  // namespace interleave::ui
