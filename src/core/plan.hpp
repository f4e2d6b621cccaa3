// A change made of several operations (a transfer, an order's outcome, a billing
// override), planned by the core and committed by the client one operation after
// another, each judged by Desk::apply like any other; the first refusal stops the
// rest. A step is minted only when it is committed, so its id and stamp are fresh.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/op_factory.hpp"

namespace hotline {

struct PlanStep {
    OpType type = OpType::set;
    EntityKind kind = EntityKind::incident;
    std::string id;                                       // the record; empty for a create (minted id)
    std::vector<std::pair<FieldId, std::string>> fields;  // create
    FieldId field;                                        // set
    std::string text;                                     // set: value; add_event: text; merge: into
    std::string event_type;                               // add_event
    IncidentStatus to = IncidentStatus::registered;       // transition

    static PlanStep create(EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields);
    static PlanStep set(EntityKind kind, std::string id, FieldId field, std::string value);
    static PlanStep event(std::string incident_id, std::string event_type, std::string text);
    static PlanStep transition(std::string incident_id, IncidentStatus to);

    Operation mint(OpFactory& f, const std::string& actor, std::int64_t now_ms) const;
};

using Plan = std::vector<PlanStep>;

}  // namespace hotline
