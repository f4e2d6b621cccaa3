// Working time (issue 14, S3): when a department or a customer's contract is served, and
// how much of it lies between two instants. The SLA clock counts only this time.
//
// A calendar is a time zone, the working intervals of each weekday (several a day,
// half-open, 24:00 allowed; an overnight shift is two intervals, one on each day),
// holidays (closed all day) and special days (their own intervals instead of the week's).
// Every day is stepped by its civil date and its local times converted with the zone's
// rules, never by adding 86,400 s: a DST day is 23 or 25 hours long, the skipped hour
// is not worked, the repeated hour is worked twice, and a 24/7 calendar has no gap at
// midnight (each day's 24:00 is the next day's 00:00).
//
// Pure functions on integer seconds: the browser and the server compute the same answers.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <limits>
#include <set>
#include <span>
#include <vector>

#include "core/posix_zone.hpp"
#include "core/result.hpp"

namespace hotline {

struct WorkingInterval {
    std::int32_t begin = 0;  // seconds after local midnight, 0 <= begin < end <= 86,400
    std::int32_t end = 0;
    friend bool operator==(const WorkingInterval&, const WorkingInterval&) = default;
};

struct UtcSpan {
    std::int64_t begin = 0, end = 0;  // [begin, end) on the UTC time line
    friend bool operator==(const UtcSpan&, const UtcSpan&) = default;
};
// The end of a span that has not ended (a pause still going on).
inline constexpr std::int64_t kOpenEnded = std::numeric_limits<std::int64_t>::max();

class WorkingTimeIndex;

class BusinessCalendar {
public:
    // `week[0]` is Monday … `week[6]` Sunday; days since 1970-01-01 (local civil dates) for
    // holidays and special days. Intervals of a day must be sorted and not overlap.
    using Week = std::array<std::vector<WorkingInterval>, 7>;
    static Result<BusinessCalendar> make(PosixZone zone, Week week, std::set<std::int32_t> holidays = {},
                                         std::map<std::int32_t, std::vector<WorkingInterval>> special_days = {});
    static BusinessCalendar always_open(PosixZone zone);  // 24/7

    const PosixZone& zone() const { return zone_; }

    // The same calendar with its working time precomputed for the local dates [first_day,
    // last_day] (working_time_index.hpp): answers within them are binary searches (the SLA
    // clocks of a whole desk); outside them it walks the days as before.
    BusinessCalendar indexed(std::int32_t first_day, std::int32_t last_day) const;

    // The calendar as it was before each of its edits: `earlier[i]` applied until
    // earlier[i].until (exclusive), from the one before's `until`; this one after the last.
    // An edit then changes the working time that remains, not the time already counted
    // (issue 14, S3). `earlier` is sorted by `until`; each is a calendar without versions.
    struct Version;
    BusinessCalendar with_earlier_versions(std::vector<Version> earlier) const;

    // The working spans of one local civil date, on the UTC line, in order (this version's).
    std::vector<UtcSpan> open_on(std::int32_t day) const;
    // `excluded`: time not counted even when working (an SLA's pauses), sorted and not
    // overlapping; a span ending at kOpenEnded excludes everything after its begin.

    // Working seconds in [from, to) (0 when to <= from).
    std::int64_t working_seconds(std::int64_t from, std::int64_t to, std::span<const UtcSpan> excluded = {}) const;
    // The instant at which `seconds` of working time after `from` are used up: the end of a
    // working span when they end exactly there (not the next morning). nullopt when there is
    // no such time within ten years of `from` (no working hours, or a pause not ended).
    std::optional<std::int64_t> add_working_seconds(std::int64_t from, std::int64_t seconds,
                                                    std::span<const UtcSpan> excluded = {}) const;

private:
    // This version alone (no earlier versions), with its index.
    std::int64_t own_working_seconds(std::int64_t from, std::int64_t to, std::span<const UtcSpan> excluded) const;
    std::optional<std::int64_t> own_add_working_seconds(std::int64_t from, std::int64_t seconds,
                                                        std::span<const UtcSpan> excluded) const;
    const std::vector<WorkingInterval>& intervals_on(std::int32_t day) const;
    // Calls visit(span) for the working time of the local dates [first_day, last_day] from
    // `from` on, less `excluded`, in time order and each instant once, until visit returns
    // true (then true).
    template <typename Visit>
    bool visit_spans(std::int32_t first_day, std::int32_t last_day, std::int64_t from,
                     std::span<const UtcSpan> excluded, Visit&& visit) const;

    PosixZone zone_ = PosixZone::utc();
    Week week_;
    std::set<std::int32_t> holidays_;
    std::map<std::int32_t, std::vector<WorkingInterval>> special_days_;
    std::shared_ptr<const WorkingTimeIndex> index_;  // shared by copies: it never changes
    std::shared_ptr<const std::vector<Version>> earlier_;  // with_earlier_versions; shared likewise
};

struct BusinessCalendar::Version {
    std::int64_t until = 0;
    BusinessCalendar calendar;
};

}  // namespace hotline
