// The editable fields of an incident (R1, R3, R4, W2, W5, R9), each with its
// wire name, kind and limits. Values are kept in canonical text form, so one
// last-writer-wins mechanism, one codec and one transaction log serve them all;
// the kind decides what a valid value is and how it looks in JSON.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline {

enum class FieldId : std::uint8_t {
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
    count_  // not a field
};

inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(FieldId::count_);

enum class FieldKind : std::uint8_t {
    short_text,  // one line, at most limits::kShortTextMax bytes
    long_text,   // multi-line, at most limits::kLongTextMax bytes
    date,        // "YYYY-MM-DD" or empty
    priority,    // integer 1 (critical) .. 4 (low); JSON number
    choice,      // one of FieldSpec::choices
};

struct FieldSpec {
    FieldId id;
    std::string_view name;   // wire name, e.g. "customer.phone"
    std::string_view label;  // English label; the UI translates by name
    FieldKind kind;
    std::span<const std::string_view> choices;  // for FieldKind::choice
};

const FieldSpec& field_spec(FieldId id);
std::span<const FieldSpec> all_fields();
std::optional<FieldId> field_by_name(std::string_view name);

inline constexpr int kPriorityCritical = 1;
inline constexpr int kPriorityLow = 4;
inline constexpr std::string_view kDefaultPriority = "3";
inline constexpr std::string_view kDefaultOrigin = "phone";
std::string_view priority_label(int priority);

// Validates a value typed or received for a field: UTF-8 validity, length,
// line breaks, date shape, priority range and choices. Values are stored as
// given, so a valid value is its own canonical text.
Outcome check_field_value(FieldId id, std::string_view text);
Result<std::string> canonical_field_value(FieldId id, std::string_view text);

bool is_valid_utf8(std::string_view text);
bool is_blank(std::string_view text);  // empty or only spaces, tabs and line breaks

}  // namespace hotline
