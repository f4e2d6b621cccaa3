// A canonical text of a desk's visible state, for comparing replicas with the server
// (tests/server/convergence_test.cpp, the upgrade tests). Two desks that folded the same operations in the
// same server order print the same text, whatever order they held them in before, and
// whatever their local tables look like: stamps are printed as HLC text (Desk::to_hlc),
// never as desk-local replica indices, and incidents are sorted by id, not by row.
//
// Per record of every kind (incidents first, each kind sorted by id): for incidents number,
// aliases and status; creator and creation HLC, every field that has a value
// with the HLC of the write that won it, events (id, type, actor, HLC, text), the number of
// superseded writes and the rendered transaction log (transaction_log.hpp). Then the
// event-type catalogue. Local-only things (row order, updated_ms, the seen-set) are left
// out on purpose.
#pragma once

#include <string>

#include "core/desk.hpp"

namespace hotline::testing {

std::string desk_fingerprint(const Desk& desk);

// A fingerprint printed by an earlier version (the upgrade fixtures), with the default
// event types added since (W8's `transfer`): every desk holds the defaults, a desk loaded
// from an older snapshot too (Desk::from_parts), so today's desk prints them.
std::string with_defaults_added_since(const std::string& printed);

// A stamp as the fingerprint prints it: its HLC text, or "default" for a zero stamp (a
// default record, or a field a keyed record's create did not give), which names no replica.
std::string stamp_text(const Desk& desk, const Stamp& s);

// The first line where two fingerprints differ, with a little context (for a readable
// failure message); empty when they are equal.
std::string first_difference(const std::string& a, const std::string& b);

}  // namespace hotline::testing
