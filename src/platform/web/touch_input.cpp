#include "platform/web/touch_input.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace hotline::web {
namespace {

TouchInput* installed = nullptr;

// Window, capture phase: before GLFW's listeners on the canvas, which then never see a
// touch (stopPropagation; the frame pacer's listeners on the window still do).
// preventDefault: no emulated mouse events after a tap, no page scrolling or zoom.
EM_JS(void, hotline_js_listen_for_touch, (), {
    var canvas = Module['canvas'];
    var phases = {touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3};
    Object.keys(phases).forEach(function(type) {
        window.addEventListener(type, function(event) {
            if (event.target !== canvas) return;
            event.preventDefault();
            event.stopPropagation();
            var phase = phases[type];
            // A second finger cancels the gesture: no pinch, no two-finger tap.
            if (event.touches.length > 1) phase = 3;
            var touch = event.changedTouches[0];
            var rect = canvas.getBoundingClientRect();
            var x = (touch.clientX - rect.left) * canvas.width / rect.width;
            var y = (touch.clientY - rect.top) * canvas.height / rect.height;
            // GLFW's cursor follows the finger too: ImGui's GLFW backend, until a mouse has
            // entered the canvas, reads the cursor every frame and would put the pointer back.
            if (typeof Browser !== 'undefined') { Browser.mouseX = x; Browser.mouseY = y; }
            // When the finger moved, not when this handler runs: on a busy page the moves wait for
            // the next frame, and the handler's clock would read a quick flick as a finger held still.
            ccall('hotline_touch', null, ['number', 'number', 'number', 'number'], [phase, x, y, event.timeStamp]);
        }, {capture: true, passive: false});
    });
});

// How far a finger may move and still tap, in font heights (so it follows the pixel ratio).
constexpr float kTapSlopEm = 0.6f;
// The inertia: its speed halves every ~140 ms and it stops below 0.02 canvas pixels per ms.
constexpr float kFrictionPerMs = 0.995f;
constexpr float kStopSpeed = 0.02f;
// A finger that did not move for this long before lifting had stopped: no inertia. (Touch
// moves come once per frame; on a busy page frames are 50-100 ms apart, and a page drawn on
// the CPU at twice the pixels, as the browser tests' phone, may take 200 ms to hear the
// lift.) Under that, the list coasts at the speed it would have slowed to since the last
// move, as if it had been let go then.
constexpr double kStillMs = 300;

float font_size() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.empty() ? 16.0f : io.Fonts->Fonts[0]->FontSize * io.FontGlobalScale;
}

}  // namespace

void TouchInput::install(TouchInput& input) {
    installed = &input;
    hotline_js_listen_for_touch();
}

void TouchInput::touch(Phase phase, float x, float y, double ms) {
    ImGuiIO& io = ImGui::GetIO();
    switch (phase) {
        case Phase::start:
            // A finger on a list still moving stops it, and that touch is not a tap.
            gesture_ = inertia_ms_ != 0 ? Gesture::stopping : Gesture::pending;
            start_x_ = x;
            start_y_ = y;
            last_y_ = y;
            last_ms_ = ms;
            velocity_ = 0;
            inertia_ms_ = 0;
            pending_dy_ = 0;
            target_ = 0;
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            io.AddMousePosEvent(x, y);  // the window under the finger is the one it scrolls
            return;
        case Phase::move:
            if (gesture_ == Gesture::none) return;
            if (gesture_ != Gesture::scrolling) {
                const float slop = kTapSlopEm * font_size();
                if (std::fabs(y - start_y_) < slop && std::fabs(x - start_x_) < slop) return;
                gesture_ = Gesture::scrolling;
            }
            if (ms > last_ms_) velocity_ = 0.6f * velocity_ + 0.4f * (y - last_y_) / static_cast<float>(ms - last_ms_);
            pending_dy_ += y - last_y_;
            last_y_ = y;
            last_ms_ = ms;
            return;
        case Phase::end:
            if (gesture_ == Gesture::pending) {  // a tap: a click where the finger was
                io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
                io.AddMousePosEvent(x, y);
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            } else if (gesture_ == Gesture::scrolling && ms - last_ms_ < kStillMs) {
                velocity_ *= std::pow(kFrictionPerMs, static_cast<float>(std::max(0.0, ms - last_ms_)));
                if (std::fabs(velocity_) > kStopSpeed) inertia_ms_ = ms;  // lifted while moving: the list goes on
            }
            gesture_ = Gesture::none;
            io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
            return;
        case Phase::cancel:
            gesture_ = Gesture::none;
            io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
            return;
    }
}

bool TouchInput::frame(double now_ms) {
    if (inertia_ms_ == 0) return pending_dy_ != 0;
    const float elapsed = static_cast<float>(now_ms - inertia_ms_);
    inertia_ms_ = now_ms;
    if (elapsed <= 0) return true;
    pending_dy_ += velocity_ * elapsed;
    velocity_ *= std::pow(kFrictionPerMs, elapsed);
    if (std::fabs(velocity_) < kStopSpeed) inertia_ms_ = 0;
    return true;
}

void TouchInput::apply_scroll() {
    if (pending_dy_ == 0) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // The window the finger landed on (hovered once its position was taken), for the whole
    // gesture and its inertia; its nearest ancestor that scrolls (a table's rows are a child).
    if (target_ == 0 && g.HoveredWindow) target_ = g.HoveredWindow->ID;
    ImGuiWindow* window = target_ ? ImGui::FindWindowByID(target_) : nullptr;
    while (window && window->ScrollMax.y <= 0 && window->ParentWindow) window = window->ParentWindow;
    if (window) ImGui::SetScrollY(window, window->Scroll.y - pending_dy_);
    pending_dy_ = 0;
}

}  // namespace hotline::web

// Called by the touch listeners: `phase` 0 start, 1 move, 2 end, 3 cancel.
extern "C" EMSCRIPTEN_KEEPALIVE void hotline_touch(int phase, double x, double y, double ms) {
    using hotline::web::TouchInput;
    if (!hotline::web::installed || phase < 0 || phase > 3) return;
    hotline::web::installed->touch(static_cast<TouchInput::Phase>(phase), static_cast<float>(x), static_cast<float>(y), ms);
}
