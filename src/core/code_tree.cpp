#include "core/code_tree.hpp"

#include <algorithm>

namespace hotline {
namespace {

FieldId active_field(EntityKind kind) {
    return kind == EntityKind::reason_code ? FieldId(ReasonCodeField::active) : FieldId(ResolutionCodeField::active);
}

// Codes of `kind` whose parent is `parent` (empty: the general codes), active or `keep`, by label.
std::vector<const Entity*> codes_under(const Desk& desk, EntityKind kind, std::string_view parent, std::string_view keep) {
    std::vector<const Entity*> out;
    const auto parent_field = code_parent_field(kind);
    if (!parent_field) return out;
    for (const Entity& code : desk.entities(kind))
        if (code.value(*parent_field) == parent && (code.flag(active_field(kind)) || code.id == keep))
            out.push_back(&code);
    std::sort(out.begin(), out.end(), [](const Entity* a, const Entity* b) {
        return std::pair(record_title(*a), std::string_view(a->id)) < std::pair(record_title(*b), std::string_view(b->id));
    });
    return out;
}

}  // namespace

std::optional<FieldId> code_parent_field(EntityKind kind) {
    switch (kind) {
        case EntityKind::reason_code: return ReasonCodeField::parent;
        case EntityKind::resolution_code: return ResolutionCodeField::parent;
        case EntityKind::incident:
        case EntityKind::event_type:
        case EntityKind::account:
        case EntityKind::contact:
        case EntityKind::unit:
        case EntityKind::contract:
        case EntityKind::blocking_reason:
        case EntityKind::department:
        case EntityKind::staff_profile:
        case EntityKind::priority_code:
        case EntityKind::time_entry:
        case EntityKind::order:
        case EntityKind::article:
        case EntityKind::article_link:
        case EntityKind::calendar:
        case EntityKind::sla_policy:
        case EntityKind::routing_rule:
        case EntityKind::queue: return std::nullopt;
    }
    return std::nullopt;
}

CodePath code_path(const Desk& desk, EntityKind kind, std::string_view id) {
    const auto parent_field = code_parent_field(kind);
    const Entity* code = id.empty() || !parent_field ? nullptr : desk.find(kind, id);
    if (!code) return {};
    const std::string_view parent = code->value(*parent_field);
    if (parent.empty()) return {code, nullptr};
    return {desk.find(kind, parent), code};
}

std::vector<const Entity*> general_codes(const Desk& desk, EntityKind kind, std::string_view keep) {
    return codes_under(desk, kind, {}, keep);
}

std::vector<const Entity*> specific_codes(const Desk& desk, EntityKind kind, std::string_view general,
                                          std::string_view keep) {
    if (general.empty()) return {};
    return codes_under(desk, kind, general, keep);
}

}  // namespace hotline
