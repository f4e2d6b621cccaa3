#include "app/notifications.hpp"

#include <algorithm>

#include "core/assignment.hpp"
#include "core/escalation.hpp"
#include "core/history.hpp"

namespace hotline::app {

void Notifications::set_viewer(const Principal& who) {
    login_ = who.login;
    every_incident_ = who.role == Role::manager || who.role == Role::admin;
}

void Notifications::rebuild() {
    unread_.reset();
    by_row_.clear();
    for (std::uint32_t row = 0; row < desk_.incidents().size(); ++row) row_changed(row);
}

void Notifications::row_changed(std::uint32_t row) {
    unread_.reset();
    std::vector<Notification> found;
    collect(row, found);
    if (found.empty()) by_row_.erase(row);
    else by_row_[row] = std::move(found);
}

void Notifications::collect(std::uint32_t row, std::vector<Notification>& out) const {
    const Incident& incident = desk_.incidents()[row];
    // Its assignee, or the engineer older versions wrote as text (core/assignment.hpp).
    const bool mine = !login_.empty() && assignee_key(incident) == login_;
    if (mine) assignments(row, incident, out);
    if (!mine && !every_incident_) return;
    for (const Event& e : incident.events)
        if (const auto alert = read_escalation(e))
            out.push_back({alert->late ? Notification::Kind::sla_late : Notification::Kind::sla_warning, row,
                           e.stamp.wall_ms, alert->metric, alert->due, std::string(e.actor)});
}

// The times the incident was given to the viewer by someone else, from its transaction log:
// each change of its assignee holds the value before it; the value after is the next
// change's before, or the current value (and the first before is the value it was made with).
void Notifications::assignments(std::uint32_t row, const Incident& incident, std::vector<Notification>& out) const {
    const std::vector<TxEntry> log = decode_history(incident.history, desk_.actors(), incident.kind);
    const std::string_view field = field_spec(IncidentField::assignee).name;
    std::vector<const TxEntry*> changes;
    for (const TxEntry& e : log)
        if (e.kind == TxKind::field && e.field == field) changes.push_back(&e);
    const std::string me = "u:" + login_;
    const auto given = [&](std::string_view after, std::int64_t at, const std::string& by) {
        if (after == login_ && by != me) out.push_back({Notification::Kind::assigned, row, at, {}, 0, by});
    };
    given(changes.empty() ? std::string_view(incident.value(IncidentField::assignee)) : changes.front()->old_value,
          incident.created.wall_ms, incident.created_by);
    for (std::size_t i = 0; i < changes.size(); ++i)
        given(i + 1 < changes.size() ? std::string_view(changes[i + 1]->old_value)
                                     : incident.value(IncidentField::assignee),
              changes[i]->wall_ms, changes[i]->actor);
}

std::vector<Notification> Notifications::newest(std::size_t limit) const {
    std::vector<Notification> all;
    for (const auto& [row, found] : by_row_) all.insert(all.end(), found.begin(), found.end());
    const auto newer = [](const Notification& a, const Notification& b) {
        return a.wall_ms != b.wall_ms ? a.wall_ms > b.wall_ms : a.row > b.row;
    };
    const std::size_t n = std::min(limit, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), newer);
    all.resize(n);
    return all;
}

std::size_t Notifications::unread(std::int64_t seen_ms) const {
    if (unread_ && unread_->first == seen_ms) return unread_->second;
    std::size_t n = 0;
    for (const auto& [row, found] : by_row_)
        n += static_cast<std::size_t>(std::count_if(found.begin(), found.end(),
                                                    [&](const Notification& x) { return x.wall_ms > seen_ms; }));
    unread_ = std::pair{seen_ms, n};
    return n;
}

}  // namespace hotline::app
