#include "core/billing.hpp"

#include "core/entitlements.hpp"
#include "core/entity_rules.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

using F = IncidentField;
constexpr std::string_view kBillable = "billable", kNotBillable = "not_billable";

// A contract covers work when it is in force and of a kind that covers it.
bool covers(const Entity& contract, std::string_view day) {
    const std::string_view coverage = contract.value(ContractField::coverage);
    return (coverage == "warranty" || coverage == "service_contract") && contract_in_force(contract, day);
}

}  // namespace

BillingDecision billing_decision(const Desk& desk, const Incident& incident) {
    BillingDecision d;
    d.day = utc_date(desk.to_hlc(incident.created).wall_ms);
    const Entity* unit = desk.find(EntityKind::unit, incident.value(F::unit));
    // The warranty as registered (R3's snapshot), else as the unit record says.
    std::string_view warranty_end = incident.value(F::unit_warranty_end);
    if (warranty_end.empty() && unit) warranty_end = unit->value(UnitField::warranty_end);
    const std::string_view contract_id = unit ? unit->value(UnitField::contract) : std::string_view();
    const Entity* contract = contract_id.empty() ? nullptr : desk.find(EntityKind::contract, contract_id);
    // S7: the entitlement it draws on (not waived) covers it as its contract does.
    const Entity* entitlement = is_blank(incident.value(F::entitlement_waiver))
                                    ? desk.find(EntityKind::contract, incident.value(F::entitlement))
                                    : nullptr;
    if (!warranty_end.empty() && d.day <= warranty_end) {
        d.coverage = Coverage::warranty;
    } else if (contract && covers(*contract, d.day)) {
        d.coverage = Coverage::contract;
        d.contract = std::string(contract->value(ContractField::name));
    } else if (entitlement && covers(*entitlement, d.day)) {
        d.coverage = Coverage::contract;
        d.contract = std::string(entitlement->value(ContractField::name));
    }
    const std::string_view billing = incident.value(F::billing);
    d.overridden = !billing.empty();
    d.billable = d.overridden ? billing == kBillable : d.coverage == Coverage::none;
    return d;
}

Result<Plan> plan_billing(const Incident& incident, std::optional<bool> billable, std::string_view reason) {
    if (auto ok = check_editable(incident); !ok) return ok.error();
    const std::string_view to = !billable ? std::string_view() : *billable ? kBillable : kNotBillable;
    if (billable && is_blank(reason))
        return make_error("missing_billing_reason", "Say why the incident's billing differs from its coverage");
    Plan plan;
    if (billable && reason != incident.value(F::billing_reason))
        plan.push_back(PlanStep::set(EntityKind::incident, incident.id, F::billing_reason, std::string(reason)));
    if (to != incident.value(F::billing))
        plan.push_back(PlanStep::set(EntityKind::incident, incident.id, F::billing, std::string(to)));
    if (plan.empty()) return make_error("no_changes", "The incident's billing is already so");
    return plan;
}

}  // namespace hotline
