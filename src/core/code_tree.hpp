// Two-level code trees (general -> specific): the reason codes of registration and
// the resolution codes of W5. A code with no parent is general; a specific code names
// its general code as parent (entity_rules.cpp keeps the tree two levels deep).
//
// An incident holds one code per tree (IncidentField::resolution_code): the specific
// code, or a general one that has no specifics. One field rather than a general and
// a specific field, so two people choosing concurrently converge on one of their
// choices (last writer wins) and never on a general code from one and a specific code
// of another general from the other.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/desk.hpp"

namespace hotline {

// The field naming a code's general code, for the kinds that are code trees.
std::optional<FieldId> code_parent_field(EntityKind kind);

struct CodePath {
    const Entity* general = nullptr;   // null: no code, or a code not held
    const Entity* specific = nullptr;  // null: a general code was chosen
};

// Where the code `id` of `kind` sits in its tree.
CodePath code_path(const Desk& desk, EntityKind kind, std::string_view id);

// The codes a picker offers, by label: the active general codes, or the active
// specific codes of `general`. `keep` (the code held now) is offered even when retired,
// so a picker can show what is there.
std::vector<const Entity*> general_codes(const Desk& desk, EntityKind kind, std::string_view keep = {});
std::vector<const Entity*> specific_codes(const Desk& desk, EntityKind kind, std::string_view general,
                                          std::string_view keep = {});

}  // namespace hotline
