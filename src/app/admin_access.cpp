#include "app/admin_access.hpp"

namespace hotline::app {
namespace {

constexpr EntityKind kReferenceKinds[] = {
    EntityKind::department,      EntityKind::staff_profile, EntityKind::reason_code,    EntityKind::resolution_code,
    EntityKind::priority_code,   EntityKind::event_type,    EntityKind::blocking_reason, EntityKind::calendar,
    EntityKind::sla_policy,      EntityKind::routing_rule,  EntityKind::queue,          EntityKind::contract,
};

}  // namespace

std::span<const EntityKind> reference_kinds() { return kReferenceKinds; }

Outcome check_may_write(const Principal& who, EntityKind kind, bool creating) {
    // The role rule only looks at the author, the operation's type and its kind: a probe
    // with those asks the core without minting anything.
    Operation probe;
    probe.actor = who.actor();
    probe.entity = kind;
    probe.type = creating ? OpType::create : OpType::set;
    // Only incidents are looked up (a technician's own), and reference kinds are none.
    static const Desk kNoRecords;
    return authorize_operation(who, probe, kNoRecords);
}

bool may_edit_reference(const Principal& who, EntityKind kind) {
    return check_may_write(who, kind, true).ok() && check_may_write(who, kind, false).ok();
}

bool sees_administration(const Principal& who) {
    if (can_manage_users(who)) return true;
    for (EntityKind kind : kReferenceKinds)
        if (may_edit_reference(who, kind)) return true;
    return false;
}

}  // namespace hotline::app
