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
// W6, W7 (acceptance.hpp): the customer rejected the solution (the text is their reason),
// asked for the incident to be closed, and the server's notice before it closes one.
inline constexpr std::string_view kRejectionEventType = "rejection";
inline constexpr std::string_view kCloseRequestEventType = "close_request";
inline constexpr std::string_view kCloseNoticeEventType = "close_notice";
// S2, S6 (escalation.hpp): the server's alerts when an SLA target reaches Warning, then Late.
inline constexpr std::string_view kSlaWarningEventType = "sla_warning";
inline constexpr std::string_view kSlaLateEventType = "sla_late";
// S4 (routing.hpp): the routing rule that fired, its name as the text.
inline constexpr std::string_view kRoutingEventType = "routing";

// The defaults, as records with a zero stamp (older than any operation). A snapshot
// holds the event types it knew, defaults included: one written before a default was
// added lacks it, and Desk::from_parts adds it back (with its zero stamp, any write to
// the same key still wins, as on a desk that had it from the start).
std::vector<Entity> default_event_types();

// A default type still carrying its default label (the interface translates
// those; a label someone wrote is shown as written).
bool is_default_event_type_label(std::string_view key, std::string_view label);
std::vector<std::string_view> default_event_type_labels();

}  // namespace hotline
