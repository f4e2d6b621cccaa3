// W11: event types are user-definable. The defaults below exist on every
// replica; more are added with a create operation on entity "event_type".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hotline {

struct EventType {
    std::string key;    // [a-z0-9_], stable, used in operations
    std::string label;  // shown to people
    friend bool operator==(const EventType&, const EventType&) = default;
};

inline constexpr std::string_view kAssignmentEventType = "assignment";

std::vector<EventType> default_event_types();
bool is_valid_event_type_key(std::string_view key);

}  // namespace hotline
