#include "core/business_calendar.hpp"

#include <algorithm>
#include <string>

#include "core/working_time_index.hpp"

namespace hotline {
namespace {

constexpr std::int32_t kDay = 86400;
constexpr std::int32_t kSearchDays = 3660;  // add_working_seconds gives up after ten years

Outcome check_intervals(const std::vector<WorkingInterval>& day, const std::string& which) {
    std::int32_t previous_end = 0;
    for (const WorkingInterval& i : day) {
        if (i.begin < 0 || i.end > kDay || i.begin >= i.end || i.begin < previous_end)
            return make_error("bad_working_hours",
                              "Working hours of " + which + " must be sorted, non-overlapping times within the day",
                              {which});
        previous_end = i.end;
    }
    return {};
}

// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
int weekday_from_monday(std::int32_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

}  // namespace

Result<BusinessCalendar> BusinessCalendar::make(PosixZone zone, Week week, std::set<std::int32_t> holidays,
                                                std::map<std::int32_t, std::vector<WorkingInterval>> special_days) {
    static constexpr const char* kNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (std::size_t d = 0; d < week.size(); ++d)
        if (Outcome ok = check_intervals(week[d], kNames[d]); !ok) return ok.error();
    for (const auto& [day, intervals] : special_days) {
        const CivilDate date = civil_from_days(day);
        if (Outcome ok = check_intervals(intervals, std::to_string(date.year) + "-" + std::to_string(date.month) + "-" +
                                                        std::to_string(date.day));
            !ok)
            return ok.error();
    }
    BusinessCalendar c;
    c.zone_ = std::move(zone);
    c.week_ = std::move(week);
    c.holidays_ = std::move(holidays);
    c.special_days_ = std::move(special_days);
    return c;
}

BusinessCalendar BusinessCalendar::always_open(PosixZone zone) {
    Week week;
    for (auto& day : week) day = {{0, kDay}};
    return make(std::move(zone), std::move(week)).value();
}

const std::vector<WorkingInterval>& BusinessCalendar::intervals_on(std::int32_t day) const {
    static const std::vector<WorkingInterval> kClosed;
    if (auto special = special_days_.find(day); special != special_days_.end()) return special->second;
    if (holidays_.count(day)) return kClosed;
    return week_[static_cast<std::size_t>(weekday_from_monday(day))];
}

std::vector<UtcSpan> BusinessCalendar::open_on(std::int32_t day) const {
    std::vector<UtcSpan> spans;
    const std::int64_t midnight = std::int64_t{day} * kDay;
    for (const WorkingInterval& i : intervals_on(day)) {
        // Each end converted on its own: a span across a DST change is as long as the clock
        // says, and one inside the skipped hour is empty. A time in the skipped hour moves
        // forward, past times just after it: a span never starts before the last one ended.
        std::int64_t begin = zone_.to_utc(midnight + i.begin).utc;
        const std::int64_t end = zone_.to_utc(midnight + i.end).utc;
        if (!spans.empty()) begin = std::max(begin, spans.back().end);
        if (begin < end) spans.push_back({begin, end});
    }
    return spans;
}

template <typename Visit>
bool BusinessCalendar::visit_spans(std::int32_t first_day, std::int32_t last_day, std::int64_t from,
                                   std::span<const UtcSpan> excluded, Visit&& visit) const {
    std::int64_t covered = from;  // spans are taken from here on, in time order, each once
    std::size_t next = 0;         // the first excluded span not wholly behind us
    for (std::int32_t day = first_day; day <= last_day; ++day)
        for (const UtcSpan& s : open_on(day)) {
            std::int64_t begin = std::max(s.begin, covered);
            if (begin >= s.end) continue;
            covered = s.end;
            // What the excluded spans leave of [begin, s.end), piece by piece.
            while (begin < s.end) {
                while (next < excluded.size() && excluded[next].end <= begin) ++next;
                if (next == excluded.size() || excluded[next].begin >= s.end) {
                    if (visit(UtcSpan{begin, s.end})) return true;
                    break;
                }
                const UtcSpan& x = excluded[next];
                if (x.begin > begin && visit(UtcSpan{begin, x.begin})) return true;
                if (x.end == kOpenEnded) return false;  // nothing after it counts
                begin = x.end;
            }
        }
    return false;
}

BusinessCalendar BusinessCalendar::indexed(std::int32_t first_day, std::int32_t last_day) const {
    std::vector<UtcSpan> spans;
    visit_spans(first_day, last_day, std::numeric_limits<std::int64_t>::min(), {}, [&](const UtcSpan& s) {
        spans.push_back(s);
        return false;
    });
    // Spans of the days before and after lie wholly outside these instants.
    const std::int64_t begin = zone_.to_utc(std::int64_t{first_day} * kDay).utc;
    const std::int64_t end = zone_.to_utc((std::int64_t{last_day} + 1) * kDay).utc;
    BusinessCalendar copy = *this;
    copy.index_ = std::make_shared<const WorkingTimeIndex>(std::move(spans), begin, end);
    if (earlier_) {
        std::vector<Version> earlier = *earlier_;
        for (Version& v : earlier) v.calendar = v.calendar.indexed(first_day, last_day);
        copy.earlier_ = std::make_shared<const std::vector<Version>>(std::move(earlier));
    }
    return copy;
}

BusinessCalendar BusinessCalendar::with_earlier_versions(std::vector<Version> earlier) const {
    BusinessCalendar copy = *this;
    copy.earlier_ = earlier.empty() ? nullptr : std::make_shared<const std::vector<Version>>(std::move(earlier));
    return copy;
}

std::int64_t BusinessCalendar::working_seconds(std::int64_t from, std::int64_t to,
                                               std::span<const UtcSpan> excluded) const {
    if (!earlier_) return own_working_seconds(from, to, excluded);
    std::int64_t total = 0;
    for (const Version& v : *earlier_) {
        if (from >= to) return total;
        if (v.until <= from) continue;
        const std::int64_t end = std::min(to, v.until);
        total += v.calendar.own_working_seconds(from, end, excluded);
        from = end;
    }
    return total + own_working_seconds(from, to, excluded);
}

std::int64_t BusinessCalendar::own_working_seconds(std::int64_t from, std::int64_t to,
                                                   std::span<const UtcSpan> excluded) const {
    if (to <= from) return 0;
    if (index_)
        if (auto counted = index_->working_seconds(from, to, excluded)) return *counted;
    std::int64_t total = 0;
    // A local day's spans lie within a day and a bit of its UTC midnight: one day either
    // side of the instants' local dates covers every span that can overlap.
    const std::int32_t first = day_of(zone_.to_local(from)) - 1, last = day_of(zone_.to_local(to)) + 1;
    visit_spans(first, last, from, excluded, [&](const UtcSpan& s) {
        if (s.begin >= to) return true;
        total += std::min(s.end, to) - s.begin;
        return false;
    });
    return total;
}

std::optional<std::int64_t> BusinessCalendar::add_working_seconds(std::int64_t from, std::int64_t seconds,
                                                                  std::span<const UtcSpan> excluded) const {
    if (!earlier_ || seconds <= 0) return own_add_working_seconds(from, seconds, excluded);
    for (const Version& v : *earlier_) {
        if (v.until <= from) continue;
        const std::int64_t available = v.calendar.own_working_seconds(from, v.until, excluded);
        if (available >= seconds) return v.calendar.own_add_working_seconds(from, seconds, excluded);
        seconds -= available;
        from = v.until;
    }
    return own_add_working_seconds(from, seconds, excluded);
}

std::optional<std::int64_t> BusinessCalendar::own_add_working_seconds(std::int64_t from, std::int64_t seconds,
                                                                      std::span<const UtcSpan> excluded) const {
    if (seconds <= 0) return from;
    if (index_)
        if (auto at = index_->add_working_seconds(from, seconds, excluded)) return at;
    std::int64_t left = seconds;
    std::optional<std::int64_t> at;
    const std::int32_t first = day_of(zone_.to_local(from)) - 1;
    visit_spans(first, first + kSearchDays, from, excluded, [&](const UtcSpan& s) {
        if (left <= s.end - s.begin) at = s.begin + left;
        else left -= s.end - s.begin;
        return at.has_value();
    });
    return at;
}

}  // namespace hotline
