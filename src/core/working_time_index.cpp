#include "core/working_time_index.hpp"

#include <algorithm>

namespace hotline {

WorkingTimeIndex::WorkingTimeIndex(std::vector<UtcSpan> spans, std::int64_t range_begin, std::int64_t range_end)
    : spans_(std::move(spans)), range_begin_(range_begin), range_end_(range_end) {
    ends_.reserve(spans_.size());
    std::int64_t total = 0;
    for (const UtcSpan& s : spans_) ends_.push_back(total += s.end - s.begin);
}

std::int64_t WorkingTimeIndex::before(std::int64_t t) const {
    // The last span beginning before t.
    const auto after = std::upper_bound(spans_.begin(), spans_.end(), t,
                                        [](std::int64_t x, const UtcSpan& s) { return x <= s.begin; });
    if (after == spans_.begin()) return 0;
    const auto i = static_cast<std::size_t>(after - spans_.begin()) - 1;
    return ends_[i] - std::max<std::int64_t>(0, spans_[i].end - t);
}

std::int64_t WorkingTimeIndex::instant_of(std::int64_t c) const {
    // The first span whose end reaches c; c lies in it (a deadline used up exactly at a
    // span's end is that end, as the calendar's walk says).
    const auto i = static_cast<std::size_t>(std::lower_bound(ends_.begin(), ends_.end(), c) - ends_.begin());
    return spans_[i].end - (ends_[i] - c);
}

std::optional<std::int64_t> WorkingTimeIndex::working_seconds(std::int64_t from, std::int64_t to,
                                                              std::span<const UtcSpan> excluded) const {
    if (to <= from) return 0;
    if (!covers(from) || !covers(to)) return std::nullopt;
    std::int64_t total = before(to) - before(from);
    for (const UtcSpan& x : excluded) {
        const std::int64_t a = std::max(x.begin, from), b = std::min(x.end, to);
        if (a < b) total -= before(b) - before(a);
    }
    return total;
}

std::optional<std::int64_t> WorkingTimeIndex::add_working_seconds(std::int64_t from, std::int64_t seconds,
                                                                  std::span<const UtcSpan> excluded) const {
    if (seconds <= 0) return from;
    if (!covers(from)) return std::nullopt;
    const std::int64_t total = ends_.empty() ? 0 : ends_.back();
    // The count `before` must reach, raised by the working time of each pause on the way.
    std::int64_t target = before(from) + seconds;
    std::int64_t cursor = from;
    for (const UtcSpan& x : excluded) {
        if (x.end <= cursor) continue;
        const std::int64_t pause_begin = std::max(x.begin, cursor);
        if (!covers(pause_begin)) return std::nullopt;
        if (before(pause_begin) >= target) break;  // used up before this pause begins
        if (x.end == kOpenEnded || !covers(x.end)) return std::nullopt;
        target += before(x.end) - before(pause_begin);
        cursor = x.end;
    }
    if (target > total) return std::nullopt;
    return instant_of(target);
}

}  // namespace hotline
