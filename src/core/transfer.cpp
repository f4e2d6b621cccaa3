#include "core/transfer.hpp"

#include "core/event_types.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

using O = OrderField;
using S = IncidentStatus;

bool may_transfer_from(S status) {
    return status == S::registered || status == S::assigned || status == S::in_progress || status == S::transferred;
}

// "a · b · c" of the parts given.
std::string joined(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view p : parts) {
        if (is_blank(p)) continue;
        if (!out.empty()) out += " \xc2\xb7 ";
        out += p;
    }
    return out;
}

std::string staff_name(const Desk& desk, std::string_view login) {
    if (login.empty()) return {};
    const Entity* profile = desk.find(EntityKind::staff_profile, login);
    return std::string(profile ? record_title(*profile) : login);
}

}  // namespace

std::string say_english(std::string_view english) { return std::string(english); }

const Entity* subcontract_agreement(const Desk& desk, std::string_view unit_id) {
    const Entity* unit = unit_id.empty() ? nullptr : desk.find(EntityKind::unit, unit_id);
    const std::string_view contract_id = unit ? unit->value(UnitField::contract) : std::string_view();
    const Entity* contract = contract_id.empty() ? nullptr : desk.find(EntityKind::contract, contract_id);
    if (!contract || contract->value(ContractField::coverage) != "subcontract" || !contract->flag(ContractField::active))
        return nullptr;
    return contract;
}

TransferRequest transfer_defaults(const Desk& desk, const Incident& incident, OrderType type) {
    TransferRequest r;
    r.type = type;
    const Entity* unit = desk.find(EntityKind::unit, incident.value(IncidentField::unit));
    const std::string_view installed = unit ? unit->value(UnitField::install_address) : std::string_view();
    r.address = std::string(is_blank(installed) ? incident.value(IncidentField::customer_address) : installed);
    if (const Entity* agreement = subcontract_agreement(desk, incident.value(IncidentField::unit)))
        r.subcontractor = std::string(agreement->value(ContractField::name));
    return r;
}

Result<Plan> plan_transfer(const Desk& desk, const Incident& incident, const TransferRequest& request, const Say& say) {
    if (auto ok = check_editable(incident); !ok) return ok.error();
    if (!may_transfer_from(incident.status))
        return make_error("transfer_not_allowed",
                          "An incident that is " + std::string(status_label(incident.status)) +
                              " cannot be transferred",
                          {std::string(status_label(incident.status))});
    const OrderStatus start = request.planned.empty() ? OrderStatus::open : OrderStatus::planned;
    std::vector<std::pair<FieldId, std::string>> fields = {
        {O::incident, incident.id},
        {O::type, std::string(order_type_name(request.type))},
        {O::status, std::string(order_status_name(start))},
    };
    for (const auto& [field, value] : {std::pair<O, const std::string&>{O::address, request.address},
                                       {O::planned, request.planned},
                                       {O::technician, request.technician},
                                       {O::subcontractor, request.subcontractor},
                                       {O::instructions, request.instructions}})
        if (!is_blank(value)) fields.emplace_back(field, value);

    // The new order is the incident's newest: its number is the next one.
    const std::string number = incident.number.display() + "-" + std::to_string(orders_of(desk, incident.id).size() + 1);
    std::string text = joined({number, say(order_type_label(request.type))});
    const std::string details = joined({request.planned, staff_name(desk, request.technician), request.subcontractor,
                                        request.address});
    if (!details.empty()) text += "\n" + details;

    Plan plan;
    plan.push_back(PlanStep::create(EntityKind::order, std::move(fields)));
    plan.push_back(PlanStep::event(incident.id, std::string(kTransferEventType), std::move(text)));
    if (incident.status != S::transferred) plan.push_back(PlanStep::transition(incident.id, S::transferred));
    return plan;
}

Result<Plan> plan_order_update(const Desk& desk, const Entity& order, OrderStatus to, std::string_view outcome,
                               const Say& say) {
    const Incident* incident = desk.find(order.value(O::incident));
    if (incident)
        if (auto ok = check_editable(*incident); !ok) return ok.error();
    const OrderStatus from = order_status(order);
    if (is_finished(from))
        return make_error("order_finished", "A done or cancelled order can no longer be changed");
    const bool new_note = outcome != order.value(O::outcome);
    if (to == from && !new_note) return make_error("no_changes", "The order is already so");
    // Checked on the order as the plan leaves it, before anything is written: a
    // refused status must not leave the note half-saved.
    Entity after = order;
    after.set_value(O::outcome, outcome);
    if (auto ok = check_order_transition(after, to); !ok) return ok.error();

    Plan plan;
    if (new_note) plan.push_back(PlanStep::set(EntityKind::order, order.id, O::outcome, std::string(outcome)));
    if (to != from)
        plan.push_back(PlanStep::set(EntityKind::order, order.id, O::status, std::string(order_status_name(to))));
    if (!is_finished(to) || !incident) return plan;
    std::string text = joined({order_number(desk, order), say(order_type_label(order_type(order)))}) + " \xe2\x86\x92 " +
                       say(order_status_label(to));
    if (!is_blank(outcome)) text += "\n" + std::string(outcome);
    plan.push_back(PlanStep::event(incident->id, std::string(kTransferEventType), std::move(text)));
    if (incident->status == S::transferred && !has_open_order(desk, incident->id, order.id))
        plan.push_back(PlanStep::transition(incident->id, S::in_progress));
    return plan;
}

}  // namespace hotline
