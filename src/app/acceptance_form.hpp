// The open incident's acceptance and closing (W6): what the agent types while the
// customer answers (the rating, its comment, the reason of a rejection, a note on a
// closing asked for) and the commands that commit what core/acceptance.hpp plans, one
// operation after another. What was typed stays until it is committed or another
// incident is shown; a refusal keeps it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/list_model.hpp"
#include "app/replica.hpp"
#include "core/acceptance.hpp"

namespace hotline::app {

class AcceptanceForm {
public:
    AcceptanceForm(Replica& replica, ListModel& list, std::string actor);

    // Shows `row` (nothing: no incident open); another row starts with an empty form.
    void follow(std::optional<std::uint32_t> row);

    std::string& rating() { return rating_; }  // "1" .. "5", or empty
    const std::string& rating() const { return rating_; }
    std::string& comment() { return comment_; }
    const std::string& comment() const { return comment_; }
    std::string& reason() { return reason_; }
    const std::string& reason() const { return reason_; }
    std::string& note() { return note_; }
    const std::string& note() const { return note_; }
    // "Customer rejects…" was chosen: the form asks for the reason.
    bool rejecting() const { return rejecting_; }
    void set_rejecting(bool on) { rejecting_ = on; }

    Outcome accept(std::int64_t now_ms);
    Outcome reject(std::int64_t now_ms);
    Outcome rate(std::int64_t now_ms);
    Outcome close_on_request(std::int64_t now_ms);

private:
    // Plans on the open incident as it is now, then commits the plan.
    Outcome commit(const std::function<Result<IncidentPlan>(const Incident&)>& plan, std::int64_t now_ms);
    void clear();

    Replica& replica_;
    ListModel& list_;
    std::string actor_;
    std::optional<std::uint32_t> row_;
    std::string rating_, comment_, reason_, note_;
    bool rejecting_ = false;
};

}  // namespace hotline::app
