// What browser tests need to drive the interface like a person: every ImGui
// item of the last frame (label, window, rectangle) and the app's state.
//
// ImGui built with IMGUI_ENABLE_TEST_ENGINE calls four hooks (declared in
// imgui_internal.h) for every item it submits; test_driver.cpp implements them
// to record the frame's items. JavaScript reads them between frames through
// the exported functions (Module.ccall; the shell page wraps them as
// window.hotline.find(label) and window.hotline.state()):
//   hotline_find_items(label)  JSON list of the last frame's items whose label
//                              (text before any "##") equals `label`, or all
//                              items for "": [{"label", "window", "x", "y", "w",
//                              "h", "visible"}], rectangles in CSS pixels
//                              relative to the canvas, clipped to what shows
//   hotline_state()            App::state_json(), or "null" before the app is
//                              open
#pragma once

namespace hotline::app {
class App;
}

namespace hotline::web::test_driver {

// Turns the hooks on for the current ImGui context.
void enable();

// Starts recording a new frame: call before ImGui::NewFrame. `pixel_ratio`
// converts ImGui's device pixels to CSS pixels.
void begin_frame(float pixel_ratio);

// The app whose state hotline_state() reports (nullptr: none yet).
void attach(const app::App* app);

}  // namespace hotline::web::test_driver
