// The client side of the sync protocol (docs/sync-protocol.md): a state machine
// driven by tick(now_ms) and by transport callbacks.
//
// A fresh replica's first sync fetches a snapshot instead of pulling the whole log
// (first_sync.hpp), in place of the first cycle's pull stage; pulls continue from its seq.
//
// One cycle: push the unanswered outbox operations (batches of <= 5,000; with
// want_numbers when fewer than 20 numbers are left), rebuild the incidents that
// need it, pull pages until `more` is false, then long-poll /wait until the
// server's head moves or a local change is waiting to be pushed.
//
//   push results   applied/superseded/duplicate: answered (leaves the outbox once
//                  the pull cursor has passed its seq); rejected: to the conflict
//                  list, and its incident is rebuilt
//   pulled op      own: answered; already held: skipped; of an incident with
//                  pending operations (or one that no longer applies here): the
//                  incident is rebuilt from /history + its remaining pending ops
//                  (Desk::replay_entity); otherwise Desk::apply + log
//   rebuilt        pending ops the server answered for that no longer apply go to the
//                  conflict list; pending ops it has not seen yet that no longer apply
//                  are pushed all the same (the server judges them) and the incident is
//                  rebuilt again after that push; the replica writes a snapshot (its log
//                  would replay the old order)
//
// Persisted in extra()["sync"] of the replica metadata: cursor, last sync time,
// conflicts and the incidents still to rebuild, so a reload continues where it
// was. The cursor is saved only after every operation before it is applied or
// rebuilt.
//
// Failures: no HTTP answer = offline; an error status or malformed reply = error;
// both retry the cycle from its start after 1 s, 2 s, 4 s ... 60 s (retry_now()
// skips the wait). 401 = signed out: nothing more is sent until set_token().
//
// Re-entrancy: a transport callback only stores its reply (and calls on_wake);
// the engine acts on replies in tick(). tick() ignores calls made from inside
// itself. A callback arriving after the engine is destroyed is harmless.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "protocol/push_messages.hpp"
#include "protocol/read_messages.hpp"
#include "sync/backoff.hpp"
#include "sync/conflicts.hpp"
#include "sync/first_sync.hpp"
#include "sync/sync_replica.hpp"
#include "sync/sync_status.hpp"
#include "sync/transport.hpp"

namespace hotline::sync {

class SyncEngine {
public:
    struct Options {
        std::string token;                        // bearer token of the signed-in user
        std::int64_t wait_timeout_ms = 25000;     // long poll (protocol maximum 30,000)
        std::int64_t request_timeout_ms = 60000;  // no callback by then: counted as offline
        std::size_t push_batch = protocol::kMaxPushBatch;
        std::size_t pull_limit = protocol::kPullDefaultLimit;
        int want_numbers = 100;
        std::int64_t low_numbers = 20;            // ask for more below this
        int max_steps_per_tick = 16;              // with a transport that answers at once
        bool first_sync_snapshot = true;          // false: a fresh replica pulls the log too
    };

    SyncEngine(SyncReplica& replica, Transport& transport, Options options);
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    // Acts on a reply that has arrived and starts the next request when one is due.
    void tick(std::int64_t now_ms);
    // Browser `online` event or a "Retry" button: the next tick tries at once.
    void retry_now();
    // After a (new) login: leaves the signed-out state and syncs.
    void set_token(std::string token);

    const SyncStatus& status() const { return status_; }
    const ConflictList& conflicts() const { return conflicts_; }
    // Re-apply: a NEW operation with the same intent, committed as a local change
    // (refused like any change if it no longer applies; the conflict then stays).
    Outcome reapply_conflict(const OpId& id, std::int64_t now_ms);
    Outcome discard_conflict(const OpId& id);

    // Incidents changed by sync since the last call (pulled, rebuilt), so the
    // list and an open incident can refresh. New incidents are among them.
    std::vector<std::string> take_changed_incidents();
    // True once after a first sync replaced the (empty) desk with a snapshot: every record
    // is new, so the list rebuilds at once instead of incident by incident.
    bool take_desk_replaced() { return std::exchange(desk_replaced_, false); }

    // Called from a transport callback (possibly inside request(), possibly
    // later from the event loop): the platform should call tick() soon. It must
    // not call tick() synchronously from here; tick() would ignore it anyway.
    std::function<void()> on_wake;

    std::int64_t cursor() const { return cursor_; }

private:
    enum class Stage : std::uint8_t { push, rebuild, snapshot, pull, wait };
    enum class Call : std::uint8_t { none, push, history, snapshot, pull, wait };
    struct Mailbox;

    bool start_next(std::int64_t now_ms);  // true when a request was sent
    void send(Call call, const std::string& method, const std::string& path, const std::string& body,
              std::int64_t now_ms);
    void handle(Call call, Result<Reply> reply, std::int64_t now_ms);
    void handle_push(const Reply& reply, std::int64_t now_ms);
    void handle_history(const Reply& reply, std::int64_t now_ms);
    void handle_pull(const Reply& reply, std::int64_t now_ms);
    void handle_wait(const Reply& reply, std::int64_t now_ms);
    void handle_snapshot(const Reply& reply, std::int64_t now_ms);  // sync_engine_first.cpp
    void adopt_snapshot(std::int64_t now_ms);
    void fail(const Error& error, SyncState state, std::int64_t now_ms);
    void succeed();
    void finish_cycle(std::int64_t now_ms);
    void commit_cursor(std::int64_t cursor);
    Outcome persist(bool snapshot);
    void remember();  // the persisted state into extra(), without writing it
    void settle();
    void move_to_conflicts(const Operation& op, Error reason, std::int64_t now_ms, std::set<OpId>& dropped);
    std::vector<const Operation*> unanswered() const;
    void refresh_status();
    void abandon_request();

    SyncReplica& replica_;
    Transport& transport_;
    Options options_;
    std::shared_ptr<Mailbox> mailbox_;

    Stage stage_ = Stage::push;
    Call in_flight_ = Call::none;
    RequestId request_id_ = 0;
    std::int64_t request_started_ms_ = 0;
    bool in_tick_ = false;
    bool signed_out_ = false;
    bool numbers_asked_ = false;      // this cycle
    bool cycle_running_ = false;
    bool snapshot_due_ = false;       // an incident was rebuilt: the log alone is not enough
    Backoff backoff_;

    std::int64_t cursor_ = 0;                     // persisted: every op up to here is held
    std::int64_t applied_through_ = 0;            // persisted: pulled pages applied up to here
    std::optional<std::int64_t> page_cursor_;     // a pulled page's cursor, waiting for rebuilds
    bool page_more_ = false;
    int pages_since_snapshot_ = 0;
    std::int64_t last_sync_ms_ = 0;
    std::map<OpId, std::int64_t> answered_;       // outbox ops the server stored, with their seq
    std::vector<OpId> batch_;                     // ids of the push in flight, in order
    std::set<std::string> rebuild_;               // persisted: incidents to rebuild from /history
    std::string rebuilding_;                      // the incident whose history is in flight
    ConflictList conflicts_;
    std::set<std::string> changed_;
    bool desk_replaced_ = false;
    FirstSync first_;
    SyncStatus status_;
};

}  // namespace hotline::sync
