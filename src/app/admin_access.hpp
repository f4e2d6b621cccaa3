// Who gets the Administration screen and what they may do there (P6). The
// answers come from the core: can_manage_users for the users, and for reference
// data the schema's may_create / may_change RoleSets through authorize_operation,
// the same check the server makes on every pushed operation. So the screen never
// offers what the server would refuse, and changes when the schema does.
//
//   admin      Users and every reference kind, editable
//   manager    reference data, editable (no Users: accounts are the admin's)
//   others     no Administration screen
#pragma once

#include <span>

#include "core/authorization.hpp"
#include "core/schema.hpp"

namespace hotline::app {

// The kinds the Reference data tab lists, in the order of its kind picker.
std::span<const EntityKind> reference_kinds();

// Refused with the core's forbidden_role (and its message) when `who` may not
// create (or change) records of `kind`.
Outcome check_may_write(const Principal& who, EntityKind kind, bool creating);

bool may_edit_reference(const Principal& who, EntityKind kind);
bool sees_administration(const Principal& who);

}  // namespace hotline::app
