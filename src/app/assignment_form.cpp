#include "app/assignment_form.hpp"

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/resolution_deadline.hpp"

namespace hotline::app {

AssignmentForm::AssignmentForm(Replica& replica, ListModel& list, std::string actor, LocalZone zone)
    : replica_(replica),
      list_(list),
      actor_(std::move(actor)),
      login_(person_name(actor_)),
      zone_(zone) {}

void AssignmentForm::load() {
    held_ = row_ ? current_assignment(list_.incident(*row_)) : Assignment{};
    choice_ = held_;
    reason_.clear();
    queue_ = row_ ? std::string(list_.incident(*row_).value(IncidentField::queue)) : std::string();
    const auto deadline = row_ ? parse_count(list_.incident(*row_).value(IncidentField::resolution_deadline)) : std::nullopt;
    deadline_ = deadline ? iso_date_time(*deadline, zone_) : std::string();
}

void AssignmentForm::follow(std::optional<std::uint32_t> row) {
    if (row != row_) {
        row_ = row;
        load();
        return;
    }
    if (!row_) return;
    const Assignment now = current_assignment(list_.incident(*row_));
    const bool untouched = choice_.department == held_.department && choice_.assignee == held_.assignee;
    if (untouched && (now.department != held_.department || now.assignee != held_.assignee)) load();
}

void AssignmentForm::choose_assignee(std::string login) {
    choice_.assignee = std::move(login);
    if (!choice_.department.empty()) return;
    if (const Entity* profile = replica_.desk().find(EntityKind::staff_profile, choice_.assignee))
        choice_.department = std::string(profile->value(StaffProfileField::department));
}

bool AssignmentForm::is_hand_over() const { return row_ && holds_assignment(list_.incident(*row_)); }

template <class PlanFor>
Outcome AssignmentForm::commit(std::int64_t now_ms, PlanFor plan_for) {
    if (!row_) return make_error("no_incident", std::string(tr("No incident is open")));
    const std::uint32_t row = *row_;
    const Incident& inc = list_.incident(row);
    auto plan = plan_for(inc);
    if (!plan) return plan.error();
    const Outcome done = replica_.commit_plan(actor_, now_ms, inc.id, *plan);
    list_.row_changed(row);
    if (done) load();  // the committed values, and a reason typed for this hand-over gone
    return done;
}

Outcome AssignmentForm::assign(std::int64_t now_ms) {
    return commit(now_ms, [&](const Incident& inc) -> Result<IncidentPlan> {
        auto plan = plan_assignment(replica_.desk(), inc, choice_, reason_);
        if (!plan) return plan.error();
        IncidentPlan steps;
        append_assignment(steps, std::move(*plan));
        return steps;
    });
}

Outcome AssignmentForm::assign_to_me(std::int64_t now_ms) {
    if (!replica_.desk().find(EntityKind::staff_profile, login_))
        return make_error("no_staff_profile", std::string(tr("You have no staff profile to be assigned by")));
    choice_.assignee.clear();
    choose_assignee(login_);
    return assign(now_ms);
}

Outcome AssignmentForm::set_deadline(std::int64_t now_ms) {
    const auto deadline = parse_date_time(deadline_, zone_);
    if (!deadline)
        return make_error("invalid_deadline", "Type the deadline as a date and time: YYYY-MM-DD HH:MM");
    return commit_deadline(deadline, now_ms);
}

Outcome AssignmentForm::clear_deadline(std::int64_t now_ms) { return commit_deadline(std::nullopt, now_ms); }

Outcome AssignmentForm::commit_deadline(std::optional<std::int64_t> deadline_ms, std::int64_t now_ms) {
    return commit(now_ms, [&](const Incident& inc) { return plan_resolution_deadline(inc, deadline_ms); });
}

}  // namespace hotline::app
