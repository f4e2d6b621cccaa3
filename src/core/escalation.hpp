// Escalation (issue 14, S2, S6): when an incident's running SLA target reaches Warning, and
// again when it is Late, the server adds an event to it ("sla_warning", "sla_late") through
// its write path: it is in the transaction log and the timeline, syncs to every replica, and
// the assignee's and the managers' notification centres show it (app/notifications.hpp).
// The instants are the SLA clock's (incident_sla.hpp): counted on the policy's calendar, so
// an office-hours target does not alert at 02:00 on a Sunday.
//
// The event's text names the target and its deadline, "response 1803902400" (UTC seconds):
// one alert per level and deadline. Asked again (the next sweep, another server process,
// after a restart) nothing new is due; a deadline that moves (a new priority, a calendar
// edit) is a new one and may alert again. An incident already Late when the server first
// looks gets the Late alert only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/event_list.hpp"
#include "core/incident_plan.hpp"
#include "core/incident_sla.hpp"

namespace hotline {

struct Escalation {
    SlaMetric metric = SlaMetric::resolution;
    bool late = false;      // Late, else Warning
    std::int64_t due = 0;   // the target's deadline, UTC seconds
};

// The alert due on `incident` at `now_s`, as the event the server adds; nullopt when none is.
std::optional<EventStep> due_escalation(const SlaPolicies& policies, const Entity& incident, std::int64_t now_s);

// An escalation event read back (nullopt: another type, or a text this version cannot read).
std::optional<Escalation> read_escalation(const Event& event);

}  // namespace hotline
