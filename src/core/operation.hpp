// Every change is an operation (ARCHITECTURE.md). One flat struct: the part
// that is used depends on `type`, as listed below. JSON form: operation_json.hpp.
//
//   type        entity       uses
//   create      incident     fields (initial values), number
//   set         incident     field, text (canonical value)
//   add_event   incident     event_type, text
//   transition  incident     to (target status)
//   renumber    incident     number (final number given by the server)
//   create      event_type   text (label); entity_id is the type key
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/fields.hpp"
#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "core/numbering.hpp"
#include "core/status.hpp"

namespace hotline {

enum class OpType : std::uint8_t { create, set, add_event, transition, renumber };
enum class EntityKind : std::uint8_t { incident, event_type };

std::string_view op_type_name(OpType t);
std::string_view entity_kind_name(EntityKind k);

struct Operation {
    OpId id;
    Hlc hlc;
    std::string actor;
    EntityKind entity = EntityKind::incident;
    std::string entity_id;
    OpType type = OpType::create;

    std::vector<std::pair<FieldId, std::string>> fields;  // create incident
    IncidentNumber number;                                // create incident, renumber
    FieldId field = FieldId::title;                       // set
    std::string text;            // set: value; add_event: text; create event_type: label
    std::string event_type;      // add_event
    IncidentStatus to = IncidentStatus::registered;       // transition

    friend bool operator==(const Operation&, const Operation&) = default;
};

}  // namespace hotline
