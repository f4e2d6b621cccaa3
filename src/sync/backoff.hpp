// Retry delays after failures: 1 s, 2 s, 4 s ... capped at 60 s; a success
// (or retry_now) starts the schedule again.
#pragma once

#include <algorithm>
#include <cstdint>

namespace hotline::sync {

class Backoff {
public:
    static constexpr std::int64_t kFirstMs = 1000;
    static constexpr std::int64_t kMaxMs = 60000;

    // Records a failure at `now_ms`; returns the delay before the next attempt.
    std::int64_t fail(std::int64_t now_ms) {
        std::int64_t delay = kFirstMs;
        for (int i = 0; i < failures_ && delay < kMaxMs; ++i) delay *= 2;
        delay = std::min(delay, kMaxMs);
        ++failures_;
        next_ms_ = now_ms + delay;
        return delay;
    }
    void reset() {
        failures_ = 0;
        next_ms_ = 0;
    }
    bool ready(std::int64_t now_ms) const { return now_ms >= next_ms_; }
    std::int64_t next_ms() const { return next_ms_; }
    int failures() const { return failures_; }

private:
    int failures_ = 0;
    std::int64_t next_ms_ = 0;
};

}  // namespace hotline::sync
