#include "core/event_types.hpp"

namespace hotline {

namespace {

constexpr std::pair<std::string_view, std::string_view> kDefaults[] = {
    {"call_in", "Incoming call"},   {"call_out", "Outgoing call"},
    {"email_in", "Incoming email"}, {"email_out", "Outgoing email"},
    {kAssignmentEventType, "Assignment"}, {"note", "Note"},
    {kTransferEventType, "Transfer"},
    {kRejectionEventType, "Solution rejected"}, {kCloseRequestEventType, "Closing requested"},
    {kCloseNoticeEventType, "Closing notice"},
    {kSlaWarningEventType, "SLA warning"}, {kSlaLateEventType, "SLA late"},
    {kRoutingEventType, "Routed"},
};

}  // namespace

bool is_default_event_type_label(std::string_view key, std::string_view label) {
    for (const auto& [k, l] : kDefaults)
        if (k == key) return l == label;
    return false;
}

std::vector<std::string_view> default_event_type_labels() {
    std::vector<std::string_view> labels;
    for (const auto& entry : kDefaults) labels.push_back(entry.second);
    return labels;
}

std::vector<Entity> default_event_types() {
    std::vector<Entity> out;
    for (const auto& [key, label] : kDefaults) {
        Entity e = make_entity(EntityKind::event_type, std::string(key));
        e.set_value(EventTypeField::label, label);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace hotline
