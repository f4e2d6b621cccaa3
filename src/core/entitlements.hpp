// S7: entitlements, a customer's support terms. A contract (R5) with an allowance is one:
// so many incidents, or so many hours of work, between its start and end dates. What is
// used is counted from the desk, never stored as a counter, so replicas that registered
// incidents offline agree once they have synced (two agents using the last incident of a
// pack offline show it overdrawn by one, and nothing they typed is refused):
//   incidents  the incidents registered under it (IncidentField::entitlement) that nobody
//              waived and that were not merged into another (W12)
//   hours      the time logged on those incidents (time_entries.hpp; a running timer up
//              to now), in minutes
// A new incident of an account draws on the entitlement the agent chose, else on the
// first in force with something left (soonest end first); the agent may waive it, giving
// the reason (IncidentField::entitlement_waiver). The entitlement's SLA policy becomes the
// incident's (IncidentField::sla_policy, incident_sla.hpp), whatever its priority.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/desk.hpp"
#include "core/result.hpp"

namespace hotline {

struct EntitlementUse {
    const Entity* contract = nullptr;
    bool hours = false;           // the allowance is hours (used: minutes), else incidents
    std::int64_t allowance = 0;   // incidents, or minutes
    std::int64_t used = 0;
    std::int64_t left() const { return allowance - used; }  // negative: overdrawn
};

// Is `contract` in force on `day` ("YYYY-MM-DD"): active, started and not ended?
bool contract_in_force(const Entity& contract, std::string_view day);

// Has `contract` an allowance (is it an entitlement)? An entitlement in force on `day`?
bool is_entitlement(const Entity& contract);
bool entitlement_in_force(const Entity& contract, std::string_view day);

// What is used of `contract` as of `now_ms`.
EntitlementUse entitlement_use(const Desk& desk, const Entity& contract, std::int64_t now_ms);

// The account's entitlements in force on `day`, soonest end first (then name).
std::vector<EntitlementUse> account_entitlements(const Desk& desk, std::string_view account, std::string_view day,
                                                 std::int64_t now_ms);

// The fields a new incident takes from its entitlement, added to `fields` (those of a
// create): the entitlement chosen (`entitlement` given), else the default one, and its SLA
// policy. Refused when the chosen one is not the account's (entitlement_of_other_account),
// not in force on `day` (entitlement_not_in_force), or used up and not waived
// (entitlement_used_up). Without an account, or an entitlement to draw on, nothing is added.
Outcome add_entitlement(const Desk& desk, std::string_view day, std::int64_t now_ms,
                        std::vector<std::pair<FieldId, std::string>>& fields);

}  // namespace hotline
