// W2, W3: giving an incident to a service department and a person, and handing it
// over (second-level support). The client's Assign button and, later, the server's
// routing ask the same function what an assignment takes; Desk::apply judges each
// operation of it as any other (refs exist, authorization.hpp says who may assign).
//
// An assignment is up to four operations, in this order:
//   set service_department, set assignee   the fields that change (records, not text)
//   add_event "assignment"                  "<from> → <to>", and the reason on its own line:
//                                           each hand-over is on the incident's timeline
//   transition to Assigned                  when both are chosen and the incident is
//                                           Registered, or In progress (a new person
//                                           has not started yet)
// The default "assignment" event type is used rather than a new one: every replica,
// and every snapshot written before this, holds it.
//
// Rules: something must change; a hand-over (the incident had a department or a
// person, as records or as the free text of older versions) needs a reason.
// Urgent incidents (priority 1) go to a field technician (seed 001): candidates()
// offers them first; choosing someone else is allowed (a desk may have none).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"
#include "core/result.hpp"

namespace hotline {

struct Assignment {
    std::string department;  // department key, or empty
    std::string assignee;    // staff_profile key (a login), or empty
};

struct AssignmentPlan {
    std::vector<std::pair<FieldId, std::string>> sets;
    std::string event_text;
    std::optional<IncidentStatus> transition;
};

Assignment current_assignment(const Incident& incident);
// Does someone hold the incident (a department or a person, as records or as the free
// text of older versions)? Then changing either is a hand-over and asks for a reason.
bool holds_assignment(const Incident& incident);

Result<AssignmentPlan> plan_assignment(const Desk& desk, const Incident& incident, const Assignment& to,
                                       std::string_view reason);
// Adds an assignment's operations to a larger plan (routing, queues, workload), in order.
void append_assignment(IncidentPlan& plan, AssignmentPlan&& assignment);

// Who holds the incident, for people: the assignee's staff name (their login without
// one), or else the free text older versions stored. The same for the department.
std::string assignee_name(const Desk& desk, const Incident& incident);
std::string department_name(const Desk& desk, const Incident& incident);
// What the list sorts and searches the assignee by without a lookup per row: the
// assignee's login, or else the free text older versions stored.
std::string_view assignee_key(const Incident& incident);

// The staff to offer for `incident`, by name; for an urgent incident the field
// technicians first, marked `suggested`.
struct AssignmentCandidate {
    const Entity* profile = nullptr;
    bool suggested = false;
};
std::vector<AssignmentCandidate> assignment_candidates(const Desk& desk, const Incident& incident);

}  // namespace hotline
