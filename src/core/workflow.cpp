#include "core/workflow.hpp"

#include <string>

namespace hotline {
namespace {

using S = IncidentStatus;

// kAllowed[from][to]
constexpr bool kAllowed[kStatusCount][kStatusCount] = {
    //            reg    asg    prog   solv   acc    trf    clo    arc
    /* reg  */ {false, true, true, false, false, true, true, false},
    /* asg  */ {true, false, true, false, false, true, true, false},
    /* prog */ {false, true, false, true, false, true, false, false},
    /* solv */ {false, false, true, false, true, false, true, false},
    /* acc  */ {false, false, false, false, false, false, true, false},
    /* trf  */ {false, false, true, false, false, false, true, false},
    /* clo  */ {false, false, true, false, false, false, false, true},
    /* arc  */ {false, false, false, false, false, false, false, false},
};

}  // namespace

bool is_allowed_transition(IncidentStatus from, IncidentStatus to) {
    return kAllowed[static_cast<int>(from)][static_cast<int>(to)];
}

std::vector<IncidentStatus> allowed_targets(IncidentStatus from) {
    std::vector<IncidentStatus> out;
    for (int to = 0; to < kStatusCount; ++to)
        if (kAllowed[static_cast<int>(from)][to]) out.push_back(static_cast<IncidentStatus>(to));
    return out;
}

Outcome check_editable(const Incident& incident) {
    if (incident.status == S::archived)
        return make_error("archived", "Incident " + incident.number.display() + " is archived and can no longer be changed",
                          {incident.number.display()});
    return {};
}

Outcome check_transition(const Incident& incident, IncidentStatus to) {
    // W12: a merged incident lives on in the one it was merged into; it is archived at most.
    if (!incident.value(IncidentField::merged_into).empty() && to != S::archived)
        return make_error("merged", "Incident " + incident.number.display() +
                                        " was merged into another and cannot be reopened; work on that one",
                          {incident.number.display()});
    if (incident.status == to)
        return make_error("same_status", "Incident is already " + std::string(status_label(to)),
                          {std::string(status_label(to))});
    if (!is_allowed_transition(incident.status, to))
        return make_error("transition_not_allowed",
                          "Cannot go from " + std::string(status_label(incident.status)) + " to " +
                              std::string(status_label(to)),
                          {std::string(status_label(incident.status)), std::string(status_label(to))});
    // Any one of the four: transitions stored by earlier versions (department or engineer
    // alone) must still replay. That both are chosen first is assignment.hpp's rule.
    if (to == S::assigned && is_blank(incident.value(IncidentField::department)) &&
        is_blank(incident.value(IncidentField::engineer)) && incident.value(IncidentField::service_department).empty() &&
        incident.value(IncidentField::assignee).empty())
        return make_error("guard_assignee",
                          "Cannot mark as Assigned: choose a department or an engineer first");
    if (to == S::solved) {
        bool no_problem = is_blank(incident.value(IncidentField::actual_problem));
        bool no_solution = is_blank(incident.value(IncidentField::actual_solution));
        if (no_problem && no_solution)
            return make_error("guard_actual_problem_solution",
                              "Cannot mark as Solved: fill in 'Actual problem' and 'Actual solution' first");
        if (no_problem)
            return make_error("guard_actual_problem",
                              "Cannot mark as Solved: fill in 'Actual problem' first");
        if (no_solution)
            return make_error("guard_actual_solution",
                              "Cannot mark as Solved: fill in 'Actual solution' first");
    }
    return {};
}

}  // namespace hotline
