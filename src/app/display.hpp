// How values look on screen: translated labels for fields, statuses,
// priorities, origins and event types; dates in the user's time zone; people
// without their "u:" prefix. Shared by the screens and state_json(), so the
// browser tests read exactly what is drawn.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/local_zone.hpp"
#include "core/desk.hpp"
#include "core/entitlements.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"

namespace hotline::app {

// "2025-11-24 14:05" (English: ISO order), "24/11/2025 14:05" (French, Italian),
// "24.11.2025 14:05" (Russian), for a wall time in ms, in the user's zone.
std::string format_date_time(std::int64_t wall_ms, LocalZone zone);
// "2025-11-24 14:05" whatever the language: how a date and time is typed (parse_date_time).
std::string iso_date_time(std::int64_t wall_ms, LocalZone zone);
// "2025-11-24 14:05" (or with a T) in the user's zone, as ms since 1970 UTC; nullopt when
// it is not a real date and time of that form.
std::optional<std::int64_t> parse_date_time(std::string_view text, LocalZone zone);

std::string_view person_name(std::string_view actor);  // "u:ivanova" -> "ivanova"
// Who made a change, for the timeline and the log (issue 12: people by their names): the
// name on the person's staff profile, with their login for a hover; their login when they
// have no profile (or an empty name); "system" (translated) for what the server did on its
// own (automatic closing, W7).
struct Author {
    std::string name;
    std::string login;  // empty when `name` is the login or "system"
};
Author author_of(const Desk& desk, std::string_view actor);
std::string_view status_text(IncidentStatus s);
std::string_view priority_text(int priority);
std::string_view choice_text(std::string_view value);  // a choice field's value: "walk_in" -> "Walk-in"
std::string_view field_text(FieldId f, EntityKind kind = EntityKind::incident);
// A transaction-log field name: a field's wire name, "status" or "number".
std::string_view log_field_text(std::string_view name, EntityKind kind = EntityKind::incident);
std::string_view event_type_text(const Desk& desk, std::string_view key);
// The record `id` of `kind` as people know it: its title; a code of a tree as
// "General › Specific"; the id itself when the record is not held (or `id` is empty).
std::string ref_text(const Desk& desk, EntityKind kind, std::string_view id);
// A value as shown for the field named `name` (a wire name, or "status"):
// priorities, origins and statuses by their labels; with `desk`, refs by ref_text; moments
// as dates and times in `zone`; everything else as stored.
std::string value_text(std::string_view name, std::string_view value, EntityKind kind = EntityKind::incident,
                       const Desk* desk = nullptr, LocalZone zone = {});
// S7: "Support pack: 7 of 10 incidents left, until 2026-12-31"; hours as "7.5 of 20 h left".
std::string entitlement_text(const EntitlementUse& use);

}  // namespace hotline::app
