// The rules of the SLA's reference records (entity_rules.hpp calls them): a calendar's
// texts parse (calendar_record.hpp) and its zone is a zone name; an SLA policy has a
// target, thresholds that are percentages with Follow-up no later than Warning, and
// pausing statuses that are statuses.
#pragma once

#include "core/entity_rules.hpp"

namespace hotline {

Outcome check_calendar(const EntityChange& change);
Outcome check_sla_policy(const EntityChange& change);

}  // namespace hotline
