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
}  // namespace

bool App::assign(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(principal_); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    const Outcome done = assignment_.assign(now_ms);
    return report(done, done ? tr_format("Assigned to {}", {assignee_name(desk(), *editor_.incident())}) : "");
}

bool App::assign_to_me(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(principal_); !allowed) return report(allowed, {});
    assignment_.follow(editor_.row());
    return report(assignment_.assign_to_me(now_ms), tr("The incident is yours"));
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
