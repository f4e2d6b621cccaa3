#include "core/authorization.hpp"

#include <array>

#include "core/limits.hpp"

namespace hotline {
namespace {

constexpr std::array<std::string_view, 5> kRoleNames = {"agent", "engineer", "technician", "manager", "admin"};

bool is_login_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@';
}

}  // namespace

std::string_view role_name(Role r) { return kRoleNames[static_cast<std::size_t>(r)]; }

std::optional<Role> role_by_name(std::string_view name) {
    for (std::size_t i = 0; i < kRoleNames.size(); ++i)
        if (kRoleNames[i] == name) return static_cast<Role>(i);
    return std::nullopt;
}

bool is_valid_login(std::string_view login) {
    // Fits an actor ("u:" + login) and stays readable in lists.
    if (login.empty() || login.size() > limits::kActorMax - 2 || login.size() > 48) return false;
    if (login[0] == '.' || login[0] == '-' || login[0] == '_' || login[0] == '@') return false;
    for (char c : login)
        if (!is_login_char(c)) return false;
    return true;
}

namespace {

// Every role but the technician's works the whole desk.
bool sees_every_incident(const Principal& who) { return who.role != Role::technician; }

bool is_assigned(const std::string& engineer, const Principal& who) { return engineer == who.login; }

}  // namespace

bool can_see(const Principal& who, const Incident& incident) {
    if (sees_every_incident(who)) return true;
    return is_assigned(incident.value(FieldId::engineer), who) || incident.created_by == who.actor();
}

bool can_manage_users(const Principal& who) { return who.role == Role::admin; }

Outcome authorize_operation(const Principal& who, const Operation& op, const Incident* target) {
    if (op.actor != who.actor())
        return make_error("forbidden_actor", "An operation must be made in the name of the signed-in user (" +
                                                 who.actor() + "), not " + op.actor + ".");
    if (op.type == OpType::renumber)
        return make_error("forbidden_operation", "Only the server gives final incident numbers.");
    if (op.entity == EntityKind::event_type) {
        if (who.role == Role::manager || who.role == Role::admin) return {};
        return make_error("forbidden_role", "Only managers and administrators edit the event types.");
    }
    if (op.type == OpType::create) return {};  // every role registers incidents
    // Unknown incidents are left to Desk::apply, which refuses them with its own reason,
    // for those who may know which incidents exist.
    if (sees_every_incident(who)) return {};
    if (target && can_see(who, *target)) return {};
    return make_error("forbidden_incident",
                      "No incident of yours has this id; a technician changes only the incidents assigned to them.");
}

bool assigns_to(const Operation& op, const Principal& who) {
    if (op.entity != EntityKind::incident) return false;
    if (op.type == OpType::set) return op.field == FieldId::engineer && is_assigned(op.text, who);
    if (op.type != OpType::create) return false;
    for (const auto& [f, v] : op.fields)
        if (f == FieldId::engineer && is_assigned(v, who)) return true;
    return false;
}

}  // namespace hotline
