// The "Machine" control beside Run (issue #11 item 1): one button that says where the run
// happens — "This computer" or "Simulated, N cores" — and opens a popup to choose the machine,
// the simulated machine's cores and its seed. It edits the run settings machine / cores / seed
// (KnobSpec::group "machine"), which the knobs table therefore leaves out; links and the CLI
// carry them as before.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "samples/knobs.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

std::string machine_label(const samples::KnobValues& k) {
    auto m = k.find("machine");
    if (m == k.end() || m->second != "simulated") return "This computer";
    auto c = k.find("cores");
    const std::string cores = c != k.end() ? c->second : "4";
    return "Simulated, " + cores + (cores == "1" ? " core" : " cores");
}

namespace {

void set_knob(Playground& p, const char* key, const std::string& text) {
    const samples::KnobSpec* spec = samples::find_knob(p.current().knobs, key);
    if (!spec) return;
    std::string error;
    auto v = samples::parse_knob(*spec, text, &error);
    if (!v) {
        p.flash(error);
        return;
    }
    if (p.knobs[key] == *v) return;
    p.knobs[key] = *v;
    p.run_all_queue.clear();
    p.knobs_changed();
}

}  // namespace

void draw_machine_control(Playground& p, ImVec2 size) {
    const bool sim = p.knobs["machine"] == "simulated";
    const std::string label = machine_label(p.knobs) + "###machine";
    if (ImGui::Button(label.c_str(), size)) ImGui::OpenPopup("machine");
    p.controls.note("machine", ControlKind::button);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(sim ? "A simulated machine: virtual cores and clock, exact and the same "
                                "on every computer. Click to change."
                              : "This computer's cores and clock: what Python would do here, "
                                "now. Click for a simulated machine.");
    // Below the button (never over it), inside the window, as wide as its text needs or the
    // screen allows: on a phone the explanations wrap instead of running off the edge.
    const float fs = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float margin = fs * 0.5f;
    const float popup_w = std::min(fs * 24, vp->WorkSize.x - 2 * margin);
    const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 2);
    ImGui::SetNextWindowPos(ImVec2(std::clamp(below.x, vp->WorkPos.x + margin,
                                              vp->WorkPos.x + vp->WorkSize.x - margin - popup_w),
                                   below.y),
                            ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(popup_w, 0));
    // Opaque: the knobs behind it must not show through its text.
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_PopupBg);
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_PopupBg, bg);
    const bool open = ImGui::BeginPopup("machine");
    ImGui::PopStyleColor();
    if (!open) return;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted("Where the run happens");
    ImGui::Separator();
    if (ImGui::RadioButton("This computer", !sim)) {
        set_knob(p, "machine", "real");
        p.machine_chosen = true;
    }
    p.controls.note("machine=real", ControlKind::toggle, !sim);
    ImGui::TextDisabled("Its cores and clock: real times, which other programs disturb.");
    ImGui::Spacing();
    if (ImGui::RadioButton("Simulated machine", sim)) {
        set_knob(p, "machine", "simulated");
        p.machine_chosen = true;
    }
    p.controls.note("machine=simulated", ControlKind::toggle, sim);
    ImGui::TextDisabled("Exact times, the same on every computer; sleeps take no real time.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (!sim) ImGui::BeginDisabled();
    // Labels in a column on the left, like the knobs table.
    const float label_w = ImGui::CalcTextSize("Cores").x + fs;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Cores");
    ImGui::SameLine(label_w + ImGui::GetStyle().WindowPadding.x);
    int cores = std::atoi(p.knobs["cores"].c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##cores", &cores, 1, 64, "%d", ImGuiSliderFlags_AlwaysClamp))
        set_knob(p, "cores", std::to_string(cores));
    p.controls.note("machine:cores", ControlKind::slider);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Seed");
    ImGui::SameLine(label_w + ImGui::GetStyle().WindowPadding.x);
    long long seed = std::atoll(p.knobs["seed"].c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputScalar("##seed", ImGuiDataType_S64, &seed, nullptr, nullptr, "%lld"))
        set_knob(p, "seed", std::to_string(seed));
    p.controls.note("machine:seed", ControlKind::text);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(
            "Breaks ties between simultaneous events: another seed, another "
            "interleaving; the same seed, the same run byte for byte");
    if (!sim) ImGui::EndDisabled();
    ImGui::Spacing();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    p.controls.note("machine:close", ControlKind::button);
    ImGui::EndPopup();
}

}  // namespace interleave::ui
