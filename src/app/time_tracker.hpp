// The open incident's work timer and time entries (W4): start and stop the signed-in
// person's timer, log minutes by hand with a note, and the time spent per person,
// as core/time_entries.hpp computes it. The UI refreshes the view each frame with
// the current time, so the totals count a running timer up to now and state_json
// reports what is shown.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/replica.hpp"
#include "core/time_entries.hpp"

namespace hotline::app {

class TimeTracker {
public:
    TimeTracker(Replica& replica, std::string actor);

    struct View {
        std::string incident_id;
        bool running = false;           // the signed-in person's timer runs on this incident
        std::int64_t running_ms = 0;    // since it started
        std::vector<TimeSpent> totals;  // this incident's, per person
    };
    // Recomputes the view of `incident` (null: none open) as of `now_ms`.
    void refresh(const Incident* incident, std::int64_t now_ms);
    const View& view() const { return view_; }

    std::string& minutes() { return minutes_; }
    std::string& note() { return note_; }

    // Starts the person's timer on `incident` (stopping any other of theirs first).
    Outcome start(const Incident& incident, std::int64_t now_ms);
    Outcome stop(const Incident& incident, std::int64_t now_ms);
    // A manual entry of minutes() with note(); both are cleared once it is saved.
    Outcome add_manual(const Incident& incident, std::int64_t now_ms);

private:
    Outcome stop_entry(const std::string& entry_id, std::int64_t now_ms);

    Replica& replica_;
    std::string actor_;
    std::string login_;
    std::string minutes_;
    std::string note_;
    View view_;
};

}  // namespace hotline::app
