// The usual next step of an incident's life (W1), for the "next status"
// shortcut: Registered -> Assigned -> In progress -> Solved -> Accepted ->
// Closed, and Transferred -> In progress. Closed has none (archiving makes the
// incident read-only for good: a deliberate act, never a keystroke), nor has
// Archived. Every step is an allowed transition (workflow.hpp); its guards
// (W2, W5) still decide when the change is made.
#pragma once

#include <optional>

#include "core/status.hpp"

namespace hotline {

std::optional<IncidentStatus> next_status(IncidentStatus from);

}  // namespace hotline
