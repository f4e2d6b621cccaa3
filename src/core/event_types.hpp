// W11: event types are user-definable records of the keyed kind "event_type"
// (schema.hpp). The defaults below exist on every replica; more are added, and
// labels changed, with create operations on entity "event_type".
#pragma once

#include <string_view>
#include <vector>

#include "core/entity.hpp"

namespace hotline {

inline constexpr std::string_view kAssignmentEventType = "assignment";

// The defaults, as records with a zero stamp (older than any operation).
std::vector<Entity> default_event_types();

}  // namespace hotline
