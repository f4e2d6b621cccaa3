// W7: closing a solved incident the customer no longer answers about, after a notice.
// The server does it (server/auto_close.hpp), one operation per incident per step,
// each made only while the desk does not show it done.
//
// "No answer from the customer": the customer's silence starts when the incident last
// became Solved, or at the latest event recorded on it after that (a call, an email, a
// note: any contact restarts the count), the server's own closing notices excepted.
// With a policy of N days and a notice M days before:
//   notice  at silence + N - M days, when no notice was given since the silence began:
//           add_event "close_notice", its text the day it closes (UTC, YYYY-MM-DD);
//   close   at silence + N days, and at least M days after that notice: transition to
//           Closed. A notice always comes first, so a server that was down past the
//           deadline still gives the customer their M days.
// A parent with an open child incident (W12, relations.hpp) gets neither until the
// children are closed.
#pragma once

#include <cstdint>
#include <optional>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"

namespace hotline {

inline constexpr std::int64_t kDayMs = 86'400'000;

struct AutoClosePolicy {
    std::int64_t close_after_days = 14;  // 0: never closed automatically
    std::int64_t notice_days = 3;        // the notice comes this many days before (at most close_after_days)

    bool enabled() const { return close_after_days > 0; }
    friend bool operator==(const AutoClosePolicy&, const AutoClosePolicy&) = default;
};

// When the customer's silence began (ms since 1970); nullopt when the incident is not Solved.
std::optional<std::int64_t> customer_silence_start(const Desk& desk, const Incident& incident);

// The one operation due on `incident` at `now_ms`: nullopt when nothing is.
std::optional<IncidentStep> auto_close_step(const Desk& desk, const Incident& incident, const AutoClosePolicy& policy,
                                        std::int64_t now_ms);

}  // namespace hotline
