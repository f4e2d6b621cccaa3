#include "core/stages.hpp"

#include "core/next_status.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

ProcessStage stage_of(IncidentStatus status) {
    using S = IncidentStatus;
    switch (status) {
        case S::registered: return ProcessStage::register_call;
        case S::assigned: return ProcessStage::assign;
        case S::in_progress:
        case S::transferred: return ProcessStage::work;
        case S::solved: return ProcessStage::solve;
        case S::accepted: return ProcessStage::accept;
        case S::closed:
        case S::archived: return ProcessStage::close;
    }
    return ProcessStage::register_call;
}

// Leaving Register takes a department and a person, as records (W2): the guard of W1
// accepts the free text of older versions, but the stage bar asks for what the
// Assignment panel sets, both at once.
std::vector<Error> assignment_missing(const Incident& incident) {
    std::vector<Error> missing;
    if (incident.value(IncidentField::service_department).empty())
        missing.push_back(make_error("missing_service_department", "Choose a service department"));
    if (incident.value(IncidentField::assignee).empty())
        missing.push_back(make_error("missing_assignee", "Choose who works on it"));
    return missing;
}

}  // namespace

StageGuide stage_guide(const Incident& incident) {
    StageGuide guide;
    guide.current = stage_of(incident.status);
    guide.transferred = incident.status == IncidentStatus::transferred;
    guide.finished = incident.status == IncidentStatus::closed || incident.status == IncidentStatus::archived;
    guide.next = next_status(incident.status);
    if (!guide.next) return guide;
    if (incident.status == IncidentStatus::registered) {
        guide.missing = assignment_missing(incident);
        if (!guide.missing.empty()) return guide;
    }
    if (Outcome step = check_transition(incident, *guide.next); !step) guide.missing.push_back(step.error());
    return guide;
}

}  // namespace hotline
