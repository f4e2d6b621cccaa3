#include "server/pull.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "core/handover.hpp"
#include "core/ids.hpp"
#include "core/orders.hpp"
#include "core/operation_json.hpp"
#include "protocol/read_messages.hpp"
#include "server/handed_over.hpp"

namespace hotline::server {
namespace {

// Room for a reply's text: stored bodies are spliced in as they are (OpsReplyText).
std::size_t text_size(const std::vector<StoredOp>& ops) {
    std::size_t size = 64;
    for (const StoredOp& op : ops) size += op.body.size() + 32;
    return size;
}

// The record an operation is about. Minted ids are unique across kinds; a kind
// that identifies its records by key is reference data, which everyone sees.
const Entity* record_of(const Desk& desk, const std::string& entity_id) {
    for (EntityKind kind : kAllEntityKinds)
        if (kind_spec(kind).visibility == Visibility::by_incident)
            if (const Entity* e = desk.find(kind, entity_id)) return e;
    return nullptr;
}

// What `who` is sent of a record: what is in their view and, of an incident that was
// theirs until it was archived (W10), its operations, so that a device holding it learns
// it is archived (and stops showing it) and rebuilds it like any other.
bool in_reach(const Principal& who, const TechnicianScope& scope, const Entity& record) {
    return scope.contains(record) || (record.kind == EntityKind::incident && holds_incident(who, record));
}

// Is `stored` in view, or an operation of an incident handed over from `who` that their
// device still holds, up to the one that took it (handed_over.hpp)?
Result<bool> visible(const Principal& who, const Desk& desk, const TechnicianScope& scope, HandedOver& handed_over,
                     const StoredOp& stored) {
    const Entity* record = record_of(desk, stored.entity_id);
    if (record == nullptr || in_reach(who, scope, *record)) return true;
    if (record->kind != EntityKind::incident) return false;
    auto taken = handed_over.taken_at(desk, *record);
    if (!taken) return taken.error();
    return taken->has_value() && stored.seq <= **taken;
}

// An operation that may bring records into a technician's view: an incident
// assigned to them, or one of theirs given another account, contact or unit.
bool widens_view(const Operation& op, const Principal& who) {
    if (assigns_to(op, who)) return true;
    if (op.entity != EntityKind::incident) return false;
    if (op.type == OpType::set) return field_spec(op.entity, op.field).kind == FieldKind::ref;
    return op.type == OpType::create;
}

// The earlier operations (up to `cursor`, which earlier pulls filtered out) of the
// records a replica needs for `incident` and of its orders, in server order: referenced records
// come before what refers to them, as the server applied them.
Result<std::vector<StoredOp>> earlier_history(Database& db, const Desk& desk, const Entity& incident, std::int64_t cursor) {
    std::vector<StoredOp> out;
    std::vector<const Entity*> records = records_needed_by(desk, incident);
    for (const Entity* order : orders_of(desk, incident.id)) records.push_back(order);  // W8: they follow it
    for (const Entity* needed : records) {
        auto ops = db.ops_of_entity(needed->id);
        if (!ops) return ops.error();
        for (StoredOp& op : *ops)
            if (op.seq <= cursor) out.push_back(std::move(op));
    }
    std::sort(out.begin(), out.end(), [](const StoredOp& a, const StoredOp& b) { return a.seq < b.seq; });
    return out;
}

}  // namespace

Result<std::int64_t> query_integer(const std::map<std::string, std::string>& query, const std::string& key,
                                   std::int64_t fallback, std::int64_t max) {
    auto it = query.find(key);
    if (it == query.end()) return fallback;
    std::uint64_t v = 0;
    if (!parse_decimal_u64(it->second, v) || v > static_cast<std::uint64_t>(max))
        return make_error("bad_query", "\"" + key + "\" must be a whole number from 0 to " + std::to_string(max) + ".");
    return static_cast<std::int64_t>(v);
}

ApiResponse pull(ServerDesk& sd, Database& db, const Principal& who, const std::map<std::string, std::string>& query) {
    auto cursor = query_integer(query, "cursor", 0, INT64_MAX);
    if (!cursor) return api_error(400, cursor.error().code, cursor.error().message);
    auto limit = query_integer(query, "limit", protocol::kPullDefaultLimit, protocol::kPullMaxLimit);
    if (!limit) return api_error(400, limit.error().code, limit.error().message);
    if (*limit == 0) return api_error(400, "bad_query", "\"limit\" must be at least 1.");
    // Visibility is judged on the newest state, which may come from another process.
    if (auto caught_up = sd.catch_up(db); !caught_up)
        return api_error(503, "storage_unavailable", caught_up.error().message);

    auto page = db.ops_after(*cursor, static_cast<std::size_t>(*limit));
    if (!page) return api_error(503, "storage_unavailable", page.error().message);
    const std::int64_t next = page->empty() ? *cursor : page->back().seq;
    const bool more = page->size() == static_cast<std::size_t>(*limit);
    auto text = protocol::OpsReplyText::pull(next, more, text_size(*page));
    auto add = [&text](const StoredOp& stored) { text.add(stored.seq, stored.body); };
    std::unordered_set<std::int64_t> sent;
    const TechnicianScope scope(who, sd.desk());
    HandedOver handed_over(db, who, *cursor);
    for (const StoredOp& stored : *page) {
        auto in_view = visible(who, sd.desk(), scope, handed_over, stored);
        if (!in_view) return api_error(503, "storage_unavailable", in_view.error().message);
        if (!*in_view) continue;
        if (who.role == Role::technician) {
            auto op = decode_operation(std::string_view(stored.body));
            const Entity* incident = op ? sd.desk().find(op->entity_id) : nullptr;
            if (incident && widens_view(*op, who)) {
                // Newly in view: send what happened before, which earlier pulls filtered out.
                auto earlier = earlier_history(db, sd.desk(), *incident, *cursor);
                if (!earlier) return api_error(503, "storage_unavailable", earlier.error().message);
                for (const StoredOp& e : *earlier)
                    if (sent.insert(e.seq).second) add(e);
            }
        }
        // Only a technician's page can repeat an operation (earlier history spliced in
        // above); the page itself is in increasing seq order, so others need no set.
        if (who.role != Role::technician || sent.insert(stored.seq).second) add(stored);
    }
    return encoded_reply(std::move(text).finish());
}

ApiResponse history(ServerDesk& sd, Database& db, const Principal& who,
                    const std::map<std::string, std::string>& query) {
    auto it = query.find("entity");
    if (it == query.end() || it->second.empty()) return api_error(400, "bad_query", "\"entity\" is required.");
    auto kind_it = query.find("kind");
    const auto kind = kind_it == query.end() ? std::optional(EntityKind::incident) : kind_by_name(kind_it->second);
    if (!kind) return api_error(400, "bad_query", "\"kind\" must name an entity kind.");
    if (auto caught_up = sd.catch_up(db); !caught_up)
        return api_error(503, "storage_unavailable", caught_up.error().message);
    // "Not yours" and "does not exist" get the same answer, so that the answer does not
    // tell a technician which records exist.
    // A technician reads an incident handed over from them too: their device rebuilds it
    // when it held changes of theirs to it (handed_over.hpp).
    const Entity* record = sd.desk().find(*kind, it->second);
    if (!record || !(in_reach(who, TechnicianScope(who, sd.desk()), *record) ||
                     (record->kind == EntityKind::incident && ever_held(sd.desk(), who, *record))))
        return api_error(404, "no_such_record", "No " + std::string(kind_spec(*kind).name) + " you may see has this id.");
    auto stored = db.ops_of_entity(it->second);
    if (!stored) return api_error(503, "storage_unavailable", stored.error().message);
    if (kind_spec(*kind).ids == IdScheme::keyed)  // keys of different kinds may be equal
        std::erase_if(*stored, [&](const StoredOp& op) {
            auto decoded = decode_operation(std::string_view(op.body));
            return !decoded || decoded->entity != *kind;
        });
    auto text = protocol::OpsReplyText::history(text_size(*stored));
    for (const StoredOp& op : *stored) text.add(op.seq, op.body);
    return encoded_reply(std::move(text).finish());
}

}  // namespace hotline::server
