#include "server/handed_over.hpp"

#include <algorithm>

#include "core/handover.hpp"
#include "core/operation_json.hpp"

namespace hotline::server {
namespace {

// Who holds the incident, as its operations leave it (holds_incident without the desk).
struct Holders {
    std::string author;
    struct Value {
        Hlc stamp;
        std::string login;
    };
    Value assignee, engineer;

    void write(Value& v, const Operation& op, std::string_view login) {
        if (v.stamp < op.hlc) v = {op.hlc, std::string(login)};
    }
    void apply(const Operation& op) {
        const auto take = [&](FieldId f, std::string_view value) {
            if (f == IncidentField::assignee) write(assignee, op, value);
            if (f == IncidentField::engineer) write(engineer, op, value);
        };
        if (op.type == OpType::create) {
            author = op.actor;
            for (const auto& [f, v] : op.fields) take(f, v);
        } else if (op.type == OpType::set) {
            take(op.field, op.text);
        }
    }
    bool hold(const Principal& who) const {
        return author == who.actor() || (!who.login.empty() && (assignee.login == who.login || engineer.login == who.login));
    }
};

}  // namespace

Result<std::optional<std::int64_t>> HandedOver::taken_at(const Desk& desk, const Incident& incident) {
    if (cursor_ == 0) return std::optional<std::int64_t>();  // a fresh device holds nothing yet
    if (auto it = known_.find(incident.id); it != known_.end()) return it->second;
    std::optional<std::int64_t> taken;
    if (ever_held(desk, who_, incident)) {
        auto replayed = replay(incident.id);
        if (!replayed) return replayed.error();
        taken = *replayed;
    }
    known_.emplace(incident.id, taken);
    return taken;
}

Result<std::optional<std::int64_t>> HandedOver::replay(const std::string& incident_id) {
    auto ops = db_.ops_of_entity(incident_id);
    if (!ops) return ops.error();
    std::sort(ops->begin(), ops->end(), [](const StoredOp& a, const StoredOp& b) { return a.seq < b.seq; });
    Holders holders;
    std::optional<bool> held_at_cursor;
    for (const StoredOp& stored : *ops) {
        if (stored.seq > cursor_ && !held_at_cursor) {
            held_at_cursor = holders.hold(who_);
            if (!*held_at_cursor) break;  // not on the device: nothing of it to send
        }
        auto op = decode_operation(std::string_view(stored.body));
        if (!op || op->entity != EntityKind::incident) continue;
        holders.apply(*op);
        if (held_at_cursor && !holders.hold(who_)) return std::optional<std::int64_t>(stored.seq);
    }
    return std::optional<std::int64_t>();
}

}  // namespace hotline::server
