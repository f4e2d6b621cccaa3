// W8 (seeds 000, 001, 003): transferring an incident to an order, and the order's
// outcome coming back to it. Both are plans of ordinary operations (plan.hpp), like
// an assignment (assignment.hpp), so they work offline, sync, and read in the
// transaction log; Desk::apply judges each (entity_rules.cpp: the order's rules;
// workflow.hpp: the incident's table; authorization.hpp: who may).
//
// A transfer is:
//   create order        incident, type, Open (Planned when a planned date is given),
//                       address, planned date, technician, subcontractor, instructions
//   add_event transfer  "<order number> · <type>", and what was planned on the next line
//   transition          to Transferred, unless the incident already is (a second order)
// Only an incident being worked can be transferred: Registered, Assigned, In progress
// or already Transferred.
//
// An order's status change is a set of its status (and of its outcome note). Done or
// Cancelled also come back to the incident:
//   add_event transfer  "<order number> · <type> → <status>", and the note
//   transition          to In progress, when the incident is Transferred and waits for
//                       no other order; from there it can be solved (or transferred again)
//
// Event texts are stored data: their words come from `say` (the client passes its
// translation, so the writer's language is kept, as for a note typed by hand).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/desk.hpp"
#include "core/orders.hpp"
#include "core/plan.hpp"
#include "core/result.hpp"

namespace hotline {

using Say = std::function<std::string(std::string_view english)>;
std::string say_english(std::string_view english);

struct TransferRequest {
    OrderType type = OrderType::service_order;
    std::string address;
    std::string planned;     // "YYYY-MM-DD" or empty
    std::string technician;  // staff_profile key, or empty
    std::string subcontractor;
    std::string instructions;
};

// What a new order starts from: the address the unit is installed at (or the
// customer's), and the subcontractor of the unit's subcontract agreement.
TransferRequest transfer_defaults(const Desk& desk, const Incident& incident, OrderType type);

// The unit's subcontract agreement (a contract with coverage "subcontract"), if any:
// LN shows it at registration, and the desk may transfer to that subcontractor.
const Entity* subcontract_agreement(const Desk& desk, std::string_view unit_id);

Result<Plan> plan_transfer(const Desk& desk, const Incident& incident, const TransferRequest& request,
                           const Say& say = say_english);

// The order moves to `to`; `outcome` is its note (required for Done and Cancelled).
Result<Plan> plan_order_update(const Desk& desk, const Entity& order, OrderStatus to, std::string_view outcome,
                               const Say& say = say_english);

}  // namespace hotline
