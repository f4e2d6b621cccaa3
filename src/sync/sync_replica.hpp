// What the sync engine needs from the local replica, as an interface so that
// src/sync does not depend on src/app (app::Replica implements it).
//
// Contract for implementers:
//   - apply_remote: Desk::apply each op in order and append the ones that
//     changed something (applied/superseded) to the store's log, durable on
//     return; the op factory's clock observes them (later local stamps sort after).
//     It does not compact: the engine snapshots between pages when should_compact()
//     (compacting after every page of a first sync would rewrite the desk each time).
//   - replay_entity: Desk::replay_entity in memory only; the engine calls
//     write_snapshot() afterwards, because the log alone would replay the old order.
//   - commit_local: mint + apply + log + outbox, as a user change (re-applying a conflict).
//   - save_meta / write_snapshot persist extra() together with the factory state.
//   - first sync (first_sync.hpp): stage_snapshot_chunk writes a received chunk as a chunk
//     of the store's next generation (ReplicaStore::stage_chunk), durable on return;
//     adopt_snapshot makes the staged chunks the replica's snapshot the way compaction
//     does (the meta file, with extra(), is the commit point), takes `parts` (read from
//     those chunks) as its desk, and has the clock observe the desk's newest stamp.
//   - every successful write counts in changes_written() (the web platform then
//     makes the directory durable in IndexedDB).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/result.hpp"
#include "sync/outbox.hpp"

namespace hotline::sync {

class SyncReplica {
public:
    virtual ~SyncReplica() = default;

    virtual const Desk& desk() const = 0;
    virtual const std::string& replica_id() const = 0;
    virtual Outbox& outbox() = 0;
    virtual nlohmann::json& extra() = 0;

    // An Error when the ops could not be made durable (then the cursor must not move).
    virtual Result<std::vector<ApplyResult>> apply_remote(std::span<const Operation> ops) = 0;
    virtual std::vector<ApplyResult> replay_entity(EntityKind kind, std::string_view id, std::span<const Operation> ops,
                                                     std::span<const OpId> dropped) = 0;
    virtual Outcome commit_local(const std::function<Operation(OpFactory&)>& mint) = 0;

    virtual std::int64_t numbers_remaining() = 0;
    virtual void add_number_block(NumberBlock block) = 0;  // persisted by the next save_meta()
    // Stops self-leased local numbers (a standalone replica's); from now on numbers
    // come from the server only, and a replica without any issues provisional ones.
    virtual Outcome use_server_numbers() = 0;

    // The server refused a stamp as too far ahead of its clock (kClockAhead, hlc.hpp):
    // the op factory's clock falls back to `physical_ms` (HlcClock::fall_back), so later
    // changes are accepted once the physical clock is right. Persisted by the next save_meta().
    virtual void fall_back_clock(std::int64_t physical_ms) = 0;

    virtual Outcome stage_snapshot_chunk(std::size_t k, std::string_view chunk) = 0;
    virtual Result<std::string> read_staged_chunk(std::size_t k) const = 0;
    virtual void discard_staged_snapshot() = 0;
    virtual Outcome adopt_snapshot(std::size_t chunks, Desk::Parts parts) = 0;
    // The store's generation: staged chunks belong to the one after it.
    virtual std::uint64_t snapshot_generation() const = 0;

    virtual Outcome save_meta() = 0;
    virtual Outcome write_snapshot() = 0;
    // The log has grown enough that a snapshot would pay (ReplicaStore::should_compact).
    virtual bool should_compact() const = 0;
};

}  // namespace hotline::sync
