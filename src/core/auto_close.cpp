#include "core/auto_close.hpp"

#include <algorithm>

#include "core/entity_rules.hpp"
#include "core/event_types.hpp"
#include "core/relations.hpp"
#include "core/transaction_log.hpp"

namespace hotline {
namespace {

// The latest closing notice given at or after `since`.
std::optional<std::int64_t> notice_since(const Incident& incident, std::int64_t since) {
    std::optional<std::int64_t> at;
    for (const Event& ev : incident.events)
        if (ev.type == kCloseNoticeEventType && ev.stamp.wall_ms >= since) at = std::max(at.value_or(since), ev.stamp.wall_ms);
    return at;
}

}  // namespace

std::optional<std::int64_t> customer_silence_start(const Desk& desk, const Incident& incident) {
    if (incident.status != IncidentStatus::solved) return std::nullopt;
    std::int64_t since = last_became(desk, incident, IncidentStatus::solved);
    for (const Event& ev : incident.events)
        if (ev.type != kCloseNoticeEventType) since = std::max(since, ev.stamp.wall_ms);
    return since;
}

std::optional<IncidentStep> auto_close_step(const Desk& desk, const Incident& incident, const AutoClosePolicy& policy,
                                        std::int64_t now_ms) {
    if (!policy.enabled()) return std::nullopt;
    const auto silence = customer_silence_start(desk, incident);
    if (!silence) return std::nullopt;
    const std::int64_t notice_ms = std::clamp<std::int64_t>(policy.notice_days, 0, policy.close_after_days) * kDayMs;
    const std::int64_t deadline = *silence + policy.close_after_days * kDayMs;
    const auto notice = notice_since(incident, *silence);
    // W12: a parent waits for its children (checked only when a step is due: it walks the relations).
    const auto waits_for_children = [&] { return !open_children(desk, incident).empty(); };
    if (!notice) {
        if (now_ms < deadline - notice_ms || waits_for_children()) return std::nullopt;
        return IncidentStep{EventStep{std::string(kCloseNoticeEventType), utc_date(std::max(deadline, now_ms + notice_ms))}};
    }
    if (now_ms < std::max(deadline, *notice + notice_ms) || waits_for_children()) return std::nullopt;
    return IncidentStep{TransitionStep{IncidentStatus::closed}};
}

}  // namespace hotline
