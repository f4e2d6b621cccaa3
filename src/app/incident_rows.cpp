#include "app/incident_rows.hpp"

#include <algorithm>
#include <utility>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/transaction_log.hpp"

namespace hotline::app {

std::vector<TimelineRow> timeline_rows(const Desk& desk, const Incident& incident, int utc_offset_minutes) {
    std::vector<TimelineRow> rows;
    rows.reserve(incident.events.size());
    for (const Event& ev : incident.events)
        rows.push_back({format_date_time(ev.stamp.wall_ms, utc_offset_minutes),
                        std::string(event_type_text(desk, ev.type)), std::string(author_text(ev.actor)), std::string(ev.text)});
    return rows;
}

namespace {

// A time entry's value as shown: its times as dates, the rest as the fields show them.
std::string time_entry_value(std::string_view field, std::string_view value, int utc_offset_minutes) {
    if (field != "started" && field != "ended") return value_text(field, value, EntityKind::time_entry);
    const auto ms = parse_count(value);
    return ms ? format_date_time(*ms, utc_offset_minutes) : std::string();
}

// W4 in W15: the changes of the incident's time entries (records of their own, so not in
// the incident's history), each field named "Time entry: <field>".
void add_time_entry_rows(const Desk& desk, const Incident& incident, int utc_offset_minutes,
                         std::vector<std::pair<std::int64_t, LogRow>>& rows) {
    for (const Entity& entry : desk.entities(EntityKind::time_entry)) {
        if (entry.value(TimeEntryField::incident) != incident.id) continue;
        for (const TxEntry& e : render_transaction_log(desk, entry)) {
            if (e.kind == TxKind::created || e.field == "incident") continue;
            rows.emplace_back(e.wall_ms, LogRow{format_date_time(e.wall_ms, utc_offset_minutes),
                                                std::string(tr("Time entry")) + ": " +
                                                    std::string(log_field_text(e.field, EntityKind::time_entry)),
                                                std::string(author_text(e.actor)),
                                                time_entry_value(e.field, e.old_value, utc_offset_minutes),
                                                time_entry_value(e.field, e.new_value, utc_offset_minutes),
                                                e.kind == TxKind::superseded});
        }
    }
}

}  // namespace

std::vector<LogRow> log_rows(const Desk& desk, const Incident& incident, int utc_offset_minutes) {
    std::vector<std::pair<std::int64_t, LogRow>> timed;  // by wall time, to merge in the time entries
    for (const TxEntry& e : render_transaction_log(desk, incident)) {
        LogRow row{format_date_time(e.wall_ms, utc_offset_minutes), std::string(log_field_text(e.field)),
                   std::string(author_text(e.actor)), value_text(e.field, e.old_value),
                   value_text(e.field, e.new_value), e.kind == TxKind::superseded};
        if (e.kind == TxKind::event) {
            // The log entry holds the event's type and id: show the type and what was written.
            row.field = tr_format("log.event", {event_type_text(desk, e.field)});
            row.new_value.clear();
            for (const Event& ev : incident.events)
                if (ev.id == e.new_value) row.new_value = ev.text;
        }
        timed.emplace_back(e.wall_ms, std::move(row));
    }
    add_time_entry_rows(desk, incident, utc_offset_minutes, timed);
    std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<LogRow> rows;
    rows.reserve(timed.size());
    for (auto& [wall, row] : timed) rows.push_back(std::move(row));
    return rows;
}

}  // namespace hotline::app
