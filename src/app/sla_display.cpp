#include "app/sla_display.hpp"

#include <string_view>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "app/notifications.hpp"
#include "core/escalation.hpp"

namespace hotline::app {
namespace {

std::string when(std::int64_t seconds, LocalZone zone) {
    return format_date_time(seconds * 1000, zone);
}

std::string metric_state(SlaMetric m, const MetricSla& metric, const SlaStatus& status, IncidentStatus current,
                         LocalZone zone) {
    const std::string_view name = metric_text(m);
    if (metric.met)
        return tr_format(metric.breached ? "sla.met_late" : "sla.met", {name, when(*metric.met, zone)});
    if (status.metric != m) {  // resolution while first response runs
        if (!metric.moments.late) return tr_format("sla.paused", {name, status_text(current)});
        return tr_format("sla.due", {name, when(*metric.moments.late, zone)});
    }
    if (status.state == SlaStatus::State::paused) return tr_format("sla.paused", {name, status_text(current)});
    if (!status.due) return tr_format("sla.no_deadline", {name});
    const std::string due = when(*status.due, zone);
    if (status.state == SlaStatus::State::late)
        return tr_format("sla.overdue", {name, due, format_working_time(-status.remaining)});
    return tr_format("sla.due_left", {name, due, format_working_time(status.remaining)});
}

// With a deadline set by hand, said so: pauses do not move it.
std::string metric_line(SlaMetric m, const MetricSla& metric, const SlaStatus& status, IncidentStatus current,
                        LocalZone zone) {
    std::string line = metric_state(m, metric, status, current, zone);
    if (metric.clock.deadline) line += " \xc2\xb7 " + std::string(tr("set by hand"));
    return line;
}

}  // namespace

std::string_view metric_text(SlaMetric m) {
    switch (m) {
        case SlaMetric::response: return tr("First response");
        case SlaMetric::resolution: return tr("Resolution");
    }
    return {};
}

std::string event_text(const Event& event, LocalZone zone) {
    const auto alert = read_escalation(event);
    if (!alert) return std::string(event.text);
    return tr_format("sla.alert", {metric_text(alert->metric), when(alert->due, zone)});
}

std::string notification_text(const Desk& desk, const Notification& n, LocalZone zone) {
    switch (n.kind) {
        case Notification::Kind::assigned: return tr_format("notify.assigned", {author_of(desk, n.by).name});
        case Notification::Kind::sla_warning:
            return tr_format("notify.sla_warning", {metric_text(n.metric), when(n.due, zone)});
        case Notification::Kind::sla_late:
            return tr_format("notify.sla_late", {metric_text(n.metric), when(n.due, zone)});
    }
    return {};
}

std::string format_working_time(std::int64_t seconds) {
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60) return tr_format("sla.minutes", {std::to_string(minutes)});
    std::string mm = std::to_string(minutes % 60);
    if (mm.size() < 2) mm.insert(0, "0");
    return tr_format("sla.hours_minutes", {std::to_string(minutes / 60), mm});
}

std::string sla_countdown(const SlaStatus& status) {
    switch (status.state) {
        case SlaStatus::State::none: return {};
        case SlaStatus::State::met: return std::string(tr("Met"));
        case SlaStatus::State::breached: return std::string(tr("Missed"));
        case SlaStatus::State::paused: return std::string(tr("Paused"));
        case SlaStatus::State::late: return "-" + format_working_time(-status.remaining);
        case SlaStatus::State::on_track:
        case SlaStatus::State::follow_up:
        case SlaStatus::State::warning:
            return status.due ? format_working_time(status.remaining) : std::string(tr("Paused"));
    }
    return {};
}

std::vector<std::string> sla_lines(const SlaPolicies& policies, const IncidentSla& sla, const SlaStatus& status,
                                   IncidentStatus current, LocalZone zone) {
    std::vector<std::string> lines;
    if (!sla.policy) return lines;
    const SlaPolicy& p = *sla.policy;
    const SlaCalendar& hours = policies.calendar_at(sla.calendar);  // the one counting now
    if (p.id.empty()) lines.push_back(std::string(tr("sla.by_hand_only")));  // SlaPolicies::by_hand()
    else
        lines.push_back(hours.name.empty() ? tr_format("sla.policy_24_7", {p.name})
                                           : tr_format("sla.policy", {p.name, hours.name}));
    if (hours.zone_pending) lines.push_back(std::string(tr("sla.zone_pending")));
    for (SlaMetric m : {SlaMetric::response, SlaMetric::resolution})
        if (sla.metric(m).applies) lines.push_back(metric_line(m, sla.metric(m), status, current, zone));
    return lines;
}

}  // namespace hotline::app
