#include "core/routing.hpp"

#include <optional>
#include <vector>

#include "core/assignment.hpp"
#include "core/event_types.hpp"
#include "core/insertion_sort.hpp"
#include "core/knowledge.hpp"
#include "core/queues.hpp"
#include "core/text_fold.hpp"

namespace hotline {
namespace {

using R = RoutingRuleField;

// The conditions a rule may give, in field order.
constexpr RoutingRuleField kConditions[] = {R::reason, R::priority, R::origin, R::account, R::unit_item};

// Does `incident` meet the rule's condition `f` (one it gives)?
bool meets(const Desk& desk, const Entity& rule, const Incident& incident, RoutingRuleField f) {
    const std::string_view wanted = rule.value(f);
    if (f == R::reason) {
        const ReasonCodes codes = incident_reason_codes(desk, incident);
        return (codes.general && codes.general->id == wanted) || (codes.specific && codes.specific->id == wanted);
    }
    if (f == R::priority) return wanted == incident.value(IncidentField::priority);
    if (f == R::origin) return wanted == incident.value(IncidentField::origin);
    if (f == R::account) return wanted == incident.value(IncidentField::account);
    return lookup_key(incident.value(IncidentField::unit_item)).find(lookup_key(wanted)) != std::string::npos;
}

bool holds(const Desk& desk, const Entity& rule, const Incident& incident) {
    for (RoutingRuleField f : kConditions)
        if (!rule.value(f).empty() && !meets(desk, rule, incident, f)) return false;
    return true;
}

std::int64_t position_of(const Entity& rule) { return parse_count(rule.value(R::position)).value_or(0); }

// The department and person the rule gives; nullopt when the incident already has them.
Result<std::optional<AssignmentPlan>> plan_rule_assignment(const Desk& desk, const Entity& rule,
                                                           const Incident& incident, const std::string& name) {
    const Assignment now = current_assignment(incident);
    Assignment to = now;
    if (const std::string_view d = rule.value(R::then_department); !d.empty()) to.department = d;
    if (const std::string_view a = rule.value(R::then_assignee); !a.empty()) to.assignee = a;
    if (to.department == now.department && to.assignee == now.assignee) return std::optional<AssignmentPlan>{};
    auto assignment = plan_assignment(desk, incident, to, "Routing rule: " + name);
    if (!assignment) return assignment.error();
    return std::optional<AssignmentPlan>{std::move(*assignment)};
}

}  // namespace

const Entity* matching_rule(const Desk& desk, const Incident& incident) {
    std::vector<const Entity*> rules;
    for (const Entity& rule : desk.entities(EntityKind::routing_rule))
        if (rule.flag(R::active)) rules.push_back(&rule);
    insertion_sort(rules.begin(), rules.end(), [](const Entity* a, const Entity* b) {
        return position_of(*a) != position_of(*b) ? position_of(*a) < position_of(*b) : a->id < b->id;
    });
    for (const Entity* rule : rules)
        if (holds(desk, *rule, incident)) return rule;
    return nullptr;
}

std::vector<FieldId> unmet_conditions(const Desk& desk, const Entity& rule, const Incident& incident) {
    std::vector<FieldId> unmet;
    for (RoutingRuleField f : kConditions)
        if (!rule.value(f).empty() && !meets(desk, rule, incident, f)) unmet.push_back(f);
    return unmet;
}

Result<IncidentPlan> plan_routing(const Desk& desk, const Incident& incident) {
    const Entity* rule = matching_rule(desk, incident);
    if (!rule) return make_error("no_routing_rule", "No routing rule matches this incident");
    const std::string name(record_title(*rule));
    IncidentPlan plan;
    if (const std::string_view p = rule->value(R::then_priority); !p.empty() && p != incident.value(IncidentField::priority))
        plan.push_back(SetStep{IncidentField::priority, std::string(p)});
    if (const std::string_view queue = rule->value(R::then_queue); !queue.empty()) {
        auto steps = plan_enqueue(desk, incident, queue);
        if (steps) plan.insert(plan.end(), steps->begin(), steps->end());
        else if (steps.error().code != "already_in_queue") return steps.error();
    } else if (auto assignment = plan_rule_assignment(desk, *rule, incident, name); !assignment) {
        return assignment.error();
    } else if (*assignment) {
        append_assignment(plan, std::move(**assignment));
    }
    if (plan.empty())
        return make_error("already_routed", "The incident already is where routing rule " + name + " sends it", {name});
    plan.push_back(EventStep{std::string(kRoutingEventType), name});
    return plan;
}

Outcome check_routing_rule(const EntityChange& c) {
    const bool assigns = !c.value(R::then_department).empty() || !c.value(R::then_assignee).empty();
    if (!assigns && c.value(R::then_priority).empty() && c.value(R::then_queue).empty())
        return make_error("missing_routing_target",
                          "A routing rule gives a department, a person, a priority or a queue");
    // The queue's department takes it, and its people pick it (or its workload chooses).
    if (assigns && !c.value(R::then_queue).empty())
        return make_error("routing_queue_and_assignee",
                          "A routing rule sends to a queue or to a department and person, not both");
    return {};
}

}  // namespace hotline
