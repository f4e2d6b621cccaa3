// W4, V4: time spent on incidents, as `time_entry` records (schema.hpp): a timer
// is an entry created with its start and stopped by setting its end; a manual
// entry gives minutes and a note. Entries are only ever added (and stopped), so
// two people, or one person on two devices offline, never conflict; a running
// timer is stored data and keeps running over reloads and days offline.
//
// One running timer per person: starting one stops the person's others first, on
// whatever incident they run (two devices offline may each have started one; the
// next start stops both). The client commits the plan's operations in order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/desk.hpp"

namespace hotline {

// The person's timers that have not been stopped, oldest first.
std::vector<const Entity*> running_timers(const Desk& desk, std::string_view person);
// The person's running timer on `incident_id`, if any.
const Entity* running_timer(const Desk& desk, std::string_view person, std::string_view incident_id);

// Milliseconds an entry counts as of `now_ms`: a running timer up to now.
std::int64_t entry_ms(const Entity& entry, std::int64_t now_ms);

struct TimerStart {
    std::vector<std::string> stop;                           // running entries to end at now
    std::vector<std::pair<FieldId, std::string>> create;     // the new entry's fields
};
TimerStart plan_timer_start(const Desk& desk, std::string_view incident_id, std::string_view person,
                            std::int64_t now_ms);

std::vector<std::pair<FieldId, std::string>> manual_entry_fields(std::string_view incident_id, std::string_view person,
                                                                 std::int64_t minutes, std::string_view note);

// Time spent per incident and person, in whole minutes (a running timer counts up to
// now), sorted by incident then person. `incident_id` empty: the whole desk (reports).
// Time logged on an incident merged into another counts for that one (W12).
struct TimeSpent {
    std::string incident;
    std::string person;
    std::int64_t minutes = 0;
    bool running = false;
};
std::vector<TimeSpent> time_spent(const Desk& desk, std::int64_t now_ms, std::string_view incident_id = {});

}  // namespace hotline
