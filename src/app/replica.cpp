#include "app/replica.hpp"

#include <algorithm>

#include "core/op_admission.hpp"

namespace hotline::app {
namespace {

// A standalone replica numbers its incidents from a block it leases itself.
constexpr std::int64_t kLocalBlockSize = 999'999;

// "local", "server" or "" (extra() is the app's, so read it without trusting its types).
std::string numbers_mode(const nlohmann::json& extra) {
    auto it = extra.find("numbers");
    return it != extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Replica::Replica(store::ReplicaStore::Opened opened, sync::Outbox outbox)
    : store_(std::move(opened.store)),
      outbox_(std::move(outbox)),
      desk_(std::move(opened.desk)),
      factory_(opened.factory),
      report_(std::move(opened.report)) {}

Result<Replica> Replica::open(const std::string& dir, const std::string& fresh_replica_id) {
    auto opened = store::ReplicaStore::open(dir, fresh_replica_id);
    if (!opened) return opened.error();
    auto outbox = sync::Outbox::open(dir);
    if (!outbox) return outbox.error();
    for (const auto& problem : outbox->problems()) opened->report.problems.push_back(problem);
    Replica replica(std::move(opened.value()), std::move(outbox.value()));
    if (auto recovered = replica.recover_outbox(); !recovered) return recovered.error();
    if (auto leased = replica.lease_local_numbers(); !leased) return leased.error();
    return replica;
}

// commit() writes the outbox before the log: a crash between the two leaves a
// pending op the desk does not hold. Apply and log it now, and bring the factory
// past its id, number and stamp (the store only knows what its log holds).
Outcome Replica::recover_outbox() {
    std::vector<Operation> missing;
    for (const Operation& op : outbox_.ops()) {
        if (op.id.replica != factory_.replica()) continue;
        OpFactory::State state = factory_.state();
        state.last_counter = std::max(state.last_counter, op.id.counter);
        factory_ = OpFactory(state);
        if (op.entity == EntityKind::incident && op.type == OpType::create) factory_.numbers().mark_used(op.number);
        factory_.clock().observe(op.hlc, 0);
        if (desk_.has_applied(op.id)) continue;
        ApplyResult applied = desk_.apply(op);
        if (applied.kind == ApplyKind::rejected) {
            // Still pushed: the server has the last word (and the conflict list shows it).
            report_.problems.push_back("pending operation " + op.id.to_string() + " no longer applies here: " +
                                       applied.error.message);
            continue;
        }
        missing.push_back(op);
    }
    if (missing.empty()) return {};
    if (auto appended = store_.append(missing); !appended) return appended;
    ++changes_written_;
    return {};
}

// R1 "numbers also offline": without a server (the sync issue brings
// server leases, ARCHITECTURE.md "Numbers"), so a replica with no number left
// leases itself a block, starting after the highest number it holds so that a
// replica recovered under a new id (replica_store.hpp) cannot reuse a number.
// Numbers are then final at once and show as soon as an incident is saved.
// The sync issue replaces this with the server's leases; "numbers": "local" in
// the metadata tells it which numbers were never confirmed by a server.
Outcome Replica::lease_local_numbers() {
    if (factory_.numbers().remaining() > 0) return {};
    if (numbers_mode(store_.extra()) == "server") return {};  // leases come from the server
    std::int64_t highest = 0;
    for (const Incident& inc : desk_.incidents()) highest = std::max(highest, inc.number.value);
    factory_.numbers().add_block({highest + 1, highest + kLocalBlockSize});
    store_.extra()["numbers"] = "local";
    return save_meta();
}

Outcome Replica::commit_plan(const std::string& actor, std::int64_t now_ms, const std::string& incident_id,
                             const IncidentPlan& plan) {
    Outcome done;
    for (const IncidentStep& step : plan) {
        done = commit([&](OpFactory& f) { return step_operation(f, actor, now_ms, incident_id, step); });
        if (!done) break;
    }
    return done;
}

Outcome Replica::commit(const Mint& mint, Write write) {
    const OpFactory::State before = factory_.state();
    Operation op = mint(factory_);
    // A new operation meets today's rules (op_admission.hpp) before the desk's, which stored
    // ones are held to; the server checks the same when it is pushed.
    if (auto admitted = check_new_operation(op, desk_); !admitted) {
        factory_ = OpFactory(before);
        return admitted;
    }
    ApplyResult applied = desk_.apply(op);
    if (applied.kind == ApplyKind::rejected) {
        factory_ = OpFactory(before);
        return applied.error;
    }
    if (write == Write::deferred) return {};
    // Outbox first (see recover_outbox): if it cannot be written, the change is not
    // saved and will not sync: say so now rather than lose it later.
    if (auto queued = outbox_.append(op); !queued) return queued;
    if (auto appended = store_.append(op); !appended) return appended;
    ++changes_written_;
    if (store_.should_compact()) return write_snapshot();
    return {};
}

Outcome Replica::write_snapshot() {
    if (auto compacted = store_.compact(desk_, factory_.state()); !compacted) return compacted;
    ++changes_written_;
    return {};
}

Outcome Replica::save_meta() {
    if (auto saved = store_.save_meta(factory_.state()); !saved) return saved;
    ++changes_written_;
    return {};
}

Result<std::vector<ApplyResult>> Replica::apply_remote(std::span<const Operation> ops) {
    std::vector<ApplyResult> results;
    results.reserve(ops.size());
    std::vector<Operation> accepted;
    for (const Operation& op : ops) {
        results.push_back(desk_.apply(op));
        factory_.clock().observe(op.hlc, 0);
        if (results.back().kind == ApplyKind::applied || results.back().kind == ApplyKind::superseded)
            accepted.push_back(op);
    }
    if (accepted.empty()) return results;
    if (auto appended = store_.append(accepted); !appended) {
        // The desk holds them now; a snapshot is the other way to keep them.
        if (auto snap = write_snapshot(); !snap) return snap.error();
        return results;
    }
    ++changes_written_;
    return results;
}

std::vector<ApplyResult> Replica::replay_entity(EntityKind kind, std::string_view id, std::span<const Operation> ops,
                                                  std::span<const OpId> dropped) {
    std::vector<ApplyResult> results = desk_.replay_entity(kind, id, ops, dropped);
    for (const Operation& op : ops) factory_.clock().observe(op.hlc, 0);
    return results;
}

Outcome Replica::stage_snapshot_chunk(std::size_t k, std::string_view chunk) {
    if (auto staged = store_.stage_chunk(k, chunk); !staged) return staged;
    ++changes_written_;
    return {};
}

Outcome Replica::adopt_snapshot(std::size_t chunks, Desk::Parts parts) {
    // The snapshot replaces the desk: only one with nothing of its own (first_sync.hpp).
    if (!outbox_.empty()) return make_error("not_fresh", "The replica holds changes of its own; it pulls instead.");
    auto desk = Desk::from_parts(std::move(parts));
    if (!desk) return desk.error();
    // Later local stamps sort after everything the snapshot holds, as after a pull.
    OpFactory factory = factory_;
    if (!desk->newest_hlc().replica.empty()) factory.clock().observe(desk->newest_hlc(), 0);
    if (auto adopted = store_.adopt_staged(chunks, factory.state()); !adopted) return adopted;
    factory_ = std::move(factory);
    desk_ = std::move(desk.value());
    ++changes_written_;
    return {};
}

Outcome Replica::use_server_numbers() {
    if (numbers_mode(store_.extra()) == "server") return {};
    if (numbers_mode(store_.extra()) == "local")
        factory_.numbers().restore({}, factory_.numbers().provisional_issued());
    store_.extra()["numbers"] = "server";
    return save_meta();
}

}  // namespace hotline::app
