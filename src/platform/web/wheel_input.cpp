#include "platform/web/wheel_input.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

namespace hotline::web {
namespace {

// As ImGui's backend reads it (after SDL): 100 pixels, 3 lines or 1/80 page make one step.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
    float step = 0.0f;  // a mode the DOM may add: no step rather than a guess
    if (event->deltaMode == DOM_DELTA_PIXEL) step = 1.0f / 100.0f;
    else if (event->deltaMode == DOM_DELTA_LINE) step = 1.0f / 3.0f;
    else if (event->deltaMode == DOM_DELTA_PAGE) step = 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(event->deltaX) * -step,
                                      static_cast<float>(event->deltaY) * -step);
    return EM_TRUE;  // the page itself does not scroll
}

}  // namespace

void listen_to_wheel_on_canvas() {
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
}

}  // namespace hotline::web
