// Routing rules (issue 14, S4): reference records (schema: EntityKind::routing_rule) that
// say where an incident goes. Rules are tried by position, then key; the first active one
// whose every given condition holds fires:
//   reason     the incident's reason labels name this reason code (a general code also
//              matches the incidents of its specific codes; knowledge.hpp reads the labels)
//   priority   its priority; origin: its origin channel; account: its account record
//   unit_item  its unit's item contains this text (case and accents ignored)
// and gives its department and person (through plan_assignment: assignment.hpp, with the
// rule named as the reason of the hand-over) or its queue (queues.hpp: the queue's
// department, and its least loaded engineer when it assigns by workload), and its
// priority. The plan ends with a "routing" event naming the rule, so the transaction log
// says which rule fired.
//
// The client's Route button asks this; the server's automatic routing of incidents that
// arrive by API or email will ask the same function.
#pragma once

#include <vector>

#include "core/desk.hpp"
#include "core/entity_rules.hpp"
#include "core/incident_plan.hpp"
#include "core/result.hpp"

namespace hotline {

// The rule that fires for `incident`; null when none does.
const Entity* matching_rule(const Desk& desk, const Incident& incident);

// The conditions of `rule` (its fields reason .. unit_item that it gives) that `incident`
// does not meet, in field order; empty: the rule matches it. The rule editor's preview asks
// this for the rule as typed, before it is saved.
std::vector<FieldId> unmet_conditions(const Desk& desk, const Entity& rule, const Incident& incident);

// What routing `incident` takes, in order: the priority, the assignment's operations, the
// "routing" event. Refused when no rule matches (no_routing_rule) or when the incident
// already is where its rule sends it (already_routed).
Result<IncidentPlan> plan_routing(const Desk& desk, const Incident& incident);

// entity_rules.hpp: a rule gives something.
Outcome check_routing_rule(const EntityChange& change);

}  // namespace hotline
