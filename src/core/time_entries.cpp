#include "core/time_entries.hpp"

#include <algorithm>
#include <map>

#include "core/relations.hpp"

namespace hotline {
namespace {

using T = TimeEntryField;

bool is_running(const Entity& entry) {
    return !entry.value(T::started).empty() && entry.value(T::ended).empty();
}

std::int64_t count_of(const Entity& entry, T field) { return parse_count(entry.value(field)).value_or(0); }

}  // namespace

std::vector<const Entity*> running_timers(const Desk& desk, std::string_view person) {
    std::vector<const Entity*> out;
    for (const Entity& e : desk.entities(EntityKind::time_entry))
        if (e.value(T::person) == person && is_running(e)) out.push_back(&e);
    return out;
}

const Entity* running_timer(const Desk& desk, std::string_view person, std::string_view incident_id) {
    for (const Entity* e : running_timers(desk, person))
        if (e->value(T::incident) == incident_id) return e;
    return nullptr;
}

std::int64_t entry_ms(const Entity& entry, std::int64_t now_ms) {
    if (entry.value(T::started).empty()) return count_of(entry, T::minutes) * 60'000;
    const std::int64_t end = is_running(entry) ? now_ms : count_of(entry, T::ended);
    return std::max<std::int64_t>(0, end - count_of(entry, T::started));
}

TimerStart plan_timer_start(const Desk& desk, std::string_view incident_id, std::string_view person,
                            std::int64_t now_ms) {
    TimerStart plan;
    for (const Entity* e : running_timers(desk, person)) plan.stop.push_back(e->id);
    plan.create = {{T::incident, std::string(incident_id)},
                   {T::person, std::string(person)},
                   {T::started, std::to_string(now_ms)}};
    return plan;
}

std::vector<std::pair<FieldId, std::string>> manual_entry_fields(std::string_view incident_id, std::string_view person,
                                                                 std::int64_t minutes, std::string_view note) {
    std::vector<std::pair<FieldId, std::string>> fields = {{T::incident, std::string(incident_id)},
                                                           {T::person, std::string(person)},
                                                           {T::minutes, std::to_string(minutes)}};
    if (!note.empty()) fields.emplace_back(T::note, std::string(note));
    return fields;
}

std::vector<TimeSpent> time_spent(const Desk& desk, std::int64_t now_ms, std::string_view incident_id) {
    struct Sum {
        std::int64_t ms = 0;
        bool running = false;
    };
    std::map<std::pair<std::string_view, std::string_view>, Sum> sums;
    for (const Entity& e : desk.entities(EntityKind::time_entry)) {
        // W12: time logged on a duplicate counts for the incident it was merged into.
        const Incident* survivor = resolved_incident(desk, e.value(T::incident));
        const std::string_view incident = survivor ? std::string_view(survivor->id) : e.value(T::incident);
        if (!incident_id.empty() && incident != incident_id) continue;
        Sum& sum = sums[{incident, e.value(T::person)}];
        sum.ms += entry_ms(e, now_ms);
        sum.running = sum.running || is_running(e);
    }
    std::vector<TimeSpent> out;
    for (const auto& [key, sum] : sums)
        out.push_back({std::string(key.first), std::string(key.second), sum.ms / 60'000, sum.running});
    return out;
}

}  // namespace hotline
