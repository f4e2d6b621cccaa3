// Who may see and change what (P6), decided from the schema (schema.hpp): each
// kind says which roles may create and change its records and whether a
// technician sees all of them or only what their incidents refer to. The server
// calls this for every pushed operation and every pulled one; the client calls
// the same functions to grey out what the server would refuse. Roles: roles.hpp.
//
// A technician's incidents are those whose assignee (or, for older data, free-text
// engineer field) holds their login, or that they registered, unless archived (W10: an
// archived incident is no technician's; their device is not sent it); with them the time
// entries of those incidents and the ones they logged. What those incidents refer to (account, contact, unit),
// the contracts of those units and the blocking reasons of those accounts are
// theirs to see too (TechnicianScope); reference data is for everyone.
// Never by display name: names are not unique, and anyone given the same name
// would see the work.
//
// Assigning (an incident's service department and assignee, W2) is for every role but
// the technician. Time entries (W4): people log their own time on incidents they may
// work; managers and admins log anyone's.
//
// Orders (W8) follow their incident: a technician sees the orders of their incidents.
// The desk (agents, engineers, managers) transfers and changes orders; a technician
// updates the status and outcome of an order they carry out (its technician), on an
// incident of theirs — an on-site visit's technician is given the incident too.
//
// Operations carry their author ("u:<login>"): it must be the signed-in user, so
// nobody can write in someone else's name. `renumber` comes from the server only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/desk.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"

namespace hotline {

struct Principal {
    std::string login;
    std::string name;  // display name
    Role role = Role::agent;

    std::string actor() const { return "u:" + login; }
};

bool can_manage_users(const Principal& who);

// Is `incident` one of the technician's own (or is `who` not a technician)?
bool can_see_incident(const Principal& who, const Incident& incident);

// May `who`'s device hold `incident`: their own, or one that was theirs until it was
// archived (W10: the pull sends such a device the operations that archive it, so that it
// stops showing it). Everything for those who see the whole desk. Changes to incidents
// are authorized on this, not on can_see_incident: a technician's pending change to an
// incident archived meanwhile is refused by the desk as archived, the reason they read;
// and on the incident's history (handover.hpp): one made while it was theirs still syncs.
bool holds_incident(const Principal& who, const Incident& incident);

// W10: may `who` be shown archived incidents? Not a technician: an archived incident is
// no technician's, and their device hides one it still holds (the list, go to number).
bool sees_archive(const Principal& who);

// W2: may `who` set an incident's service department and assignee?
bool may_assign(const Principal& who);

// S2, S7: may `who` set an incident's SLA policy, entitlement (or its waiver) and a
// deadline set by hand? The desk does; a technician works to the terms they are given
// (forbidden_service_terms).
Outcome check_may_set_service_terms(const Principal& who);

// What a technician may see of the kinds with Visibility::by_incident, computed
// from the desk once (one pass over the incidents) and asked per record: what their
// incidents refer to, the records they created themselves, and what those need
// (records_needed_by). For other roles everything is in scope.
// Every role but the technician sees the whole desk.
bool sees_whole_desk(const Principal& who);

class TechnicianScope {
public:
    TechnicianScope(const Principal& who, const Desk& desk);
    bool contains(const Entity& e) const;

private:
    bool everything_ = false;
    std::string login_;
    std::unordered_set<std::string> ids_;  // accounts, contacts, units, contracts in scope
};

bool can_see(const Principal& who, const Desk& desk, const Entity& e);

// The records a replica must hold for `record` to apply there: `record` itself,
// what its ref fields name, and so on (a contact's account, a unit's contract),
// plus the blocking reasons of the accounts among them (R2: a replica needs them
// to warn or refuse). Reference data visible to everyone is left out, and so are loose refs
// (a child's parent, a merged incident's survivor: W12), which a replica need not hold.
std::vector<const Entity*> records_needed_by(const Desk& desk, const Entity& record);

// May `who` submit `op` on the desk as the server holds it now? A record not
// held is left to Desk::apply, which refuses it with its own reason. Errors:
// forbidden_actor, forbidden_operation, forbidden_role, forbidden_incident,
// forbidden_assignment, forbidden_time_entry, forbidden_order, archived (a change to an
// order of an archived incident). A technician gets the same
// forbidden_incident, naming nothing, for an incident not theirs and for one that does
// not exist: the answer must not tell which exist.
Outcome authorize_operation(const Principal& who, const Operation& op, const Desk& desk);

// True when `op` makes `who` the incident's assignee or engineer (the incident becomes
// visible to that technician: the server then sends its earlier history too).
bool assigns_to(const Operation& op, const Principal& who);

}  // namespace hotline
