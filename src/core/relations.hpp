// W12: relations between incidents: child incidents and merged duplicates.
//
// Two loose ref fields of the incident hold them (schema.hpp): `parent`, given when a
// child is created (or set later), and `merged_into`, written once by a merge operation,
// which also closes the incident (Desk::apply_merge). The fold judges each incident
// alone, so replicas holding two users' concurrent changes in either order end alike;
// the rules that look at another incident are checked when a change is made
// (check_relations: by the server for every pushed operation, by the app before it
// commits one), on the desk as it is then. The server's order decides between two
// concurrent merges of one pair: the later one is refused and lands in its author's
// Conflicts, nothing lost.
//
//   parent   an incident held here, not merged, not closed or archived, neither the
//            incident itself nor one of its descendants (a child's create is checked
//            by the app before it offers the form, not refused when pushed: a refused
//            create would stay on the replica that made it)
//   merge    into an incident held here, not merged itself, not archived, not a
//            descendant of the one merged
//   closing  refused while a child is open (open_children), naming the children
//
// Merging moves, for people, what was the duplicate's to its survivor: survivor_of()
// follows merged_into to its end; an incident's family is itself and every incident
// merged into it (transitively), whose events, time entries and article links it shows;
// a child of a merged incident is a child of its survivor.
//
// Every walk is bounded: a replica may hold a cycle for a while (two offline merges of
// one pair), which the server's order then undoes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/desk.hpp"

namespace hotline {

// The incident that `incident` was merged into, followed to its end; `incident` itself
// when it is not merged, nullptr when its survivor is not held here.
const Incident* survivor_of(const Desk& desk, const Incident& incident);
// The incident `id` names, or the one it was merged into (nullptr when not held).
const Incident* resolved_incident(const Desk& desk, std::string_view id);

// `incident` first, then every incident merged into it, by creation.
std::vector<const Incident*> merged_family(const Desk& desk, const Incident& incident);
bool in_family(const Desk& desk, const Incident& incident, std::string_view incident_id);

// Its parent (resolved through merges), if any is held here.
const Incident* parent_of(const Desk& desk, const Incident& incident);
// The incidents whose parent resolves to `incident`, not merged ones, by creation.
std::vector<const Incident*> children_of(const Desk& desk, const Incident& incident);
// Those of children_of() neither closed nor archived.
std::vector<const Incident*> open_children(const Desk& desk, const Incident& incident);

// The rules for a child's parent (`child_id` empty for a child not created yet) and for
// merging `merged_id` into `into_id`, as check_relations() applies them.
Outcome check_parent(const Desk& desk, std::string_view child_id, std::string_view parent_id);
Outcome check_merge(const Desk& desk, std::string_view merged_id, std::string_view into_id);

// What a child incident starts from (Dynamics 365's "create child case"): its parent, and
// the parent's customer, unit, reasons and priority.
std::vector<std::pair<FieldId, std::string>> child_fields(const Incident& parent);

// The other incident a change names: a child's new parent or a merge's survivor.
std::string_view related_incident_id(const Operation& op);

// The rules above for a new operation on the desk as it is now (relations need nothing
// of other operations). Errors: unknown_incident, parent_merged, parent_closed,
// parent_cycle, merge_target_merged, merge_into_child, merge_into_itself, archived,
// open_children.
Outcome check_relations(const Desk& desk, const Operation& op);

}  // namespace hotline
