// The field values of a form while they are typed, for a record of any kind:
// the create form (quick and full, R7) and the Summary tab of an incident, the
// forms of customers, units and reference data. Validation uses the core's own
// checks (check_field_value, check_required), so the form refuses what
// Desk::apply would, and names the problem next to each field.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/schema.hpp"
#include "core/entity.hpp"
#include "core/result.hpp"

namespace hotline::app {

class Draft {
public:
    explicit Draft(EntityKind kind = EntityKind::incident) : kind_(kind) { clear(); }

    EntityKind kind() const { return kind_; }
    void clear();                     // every field at its initial value (schema.hpp)
    void load(const Entity& record);

    std::string& value(FieldId f) { return values_[index(f)]; }
    const std::string& value(FieldId f) const { return values_[index(f)]; }
    const std::string& error(FieldId f) const { return errors_[index(f)]; }  // empty: valid

    // Trims one-line values and checks every field; fills error() and returns
    // true when all are valid.
    bool validate();

    // The non-empty values, for a create operation.
    std::vector<std::pair<FieldId, std::string>> filled() const;
    // The fields whose value differs from the record's, in field order (a merge's survivor,
    // written only by the merge, is never one).
    std::vector<FieldId> changes_from(const Entity& record) const;
    bool differs_from(const Entity& record) const { return !changes_from(record).empty(); }
    // Every field still at its initial value: nothing typed or chosen yet.
    bool is_blank() const;
    // The first field (in schema order) whose last validate() found it wrong.
    std::optional<FieldId> first_error() const;

private:
    static std::size_t index(FieldId f) { return f.value; }
    EntityKind kind_;
    std::vector<std::string> values_;
    std::vector<std::string> errors_;
};

// The refusal of a form whose validate() failed (the errors are per field).
Error invalid_fields_error();

}  // namespace hotline::app
