#include "platform/web/canvas_window.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>
#include <cmath>

namespace {

// The canvas container's CSS size and the device pixel ratio, as out[0..2].
EM_JS(void, hotline_js_canvas_metrics, (double* out), {
    var canvas = Module['canvas'];
    var box = (canvas.parentElement || canvas).getBoundingClientRect();
    HEAPF64[(out >> 3) + 0] = box.width;
    HEAPF64[(out >> 3) + 1] = box.height;
    HEAPF64[(out >> 3) + 2] = window.devicePixelRatio || 1;
});

// Resizes the drawing buffer. GLFW's resize listener updates its window size
// and calls the size callbacks; the canvas's CSS size stays the stylesheet's.
EM_JS(void, hotline_js_set_canvas_size, (int width, int height), {
    Module['setCanvasSize'](width, height);
});

}  // namespace

namespace hotline::web {

std::unique_ptr<CanvasWindow> CanvasWindow::create(const char* title) {
    if (!glfwInit()) return nullptr;
    // An opaque canvas with no depth or stencil buffer: ImGui needs neither.
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWwindow* window = glfwCreateWindow(640, 480, title, nullptr, nullptr);
    if (!window) return nullptr;
    glfwMakeContextCurrent(window);
    return std::unique_ptr<CanvasWindow>(new CanvasWindow(window));
}

CanvasWindow::~CanvasWindow() {
    glfwDestroyWindow(window_);
    glfwTerminate();
}

CanvasWindow::Fit CanvasWindow::fit_to_container() {
    double metrics[3];
    hotline_js_canvas_metrics(metrics);
    const float ratio = metrics[2] > 0 ? static_cast<float>(metrics[2]) : 1.0f;
    const int width = std::max(1, static_cast<int>(std::lround(metrics[0] * ratio)));
    const int height = std::max(1, static_cast<int>(std::lround(metrics[1] * ratio)));
    Fit fit;
    if (width != width_ || height != height_) {
        hotline_js_set_canvas_size(width, height);
        width_ = width;
        height_ = height;
        fit.resized = true;
    }
    fit.rescaled = ratio != pixel_ratio_;
    pixel_ratio_ = ratio;
    return fit;
}

}  // namespace hotline::web
