#include "server/push.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/ids.hpp"
#include "core/operation_json.hpp"
#include "server/json_text.hpp"
#include "server/request_body.hpp"

namespace hotline::server {
namespace {

// One entry of the reply's "results". Kept as plain values and serialized once the
// batch's sequence numbers are known: a DOM of 1,000 small objects cost more to build,
// dump and free than storing the batch.
struct OpResult {
    enum class Kind { applied, superseded, duplicate, rejected };
    Kind kind = Kind::rejected;
    std::size_t index = 0;  // rejected before it had an id: its position in "ops"
    std::string id;         // empty: identified by index
    std::int64_t seq = 0;   // 0: none to report (seqs start at 1)
    std::string code, message;
};

OpResult rejected_at(std::size_t index, const Error& e) {
    return {OpResult::Kind::rejected, index, {}, 0, e.code, e.message};
}
OpResult rejected_op(std::string id, const Error& e) {
    return {OpResult::Kind::rejected, 0, std::move(id), 0, e.code, e.message};
}

// Keys in the order nlohmann's dump() wrote them (sorted), so the reply is unchanged.
void append_result(std::string& out, const OpResult& r) {
    using json_text::append_int;
    using json_text::append_string;
    if (r.kind == OpResult::Kind::rejected) {
        out += "{\"code\":";
        append_string(out, r.code);
        if (r.id.empty()) {
            out += ",\"index\":";
            append_int(out, static_cast<std::int64_t>(r.index));
        } else {
            out += ",\"id\":";
            append_string(out, r.id);
        }
        out += ",\"message\":";
        append_string(out, r.message);
        out += ",\"status\":\"rejected\"}";
        return;
    }
    out += "{\"id\":";
    append_string(out, r.id);
    if (r.seq > 0) {
        out += ",\"seq\":";
        append_int(out, r.seq);
    }
    out += r.kind == OpResult::Kind::applied      ? ",\"status\":\"applied\"}"
           : r.kind == OpResult::Kind::superseded ? ",\"status\":\"superseded\"}"
                                                   : ",\"status\":\"duplicate\"}";
}

bool in_blocks(const std::vector<NumberBlock>& blocks, std::int64_t n) {
    return std::any_of(blocks.begin(), blocks.end(), [n](const NumberBlock& b) { return n >= b.first && n <= b.last; });
}

// What the batch needs to know before the write transaction starts: the reasons
// given earlier for ids that were refused (a retried push repeats them) and the
// replica's leased numbers.
struct Prior {
    std::unordered_map<std::string, Rejection> rejections;
    std::vector<NumberBlock> blocks;
};

Result<Prior> read_prior(Database& db, const std::string& replica, const std::vector<Result<Operation>>& ops) {
    Prior prior;
    std::vector<std::string> ids;
    ids.reserve(ops.size());
    for (const auto& op : ops)
        if (op) ids.push_back(op->id.to_string());
    auto found = db.find_rejections(ids);  // one query for the batch, not one per operation
    if (!found) return found.error();
    for (Rejection& r : *found) {
        std::string id = r.op_id;
        prior.rejections.emplace(std::move(id), std::move(r));
    }
    auto blocks = db.number_blocks(replica);
    if (!blocks) return blocks.error();
    prior.blocks = std::move(*blocks);
    return prior;
}

// The checks that come before Desk::apply: envelope replica, earlier refusal,
// role, leased number.
Outcome admit(const ServerDesk& sd, const Principal& who, const std::string& replica, const Prior& prior,
              const Operation& op) {
    if (op.id.replica != replica)
        return make_error("forbidden_replica", "Operation " + op.id.to_string() + " belongs to another replica than " +
                                                   replica + ": a replica pushes its own operations.");
    if (auto it = prior.rejections.find(op.id.to_string()); it != prior.rejections.end())
        return Error{it->second.code, it->second.message};
    if (auto allowed = authorize_operation(who, op, sd.desk()); !allowed) return allowed;
    if (op.type == OpType::create && op.entity == EntityKind::incident && op.number.is_final() &&
        !in_blocks(prior.blocks, op.number.value))
        return make_error("number_not_leased", "Number " + std::to_string(op.number.value) +
                                                   " was not leased to replica " + replica + ".");
    return {};
}

ApiResponse storage_failure(ServerDesk& sd, Database& db, const Error& e) {
    // The desk may hold operations the failed transaction did not store: fold it again.
    if (auto reloaded = ServerDesk::load(db)) sd = std::move(*reloaded);
    return api_error(503, "storage_unavailable", "The push was not stored: " + e.message);
}

}  // namespace

PushResult push(ServerDesk& sd, Database& db, const Principal& who, std::string_view body, std::int64_t now_ms) {
    auto request = parse_object(body, {"replica", "ops", "want_numbers"});
    if (!request) return {api_error(400, request.error().code, request.error().message)};
    auto replica = string_member(*request, "replica");
    if (!replica) return {api_error(400, replica.error().code, replica.error().message)};
    if (!is_valid_replica_id(*replica) || *replica == kServerReplica)
        return {api_error(400, "bad_replica", "\"replica\" must be 1-16 characters of a-z and 0-9, not \"server\".")};
    auto want = integer_member(*request, "want_numbers", 0, 0, kMaxNumbersPerLease);
    if (!want) return {api_error(400, want.error().code, want.error().message)};
    auto ops_it = request->find("ops");
    if (ops_it == request->end() || !ops_it->is_array())
        return {api_error(400, "bad_type", "\"ops\" must be an array of operations.")};
    if (ops_it->size() > kPushMaxOps)
        return {api_error(413, "batch_too_large", "At most " + std::to_string(kPushMaxOps) + " operations per push.")};

    std::vector<Result<Operation>> decoded;
    decoded.reserve(ops_it->size());
    for (const auto& element : *ops_it)
        decoded.push_back(element.is_object() ? decode_operation(element)
                                              : Result<Operation>(make_error("bad_type", "An operation must be a JSON object.")));
    // The request's DOM (tens of thousands of small nodes) is not needed past decoding:
    // freeing it now lets encoding and storing reuse that memory instead of growing and
    // fragmenting the heap next to the long-lived desk.
    *request = nlohmann::json();
    auto prior = read_prior(db, *replica, decoded);
    if (!prior) return {storage_failure(sd, db, prior.error())};

    auto tx = db.begin_write();
    if (!tx) return {storage_failure(sd, db, tx.error())};
    if (auto caught_up = sd.catch_up(**tx); !caught_up) return {storage_failure(sd, db, caught_up.error())};
    auto owner = (*tx)->bind_replica(*replica, who.login);
    if (!owner) return {storage_failure(sd, db, owner.error())};
    if (*owner != who.login)
        return {api_error(403, "forbidden_replica", "Replica " + *replica + " belongs to another user.")};

    std::vector<OpResult> results;
    results.reserve(decoded.size());
    std::vector<NewOp> to_store;
    to_store.reserve(decoded.size());
    std::vector<std::size_t> result_of_stored;  // results[] index waiting for each stored op's seq
    std::vector<Rejection> rejections;
    std::unordered_map<std::string, std::size_t> stored_in_batch;      // op id -> to_store index
    std::vector<std::pair<std::size_t, std::size_t>> duplicate_of;     // results index, to_store index
    auto store = [&](const Operation& op, std::optional<std::size_t> result_index) {
        std::string id = op.id.to_string();
        stored_in_batch.emplace(id, to_store.size());
        to_store.push_back({std::move(id), op.entity_id, op.actor, encode_operation(op)});
        result_of_stored.push_back(result_index.value_or(SIZE_MAX));
    };

    for (std::size_t i = 0; i < decoded.size(); ++i) {
        if (!decoded[i]) {
            results.push_back(rejected_at(i, decoded[i].error()));
            continue;
        }
        const Operation& op = *decoded[i];
        const std::string id = op.id.to_string();
        if (sd.desk().has_applied(op.id)) {
            // Already in the log: answer with its sequence number, so the client can
            // tell when its pull has passed it.
            results.push_back({OpResult::Kind::duplicate, 0, id, 0, {}, {}});
            if (auto earlier = stored_in_batch.find(id); earlier != stored_in_batch.end()) {
                duplicate_of.emplace_back(results.size() - 1, earlier->second);
            } else {
                auto found = db.find_op(id);  // through the open transaction (database.hpp)
                if (!found) return {storage_failure(sd, db, found.error())};
                if (*found) results.back().seq = (*found)->seq;
            }
            continue;
        }
        Outcome admitted = admit(sd, who, *replica, *prior, op);
        ApplyResult applied = admitted ? sd.desk().apply(op) : ApplyResult{ApplyKind::rejected, admitted.error()};
        if (applied.kind == ApplyKind::rejected) {
            if (!prior->rejections.contains(id)) rejections.push_back({id, applied.error.code, applied.error.message});
            results.push_back(rejected_op(id, applied.error));
            continue;
        }
        results.push_back({applied.kind == ApplyKind::superseded ? OpResult::Kind::superseded : OpResult::Kind::applied,
                           0, id, 0, {}, {}});
        store(op, results.size() - 1);
        if (op.type == OpType::create && op.entity == EntityKind::incident && !op.number.is_final()) {
            // Offline creation ran out of leased numbers: give the next free one now.
            auto number = (*tx)->next_number();
            if (!number) return {storage_failure(sd, db, number.error())};
            Operation renumber = sd.mint_renumber(op.entity_id, *number, now_ms);
            sd.desk().apply(renumber);
            store(renumber, std::nullopt);
        }
    }

    auto seqs = (*tx)->append_ops(to_store);
    if (!seqs) return {storage_failure(sd, db, seqs.error())};
    if (!rejections.empty())
        if (auto added = (*tx)->add_rejections(rejections); !added) return {storage_failure(sd, db, added.error())};
    std::optional<NumberBlock> leased;
    if (*want > 0) {
        auto block = (*tx)->lease_numbers(*replica, *want);
        if (!block) return {storage_failure(sd, db, block.error())};
        leased = *block;
    }
    if (auto committed = (*tx)->commit(); !committed) return {storage_failure(sd, db, committed.error())};

    for (std::size_t k = 0; k < seqs->size(); ++k) {
        if (result_of_stored[k] != SIZE_MAX) results[result_of_stored[k]].seq = (*seqs)[k];
        sd.advance((*seqs)[k]);
    }
    for (const auto& [result_index, stored_index] : duplicate_of) results[result_index].seq = (*seqs)[stored_index];

    // {"head":..,"number_blocks":[..],"results":[..]}: keys sorted, as dump() wrote them.
    std::string out;
    out.reserve(64 + results.size() * 64);
    out += "{\"head\":";
    json_text::append_int(out, sd.seq());
    out += ",\"number_blocks\":[";
    if (leased) {
        out += "{\"first\":";
        json_text::append_int(out, leased->first);
        out += ",\"last\":";
        json_text::append_int(out, leased->last);
        out += '}';
    }
    out += "],\"results\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (i > 0) out += ',';
        append_result(out, results[i]);
    }
    out += "]}";
    ApiResponse response;
    response.raw_json = std::move(out);
    return {std::move(response), !to_store.empty()};
}

}  // namespace hotline::server
