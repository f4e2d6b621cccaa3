// The desk: the state of one replica, folded from operations. apply() is the
// single place where business rules decide whether an operation changes
// anything; the server, the browser and the tests all call it. It holds every
// entity kind of the schema (schema.hpp) in one table per kind, with the same
// create / set / history code for all; numbers, the workflow and events are the
// hooks the incident kind switches on.
//
// Merge rules (ARCHITECTURE.md):
//   create      minted kinds: a new record (its id is the operation's id);
//               keyed kinds: a new record, or each given field of an existing one
//               by last writer wins; fields a create does not give keep a zero stamp
//               and the record's creation is its oldest create, so two replicas
//               defining one key converge in any order
//   set         per-field last writer wins by HLC; a write older than the
//               field's current one does not win but is kept in the history as
//               superseded
//   add_event   append-only; events ordered by HLC
//   transition  checked against the workflow at apply time (workflow.hpp)
//   merge       the record names the one it is merged into, once, and is closed (W12)
//   duplicates  an operation id already applied changes nothing
// A ref field must name a record the desk holds; the rules of each kind
// (entity_rules.hpp) are checked on the record as the change would leave it.
//   numbers     a final number belongs to one incident: a create with a number another
//               incident holds, or a renumber to one, is refused (number_in_use)
// apply() never throws; a rejected operation leaves the desk untouched.
//
// replay_entity() rebuilds one record from a given operation order (the sync
// client: server history first, then its pending operations), so a replica that
// applied operations in another order ends in the server's state.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/entity.hpp"
#include "core/row_index.hpp"
#include "core/hlc.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"
#include "core/seen_ops.hpp"

namespace hotline {

// A deque: records never move once created, so references stay valid while
// the desk grows and growing costs no copies of 100,000 incidents.
using EntityList = std::deque<Entity>;
using IncidentList = EntityList;

enum class ApplyKind : std::uint8_t { applied, superseded, duplicate, rejected };

struct ApplyResult {
    ApplyKind kind = ApplyKind::applied;
    Error error;  // set when rejected
};

class Desk {
public:
    Desk();  // holds the default event types

    ApplyResult apply(const Operation& op);

    // Resets the record (`kind`, `id`) and folds `ops` in the given order, one
    // ApplyResult per op (same index). The seen-set is ignored for these ids: an
    // op already applied is applied again, an op not seen yet is marked seen, and
    // an op rejected now is no longer marked seen (Desk::apply's contract: the
    // user may re-apply the change). Each op keeps apply()'s guarantee: a rejected
    // one changes nothing. Ops of another record, and ids repeated in `ops`, are
    // rejected ("wrong_record" / duplicate). The record keeps its place in
    // entities() (references and row numbers stay valid); a record not held yet
    // is appended when `ops` creates it. If nothing in `ops` creates it, the
    // record keeps its former state (records are never removed) and every result
    // is a rejection.
    // `dropped`: ids of operations applied to this record before that are no
    // longer part of it (the server refused them); they are marked unseen, as a
    // fresh desk folding `ops` would have them.
    std::vector<ApplyResult> replay_entity(EntityKind kind, std::string_view id, std::span<const Operation> ops,
                                           std::span<const OpId> dropped = {});

    const EntityList& entities(EntityKind kind) const { return table(kind).rows; }
    const Entity* find(EntityKind kind, std::string_view id) const;
    // The record's index in entities(kind) (its list row), if held.
    std::optional<std::uint32_t> row_of(EntityKind kind, std::string_view id) const;

    const IncidentList& incidents() const { return entities(EntityKind::incident); }
    const Incident* find(std::string_view incident_id) const { return find(EntityKind::incident, incident_id); }
    std::optional<std::uint32_t> row_of(std::string_view incident_id) const {
        return row_of(EntityKind::incident, incident_id);
    }
    // The rows of `kind` whose loose ref fields (FieldSpec::loose: an incident's parent and
    // survivor, W12) were ever set: few, so relations are found without a pass over every
    // record. A row stays listed after its field is cleared; readers check the values.
    const std::unordered_set<std::uint32_t>& linked_rows(EntityKind kind) const { return table(kind).linked; }
    const EntityList& event_types() const { return entities(EntityKind::event_type); }
    const Entity* find_event_type(std::string_view key) const { return find(EntityKind::event_type, key); }

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
        EntityList entities;  // every kind; each kind's records in their row order
        SeenOps seen;
        Hlc newest_hlc;
    };
    Parts parts() const;
    static Result<Desk> from_parts(Parts parts);
    const SeenOps& seen() const { return seen_; }

private:
    // Transparent hashing: look up by string_view without building a string.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using StringIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;
    struct Table {
        EntityList rows;
        RowIndex index;
        std::unordered_set<std::uint32_t> linked;  // linked_rows()
    };

    const Table& table(EntityKind kind) const { return tables_[static_cast<std::size_t>(kind)]; }
    Table& table(EntityKind kind) { return tables_[static_cast<std::size_t>(kind)]; }
    static std::uint32_t intern(const std::string& name, std::vector<std::string>& names, StringIndex& index,
                                std::uint32_t& last);
    std::uint32_t intern_replica(const std::string& replica);
    std::uint32_t intern_actor(const std::string& actor);
    Stamp stamp_of(const Hlc& h);
    Entity* find_mutable(EntityKind kind, std::string_view id);

    // apply() with the two switches replay_entity() needs: `ignore_seen` applies an
    // op already marked seen; `slot` is where a create puts a new record.
    ApplyResult apply_one(const Operation& op, bool ignore_seen, std::optional<std::uint32_t> slot);
    Outcome dispatch(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot, bool& superseded);
    void unsee(std::uint32_t replica, std::uint64_t counter);

    // desk_apply.cpp: one function per operation type.
    Outcome apply_create(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot, bool& superseded);
    Outcome apply_create_new(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot);
    Outcome apply_keyed_update(Entity& e, const Operation& op, Stamp stamp, bool& superseded);
    Outcome apply_set(Entity& e, const Operation& op, Stamp stamp, bool& superseded);
    Outcome apply_add_event(Entity& e, const Operation& op, Stamp stamp);
    Outcome apply_transition(Entity& e, const Operation& op);
    Outcome apply_renumber(Entity& e, const Operation& op);
    Outcome apply_merge(Entity& e, const Operation& op, Stamp stamp);
    void note_links(const Entity& e, std::uint32_t row);  // keeps linked_rows() up to date
    // A field value as the change would write it: its shape, that a ref names a
    // record held here, and that a required field stays filled.
    Outcome check_value(EntityKind kind, FieldId field, std::string_view value) const;
    // A final number another incident holds (a stale index entry frees it).
    Outcome check_number_free(const IncidentNumber& number, std::uint32_t row) const;

    std::vector<std::string> replicas_;
    StringIndex replica_index_;
    std::vector<std::string> actors_;
    StringIndex actor_index_;
    std::uint32_t last_replica_ = 0;  // intern()'s one-entry caches
    std::uint32_t last_actor_ = 0;
    std::array<Table, kEntityKindCount> tables_;
    // Final number -> row of the incident that took it. An entry whose incident no longer
    // holds that number (replayed without its renumber) is stale and frees the number.
    std::unordered_map<std::int64_t, std::uint32_t> number_index_;
    SeenOps seen_;
    Hlc newest_hlc_;
};

}  // namespace hotline
