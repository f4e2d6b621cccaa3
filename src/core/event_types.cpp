#include "core/event_types.hpp"

namespace hotline {

std::vector<Entity> default_event_types() {
    static constexpr std::pair<std::string_view, std::string_view> kDefaults[] = {
        {"call_in", "Incoming call"},   {"call_out", "Outgoing call"},
        {"email_in", "Incoming email"}, {"email_out", "Outgoing email"},
        {kAssignmentEventType, "Assignment"}, {"note", "Note"},
    };
    std::vector<Entity> out;
    for (const auto& [key, label] : kDefaults) {
        Entity e = make_entity(EntityKind::event_type, std::string(key));
        e.set_value(EventTypeField::label, label);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace hotline
