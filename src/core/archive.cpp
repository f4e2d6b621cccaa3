#include "core/archive.hpp"

#include "core/auto_close.hpp"
#include "core/transaction_log.hpp"

namespace hotline {

bool is_active(IncidentStatus status) {
    using S = IncidentStatus;
    switch (status) {
        case S::registered:
        case S::assigned:
        case S::in_progress:
        case S::solved:
        case S::accepted:
        case S::transferred:
        case S::closed: return true;
        case S::archived: return false;
    }
    return true;
}

bool is_listed(IncidentStatus status, bool status_chosen, bool searching) {
    return status_chosen || (!is_active(status) && searching);
}

std::optional<IncidentStep> archive_step(const Desk& desk, const Incident& incident, const ArchivePolicy& policy,
                                         std::int64_t now_ms) {
    if (!policy.enabled() || incident.status != IncidentStatus::closed) return std::nullopt;
    const std::int64_t closed = last_became(desk, incident, IncidentStatus::closed);
    if (now_ms < closed + policy.archive_after_days * kDayMs) return std::nullopt;
    return IncidentStep{TransitionStep{IncidentStatus::archived}};
}

}  // namespace hotline
