// S2: a resolution deadline set by hand (IncidentField::resolution_deadline), agreed with the
// customer or imposed by a manager: the incident is Late from that moment on whatever its
// pauses, in place of its policy's resolution target (incident_sla.hpp). The desk sets it,
// not technicians (authorization.hpp: forbidden_service_terms).
#pragma once

#include <cstdint>
#include <optional>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"
#include "core/result.hpp"

namespace hotline {

// Sets the deadline (UTC milliseconds) or, given nullopt, clears it. Refused for an incident
// that is not editable, a deadline before the incident was registered
// (deadline_before_creation), or one that is already so (no_changes).
Result<IncidentPlan> plan_resolution_deadline(const Incident& incident, std::optional<std::int64_t> deadline_ms);

}  // namespace hotline
