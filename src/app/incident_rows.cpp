#include "app/incident_rows.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "app/sla_display.hpp"
#include "core/orders.hpp"
#include "core/relations.hpp"
#include "core/transaction_log.hpp"

namespace hotline::app {

std::vector<TimelineRow> timeline_rows(const Desk& desk, const Incident& incident, LocalZone zone) {
    // Events by value: an EventList iterator decodes into itself (event_list.hpp); the views
    // they hold point into the incidents, which do not change while the rows are made.
    std::vector<std::pair<Event, const Incident*>> events;
    for (const Incident* member : merged_family(desk, incident))
        for (const Event& ev : member->events) events.emplace_back(ev, member);
    std::stable_sort(events.begin(), events.end(),
                     [&](const auto& a, const auto& b) { return desk.is_newer(b.first.stamp, a.first.stamp); });
    std::vector<TimelineRow> rows;
    rows.reserve(events.size());
    for (const auto& [ev, member] : events) {
        Author author = author_of(desk, ev.actor);
        TimelineRow row{format_date_time(ev.stamp.wall_ms, zone), std::string(event_type_text(desk, ev.type)),
                        std::move(author.name), event_text(ev, zone), {}, std::move(author.login)};
        if (member != &incident) {
            row.from = member->number.display();
            row.type = tr_format("timeline.merged_from", {row.type, row.from});
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

namespace {

// Records of their own that follow the incident (time entries W4, orders W8): not in the
// incident's history, so their changes are merged into its log, each field named
// "<record>: <field>".
struct Follower {
    EntityKind kind;
    FieldId incident_field;
    std::function<std::string(const Entity&)> name;
};

void add_follower_rows(const Desk& desk, const Incident& incident, LocalZone zone, const Follower& follower,
                       std::vector<std::pair<std::int64_t, LogRow>>& rows) {
    const auto family = merged_family(desk, incident);
    const auto ours = [&](std::string_view id) {
        return std::any_of(family.begin(), family.end(), [&](const Incident* member) { return member->id == id; });
    };
    for (const Entity& record : desk.entities(follower.kind)) {
        if (!ours(record.value(follower.incident_field))) continue;
        const std::string name = follower.name(record);
        for (const TxEntry& e : render_transaction_log(desk, record)) {
            if (e.kind == TxKind::created || e.field == "incident") continue;
            Author author = author_of(desk, e.actor);
            const auto shown = [&](std::string_view value) {
                return value_text(e.field, value, follower.kind, &desk, zone);
            };
            rows.emplace_back(e.wall_ms, LogRow{format_date_time(e.wall_ms, zone),
                                                name + ": " + std::string(log_field_text(e.field, follower.kind)),
                                                std::move(author.name), shown(e.old_value), shown(e.new_value),
                                                e.kind == TxKind::superseded, std::move(author.login)});
        }
    }
}

void add_followers(const Desk& desk, const Incident& incident, LocalZone zone,
                   std::vector<std::pair<std::int64_t, LogRow>>& rows) {
    const Follower time{EntityKind::time_entry, TimeEntryField::incident,
                        [](const Entity&) { return std::string(tr("Time entry")); }};
    const Follower order{EntityKind::order, OrderField::incident,
                         [&](const Entity& o) { return tr_format("log.order", {order_number(desk, o)}); }};
    for (const Follower* follower : {&time, &order}) add_follower_rows(desk, incident, zone, *follower, rows);
}

}  // namespace

std::vector<LogRow> log_rows(const Desk& desk, const Incident& incident, LocalZone zone) {
    std::vector<std::pair<std::int64_t, LogRow>> timed;  // by wall time, to merge in time entries and orders
    for (const TxEntry& e : render_transaction_log(desk, incident)) {
        Author author = author_of(desk, e.actor);
        LogRow row{format_date_time(e.wall_ms, zone), std::string(log_field_text(e.field)),
                   std::move(author.name), value_text(e.field, e.old_value, EntityKind::incident, &desk, zone),
                   value_text(e.field, e.new_value, EntityKind::incident, &desk, zone),
                   e.kind == TxKind::superseded,
                   std::move(author.login)};
        if (e.kind == TxKind::event) {
            // The log entry holds the event's type and id: show the type and what was written.
            row.field = tr_format("log.event", {event_type_text(desk, e.field)});
            row.new_value.clear();
            for (const Event& ev : incident.events)
                if (ev.id == e.new_value) row.new_value = event_text(ev, zone);
        }
        timed.emplace_back(e.wall_ms, std::move(row));
    }
    add_followers(desk, incident, zone, timed);
    std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<LogRow> rows;
    rows.reserve(timed.size());
    for (auto& [wall, row] : timed) rows.push_back(std::move(row));
    return rows;
}

}  // namespace hotline::app
