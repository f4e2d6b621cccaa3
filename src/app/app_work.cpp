// App commands on the open incident's work: assignment (W2, W3) and routing (S4), time
// (W4) and the customer's answer (W6).
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "core/assignment.hpp"
#include "core/routing.hpp"

namespace hotline::app {


Outcome App::check_may_assign() const {
    if (may_assign(principal_)) return {};
    return make_error("forbidden_assignment", std::string(tr("A technician may not assign incidents")));
}

bool App::assign(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.assign(now_ms);
    editor_.rebase();  // the Summary's draft takes the new assignment, or its Save would write the old one back
    return report(done, done ? tr_format("Assigned to {}", {assignee_name(desk(), *editor_.incident())}) : "");
}

bool App::assign_to_me(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.assign_to_me(now_ms);
    editor_.rebase();
    return report(done, tr("The incident is yours"));
}

bool App::route(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(); !allowed) return report(allowed, {});
    const auto row = editor_.row();
    if (!row) return false;
    const Incident& inc = desk().incidents()[*row];
    auto plan = plan_routing(desk(), inc);
    if (!plan) return report(plan.error(), {});
    const std::string rule(record_title(*matching_rule(desk(), inc)));
    return report(commit_incident_plan(*row, *plan, now_ms), tr_format("routing.done", {rule}));
}

bool App::set_deadline(std::int64_t now_ms) {
    if (Outcome allowed = check_may_set_service_terms(principal_); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.set_deadline(now_ms);
    editor_.rebase();  // the Summary's draft holds every field: its Save must not write the old deadline back
    return report(done, done ? tr_format("deadline.set", {assignment_.deadline()}) : "");
}

bool App::clear_deadline(std::int64_t now_ms) {
    if (Outcome allowed = check_may_set_service_terms(principal_); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.clear_deadline(now_ms);
    editor_.rebase();
    return report(done, tr("Deadline cleared"));
}

Outcome App::commit_incident_plan(std::uint32_t row, const IncidentPlan& plan, std::int64_t now_ms) {
    const Outcome done = replica_.commit_plan(actor_, now_ms, desk().incidents()[row].id, plan);
    list_.row_changed(row);
    assignment_.follow(row);
    editor_.rebase();  // the Summary's draft takes the new values, or its Save would write the old ones back
    return done;
}

bool App::start_timer(std::int64_t now_ms) {
    const Incident* inc = editor_.incident();
    if (!inc) return false;
    return report(timer_.start(*inc, now_ms), tr("Timer started"));
}

bool App::stop_timer(std::int64_t now_ms) {
    const Incident* inc = editor_.incident();
    if (!inc) return false;
    return report(timer_.stop(*inc, now_ms), tr("Timer stopped"));
}

bool App::add_time_entry(std::int64_t now_ms) {
    const Incident* inc = editor_.incident();
    if (!inc) return false;
    return report(timer_.add_manual(*inc, now_ms), tr("Time logged"));
}

bool App::accept_solution(std::int64_t now_ms) {
    acceptance_.follow(editor_.row());
    return report(acceptance_.accept(now_ms), tr("The customer accepted the solution"));
}

bool App::reject_solution(std::int64_t now_ms) {
    acceptance_.follow(editor_.row());
    return report(acceptance_.reject(now_ms), tr("The solution was rejected: the incident is in progress again"));
}

bool App::rate_and_close(std::int64_t now_ms) {
    acceptance_.follow(editor_.row());
    const Outcome done = acceptance_.rate(now_ms);
    editor_.rebase();
    return report(done, tr("Rating recorded: the incident is closed"));
}

bool App::close_on_request(std::int64_t now_ms) {
    acceptance_.follow(editor_.row());
    return report(acceptance_.close_on_request(now_ms), tr("Closed at the customer's request"));
}

}  // namespace hotline::app
