#include "core/assignment.hpp"

#include <algorithm>

#include "core/event_types.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

using F = IncidentField;

std::string title_or(const Desk& desk, EntityKind kind, std::string_view key, std::string_view fallback) {
    if (key.empty()) return std::string(fallback);
    const Entity* record = desk.find(kind, key);
    return std::string(record ? record_title(*record) : key);
}

// "Department / Person" as the incident holds it now, or "—" when it holds neither.
std::string party(std::string department, std::string person) {
    if (department.empty() && person.empty()) return "—";
    if (department.empty() || person.empty()) return department + person;
    return department + " / " + person;
}

// Held as a record, or as the free text older versions stored.
bool holds(const Incident& incident, F record, F text) {
    return !incident.value(record).empty() || !is_blank(incident.value(text));
}

}  // namespace

Assignment current_assignment(const Incident& incident) {
    return {std::string(incident.value(F::service_department)), std::string(incident.value(F::assignee))};
}

std::string assignee_name(const Desk& desk, const Incident& incident) {
    return title_or(desk, EntityKind::staff_profile, incident.value(F::assignee), incident.value(F::engineer));
}

bool holds_assignment(const Incident& incident) {
    return holds(incident, F::service_department, F::department) || holds(incident, F::assignee, F::engineer);
}

std::string_view assignee_key(const Incident& incident) {
    const std::string_view assignee = incident.value(F::assignee);
    return assignee.empty() ? incident.value(F::engineer) : assignee;
}

std::string department_name(const Desk& desk, const Incident& incident) {
    return title_or(desk, EntityKind::department, incident.value(F::service_department),
                    incident.value(F::department));
}

Result<AssignmentPlan> plan_assignment(const Desk& desk, const Incident& incident, const Assignment& to,
                                       std::string_view reason) {
    if (auto ok = check_editable(incident); !ok) return ok.error();
    if (to.department.empty() && to.assignee.empty())
        return make_error("missing_assignment", "Choose a department or a person to assign the incident to");
    const Assignment from = current_assignment(incident);
    AssignmentPlan plan;
    if (to.department != from.department) plan.sets.emplace_back(F::service_department, to.department);
    if (to.assignee != from.assignee) plan.sets.emplace_back(F::assignee, to.assignee);
    if (plan.sets.empty()) return make_error("no_changes", "The incident is already assigned so");
    // Filling in what nobody held (a person for a department's incident) is no hand-over.
    const bool hand_over = (to.department != from.department && holds(incident, F::service_department, F::department)) ||
                           (to.assignee != from.assignee && holds(incident, F::assignee, F::engineer));
    if (hand_over && is_blank(reason))
        return make_error("missing_reason", "Say why the incident is handed over to someone else");

    Incident after = incident;
    for (const auto& [field, value] : plan.sets) after.set_value(field, value);
    plan.event_text = party(department_name(desk, incident), assignee_name(desk, incident)) +
                      " → " + party(department_name(desk, after), assignee_name(desk, after));
    if (!is_blank(reason)) plan.event_text += "\n" + std::string(reason);
    const bool both = !to.department.empty() && !to.assignee.empty();
    if (both && (incident.status == IncidentStatus::registered || incident.status == IncidentStatus::in_progress))
        plan.transition = IncidentStatus::assigned;
    return plan;
}

void append_assignment(IncidentPlan& plan, AssignmentPlan&& assignment) {
    for (auto& [field, value] : assignment.sets) plan.push_back(SetStep{field, std::move(value)});
    plan.push_back(EventStep{std::string(kAssignmentEventType), std::move(assignment.event_text)});
    if (assignment.transition) plan.push_back(TransitionStep{*assignment.transition});
}

std::vector<AssignmentCandidate> assignment_candidates(const Desk& desk, const Incident& incident) {
    const bool urgent = incident.priority() == kPriorityCritical;
    std::vector<AssignmentCandidate> out;
    for (const Entity& profile : desk.entities(EntityKind::staff_profile))
        out.push_back({&profile, urgent && profile.flag(StaffProfileField::field_technician)});
    std::sort(out.begin(), out.end(), [](const AssignmentCandidate& a, const AssignmentCandidate& b) {
        if (a.suggested != b.suggested) return a.suggested;
        const std::string_view ta = record_title(*a.profile), tb = record_title(*b.profile);
        return ta != tb ? ta < tb : a.profile->id < b.profile->id;
    });
    return out;
}

}  // namespace hotline
