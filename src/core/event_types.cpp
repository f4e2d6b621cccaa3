#include "core/event_types.hpp"

namespace hotline {

std::vector<EventType> default_event_types() {
    return {
        {"call_in", "Incoming call"},   {"call_out", "Outgoing call"},
        {"email_in", "Incoming email"}, {"email_out", "Outgoing email"},
        {std::string(kAssignmentEventType), "Assignment"}, {"note", "Note"},
    };
}

bool is_valid_event_type_key(std::string_view key) {
    if (key.empty() || key.size() > 32) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace hotline
