#include "app/replica.hpp"

#include <algorithm>

namespace hotline::app {
namespace {

// A standalone replica numbers its incidents from a block it leases itself.
constexpr std::int64_t kLocalBlockSize = 999'999;

}  // namespace

Replica::Replica(store::ReplicaStore::Opened opened)
    : store_(std::move(opened.store)),
      desk_(std::move(opened.desk)),
      factory_(opened.factory),
      report_(std::move(opened.report)) {}

Result<Replica> Replica::open(const std::string& dir, const std::string& fresh_replica_id) {
    auto opened = store::ReplicaStore::open(dir, fresh_replica_id);
    if (!opened) return opened.error();
    Replica replica(std::move(opened.value()));
    if (auto leased = replica.lease_local_numbers(); !leased) return leased.error();
    return replica;
}

// R1 "numbers also offline": there is no server yet (the sync issue brings
// server leases, ARCHITECTURE.md "Numbers"), so a replica with no number left
// leases itself a block, starting after the highest number it holds so that a
// replica recovered under a new id (replica_store.hpp) cannot reuse a number.
// Numbers are then final at once and show as soon as an incident is saved.
// The sync issue replaces this with the server's leases; "numbers": "local" in
// the metadata tells it which numbers were never confirmed by a server.
Outcome Replica::lease_local_numbers() {
    if (factory_.numbers().remaining() > 0) return {};
    std::int64_t highest = 0;
    for (const Incident& inc : desk_.incidents()) highest = std::max(highest, inc.number.value);
    factory_.numbers().add_block({highest + 1, highest + kLocalBlockSize});
    store_.extra()["numbers"] = "local";
    return save_meta();
}

Outcome Replica::commit(const Mint& mint, Write write) {
    const OpFactory::State before = factory_.state();
    Operation op = mint(factory_);
    ApplyResult applied = desk_.apply(op);
    if (applied.kind == ApplyKind::rejected) {
        factory_ = OpFactory(before);
        return applied.error;
    }
    if (write == Write::deferred) return {};
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

}  // namespace hotline::app
