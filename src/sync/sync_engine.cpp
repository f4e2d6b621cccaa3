#include "sync/sync_engine.hpp"

#include <algorithm>
#include <utility>

#include "protocol/error_reply.hpp"
#include "sync/record_key.hpp"

namespace hotline::sync {

using detail::parse_record_key;
using detail::record_key;

std::string_view sync_state_name(SyncState s) {
    switch (s) {
        case SyncState::offline: return "offline";
        case SyncState::online: return "online";
        case SyncState::signed_out: return "signed_out";
        case SyncState::error: return "error";
    }
    return "offline";
}

// Shared with the transport callbacks: a callback writes here only if its serial
// is still the expected one, so a late, cancelled or timed-out reply is dropped,
// and it stays valid after the engine is gone.
struct SyncEngine::Mailbox {
    std::uint64_t serial = 0;
    std::optional<Result<Reply>> reply;
    std::function<void()> wake;
};

namespace {

const char* kSyncKey = "sync";
constexpr int kPagesPerSnapshot = 16;

}  // namespace

SyncEngine::SyncEngine(SyncReplica& replica, Transport& transport, Options options)
    : replica_(replica),
      transport_(transport),
      options_(std::move(options)),
      mailbox_(std::make_shared<Mailbox>()),
      first_(replica) {
    // Reload what a previous session persisted; anything unreadable starts afresh
    // (at worst: a full pull again, which is idempotent).
    const nlohmann::json& saved = replica_.extra().contains(kSyncKey) ? replica_.extra()[kSyncKey] : nlohmann::json();
    if (saved.is_object()) {
        if (auto c = saved.find("cursor"); c != saved.end() && c->is_number_integer() && c->get<std::int64_t>() >= 0)
            cursor_ = c->get<std::int64_t>();
        if (auto t = saved.find("last_sync_ms"); t != saved.end() && t->is_number_integer())
            last_sync_ms_ = t->get<std::int64_t>();
        if (auto a = saved.find("applied_through"); a != saved.end() && a->is_number_integer())
            applied_through_ = a->get<std::int64_t>();
        if (auto c = saved.find("conflicts"); c != saved.end()) conflicts_ = ConflictList::from_json(*c);
        if (auto r = saved.find("rebuild"); r != saved.end() && r->is_array())
            for (const auto& id : *r)
                if (id.is_string()) rebuild_.insert(id.get<std::string>());
    }
    // Numbers now come from the server's leases, not from a self-leased block.
    if (auto numbers = replica_.use_server_numbers(); !numbers) {
        status_.last_error = numbers.error().message;
        status_.last_error_code = numbers.error().code;
    }
    refresh_status();
}

SyncEngine::~SyncEngine() { abandon_request(); }

void SyncEngine::abandon_request() {
    if (in_flight_ == Call::none) return;
    ++mailbox_->serial;  // whatever arrives for it now is dropped
    mailbox_->reply.reset();
    transport_.cancel(request_id_);
    in_flight_ = Call::none;
}

void SyncEngine::retry_now() {
    backoff_.reset();
    if (in_flight_ == Call::wait) abandon_request();  // the browser came back: do not wait 25 s
    refresh_status();
}

void SyncEngine::set_token(std::string token) {
    options_.token = std::move(token);
    signed_out_ = false;
    backoff_.reset();
    stage_ = Stage::push;
    refresh_status();
}

std::vector<std::string> SyncEngine::take_changed_incidents() {
    std::vector<std::string> out(changed_.begin(), changed_.end());
    changed_.clear();
    return out;
}

std::vector<const Operation*> SyncEngine::unanswered() const {
    std::vector<const Operation*> out;
    for (const auto& op : replica_.outbox().ops())
        if (!answered_.count(op.id)) out.push_back(&op);
    return out;
}

// ---------------------------------------------------------------------------------------
// Driving

void SyncEngine::tick(std::int64_t now_ms) {
    if (in_tick_) return;
    in_tick_ = true;
    for (int step = 0; step < options_.max_steps_per_tick; ++step) {
        if (in_flight_ != Call::none) {
            if (mailbox_->reply) {
                Result<Reply> reply = std::move(*mailbox_->reply);
                mailbox_->reply.reset();
                const Call call = in_flight_;
                in_flight_ = Call::none;
                handle(call, std::move(reply), now_ms);
            } else if (in_flight_ == Call::wait && !unanswered().empty()) {
                abandon_request();  // a local change is waiting: push it now, not after the long poll
                stage_ = Stage::push;
            } else if (now_ms - request_started_ms_ >
                       options_.request_timeout_ms + (in_flight_ == Call::wait ? options_.wait_timeout_ms : 0)) {
                abandon_request();
                fail(make_error("timeout", "The server did not answer in time"), SyncState::offline, now_ms);
            } else {
                break;  // still waiting for the answer
            }
        }
        if (!start_next(now_ms)) break;
        if (in_flight_ == Call::wait) {
            // A long poll answered at once by a synchronous transport is handled next tick,
            // so a tick never spins on /wait.
            break;
        }
    }
    in_tick_ = false;
    refresh_status();
}

bool SyncEngine::start_next(std::int64_t now_ms) {
    if (in_flight_ != Call::none) return true;  // the next snapshot chunk, sent early (handle_snapshot)
    if (signed_out_ || !backoff_.ready(now_ms)) return false;
    if (stage_ == Stage::push) {
        auto pending = unanswered();
        bool want_numbers = !numbers_asked_ && replica_.numbers_remaining() < options_.low_numbers;
        if (!pending.empty() || want_numbers) {
            cycle_running_ = true;
            std::vector<Operation> batch;
            batch_.clear();
            for (std::size_t i = 0; i < pending.size() && i < options_.push_batch; ++i) {
                batch.push_back(*pending[i]);
                batch_.push_back(pending[i]->id);
            }
            int want = want_numbers ? options_.want_numbers : 0;
            if (want_numbers) numbers_asked_ = true;
            send(Call::push, "POST", "/push", protocol::encode_push_request(replica_.replica_id(), batch, want), now_ms);
            return true;
        }
        stage_ = Stage::rebuild;
    }
    if (stage_ == Stage::rebuild) {
        if (!rebuild_.empty()) {
            cycle_running_ = true;
            rebuilding_ = *rebuild_.begin();
            const auto [kind, id] = parse_record_key(rebuilding_);
            std::string path = "/history?entity=" + protocol::url_encode(id);
            if (kind != EntityKind::incident) path += "&kind=" + std::string(entity_kind_name(kind));
            send(Call::history, "GET", path, "", now_ms);
            return true;
        }
        const bool after_page = page_cursor_.has_value();
        if (after_page) commit_cursor(*page_cursor_);
        page_cursor_.reset();
        if (after_page || snapshot_due_) {
            // A long first sync snapshots every few pages, not after each one.
            if (after_page) ++pages_since_snapshot_;
            bool compact = replica_.should_compact() && (!page_more_ || pages_since_snapshot_ >= kPagesPerSnapshot);
            if (snapshot_due_ || compact) pages_since_snapshot_ = 0;
            if (auto saved = persist(snapshot_due_ || compact); !saved) {
                fail(saved.error(), SyncState::error, now_ms);
                return false;
            }
            snapshot_due_ = false;
            settle();
        }
        if (after_page && !page_more_) {
            finish_cycle(now_ms);
            return start_next(now_ms);
        }
        stage_ = Stage::pull;
    }
    if (stage_ == Stage::pull && options_.first_sync_snapshot && first_.wanted(cursor_)) stage_ = Stage::snapshot;
    if (stage_ == Stage::snapshot) {
        if (first_.wanted(cursor_)) {
            cycle_running_ = true;
            send(Call::snapshot, "GET", first_.next_path(), "", now_ms);
            return true;
        }
        stage_ = Stage::pull;  // a local change came first: it is never replaced, pull instead
    }
    if (stage_ == Stage::pull) {
        cycle_running_ = true;
        send(Call::pull, "GET",
             "/pull?cursor=" + std::to_string(cursor_) + "&limit=" + std::to_string(options_.pull_limit), "", now_ms);
        return true;
    }
    // Stage::wait
    if (!unanswered().empty()) {
        stage_ = Stage::push;
        return start_next(now_ms);
    }
    send(Call::wait, "GET",
         "/wait?cursor=" + std::to_string(cursor_) + "&timeout_ms=" + std::to_string(options_.wait_timeout_ms), "",
         now_ms);
    return true;
}

void SyncEngine::send(Call call, const std::string& method, const std::string& path, const std::string& body,
                      std::int64_t now_ms) {
    in_flight_ = call;
    request_started_ms_ = now_ms;
    const std::uint64_t serial = ++mailbox_->serial;
    mailbox_->reply.reset();
    mailbox_->wake = on_wake;
    std::shared_ptr<Mailbox> box = mailbox_;
    // The callback may run inside request() (native transport) or later (browser):
    // either way it only stores the reply.
    request_id_ = transport_.request(method, path, body, options_.token, [box, serial](Result<Reply> reply) {
        if (box->serial != serial || box->reply) return;
        box->reply.emplace(std::move(reply));
        if (box->wake) box->wake();
    });
}

void SyncEngine::handle(Call call, Result<Reply> reply, std::int64_t now_ms) {
    if (!reply) {
        fail(reply.error(), SyncState::offline, now_ms);
        return;
    }
    const Reply& r = *reply;
    if (r.status == 401) {
        signed_out_ = true;
        abandon_request();
        stage_ = Stage::push;
        Error e = protocol::failure_of(r.status, r.body);
        status_.last_error = e.message;
        status_.last_error_code = e.code;
        return;
    }
    if (call == Call::snapshot) {  // its own statuses: 404 (no snapshots), 410 (gone)
        handle_snapshot(r, now_ms);
        return;
    }
    if (call == Call::history && r.status == 404) {
        // No history to rebuild from: the server does not hold the incident (its create
        // was refused), or it is not ours to see any more (a technician unassigned; the
        // server answers both alike). Replaying nothing keeps the incident as it is here.
        handle_history(Reply{200, R"({"ops": []})"}, now_ms);
        return;
    }
    if (r.status != 200) {
        fail(protocol::failure_of(r.status, r.body), SyncState::error, now_ms);
        return;
    }
    switch (call) {
        case Call::push: handle_push(r, now_ms); break;
        case Call::history: handle_history(r, now_ms); break;
        case Call::pull: handle_pull(r, now_ms); break;
        case Call::wait: handle_wait(r, now_ms); break;
        case Call::snapshot:  // handled above
        case Call::none: break;
    }
}

// ---------------------------------------------------------------------------------------
// Replies

void SyncEngine::move_to_conflicts(const Operation& op, Error reason, std::int64_t now_ms, std::set<OpId>& dropped) {
    conflicts_.add({op, std::move(reason), now_ms});
    dropped.insert(op.id);
    answered_.erase(op.id);
}

void SyncEngine::handle_push(const Reply& reply, std::int64_t now_ms) {
    auto decoded = protocol::decode_push_reply(reply.body);
    if (!decoded) {
        fail(decoded.error(), SyncState::error, now_ms);
        return;
    }
    std::map<OpId, const Operation*> sent;
    for (const auto& op : replica_.outbox().ops()) sent.emplace(op.id, &op);
    std::set<OpId> dropped;
    std::size_t answered = 0;
    bool clock_ahead = false;
    for (const protocol::PushResult& r : decoded->results) {
        const Operation* op = nullptr;
        if (r.id) {
            if (std::find(batch_.begin(), batch_.end(), *r.id) == batch_.end()) continue;  // not ours to judge
            auto it = sent.find(*r.id);
            if (it != sent.end()) op = it->second;
        } else if (r.index && *r.index < batch_.size()) {
            auto it = sent.find(batch_[*r.index]);
            if (it != sent.end()) op = it->second;
        }
        if (!op) continue;
        ++answered;
        if (r.status == ApplyKind::rejected) {
            clock_ahead = clock_ahead || r.error.code == kClockAhead;
            rebuild_.insert(record_key(*op));
            move_to_conflicts(*op, r.error, now_ms, dropped);
        } else {
            answered_[op->id] = r.seq;
        }
    }
    if (!batch_.empty() && answered == 0) {
        fail(make_error("bad_reply", "The server's push reply answers none of the operations sent"), SyncState::error,
             now_ms);
        return;
    }
    for (const auto& block : decoded->number_blocks) replica_.add_number_block(block);
    // This laptop's clock ran ahead: without falling back, every later change would be
    // refused the same way until real time caught up with the stamps already issued.
    if (clock_ahead) replica_.fall_back_clock(now_ms);
    // Conflicts (and the incidents to rebuild) are saved before the outbox forgets
    // the refused ops: a crash in between leaves them in both, never in neither.
    if (auto saved = persist(false); !saved) {
        fail(saved.error(), SyncState::error, now_ms);
        return;
    }
    if (auto removed = replica_.outbox().remove(dropped); !removed) {
        fail(removed.error(), SyncState::error, now_ms);
        return;
    }
    settle();
    succeed();
    // Still in the push stage: start_next sends the next batch or moves on.
}

// ---------------------------------------------------------------------------------------
// Bookkeeping

void SyncEngine::finish_cycle(std::int64_t now_ms) {
    last_sync_ms_ = now_ms;
    cycle_running_ = false;
    numbers_asked_ = false;
    stage_ = Stage::wait;
    if (auto saved = persist(false); !saved) {
        status_.last_error = saved.error().message;
        status_.last_error_code = saved.error().code;
    }
}

void SyncEngine::fail(const Error& error, SyncState state, std::int64_t now_ms) {
    status_.state = state;
    status_.last_error = error.message;
    status_.last_error_code = error.code;
    backoff_.fail(now_ms);
    // Start the cycle again: every step is idempotent, and a page whose incidents were
    // not all rebuilt is pulled again (its cursor was not saved).
    stage_ = Stage::push;
    page_cursor_.reset();
    page_more_ = false;
    numbers_asked_ = false;
    cycle_running_ = false;
}

void SyncEngine::succeed() {
    status_.state = SyncState::online;
    status_.last_error.clear();
    status_.last_error_code.clear();
    backoff_.reset();
}

void SyncEngine::commit_cursor(std::int64_t cursor) { cursor_ = std::max(cursor_, cursor); }

// Answered ops leave the outbox once the cursor has passed them: until then a foreign op
// that the server put before them may still arrive, and their incident must be rebuilt.
void SyncEngine::settle() {
    std::set<OpId> settled;
    for (const auto& [id, seq] : answered_)
        if (seq <= cursor_) settled.insert(id);
    if (settled.empty()) return;
    if (auto removed = replica_.outbox().remove(settled); !removed) {
        status_.last_error = removed.error().message;
        status_.last_error_code = removed.error().code;
        return;
    }
    for (const auto& id : settled) answered_.erase(id);
}

Outcome SyncEngine::persist(bool snapshot) {
    remember();
    return snapshot ? replica_.write_snapshot() : replica_.save_meta();
}

void SyncEngine::remember() {
    nlohmann::json rebuild = nlohmann::json::array();
    for (const auto& id : rebuild_) rebuild.push_back(id);
    replica_.extra()[kSyncKey] = {{"cursor", cursor_},
                                  {"applied_through", applied_through_},
                                  {"last_sync_ms", last_sync_ms_},
                                  {"conflicts", conflicts_.to_json()},
                                  {"rebuild", std::move(rebuild)}};
}

void SyncEngine::refresh_status() {
    if (signed_out_) status_.state = SyncState::signed_out;
    status_.syncing = cycle_running_;
    status_.pending = unanswered().size();
    status_.conflicts = conflicts_.items().size();
    status_.last_sync_ms = last_sync_ms_;
    status_.next_retry_ms = backoff_.failures() > 0 ? backoff_.next_ms() : 0;
    first_.report(status_);
}

// ---------------------------------------------------------------------------------------
// Conflict commands

Outcome SyncEngine::reapply_conflict(const OpId& id, std::int64_t now_ms) {
    const Conflict* c = conflicts_.find(id);
    if (!c) return make_error("unknown_conflict", "No conflict with operation " + id.to_string());
    const Operation original = c->op;
    if (auto committed = replica_.commit_local([&](OpFactory& f) { return remint(f, original, now_ms); }); !committed)
        return committed;
    conflicts_.remove(id);
    if (original.entity == EntityKind::incident) changed_.insert(original.entity_id);
    auto saved = persist(false);
    refresh_status();
    return saved;
}

Outcome SyncEngine::discard_conflict(const OpId& id) {
    if (!conflicts_.remove(id)) return make_error("unknown_conflict", "No conflict with operation " + id.to_string());
    auto saved = persist(false);
    refresh_status();
    return saved;
}

}  // namespace hotline::sync
