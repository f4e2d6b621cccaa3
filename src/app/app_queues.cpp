// App commands of queues and workload (issue 14, S5; core/queues.hpp, core/workload.hpp):
// the open incident into a queue or to the least loaded engineer, the next one out of a
// queue, and the Queues screen's lines.
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "core/assignment.hpp"
#include "core/insertion_sort.hpp"
#include "core/queues.hpp"
#include "core/workload.hpp"

namespace hotline::app {

bool App::add_to_queue(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(); !allowed) return report(allowed, {});
    const auto row = editor_.row();
    if (!row) return false;
    assignment_.follow(row);
    const std::string queue = assignment_.queue();
    if (queue.empty()) return report(make_error("missing_queue", std::string(tr("Choose a queue"))), {});
    auto plan = plan_enqueue(desk(), desk().incidents()[*row], queue);
    if (!plan) return report(plan.error(), {});
    const Outcome done = commit_incident_plan(*row, *plan, now_ms);
    const Entity* record = desk().find(EntityKind::queue, queue);
    const Incident& inc = desk().incidents()[*row];
    return report(done, waits_in_queue(inc) ? tr_format("queue.added", {std::string(record_title(*record))})
                                            : tr_format("Assigned to {}", {assignee_name(desk(), inc)}));
}

bool App::assign_by_workload(std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(); !allowed) return report(allowed, {});
    const auto row = editor_.row();
    if (!row) return false;
    auto plan = plan_workload_assignment(desk(), desk().incidents()[*row], nullptr);
    if (!plan) return report(plan.error(), {});
    const Outcome done = commit_incident_plan(*row, *plan, now_ms);
    return report(done, tr_format("Assigned to {}", {assignee_name(desk(), desk().incidents()[*row])}));
}

bool App::pick_next(const std::string& queue, std::int64_t now_ms) {
    if (Outcome allowed = check_may_assign(); !allowed) return report(allowed, {});
    if (screen_ == Screen::detail && refuse_to_leave_edits()) return false;
    const Incident* next = next_in_queue(desk(), list_.sla_policies(), queue, now_ms / 1000);
    if (!next) return report(make_error("queue_empty", std::string(tr("Nothing waits in this queue"))), {});
    const std::uint32_t row = *desk().row_of(next->id);
    auto plan = plan_pick(desk(), *next, assignment_.login());
    if (!plan) return report(plan.error(), {});
    const Outcome done = commit_incident_plan(row, *plan, now_ms);
    if (done) open_incident(row);
    return report(done, tr_format("queue.picked", {desk().incidents()[row].number.display()}));
}

void App::show_queues() {
    if (screen_ == Screen::detail && refuse_to_leave_edits()) return;
    screen_ = Screen::queues;
}

std::vector<QueueLine> App::queue_lines() const {
    if (queue_depths_at_ != list_.changes()) {
        queue_depths_ = queue_depths(desk());
        queue_depths_at_ = list_.changes();
    }
    std::vector<QueueLine> lines;
    for (const Entity& queue : desk().entities(EntityKind::queue))
        if (queue.flag(QueueField::active)) {
            const auto depth = queue_depths_.find(queue.id);
            lines.push_back({&queue, depth == queue_depths_.end() ? 0 : depth->second});
        }
    insertion_sort(lines.begin(), lines.end(), [](const QueueLine& a, const QueueLine& b) {
        return record_title(*a.queue) < record_title(*b.queue);
    });
    return lines;
}

}  // namespace hotline::app
