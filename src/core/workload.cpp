#include "core/workload.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/assignment.hpp"
#include "core/text_fold.hpp"

namespace hotline {
namespace {

bool has_every(const std::vector<std::string>& have, const std::vector<std::string>& need) {
    for (const std::string& n : need)
        if (std::find(have.begin(), have.end(), n) == have.end()) return false;
    return true;
}

bool serves(const Entity& profile, const std::string& address_key) {
    const std::vector<std::string> territories = list_words(profile.value(StaffProfileField::territories));
    if (territories.empty() || address_key.empty()) return true;
    for (const std::string& t : territories)
        if (address_key.find(t) != std::string::npos) return true;
    return false;
}

// Critical 4 .. Low 1; an incident without a priority weighs as Normal.
int weight(const Incident& incident) {
    const int p = incident.priority();
    return p >= 1 && p <= 4 ? 5 - p : 2;
}

}  // namespace

bool awaits_work(IncidentStatus status) {
    switch (status) {
        case IncidentStatus::registered:
        case IncidentStatus::assigned:
        case IncidentStatus::in_progress: return true;
        case IncidentStatus::solved:
        case IncidentStatus::accepted:
        case IncidentStatus::transferred:
        case IncidentStatus::closed:
        case IncidentStatus::archived: return false;
    }
    return false;
}

std::vector<std::string> list_words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(",;", start), text.size());
        std::string word = lookup_key(text.substr(start, end - start));
        const auto first = word.find_first_not_of(" \t");
        if (first != std::string::npos) out.push_back(word.substr(first, word.find_last_not_of(" \t") - first + 1));
        start = end + 1;
    }
    return out;
}

Result<WorkloadChoice> least_loaded(const Desk& desk, const Incident& incident, const Entity* queue) {
    WorkloadChoice choice;
    choice.department = std::string(queue ? queue->value(QueueField::department)
                                          : incident.value(IncidentField::service_department));
    const std::vector<std::string> skills = list_words(queue ? queue->value(QueueField::skills) : "");
    const std::string address = lookup_key(incident.value(IncidentField::customer_address));

    std::unordered_map<std::string_view, std::pair<int, int>> work;  // login -> (open, load)
    for (const Entity& profile : desk.entities(EntityKind::staff_profile)) {
        if (!choice.department.empty() && profile.value(StaffProfileField::department) != choice.department) continue;
        if (!has_every(list_words(profile.value(StaffProfileField::skills)), skills)) continue;
        if (!serves(profile, address)) continue;
        work.emplace(profile.id, std::pair{0, 0});
    }
    if (work.empty())
        return make_error("no_eligible_engineer", "Nobody in the department has the skills and territory this needs");
    for (const Incident& other : desk.incidents()) {
        if (!awaits_work(other.status)) continue;
        if (const auto it = work.find(other.value(IncidentField::assignee)); it != work.end()) {
            ++it->second.first;
            it->second.second += weight(other);
        }
    }
    const auto rank = [](const Entity& p, const std::pair<int, int>& w) {
        return std::tuple{w.second, w.first, record_title(p), std::string_view(p.id)};
    };
    for (const auto& [login, w] : work) {
        const Entity* profile = desk.find(EntityKind::staff_profile, login);
        if (!choice.profile || rank(*profile, w) < rank(*choice.profile, {choice.open, choice.load}))
            std::tie(choice.profile, choice.open, choice.load) = std::tuple{profile, w.first, w.second};
    }
    choice.eligible = work.size();
    return choice;
}

std::string workload_reason(const WorkloadChoice& c) {
    return "Workload: fewest open (" + std::to_string(c.open) + ", weighted " + std::to_string(c.load) + ") of " +
           std::to_string(c.eligible) + " eligible";
}

Result<IncidentPlan> plan_workload_assignment(const Desk& desk, const Incident& incident, const Entity* queue) {
    auto choice = least_loaded(desk, incident, queue);
    if (!choice) return choice.error();
    auto assignment = plan_assignment(desk, incident, {choice->department, choice->profile->id}, workload_reason(*choice));
    if (!assignment) return assignment.error();
    IncidentPlan plan;
    append_assignment(plan, std::move(*assignment));
    return plan;
}

}  // namespace hotline
