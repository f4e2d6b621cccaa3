// Which records of one kind a search asks for (the HTTP API's GET /records/{kind},
// docs/openapi.yaml), decided from the schema (schema.hpp) so that every kind is searched
// by the same rules:
//   text      a substring, compared as lookup keys (text_fold.hpp: case and accents
//             folded, so "ecole" finds "École"), of one of the kind's text fields (short
//             and long text), or, for numbered kinds, of the number or a former
//             provisional number
//   <field>   a condition on one field, by its wire name. An empty value asks for records
//             whose field is empty. Text fields match when their lookup key begins with
//             the value's (a whole serial finds itself, its beginning the serials it
//             begins); every other kind of field (ref, choice, flag, date, priority)
//             matches its stored value exactly. The value must be one the field could
//             hold (check_field_value), so a typo is an error, not an empty answer.
//   status    kinds with a workflow: the status by wire name (status.hpp)
// A record matches when every condition holds. Who may see it is authorization.hpp's
// question, asked separately.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity.hpp"
#include "core/result.hpp"

namespace hotline {

// The condition on a kind's workflow status; no field of any kind is called so.
inline constexpr std::string_view kStatusCondition = "status";

class RecordFilter {
public:
    explicit RecordFilter(EntityKind kind) : kind_(kind) {}

    // Errors are "bad_query" and name `parameter`, the caller's name for the text.
    Outcome set_text(std::string_view parameter, std::string_view text);
    // A field's wire name or kStatusCondition; errors ("bad_query") name it.
    Outcome add_condition(std::string_view name, std::string_view value);

    bool matches(const Entity& e) const;

private:
    struct Condition {
        FieldId field;
        std::string value;  // a lookup key when `prefix`, else the stored text
        bool prefix = false;
    };
    bool has_text(const Entity& e) const;

    EntityKind kind_;
    std::string text_key_;  // lookup key of the text; empty: any record
    std::vector<Condition> conditions_;
    std::optional<IncidentStatus> status_;
};

}  // namespace hotline
