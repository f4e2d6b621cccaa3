// W9 (seeds 000, 003): is an incident billed? Decided from its coverage on the day it
// was registered: the unit in warranty, or covered by an active contract (warranty or
// service contract, in force that day; the unit's, or the entitlement the incident draws
// on, S7), is not billable; otherwise it is. Someone may
// override the decision either way with a reason (fields `billing` and
// `billing.reason`; entity_rules.cpp refuses an override without its reason). The
// decision is computed, not stored, while nobody overrides it: a contract recorded
// later for that day counts.
//
// A subcontract agreement is no coverage of the customer's: the subcontractor
// services the unit, the customer is billed as without one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/desk.hpp"
#include "core/plan.hpp"
#include "core/result.hpp"

namespace hotline {

enum class Coverage : std::uint8_t { none, warranty, contract };

struct BillingDecision {
    Coverage coverage = Coverage::none;
    std::string contract;     // the covering contract's name (Coverage::contract)
    std::string day;          // the day judged: the incident's registration, "YYYY-MM-DD"
    bool billable = true;     // what applies: the override if any, else from coverage
    bool overridden = false;  // someone decided otherwise, with billing.reason
};

BillingDecision billing_decision(const Desk& desk, const Incident& incident);

// Overriding (billable given) or going back to the coverage's decision (nullopt).
// An override needs a reason; the reason is written before the flag.
Result<Plan> plan_billing(const Incident& incident, std::optional<bool> billable, std::string_view reason);

}  // namespace hotline
