// Placeholder until the playground UI lands (issue 4): a window that says what this is.
#include "ui/app.hpp"

#include <imgui.h>

namespace interleave::ui {

struct App::Impl {
    PlatformHooks hooks;
};

App::App(PlatformHooks hooks) : impl_(std::make_unique<Impl>()) { impl_->hooks = std::move(hooks); }
App::~App() = default;
void App::init_style(float dpi_scale) { ImGui::GetStyle().ScaleAllSizes(dpi_scale); }
void App::init_gl() {}
void App::shutdown_gl() {}
void App::frame() {
    ImGui::Begin("Interleave");
    ImGui::TextUnformatted("Interleave: a concurrency playground");
    ImGui::End();
}
std::string App::state_json() const { return "{\"status\":\"idle\"}"; }
std::string App::load(std::string_view) { return "[]"; }
void App::run() {}
void App::stop() {}
std::string App::export_trace() const { return ""; }
std::string App::link() const { return "#v=1&sample=threading"; }

}  // namespace interleave::ui
