// Desktop backend: GLFW window, OpenGL 3.3 core profile, vsync, content scale for high DPI,
// screenshots for tests. See backend.hpp for the contract.
#include <GLFW/glfw3.h>  // also brings <GL/gl.h> (GL 1.x: viewport, clear, read pixels)
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

#include "app/backend.hpp"
#include "app/draw_frame.hpp"
#include "app/key_taps.hpp"
#include "app/png_write.hpp"

namespace interleave::app {
namespace {

class GlfwBackend final : public Backend {
  public:
    bool init(const Options& options) override {
        options_ = options;
        glfwSetErrorCallback([](int code, const char* what) {
            std::fprintf(stderr, "interleave: GLFW error %d: %s\n", code, what);
        });
        if (!glfwInit()) {
            std::fprintf(stderr,
                         "interleave: no window system (is DISPLAY set?). The headless "
                         "interleave-cli runs the same samples without one.\n");
            return false;
        }
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);  // required on macOS
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);       // window grows with DPI
        window_ = glfwCreateWindow(options.width, options.height, "Interleave", nullptr, nullptr);
        if (!window_) {
            std::fprintf(stderr, "interleave: cannot create an OpenGL 3.3 window\n");
            glfwTerminate();
            return false;
        }
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(1);  // vsync: the UI needs no more frames than the display shows
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(window_, &sx, &sy);
        scale_ = sx > 0 ? sx : 1.0f;

        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        install_key_taps(window_);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        std::printf("interleave: OpenGL %s (%s), content scale %.2f\n",
                    reinterpret_cast<const char*>(glGetString(GL_VERSION)),
                    reinterpret_cast<const char*>(glGetString(GL_RENDERER)), scale_);
        return true;
    }

    float content_scale() const override { return scale_; }

    ui::PlatformHooks hooks() override {
        ui::PlatformHooks h;
        h.is_web = false;
        h.hardware_cores = std::thread::hardware_concurrency();
        h.link_changed = [this](const std::string& fragment) { link_ = fragment; };
        h.save_file = [](const std::string& filename, const std::string& content) {
            std::ofstream out(filename, std::ios::binary);
            out << content;
            out.close();
            return out ? "Saved " + filename + " in the working directory"
                       : "Could not write " + filename;
        };
        // GLFW's clipboard says nothing about success: read it back.
        h.copy_text = [this](const std::string& text, int) {
            glfwSetClipboardString(window_, text.c_str());
            const char* back = glfwGetClipboardString(window_);
            return back && text == back ? ui::CopyResult::copied : ui::CopyResult::failed;
        };
        h.keys.f = GLFW_KEY_F;
        h.keys.g = GLFW_KEY_G;
        h.keys.slash = GLFW_KEY_SLASH;
#ifdef __APPLE__
        h.mac_shortcuts = true;
#endif
        return h;
    }

    std::string initial_link() const override {
        return options_.link;
    }
    void attach(ui::App&) override {}

    bool begin_frame() override {
        if (glfwWindowShouldClose(window_)) return false;
        if (options_.frames > 0 && frames_ >= options_.frames) return false;
        glfwPollEvents();
        float sx = scale_, sy = scale_;  // changes when the window moves to another monitor
        glfwGetWindowContentScale(window_, &sx, &sy);
        if (sx > 0) scale_ = sx;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        return true;
    }

    void end_frame() override {
        key_taps_end_frame(window_);
        const FramebufferSize fb = draw_frame(window_);
        ++frames_;
        if (frames_ == options_.frames && !options_.screenshot_path.empty())
            screenshot(fb.width, fb.height);
        glfwSwapBuffers(window_);
    }

    void run_loop(std::function<bool()> frame) override {
        while (frame()) {
        }
        std::printf("interleave: %d frames rendered\n", frames_);
    }

    void shutdown() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        glfwDestroyWindow(window_);
        glfwTerminate();
    }

  private:
    // Reads the back buffer just drawn (bottom row first in GL) and writes it top row first.
    void screenshot(int w, int h) {
        std::vector<uint8_t> pixels(size_t(w) * size_t(h) * 4), flipped(pixels.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        const size_t row = size_t(w) * 4;
        for (int y = 0; y < h; ++y)
            std::copy_n(pixels.data() + row * size_t(h - 1 - y), row,
                        flipped.data() + row * size_t(y));
        if (write_png(options_.screenshot_path, flipped.data(), w, h))
            std::printf("interleave: screenshot %dx%d -> %s\n", w, h,
                        options_.screenshot_path.c_str());
        else
            std::fprintf(stderr, "interleave: cannot write %s\n", options_.screenshot_path.c_str());
    }

    Options options_;
    GLFWwindow* window_ = nullptr;
    float scale_ = 1.0f;
    int frames_ = 0;
    std::string link_;
};

}  // namespace

std::unique_ptr<Backend> make_backend() {
    return std::make_unique<GlfwBackend>();
}

}  // namespace interleave::app
