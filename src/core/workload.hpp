// S5: workload-aware assignment. The engineers eligible for an incident are the staff of
// the department it goes to (the queue's, else the incident's; any department when it has
// none) who have every skill the queue needs and, when they list territories, one that
// the incident's customer address names (an incident without an address excludes nobody).
// Among them the one carrying the least open work takes it: the incidents held by them as
// assignee that await work (Registered, Assigned, In progress), weighted by priority
// (Critical 4, High 3, Normal 2, Low 1); ties go to fewer incidents, then name, then login.
// The assignment event says who was chosen and why, so the transaction log explains it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"
#include "core/result.hpp"

namespace hotline {

// Does work remain on an incident of `status` (it counts on someone's workload, and may
// wait in a queue)?
bool awaits_work(IncidentStatus status);

// The words of a comma or semicolon separated list ("printers, boilers; gas"), as
// lookup keys (case and accents ignored), blanks dropped.
std::vector<std::string> list_words(std::string_view text);

struct WorkloadChoice {
    const Entity* profile = nullptr;  // the staff profile chosen
    std::string department;           // the department key it goes to ("" for none)
    int open = 0;                     // incidents they hold that await work
    int load = 0;                     // the same, weighted by priority
    std::size_t eligible = 0;         // how many were eligible
};

// The least loaded eligible engineer for `incident`, going to `queue` (a queue record, or
// null for the incident's own department). Refused (no_eligible_engineer) when nobody is.
Result<WorkloadChoice> least_loaded(const Desk& desk, const Incident& incident, const Entity* queue);

// The reason the assignment event gives: "Workload: fewest open (2, weighted 5) of 3 eligible".
std::string workload_reason(const WorkloadChoice& choice);

// What giving `incident` to the least loaded eligible engineer takes (assignment.hpp's
// operations, the reason naming the workload).
Result<IncidentPlan> plan_workload_assignment(const Desk& desk, const Incident& incident, const Entity* queue);

}  // namespace hotline
