// The user's time zone, for the dates and times shown and typed (issue 12: dates in the
// user's format; issue 14: a deadline typed by hand). It answers the offset from UTC at
// each moment, so a date in July shows in summer time in December: a single offset taken
// at start-up showed every date across a daylight-saving change an hour off, and read a
// deadline typed in winter for a summer day an hour early.
#pragma once

#include <algorithm>
#include <cstdint>

namespace hotline::app {

class LocalZone {
public:
    // Minutes east of UTC at a moment (ms since 1970 UTC): the browser's own answer, for
    // its zone's every rule (platform/web/page.hpp).
    using OffsetAt = int (*)(std::int64_t wall_ms);

    LocalZone(int fixed_minutes = 0) : fixed_minutes_(fixed_minutes) {}  // NOLINT: a fixed offset reads as one
    explicit LocalZone(OffsetAt offset_at) : offset_at_(offset_at) {}

    int offset_at(std::int64_t wall_ms) const { return offset_at_ ? offset_at_(wall_ms) : fixed_minutes_; }
    // The local wall clock at `wall_ms`, as ms since 1970 of that local date and time.
    std::int64_t to_local(std::int64_t wall_ms) const { return wall_ms + offset_at(wall_ms) * kMinute; }
    // The moment a local date and time (as to_local gives it) names. A time the clocks skip
    // in spring reads at the offset before the change (02:30 is 03:30 summer time); one they
    // repeat in autumn, the first time.
    std::int64_t from_local(std::int64_t local_ms) const {
        const int before = offset_at(local_ms - kDay), after = offset_at(local_ms + kDay);
        // The later (summer) offset when it still names this local time, else the earlier.
        const int first = std::max(before, after), second = std::min(before, after);
        if (offset_at(local_ms - first * kMinute) == first) return local_ms - first * kMinute;
        return local_ms - second * kMinute;
    }

private:
    static constexpr std::int64_t kMinute = 60'000, kDay = 86'400'000;
    OffsetAt offset_at_ = nullptr;
    int fixed_minutes_ = 0;
};

}  // namespace hotline::app
