#include "platform/web/frame_stats.hpp"

#include <algorithm>
#include <numeric>

namespace hotline::web {
namespace {

constexpr std::size_t kMaxFrames = 100000;  // about half an hour at 60 frames a second

nlohmann::json summary(std::vector<float> ms) {
    if (ms.empty()) return {{"mean", 0}, {"p50", 0}, {"p95", 0}, {"max", 0}};
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[static_cast<std::size_t>(q * (ms.size() - 1))]; };
    const double sum = std::accumulate(ms.begin(), ms.end(), 0.0);
    return {{"mean", sum / ms.size()}, {"p50", at(0.5)}, {"p95", at(0.95)}, {"max", ms.back()}};
}

}  // namespace

void FrameStats::add(double ui_ms, double frame_ms) {
    if (ui_ms_.size() >= kMaxFrames) return;
    ui_ms_.push_back(static_cast<float>(ui_ms));
    frame_ms_.push_back(static_cast<float>(frame_ms));
}

void FrameStats::reset() {
    ui_ms_.clear();
    frame_ms_.clear();
}

nlohmann::json FrameStats::to_json() const {
    return {{"frames", ui_ms_.size()}, {"ui", summary(ui_ms_)}, {"frame", summary(frame_ms_)}};
}

}  // namespace hotline::web
