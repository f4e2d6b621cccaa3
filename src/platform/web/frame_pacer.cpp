#include "platform/web/frame_pacer.hpp"

#include <emscripten.h>
#include <imgui.h>

namespace hotline::web {
namespace {

constexpr int kSettleFrames = 4;
constexpr double kTypingHeartbeatMs = 250;
constexpr double kIdleHeartbeatMs = 1000;

// Capture-phase, passive listeners: they only note that input arrived; GLFW's
// and ImGui's own listeners handle it.
EM_JS(void, hotline_js_listen_for_input, (), {
    Module['hotlineInput'] = true;
    var note = function() { Module['hotlineInput'] = true; };
    ['keydown', 'keyup', 'keypress', 'mousemove', 'mousedown', 'mouseup', 'wheel', 'touchstart',
     'touchmove', 'touchend', 'paste', 'focus', 'blur', 'resize'].forEach(function(type) {
        window.addEventListener(type, note, {capture: true, passive: true});
    });
});

EM_JS(int, hotline_js_take_input, (), {
    var seen = Module['hotlineInput'];
    Module['hotlineInput'] = false;
    return seen ? 1 : 0;
});

}  // namespace

FramePacer::FramePacer() { hotline_js_listen_for_input(); }

bool FramePacer::should_draw(double now_ms, bool state_changed) {
    if (hotline_js_take_input()) settle_frames_ = kSettleFrames;
    if (settle_frames_ > 0 || state_changed || ImGui::IsAnyMouseDown()) return true;
    const double heartbeat = ImGui::GetIO().WantTextInput ? kTypingHeartbeatMs : kIdleHeartbeatMs;
    return now_ms - last_draw_ms_ >= heartbeat;
}

void FramePacer::drew(double now_ms) {
    last_draw_ms_ = now_ms;
    if (settle_frames_ > 0) --settle_frames_;
}

}  // namespace hotline::web
