// W8: the orders an incident is transferred to (`order` records, schema.hpp): what
// kind of order it is, its status table with guards, its number and the orders of
// one incident. Plans that create and finish orders are in transfer.hpp.
//
// Status (a choice field, so it merges like any field; the table is checked by
// entity_rules.cpp when a change would win):
//   To do (open) -> Planned, In progress, Cancelled
//   Planned     -> Open, In progress, Done, Cancelled
//   In progress -> Planned, Done, Cancelled
//   Done, Cancelled: final (the order is read-only from then on)
// Guards: Planned needs a planned date; In progress needs who does it (a technician
// for a service order, the subcontractor for a subcontract); Done and Cancelled need
// the outcome note (it goes back to the incident as an event).
//
// Number: orders have no sequence of their own (incident numbers are leased in
// blocks and renumbered by the server; a second sequence would need its own leases).
// An order is named "<incident number>-<n>", n its place among the incident's orders
// by creation stamp: unique within the incident on every replica once synced, and it
// follows the incident when the server renumbers it. Two orders made offline at
// once for the same incident may swap their n when they meet (the earlier-stamped
// one keeps 1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/desk.hpp"
#include "core/result.hpp"

namespace hotline {

enum class OrderType : std::uint8_t {
    service_order,    // an on-site visit: address, planned date, technician
    subcontract,      // to the subcontractor of the unit's agreement
    workshop_repair,  // customer-item maintenance: the unit comes to the workshop (RMA)
    parts_delivery,
    parts_receipt,
    parts_loan,
};
inline constexpr std::string_view kOrderTypeNames[] = {"service_order",  "subcontract",  "workshop_repair",
                                                       "parts_delivery", "parts_receipt", "parts_loan"};

enum class OrderStatus : std::uint8_t { open, planned, in_progress, done, cancelled };
inline constexpr std::string_view kOrderStatusNames[] = {"open", "planned", "in_progress", "done", "cancelled"};
inline constexpr int kOrderStatusCount = 5;

std::string_view order_type_name(OrderType t);
std::string_view order_type_label(OrderType t);  // English: "Workshop repair (RMA)"
std::optional<OrderType> order_type_by_name(std::string_view name);
std::string_view order_status_name(OrderStatus s);
std::string_view order_status_label(OrderStatus s);  // English: "In progress"
std::optional<OrderStatus> order_status_by_name(std::string_view name);

// The stored values of an order record (schema choices: always one of the names).
OrderType order_type(const Entity& order);
OrderStatus order_status(const Entity& order);
bool is_finished(OrderStatus s);  // done or cancelled

bool is_allowed_order_transition(OrderStatus from, OrderStatus to);
std::vector<OrderStatus> allowed_order_targets(OrderStatus from);
// The table and the guards, against the order as it is now.
Outcome check_order_transition(const Entity& order, OrderStatus to);
// The guards of a status an order may be created with (Open or Planned).
Outcome check_order_start(const Entity& order);

// The orders of an incident, oldest first (creation stamp).
std::vector<const Entity*> orders_of(const Desk& desk, std::string_view incident_id);
// "10042-1" (see above); the incident's number when it is known here.
std::string order_number(const Desk& desk, const Entity& order);
// Does the incident still wait for an order (one not done nor cancelled)?
bool has_open_order(const Desk& desk, std::string_view incident_id, std::string_view except_order = {});

}  // namespace hotline
