// A record of any kind (schema.hpp) as folded from its operations: current field
// values with the stamp of the write that set each one, and the compact
// transaction log. The hooks a kind may have (number, workflow status, events)
// live here too and stay empty for kinds without them. Plain data: the rules that
// change it live in desk.cpp, entity_rules.cpp and workflow.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/event_list.hpp"
#include "core/field_values.hpp"
#include "core/hlc.hpp"
#include "core/numbering.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"

namespace hotline {

struct FieldStamp {
    FieldId field;
    Stamp stamp;
    friend bool operator==(const FieldStamp&, const FieldStamp&) = default;
};

struct Entity {
    EntityKind kind = EntityKind::incident;
    std::string id;  // the create operation's id "<replica>:<counter>", or the key of a keyed kind
    FieldValues values;  // one per field of the kind, in field id order
    std::string created_by;
    Stamp created;                  // stamp of the first create; also every field's default stamp
    std::int64_t updated_ms = 0;    // wall time of the newest change applied
    std::vector<FieldStamp> field_stamps;  // only fields written after creation
    std::uint32_t superseded_writes = 0;   // older writes that arrived late and lost (kept in history)
    std::string history;  // transaction log, encoded by history.hpp; decoded only when shown

    // Hooks (KindSpec::numbered, has_workflow, has_events).
    IncidentNumber number;
    std::vector<std::string> number_aliases;  // provisional numbers it had before
    IncidentStatus status = IncidentStatus::registered;
    EventList events;  // sorted by stamp

    // const: `e.value(f) = x` must not compile (it would assign to a temporary view).
    const std::string_view value(FieldId f) const { return values[f.value]; }
    void set_value(FieldId f, std::string_view v) { values.set(f.value, v); }
    bool flag(FieldId f) const { return value(f) == kFlagTrue; }
    int priority() const;  // incidents: 1..4
    Stamp stamp_of(FieldId f) const;
    void set_stamp(FieldId f, Stamp s);

    friend bool operator==(const Entity&, const Entity&) = default;
};

// An incident is the entity kind with a number, a workflow and events.
using Incident = Entity;

// The name people know a record by (its kind's title field), or its id when that is empty.
std::string_view record_title(const Entity& record);

// The initial value of every field of `kind`, in field id order: built once per kind (a
// create is the fold's most frequent operation, and loading a record starts from them).
const FieldValues& initial_values(EntityKind kind);

// A fresh record of `kind` with its fields at their initial values.
Entity make_entity(EntityKind kind, std::string id);

}  // namespace hotline
