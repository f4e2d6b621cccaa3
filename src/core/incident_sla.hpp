// An incident's SLA (issue 14, S1-S3): its two metrics, first response and resolution,
// each a clock (sla_clock.hpp) counted in working time.
// Everything is recomputed from the incident as folded (its creation time, priority and
// status history, each change with the device time it was made at) and the policy records:
// the browser, offline, gives the answers the server gives from the same operations.
//
//   start        the incident's creation (the device time of its create)
//   response     met when the incident first reaches In progress or any later status
//   resolution   met while Solved, Accepted, Closed or Archived (at the last time it
//                got there); reopened, it runs again, and the time it spent solved does
//                not count
//   pauses       the spans the incident spent in a status that the policy then in force
//                (of its priority then) names as pausing that metric (`response_pauses`,
//                `resolution_pauses`)
//
// A new priority chooses another policy: its targets count from the same start, and the
// pauses made under the former policy stay pauses, so the time already accumulated is
// kept (GLPI lost it: glpi#6902). A policy chosen for the incident (its entitlement's,
// entitlements.hpp) applies instead, from the start, whatever the priority. An edited calendar or
// policy changes what remains, not what was used (both are recomputed from the history).
// A resolution deadline set by hand (IncidentField::resolution_deadline) replaces the
// resolution target: Late at that moment, not moved by pauses (sla_clock.hpp); an incident
// without a policy then has an SLA of that deadline alone, counted 24/7.
//
// Which calendar counts (S3): the policy's, when it names one (a customer's contracted
// hours); else the calendar of the department holding the incident (its service
// department), when that names one; else 24/7 in UTC. Each stretch of the incident's life is
// counted on the calendar of that stretch's policy and department: handed to a team with
// other hours, the time used so far stays as it was counted, and what remains is counted in
// the new team's hours.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/business_calendar.hpp"
#include "core/entity.hpp"
#include "core/sla_clock.hpp"

namespace hotline {

class Desk;

struct SlaPolicy {
    std::string id;
    std::string name;
    int priority = 3;
    std::size_t calendar = 0;                  // in SlaPolicies::calendar_at(); 0: names none
    std::optional<std::int64_t> response;       // target, working seconds
    std::optional<std::int64_t> resolution;
    SlaThreshold follow_up, warning;
    std::uint8_t response_pauses = 0;           // bit i: IncidentStatus i pauses the metric
    std::uint8_t resolution_pauses = 0;
};

// "transferred, solved" → its status bits; nullopt when a name is not a status.
std::optional<std::uint8_t> parse_status_list(std::string_view text);

// A calendar an SLA counts on, as parsed from its record.
struct SlaCalendar {
    BusinessCalendar hours;
    std::string name;           // empty: 24/7 in UTC (no calendar)
    bool zone_pending = false;  // counts in UTC until its zone's rule arrives (calendar_record.hpp)
};

// The active policies and the calendars (the policies' and the departments'), parsed once:
// rebuilt when one of those records changes (version()), not for each incident.
class SlaPolicies {
public:
    SlaPolicies();
    // The calendars are indexed for the local dates from the oldest incident's creation (or
    // two years before `now_s`) to two years after it (business_calendar.hpp); answers
    // outside stay right, only slower.
    static SlaPolicies of(const Desk& desk, std::int64_t now_s);
    // A number that changes whenever a calendar, SLA policy or department record of `desk` changes.
    static std::uint64_t version(const Desk& desk);

    // The active policy for incidents of `priority`: the first by key when several are.
    const SlaPolicy* for_priority(int priority) const;
    // The policy chosen for `incident` (S7: by its entitlement) while it is active, else the
    // policy of `priority` (the priority it had at the moment asked about).
    const SlaPolicy* for_incident(const Entity& incident, int priority) const;
    const SlaCalendar& calendar_at(std::size_t index) const { return calendars_[index]; }
    // Which calendar counts a stretch of an incident's life in which `policy` applies and
    // `department` (a department's key) holds it: see the top of this file.
    std::size_t calendar_for(const SlaPolicy* policy, std::string_view department) const;
    // The policy of an incident that has none but a deadline set by hand: no targets (its
    // id empty), 24/7 in UTC, Follow-up at half the time to the deadline, Warning at 80 %.
    const SlaPolicy& by_hand() const { return by_hand_; }

private:
    std::vector<SlaCalendar> calendars_;  // [0]: 24/7 in UTC, for policies without one
    std::vector<SlaPolicy> policies_;     // sorted by key
    std::vector<std::pair<std::string, std::size_t>> department_calendars_;  // sorted by key
    SlaPolicy by_hand_;
};

enum class SlaMetric : std::uint8_t { response, resolution };

struct MetricSla {
    bool applies = false;  // the policy has a target for it
    SlaClock clock;
    std::optional<std::int64_t> met;  // when it was met (UTC seconds)
    bool breached = false;            // met after its target was used up
    SlaMoments moments;               // while not met
};

struct IncidentSla {
    const SlaPolicy* policy = nullptr;  // none: the incident has no SLA
    // In SlaPolicies::calendar_at(): the calendar counting from the start (the clocks'), and
    // the one counting now (the last of the clocks' later_calendars, else the same).
    std::size_t first_calendar = 0, calendar = 0;
    MetricSla response, resolution;

    // The metric that runs now (response before resolution); nullopt when none does.
    std::optional<SlaMetric> running() const;
    const MetricSla& metric(SlaMetric m) const { return m == SlaMetric::response ? response : resolution; }
};

IncidentSla incident_sla(const SlaPolicies& policies, const Entity& incident);

// The state of `sla` at `now_s`, as the list and the form show it.
struct SlaStatus {
    enum class State : std::uint8_t { none, on_track, follow_up, warning, late, paused, met, breached };
    State state = State::none;
    std::optional<SlaMetric> metric;  // the running one (none when met, breached or without SLA)
    std::int64_t remaining = 0;       // working seconds; negative: overdue by that much
    std::optional<std::int64_t> due;  // the running metric's deadline (nullopt while paused)
};
SlaStatus sla_status(const SlaPolicies& policies, const IncidentSla& sla, std::int64_t now_s);
// The state of an SLA none of whose metrics runs (without a policy: none): met, breached,
// or none when the policy has no target.
SlaStatus::State finished_state(const IncidentSla& sla);
// "on_track", "follow_up", "warning", "late", "paused", "met", "breached", "none".
std::string_view sla_state_name(SlaStatus::State state);

}  // namespace hotline
