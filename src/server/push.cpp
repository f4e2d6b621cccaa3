#include "server/push.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/op_admission.hpp"
#include "protocol/push_messages.hpp"
#include "server/server_writes.hpp"
#include "server/zoneinfo.hpp"

namespace hotline::server {
namespace {

// ---------------------------------------------------------------------------------------
// The request (protocol/push_messages.hpp): its envelope, and each operation decoded or the
// reason it is not.

using protocol::PushRequest;
using protocol::PushResult;

ApiResponse request_refusal(const Error& e) {
    return api_error(e.code == "batch_too_large" ? 413 : 400, e.code, e.message);
}

// ---------------------------------------------------------------------------------------
// The decision, made inside the write transaction.

// Everything one push decides, stored at once or not at all.
struct Decision {
    std::vector<PushResult> results;            // one per operation, in order
    std::vector<NewOp> to_store;                // accepted operations and the server's renumbers
    std::vector<std::size_t> result_of_stored;  // per to_store: the result awaiting its seq, or SIZE_MAX
    std::vector<std::pair<std::size_t, std::size_t>> duplicate_of;  // results index, to_store index
    std::unordered_map<std::string, std::size_t> stored_in_batch;   // op id -> to_store index
    std::unordered_map<std::string, Error> refused;                 // op id -> reason: earlier and new
    std::vector<Rejection> new_rejections;                          // to remember in rejected_ops
};

// What the decision reads from storage besides the desk and the earlier refusals
// (Decision::refused). Read inside the write transaction, like them, so that what another
// process stored a moment ago is seen.
struct Prior {
    std::vector<NumberBlock> blocks;  // leased to the request's replica
    bool bound = false;               // the replica is already the caller's
};

struct Context {
    ServerDesk& sd;
    Database& db;  // reads go through the open transaction (database.hpp)
    WriteTransaction& tx;
    const Principal& who;
    const PushRequest& request;
    const Prior& prior;
    std::int64_t now_ms;
};

// Opens what the decision needs: other processes' operations folded in, whose the replica
// is (false: another user's; a replica nobody holds is bound only by an accepted operation,
// see store_decision), the replica's earlier refusals and numbers.
Result<bool> prepare(ServerDesk& sd, Database& db, WriteTransaction& tx, const Principal& who,
                     const PushRequest& request, Decision& d, Prior& prior) {
    if (auto caught_up = sd.catch_up(tx); !caught_up) return caught_up.error();
    auto owner = tx.replica_owner(request.replica);  // reads only: a refused push binds nothing
    if (!owner) return owner.error();
    if (*owner && **owner != who.login) return false;
    prior.bound = owner->has_value();
    // Only ids of the caller's replica: another replica's ids are neither looked up nor stored.
    std::vector<std::string> ids;
    ids.reserve(request.ops.size());
    for (const auto& op : request.ops)
        if (op && op->id.replica == request.replica) ids.push_back(op->id.to_string());
    auto found = db.find_rejections(ids);  // one query for the batch, not one per operation
    if (!found) return found.error();
    for (Rejection& r : *found) d.refused.emplace(std::move(r.op_id), make_error(std::move(r.code), std::move(r.message)));
    auto blocks = db.number_blocks(request.replica);
    if (!blocks) return blocks.error();
    prior.blocks = std::move(*blocks);
    return true;
}

void refuse(Decision& d, const Operation& op, const std::string& id, Error why, bool remember) {
    if (remember) {
        d.refused.emplace(id, why);
        d.new_rejections.push_back({id, why.code, why.message});
    }
    d.results.push_back({op.id, std::nullopt, ApplyKind::rejected, 0, std::move(why)});
}

void store(Decision& d, const Operation& op, std::optional<std::size_t> result_index) {
    NewOp row = stored_form(op);
    d.stored_in_batch.emplace(row.op_id, d.to_store.size());
    d.to_store.push_back(std::move(row));
    d.result_of_stored.push_back(result_index.value_or(SIZE_MAX));
}

// Already in the log: answered with its sequence number, so the client can tell when
// its pull has passed it.
Outcome answer_duplicate(const Context& c, const Operation& op, const std::string& id, Decision& d) {
    d.results.push_back({op.id, std::nullopt, ApplyKind::duplicate, 0, {}});
    if (auto earlier = d.stored_in_batch.find(id); earlier != d.stored_in_batch.end()) {
        d.duplicate_of.emplace_back(d.results.size() - 1, earlier->second);
        return {};
    }
    auto found = c.db.find_op(id);
    if (!found) return found.error();
    if (*found) d.results.back().seq = (*found)->seq;
    return {};
}

// The server's own rules, before the desk's: the stamp's time, the rules for new operations
// (text values, op_admission.hpp) and the leased number.
// S3: a calendar's zone is one the server's zone files know, or its clock would count in
// UTC for ever.
Outcome check_zone_known(const Operation& op) {
    if (op.entity != EntityKind::calendar) return {};
    const auto written = op.type == OpType::create ? std::find_if(op.fields.begin(), op.fields.end(), [](const auto& f) {
                                                         return f.first == CalendarField::time_zone;
                                                     })
                                                   : op.fields.end();
    std::string_view zone;
    if (written != op.fields.end()) zone = written->second;
    else if (op.type == OpType::set && op.field == CalendarField::time_zone) zone = op.text;
    else return {};
    if (system_zone_rule(zone)) return {};
    return make_error("unknown_time_zone", "The server knows no time zone \"" + std::string(zone) + "\"",
                      {std::string(zone)});
}

Outcome check_server_rules(const Context& c, const Operation& op) {
    if (auto in_time = check_not_ahead(op.hlc, c.now_ms); !in_time) return in_time;
    if (auto admitted = check_new_operation(op, c.sd.desk()); !admitted) return admitted;
    if (auto zone = check_zone_known(op); !zone) return zone;
    if (op.type != OpType::create || !kind_spec(op.entity).numbered || !op.number.is_final()) return {};
    for (const NumberBlock& b : c.prior.blocks)
        if (op.number.value >= b.first && op.number.value <= b.last) return {};
    return make_error("number_not_leased", "Number " + std::to_string(op.number.value) + " was not leased to replica " +
                                               c.request.replica + ".");
}

// One decoded operation, checked in the order a reviewer reads them: nothing about it is
// looked up before its id is the caller's, and nothing is revealed before it is authorized.
// The returned Error is a storage failure; the operation's own answer goes to `d`.
Outcome judge(const Context& c, const Operation& op, Decision& d) {
    const std::string id = op.id.to_string();
    if (op.id.replica != c.request.replica) {
        refuse(d, op, id, make_error("forbidden_replica", "Operation " + id + " belongs to another replica than " +
                                                          c.request.replica + ": a replica pushes its own operations."),
               false);
        return {};
    }
    if (auto earlier = d.refused.find(id); earlier != d.refused.end()) {
        refuse(d, op, id, earlier->second, false);  // the same answer on every retry
        return {};
    }
    const bool stored = c.sd.desk().has_applied(op.id);
    if (auto allowed = authorize_operation(c.who, op, c.sd.desk()); !allowed) {
        refuse(d, op, id, allowed.error(), !stored);  // a stored id keeps its place in the log
        return {};
    }
    if (stored) return answer_duplicate(c, op, id, d);
    if (auto allowed = check_server_rules(c, op); !allowed) {
        refuse(d, op, id, allowed.error(), true);
        return {};
    }
    ApplyResult applied = c.sd.desk().apply(op);
    if (applied.kind == ApplyKind::rejected) {
        refuse(d, op, id, std::move(applied.error), true);
        return {};
    }
    d.results.push_back({op.id, std::nullopt, applied.kind, 0, {}});
    store(d, op, d.results.size() - 1);
    // What the server adds in the same transaction: the final number of an incident made
    // offline after its replica ran out of leased numbers; a calendar's zone rule (S3).
    std::optional<ServerIntent> follow_up;
    if (op.type == OpType::create && kind_spec(op.entity).numbered && !op.number.is_final())
        follow_up = GiveFinalNumber{op.entity_id};
    else if (op.entity == EntityKind::calendar)
        follow_up = FillZoneRule{op.entity_id};
    if (!follow_up) return {};
    auto made = make_server_op(c.sd, c.tx, *follow_up, c.now_ms);
    if (!made) return made.error();
    if (*made) store(d, **made, std::nullopt);
    return {};
}

Outcome decide(const Context& c, Decision& d) {
    d.results.reserve(c.request.ops.size());
    d.to_store.reserve(c.request.ops.size());
    for (std::size_t i = 0; i < c.request.ops.size(); ++i) {
        const Result<Operation>& op = c.request.ops[i];
        if (!op) {
            d.results.push_back({std::nullopt, i, ApplyKind::rejected, 0, op.error()});
            continue;
        }
        if (auto judged = judge(c, *op, d); !judged) return judged;
    }
    return {};
}

// ---------------------------------------------------------------------------------------
// Storing and replying.

struct Stored {
    std::vector<std::int64_t> seqs;  // per Decision::to_store
    std::optional<NumberBlock> leased;
};

Result<Stored> store_decision(WriteTransaction& tx, const PushRequest& request, const Principal& who, const Prior& prior,
                              const Decision& d) {
    Stored stored;
    // A replica is bound to its user by its first accepted operation (or POST /replicas):
    // a push of nothing valid must not claim someone else's replica id (issue 9).
    const bool accepted = !d.to_store.empty();
    if (!prior.bound && accepted)
        if (auto bound = tx.bind_replica(request.replica, who.login); !bound) return bound.error();
    auto seqs = tx.append_ops(d.to_store);
    if (!seqs) return seqs.error();
    stored.seqs = std::move(*seqs);
    // Rejections are remembered only under ids of a replica the caller holds, or the
    // squatter could block the future ids of a replica nobody holds yet.
    if (!d.new_rejections.empty() && (prior.bound || accepted))
        if (auto added = tx.add_rejections(d.new_rejections); !added) return added.error();
    if (request.want_numbers > 0) {
        auto block = tx.lease_numbers(request.replica, request.want_numbers);
        if (!block) return block.error();
        stored.leased = *block;
    }
    if (auto committed = tx.commit(); !committed) return committed.error();
    return stored;
}

void give_seqs(Decision& d, const std::vector<std::int64_t>& seqs) {
    for (std::size_t k = 0; k < seqs.size(); ++k)
        if (d.result_of_stored[k] != SIZE_MAX) d.results[d.result_of_stored[k]].seq = seqs[k];
    for (const auto& [result_index, stored_index] : d.duplicate_of) d.results[result_index].seq = seqs[stored_index];
}

ApiResponse reply(const ServerDesk& sd, std::vector<PushResult> results, const std::optional<NumberBlock>& leased) {
    protocol::PushReply out{std::move(results), {}, sd.seq()};
    if (leased) out.number_blocks.push_back(*leased);
    return encoded_reply(protocol::encode_push_reply(out));
}

ApiResponse unavailable(const Error& e) {
    return api_error(503, "storage_unavailable", "The push was not stored: " + e.message);
}

// A failure after the desk applied operations: roll back first (the transaction's reads
// would fail), then make the desk forget what storage does not hold.
ApiResponse undo(ServerDesk& sd, Database& db, std::unique_ptr<WriteTransaction>& tx, const Error& e) {
    tx.reset();
    sd.discard_unstored(db);
    return unavailable(e);
}

}  // namespace

PushAnswer push(ServerDesk& sd, Database& db, const Principal& who, std::string_view body, std::int64_t now_ms) {
    // `who` is authenticated (SyncService). The steps, in the order a reviewer checks them:
    auto request = protocol::decode_push_request(body);  // the envelope, each operation decoded
    if (!request) return {request_refusal(request.error())};
    auto tx = db.begin_write();
    if (!tx) return {unavailable(tx.error())};
    Decision d;
    Prior prior;
    auto owned = prepare(sd, db, **tx, who, *request, d, prior);  // the replica is the caller's
    if (!owned) return {unavailable(owned.error())};  // the desk holds only stored operations yet
    if (!*owned) return {api_error(403, "forbidden_replica", "Replica " + request->replica + " belongs to another user.")};
    // Per operation: its id is the caller's, authorized, then decided (judge()).
    if (auto decided = decide({sd, db, **tx, who, *request, prior, now_ms}, d); !decided)
        return {undo(sd, db, *tx, decided.error())};
    auto stored = store_decision(**tx, *request, who, prior, d);
    if (!stored) return {undo(sd, db, *tx, stored.error())};
    if (!stored->seqs.empty()) sd.advance(stored->seqs.back());
    give_seqs(d, stored->seqs);  // each stored operation's place in the log, for its result
    std::array<std::size_t, 4> by_kind{};
    for (const PushResult& r : d.results) ++by_kind[static_cast<std::size_t>(r.status)];
    return {reply(sd, std::move(d.results), stored->leased), !d.to_store.empty(), by_kind};
}

}  // namespace hotline::server
