#include "app/time_tracker.hpp"

#include <algorithm>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/workflow.hpp"

namespace hotline::app {

TimeTracker::TimeTracker(Replica& replica, std::string actor)
    : replica_(replica), actor_(std::move(actor)), login_(person_name(actor_)) {}

void TimeTracker::refresh(const Incident* incident, std::int64_t now_ms) {
    view_ = {};
    if (!incident) return;
    view_.incident_id = incident->id;
    if (const Entity* timer = running_timer(replica_.desk(), login_, incident->id)) {
        view_.running = true;
        view_.running_ms = entry_ms(*timer, now_ms);
    }
    view_.totals = time_spent(replica_.desk(), now_ms, incident->id);
}

Outcome TimeTracker::stop_entry(const std::string& entry_id, std::int64_t now_ms) {
    // A clock set back since the start would make the end come first: such a timer ran 0 ms.
    const Entity* entry = replica_.desk().find(EntityKind::time_entry, entry_id);
    const std::int64_t started = entry ? parse_count(entry->value(TimeEntryField::started)).value_or(0) : 0;
    return replica_.commit([&](OpFactory& f) {
        return f.set_field(actor_, now_ms, EntityKind::time_entry, entry_id, TimeEntryField::ended,
                           std::to_string(std::max(now_ms, started)));
    });
}

Outcome TimeTracker::start(const Incident& incident, std::int64_t now_ms) {
    if (auto editable = check_editable(incident); !editable) return editable;  // W10: history
    const TimerStart plan = plan_timer_start(replica_.desk(), incident.id, login_, now_ms);
    for (const std::string& id : plan.stop)
        if (Outcome stopped = stop_entry(id, now_ms); !stopped) return stopped;
    return replica_.commit([&](OpFactory& f) { return f.create(actor_, now_ms, EntityKind::time_entry, plan.create); });
}

Outcome TimeTracker::stop(const Incident& incident, std::int64_t now_ms) {
    const Entity* timer = running_timer(replica_.desk(), login_, incident.id);
    if (!timer) return make_error("no_timer", std::string(tr("No timer of yours runs on this incident")));
    return stop_entry(timer->id, now_ms);
}

Outcome TimeTracker::add_manual(const Incident& incident, std::int64_t now_ms) {
    if (auto editable = check_editable(incident); !editable) return editable;
    const auto minutes = parse_count(minutes_);
    if (!minutes) return make_error("bad_minutes", std::string(tr("Enter the minutes spent as a whole number")));
    Outcome added = replica_.commit([&](OpFactory& f) {
        return f.create(actor_, now_ms, EntityKind::time_entry, manual_entry_fields(incident.id, login_, *minutes, note_));
    });
    if (!added) return added;
    minutes_.clear();
    note_.clear();
    return {};
}

}  // namespace hotline::app
