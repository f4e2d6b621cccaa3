#include "core/authorization.hpp"

#include "core/archive.hpp"
#include "core/handover.hpp"
#include "core/relations.hpp"
#include "core/workflow.hpp"

namespace hotline {

bool can_manage_users(const Principal& who) { return who.role == Role::admin; }

namespace {
// By login only: display names are not unique (issue 9).
bool names(std::string_view engineer, const Principal& who) { return !engineer.empty() && engineer == who.login; }

// The engineer field (free text, older versions) or the assignee record (W2).
bool assigned_to(const Incident& incident, std::string_view login) {
    return !login.empty() &&
           (incident.value(IncidentField::assignee) == login || incident.value(IncidentField::engineer) == login);
}

// Assigned to them or registered by them, archived or not: what their device may hold.
bool held_by(const Principal& who, const Incident& incident) {
    return assigned_to(incident, who.login) || incident.created_by == who.actor();
}

// W10: an archived incident is no technician's any more.
bool is_technicians(const Principal& who, const Incident& incident) {
    return is_active(incident.status) && held_by(who, incident);
}

// S5: putting an incident in a queue hands it to whoever picks it: assigning too.
bool is_assignment_field(FieldId f) {
    return f == IncidentField::service_department || f == IncidentField::assignee || f == IncidentField::queue;
}

bool sets_assignment(const Operation& op) {
    if (op.entity != EntityKind::incident) return false;
    if (op.type == OpType::set) return is_assignment_field(op.field);
    if (op.type != OpType::create) return false;
    for (const auto& [f, v] : op.fields)
        if (is_assignment_field(f) && !v.empty()) return true;
    return false;
}

// S2, S7: the terms an incident is measured against, which the desk sets: its SLA policy,
// its entitlement (drawn on or waived) and a deadline set by hand. A technician's create
// carries the entitlement the registration chose (so not refused); a deadline they may not give.
bool sets_service_terms(const Operation& op) {
    if (op.entity != EntityKind::incident) return false;
    if (op.type == OpType::set)
        return op.field == IncidentField::sla_policy || op.field == IncidentField::entitlement ||
               op.field == IncidentField::entitlement_waiver || op.field == IncidentField::resolution_deadline;
    if (op.type != OpType::create) return false;
    for (const auto& [f, v] : op.fields)
        if (f == IncidentField::resolution_deadline && !v.empty()) return true;
    return false;
}

bool manages(const Principal& who) { return who.role == Role::manager || who.role == Role::admin; }

// W4: people log their own time (managers may log anyone's), on incidents they may
// work; an entry is stopped or annotated by its person, its author or a manager.
Outcome authorize_time_entry(const Principal& who, const Operation& op, const Desk& desk) {
    const auto refuse = [] {
        return make_error("forbidden_time_entry", "People log and change only their own time.");
    };
    if (op.type == OpType::create) {
        std::string_view person, incident;
        for (const auto& [f, v] : op.fields) {
            if (f == TimeEntryField::person) person = v;
            if (f == TimeEntryField::incident) incident = v;
        }
        if (person != who.login && !manages(who)) return refuse();
        const Incident* target = desk.find(incident);
        return target ? check_holder(desk, who, *target, op) : Outcome{};
    }
    const Entity* entry = desk.find(EntityKind::time_entry, op.entity_id);
    if (!entry || manages(who) || entry->value(TimeEntryField::person) == who.login || entry->created_by == who.actor())
        return {};
    return refuse();
}
// W8: the desk creates and changes orders (schema: kDeskStaff creates); a technician
// updates the status and outcome of an order they carry out, on an incident of theirs.
// The orders of an archived incident change no more (W10). Checked here, on the server's
// desk when the change arrives, not in the fold (entity_rules.cpp): replicas may hold the
// archiving and the change in either order. A create is never refused for it: a refused
// create would stay on the replica that made it offline (records are never removed).
Outcome authorize_order(const Principal& who, const Operation& op, const Desk& desk) {
    const Entity* order = desk.find(EntityKind::order, op.entity_id);
    const Incident* incident = order ? desk.find(order->value(OrderField::incident)) : nullptr;
    if (incident && op.type != OpType::create)
        if (auto ok = check_editable(*incident); !ok) return ok;
    if (who.role != Role::technician) return {};
    if (!incident) return make_error("forbidden_incident", "No incident of yours has this id.");
    if (auto held = check_holder(desk, who, *incident, op); !held) return held;
    const bool theirs = order->value(OrderField::technician) == who.login;
    const bool progress = op.type == OpType::set && (op.field == OrderField::status || op.field == OrderField::outcome);
    if (theirs && progress) return {};
    return make_error("forbidden_order", "A technician updates only the status and outcome of the orders they carry out.");
}

// W13: whoever may work an incident links articles to it and unlinks them.
Outcome authorize_article_link(const Principal& who, const Operation& op, const Desk& desk) {
    std::string_view incident;
    if (op.type == OpType::create) {
        for (const auto& [f, v] : op.fields)
            if (f == ArticleLinkField::incident) incident = v;
    } else if (const Entity* link = desk.find(EntityKind::article_link, op.entity_id)) {
        incident = link->value(ArticleLinkField::incident);
    }
    const Incident* target = desk.find(incident);
    return target ? check_holder(desk, who, *target, op) : Outcome{};
}
}  // namespace

bool sees_whole_desk(const Principal& who) { return who.role != Role::technician; }

bool may_assign(const Principal& who) { return who.role != Role::technician; }

Outcome check_may_set_service_terms(const Principal& who) {
    if (who.role != Role::technician) return {};
    return make_error("forbidden_service_terms",
                      "A technician may not change an incident's SLA policy, entitlement or deadline.");
}

bool sees_archive(const Principal& who) { return sees_whole_desk(who); }

bool can_see_incident(const Principal& who, const Incident& incident) {
    return sees_whole_desk(who) || is_technicians(who, incident);
}

bool holds_incident(const Principal& who, const Incident& incident) {
    return sees_whole_desk(who) || held_by(who, incident);
}

std::vector<const Entity*> records_needed_by(const Desk& desk, const Entity& record) {
    std::vector<const Entity*> out{&record};
    std::unordered_set<const Entity*> held{&record};
    for (std::size_t i = 0; i < out.size(); ++i) {  // out grows while it is walked
        const Entity& e = *out[i];
        for (const FieldSpec& f : fields_of(e.kind)) {
            if (f.kind != FieldKind::ref || f.loose || e.value(f.id).empty() ||
                kind_spec(f.ref).visibility == Visibility::everyone)
                continue;
            const Entity* target = desk.find(f.ref, e.value(f.id));
            if (target && held.insert(target).second) out.push_back(target);
        }
    }
    const std::size_t direct = out.size();
    for (const Entity& block : desk.entities(EntityKind::blocking_reason))
        for (std::size_t i = 0; i < direct; ++i)
            if (out[i]->kind == EntityKind::account && block.value(BlockingReasonField::account) == out[i]->id &&
                held.insert(&block).second)
                out.push_back(&block);
    return out;
}

TechnicianScope::TechnicianScope(const Principal& who, const Desk& desk)
    : everything_(sees_whole_desk(who)), login_(who.login) {
    if (everything_) return;
    for (const Incident& inc : desk.incidents()) {
        if (!is_technicians(who, inc)) continue;
        ids_.insert(inc.id);  // for their incidents' time entries and article links
        for (IncidentField f :
             {IncidentField::account, IncidentField::contact, IncidentField::unit, IncidentField::entitlement})
            if (!inc.value(f).empty()) ids_.emplace(inc.value(f));
    }
    // What those refer to in turn (a contact's account, a unit's contract), and the records
    // the technician made: theirs whatever incident they were made for, so that an incident
    // moving to someone else takes nothing they typed off their device.
    const std::string actor = who.actor();
    std::vector<const Entity*> roots;
    for (EntityKind k : {EntityKind::account, EntityKind::contact, EntityKind::unit, EntityKind::contract})
        for (const Entity& e : desk.entities(k))
            if (ids_.count(e.id) || e.created_by == actor) roots.push_back(&e);
    for (const Entity* root : roots)
        for (const Entity* needed : records_needed_by(desk, *root)) ids_.insert(needed->id);
}

bool TechnicianScope::contains(const Entity& e) const {
    if (everything_ || kind_spec(e.kind).visibility == Visibility::everyone) return true;
    switch (e.kind) {
        case EntityKind::incident: return is_active(e.status) && (assigned_to(e, login_) || e.created_by == "u:" + login_);
        case EntityKind::time_entry: return ids_.count(std::string(e.value(TimeEntryField::incident))) > 0 ||
                                            e.created_by == "u:" + login_;
        case EntityKind::order: return ids_.count(std::string(e.value(OrderField::incident))) > 0;
        case EntityKind::article_link: return ids_.count(std::string(e.value(ArticleLinkField::incident))) > 0 ||
                                              e.created_by == "u:" + login_;
        case EntityKind::account:
        case EntityKind::contact:
        case EntityKind::unit:
        case EntityKind::contract:
        case EntityKind::blocking_reason: return ids_.count(e.id) > 0;
        case EntityKind::event_type:
        case EntityKind::department:
        case EntityKind::staff_profile:
        case EntityKind::reason_code:
        case EntityKind::resolution_code:
        case EntityKind::priority_code:
        case EntityKind::calendar:
        case EntityKind::sla_policy:
        case EntityKind::routing_rule:
        case EntityKind::queue:
        case EntityKind::article: return true;
    }
    return false;
}

bool can_see(const Principal& who, const Desk& desk, const Entity& e) {
    if (e.kind == EntityKind::incident) return can_see_incident(who, e);
    return TechnicianScope(who, desk).contains(e);
}

Outcome authorize_operation(const Principal& who, const Operation& op, const Desk& desk) {
    if (op.actor != who.actor())
        return make_error("forbidden_actor", "An operation must be made in the name of the signed-in user (" +
                                                 who.actor() + "), not " + op.actor + ".");
    if (op.type == OpType::renumber)
        return make_error("forbidden_operation", "Only the server gives final incident numbers.");
    const KindSpec& spec = kind_spec(op.entity);
    const bool creating = op.type == OpType::create;
    if (!(creating ? spec.may_create : spec.may_change).contains(who.role))
        return make_error("forbidden_role", "A user with the role " + std::string(role_name(who.role)) + " may not " +
                                                (creating ? "create " : "change ") + std::string(spec.label) +
                                                " records.");
    // W2: the call centre, engineers (second-level hand-overs) and managers assign; a
    // technician works what they are given.
    if (sets_assignment(op) && !may_assign(who))
        return make_error("forbidden_assignment", "A technician may not assign incidents.");
    if (sets_service_terms(op))
        if (Outcome allowed = check_may_set_service_terms(who); !allowed) return allowed;
    if (op.entity == EntityKind::time_entry) return authorize_time_entry(who, op, desk);
    if (op.entity == EntityKind::order) return authorize_order(who, op, desk);
    if (op.entity == EntityKind::article_link) return authorize_article_link(who, op, desk);
    // W12: a technician relates only incidents of theirs.
    if (const std::string_view related = related_incident_id(op); who.role == Role::technician && !related.empty())
        if (const Incident* other = desk.find(related); !other || !can_see_incident(who, *other))
            return make_error("forbidden_incident", "No incident of yours has the id " + std::string(related) + ".");
    // A technician changes only their own incidents (the other kinds they may change
    // at all are visible to everyone). Unknown incidents are left to Desk::apply for
    // those who may know which incidents exist.
    if (creating || op.entity != EntityKind::incident || who.role != Role::technician) return {};
    if (const Incident* target = desk.find(op.entity_id)) return check_holder(desk, who, *target, op);
    return make_error("forbidden_incident",
                      "No incident of yours has this id; a technician changes only the incidents assigned to them.");
}

bool assigns_to(const Operation& op, const Principal& who) {
    if (op.entity != EntityKind::incident) return false;
    const auto assigns = [&](FieldId f, std::string_view v) {
        return (f == IncidentField::engineer || f == IncidentField::assignee) && names(v, who);
    };
    if (op.type == OpType::set) return assigns(op.field, op.text);
    if (op.type != OpType::create) return false;
    for (const auto& [f, v] : op.fields)
        if (assigns(f, v)) return true;
    return false;
}

}  // namespace hotline
