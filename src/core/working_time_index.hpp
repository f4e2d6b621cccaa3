// A calendar's working time over a range of days, precomputed (issue 14): the working
// spans in order with the working seconds before each, so the working time between two
// instants is a difference of two binary searches instead of a walk through the days. The
// SLA clocks of every open incident ask for it several times each.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/business_calendar.hpp"

namespace hotline {

class WorkingTimeIndex {
public:
    // `spans`: the working spans of [range_begin, range_end), in order, not overlapping.
    WorkingTimeIndex(std::vector<UtcSpan> spans, std::int64_t range_begin, std::int64_t range_end);

    bool covers(std::int64_t t) const { return range_begin_ <= t && t <= range_end_; }
    // As BusinessCalendar's; nullopt when an instant they need lies outside the range (the
    // caller walks the calendar instead).
    std::optional<std::int64_t> working_seconds(std::int64_t from, std::int64_t to, std::span<const UtcSpan> excluded) const;
    std::optional<std::int64_t> add_working_seconds(std::int64_t from, std::int64_t seconds,
                                                    std::span<const UtcSpan> excluded) const;

private:
    std::int64_t before(std::int64_t t) const;      // working seconds in [range_begin, t)
    std::int64_t instant_of(std::int64_t c) const;  // the instant `before` reaches c (0 < c <= total)

    std::vector<UtcSpan> spans_;
    std::vector<std::int64_t> ends_;  // working seconds in [range_begin, spans_[i].end)
    std::int64_t range_begin_ = 0, range_end_ = 0;
};

}  // namespace hotline
