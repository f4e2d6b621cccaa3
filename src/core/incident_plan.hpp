// A change to one incident made of ordinary operations, planned by the core's rules
// (acceptance.hpp, auto_close.hpp) and committed one operation after another by
// whoever records it: the app's replica, the server's write path, tests. Each
// operation is judged by Desk::apply like any other, so it syncs, merges and shows in
// the transaction log; the first refusal stops the rest.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/op_factory.hpp"
#include "core/operation.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"

namespace hotline {

struct SetStep {
    FieldId field;
    std::string value;
    friend bool operator==(const SetStep&, const SetStep&) = default;
};
struct EventStep {
    std::string type;  // an event type key (event_types.hpp)
    std::string text;
    friend bool operator==(const EventStep&, const EventStep&) = default;
};
struct TransitionStep {
    IncidentStatus to;
    friend bool operator==(const TransitionStep&, const TransitionStep&) = default;
};
using IncidentStep = std::variant<SetStep, EventStep, TransitionStep>;
using IncidentPlan = std::vector<IncidentStep>;

// The operation that does `step` on incident `incident_id`, minted by `factory`.
Operation step_operation(OpFactory& factory, const std::string& actor, std::int64_t now_ms,
                         const std::string& incident_id, const IncidentStep& step);

}  // namespace hotline
