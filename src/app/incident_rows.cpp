#include "app/incident_rows.hpp"

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/transaction_log.hpp"

namespace hotline::app {

std::vector<TimelineRow> timeline_rows(const Desk& desk, const Incident& incident, int utc_offset_minutes) {
    std::vector<TimelineRow> rows;
    rows.reserve(incident.events.size());
    for (const Event& ev : incident.events)
        rows.push_back({format_date_time(ev.stamp.wall_ms, utc_offset_minutes),
                        std::string(event_type_text(desk, ev.type)), std::string(person_name(ev.actor)), std::string(ev.text)});
    return rows;
}

std::vector<LogRow> log_rows(const Desk& desk, const Incident& incident, int utc_offset_minutes) {
    std::vector<LogRow> rows;
    for (const TxEntry& e : render_transaction_log(desk, incident)) {
        LogRow row{format_date_time(e.wall_ms, utc_offset_minutes), std::string(log_field_text(e.field)),
                   std::string(person_name(e.actor)), value_text(e.field, e.old_value),
                   value_text(e.field, e.new_value), e.kind == TxKind::superseded};
        if (e.kind == TxKind::event) {
            // The log entry holds the event's type and id: show the type and what was written.
            row.field = tr_format("log.event", {event_type_text(desk, e.field)});
            row.new_value.clear();
            for (const Event& ev : incident.events)
                if (ev.id == e.new_value) row.new_value = ev.text;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace hotline::app
