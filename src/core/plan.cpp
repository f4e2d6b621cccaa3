#include "core/plan.hpp"

namespace hotline {

PlanStep PlanStep::create(EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields) {
    PlanStep s;
    s.type = OpType::create;
    s.kind = kind;
    s.fields = std::move(fields);
    return s;
}

PlanStep PlanStep::set(EntityKind kind, std::string id, FieldId field, std::string value) {
    PlanStep s;
    s.kind = kind;
    s.id = std::move(id);
    s.field = field;
    s.text = std::move(value);
    return s;
}

PlanStep PlanStep::event(std::string incident_id, std::string event_type, std::string text) {
    PlanStep s;
    s.type = OpType::add_event;
    s.id = std::move(incident_id);
    s.event_type = std::move(event_type);
    s.text = std::move(text);
    return s;
}

PlanStep PlanStep::transition(std::string incident_id, IncidentStatus to) {
    PlanStep s;
    s.type = OpType::transition;
    s.id = std::move(incident_id);
    s.to = to;
    return s;
}

Operation PlanStep::mint(OpFactory& f, const std::string& actor, std::int64_t now_ms) const {
    switch (type) {
        case OpType::create: return f.create(actor, now_ms, kind, fields);
        case OpType::set: return f.set_field(actor, now_ms, kind, id, field, text);
        case OpType::add_event: return f.add_event(actor, now_ms, id, event_type, text);
        case OpType::transition: return f.transition(actor, now_ms, id, to);
        case OpType::merge: return f.merge(actor, now_ms, id, text);
        case OpType::renumber: break;  // the server's, never planned by a client
    }
    return f.renumber(actor, now_ms, id, 0);  // refused by Desk::apply (not a final number)
}

}  // namespace hotline
