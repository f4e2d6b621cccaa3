#include "core/orders.hpp"

#include <algorithm>

namespace hotline {
namespace {

using S = OrderStatus;
using F = OrderField;

constexpr std::string_view kTypeLabels[] = {"Service order (on site)", "Subcontract",   "Workshop repair (RMA)",
                                            "Parts delivery",          "Parts receipt", "Parts loan"};
constexpr std::string_view kStatusLabels[] = {"To do", "Planned", "In progress", "Done", "Cancelled"};
static_assert(std::size(kTypeLabels) == std::size(kOrderTypeNames));
static_assert(std::size(kStatusLabels) == kOrderStatusCount && std::size(kOrderStatusNames) == kOrderStatusCount);

// kAllowed[from][to]
constexpr bool kAllowed[kOrderStatusCount][kOrderStatusCount] = {
    //             open   plan   prog   done   canc
    /* open */ {false, true, true, false, true},
    /* plan */ {true, false, true, true, true},
    /* prog */ {false, true, false, true, true},
    /* done */ {false, false, false, false, false},
    /* canc */ {false, false, false, false, false},
};

template <typename E, std::size_t N>
std::optional<E> by_name(const std::string_view (&names)[N], std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<E>(i);
    return std::nullopt;
}

Outcome guard(const Entity& order, S to) {
    const std::string label(order_status_label(to));
    if (to == S::planned && order.value(F::planned).empty())
        return make_error("guard_planned_date", "Cannot mark the order as Planned: give its planned date first");
    if (to == S::in_progress) {
        const OrderType type = order_type(order);
        if (type == OrderType::service_order && order.value(F::technician).empty())
            return make_error("guard_technician", "Cannot start an on-site visit: choose its technician first");
        if (type == OrderType::subcontract && is_blank(order.value(F::subcontractor)))
            return make_error("guard_subcontractor", "Cannot start a subcontract: name the subcontractor first");
    }
    if (is_finished(to) && is_blank(order.value(F::outcome)))
        return make_error("guard_outcome", "Cannot mark the order as " + label + ": say what came of it first",
                          {label});
    return {};
}

}  // namespace

std::string_view order_type_name(OrderType t) { return kOrderTypeNames[static_cast<int>(t)]; }
std::string_view order_type_label(OrderType t) { return kTypeLabels[static_cast<int>(t)]; }
std::optional<OrderType> order_type_by_name(std::string_view name) { return by_name<OrderType>(kOrderTypeNames, name); }
std::string_view order_status_name(OrderStatus s) { return kOrderStatusNames[static_cast<int>(s)]; }
std::string_view order_status_label(OrderStatus s) { return kStatusLabels[static_cast<int>(s)]; }
std::optional<OrderStatus> order_status_by_name(std::string_view name) {
    return by_name<OrderStatus>(kOrderStatusNames, name);
}

OrderType order_type(const Entity& order) {
    return order_type_by_name(order.value(F::type)).value_or(OrderType::service_order);
}
OrderStatus order_status(const Entity& order) {
    return order_status_by_name(order.value(F::status)).value_or(OrderStatus::open);
}
bool is_finished(OrderStatus s) { return s == S::done || s == S::cancelled; }

bool is_allowed_order_transition(OrderStatus from, OrderStatus to) {
    return kAllowed[static_cast<int>(from)][static_cast<int>(to)];
}

std::vector<OrderStatus> allowed_order_targets(OrderStatus from) {
    std::vector<OrderStatus> out;
    for (int to = 0; to < kOrderStatusCount; ++to)
        if (kAllowed[static_cast<int>(from)][to]) out.push_back(static_cast<OrderStatus>(to));
    return out;
}

Outcome check_order_transition(const Entity& order, OrderStatus to) {
    const OrderStatus from = order_status(order);
    if (from == to) return {};  // writing the same status again changes nothing
    if (!is_allowed_order_transition(from, to))
        return make_error("order_transition_not_allowed",
                          "An order cannot go from " + std::string(order_status_label(from)) + " to " +
                              std::string(order_status_label(to)),
                          {std::string(order_status_label(from)), std::string(order_status_label(to))});
    return guard(order, to);
}

Outcome check_order_start(const Entity& order) {
    const OrderStatus s = order_status(order);
    if (s != S::open && s != S::planned)
        return make_error("bad_order_status", "A new order is To do or Planned");
    return s == S::planned ? guard(order, s) : Outcome{};
}

std::vector<const Entity*> orders_of(const Desk& desk, std::string_view incident_id) {
    std::vector<const Entity*> out;
    for (const Entity& order : desk.entities(EntityKind::order))
        if (order.value(F::incident) == incident_id) out.push_back(&order);
    std::sort(out.begin(), out.end(),
              [&](const Entity* a, const Entity* b) { return desk.is_newer(b->created, a->created); });
    return out;
}

std::string order_number(const Desk& desk, const Entity& order) {
    const std::string_view incident_id = order.value(F::incident);
    const Incident* incident = desk.find(incident_id);
    const auto orders = orders_of(desk, incident_id);
    const auto at = std::find(orders.begin(), orders.end(), &order);
    return (incident ? incident->number.display() : std::string(incident_id)) + "-" +
           std::to_string(at - orders.begin() + 1);
}

bool has_open_order(const Desk& desk, std::string_view incident_id, std::string_view except_order) {
    for (const Entity* order : orders_of(desk, incident_id))
        if (order->id != except_order && !is_finished(order_status(*order))) return true;
    return false;
}

}  // namespace hotline
