#include "core/relations.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "core/workflow.hpp"

namespace hotline {
namespace {

// No chain of parents or merges is longer than the incidents that have one, plus one.
std::size_t walk_limit(const Desk& desk) { return desk.linked_rows(EntityKind::incident).size() + 1; }

// The linked incidents, in row (creation) order, as `keep` selects them.
template <typename Keep>
std::vector<const Incident*> linked_incidents(const Desk& desk, Keep keep) {
    std::vector<std::uint32_t> rows(desk.linked_rows(EntityKind::incident).begin(),
                                    desk.linked_rows(EntityKind::incident).end());
    std::sort(rows.begin(), rows.end());
    std::vector<const Incident*> out;
    for (std::uint32_t row : rows)
        if (const Incident& inc = desk.incidents()[row]; keep(inc)) out.push_back(&inc);
    return out;
}

bool is_open(const Incident& incident) {
    return incident.status != IncidentStatus::closed && incident.status != IncidentStatus::archived;
}

std::string numbers_of(const std::vector<const Incident*>& incidents) {
    std::string out;
    for (const Incident* inc : incidents) out += (out.empty() ? "" : ", ") + inc->number.display();
    return out;
}

// Is `ancestor` `incident` or one of its parents, grandparents...?
bool descends_from(const Desk& desk, const Incident& incident, const Incident& ancestor) {
    const Incident* at = &incident;
    for (std::size_t steps = walk_limit(desk); at && steps > 0; --steps) {
        if (at == &ancestor) return true;
        at = parent_of(desk, *at);
    }
    return false;
}

const Incident* held_incident(const Desk& desk, std::string_view id, Outcome& error) {
    const Incident* found = desk.find(id);
    if (!found)
        error = make_error("unknown_incident", "Incident " + std::string(id) + " does not exist here", {std::string(id)});
    return found;
}

// The number of the incident `target` was merged into ("another" when this replica does
// not hold it), or nothing when it was not merged.
std::optional<std::string> merged_into_number(const Desk& desk, const Incident& target) {
    const Incident* survivor = survivor_of(desk, target);
    if (survivor == &target) return std::nullopt;
    return survivor ? survivor->number.display() : std::string("another");
}

Outcome check_closing(const Desk& desk, std::string_view incident_id) {
    const Incident* incident = desk.find(incident_id);
    if (!incident) return {};
    const auto open = open_children(desk, *incident);
    if (open.empty()) return {};
    return make_error("open_children",
                      "Incident " + incident->number.display() +
                          " cannot be closed while its child incidents are open: " + numbers_of(open),
                      {incident->number.display(), numbers_of(open)});
}

}  // namespace

Outcome check_parent(const Desk& desk, std::string_view child_id, std::string_view parent_id) {
    if (parent_id.empty()) return {};
    Outcome error;
    const Incident* parent = held_incident(desk, parent_id, error);
    if (!parent) return error;
    const std::string number = parent->number.display();
    if (auto survivor = merged_into_number(desk, *parent))
        return make_error("parent_merged",
                          "Incident " + number + " was merged into " + *survivor + ": make the child of that one",
                          {number});
    if (!is_open(*parent))
        return make_error("parent_closed", "Incident " + number + " is closed: a closed incident takes no new child",
                          {number});
    if (const Incident* child = desk.find(child_id); child && descends_from(desk, *parent, *child))
        return make_error("parent_cycle",
                          "Incident " + number + " is this incident or one of its children: it cannot be its parent",
                          {number});
    return {};
}

Outcome check_merge(const Desk& desk, std::string_view merged_id, std::string_view into_id) {
    const Incident* merged = desk.find(merged_id);
    if (!merged) return {};  // Desk::apply says it does not exist
    if (merged_id == into_id) return make_error("merge_into_itself", "An incident cannot be merged into itself");
    Outcome error;
    const Incident* into = held_incident(desk, into_id, error);
    if (!into) return error;
    const std::string number = into->number.display();
    if (auto survivor = merged_into_number(desk, *into))
        return make_error("merge_target_merged",
                          "Incident " + number + " was itself merged into " + *survivor + ": merge into that one",
                          {number});
    if (auto editable = check_editable(*into); !editable) return editable;
    if (descends_from(desk, *into, *merged))
        return make_error("merge_into_child",
                          "Incident " + number + " is a child of " + merged->number.display() +
                              ": an incident is not merged into its own child",
                          {number, merged->number.display()});
    return {};
}

const Incident* survivor_of(const Desk& desk, const Incident& incident) {
    const Incident* at = &incident;
    for (std::size_t steps = walk_limit(desk); steps > 0; --steps) {
        const std::string_view into = at->value(IncidentField::merged_into);
        if (into.empty()) return at;
        at = desk.find(into);
        if (!at) return nullptr;
    }
    return at;  // a cycle held for a while: any member stands for it
}

const Incident* resolved_incident(const Desk& desk, std::string_view id) {
    const Incident* incident = id.empty() ? nullptr : desk.find(id);
    return incident ? survivor_of(desk, *incident) : nullptr;
}

std::vector<const Incident*> merged_family(const Desk& desk, const Incident& incident) {
    std::vector<const Incident*> family{&incident};
    for (const Incident* merged : linked_incidents(desk, [&](const Incident& i) {
             return &i != &incident && !i.value(IncidentField::merged_into).empty() &&
                    survivor_of(desk, i) == &incident;
         }))
        family.push_back(merged);
    return family;
}

bool in_family(const Desk& desk, const Incident& incident, std::string_view incident_id) {
    if (incident_id == incident.id) return true;
    const Incident* other = desk.find(incident_id);
    return other && !other->value(IncidentField::merged_into).empty() && survivor_of(desk, *other) == &incident;
}

const Incident* parent_of(const Desk& desk, const Incident& incident) {
    return resolved_incident(desk, incident.value(IncidentField::parent));
}

std::vector<const Incident*> children_of(const Desk& desk, const Incident& incident) {
    return linked_incidents(desk, [&](const Incident& i) {
        return &i != &incident && i.value(IncidentField::merged_into).empty() && parent_of(desk, i) == &incident;
    });
}

std::vector<const Incident*> open_children(const Desk& desk, const Incident& incident) {
    std::vector<const Incident*> open = children_of(desk, incident);
    std::erase_if(open, [](const Incident* child) { return !is_open(*child); });
    return open;
}

std::vector<std::pair<FieldId, std::string>> child_fields(const Incident& parent) {
    using F = IncidentField;
    std::vector<std::pair<FieldId, std::string>> out{{F::parent, parent.id}};
    for (F f : {F::customer_name, F::customer_contact, F::customer_address, F::customer_phone, F::customer_fax,
                F::customer_email, F::unit_item, F::unit_serial, F::unit_warranty_end, F::unit_contract,
                F::reason_general, F::reason_specific, F::priority, F::origin, F::account, F::contact, F::unit})
        if (!parent.value(f).empty()) out.emplace_back(f, std::string(parent.value(f)));
    std::sort(out.begin(), out.end());
    return out;
}

std::string_view related_incident_id(const Operation& op) {
    if (op.entity != EntityKind::incident) return {};
    switch (op.type) {
        case OpType::create:
            for (const auto& [field, value] : op.fields)
                if (field == IncidentField::parent) return value;
            return {};
        case OpType::set: return op.field == IncidentField::parent ? std::string_view(op.text) : std::string_view();
        case OpType::merge: return op.text;
        case OpType::add_event:
        case OpType::transition:
        case OpType::renumber: return {};
    }
    return {};
}

Outcome check_relations(const Desk& desk, const Operation& op) {
    if (op.entity != EntityKind::incident) return {};
    if (op.type == OpType::merge) return check_merge(desk, op.entity_id, op.text);
    if (op.type == OpType::transition && op.to == IncidentStatus::closed) return check_closing(desk, op.entity_id);
    // A create is not judged by its parent's state here: refused, it would stay on the replica
    // that made it offline (records are never removed). The app checks before it offers the
    // form (App::start_child), and a parent closed meanwhile shows the open child.
    const bool sets_parent = op.type == OpType::set && op.field == IncidentField::parent;
    return sets_parent ? check_parent(desk, op.entity_id, op.text) : Outcome{};
}

}  // namespace hotline
