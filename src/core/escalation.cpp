#include "core/escalation.hpp"

#include <charconv>

#include "core/event_types.hpp"

namespace hotline {
namespace {

constexpr std::string_view kResponse = "response", kResolution = "resolution";

std::string text_of(SlaMetric metric, std::int64_t due) {
    return std::string(metric == SlaMetric::response ? kResponse : kResolution) + " " + std::to_string(due);
}

}  // namespace

std::optional<EventStep> due_escalation(const SlaPolicies& policies, const Entity& incident, std::int64_t now_s) {
    if (!kind_spec(incident.kind).has_events) return std::nullopt;
    const IncidentSla sla = incident_sla(policies, incident);
    const auto running = sla.running();
    if (!running) return std::nullopt;
    const SlaMoments& m = sla.metric(*running).moments;
    if (!m.late || !m.warning) return std::nullopt;  // paused: no deadline
    const bool late = now_s >= *m.late;
    if (!late && now_s < *m.warning) return std::nullopt;
    const std::string_view type = late ? kSlaLateEventType : kSlaWarningEventType;
    std::string text = text_of(*running, *m.late);
    for (const Event& e : incident.events)
        if (e.text == text && (e.type == type || (!late && e.type == kSlaLateEventType))) return std::nullopt;
    return EventStep{std::string(type), std::move(text)};
}

std::optional<Escalation> read_escalation(const Event& event) {
    Escalation out;
    if (event.type == kSlaLateEventType) out.late = true;
    else if (event.type != kSlaWarningEventType) return std::nullopt;
    const std::size_t space = event.text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view metric = event.text.substr(0, space), due = event.text.substr(space + 1);
    if (metric == kResponse) out.metric = SlaMetric::response;
    else if (metric != kResolution) return std::nullopt;
    const auto [end, error] = std::from_chars(due.data(), due.data() + due.size(), out.due);
    if (error != std::errc() || end != due.data() + due.size()) return std::nullopt;
    return out;
}

}  // namespace hotline
