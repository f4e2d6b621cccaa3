// The notification centre (issue 14, S2, S6): what the signed-in user is told about: an
// incident given to them by someone else, and the SLA alerts the server raises
// (core/escalation.hpp) on incidents assigned to them or, for managers and admins, on every
// incident. Everything is read from the desk (the alerts are events, the assignments are in
// the transaction log), so an alert raised while the device was offline shows once its
// event arrives, and nothing is stored but when the user last looked (App keeps that).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/incident_sla.hpp"

namespace hotline::app {

struct Notification {
    enum class Kind : std::uint8_t { assigned, sla_warning, sla_late };
    Kind kind = Kind::assigned;
    std::uint32_t row = 0;      // the incident, in Desk::incidents()
    std::int64_t wall_ms = 0;   // when it happened
    SlaMetric metric = SlaMetric::resolution;  // alerts: the target
    std::int64_t due = 0;                      // alerts: its deadline, UTC seconds
    std::string by;             // assigned: who did it ("u:<login>")
};

class Notifications {
public:
    explicit Notifications(const Desk& desk) : desk_(desk) {}

    void set_viewer(const Principal& who);  // then rebuild()
    void rebuild();                          // every incident
    void row_changed(std::uint32_t row);     // a changed or new incident

    // The newest `limit`, newest first.
    std::vector<Notification> newest(std::size_t limit) const;
    // Newer than `seen_ms`; the top bar asks every frame, so the count is kept until the
    // notifications or `seen_ms` change.
    std::size_t unread(std::int64_t seen_ms) const;

private:
    void collect(std::uint32_t row, std::vector<Notification>& out) const;
    void assignments(std::uint32_t row, const Incident& incident, std::vector<Notification>& out) const;

    const Desk& desk_;
    std::string login_;
    bool every_incident_ = false;  // managers and admins: every incident's alerts
    std::unordered_map<std::uint32_t, std::vector<Notification>> by_row_;
    mutable std::optional<std::pair<std::int64_t, std::size_t>> unread_;  // (seen_ms, count)
};

}  // namespace hotline::app
