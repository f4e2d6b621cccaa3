// W10: archiving, the end of an incident's life. An archived incident is history:
// read-only (workflow.hpp, check_editable), out of the active views (the incident list
// unless asked for, counters), still found by its number and by search, and no longer a
// technician's (authorization.hpp: they are not sent it).
//
// Closed incidents are archived by hand (Closed -> Archived, workflow.hpp) or by the
// server once they have been closed for N days (server/auto_close_sweep.hpp): the
// transition to Archived is due when the incident is Closed and last became Closed at
// least N days ago. Decided on the desk as it is, so a sweep made twice, after a restart
// or by another server process finds it done.
#pragma once

#include <cstdint>
#include <optional>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"

namespace hotline {

struct ArchivePolicy {
    std::int64_t archive_after_days = 0;  // 0: never archived automatically

    bool enabled() const { return archive_after_days > 0; }
    friend bool operator==(const ArchivePolicy&, const ArchivePolicy&) = default;
};

// Is an incident of `status` in the active views (every status but Archived)?
bool is_active(IncidentStatus status);

// Is an incident that passes the search box (if any) listed? `status_chosen`: the status
// filter shows its status (Archived is left out by default); `searching`: the search box
// holds text. Archived incidents are listed when asked for by status, and whenever a
// search finds them: they are still found by number and by search.
bool is_listed(IncidentStatus status, bool status_chosen, bool searching);

// The archiving due on `incident` at `now_ms` (ms since 1970): nullopt when none is.
std::optional<IncidentStep> archive_step(const Desk& desk, const Incident& incident, const ArchivePolicy& policy,
                                         std::int64_t now_ms);

}  // namespace hotline
