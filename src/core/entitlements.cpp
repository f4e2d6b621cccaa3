#include "core/entitlements.hpp"

#include <algorithm>

#include "core/insertion_sort.hpp"
#include "core/time_entries.hpp"

namespace hotline {
namespace {

using C = ContractField;
using F = IncidentField;

bool counts(const Incident& incident, std::string_view contract) {
    return incident.value(F::entitlement) == contract && is_blank(incident.value(F::entitlement_waiver)) &&
           incident.value(F::merged_into).empty();
}

std::string_view value_of(const std::vector<std::pair<FieldId, std::string>>& fields, FieldId f) {
    for (const auto& [field, value] : fields)
        if (field == f) return value;
    return {};
}

void put(std::vector<std::pair<FieldId, std::string>>& fields, FieldId f, std::string value) {
    for (auto& [field, v] : fields)
        if (field == f) {
            v = std::move(value);
            return;
        }
    fields.emplace_back(f, std::move(value));
}

}  // namespace

bool is_entitlement(const Entity& contract) {
    return !contract.value(C::allowance_unit).empty() && !contract.value(C::allowance).empty();
}

bool contract_in_force(const Entity& contract, std::string_view day) {
    const std::string_view start = contract.value(C::start), end = contract.value(C::end);
    return contract.flag(C::active) && (start.empty() || start <= day) && (end.empty() || day <= end);
}

bool entitlement_in_force(const Entity& contract, std::string_view day) {
    return is_entitlement(contract) && contract_in_force(contract, day);
}

EntitlementUse entitlement_use(const Desk& desk, const Entity& contract, std::int64_t now_ms) {
    EntitlementUse use;
    use.contract = &contract;
    use.hours = contract.value(C::allowance_unit) == "hours";
    use.allowance = parse_count(contract.value(C::allowance)).value_or(0) * (use.hours ? 60 : 1);
    if (!use.hours) {
        for (const Incident& incident : desk.incidents()) use.used += counts(incident, contract.id) ? 1 : 0;
        return use;
    }
    std::int64_t ms = 0;
    for (const Entity& entry : desk.entities(EntityKind::time_entry))
        if (const Incident* incident = desk.find(entry.value(TimeEntryField::incident));
            incident && counts(*incident, contract.id))
            ms += entry_ms(entry, now_ms);
    use.used = ms / 60'000;
    return use;
}

std::vector<EntitlementUse> account_entitlements(const Desk& desk, std::string_view account, std::string_view day,
                                                 std::int64_t now_ms) {
    std::vector<EntitlementUse> out;
    if (account.empty()) return out;
    for (const Entity& contract : desk.entities(EntityKind::contract))
        if (contract.value(C::account) == account && entitlement_in_force(contract, day))
            out.push_back(entitlement_use(desk, contract, now_ms));
    // An open-ended one after those that end.
    const auto end_of = [](const EntitlementUse& u) {
        const std::string_view end = u.contract->value(C::end);
        return end.empty() ? std::string_view("9999-99-99") : end;
    };
    insertion_sort(out.begin(), out.end(), [&](const EntitlementUse& a, const EntitlementUse& b) {
        if (end_of(a) != end_of(b)) return end_of(a) < end_of(b);
        return a.contract->value(C::name) < b.contract->value(C::name);
    });
    return out;
}

Outcome add_entitlement(const Desk& desk, std::string_view day, std::int64_t now_ms,
                        std::vector<std::pair<FieldId, std::string>>& fields) {
    const std::string_view account = value_of(fields, F::account);
    const std::string_view chosen = value_of(fields, F::entitlement);
    const bool waived = !is_blank(value_of(fields, F::entitlement_waiver));
    const Entity* contract = nullptr;
    if (!chosen.empty()) {
        contract = desk.find(EntityKind::contract, chosen);
        if (!contract || contract->value(C::account) != account)
            return make_error("entitlement_of_other_account", "The entitlement chosen is not the customer's");
        if (!entitlement_in_force(*contract, day))
            return make_error("entitlement_not_in_force", "The entitlement chosen is not in force today",
                              {std::string(contract->value(C::name))});
        if (!waived && entitlement_use(desk, *contract, now_ms).left() <= 0)
            return make_error("entitlement_used_up",
                              "The entitlement " + std::string(contract->value(C::name)) +
                                  " is used up: choose another, or waive it and say why",
                              {std::string(contract->value(C::name))});
    } else {
        for (const EntitlementUse& use : account_entitlements(desk, account, day, now_ms))
            if (use.left() > 0) {
                contract = use.contract;
                break;
            }
    }
    if (!contract) return {};
    put(fields, F::entitlement, contract->id);
    if (const std::string_view policy = contract->value(C::sla_policy); !policy.empty())
        put(fields, F::sla_policy, std::string(policy));
    return {};
}

}  // namespace hotline
