#include "core/acceptance.hpp"

#include <string>

#include "core/event_types.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

using S = IncidentStatus;

Outcome check_awaits_acceptance(const Incident& incident) {
    if (auto ok = check_editable(incident); !ok) return ok;
    if (awaits_acceptance(incident)) return {};
    return make_error("not_solved", "Only a solved incident's solution can be accepted or rejected (it is " +
                                        std::string(status_label(incident.status)) + ")",
                      {std::string(status_label(incident.status))});
}

}  // namespace

bool awaits_acceptance(const Incident& incident) { return incident.status == S::solved; }

bool may_rate(const Incident& incident) { return incident.status == S::solved || incident.status == S::accepted; }

Result<IncidentPlan> plan_acceptance(const Incident& incident) {
    if (auto ok = check_awaits_acceptance(incident); !ok) return ok.error();
    return IncidentPlan{TransitionStep{S::accepted}};
}

Result<IncidentPlan> plan_rejection(const Incident& incident, std::string_view reason) {
    if (auto ok = check_awaits_acceptance(incident); !ok) return ok.error();
    if (is_blank(reason))
        return make_error("missing_rejection_reason", "Say why the customer rejects the solution");
    return IncidentPlan{EventStep{std::string(kRejectionEventType), std::string(reason)},
                        TransitionStep{S::in_progress}};
}

Result<IncidentPlan> plan_rating(const Incident& incident, std::string_view rating, std::string_view comment) {
    if (auto ok = check_editable(incident); !ok) return ok.error();
    if (!may_rate(incident))
        return make_error("not_rateable", "Only a solved or accepted incident can be rated (it is " +
                                              std::string(status_label(incident.status)) + ")",
                          {std::string(status_label(incident.status))});
    if (rating.empty()) return make_error("missing_rating", "Choose the customer's rating, 1 to 5");
    const auto value = parse_count(rating);
    if (!value || *value < kSatisfactionMin || *value > kSatisfactionMax)
        return make_error("bad_rating", "A rating is a whole number from 1 to 5, not '" + std::string(rating) + "'",
                          {std::string(rating)});
    if (auto ok = check_field_value(field_spec(IncidentField::satisfaction_comment), comment); !ok)
        return ok.error();
    IncidentPlan plan;
    plan.emplace_back(SetStep{IncidentField::satisfaction, std::string(rating)});
    if (comment != incident.value(IncidentField::satisfaction_comment))
        plan.emplace_back(SetStep{IncidentField::satisfaction_comment, std::string(comment)});
    plan.emplace_back(TransitionStep{S::closed});
    return plan;
}

Result<IncidentPlan> plan_close_request(const Incident& incident, std::string_view note) {
    if (auto ok = check_editable(incident); !ok) return ok.error();
    if (auto ok = check_transition(incident, S::closed); !ok) return ok.error();
    return IncidentPlan{EventStep{std::string(kCloseRequestEventType), std::string(note)}, TransitionStep{S::closed}};
}

}  // namespace hotline
