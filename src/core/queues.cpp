#include "core/queues.hpp"

#include <limits>
#include <tuple>

#include "core/assignment.hpp"
#include "core/event_types.hpp"
#include "core/workload.hpp"

namespace hotline {
namespace {

using F = IncidentField;

Result<const Entity*> active_queue(const Desk& desk, std::string_view key) {
    const Entity* queue = desk.find(EntityKind::queue, key);
    if (!queue) return make_error("unknown_queue", "There is no queue " + std::string(key), {std::string(key)});
    if (!queue->flag(QueueField::active))
        return make_error("inactive_queue", "The queue " + std::string(record_title(*queue)) + " is closed",
                          {std::string(record_title(*queue))});
    return queue;
}

std::string queue_reason(const Entity& queue) { return "Queue: " + std::string(record_title(queue)); }

}  // namespace

bool waits_in_queue(const Incident& incident) {
    return !incident.value(F::queue).empty() && incident.value(F::assignee).empty() && awaits_work(incident.status);
}

std::map<std::string, std::size_t, std::less<>> queue_depths(const Desk& desk) {
    std::map<std::string, std::size_t, std::less<>> depths;
    for (const Incident& incident : desk.incidents()) {
        if (!waits_in_queue(incident)) continue;
        const std::string_view queue = incident.value(F::queue);
        auto it = depths.find(queue);  // a string made once per queue, not per incident
        if (it == depths.end()) it = depths.emplace(std::string(queue), 0).first;
        ++it->second;
    }
    return depths;
}

const Incident* next_in_queue(const Desk& desk, const SlaPolicies& policies, std::string_view queue,
                              std::int64_t now_s) {
    const Incident* best = nullptr;
    std::tuple<std::int64_t, std::int64_t, std::string_view> best_key;
    for (const Incident& incident : desk.incidents()) {
        if (incident.value(F::queue) != queue || !waits_in_queue(incident)) continue;
        const SlaStatus sla = sla_status(policies, incident_sla(policies, incident), now_s);
        const std::tuple key{sla.due.value_or(std::numeric_limits<std::int64_t>::max()), incident.created.wall_ms,
                             std::string_view(incident.id)};
        if (!best || key < best_key) std::tie(best, best_key) = std::tuple{&incident, key};
    }
    return best;
}

Result<IncidentPlan> plan_enqueue(const Desk& desk, const Incident& incident, std::string_view key) {
    auto queue = active_queue(desk, key);
    if (!queue) return queue.error();
    if (!awaits_work(incident.status))
        return make_error("not_queueable", "Only an incident that still needs work can wait in a queue");
    if (incident.value(F::queue) == key && waits_in_queue(incident))
        return make_error("already_in_queue", "The incident already waits in " + std::string(record_title(**queue)),
                          {std::string(record_title(**queue))});
    IncidentPlan plan;
    if (incident.value(F::queue) != key) plan.push_back(SetStep{F::queue, std::string(key)});
    if ((*queue)->flag(QueueField::assign_by_workload)) {
        auto assignment = plan_workload_assignment(desk, incident, *queue);
        if (!assignment) return assignment.error();
        plan.insert(plan.end(), assignment->begin(), assignment->end());
        return plan;
    }
    const Assignment to{std::string((*queue)->value(QueueField::department)), ""};
    const Assignment now = current_assignment(incident);
    if (to.department == now.department && to.assignee == now.assignee) {
        plan.push_back(EventStep{std::string(kAssignmentEventType), queue_reason(**queue)});
        return plan;
    }
    auto assignment = plan_assignment(desk, incident, to, queue_reason(**queue));
    if (!assignment) return assignment.error();
    append_assignment(plan, std::move(*assignment));
    return plan;
}

Result<IncidentPlan> plan_pick(const Desk& desk, const Incident& incident, std::string_view login) {
    if (!waits_in_queue(incident))
        return make_error("not_in_queue", "The incident does not wait in a queue any more");
    // A queue closed since still gives out what waits in it.
    const Entity* queue = desk.find(EntityKind::queue, incident.value(F::queue));
    if (!queue) return make_error("not_in_queue", "The incident does not wait in a queue any more");
    if (!desk.find(EntityKind::staff_profile, login))
        return make_error("no_staff_profile", "You have no staff profile to be assigned by");
    auto assignment = plan_assignment(desk, incident, {std::string(queue->value(QueueField::department)),
                                                       std::string(login)},
                                      "Picked from queue " + std::string(record_title(*queue)));
    if (!assignment) return assignment.error();
    IncidentPlan plan;
    append_assignment(plan, std::move(*assignment));
    return plan;
}

}  // namespace hotline
