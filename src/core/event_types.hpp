// W11: event types are user-definable records of the keyed kind "event_type"
// (schema.hpp). The defaults below exist on every replica; more are added, and
// labels changed, with create operations on entity "event_type".
#pragma once

#include <string_view>
#include <vector>

#include "core/entity.hpp"

namespace hotline {

inline constexpr std::string_view kAssignmentEventType = "assignment";
// W8: an incident transferred to an order, and the order's outcome (transfer.hpp).
inline constexpr std::string_view kTransferEventType = "transfer";

// The defaults, as records with a zero stamp (older than any operation). A desk
// loaded from a snapshot written before a default existed gets it too (Desk::from_parts).
std::vector<Entity> default_event_types();

// A default type still carrying its default label (the interface translates
// those; a label someone wrote is shown as written).
bool is_default_event_type_label(std::string_view key, std::string_view label);
std::vector<std::string_view> default_event_type_labels();

}  // namespace hotline
