// W14: the process stages an incident goes through (seed 004: Dynamics 365's business
// process flow), for the stage bar on the incident:
//
//   Register -> Assign -> Work -> Solve -> Accept -> Close
//                          \-> Transferred (a branch of Work: a service or maintenance
//                              order is being done, W8; the incident comes back to Work)
//
// The stage follows from the status (W1); the guide also says what the next stage
// still needs (the guards of workflow.hpp and the assignment of W2, as the Errors the
// step would be refused with) and which status change takes the incident there: the
// same transition the status buttons and the "next status" shortcut make, judged by
// Desk::apply like any other.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/entity.hpp"
#include "core/result.hpp"

namespace hotline {

enum class ProcessStage : std::uint8_t { register_call, assign, work, solve, accept, close };
inline constexpr ProcessStage kProcessStages[] = {ProcessStage::register_call, ProcessStage::assign,
                                                  ProcessStage::work,          ProcessStage::solve,
                                                  ProcessStage::accept,        ProcessStage::close};

struct StageGuide {
    ProcessStage current = ProcessStage::register_call;  // the stage the incident is in
    bool finished = false;     // Closed or Archived: every stage done
    bool transferred = false;  // on the Transferred branch of Work
    std::optional<IncidentStatus> next;  // the status change that moves it on; none when finished
    std::vector<Error> missing;          // what that change still needs; empty: it can be made now
};

StageGuide stage_guide(const Incident& incident);

}  // namespace hotline
