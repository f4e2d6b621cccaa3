// W1 status lifecycle as an explicit transition table with guards.
//
//   Registered  -> Assigned, In progress, Transferred, Closed
//   Assigned    -> Registered, In progress, Transferred, Closed
//   In progress -> Assigned, Solved, Transferred
//   Solved      -> In progress, Accepted, Closed
//   Accepted    -> Closed
//   Transferred -> In progress, Closed
//   Closed      -> Archived, In progress
//   Archived    -> (none: read-only history, W10)
//
// Guards: Assigned needs a department or an engineer, free text (older versions) or
// records (W2; assignment.hpp moves an incident to Assigned once both are chosen); Solved needs the
// actual problem and the actual solution (W5). Every refusal is an Error whose
// code names the rule and whose message a person can act on.
#pragma once

#include <vector>

#include "core/entity.hpp"
#include "core/result.hpp"

namespace hotline {

bool is_allowed_transition(IncidentStatus from, IncidentStatus to);
std::vector<IncidentStatus> allowed_targets(IncidentStatus from);

// Checks the table and the guards against the incident as it is now.
Outcome check_transition(const Incident& incident, IncidentStatus to);

// Archived incidents are read-only; nothing but reading them is allowed.
Outcome check_editable(const Incident& incident);

}  // namespace hotline
