// The field values of a form while they are typed: the create form (quick and
// full, R7) and the Summary tab of an incident. Validation uses the core's own
// check (check_field_value), so the form refuses exactly what Desk::apply
// would, and names the problem next to each field.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/fields.hpp"
#include "core/incident.hpp"
#include "core/result.hpp"

namespace hotline::app {

class Draft {
public:
    Draft() { clear(); }

    void clear();                     // empty, with the default priority and origin
    void load(const Incident& incident);

    std::string& value(FieldId f) { return values_[index(f)]; }
    const std::string& value(FieldId f) const { return values_[index(f)]; }
    const std::string& error(FieldId f) const { return errors_[index(f)]; }  // empty: valid

    // Trims one-line values and checks every field; fills error() and returns
    // true when all are valid.
    bool validate();

    // The non-empty values, for a create operation.
    std::vector<std::pair<FieldId, std::string>> filled() const;
    // The fields whose value differs from the incident's, in field order.
    std::vector<FieldId> changes_from(const Incident& incident) const;
    bool differs_from(const Incident& incident) const { return !changes_from(incident).empty(); }

private:
    static std::size_t index(FieldId f) { return static_cast<std::size_t>(f); }
    std::array<std::string, kFieldCount> values_;
    std::array<std::string, kFieldCount> errors_;
};

// The refusal of a form whose validate() failed (the errors are per field).
Error invalid_fields_error();

}  // namespace hotline::app
