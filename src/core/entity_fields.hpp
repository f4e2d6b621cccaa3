// The fields of each entity kind, by their stable numbers (schema.hpp): written
// to disk in snapshots and histories, so a field keeps its number for ever and a
// new one is appended at the end of its enum. Each enum converts to FieldId.
// The field tables (names, kinds, limits) are in schema.cpp, in enum order.
#pragma once

#include <cstdint>

namespace hotline {

// R1, R3, R4, W2, W5, R9. The customer and unit fields are the snapshot taken at
// registration (R3): they stay as they were when the account or unit changes later.
enum class IncidentField : std::uint8_t {
    title,
    description,
    customer_name,
    customer_contact,
    customer_address,
    customer_phone,
    customer_fax,
    customer_email,
    unit_item,
    unit_serial,
    unit_warranty_end,
    unit_contract,
    reason_general,
    reason_specific,
    priority,
    origin,
    department,
    engineer,
    diagnosis,
    actual_problem,
    actual_solution,
    resolution_general,
    resolution_specific,
    account,  // ref account (R2)
    contact,  // ref contact (R3)
    unit,     // ref unit (R4)
    // W2: the assignment as records, not free text. `department` and `engineer`
    // above stay for the values older versions stored (shown where these are empty).
    service_department,  // ref department
    assignee,            // ref staff_profile (a login)
    // W5: the resolution as a record of the code tree: a specific code, or a general one
    // that has none. `resolution_general`/`resolution_specific` above stay for the free
    // text older versions stored (shown while this is empty).
    resolution_code,  // ref resolution_code
    // W9: "" while the coverage decides (billing.hpp), or "billable" / "not_billable"
    // when someone overrode it, with the reason.
    billing,
    billing_reason,
    // W6: the customer's satisfaction, "1" (poor) .. "5" (excellent), and what they said
    // about it; given, it closes the incident (acceptance.hpp).
    satisfaction,
    satisfaction_comment,
    // W12: the incident this one is a child of (a parent is not closed while a child is
    // open), and the one it was merged into (set only by a merge operation; it is then
    // closed, and its events, time entries and links show on that one: relations.hpp).
    parent,       // ref incident
    merged_into,  // ref incident
    // S5: the queue it waits in (queues.hpp); it waits while nobody holds it as a person.
    queue,  // ref queue
    // S7 (entitlements.hpp): the contract whose allowance it uses, unless waived (the
    // reason given); the SLA policy chosen for it, by its entitlement (else the policy of
    // its priority applies).
    entitlement,         // ref contract
    entitlement_waiver,  // why it does not count against the entitlement; empty: it counts
    sla_policy,          // ref sla_policy
    // S2: the resolution's deadline set by hand (incident_sla.hpp): Late at that moment,
    // whatever the pauses; empty: the policy's target decides.
    resolution_deadline,  // instant
};

// W11: user-definable event types (the defaults exist on every replica).
enum class EventTypeField : std::uint8_t { label, active };

// R2: the customer company.
enum class AccountField : std::uint8_t { name, address, phone, fax, email, language, notes, active };

// R3: a person at an account.
enum class ContactField : std::uint8_t { account, name, phone, email, role, active };

// R4: an installed item at an account.
enum class UnitField : std::uint8_t { serial, item_code, item, account, install_address, warranty_end, contract, active };

// R5: what covers an account's units.
// S7 (core/entitlements.hpp): a contract with an allowance is an entitlement, its support
// terms: `allowance` incidents or hours (`allowance_unit`) between `start` and `end`,
// used by the incidents registered under it; `sla_policy` is the policy they get.
enum class ContractField : std::uint8_t {
    account,
    name,
    coverage,
    start,
    end,
    terms,
    active,
    allowance_unit,  // "incidents" or "hours"; empty: no allowance (not an entitlement)
    allowance,
    sla_policy,  // ref sla_policy
};

// R2: why an account may not (or should be warned before it may) register calls.
enum class BlockingReasonField : std::uint8_t { account, text, mode, until, active };

// W2, P6: reference data.
// `calendar` (ref calendar): the team's working hours, counting the SLA of the incidents it
// holds whose policy names no calendar (incident_sla.hpp).
enum class DepartmentField : std::uint8_t { name, active, calendar };
// field_technician: works on site; suggested first for urgent incidents (W2).
enum class StaffProfileField : std::uint8_t { name, department, skills, territories, field_technician };
enum class ReasonCodeField : std::uint8_t { label, parent, active };      // two levels: general -> specific
enum class ResolutionCodeField : std::uint8_t { label, parent, active };  // two levels: general -> specific
enum class PriorityCodeField : std::uint8_t { label, active };

// W4: time spent on an incident by one person. A timer entry has `started` and, once
// stopped, `ended` (milliseconds since 1970, UTC); a manual entry has `minutes`.
enum class TimeEntryField : std::uint8_t { incident, person, started, ended, minutes, note };

// W8: an order an incident was transferred to (transfer.hpp): an on-site service
// order, a subcontract, or a customer-item maintenance order of four kinds. Its status
// follows its own small table (order_status.hpp), as a choice field.
enum class OrderField : std::uint8_t {
    incident,  // ref incident: the order follows it (visibility, the outcome's event)
    type,
    status,
    address,
    planned,     // date
    technician,  // ref staff_profile (a login)
    subcontractor,
    instructions,
    outcome,  // what came of it, given when it is done or cancelled
};
// W13: a knowledge-base article (core/knowledge.hpp). `reason_code` is a general or a
// specific reason code; `state` is draft or published.
enum class ArticleField : std::uint8_t { title, body, reason_code, language, state };
// W13: an article linked to an incident, one record per link (knowledge.hpp says why).
enum class ArticleLinkField : std::uint8_t { incident, article, active };

// S3 (core/calendar_record.hpp): when a department or a contract is served. `time_zone` is
// the IANA name people choose; `zone_rule` is its POSIX rule, which the server fills in
// from its zone files (the browser has none); `hours`, `holidays` and `special_days` are
// the texts calendar_record.hpp parses.
enum class CalendarField : std::uint8_t { name, time_zone, zone_rule, hours, holidays, special_days, active };
// S1, S2, S7 (core/incident_sla.hpp): the targets of the incidents of one priority, counted
// on a calendar; the statuses that pause each metric; when Follow-up and Warning begin.
enum class SlaPolicyField : std::uint8_t {
    name,
    priority,
    calendar,  // ref calendar; empty: 24/7 in UTC
    response_minutes,
    resolution_minutes,
    follow_up_percent,
    warning_percent,
    response_pauses,    // status names, e.g. "transferred"
    resolution_pauses,
    active,
};

// S4 (core/routing.hpp): when an incident matches every condition given (an empty one
// matches anything), the rule gives it a department, a person and a priority. Rules are
// tried by position, then key.
enum class RoutingRuleField : std::uint8_t {
    name,
    position,
    reason,       // ref reason_code: a general code matches its specific codes too
    priority,     // "1".."4"
    origin,       // an origin channel
    account,      // ref account
    unit_item,    // a word of the unit's item ("boiler" matches "Boiler VX-200")
    then_department,
    then_assignee,
    then_priority,
    active,
    then_queue,  // ref queue (S5): appended, so it follows `active`
};

// S5 (core/queues.hpp): incidents wait in a queue of a department until someone picks
// the next (the one due first). `skills`: what the one who takes it needs (workload.hpp);
// `assign_by_workload`: routing into the queue gives the incident at once to the least
// loaded engineer who has them, instead of leaving it to be picked.
enum class QueueField : std::uint8_t { name, department, skills, assign_by_workload, active };

template <typename E>
inline constexpr bool is_entity_field_enum = false;
template <> inline constexpr bool is_entity_field_enum<IncidentField> = true;
template <> inline constexpr bool is_entity_field_enum<EventTypeField> = true;
template <> inline constexpr bool is_entity_field_enum<AccountField> = true;
template <> inline constexpr bool is_entity_field_enum<ContactField> = true;
template <> inline constexpr bool is_entity_field_enum<UnitField> = true;
template <> inline constexpr bool is_entity_field_enum<ContractField> = true;
template <> inline constexpr bool is_entity_field_enum<BlockingReasonField> = true;
template <> inline constexpr bool is_entity_field_enum<DepartmentField> = true;
template <> inline constexpr bool is_entity_field_enum<StaffProfileField> = true;
template <> inline constexpr bool is_entity_field_enum<ReasonCodeField> = true;
template <> inline constexpr bool is_entity_field_enum<ResolutionCodeField> = true;
template <> inline constexpr bool is_entity_field_enum<PriorityCodeField> = true;
template <> inline constexpr bool is_entity_field_enum<TimeEntryField> = true;
template <> inline constexpr bool is_entity_field_enum<OrderField> = true;
template <> inline constexpr bool is_entity_field_enum<ArticleField> = true;
template <> inline constexpr bool is_entity_field_enum<ArticleLinkField> = true;
template <> inline constexpr bool is_entity_field_enum<CalendarField> = true;
template <> inline constexpr bool is_entity_field_enum<SlaPolicyField> = true;
template <> inline constexpr bool is_entity_field_enum<RoutingRuleField> = true;
template <> inline constexpr bool is_entity_field_enum<QueueField> = true;

}  // namespace hotline
