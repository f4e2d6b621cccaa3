#include "core/handover.hpp"

#include <string>
#include <vector>

#include "core/history.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

constexpr FieldId kHolderFields[] = {IncidentField::assignee, IncidentField::engineer};

// The value `field` had at `wall_ms`: the old value of its first change after that time
// (or at it, with `at_included`), else its value now. A field's changes are in its write
// order in the history: a write applies only over an older one (last writer wins by HLC).
std::string value_when(const std::vector<TxEntry>& log, const Incident& incident, FieldId field, std::int64_t wall_ms,
                       bool at_included) {
    const std::string_view name = field_spec(EntityKind::incident, field).name;
    for (const TxEntry& e : log)
        if (e.kind == TxKind::field && e.field == name && (e.wall_ms > wall_ms || (at_included && e.wall_ms == wall_ms)))
            return e.old_value;
    return std::string(incident.value(field));
}

std::vector<TxEntry> history_of(const Desk& desk, const Incident& incident) {
    return decode_history(incident.history, desk.actors(), EntityKind::incident);
}

}  // namespace

Error handed_over_error(const Incident& incident) {
    return make_error("handed_over", "Incident " + incident.number.display() + " was handed over to someone else",
                      {incident.number.display()});
}

bool held_when(const Desk& desk, const Principal& who, const Incident& incident, std::int64_t wall_ms) {
    if (incident.created_by == who.actor()) return true;
    if (who.login.empty()) return false;
    const std::vector<TxEntry> log = history_of(desk, incident);
    // At the very time of a change the value before and the one after both count.
    for (FieldId field : kHolderFields)
        for (bool at_included : {true, false})
            if (value_when(log, incident, field, wall_ms, at_included) == who.login) return true;
    return false;
}

bool ever_held(const Desk& desk, const Principal& who, const Incident& incident) {
    if (holds_incident(who, incident)) return true;
    if (who.login.empty() || incident.history.find(who.login) == std::string::npos) return false;  // cheap first
    for (const TxEntry& e : history_of(desk, incident))
        if (e.kind == TxKind::field && e.old_value == who.login)
            for (FieldId field : kHolderFields)
                if (e.field == field_spec(EntityKind::incident, field).name) return true;
    return false;
}

Outcome check_holder(const Desk& desk, const Principal& who, const Incident& incident, const Operation& op) {
    if (holds_incident(who, incident) || held_when(desk, who, incident, op.hlc.wall_ms)) return {};
    if (ever_held(desk, who, incident)) return handed_over_error(incident);
    return make_error("forbidden_incident",
                      "No incident of yours has this id; a technician changes only the incidents assigned to them.");
}

Outcome check_workable(const Principal& who, const Incident& incident) {
    if (auto editable = check_editable(incident); !editable) return editable;
    if (holds_incident(who, incident)) return {};
    return handed_over_error(incident);
}

}  // namespace hotline
