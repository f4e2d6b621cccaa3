#include "core/resolution_deadline.hpp"

#include <string>

#include "core/workflow.hpp"

namespace hotline {

Result<IncidentPlan> plan_resolution_deadline(const Incident& incident, std::optional<std::int64_t> deadline_ms) {
    if (auto ok = check_editable(incident); !ok) return ok.error();
    if (deadline_ms && *deadline_ms < incident.created.wall_ms)
        return make_error("deadline_before_creation", "The deadline is before the incident was registered");
    const std::string value = deadline_ms ? std::to_string(*deadline_ms) : std::string();
    if (value == incident.value(IncidentField::resolution_deadline))
        return make_error("no_changes", "The incident's deadline is already so");
    return IncidentPlan{SetStep{IncidentField::resolution_deadline, value}};
}

}  // namespace hotline
