// App commands on the open incident's work: assignment (W2, W3) and time (W4).
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "core/assignment.hpp"

namespace hotline::app {

namespace {
// The server would refuse it (authorization.hpp): say so now rather than as a conflict later.
Outcome check_may_assign(const Principal& who) {
    if (may_assign(who)) return {};
    return make_error("forbidden_assignment", std::string(tr("A technician may not assign incidents")));
}

// The Summary's draft holds every field: it takes the assignment just made, or it would
// count as an unsaved edit and its Save would write the old assignment back.
void take_assignment(Draft& draft, const Incident& incident) {
    for (IncidentField f : {IncidentField::service_department, IncidentField::assignee})
        draft.value(f) = std::string(incident.value(f));
}
}  // namespace

bool App::assign(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(principal_); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.assign(now_ms);
    if (const Incident* inc = editor_.incident()) take_assignment(editor_.draft(), *inc);
    return report(done, done ? tr_format("Assigned to {}", {assignee_name(desk(), *editor_.incident())}) : "");
}

bool App::assign_to_me(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(principal_); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.assign_to_me(now_ms);
    if (const Incident* inc = editor_.incident()) take_assignment(editor_.draft(), *inc);
    return report(done, tr("The incident is yours"));
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

}  // namespace hotline::app
