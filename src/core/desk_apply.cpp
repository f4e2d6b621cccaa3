// Desk::apply for each operation type (desk.hpp has the merge rules). Every
// function checks everything before it changes anything, so a refusal leaves
// the desk as it was.
#include <algorithm>

#include "core/desk.hpp"
#include "core/entity_rules.hpp"
#include "core/history.hpp"
#include "core/limits.hpp"
#include "core/workflow.hpp"

namespace hotline {

Outcome Desk::check_value(EntityKind kind, FieldId field, std::string_view value) const {
    const FieldSpec& spec = field_spec(kind, field);
    if (auto ok = check_field_value(spec, value); !ok) return ok;
    if (auto ok = check_required(kind, spec, value); !ok) return ok;
    if (spec.kind == FieldKind::ref && !spec.loose && !value.empty() && !find(spec.ref, value))
        return make_error("unknown_ref", "'" + std::string(spec.label) + "' names " +
                                             std::string(kind_spec(spec.ref).label) + " " + std::string(value) +
                                             ", which does not exist here",
                          {std::string(spec.label), std::string(value)});
    return {};
}

Outcome Desk::apply_create(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot, bool& superseded) {
    const KindSpec& spec = kind_spec(op.entity);
    // Operations built in code are checked as strictly as decoded ones (operation_json.hpp).
    if (!is_valid_record_id(op.entity, op.entity_id))
        return make_error("bad_key", "'" + op.entity_id + "' is not a valid id for a " + std::string(spec.name));
    Entity* existing = find_mutable(op.entity, op.entity_id);
    switch (spec.ids) {
        case IdScheme::minted:
            if (existing)
                return make_error("duplicate_" + std::string(spec.name),
                                  std::string(spec.label) + " " + op.entity_id + " already exists");
            if (!op.id.is_spelled(op.entity_id))
                return make_error("bad_operation", "A created " + std::string(spec.name) + " takes the id of its operation");
            return apply_create_new(op, stamp, slot);
        case IdScheme::keyed:
            if (existing) return apply_keyed_update(*existing, op, stamp, superseded);
            if (table(op.entity).rows.size() >= limits::kKeyedRecordsMax)
                return make_error("too_many_" + std::string(spec.name) + "s",
                                  "No more " + std::string(spec.label) + " records can be defined");
            return apply_create_new(op, stamp, slot);
    }
    return make_error("bad_operation", "unknown id scheme");
}

Outcome Desk::apply_create_new(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot) {
    const KindSpec& spec = kind_spec(op.entity);
    Entity e = make_entity(op.entity, op.entity_id);
    // The record's values are built once from the initial ones and the given ones.
    std::vector<std::string_view> values(e.values.size());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = e.values[i];
    for (const auto& [field, text] : op.fields) {
        if (field.value >= values.size()) return make_error("bad_operation", "unknown field");
        if (auto ok = check_value(op.entity, field, text); !ok) return ok;
        values[field.value] = text;
    }
    e.values = FieldValues(values);
    // The fields not given keep their initial values, valid by construction (the schema
    // test checks them); a required field without one must have been given.
    for (const FieldSpec& f : spec.fields)
        if (f.required && f.initial.empty())
            if (auto ok = check_required(op.entity, f, e.value(f.id)); !ok) return ok;
    if (auto ok = check_entity_rules(*this, EntityChange{e, std::nullopt, {}}, op.hlc.wall_ms); !ok) return ok;
    Table& t = table(op.entity);
    const auto row = slot.value_or(static_cast<std::uint32_t>(t.rows.size()));
    if (spec.numbered) {
        if (auto free = check_number_free(op.number, row); !free) return free;
        e.number = op.number;
    }
    e.created_by = op.actor;
    e.created = stamp;
    if (spec.ids == IdScheme::keyed) {
        // Another replica may define the same key with an older create that arrives later:
        // only what a create gives carries its stamp, so the other's fields can still win.
        for (const FieldSpec& f : spec.fields) {
            const bool given = std::any_of(op.fields.begin(), op.fields.end(), [&](const auto& p) { return p.first == f.id; });
            e.field_stamps.push_back({f.id, given ? stamp : Stamp{}});
        }
    }
    e.updated_ms = op.hlc.wall_ms;
    if (spec.numbered) {
        // Typical lives are ~10 operations: room for their history and stamps up
        // front instead of growing each incident's buffers several times.
        e.history.reserve(256);
        e.field_stamps.reserve(4);
    }
    HistoryWriter(e.history, intern_actor(op.actor)).created(op.hlc.wall_ms, spec.numbered ? op.number.display() : "");
    if (spec.numbered && op.number.is_final()) number_index_.insert_or_assign(op.number.value, row);
    note_links(e, row);
    if (slot) {
        t.rows[*slot] = std::move(e);
        t.index.insert(*slot, t.rows);
        return {};
    }
    t.rows.push_back(std::move(e));
    t.index.insert(static_cast<std::uint32_t>(t.rows.size() - 1), t.rows);
    return {};
}

// A keyed record defined again (two replicas chose the same key, or an edit of
// reference data): each given field follows last writer wins, as a set would.
Outcome Desk::apply_keyed_update(Entity& e, const Operation& op, Stamp stamp, bool& superseded) {
    for (const auto& [field, text] : op.fields) {
        if (auto ok = check_value(op.entity, field, text); !ok) return ok;
        if (auto ok = check_entity_rules(*this, EntityChange{e, field, text}, op.hlc.wall_ms); !ok) return ok;
    }
    HistoryWriter history(e.history, intern_actor(op.actor));
    bool any_won = false;
    for (const auto& [field, text] : op.fields) {
        if (!is_newer(stamp, e.stamp_of(field))) {
            ++e.superseded_writes;
            history.superseded(op.hlc.wall_ms, field, text);
            continue;
        }
        any_won = true;
        history.field(op.hlc.wall_ms, field, e.value(field));
        e.set_value(field, text);
        e.set_stamp(field, stamp);
    }
    superseded = !any_won;
    // The record was first defined by the oldest of its creates, whatever the arrival order.
    if (is_newer(e.created, stamp)) {
        e.created = stamp;
        e.created_by = op.actor;
    }
    e.updated_ms = std::max(e.updated_ms, op.hlc.wall_ms);
    return {};
}

Outcome Desk::apply_set(Entity& e, const Operation& op, Stamp stamp, bool& superseded) {
    if (auto ok = check_value(e.kind, op.field, op.text); !ok) return ok;
    HistoryWriter history(e.history, intern_actor(op.actor));
    if (!is_newer(stamp, e.stamp_of(op.field))) {
        // Last writer wins: this older write loses, but is kept and counted so
        // the UI can show it (nothing typed is lost).
        superseded = true;
        ++e.superseded_writes;
        history.superseded(op.hlc.wall_ms, op.field, op.text);
        return {};
    }
    if (auto ok = check_entity_rules(*this, EntityChange{e, op.field, op.text}, op.hlc.wall_ms); !ok) return ok;
    history.field(op.hlc.wall_ms, op.field, e.value(op.field));
    e.set_value(op.field, op.text);
    e.set_stamp(op.field, stamp);
    if (field_spec(e.kind, op.field).loose && !op.text.empty()) note_links(e, *row_of(e.kind, e.id));
    return {};
}

Outcome Desk::apply_add_event(Entity& e, const Operation& op, Stamp stamp) {
    if (!kind_spec(e.kind).has_events)
        return make_error("bad_operation", std::string(kind_spec(e.kind).label) + " records have no events");
    if (op.text.size() > limits::kLongTextMax || !is_valid_utf8(op.text))
        return make_error("bad_value", "Event text must be valid UTF-8 of at most " +
                                           std::to_string(limits::kLongTextMax) + " bytes");
    if (!find_event_type(op.event_type))
        return make_error("unknown_event_type", "Event type '" + op.event_type + "' is not defined");
    const std::string id = op.id.to_string();
    HistoryWriter(e.history, intern_actor(op.actor)).event(op.hlc.wall_ms, op.event_type, id);
    e.events.insert_before_first(Event{id, stamp, op.actor, op.event_type, op.text},
                                 [&](const Stamp& s) { return is_newer(s, stamp); });
    return {};
}

Outcome Desk::apply_transition(Entity& e, const Operation& op) {
    if (!kind_spec(e.kind).has_workflow)
        return make_error("bad_operation", std::string(kind_spec(e.kind).label) + " records have no status");
    if (auto ok = check_transition(e, op.to); !ok) return ok;
    HistoryWriter(e.history, intern_actor(op.actor)).status(op.hlc.wall_ms, e.status, op.to);
    e.status = op.to;
    return {};
}

// W12: the record names its survivor and, with a workflow, is closed. Only this record is
// judged here (replicas may hold the survivor's own merge or closing in either order);
// what the survivor must be is relations.hpp's rule for a new merge.
Outcome Desk::apply_merge(Entity& e, const Operation& op, Stamp stamp) {
    const KindSpec& spec = kind_spec(e.kind);
    if (!spec.merged_into)
        return make_error("bad_operation", std::string(spec.label) + " records cannot be merged");
    const FieldId field = *spec.merged_into;
    if (!e.value(field).empty())
        return make_error("already_merged", std::string(spec.label) + " " + (spec.numbered ? e.number.display() : e.id) +
                                                " is already merged into another");
    if (op.text == e.id)
        return make_error("merge_into_itself", std::string(spec.label) + " cannot be merged into itself");
    if (auto ok = check_value(e.kind, field, op.text); !ok) return ok;
    HistoryWriter history(e.history, intern_actor(op.actor));
    history.field(op.hlc.wall_ms, field, e.value(field));
    e.set_value(field, op.text);
    e.set_stamp(field, stamp);
    if (spec.has_workflow && e.status != IncidentStatus::closed) {
        history.status(op.hlc.wall_ms, e.status, IncidentStatus::closed);
        e.status = IncidentStatus::closed;
    }
    note_links(e, *row_of(e.kind, e.id));
    return {};
}

Outcome Desk::apply_renumber(Entity& e, const Operation& op) {
    if (!kind_spec(e.kind).numbered)
        return make_error("bad_operation", std::string(kind_spec(e.kind).label) + " records have no number");
    if (!op.number.is_final()) return make_error("bad_number", "An incident can only be renumbered to a final number");
    if (e.number == op.number) return {};
    if (e.number.is_final())
        return make_error("already_numbered", "Incident " + e.number.display() + " already has a final number");
    const std::uint32_t row = *row_of(e.kind, e.id);
    if (auto free = check_number_free(op.number, row); !free) return free;
    number_index_.insert_or_assign(op.number.value, row);
    HistoryWriter(e.history, intern_actor(op.actor)).renumber(op.hlc.wall_ms, e.number.display(), op.number.display());
    e.number_aliases.push_back(e.number.provisional);
    e.number = op.number;
    e.updated_ms = std::max(e.updated_ms, op.hlc.wall_ms);
    return {};
}

}  // namespace hotline
