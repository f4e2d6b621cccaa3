#include "core/incident_sla.hpp"

#include <algorithm>
#include <map>

#include "core/calendar_record.hpp"
#include "core/civil_date.hpp"
#include "core/desk.hpp"
#include "core/history.hpp"
#include "core/insertion_sort.hpp"

namespace hotline {
namespace {

constexpr std::int32_t kIndexedDays = 730;  // each side of now
constexpr std::int32_t kIndexedYearsBack = 20;  // at most: older clocks walk the days

constexpr std::uint8_t bit(IncidentStatus s) { return static_cast<std::uint8_t>(1u << static_cast<int>(s)); }
// Response is met once work began; resolution while the incident is done.
constexpr std::uint8_t kResponded = bit(IncidentStatus::in_progress) | bit(IncidentStatus::solved) |
                                    bit(IncidentStatus::accepted) | bit(IncidentStatus::transferred) |
                                    bit(IncidentStatus::closed) | bit(IncidentStatus::archived);
constexpr std::uint8_t kDone = bit(IncidentStatus::solved) | bit(IncidentStatus::accepted) |
                               bit(IncidentStatus::closed) | bit(IncidentStatus::archived);

std::optional<std::int64_t> minutes_target(const Entity& policy, SlaPolicyField field) {
    const auto minutes = parse_count(policy.value(field));
    if (!minutes || *minutes == 0) return std::nullopt;
    return *minutes * 60;
}

SlaThreshold percent_threshold(const Entity& policy, SlaPolicyField field) {
    const auto percent = parse_count(policy.value(field)).value_or(100);
    return SlaThreshold{static_cast<std::int32_t>(std::min<std::int64_t>(percent, 100) * 10), 0};
}

// A stretch of the incident's life: from `since` to the next one's, in one status at one
// priority (whose policy says which statuses pause each metric), held by one department.
struct Segment {
    std::int64_t since = 0;
    IncidentStatus status = IncidentStatus::registered;
    const SlaPolicy* policy = nullptr;
    std::size_t calendar = 0;  // SlaPolicies::calendar_for(policy, the department)
};

// Its life from `start` on, into `life`, from the status, priority and department changes
// of its history, by the device time of each (a change stamped before the creation, by a device
// clock behind, counts from the creation). Scratch vectors are reused: a desk's worth of
// incidents is computed at once.
void life_of(const SlaPolicies& policies, const Entity& incident, std::int64_t start, std::vector<Segment>& life) {
    thread_local std::vector<LifeChange> changes;
    life_changes(incident.history, incident.kind, IncidentField::priority, IncidentField::service_department, changes);
    const auto priority_of = [](std::string_view text) { return text.size() == 1 ? text[0] - '0' : 0; };
    // A field change's entry holds the value before it: the value after is the next one's
    // before, or the current value. Rewritten in place as "from then on"; what is left in
    // first_* is the value at the start.
    std::string_view first_priority = incident.value(IncidentField::priority);
    std::string_view first_department = incident.value(IncidentField::service_department);
    for (auto c = changes.rbegin(); c != changes.rend(); ++c) {
        if (c->status) continue;
        std::swap(c->old_value, c->field == FieldId(IncidentField::priority) ? first_priority : first_department);
    }
    for (LifeChange& c : changes) c.wall_ms = std::max(start, c.wall_ms / 1000);  // now seconds
    // In time order, stable (a handful of changes, nearly sorted already, and no buffer to
    // allocate as std::stable_sort would).
    insertion_sort(changes.begin(), changes.end(),
                   [](const LifeChange& a, const LifeChange& b) { return a.wall_ms < b.wall_ms; });

    life.clear();
    const SlaPolicy* policy = policies.for_incident(incident, priority_of(first_priority));
    std::string_view department = first_department;
    life.push_back({start, IncidentStatus::registered, policy, policies.calendar_for(policy, department)});
    for (const LifeChange& c : changes) {
        Segment next = life.back();
        next.since = c.wall_ms;
        if (c.status) next.status = c.to;
        else if (c.field == FieldId(IncidentField::priority)) next.policy = policies.for_incident(incident, priority_of(c.old_value));
        else department = c.old_value;
        next.calendar = policies.calendar_for(next.policy, department);
        if (life.back().since == c.wall_ms) life.back() = next;
        else life.push_back(next);
    }
}

// The calendars that took over after the start: where a stretch's differs from the one before.
std::vector<CalendarStretch> later_calendars(const SlaPolicies& policies, const std::vector<Segment>& life) {
    std::vector<CalendarStretch> out;
    for (std::size_t i = 1; i < life.size(); ++i)
        if (life[i].calendar != life[i - 1].calendar)
            out.push_back({life[i].since, &policies.calendar_at(life[i].calendar).hours});
    return out;
}

// The spans of `life` in a status that pauses the metric (`pauses` of the policy then in
// force, or one of `always`), merged; the last open when the incident is still there.
std::vector<UtcSpan> pauses_in(const std::vector<Segment>& life, std::uint8_t SlaPolicy::*pauses, std::uint8_t always) {
    std::vector<UtcSpan> out;
    for (std::size_t i = 0; i < life.size(); ++i) {
        const std::uint8_t mask = always | (life[i].policy ? life[i].policy->*pauses : 0);
        if (!(mask & bit(life[i].status))) continue;
        const std::int64_t begin = life[i].since;
        const std::int64_t end = i + 1 < life.size() ? life[i + 1].since : kOpenEnded;
        if (begin >= end) continue;
        if (!out.empty() && out.back().end == begin) out.back().end = end;
        else out.push_back({begin, end});
    }
    return out;
}

void finish(MetricSla& m, const BusinessCalendar& calendar) {
    if (m.met) m.breached = read_sla(calendar, m.clock, *m.met).state == SlaState::late;
    else m.moments = sla_moments(calendar, m.clock);
}

// UTC seconds, rounded down (a moment before 1970 too).
std::int64_t seconds_of(std::int64_t ms) { return floor_div(ms, 1000); }

MetricSla metric_clock(const SlaPolicy& policy, std::optional<std::int64_t> target, std::int64_t start) {
    MetricSla m;
    m.applies = target.has_value();
    m.clock.start = start;
    m.clock.target = target.value_or(0);
    m.clock.follow_up = policy.follow_up;
    m.clock.warning = policy.warning;
    return m;
}

}  // namespace

std::optional<std::uint8_t> parse_status_list(std::string_view text) {
    std::uint8_t mask = 0;
    while (!text.empty()) {
        const std::size_t end = text.find_first_of(", ");
        const std::string_view name = text.substr(0, end);
        if (!name.empty()) {
            const auto status = status_by_name(name);
            if (!status) return std::nullopt;
            mask |= bit(*status);
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return mask;
}

SlaPolicies::SlaPolicies() {
    calendars_.push_back({BusinessCalendar::always_open(PosixZone::utc()), {}, false});
    by_hand_.follow_up = {500, 0};
    by_hand_.warning = {800, 0};
}

SlaPolicies SlaPolicies::of(const Desk& desk, std::int64_t now_s) {
    SlaPolicies out;
    // Indexed from the oldest incident's creation on: an old incident's clock (met years ago,
    // or late since then) is then binary searches too, not a walk through every day since.
    const std::int32_t today = day_of(now_s);
    std::int32_t first_day = today - kIndexedDays;
    for (const Entity& incident : desk.incidents())
        first_day = std::min(first_day, day_of(seconds_of(incident.created.wall_ms)) - 1);
    // A device clock decades behind must not make every calendar index half a century.
    first_day = std::max(first_day, today - kIndexedYearsBack * 366);
    const std::int32_t last_day = today + kIndexedDays;
    out.calendars_[0].hours = out.calendars_[0].hours.indexed(first_day, last_day);
    std::map<std::string_view, std::size_t> calendar_at;
    for (const Entity& record : desk.entities(EntityKind::calendar)) {
        auto calendar = calendar_of(record);
        if (!calendar) continue;  // the rules refuse such a record: never stored
        calendar_at.emplace(record.id, out.calendars_.size());
        out.calendars_.push_back({calendar->indexed(first_day, last_day), std::string(record_title(record)),
                                  zone_pending(record)});
    }
    for (const Entity& record : desk.entities(EntityKind::department))
        if (auto c = calendar_at.find(record.value(DepartmentField::calendar)); c != calendar_at.end())
            out.department_calendars_.emplace_back(record.id, c->second);
    std::sort(out.department_calendars_.begin(), out.department_calendars_.end());
    for (const Entity& record : desk.entities(EntityKind::sla_policy)) {
        if (!record.flag(SlaPolicyField::active)) continue;
        SlaPolicy& p = out.policies_.emplace_back();
        p.id = record.id;
        p.name = std::string(record.value(SlaPolicyField::name));
        p.priority = record.value(SlaPolicyField::priority).empty() ? 3 : record.value(SlaPolicyField::priority)[0] - '0';
        if (auto c = calendar_at.find(record.value(SlaPolicyField::calendar)); c != calendar_at.end())
            p.calendar = c->second;
        p.response = minutes_target(record, SlaPolicyField::response_minutes);
        p.resolution = minutes_target(record, SlaPolicyField::resolution_minutes);
        p.follow_up = percent_threshold(record, SlaPolicyField::follow_up_percent);
        p.warning = percent_threshold(record, SlaPolicyField::warning_percent);
        p.response_pauses = parse_status_list(record.value(SlaPolicyField::response_pauses)).value_or(0);
        p.resolution_pauses = parse_status_list(record.value(SlaPolicyField::resolution_pauses)).value_or(0);
    }
    insertion_sort(out.policies_.begin(), out.policies_.end(),
              [](const SlaPolicy& a, const SlaPolicy& b) { return a.id < b.id; });
    return out;
}

std::uint64_t SlaPolicies::version(const Desk& desk) {
    // FNV-1a over what an edit of these records changes: their number and every stamp.
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    for (EntityKind kind : {EntityKind::calendar, EntityKind::sla_policy, EntityKind::department})
        for (const Entity& record : desk.entities(kind)) {
            mix(static_cast<std::uint64_t>(record.updated_ms));
            for (const FieldStamp& s : record.field_stamps) {
                mix(s.field.value);
                mix(static_cast<std::uint64_t>(s.stamp.wall_ms));
                mix(s.stamp.counter);
                mix(s.stamp.replica);
            }
            mix(0xff);
        }
    return h;
}

const SlaPolicy* SlaPolicies::for_priority(int priority) const {
    for (const SlaPolicy& p : policies_)
        if (p.priority == priority) return &p;
    return nullptr;
}

std::size_t SlaPolicies::calendar_for(const SlaPolicy* policy, std::string_view department) const {
    if (policy && policy->calendar != 0) return policy->calendar;
    const auto found = std::lower_bound(department_calendars_.begin(), department_calendars_.end(), department,
                                        [](const auto& entry, std::string_view key) { return entry.first < key; });
    return found != department_calendars_.end() && found->first == department ? found->second : 0;
}

const SlaPolicy* SlaPolicies::for_incident(const Entity& incident, int priority) const {
    if (const std::string_view chosen = incident.value(IncidentField::sla_policy); !chosen.empty())
        for (const SlaPolicy& p : policies_)
            if (p.id == chosen) return &p;
    return for_priority(priority);
}

std::optional<SlaMetric> IncidentSla::running() const {
    if (!policy) return std::nullopt;
    if (response.applies && !response.met) return SlaMetric::response;
    if (resolution.applies && !resolution.met) return SlaMetric::resolution;
    return std::nullopt;
}

IncidentSla incident_sla(const SlaPolicies& policies, const Entity& incident) {
    IncidentSla sla;
    const auto deadline = parse_count(incident.value(IncidentField::resolution_deadline));
    sla.policy = policies.for_incident(incident, incident.priority());
    if (!sla.policy && deadline) sla.policy = &policies.by_hand();
    if (!sla.policy) return sla;
    const SlaPolicy& policy = *sla.policy;
    const std::int64_t start = seconds_of(incident.created.wall_ms);

    thread_local std::vector<Segment> life;
    life_of(policies, incident, start, life);

    sla.response = metric_clock(policy, policy.response, start);
    for (const Segment& s : life)
        if (kResponded & bit(s.status)) {
            sla.response.met = s.since;
            break;
        }
    sla.response.clock.pauses = pauses_in(life, &SlaPolicy::response_pauses, 0);

    sla.resolution = metric_clock(policy, policy.resolution, start);
    if (kDone & bit(life.back().status)) {
        std::size_t first_done = life.size() - 1;
        while (first_done > 0 && (kDone & bit(life[first_done - 1].status))) --first_done;
        sla.resolution.met = life[first_done].since;
    }
    sla.first_calendar = life.front().calendar;
    sla.calendar = life.back().calendar;
    sla.response.clock.later_calendars = later_calendars(policies, life);  // most often none
    sla.resolution.clock.later_calendars = sla.response.clock.later_calendars;
    const BusinessCalendar& calendar = policies.calendar_at(sla.first_calendar).hours;
    if (deadline) {  // Late at that moment whatever the pauses: none are counted
        sla.resolution.applies = true;
        set_deadline(calendar, sla.resolution.clock, seconds_of(*deadline));
    } else {
        // Time spent done before a reopening is not resolution time.
        sla.resolution.clock.pauses = pauses_in(life, &SlaPolicy::resolution_pauses, kDone);
    }
    if (sla.response.applies) finish(sla.response, calendar);
    if (sla.resolution.applies) finish(sla.resolution, calendar);
    return sla;
}

SlaStatus::State finished_state(const IncidentSla& sla) {
    const bool breached = (sla.response.applies && sla.response.breached) ||
                          (sla.resolution.applies && sla.resolution.breached);
    const bool any = sla.response.applies || sla.resolution.applies;
    return !any ? SlaStatus::State::none : breached ? SlaStatus::State::breached : SlaStatus::State::met;
}

SlaStatus sla_status(const SlaPolicies& policies, const IncidentSla& sla, std::int64_t now_s) {
    SlaStatus out;
    if (!sla.policy) return out;
    out.metric = sla.running();
    if (!out.metric) {
        out.state = finished_state(sla);
        return out;
    }
    const MetricSla& m = sla.metric(*out.metric);
    const SlaReading reading = read_sla(policies.calendar_at(sla.first_calendar).hours, m.clock, now_s);
    out.remaining = reading.remaining;
    out.due = m.moments.late;
    switch (reading.state) {
        case SlaState::on_track: out.state = SlaStatus::State::on_track; break;
        case SlaState::follow_up: out.state = SlaStatus::State::follow_up; break;
        case SlaState::warning: out.state = SlaStatus::State::warning; break;
        case SlaState::late: out.state = SlaStatus::State::late; break;
        case SlaState::paused: out.state = SlaStatus::State::paused; break;
    }
    return out;
}

std::string_view sla_state_name(SlaStatus::State state) {
    switch (state) {
        case SlaStatus::State::none: return "none";
        case SlaStatus::State::on_track: return "on_track";
        case SlaStatus::State::follow_up: return "follow_up";
        case SlaStatus::State::warning: return "warning";
        case SlaStatus::State::late: return "late";
        case SlaStatus::State::paused: return "paused";
        case SlaStatus::State::met: return "met";
        case SlaStatus::State::breached: return "breached";
    }
    return "none";
}

}  // namespace hotline
