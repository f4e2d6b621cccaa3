// An incident's Timeline (W11) and Transaction log (W15) as the detail screen
// shows them: one row of display text per event or change.
#pragma once

#include <string>
#include <vector>

#include "app/local_zone.hpp"
#include "core/desk.hpp"

namespace hotline::app {

struct TimelineRow {
    std::string time;
    std::string type;  // label of the event type (naming the merged incident it came from)
    std::string author;
    std::string text;
    std::string from;  // W12: the number of the merged incident it was recorded on, else empty
    std::string author_login;  // the author's login when `author` is their name (a hover shows it)
};

struct LogRow {
    std::string time;
    std::string field;  // label
    std::string author;
    std::string old_value;
    std::string new_value;
    bool superseded = false;  // an older edit that arrived late and lost (kept, W15)
    std::string author_login;  // the author's login when `author` is their name (a hover shows it)
};

// Events in their order (by HLC), those of incidents merged into it (W12) among them.
std::vector<TimelineRow> timeline_rows(const Desk& desk, const Incident& incident, LocalZone zone);
// Changes oldest first; the creation as one row per initial value; an event row
// names the event type and shows its text. The incident's time entries (W4) and
// orders (W8), and those of incidents merged into it (W12), are merged in by time, as
// "Time entry: <field>" and "Order <number>: <field>" rows.
std::vector<LogRow> log_rows(const Desk& desk, const Incident& incident, LocalZone zone);

}  // namespace hotline::app
