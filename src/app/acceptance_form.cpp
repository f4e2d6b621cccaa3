#include "app/acceptance_form.hpp"

#include "app/i18n.hpp"

namespace hotline::app {

AcceptanceForm::AcceptanceForm(Replica& replica, ListModel& list, std::string actor)
    : replica_(replica), list_(list), actor_(std::move(actor)) {}

void AcceptanceForm::clear() {
    rating_.clear();
    comment_.clear();
    reason_.clear();
    note_.clear();
    rejecting_ = false;
}

void AcceptanceForm::follow(std::optional<std::uint32_t> row) {
    if (row == row_) return;
    row_ = row;
    clear();
}

Outcome AcceptanceForm::commit(const std::function<Result<IncidentPlan>(const Incident&)>& planner,
                               std::int64_t now_ms) {
    if (!row_) return make_error("no_incident", std::string(tr("No incident is open")));
    const std::uint32_t row = *row_;
    const Incident& incident = list_.incident(row);
    const auto plan = planner(incident);
    if (!plan) return plan.error();
    const Outcome done = replica_.commit_plan(actor_, now_ms, incident.id, *plan);
    list_.row_changed(row);
    if (done) clear();
    return done;
}

Outcome AcceptanceForm::accept(std::int64_t now_ms) {
    return commit([](const Incident& i) { return plan_acceptance(i); }, now_ms);
}

Outcome AcceptanceForm::reject(std::int64_t now_ms) {
    return commit([&](const Incident& i) { return plan_rejection(i, reason_); }, now_ms);
}

Outcome AcceptanceForm::rate(std::int64_t now_ms) {
    return commit([&](const Incident& i) { return plan_rating(i, rating_, comment_); }, now_ms);
}

Outcome AcceptanceForm::close_on_request(std::int64_t now_ms) {
    return commit([&](const Incident& i) { return plan_close_request(i, note_); }, now_ms);
}

}  // namespace hotline::app
