// W6: the customer's answer to a solution, recorded by the agent on their behalf.
// Each answer is a plan of ordinary operations (incident_plan.hpp):
//
//   accept              Solved -> Accepted                    transition
//   reject (reason)     Solved -> In progress                 add_event "rejection" (the reason), transition
//   rate 1..5 (comment) Solved or Accepted -> Closed          set satisfaction, set satisfaction_comment
//                       ("closing by the rating")             (when it changes), transition
//   close on request    any status that may go to Closed      add_event "close_request" (a note, may be
//                                                             empty), transition
//
// Refusals are Errors naming the rule, before anything is done: the wrong status, a
// rejection without a reason, a rating that is not 1..5. The event types are defaults
// every replica has (event_types.hpp).
#pragma once

#include <string_view>

#include "core/entity.hpp"
#include "core/incident_plan.hpp"
#include "core/result.hpp"

namespace hotline {

inline constexpr int kSatisfactionMin = 1;
inline constexpr int kSatisfactionMax = 5;

// Is the incident waiting for the customer's answer (Solved)?
bool awaits_acceptance(const Incident& incident);
// May the customer's satisfaction be recorded (Solved or Accepted)?
bool may_rate(const Incident& incident);

Result<IncidentPlan> plan_acceptance(const Incident& incident);
Result<IncidentPlan> plan_rejection(const Incident& incident, std::string_view reason);
// `rating` as typed: "1" .. "5".
Result<IncidentPlan> plan_rating(const Incident& incident, std::string_view rating, std::string_view comment);
Result<IncidentPlan> plan_close_request(const Incident& incident, std::string_view note);

}  // namespace hotline
