// Draws a frame only when something may have changed, so an idle desk costs
// (almost) no CPU: a laptop on battery, or IndexedDB, which shares the CPU
// with drawing (a save waits for it: in headless Chromium, 1 ms with no frames
// drawn, 60-90 ms while drawing 60 frames a second).
//
// A display refresh draws a frame when: the page saw input (keys, mouse,
// wheel, touch, paste, focus, resize) since the last frame, or within the
// few frames after it (ImGui settles hover and focus over a frame or two);
// a mouse button is held; the caller says its state changed; or a heartbeat
// is due (4 a second while a text field has the keyboard, for the caret;
// once a second otherwise, for clocks and anything changed without input).
#pragma once

namespace hotline::web {

class FramePacer {
public:
    // Installs the page's input listeners. Call once.
    FramePacer();

    // Whether this refresh should draw. `now_ms`: emscripten_get_now().
    bool should_draw(double now_ms, bool state_changed);
    // Records a frame drawn at `now_ms`.
    void drew(double now_ms);

private:
    double last_draw_ms_ = -1e9;
    int settle_frames_ = 0;
};

}  // namespace hotline::web
