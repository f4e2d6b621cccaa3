// The incident as folded from its operations: current field values with the
// stamp of the write that set each one, status, events and the compact
// transaction log. Plain data: the rules that change it live in desk.cpp and
// workflow.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "core/hlc.hpp"
#include "core/numbering.hpp"
#include "core/status.hpp"

namespace hotline {

// An HLC with the replica replaced by its index in the Desk's replica table:
// 16 bytes instead of a string per stamp.
struct Stamp {
    std::int64_t wall_ms = 0;
    std::uint32_t counter = 0;
    std::uint32_t replica = 0;

    friend bool operator==(const Stamp&, const Stamp&) = default;
};

// W11: something that happened on an incident. Append-only; ordered by stamp.
struct Event {
    std::string id;    // the add_event operation's id
    Stamp stamp;
    std::string actor;
    std::string type;  // an event type key, see event_types.hpp
    std::string text;

    friend bool operator==(const Event&, const Event&) = default;
};

struct FieldStamp {
    FieldId field;
    Stamp stamp;
    friend bool operator==(const FieldStamp&, const FieldStamp&) = default;
};

struct Incident {
    std::string id;  // the create operation's id, "<replica>:<counter>"
    IncidentNumber number;
    std::vector<std::string> number_aliases;  // provisional numbers it had before
    std::array<std::string, kFieldCount> values;
    IncidentStatus status = IncidentStatus::registered;
    std::string created_by;
    Stamp created;                  // stamp of the create operation; also every field's default stamp
    std::int64_t updated_ms = 0;    // wall time of the newest change applied
    std::vector<FieldStamp> field_stamps;  // only fields written after creation
    std::vector<Event> events;             // sorted by stamp
    std::uint32_t superseded_writes = 0;   // older writes that arrived late and lost (kept in history)
    std::string history;  // transaction log, encoded by history.hpp; decoded only when shown

    const std::string& value(FieldId f) const { return values[static_cast<std::size_t>(f)]; }
    std::string& value(FieldId f) { return values[static_cast<std::size_t>(f)]; }
    int priority() const;
    Stamp stamp_of(FieldId f) const;
    void set_stamp(FieldId f, Stamp s);

    friend bool operator==(const Incident&, const Incident&) = default;
};

}  // namespace hotline
