#include "app/unit_lookup.hpp"

#include <algorithm>

#include "app/i18n.hpp"
#include "core/text_fold.hpp"

namespace hotline::app {

UnitCoverage unit_coverage(const Desk& desk, const Entity& unit, std::string_view date) {
    UnitCoverage c;
    c.unit = &unit;
    c.account = desk.find(EntityKind::account, unit.value(UnitField::account));
    if (const std::string_view contract = unit.value(UnitField::contract); !contract.empty())
        c.contract = desk.find(EntityKind::contract, contract);
    c.warranty_end = unit.value(UnitField::warranty_end);
    c.in_warranty = !c.warranty_end.empty() && date <= c.warranty_end;
    if (c.contract) {
        const std::string_view start = c.contract->value(ContractField::start);
        const std::string_view end = c.contract->value(ContractField::end);
        c.contract_in_force = c.contract->flag(ContractField::active) && (start.empty() || start <= date) &&
                              (end.empty() || date <= end);
    }
    return c;
}

std::string warranty_text(const UnitCoverage& c) {
    if (c.warranty_end.empty()) return std::string(tr("No warranty"));
    return tr_format(c.in_warranty ? "unit.in_warranty" : "unit.warranty_expired", {c.warranty_end});
}

std::string contract_text(const UnitCoverage& c) {
    if (!c.contract) return std::string(tr("No contract"));
    const std::string coverage_key = "coverage." + std::string(c.contract->value(ContractField::coverage));
    return tr_format(c.contract_in_force ? "unit.contract_in_force" : "unit.contract_not_in_force",
                     {c.contract->value(ContractField::name), tr(coverage_key)});
}

void UnitLookup::refresh() {
    serials_.clear();
    built_units_ = 0;
    build_if_stale();
}

void UnitLookup::build_if_stale() {
    const auto& units = desk_.entities(EntityKind::unit);
    if (built_units_ == units.size()) return;
    const std::size_t old = serials_.size();
    for (; built_units_ < units.size(); ++built_units_)
        serials_.emplace_back(lookup_key(units[built_units_].value(UnitField::serial)),
                              static_cast<std::uint32_t>(built_units_));
    std::sort(serials_.begin() + static_cast<std::ptrdiff_t>(old), serials_.end());
    std::inplace_merge(serials_.begin(), serials_.begin() + static_cast<std::ptrdiff_t>(old), serials_.end());
}

std::vector<const Entity*> UnitLookup::find(std::string_view serial, std::size_t limit) {
    build_if_stale();
    std::string key = lookup_key(serial);
    key.erase(0, std::min(key.find_first_not_of(' '), key.size()));
    while (!key.empty() && key.back() == ' ') key.pop_back();
    std::vector<const Entity*> out;
    if (key.empty()) return out;
    // The sorted order puts the exact serial first, then the longer ones it begins.
    auto it = std::lower_bound(serials_.begin(), serials_.end(), key,
                               [](const auto& entry, const std::string& k) { return entry.first < k; });
    for (; it != serials_.end() && it->first.starts_with(key) && out.size() < limit; ++it) {
        const Entity& unit = desk_.entities(EntityKind::unit)[it->second];
        if (unit.flag(UnitField::active)) out.push_back(&unit);
    }
    return out;
}

}  // namespace hotline::app
