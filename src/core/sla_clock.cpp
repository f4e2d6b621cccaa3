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

}  // namespace

void set_deadline(const BusinessCalendar& calendar, SlaClock& clock, std::int64_t deadline) {
    clock.deadline = std::max(deadline, clock.start);
    clock.pauses.clear();
    clock.target = calendar.working_seconds(clock.start, *clock.deadline, clock.pauses);
}

SlaMoments sla_moments(const BusinessCalendar& calendar, const SlaClock& clock) {
    auto when = [&](std::int64_t used) -> std::optional<std::int64_t> {
        auto at = calendar.add_working_seconds(clock.start, used, clock.pauses);
        if (clock.deadline && (!at || *at > *clock.deadline)) return clock.deadline;
        return at;
    };
    SlaMoments out{when(used_at(clock.follow_up, clock.target)), when(used_at(clock.warning, clock.target)),
                   when(clock.target)};
    if (clock.deadline) out.late = clock.deadline;
    return out;
}

SlaReading read_sla(const BusinessCalendar& calendar, const SlaClock& clock, std::int64_t now) {
    SlaReading r;
    r.used = calendar.working_seconds(clock.start, now, clock.pauses);
    r.remaining = clock.target - r.used;
    if (is_late(clock, r.used, now)) r.state = SlaState::late;
    else if (paused_at(clock.pauses, now)) r.state = SlaState::paused;
    else if (r.used >= used_at(clock.warning, clock.target)) r.state = SlaState::warning;
    else if (r.used >= used_at(clock.follow_up, clock.target)) r.state = SlaState::follow_up;
    return r;
}

}  // namespace hotline
