// CPU time of our code per frame, for the browser benchmark: the interface
// (ui::draw) and the whole frame (input, ui::draw, ImGui's draw lists and the
// WebGL calls; not the GPU's or the browser's compositing time). Timed with
// performance.now(), whose resolution in a page that is not cross-origin
// isolated is 0.1 ms: single frames are coarse, means over many are not.
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace hotline::web {

class FrameStats {
public:
    void add(double ui_ms, double frame_ms);
    void reset();
    // {"frames", "ui": {"mean", "p50", "p95", "max"}, "frame": {...}} in ms.
    nlohmann::json to_json() const;

private:
    std::vector<float> ui_ms_;
    std::vector<float> frame_ms_;
};

}  // namespace hotline::web
