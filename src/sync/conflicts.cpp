#include "sync/conflicts.hpp"

#include <algorithm>

#include "core/op_factory.hpp"
#include "core/operation_json.hpp"

namespace hotline::sync {

const Conflict* ConflictList::find(const OpId& id) const {
    for (const auto& c : items_)
        if (c.op.id == id) return &c;
    return nullptr;
}

void ConflictList::add(Conflict conflict) {
    for (auto& c : items_)
        if (c.op.id == conflict.op.id) {
            c.reason = std::move(conflict.reason);
            return;
        }
    items_.push_back(std::move(conflict));
}

bool ConflictList::remove(const OpId& id) {
    auto it = std::find_if(items_.begin(), items_.end(), [&](const Conflict& c) { return c.op.id == id; });
    if (it == items_.end()) return false;
    items_.erase(it);
    return true;
}

nlohmann::json ConflictList::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : items_)
        list.push_back({{"op", operation_to_json(c.op)},
                        {"code", c.reason.code},
                        {"message", c.reason.message},
                        {"at", c.at_ms}});
    return list;
}

ConflictList ConflictList::from_json(const nlohmann::json& j) {
    ConflictList out;
    if (!j.is_array()) return out;
    for (const auto& e : j) {
        if (!e.is_object()) continue;
        auto op = e.find("op");
        auto code = e.find("code");
        auto message = e.find("message");
        auto at = e.find("at");
        if (op == e.end() || code == e.end() || message == e.end() || at == e.end()) continue;
        if (!code->is_string() || !message->is_string() || !at->is_number_integer()) continue;
        auto decoded = decode_operation(*op);
        if (!decoded) continue;
        out.add({std::move(decoded.value()), make_error(code->get<std::string>(), message->get<std::string>()),
                 at->get<std::int64_t>()});
    }
    return out;
}

Operation remint(OpFactory& factory, const Operation& op, std::int64_t now_ms) {
    switch (op.type) {
        case OpType::create: {
            // A minted kind becomes a new record (new id, new number); a keyed one keeps its key.
            const bool keyed = kind_spec(op.entity).ids == IdScheme::keyed;
            return factory.create(op.actor, now_ms, op.entity, op.fields, keyed ? op.entity_id : std::string());
        }
        case OpType::set: return factory.set_field(op.actor, now_ms, op.entity, op.entity_id, op.field, op.text);
        case OpType::add_event: return factory.add_event(op.actor, now_ms, op.entity_id, op.event_type, op.text);
        case OpType::transition: return factory.transition(op.actor, now_ms, op.entity_id, op.to);
        case OpType::renumber: return factory.renumber(op.actor, now_ms, op.entity_id, op.number.value);
        case OpType::merge: return factory.merge(op.actor, now_ms, op.entity_id, op.text);
    }
    return factory.set_field(op.actor, now_ms, op.entity, op.entity_id, op.field, op.text);
}

}  // namespace hotline::sync
