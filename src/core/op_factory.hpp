// Mints this replica's operations: ids (replica + counter), HLC stamps and
// incident numbers. The caller passes the current time (the core reads no
// clock) and persists the factory's state (the store's metadata) before
// saying a change is saved.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/hlc.hpp"
#include "core/numbering.hpp"
#include "core/operation.hpp"

namespace hotline {

class OpFactory {
public:
    struct State {
        std::string replica;
        std::uint64_t last_counter = 0;
        Hlc last_hlc;
        std::deque<NumberBlock> number_blocks;
        std::uint64_t provisional_issued = 0;

        friend bool operator==(const State&, const State&) = default;
    };

    explicit OpFactory(std::string replica);
    explicit OpFactory(const State& state);
    State state() const;

    const std::string& replica() const { return clock_.last().replica; }
    HlcClock& clock() { return clock_; }
    NumberAllocator& numbers() { return numbers_; }

    // A record of any kind: a minted kind gets the operation's id (and a number
    // when numbered); a keyed kind is created, or updated, under `key`.
    Operation create(std::string actor, std::int64_t now_ms, EntityKind kind,
                     std::vector<std::pair<FieldId, std::string>> fields, std::string key = {});
    Operation create_incident(std::string actor, std::int64_t now_ms,
                              std::vector<std::pair<FieldId, std::string>> fields);
    Operation set_field(std::string actor, std::int64_t now_ms, EntityKind kind, const std::string& id,
                        FieldId field, std::string value);
    Operation set_field(std::string actor, std::int64_t now_ms, const std::string& incident_id, FieldId field,
                        std::string value);
    Operation add_event(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                        std::string event_type, std::string text);
    Operation transition(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                         IncidentStatus to);
    Operation define_event_type(std::string actor, std::int64_t now_ms, std::string key, std::string label);
    Operation renumber(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                       std::int64_t number);
    // W12: merges the incident `incident_id` into `into` (relations.hpp).
    Operation merge(std::string actor, std::int64_t now_ms, const std::string& incident_id, std::string into);

private:
    Operation next(std::string actor, std::int64_t now_ms, EntityKind entity, std::string entity_id, OpType type);

    HlcClock clock_;
    NumberAllocator numbers_;
    std::uint64_t last_counter_ = 0;
};

}  // namespace hotline
