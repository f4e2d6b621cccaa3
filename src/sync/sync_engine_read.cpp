// SyncEngine's reading side (sync_engine.hpp): replies of /history (an incident rebuilt
// from the server's order and its pending operations), /pull (a page applied or queued for
// rebuilding) and /wait (the head moved).
#include <algorithm>

#include "sync/record_key.hpp"
#include "sync/sync_engine.hpp"

namespace hotline::sync {

using detail::parse_record_key;
using detail::record_key;

void SyncEngine::handle_history(const Reply& reply, std::int64_t now_ms) {
    auto decoded = protocol::decode_history_reply(reply.body);
    if (!decoded) {
        fail(decoded.error(), SyncState::error, now_ms);
        return;
    }
    const std::string key = rebuilding_;
    // Not a structured binding: clang 14 (Emscripten) cannot capture one in a lambda.
    const auto record = parse_record_key(key);
    const EntityKind kind = record.first;
    const std::string& id = record.second;
    auto about_it = [&](const Operation& op) { return op.entity == kind && op.entity_id == id; };
    std::vector<Operation> order;
    std::set<OpId> in_history;
    // Replay only what lies within what this replica has pulled and applied: a later
    // operation may depend on another entity not pulled yet (an event type defined after
    // it) and would be refused here; it arrives with a later pull, in order.
    const std::int64_t pulled_up_to = std::max(cursor_, applied_through_);
    for (auto& s : decoded->ops) {
        if (replica_.outbox().contains(s.op.id)) answered_[s.op.id] = s.seq;  // its push reply was lost
        if (s.seq > pulled_up_to || !about_it(s.op)) continue;
        in_history.insert(s.op.id);
        order.push_back(std::move(s.op));
    }
    const std::size_t server_part = order.size();
    for (const auto& op : replica_.outbox().ops())
        if (about_it(op) && !in_history.count(op.id)) order.push_back(op);
    // Ops of this record the server refused are no longer part of it.
    std::vector<OpId> refused;
    for (const auto& c : conflicts_.items())
        if (about_it(c.op) && !in_history.count(c.op.id)) refused.push_back(c.op.id);
    std::vector<ApplyResult> results = replica_.replay_entity(kind, id, order, refused);
    bool push_first = false;
    for (std::size_t i = 0; i < results.size() && i < order.size(); ++i) {
        if (results[i].kind != ApplyKind::rejected) continue;
        if (i >= server_part && !answered_.count(order[i].id)) {
            // Committed after this cycle's push: the server has not judged it yet. It stays
            // in the outbox and is pushed; the server decides (its state may have moved on
            // again), and the incident is rebuilt once more after the answer. Refusing it
            // here would list a conflict the server never made, for an operation it never saw.
            push_first = true;
        } else if (i >= server_part) {
            // The server accepted it after operations this replica has not pulled yet, so
            // it cannot be judged here: it stays pending, and its incident is rebuilt once
            // a pull brings it (handle_pull sees it is not in the desk).
            continue;
        } else {
            // The server stored it, yet it does not apply here: say so, keep going.
            status_.last_error = "Operation " + order[i].id.to_string() + " from the server does not apply here: " +
                                 results[i].error.message;
            status_.last_error_code = results[i].error.code;
        }
    }
    if (push_first) {
        stage_ = Stage::push;  // the rebuild stage comes again after the push
    } else {
        rebuild_.erase(key);
    }
    rebuilding_.clear();
    if (kind == EntityKind::incident) changed_.insert(id);
    snapshot_due_ = true;
    const std::string warning = status_.last_error;
    succeed();
    if (!warning.empty() && status_.last_error.empty()) status_.last_error = warning;
}

void SyncEngine::handle_pull(const Reply& reply, std::int64_t now_ms) {
    auto decoded = protocol::decode_pull_reply(reply.body);
    if (!decoded) {
        fail(decoded.error(), SyncState::error, now_ms);
        return;
    }
    if (decoded->cursor < cursor_) {
        fail(make_error("bad_reply", "The server's pull cursor went backwards"), SyncState::error, now_ms);
        return;
    }
    std::vector<Operation> direct;
    for (auto& s : decoded->ops) {
        const Operation& op = s.op;
        if (replica_.outbox().contains(op.id)) {
            answered_[op.id] = s.seq;  // own op: held already, now known to the server
            // Unless a rebuild could not place it yet (see handle_history): place it now.
            if (!replica_.desk().has_applied(op.id)) rebuild_.insert(record_key(op));
            continue;
        }
        if (replica_.desk().has_applied(op.id)) continue;
        if (rebuild_.count(record_key(op)) || replica_.outbox().touches(op.entity, op.entity_id)) {
            // Interleaves with pending ops: only the server's order is right.
            rebuild_.insert(record_key(op));
            continue;
        }
        direct.push_back(std::move(s.op));
    }
    if (!direct.empty()) {
        auto applied = replica_.apply_remote(direct);
        if (!applied) {
            fail(applied.error(), SyncState::error, now_ms);
            return;
        }
        for (std::size_t i = 0; i < direct.size(); ++i) {
            if (direct[i].entity == EntityKind::incident) changed_.insert(direct[i].entity_id);
            // Accepted by the server but not here: this replica's order differs; rebuild.
            if (i < applied->size() && (*applied)[i].kind == ApplyKind::rejected) rebuild_.insert(record_key(direct[i]));
        }
    }
    page_cursor_ = decoded->cursor;
    page_more_ = decoded->more;
    if (decoded->cursor > applied_through_) {
        // The page's ops are in the desk (and its log) even if this cycle fails before its
        // cursor is committed: a rebuild must replay the server's history that far.
        applied_through_ = decoded->cursor;
        if (auto saved = persist(false); !saved) {
            fail(saved.error(), SyncState::error, now_ms);
            return;
        }
    }
    succeed();
    // The rebuild stage commits the page's cursor once the incidents it touched are rebuilt
    // (at once when there are none), then pulls the next page or ends the cycle.
    stage_ = Stage::rebuild;
}

void SyncEngine::handle_wait(const Reply& reply, std::int64_t now_ms) {
    auto head = protocol::decode_wait_reply(reply.body);
    if (!head) {
        fail(head.error(), SyncState::error, now_ms);
        return;
    }
    succeed();
    if (head->head > cursor_) stage_ = Stage::push;  // something new: a whole cycle (push first)
}

}  // namespace hotline::sync
