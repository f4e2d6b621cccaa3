#include "core/sla_clock.hpp"

#include <algorithm>

namespace hotline {
namespace {

// Working seconds used when a level begins; rounded up, so a level never begins before its
// share is reached.
std::int64_t used_at(const SlaThreshold& t, std::int64_t target) {
    if (t.lead_seconds > 0) return std::max<std::int64_t>(0, target - t.lead_seconds);
    return (target * t.permille + 999) / 1000;
}

bool paused_at(const std::vector<UtcSpan>& pauses, std::int64_t now) {
    return std::any_of(pauses.begin(), pauses.end(), [&](const UtcSpan& p) { return p.begin <= now && now < p.end; });
}

// Is the clock Late at `now` (its target used, `used` seconds counted)? With a deadline,
// from that moment: it may lie outside working hours, after the target's last second.
bool is_late(const SlaClock& clock, std::int64_t used, std::int64_t now) {
    return clock.deadline ? now >= *clock.deadline : used >= clock.target;
}

// Working seconds in [from, to), each stretch on its calendar.
std::int64_t working(const BusinessCalendar& first, const SlaClock& clock, std::int64_t from, std::int64_t to) {
    const BusinessCalendar* calendar = &first;
    std::int64_t total = 0;
    for (const CalendarStretch& s : clock.later_calendars) {
        if (from >= to) return total;
        if (s.since > from) {
            const std::int64_t end = std::min(to, s.since);
            total += calendar->working_seconds(from, end, clock.pauses);
            from = end;
        }
        calendar = s.calendar;
    }
    return total + calendar->working_seconds(from, to, clock.pauses);
}

// The instant `used` working seconds after the clock's start are used up, each stretch on
// its calendar (BusinessCalendar::add_working_seconds).
std::optional<std::int64_t> when_used(const BusinessCalendar& first, const SlaClock& clock, std::int64_t used) {
    const BusinessCalendar* calendar = &first;
    std::int64_t from = clock.start;
    for (const CalendarStretch& s : clock.later_calendars) {
        if (s.since > from) {
            const std::int64_t available = calendar->working_seconds(from, s.since, clock.pauses);
            if (available >= used) return calendar->add_working_seconds(from, used, clock.pauses);
            used -= available;
            from = s.since;
        }
        calendar = s.calendar;
    }
    return calendar->add_working_seconds(from, used, clock.pauses);
}

}  // namespace

void set_deadline(const BusinessCalendar& calendar, SlaClock& clock, std::int64_t deadline) {
    clock.deadline = std::max(deadline, clock.start);
    clock.pauses.clear();
    clock.target = working(calendar, clock, clock.start, *clock.deadline);
}

SlaMoments sla_moments(const BusinessCalendar& calendar, const SlaClock& clock) {
    auto when = [&](std::int64_t used) -> std::optional<std::int64_t> {
        auto at = when_used(calendar, clock, used);
        if (clock.deadline && (!at || *at > *clock.deadline)) return clock.deadline;
        return at;
    };
    return {when(used_at(clock.follow_up, clock.target)), when(used_at(clock.warning, clock.target)),
            clock.deadline ? clock.deadline : when(clock.target)};
}

SlaReading read_sla(const BusinessCalendar& calendar, const SlaClock& clock, std::int64_t now) {
    SlaReading r;
    r.used = working(calendar, clock, clock.start, now);
    r.remaining = clock.target - r.used;
    if (is_late(clock, r.used, now)) r.state = SlaState::late;
    else if (paused_at(clock.pauses, now)) r.state = SlaState::paused;
    else if (r.used >= used_at(clock.warning, clock.target)) r.state = SlaState::warning;
    else if (r.used >= used_at(clock.follow_up, clock.target)) r.state = SlaState::follow_up;
    return r;
}

}  // namespace hotline
