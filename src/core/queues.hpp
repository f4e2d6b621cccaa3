// S5: queues (schema: EntityKind::queue). An incident waits in its queue
// (IncidentField::queue) while work remains on it (workload.hpp: awaits_work) and nobody
// holds it as a person. Adding it to a queue gives it to the queue's department and
// releases the person who held it (an assignment whose reason names the queue); a queue
// that assigns by workload gives it at once to its least loaded eligible engineer
// (workload.hpp). Picking takes the waiting incident due first (the running SLA target's
// deadline, incident_sla.hpp; those without one after, oldest first) and assigns it to the
// one who picked. Every step is an ordinary operation: the log shows it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"
#include "core/incident_sla.hpp"
#include "core/result.hpp"

namespace hotline {

bool waits_in_queue(const Incident& incident);

// How many incidents wait in each queue, by queue key (queues with none are absent).
std::map<std::string, std::size_t, std::less<>> queue_depths(const Desk& desk);

// The incident waiting in `queue` that is due first at `now_s`; null when none waits.
const Incident* next_in_queue(const Desk& desk, const SlaPolicies& policies, std::string_view queue,
                              std::int64_t now_s);

// Adding `incident` to `queue`: refused for an unknown or inactive queue, for an incident
// no work awaits (not_queueable: solved, transferred, closed), or when it already waits
// there (already_in_queue).
Result<IncidentPlan> plan_enqueue(const Desk& desk, const Incident& incident, std::string_view queue);

// `login` takes `incident` from the queue it waits in (assignment to them, in the queue's
// department). Refused when it waits in none, or `login` has no staff profile.
Result<IncidentPlan> plan_pick(const Desk& desk, const Incident& incident, std::string_view login);

}  // namespace hotline
