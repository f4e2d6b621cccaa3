// An SLA metric's clock (issue 14, S2): a target of working time on a calendar from the
// metric's start, less the pauses (waiting for the customer pauses resolution). From these
// inputs alone it gives the instants Follow-up, Warning and Late begin, and the state at
// any instant: recomputed from scratch whenever an input changes, never by shifting a stored
// deadline, so a new priority keeps the pause time already accumulated and a calendar edit
// changes what remains, not what was used. Integer seconds: the target used to the last
// second is Late, one second short is not.
//
// The calendar counting the time may change mid-way (an incident handed to a department with
// other hours): each counts the time from the moment it took over, so the time already used
// stays as it was counted.
//
// A deadline set by hand (GLPI moved one by the time spent pending: glpi#17186) is a moment,
// not working time: the clock is Late from it on whatever the pauses, and the target is the
// working time from the start to it, so Follow-up and Warning begin at their share of that.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/business_calendar.hpp"

namespace hotline {

// When a warning level begins: once `permille` of the target is used (800: 80 %), or, with
// `lead_seconds` > 0, that much working time before the deadline.
struct SlaThreshold {
    std::int32_t permille = 0;
    std::int64_t lead_seconds = 0;
};

// From `since` on, the time is counted on `calendar` (until the next stretch's since).
struct CalendarStretch {
    std::int64_t since = 0;  // UTC seconds
    const BusinessCalendar* calendar = nullptr;
};

struct SlaClock {
    std::int64_t start = 0;        // UTC seconds: when the metric started
    std::int64_t target = 0;       // working seconds allowed
    std::vector<UtcSpan> pauses;   // sorted, not overlapping; the last may end at kOpenEnded
    SlaThreshold follow_up{500, 0};
    SlaThreshold warning{800, 0};
    std::optional<std::int64_t> deadline;  // UTC seconds: set by hand (then no pauses, and
                                           // target = the working time from start to it)
    // The calendars that took over after the start, by since (empty for most clocks: the
    // calendar given with the clock counts it all).
    std::vector<CalendarStretch> later_calendars;
};

// In each function, `calendar` counts the clock's time from its start (until the first of
// its later_calendars).

// `clock` made to end at `deadline` (UTC seconds, not before its start): its target the working
// time until then, its pauses dropped.
void set_deadline(const BusinessCalendar& calendar, SlaClock& clock, std::int64_t deadline);

enum class SlaState { on_track, follow_up, warning, late, paused };

// Each is nullopt while a pause that has not ended comes first (the clock is stopped), or
// when the calendar has no working time left within ten years.
struct SlaMoments {
    std::optional<std::int64_t> follow_up, warning, late;
};
SlaMoments sla_moments(const BusinessCalendar& calendar, const SlaClock& clock);

struct SlaReading {
    SlaState state = SlaState::on_track;
    std::int64_t used = 0;       // working seconds counted so far
    std::int64_t remaining = 0;  // target - used: negative once late (working time overdue)
};
SlaReading read_sla(const BusinessCalendar& calendar, const SlaClock& clock, std::int64_t now);

}  // namespace hotline
