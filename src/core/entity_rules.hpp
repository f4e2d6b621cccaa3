// The rules that differ per entity kind, checked by Desk::apply on a record as a
// change would leave it (the shape of each value, refs that must exist and
// required fields are the schema's, checked before). One function per kind, in
// one switch without `default:`: a new kind is a compile error until its rules
// are written here, even when it has none.
//
//   incident         an account with an active "forbid" blocking reason cannot be
//                    given to an incident (R2), at registration or later; a billing
//                    override (W9) has its reason; `merged_into` is written only by a
//                    merge operation, and an incident is not its own parent (W12)
//   contract         its start is not after its end
//   reason_code,     two levels only: a code's parent is a general code (one
//   resolution_code  without a parent), and not the code itself
//   time_entry       a timer (started, ended >= started once stopped) or a manual
//                    entry (1..kManualMinutesMax minutes); the person is a login; only
//                    `ended` and `note` change later (its incident's state is the app's
//                    check: a refused create would stay on the replica that made it)
//   order            made To do or Planned (orders.hpp); an on-site visit has an
//                    address, a subcontract its subcontractor; incident and type are
//                    fixed; the status follows the order table and its guards; a done
//                    or cancelled order is fixed
//   article          published only with a body (W13)
//   article_link     only `active` changes after its create (its incident's state is the
//                    app's check, plan_link() and plan_unlink(), as for time entries)
//   calendar,        sla_rules.hpp: a calendar's texts parse and its zone is a zone
//   sla_policy       name; a policy has a target and sensible thresholds and pauses
//   routing_rule     routing.hpp: a rule gives something (a department, a person, a
//                    priority or a queue)
//   blocking_reason  (none beyond the schema)
//   the others       (none beyond the schema)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity.hpp"
#include "core/result.hpp"

namespace hotline {

class Desk;

// W4: one manual time entry covers at most a day.
inline constexpr std::int64_t kManualMinutesMax = 24 * 60;

// A record with one field about to change (or, with no field, a record about to be created).
struct EntityChange {
    const Entity& entity;
    std::optional<FieldId> field;
    std::string_view new_value;

    std::string_view value(FieldId f) const { return field && *field == f ? new_value : std::string_view(entity.value(f)); }
    bool creating() const { return !field; }
    bool touches(FieldId f) const { return !field || *field == f; }
};

Outcome check_entity_rules(const Desk& desk, const EntityChange& change, std::int64_t wall_ms);

// R2: the blocking reasons of `account_id` in force on the day of `wall_ms` (UTC),
// "forbid" ones first. An agent is warned of the "warn" ones at registration.
std::vector<const Entity*> active_blocking_reasons(const Desk& desk, std::string_view account_id, std::int64_t wall_ms);

// "YYYY-MM-DD" of a wall time in UTC (the civil calendar, proleptic Gregorian).
std::string utc_date(std::int64_t wall_ms);

}  // namespace hotline
