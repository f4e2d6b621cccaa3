// The desk: the state of one replica, folded from operations. apply() is the
// single place where business rules decide whether an operation changes
// anything; the server, the browser and the tests all call it.
//
// Merge rules (ARCHITECTURE.md):
//   set         per-field last writer wins by HLC; a write older than the
//               field's current one does not win but is kept in the history as
//               superseded
//   add_event   append-only; events ordered by HLC
//   transition  checked against the workflow at apply time (workflow.hpp)
//   duplicates  an operation id already applied changes nothing
//   numbers     a final number belongs to one incident: a create with a number another
//               incident holds, or a renumber to one, is refused (number_in_use)
// apply() never throws; a rejected operation leaves the desk untouched.
//
// replay_incident() rebuilds one incident from a given operation order (the sync
// client: server history first, then its pending operations), so a replica that
// applied operations in another order ends in the server's state.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event_types.hpp"
#include "core/hlc.hpp"
#include "core/incident.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"
#include "core/seen_ops.hpp"

namespace hotline {

// A deque: incidents never move once created, so references stay valid while
// the desk grows and growing costs no copies of 100,000 incidents.
using IncidentList = std::deque<Incident>;

enum class ApplyKind : std::uint8_t { applied, superseded, duplicate, rejected };

struct ApplyResult {
    ApplyKind kind = ApplyKind::applied;
    Error error;  // set when rejected
};

class Desk {
public:
    Desk();

    ApplyResult apply(const Operation& op);

    // Resets the incident `incident_id` and folds `ops` in the given order, one
    // ApplyResult per op (same index). The seen-set is ignored for these ids: an
    // op already applied is applied again, an op not seen yet is marked seen, and
    // an op rejected now is no longer marked seen (Desk::apply's contract: the
    // user may re-apply the change). Each op keeps apply()'s guarantee: a rejected
    // one changes nothing. Ops of another entity, and ids repeated in `ops`, are
    // rejected ("wrong_incident" / duplicate). The incident keeps its place in
    // incidents() (references and row numbers stay valid); an incident not held
    // yet is appended when `ops` creates it. If nothing in `ops` creates it, the
    // incident keeps its former state (incidents are never removed) and every
    // result is a rejection.
    // `dropped`: ids of operations applied to this incident before that are no
    // longer part of it (the server refused them); they are marked unseen, as a
    // fresh desk folding `ops` would have them.
    std::vector<ApplyResult> replay_incident(std::string_view incident_id, std::span<const Operation> ops,
                                             std::span<const OpId> dropped = {});

    const IncidentList& incidents() const { return incidents_; }
    const Incident* find(std::string_view incident_id) const;
    // The incident's index in incidents() (its list row), if held.
    std::optional<std::uint32_t> row_of(std::string_view incident_id) const;
    const std::vector<EventType>& event_types() const { return event_types_; }
    const EventType* find_event_type(std::string_view key) const;
    bool has_applied(const OpId& id) const;
    const Hlc& newest_hlc() const { return newest_hlc_; }  // feed to HlcClock::observe

    // Stamps carry a replica index into this table.
    const std::vector<std::string>& replicas() const { return replicas_; }
    // Histories name actors by their index in this table (history.hpp).
    const std::vector<std::string>& actors() const { return actors_; }
    Hlc to_hlc(const Stamp& s) const;
    bool is_newer(const Stamp& a, const Stamp& b) const;  // a after b in HLC order

    // For the store: the parts a snapshot is made of, and rebuilding from them.
    struct Parts {
        std::vector<std::string> replicas;
        std::vector<std::string> actors;
        IncidentList incidents;
        std::vector<EventType> event_types;
        std::vector<Stamp> event_type_stamps;
        SeenOps seen;
        Hlc newest_hlc;
    };
    Parts parts() const;
    static Result<Desk> from_parts(Parts parts);
    const std::vector<Stamp>& event_type_stamps() const { return event_type_stamps_; }
    const SeenOps& seen() const { return seen_; }

private:
    std::uint32_t intern_replica(const std::string& replica);
    std::uint32_t intern_actor(const std::string& actor);
    Stamp stamp_of(const Hlc& h);
    Incident* find_mutable(std::string_view incident_id);

    // apply() with the two switches replay_incident() needs: `ignore_seen` applies an
    // op already marked seen; `slot` is where a create puts the incident.
    ApplyResult apply_one(const Operation& op, bool ignore_seen, std::optional<std::uint32_t> slot);
    void unsee(std::uint32_t replica, std::uint64_t counter);
    Outcome apply_create_incident(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot);
    Outcome apply_set(Incident& inc, const Operation& op, Stamp stamp, bool& superseded);
    Outcome apply_add_event(Incident& inc, const Operation& op, Stamp stamp);
    Outcome apply_transition(Incident& inc, const Operation& op);
    Outcome apply_renumber(Incident& inc, const Operation& op);
    Outcome check_number_free(const IncidentNumber& number, std::uint32_t row) const;
    Outcome apply_event_type(const Operation& op, Stamp stamp, bool& superseded);

    // Transparent hashing: look up by string_view without building a string.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using StringIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

    std::vector<std::string> replicas_;
    StringIndex replica_index_;
    std::vector<std::string> actors_;
    StringIndex actor_index_;
    IncidentList incidents_;
    StringIndex incident_index_;
    // Final number -> row of the incident that took it. An entry whose incident no longer
    // holds that number (replayed without its renumber) is stale and frees the number.
    std::unordered_map<std::int64_t, std::uint32_t> number_index_;
    std::vector<EventType> event_types_;
    std::vector<Stamp> event_type_stamps_;  // parallel to event_types_; defaults have a zero stamp
    SeenOps seen_;
    Hlc newest_hlc_;
};

}  // namespace hotline
