// Touch on the canvas, for phones and tablets (issue 12). Emscripten's GLFW turns a
// touch into a mouse button at the last mouse position (it reads no coordinates from
// touch events), and a finger dragged over the list would press and select rows instead
// of scrolling it. This takes the canvas's touch events before GLFW sees them and gives
// ImGui what a finger means:
//   a tap (the finger lifted within a few pixels of where it landed): a click there;
//   a drag: the window under the finger scrolls with it, and goes on with the finger's
//   speed after it lifts, slowing down (inertia); a finger on the moving list stops it;
//   a second finger, or a cancelled touch: nothing.
// ImGui's mouse source is "touch screen" for these events, "mouse" again after them.
#pragma once

namespace hotline::web {

class TouchInput {
public:
    // Installs the page's touch listeners on the canvas. Call once, after ImGui is set up.
    static void install(TouchInput& input);

    enum class Phase { start, move, end, cancel };
    // A touch event of the first finger, at (x, y) in canvas pixels (ImGui's), at `ms`.
    void touch(Phase phase, float x, float y, double ms);

    // Before each ImGui frame: the inertia's next step. True while something moves (draw).
    bool frame(double now_ms);
    // Inside the ImGui frame, before the interface is drawn: scrolls the window under the
    // finger by what the finger and the inertia moved since the last frame. Scrolling is set
    // directly, not sent as wheel events: ImGui takes queued input a little per frame, and a
    // wheel event per touch move fell seconds behind, holding back the taps after it.
    void apply_scroll();

private:
    // pending: landed, a tap if it lifts where it is; stopping: landed on a moving list, which
    // it stopped (lifting is no tap); scrolling: moved past the tap's slop.
    enum class Gesture { none, pending, stopping, scrolling };

    Gesture gesture_ = Gesture::none;
    float start_x_ = 0, start_y_ = 0, last_y_ = 0;
    double last_ms_ = 0;
    float velocity_ = 0;  // canvas pixels per ms, downwards positive
    double inertia_ms_ = 0;
    float pending_dy_ = 0;  // canvas pixels to scroll in the next frame, downwards positive
    unsigned target_ = 0;   // the ImGuiID of the window being scrolled (0: not chosen yet)
};

}  // namespace hotline::web
