// W2 hand-overs: who held an incident when. An incident is a technician's while they are
// its assignee (or its engineer, as older versions stored it) or its author
// (authorization.hpp, holds_incident). Its history (history.hpp) keeps each earlier
// assignee with the time of the change that replaced them, so the server tells a change
// a technician made while the incident was theirs, pushed after it was handed to someone
// else, from one made after: the first still syncs (nothing they typed is lost), the second
// is refused as "handed_over" and stays in their conflict list.
#pragma once

#include <cstdint>

#include "core/authorization.hpp"
#include "core/desk.hpp"

namespace hotline {

// Was `incident` `who`'s at `wall_ms` (an operation's HLC wall time)? At the very time it
// was given to them or taken from them, it was.
bool held_when(const Desk& desk, const Principal& who, const Incident& incident, std::int64_t wall_ms);

// Was it ever theirs, now or in its history?
bool ever_held(const Desk& desk, const Principal& who, const Incident& incident);

// May `who` make `op`, about `incident`, as a holder of it: they hold it now, or did when
// the operation was made. Errors: forbidden_incident (never theirs), handed_over.
Outcome check_holder(const Desk& desk, const Principal& who, const Incident& incident, const Operation& op);

// "Incident 301 was handed over to someone else" (code handed_over).
Error handed_over_error(const Incident& incident);

// May `who` work on `incident` on their device? Not archived (check_editable, W10) and, for
// a technician, still theirs: one handed over to someone else is read-only there and out
// of their lists ("handed_over").
Outcome check_workable(const Principal& who, const Incident& incident);

}  // namespace hotline
