// Every change is an operation (ARCHITECTURE.md). One flat struct: the part
// that is used depends on `type`, as listed below. JSON form: operation_json.hpp.
//
//   type        entity kinds              uses
//   create      any                       fields (initial values); number (numbered kinds)
//   set         any                       field, text (canonical value)
//   add_event   kinds with events         event_type, text
//   transition  kinds with a workflow     to (target status)
//   renumber    numbered kinds            number (final number given by the server)
//   merge       kinds with merged_into    text (the id of the record it is merged into, W12)
// entity_id: the record's id; for a create of a minted kind, the operation's own
// id; for a keyed kind, the key.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "core/numbering.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"

namespace hotline {

enum class OpType : std::uint8_t { create, set, add_event, transition, renumber, merge };
inline constexpr OpType kAllOpTypes[] = {OpType::create,     OpType::set,      OpType::add_event,
                                         OpType::transition, OpType::renumber, OpType::merge};

std::string_view op_type_name(OpType t);

struct Operation {
    OpId id;
    Hlc hlc;
    std::string actor;
    EntityKind entity = EntityKind::incident;
    std::string entity_id;
    OpType type = OpType::create;

    std::vector<std::pair<FieldId, std::string>> fields;  // create (sorted by field)
    IncidentNumber number;                                // create of a numbered kind, renumber
    FieldId field;                                        // set
    std::string text;                                     // set: value; add_event: text; merge: into
    std::string event_type;                               // add_event
    IncidentStatus to = IncidentStatus::registered;       // transition

    friend bool operator==(const Operation&, const Operation&) = default;
};

}  // namespace hotline
