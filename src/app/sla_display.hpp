// The SLA as people read it (issue 14, S2): the list's countdown cell and the incident
// pane's lines, in the interface's language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/local_zone.hpp"
#include "core/desk.hpp"
#include "core/event_list.hpp"
#include "core/incident_sla.hpp"

namespace hotline::app {

// Working time as "3h 05m" or "45m" (in the interface's language).
std::string format_working_time(std::int64_t seconds);
// The countdown cell: the working time left, "-1h 10m" once late, or Paused, Met, Missed;
// empty without an SLA.
std::string sla_countdown(const SlaStatus& status);
// The pane's lines: the policy and the calendar it counts on now (its own, or the
// department's), then each metric (met, due, overdue or paused, and why).
std::vector<std::string> sla_lines(const SlaPolicies& policies, const IncidentSla& sla, const SlaStatus& status,
                                   IncidentStatus current, LocalZone zone);

// What an event says: an SLA alert's text (core/escalation.hpp: "response 1803902400") as
// "First response due 2027-01-18 18:00"; any other event's text as written.
std::string event_text(const Event& event, LocalZone zone);
// A notification (notifications.hpp) as the centre lists it: "Assigned to you by Ann Baker",
// "First response: Warning, due 2027-01-18 18:00", "Resolution: Late, was due …".
struct Notification;
std::string notification_text(const Desk& desk, const Notification& n, LocalZone zone);
// The name of an SLA target: First response, Resolution.
std::string_view metric_text(SlaMetric metric);

}  // namespace hotline::app
