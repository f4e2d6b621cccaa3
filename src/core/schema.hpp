// The entity model (ARCHITECTURE.md, "Entities are described, not coded"): every
// kind of record the desk holds is one entry of a schema table, saying
//   - its wire name ("incident", "account", ...) and label;
//   - its fields: kind, limits, choices, the value a create starts from, whether a
//     value is required, and for `ref` fields the kind they point to;
//   - how its records are identified: by the id of the operation that created them
//     (incidents, accounts, ...) or by a key chosen by people (event types, codes);
//   - the hooks it has: a number (R1), a workflow (W1) and events (W11);
//   - who may create and change it, and who may see it (P6).
// The desk (desk.hpp) holds every kind with the same create / per-field
// last-writer-wins / history code; the rules that differ per kind are in
// entity_rules.hpp. Adding a kind is an entry here, its field enum in
// entity_fields.hpp and its rules: switches over EntityKind have no `default:`, so
// the compiler names every place a new kind must be considered.
//
// Field ids are stable per kind: they are written to disk (snapshots, histories)
// and never reused. A new field is appended to its kind's enum and table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/entity_fields.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"

namespace hotline {

enum class EntityKind : std::uint8_t {
    incident,
    event_type,
    account,
    contact,
    unit,
    contract,
    blocking_reason,
    department,
    staff_profile,
    reason_code,
    resolution_code,
    priority_code,
    time_entry,
    order,
    article,
    article_link,
    calendar,
    sla_policy,
    routing_rule,
    queue,
};
inline constexpr std::size_t kEntityKindCount = 20;
inline constexpr EntityKind kAllEntityKinds[kEntityKindCount] = {
    EntityKind::incident,   EntityKind::event_type,      EntityKind::account,       EntityKind::contact,
    EntityKind::unit,       EntityKind::contract,        EntityKind::blocking_reason, EntityKind::department,
    EntityKind::staff_profile, EntityKind::reason_code,  EntityKind::resolution_code, EntityKind::priority_code,
    EntityKind::time_entry, EntityKind::order, EntityKind::article, EntityKind::article_link,
    EntityKind::calendar,   EntityKind::sla_policy, EntityKind::routing_rule, EntityKind::queue,
};

enum class FieldKind : std::uint8_t {
    short_text,  // one line, at most limits::kShortTextMax bytes
    long_text,   // multi-line, at most limits::kLongTextMax bytes
    date,        // "YYYY-MM-DD" or empty
    priority,    // integer 1 (critical) .. 4 (low); JSON number
    choice,      // one of FieldSpec::choices (or empty when the field is not required)
    ref,         // the id of an entity of kind FieldSpec::ref, or empty
    flag,        // "true" or "false"; JSON boolean
    count,       // a whole number 0 .. kCountMax in decimal, or empty (not given); JSON integer or null
    instant,     // a moment: milliseconds since 1970 UTC, stored and sent as a count is; shown as a
                 // date and time in the reader's zone
};
inline constexpr std::int64_t kCountMax = 999'999'999'999'999;  // below 2^53: exact in JavaScript

// A field's number within its kind (the enums of entity_fields.hpp convert to it).
struct FieldId {
    std::uint8_t value = 0;

    constexpr FieldId() = default;
    constexpr explicit FieldId(std::uint8_t v) : value(v) {}
    template <typename E>
        requires is_entity_field_enum<E>
    constexpr FieldId(E e) : value(static_cast<std::uint8_t>(e)) {}  // NOLINT: implicit on purpose
    constexpr explicit operator std::size_t() const { return value; }

    friend constexpr bool operator==(FieldId, FieldId) = default;
    friend constexpr auto operator<=>(FieldId, FieldId) = default;
};

struct FieldSpec {
    FieldId id;
    std::string_view name;   // wire name, e.g. "customer.phone"
    std::string_view label;  // English label; the UI translates by name
    FieldKind kind = FieldKind::short_text;
    std::span<const std::string_view> choices = {};  // FieldKind::choice
    EntityKind ref = EntityKind::incident;            // FieldKind::ref: the kind pointed to
    std::string_view initial = {};                    // value at creation when not given
    bool required = false;                            // never blank: given at creation, not cleared
    // FieldKind::ref to a record this replica may not hold (a technician's device holds
    // only their incidents): the fold takes the id as given; that it names a record is
    // checked when the change is made (relations.hpp), on the server and in the app.
    bool loose = false;
};

// How a kind's records are named.
enum class IdScheme : std::uint8_t {
    minted,  // the create operation's id ("<replica>:<counter>"): records made by anyone, offline
    keyed,   // a key people choose (1-32 of a-z, 0-9, _): reference data that other records
             // name; a second create of the same key updates it field by field (last writer wins)
};

// Who may see a kind's records.
enum class Visibility : std::uint8_t {
    everyone,     // reference data
    by_incident,  // a technician sees only what their incidents (or their units) refer to
};

struct KindSpec {
    EntityKind kind;
    std::string_view name;   // wire name
    std::string_view label;  // English, for people
    std::span<const FieldSpec> fields;
    IdScheme ids = IdScheme::minted;
    bool numbered = false;      // incident numbers (numbering.hpp), renumbered by the server
    bool has_workflow = false;  // a status following workflow.hpp
    bool has_events = false;    // append-only events (W11)
    RoleSet may_create;
    RoleSet may_change;
    Visibility visibility = Visibility::everyone;
    FieldId title_field;  // the field that names a record for people
    // Kinds whose records may be merged into another of their kind (W12): the merge
    // operation writes the survivor's id to this field, which nothing else writes.
    std::optional<FieldId> merged_into = std::nullopt;
};

const KindSpec& kind_spec(EntityKind kind);
// "an incident", "a contact": the kind's label with its article, for messages.
std::string kind_noun(EntityKind kind);
std::string_view entity_kind_name(EntityKind kind);
std::optional<EntityKind> kind_by_name(std::string_view name);

const FieldSpec& field_spec(EntityKind kind, FieldId field);
const FieldSpec& field_spec(IncidentField field);
std::span<const FieldSpec> fields_of(EntityKind kind);
std::size_t field_count(EntityKind kind);
std::optional<FieldId> field_by_name(EntityKind kind, std::string_view name);

inline constexpr int kPriorityCritical = 1;
inline constexpr int kPriorityLow = 4;
std::string_view priority_label(int priority);

inline constexpr std::string_view kFlagTrue = "true";
inline constexpr std::string_view kFlagFalse = "false";

// Validates a value typed or received for a field: UTF-8 validity, control
// characters, length, line breaks, date shape, priority range, choices and the
// shape of a ref (that the record exists is the desk's check). Values are stored
// as given, so a valid value is its own canonical text.
Outcome check_field_value(const FieldSpec& spec, std::string_view text);
// Required fields may not be blank: "missing_<field>" names the rule.
Outcome check_required(EntityKind kind, const FieldSpec& spec, std::string_view text);

bool is_valid_utf8(std::string_view text);
// The value of a `count` field: canonical decimal (no sign, no leading zero) up to kCountMax.
std::optional<std::int64_t> parse_count(std::string_view text);
bool is_blank(std::string_view text);  // empty or only spaces, tabs and line breaks
bool is_valid_date(std::string_view text);
bool is_valid_key(std::string_view key);  // codes: 1-32 chars of a-z, 0-9, _
// The id of a record of `kind`: "<replica>:<counter>" for minted kinds; a code
// (is_valid_key) or, for staff profiles, a login (ids.hpp) for keyed kinds.
bool is_valid_record_id(EntityKind kind, std::string_view id);

}  // namespace hotline
