// This browser's replica: the desk in memory, the op factory that mints its
// operations and the store that keeps both on disk. Every change the user makes
// goes through commit(): mint, apply with Desk::apply (the one place business
// rules decide), append to the log.
//
// A refused operation changes nothing: the desk stays as it was (Desk::apply's
// contract) and the factory is restored to its state before minting, so no
// operation counter, clock tick or incident number is burnt.
//
// Sync (src/sync): every change committed with Write::log also goes to the
// outbox (sync/outbox.hpp) BEFORE the log, and open() re-applies outbox
// operations the desk does not hold (a crash between the two writes), so a
// pending change is never lost and never held twice. The replica is the
// SyncReplica the sync engine drives (sync/sync_replica.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"
#include "core/op_factory.hpp"
#include "core/result.hpp"
#include "store/replica_store.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_replica.hpp"

namespace hotline::app {

class Replica final : public sync::SyncReplica {
public:
    static Result<Replica> open(const std::string& dir, const std::string& fresh_replica_id);

    const Desk& desk() const override { return desk_; }
    const store::LoadReport& load_report() const { return report_; }
    // Metadata owned by the app (settings, markers) and sync ("sync"); persisted by save_meta().
    nlohmann::json& extra() override { return store_.extra(); }

    using Mint = std::function<Operation(OpFactory&)>;
    enum class Write : std::uint8_t {
        log,       // append to the log now (every user action)
        deferred,  // keep in memory until write_snapshot() (seeding many operations at once)
    };
    // Mints, applies and writes one operation; compacts the log when it has grown.
    // If the log cannot be written the change stays in memory and the error is
    // returned; the next snapshot (compaction) writes it.
    // Write::log also appends the operation to the outbox (first), so sync pushes it;
    // deferred commits (seeding local demo data) are never pushed.
    Outcome commit(const Mint& mint, Write write = Write::log);
    // A plan's steps, each an operation of its own committed as above, on incident
    // `incident_id`; the first refusal stops the rest (the incident then shows what was done).
    Outcome commit_plan(const std::string& actor, std::int64_t now_ms, const std::string& incident_id,
                        const IncidentPlan& plan);
    Outcome commit_local(const std::function<Operation(OpFactory&)>& mint) override { return commit(mint, Write::log); }
    // Writes the whole desk as a new snapshot generation (after deferred commits).
    Outcome write_snapshot() override;
    // Persists extra() (settings, markers) with the factory state.
    Outcome save_meta() override;

    // --- For the sync engine (sync/sync_replica.hpp) ---
    const std::string& replica_id() const override { return factory_.replica(); }
    sync::Outbox& outbox() override { return outbox_; }
    // Desk::apply each pulled op; the applied and superseded ones are appended to
    // the log; the clock observes every one.
    Result<std::vector<ApplyResult>> apply_remote(std::span<const Operation> ops) override;
    // Desk::replay_entity, in memory; write_snapshot() makes it durable.
    std::vector<ApplyResult> replay_entity(EntityKind kind, std::string_view id, std::span<const Operation> ops,
                                           std::span<const OpId> dropped) override;
    std::int64_t numbers_remaining() override { return factory_.numbers().remaining(); }
    void add_number_block(NumberBlock block) override { factory_.numbers().add_block(block); }
    void fall_back_clock(std::int64_t physical_ms) override { factory_.clock().fall_back(physical_ms); }
    bool should_compact() const override { return store_.should_compact(); }
    // First sync: the store's staging (ReplicaStore::stage_chunk, adopt_staged).
    Outcome stage_snapshot_chunk(std::size_t k, std::string_view chunk) override;
    Result<std::string> read_staged_chunk(std::size_t k) const override { return store_.read_staged_chunk(k); }
    void discard_staged_snapshot() override { store_.discard_staged(); }
    Outcome adopt_snapshot(std::size_t chunks, Desk::Parts parts) override;
    std::uint64_t snapshot_generation() const override { return store_.generation(); }
    // Drops a self-leased ("numbers": "local") block; "numbers": "server" from then on.
    Outcome use_server_numbers() override;

    // Grows by one for every successful write to the replica directory; the
    // platform makes the directory durable (IDBFS syncfs) whenever it grows.
    std::uint64_t changes_written() const { return changes_written_; }

private:
    Replica(store::ReplicaStore::Opened opened, sync::Outbox outbox);
    Outcome lease_local_numbers();
    Outcome recover_outbox();

    store::ReplicaStore store_;
    sync::Outbox outbox_;
    Desk desk_;
    OpFactory factory_;
    store::LoadReport report_;
    std::uint64_t changes_written_ = 0;
};

}  // namespace hotline::app
