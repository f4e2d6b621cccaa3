#include "core/desk.hpp"

#include <algorithm>
#include <set>

#include "core/history.hpp"
#include "core/limits.hpp"
#include "core/workflow.hpp"

namespace hotline {

Desk::Desk() {
    event_types_ = default_event_types();
    event_type_stamps_.assign(event_types_.size(), Stamp{});
}

std::uint32_t Desk::intern_replica(const std::string& replica) {
    auto [it, inserted] = replica_index_.try_emplace(replica, static_cast<std::uint32_t>(replicas_.size()));
    if (inserted) replicas_.push_back(replica);
    return it->second;
}

std::uint32_t Desk::intern_actor(const std::string& actor) {
    auto [it, inserted] = actor_index_.try_emplace(actor, static_cast<std::uint32_t>(actors_.size()));
    if (inserted) actors_.push_back(actor);
    return it->second;
}

Stamp Desk::stamp_of(const Hlc& h) { return Stamp{h.wall_ms, h.counter, intern_replica(h.replica)}; }

Hlc Desk::to_hlc(const Stamp& s) const {
    return Hlc{s.wall_ms, s.counter, s.replica < replicas_.size() ? replicas_[s.replica] : std::string()};
}

bool Desk::is_newer(const Stamp& a, const Stamp& b) const {
    if (a.wall_ms != b.wall_ms) return a.wall_ms > b.wall_ms;
    if (a.counter != b.counter) return a.counter > b.counter;
    if (a.replica == b.replica) return false;
    return replicas_[a.replica] > replicas_[b.replica];
}

const Incident* Desk::find(std::string_view incident_id) const {
    auto it = incident_index_.find(incident_id);
    return it == incident_index_.end() ? nullptr : &incidents_[it->second];
}

std::optional<std::uint32_t> Desk::row_of(std::string_view incident_id) const {
    auto it = incident_index_.find(incident_id);
    if (it == incident_index_.end()) return std::nullopt;
    return it->second;
}

Incident* Desk::find_mutable(std::string_view incident_id) {
    return const_cast<Incident*>(std::as_const(*this).find(incident_id));
}

const EventType* Desk::find_event_type(std::string_view key) const {
    for (const auto& t : event_types_)
        if (t.key == key) return &t;
    return nullptr;
}

bool Desk::has_applied(const OpId& id) const {
    auto it = replica_index_.find(id.replica);
    return it != replica_index_.end() && seen_.contains(it->second, id.counter);
}

ApplyResult Desk::apply(const Operation& op) { return apply_one(op, false, std::nullopt); }

ApplyResult Desk::apply_one(const Operation& op, bool ignore_seen, std::optional<std::uint32_t> slot) {
    const std::size_t replicas_before = replicas_.size();
    const std::uint32_t origin = intern_replica(op.id.replica);
    const bool was_seen = seen_.contains(origin, op.id.counter);
    if (was_seen && !ignore_seen) return {ApplyKind::duplicate, {}};
    Stamp stamp = op.hlc.replica == op.id.replica ? Stamp{op.hlc.wall_ms, op.hlc.counter, origin} : stamp_of(op.hlc);
    bool superseded = false;
    Outcome outcome;
    if (op.entity == EntityKind::event_type) {
        outcome = apply_event_type(op, stamp, superseded);
    } else if (op.type == OpType::create) {
        outcome = apply_create_incident(op, stamp, slot);
    } else {
        Incident* inc = find_mutable(op.entity_id);
        if (!inc) {
            outcome = make_error("unknown_incident", "Incident " + op.entity_id + " does not exist here");
        } else if (op.type == OpType::renumber) {
            outcome = apply_renumber(*inc, op);  // the server may renumber even archived incidents
        } else if (auto editable = check_editable(*inc); !editable) {
            outcome = editable;
        } else {
            switch (op.type) {
                case OpType::set: outcome = apply_set(*inc, op, stamp, superseded); break;
                case OpType::add_event: outcome = apply_add_event(*inc, op, stamp); break;
                case OpType::transition: outcome = apply_transition(*inc, op); break;
                default: outcome = make_error("bad_operation", "unsupported operation"); break;
            }
        }
        if (outcome && inc) inc->updated_ms = std::max(inc->updated_ms, op.hlc.wall_ms);
    }
    if (!outcome) {
        if (was_seen) unsee(origin, op.id.counter);  // replayed and now refused
        // A rejected operation leaves no trace, not even its replica's name.
        while (replicas_.size() > replicas_before) {
            replica_index_.erase(replicas_.back());
            replicas_.pop_back();
        }
        return {ApplyKind::rejected, outcome.error()};
    }
    seen_.insert(origin, op.id.counter);
    if (op.hlc > newest_hlc_) newest_hlc_ = op.hlc;
    return {superseded ? ApplyKind::superseded : ApplyKind::applied, {}};
}

// Rare (a replayed op that is now refused), so a copy of the ranges is fine.
// Counters after it in the contiguous prefix move to the sparse set: the op's
// own replica's recent ops, i.e. its few pending ones.
void Desk::unsee(std::uint32_t replica, std::uint64_t counter) {
    std::vector<SeenRange> ranges = seen_.ranges();
    if (replica >= ranges.size()) return;
    SeenRange& r = ranges[replica];
    if (counter <= r.contiguous) {
        for (std::uint64_t c = counter + 1; c <= r.contiguous; ++c) r.beyond.insert(c);
        r.contiguous = counter - 1;
    } else {
        r.beyond.erase(counter);
    }
    seen_.restore(std::move(ranges));
}

std::vector<ApplyResult> Desk::replay_incident(std::string_view incident_id, std::span<const Operation> ops,
                                               std::span<const OpId> dropped) {
    std::vector<ApplyResult> results;
    results.reserve(ops.size());
    std::optional<std::uint32_t> slot;
    std::optional<Incident> former;
    if (auto it = incident_index_.find(incident_id); it != incident_index_.end()) {
        slot = it->second;
        former = std::move(incidents_[it->second]);
        incidents_[it->second] = Incident{};
        incident_index_.erase(it);
    }
    std::vector<bool> seen_before(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) seen_before[i] = has_applied(ops[i].id);
    std::set<OpId> done;  // ids replayed so far: a repeat is a duplicate
    for (const Operation& op : ops) {
        if (op.entity != EntityKind::incident || op.entity_id != incident_id) {
            results.push_back({ApplyKind::rejected,
                               make_error("wrong_incident", "Operation " + op.id.to_string() + " is not about incident " +
                                                                std::string(incident_id))});
            continue;
        }
        if (!done.insert(op.id).second) {
            results.push_back({ApplyKind::duplicate, {}});
            continue;
        }
        // Before the create has been replayed the incident does not exist, so
        // every other op is refused as apply() would refuse it.
        results.push_back(apply_one(op, true, slot));
        if (!slot && op.type == OpType::create && results.back().kind != ApplyKind::rejected)
            slot = static_cast<std::uint32_t>(incidents_.size() - 1);
    }
    if (!incident_index_.count(incident_id) && former) {
        // Nothing created it: keep the former state rather than leave a hole in the list.
        for (auto& r : results)
            if (r.kind != ApplyKind::rejected)
                r = {ApplyKind::rejected, make_error("unknown_incident", "Incident " + std::string(incident_id) +
                                                                               " is not created by the replayed operations")};
        incidents_[*slot] = std::move(*former);
        incident_index_.emplace(incidents_[*slot].id, *slot);
        for (std::size_t i = 0; i < ops.size(); ++i) {
            auto r = replica_index_.find(ops[i].id.replica);
            if (seen_before[i] && r != replica_index_.end()) seen_.insert(r->second, ops[i].id.counter);
        }
        return results;
    }
    for (const OpId& id : dropped) {
        if (!has_applied(id)) continue;
        bool replayed = std::any_of(ops.begin(), ops.end(), [&](const Operation& op) { return op.id == id; });
        if (!replayed) unsee(replica_index_.find(id.replica)->second, id.counter);
    }
    return results;
}

Outcome Desk::check_number_free(const IncidentNumber& number, std::uint32_t row) const {
    if (!number.is_final()) return {};
    auto it = number_index_.find(number.value);
    if (it == number_index_.end() || it->second == row || incidents_[it->second].number != number) return {};
    // The holder is not named: the sender may not be allowed to see it.
    return make_error("number_in_use", "Number " + number.display() + " is already used by another incident.");
}

Outcome Desk::apply_create_incident(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot) {
    if (incident_index_.count(op.entity_id))
        return make_error("duplicate_incident", "Incident " + op.entity_id + " already exists");
    const auto row = slot.value_or(static_cast<std::uint32_t>(incidents_.size()));
    if (auto free = check_number_free(op.number, row); !free) return free;
    Incident inc;
    inc.id = op.entity_id;
    inc.number = op.number;
    inc.value(FieldId::priority) = std::string(kDefaultPriority);
    inc.value(FieldId::origin) = std::string(kDefaultOrigin);
    for (const auto& [field, text] : op.fields) {
        if (auto ok = check_field_value(field, text); !ok) return ok;
        inc.value(field) = text;
    }
    if (is_blank(inc.value(FieldId::title)))
        return make_error("missing_title", "An incident needs a title");
    inc.created_by = op.actor;
    inc.created = stamp;
    inc.updated_ms = op.hlc.wall_ms;
    // Typical lives are ~10 operations: room for their history and stamps up
    // front instead of growing each incident's buffers several times.
    inc.history.reserve(256);
    inc.field_stamps.reserve(4);
    HistoryWriter(inc.history, intern_actor(op.actor)).created(op.hlc.wall_ms, op.number.display());
    if (op.number.is_final()) number_index_.insert_or_assign(op.number.value, row);
    if (slot) {
        incidents_[*slot] = std::move(inc);
        incident_index_.emplace(incidents_[*slot].id, *slot);
        return {};
    }
    incident_index_.emplace(inc.id, static_cast<std::uint32_t>(incidents_.size()));
    incidents_.push_back(std::move(inc));
    return {};
}

Outcome Desk::apply_set(Incident& inc, const Operation& op, Stamp stamp, bool& superseded) {
    if (auto ok = check_field_value(op.field, op.text); !ok) return ok;
    if (op.field == FieldId::title && is_blank(op.text))
        return make_error("missing_title", "An incident needs a title");
    std::string& current = inc.value(op.field);
    HistoryWriter history(inc.history, intern_actor(op.actor));
    if (!is_newer(stamp, inc.stamp_of(op.field))) {
        // Last writer wins: this older write loses, but is kept and counted so
        // the UI can show it (nothing typed is lost).
        superseded = true;
        ++inc.superseded_writes;
        history.superseded(op.hlc.wall_ms, op.field, op.text);
        return {};
    }
    history.field(op.hlc.wall_ms, op.field, current);
    current = op.text;
    inc.set_stamp(op.field, stamp);
    return {};
}

Outcome Desk::apply_add_event(Incident& inc, const Operation& op, Stamp stamp) {
    if (op.text.size() > limits::kLongTextMax || !is_valid_utf8(op.text))
        return make_error("bad_value", "Event text must be valid UTF-8 of at most " +
                                           std::to_string(limits::kLongTextMax) + " bytes");
    if (!find_event_type(op.event_type))
        return make_error("unknown_event_type", "Event type '" + op.event_type + "' is not defined");
    Event ev{op.id.to_string(), stamp, op.actor, op.event_type, op.text};
    auto pos = std::upper_bound(inc.events.begin(), inc.events.end(), ev,
                                [this](const Event& a, const Event& b) { return is_newer(b.stamp, a.stamp); });
    HistoryWriter(inc.history, intern_actor(op.actor)).event(op.hlc.wall_ms, op.event_type, ev.id);
    inc.events.insert(pos, std::move(ev));
    return {};
}

Outcome Desk::apply_transition(Incident& inc, const Operation& op) {
    if (auto ok = check_transition(inc, op.to); !ok) return ok;
    HistoryWriter(inc.history, intern_actor(op.actor)).status(op.hlc.wall_ms, inc.status, op.to);
    inc.status = op.to;
    return {};
}

Outcome Desk::apply_renumber(Incident& inc, const Operation& op) {
    if (!op.number.is_final()) return make_error("bad_number", "An incident can only be renumbered to a final number");
    if (inc.number == op.number) return {};
    if (inc.number.is_final())
        return make_error("already_numbered", "Incident " + inc.number.display() + " already has a final number");
    const std::uint32_t row = incident_index_.find(inc.id)->second;
    if (auto free = check_number_free(op.number, row); !free) return free;
    number_index_.insert_or_assign(op.number.value, row);
    HistoryWriter(inc.history, intern_actor(op.actor)).renumber(op.hlc.wall_ms, inc.number.display(), op.number.display());
    inc.number_aliases.push_back(inc.number.provisional);
    inc.number = op.number;
    inc.updated_ms = std::max(inc.updated_ms, op.hlc.wall_ms);
    return {};
}

Outcome Desk::apply_event_type(const Operation& op, Stamp stamp, bool& superseded) {
    if (!is_valid_event_type_key(op.entity_id))
        return make_error("bad_event_type", "Event type keys are 1-32 chars of a-z, 0-9, _");
    if (op.text.empty() || op.text.size() > limits::kShortTextMax || !is_valid_utf8(op.text))
        return make_error("bad_value", "An event type needs a label of at most " +
                                           std::to_string(limits::kShortTextMax) + " bytes");
    for (std::size_t i = 0; i < event_types_.size(); ++i) {
        if (event_types_[i].key != op.entity_id) continue;
        // Two replicas may define the same key: the label follows last writer wins.
        if (!is_newer(stamp, event_type_stamps_[i])) {
            superseded = true;
            return {};
        }
        event_types_[i].label = op.text;
        event_type_stamps_[i] = stamp;
        return {};
    }
    if (event_types_.size() >= limits::kEventTypesMax)
        return make_error("too_many_event_types", "No more event types can be defined");
    event_types_.push_back({op.entity_id, op.text});
    event_type_stamps_.push_back(stamp);
    return {};
}

Desk::Parts Desk::parts() const {
    return Parts{replicas_, actors_, incidents_, event_types_, event_type_stamps_, seen_, newest_hlc_};
}

Result<Desk> Desk::from_parts(Parts parts) {
    Desk d;
    d.replicas_ = std::move(parts.replicas);
    for (std::uint32_t i = 0; i < d.replicas_.size(); ++i)
        if (!d.replica_index_.emplace(d.replicas_[i], i).second)
            return make_error("bad_snapshot", "replica table lists a replica twice");
    d.actors_ = std::move(parts.actors);
    for (std::uint32_t i = 0; i < d.actors_.size(); ++i)
        if (!d.actor_index_.emplace(d.actors_[i], i).second)
            return make_error("bad_snapshot", "actor table lists an actor twice");
    auto valid_stamp = [&](const Stamp& s) { return s.replica < d.replicas_.size() || s == Stamp{}; };
    d.incidents_ = std::move(parts.incidents);
    d.incident_index_.reserve(d.incidents_.size());
    for (std::uint32_t i = 0; i < d.incidents_.size(); ++i) {
        const Incident& inc = d.incidents_[i];
        bool ok = valid_stamp(inc.created);
        for (const auto& fs : inc.field_stamps) ok = ok && valid_stamp(fs.stamp);
        for (const auto& ev : inc.events) ok = ok && valid_stamp(ev.stamp);
        if (!ok) return make_error("bad_snapshot", "incident " + inc.id + " refers to an unknown replica");
        if (!d.incident_index_.emplace(inc.id, i).second)
            return make_error("bad_snapshot", "incident " + inc.id + " appears twice");
        if (inc.number.is_final()) d.number_index_.emplace(inc.number.value, i);
    }
    if (parts.event_types.size() != parts.event_type_stamps.size())
        return make_error("bad_snapshot", "event types and their stamps differ in number");
    for (const auto& s : parts.event_type_stamps)
        if (!valid_stamp(s)) return make_error("bad_snapshot", "event type refers to an unknown replica");
    d.event_types_ = std::move(parts.event_types);
    d.event_type_stamps_ = std::move(parts.event_type_stamps);
    if (parts.seen.ranges().size() > d.replicas_.size())
        return make_error("bad_snapshot", "seen operations refer to an unknown replica");
    d.seen_ = std::move(parts.seen);
    d.newest_hlc_ = std::move(parts.newest_hlc);
    return d;
}

}  // namespace hotline
