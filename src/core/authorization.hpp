// Who may see and change what (P6). The server calls this for every pushed
// operation and every pulled one; the client calls the same functions to grey
// out what the server would refuse. Roles:
//
//   agent       registers and works incidents (create, edit, events, status)
//   engineer    the same; the usual assignee
//   technician  field work: only incidents assigned to them or that they
//               registered; offline for days. "Assigned to them": the incident's
//               engineer field holds their login. Never their display name: names
//               are not unique, and anyone given the same name would see the work
//   manager     everything on incidents, plus the event-type catalogue
//   admin       everything a manager may, plus users
//
// Operations carry their author ("u:<login>"): it must be the signed-in user, so
// nobody can write in someone else's name. `renumber` comes from the server only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/incident.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline {

enum class Role : std::uint8_t { agent, engineer, technician, manager, admin };

std::string_view role_name(Role r);
std::optional<Role> role_by_name(std::string_view name);

// A login is what follows "u:" in an actor: 1-48 chars of [a-z0-9._-], starting with a letter or digit.
bool is_valid_login(std::string_view login);

struct Principal {
    std::string login;
    std::string name;  // display name
    Role role = Role::agent;

    std::string actor() const { return "u:" + login; }
};

bool can_see(const Principal& who, const Incident& incident);
bool can_manage_users(const Principal& who);

// May `who` submit `op`? `target` is the incident it changes as the server holds
// it now (nullptr for a create or when unknown). Errors: forbidden_actor,
// forbidden_operation, forbidden_role, forbidden_incident. A technician gets the same
// forbidden_incident, naming nothing, for an incident not theirs and for one that does
// not exist: the answer must not tell which incidents exist.
Outcome authorize_operation(const Principal& who, const Operation& op, const Incident* target);

// True when `op` makes `who` the incident's engineer (the incident becomes
// visible to that technician: the server then sends its earlier history too).
bool assigns_to(const Operation& op, const Principal& who);

}  // namespace hotline
