// The open incident's assignment (W2, W3): the department and person chosen in the
// pickers, the reason typed for a hand-over, and the command that commits what
// core/assignment.hpp plans, one operation after another. The form follows the
// incident shown: it starts from its assignment, and keeps what the user chose until
// it is committed or another incident is shown. With it, the resolution deadline set by
// hand (S2, core/resolution_deadline.hpp), typed as a date and time in the user's zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/list_model.hpp"
#include "app/local_zone.hpp"
#include "app/replica.hpp"
#include "core/assignment.hpp"

namespace hotline::app {

class AssignmentForm {
public:
    AssignmentForm(Replica& replica, ListModel& list, std::string actor, LocalZone zone);

    // Shows `row` (nothing: no incident open); a new row, or the same one whose
    // assignment changed while the form held no choice of its own, starts over.
    void follow(std::optional<std::uint32_t> row);

    Assignment& choice() { return choice_; }
    const Assignment& choice() const { return choice_; }
    std::string& reason() { return reason_; }
    const std::string& reason() const { return reason_; }
    // S5: the queue chosen for "Add to queue" (the incident's own to start with).
    std::string& queue() { return queue_; }
    const std::string& queue() const { return queue_; }
    // "YYYY-MM-DD HH:MM": the incident's deadline to start with, empty when it has none.
    std::string& deadline() { return deadline_; }
    const std::string& deadline() const { return deadline_; }
    // Choosing a person with a department fills the department when none is chosen.
    void choose_assignee(std::string login);
    bool is_hand_over() const;  // the open incident is held by someone: a reason is asked

    Outcome assign(std::int64_t now_ms);
    // The signed-in user takes the incident, in their own department when none is chosen.
    Outcome assign_to_me(std::int64_t now_ms);
    // Sets the deadline typed (invalid_deadline when it is not a date and time), or clears it.
    Outcome set_deadline(std::int64_t now_ms);
    Outcome clear_deadline(std::int64_t now_ms);
    const std::string& login() const { return login_; }

private:
    void load();
    Outcome commit_deadline(std::optional<std::int64_t> deadline_ms, std::int64_t now_ms);
    // Plans a change of the open incident (plan_for(incident) -> Result<IncidentPlan>) and
    // commits it as the signed-in user.
    template <class PlanFor>
    Outcome commit(std::int64_t now_ms, PlanFor plan_for);

    Replica& replica_;
    ListModel& list_;
    std::string actor_;
    std::string login_;
    std::optional<std::uint32_t> row_;
    Assignment held_;  // the incident's assignment when the form last loaded it
    Assignment choice_;
    std::string reason_;
    std::string queue_;
    std::string deadline_;
    LocalZone zone_;
};

}  // namespace hotline::app
