// The GLFW window of Emscripten's GLFW: a WebGL context on the page's
// <canvas id="canvas">, sized to the canvas's container and crisp on high-DPI
// screens.
//
// Coordinates: the framebuffer is the container's CSS size × devicePixelRatio,
// and Emscripten's GLFW reports the mouse in framebuffer pixels, so ImGui works
// in device pixels; pixel_ratio() converts to CSS pixels (fonts and the style
// are scaled by it). The canvas is resized through Module.setCanvasSize, never
// glfwSetWindowSize: GLFW 3.1.6 requests fullscreen when the requested size
// equals the screen's, which a maximised window does at a ratio of 1.
#pragma once

#include <memory>

struct GLFWwindow;

namespace hotline::web {

class CanvasWindow {
public:
    // nullptr when no WebGL context can be created (the page explains why).
    static std::unique_ptr<CanvasWindow> create(const char* title);
    ~CanvasWindow();
    CanvasWindow(const CanvasWindow&) = delete;
    CanvasWindow& operator=(const CanvasWindow&) = delete;

    struct Fit {
        bool resized = false;   // the framebuffer changed size (and was cleared)
        bool rescaled = false;  // the pixel ratio changed: rebuild fonts and style
    };
    // Matches the framebuffer to the container's size and the current
    // devicePixelRatio. The first call reports both changes.
    Fit fit_to_container();

    float pixel_ratio() const { return pixel_ratio_; }
    int framebuffer_width() const { return width_; }
    int framebuffer_height() const { return height_; }
    GLFWwindow* handle() const { return window_; }

private:
    explicit CanvasWindow(GLFWwindow* window) : window_(window) {}

    GLFWwindow* window_;
    float pixel_ratio_ = 0.0f;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace hotline::web
