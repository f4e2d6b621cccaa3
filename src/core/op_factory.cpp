#include "core/op_factory.hpp"

#include <algorithm>

namespace hotline {

OpFactory::OpFactory(std::string replica) : clock_(replica), numbers_(replica) {}

OpFactory::OpFactory(const State& s)
    : clock_(s.replica, s.last_hlc), numbers_(s.replica), last_counter_(s.last_counter) {
    numbers_.restore(s.number_blocks, s.provisional_issued);
}

OpFactory::State OpFactory::state() const {
    return State{clock_.last().replica, last_counter_, clock_.last(), numbers_.blocks(),
                 numbers_.provisional_issued()};
}

Operation OpFactory::next(std::string actor, std::int64_t now_ms, EntityKind entity, std::string entity_id,
                          OpType type) {
    Operation op;
    op.id = OpId{replica(), ++last_counter_};
    op.hlc = clock_.now(now_ms);
    op.actor = std::move(actor);
    op.entity = entity;
    op.entity_id = entity_id.empty() ? op.id.to_string() : std::move(entity_id);
    op.type = type;
    return op;
}

Operation OpFactory::create(std::string actor, std::int64_t now_ms, EntityKind kind,
                            std::vector<std::pair<FieldId, std::string>> fields, std::string key) {
    Operation op = next(std::move(actor), now_ms, kind, std::move(key), OpType::create);
    std::sort(fields.begin(), fields.end());
    op.fields = std::move(fields);
    if (kind_spec(kind).numbered) op.number = numbers_.allocate();
    return op;
}

Operation OpFactory::create_incident(std::string actor, std::int64_t now_ms,
                                     std::vector<std::pair<FieldId, std::string>> fields) {
    return create(std::move(actor), now_ms, EntityKind::incident, std::move(fields));
}

Operation OpFactory::set_field(std::string actor, std::int64_t now_ms, EntityKind kind, const std::string& id,
                               FieldId field, std::string value) {
    Operation op = next(std::move(actor), now_ms, kind, id, OpType::set);
    op.field = field;
    op.text = std::move(value);
    return op;
}

Operation OpFactory::set_field(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                               FieldId field, std::string value) {
    return set_field(std::move(actor), now_ms, EntityKind::incident, incident_id, field, std::move(value));
}

Operation OpFactory::add_event(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                               std::string event_type, std::string text) {
    Operation op = next(std::move(actor), now_ms, EntityKind::incident, incident_id, OpType::add_event);
    op.event_type = std::move(event_type);
    op.text = std::move(text);
    return op;
}

Operation OpFactory::transition(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                                IncidentStatus to) {
    Operation op = next(std::move(actor), now_ms, EntityKind::incident, incident_id, OpType::transition);
    op.to = to;
    return op;
}

Operation OpFactory::define_event_type(std::string actor, std::int64_t now_ms, std::string key,
                                       std::string label) {
    return create(std::move(actor), now_ms, EntityKind::event_type, {{EventTypeField::label, std::move(label)}},
                  std::move(key));
}

Operation OpFactory::renumber(std::string actor, std::int64_t now_ms, const std::string& incident_id,
                              std::int64_t number) {
    Operation op = next(std::move(actor), now_ms, EntityKind::incident, incident_id, OpType::renumber);
    op.number = IncidentNumber{number, {}};
    return op;
}

Operation OpFactory::merge(std::string actor, std::int64_t now_ms, const std::string& incident_id, std::string into) {
    Operation op = next(std::move(actor), now_ms, EntityKind::incident, incident_id, OpType::merge);
    op.text = std::move(into);
    return op;
}

}  // namespace hotline
