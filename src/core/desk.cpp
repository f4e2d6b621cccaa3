#include "core/desk.hpp"

#include <algorithm>
#include <array>

#include "core/event_types.hpp"
#include "core/workflow.hpp"

namespace hotline {

Desk::Desk() {
    Table& types = table(EntityKind::event_type);
    for (Entity& e : default_event_types()) {
        types.rows.push_back(std::move(e));
        types.index.insert(static_cast<std::uint32_t>(types.rows.size() - 1), types.rows);
    }
}

// Every operation interns its replica and actor, and runs of operations share them
// (one replica's batch, one person's edits): the last answer is checked before hashing.
std::uint32_t Desk::intern(const std::string& name, std::vector<std::string>& names, StringIndex& index,
                           std::uint32_t& last) {
    if (last < names.size() && names[last] == name) return last;
    auto [it, inserted] = index.try_emplace(name, static_cast<std::uint32_t>(names.size()));
    if (inserted) names.push_back(name);
    last = it->second;
    return last;
}

std::uint32_t Desk::intern_replica(const std::string& replica) {
    return intern(replica, replicas_, replica_index_, last_replica_);
}

std::uint32_t Desk::intern_actor(const std::string& actor) { return intern(actor, actors_, actor_index_, last_actor_); }

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

const Entity* Desk::find(EntityKind kind, std::string_view id) const {
    const Table& t = table(kind);
    const auto row = t.index.find(id, t.rows);
    return row ? &t.rows[*row] : nullptr;
}

std::optional<std::uint32_t> Desk::row_of(EntityKind kind, std::string_view id) const {
    const Table& t = table(kind);
    return t.index.find(id, t.rows);
}

Entity* Desk::find_mutable(EntityKind kind, std::string_view id) {
    return const_cast<Entity*>(std::as_const(*this).find(kind, id));
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
    Outcome outcome = dispatch(op, stamp, slot, superseded);
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

Outcome Desk::dispatch(const Operation& op, Stamp stamp, std::optional<std::uint32_t> slot, bool& superseded) {
    if (op.type == OpType::create) return apply_create(op, stamp, slot, superseded);
    Entity* e = find_mutable(op.entity, op.entity_id);
    const KindSpec& spec = kind_spec(op.entity);
    if (!e) {
        std::string label(spec.label);
        return make_error("unknown_" + std::string(spec.name), label + " " + op.entity_id + " does not exist here");
    }
    Outcome outcome;
    switch (op.type) {
        case OpType::create: break;  // above
        case OpType::renumber:
            outcome = apply_renumber(*e, op);  // the server may renumber even archived incidents
            break;
        case OpType::set:
        case OpType::add_event:
        case OpType::transition:
        case OpType::merge:
            if (spec.has_workflow) outcome = check_editable(*e);  // archived: read-only (W10)
            if (!outcome) break;
            if (op.type == OpType::set) outcome = apply_set(*e, op, stamp, superseded);
            else if (op.type == OpType::add_event) outcome = apply_add_event(*e, op, stamp);
            else if (op.type == OpType::merge) outcome = apply_merge(*e, op, stamp);
            else outcome = apply_transition(*e, op);
            break;
    }
    if (outcome) e->updated_ms = std::max(e->updated_ms, op.hlc.wall_ms);
    return outcome;
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

Outcome Desk::check_number_free(const IncidentNumber& number, std::uint32_t row) const {
    if (!number.is_final()) return {};
    auto it = number_index_.find(number.value);
    if (it == number_index_.end() || it->second == row || incidents()[it->second].number != number) return {};
    // The holder is not named: the sender may not be allowed to see it.
    return make_error("number_in_use", "Number " + number.display() + " is already used by another incident.",
                      {number.display()});
}

Desk::Parts Desk::parts() const {
    Parts p{replicas_, actors_, {}, seen_, newest_hlc_};
    for (const Table& t : tables_) p.entities.insert(p.entities.end(), t.rows.begin(), t.rows.end());
    return p;
}

void Desk::note_links(const Entity& e, std::uint32_t row) {
    for (const FieldSpec& f : fields_of(e.kind))
        if (f.loose && !e.value(f.id).empty()) {
            table(e.kind).linked.insert(row);
            return;
        }
}

Result<Desk> Desk::from_parts(Parts parts) {
    Desk d;
    for (Table& t : d.tables_) t = Table{};  // the parts hold the event types, defaults included
    d.replicas_ = std::move(parts.replicas);
    for (std::uint32_t i = 0; i < d.replicas_.size(); ++i)
        if (!d.replica_index_.emplace(d.replicas_[i], i).second)
            return make_error("bad_snapshot", "replica table lists a replica twice");
    d.actors_ = std::move(parts.actors);
    for (std::uint32_t i = 0; i < d.actors_.size(); ++i)
        if (!d.actor_index_.emplace(d.actors_[i], i).second)
            return make_error("bad_snapshot", "actor table lists an actor twice");
    auto valid_stamp = [&](const Stamp& s) { return s.replica < d.replicas_.size() || s == Stamp{}; };
    // Each index sized once: grown record by record, they were rehashed many times over.
    std::array<std::size_t, kEntityKindCount> per_kind{};
    for (const Entity& e : parts.entities) ++per_kind[static_cast<std::size_t>(e.kind)];
    for (EntityKind k : kAllEntityKinds) d.table(k).index.reserve(per_kind[static_cast<std::size_t>(k)]);
    d.number_index_.reserve(per_kind[static_cast<std::size_t>(EntityKind::incident)]);
    // Taken from the front, so the parts' blocks are freed while the tables' fill: the
    // whole desk is held once, not twice, at the peak of loading (the browser's heap
    // never shrinks below its peak).
    for (; !parts.entities.empty(); parts.entities.pop_front()) {
        Entity& e = parts.entities.front();
        bool ok = valid_stamp(e.created) && e.values.size() == field_count(e.kind);
        for (const auto& fs : e.field_stamps) ok = ok && valid_stamp(fs.stamp) && fs.field.value < e.values.size();
        for (const auto& ev : e.events) ok = ok && valid_stamp(ev.stamp);
        if (!ok) return make_error("bad_snapshot", "record " + e.id + " refers to an unknown replica or field");
        Table& t = d.table(e.kind);
        const auto row = static_cast<std::uint32_t>(t.rows.size());
        t.rows.push_back(std::move(e));
        const Entity& added = t.rows.back();
        if (!t.index.insert(row, t.rows))
            return make_error("bad_snapshot", std::string(entity_kind_name(added.kind)) + " " + added.id + " appears twice");
        if (added.kind == EntityKind::incident && added.number.is_final()) d.number_index_.emplace(added.number.value, row);
        d.note_links(added, row);
    }
    // Defaults added after the snapshot was written: every replica holds them (zero
    // stamps: any definition the snapshot has wins).
    Table& types = d.table(EntityKind::event_type);
    for (Entity& e : default_event_types())
        if (!types.index.contains(e.id, types.rows)) {
            types.rows.push_back(std::move(e));
            types.index.insert(static_cast<std::uint32_t>(types.rows.size() - 1), types.rows);
        }
    if (parts.seen.ranges().size() > d.replicas_.size())
        return make_error("bad_snapshot", "seen operations refer to an unknown replica");
    d.seen_ = std::move(parts.seen);
    d.newest_hlc_ = std::move(parts.newest_hlc);
    return d;
}

}  // namespace hotline
