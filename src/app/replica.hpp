// This browser's replica: the desk in memory, the op factory that mints its
// operations and the store that keeps both on disk. Every change the user makes
// goes through commit(): mint, apply with Desk::apply (the one place business
// rules decide), append to the log.
//
// A refused operation changes nothing: the desk stays as it was (Desk::apply's
// contract) and the factory is restored to its state before minting, so no
// operation counter, clock tick or incident number is burnt.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/result.hpp"
#include "store/replica_store.hpp"

namespace hotline::app {

class Replica {
public:
    static Result<Replica> open(const std::string& dir, const std::string& fresh_replica_id);

    const Desk& desk() const { return desk_; }
    const store::LoadReport& load_report() const { return report_; }
    // Metadata owned by the app (settings, markers); persisted by save_meta().
    nlohmann::json& extra() { return store_.extra(); }

    using Mint = std::function<Operation(OpFactory&)>;
    enum class Write : std::uint8_t {
        log,       // append to the log now (every user action)
        deferred,  // keep in memory until write_snapshot() (seeding many operations at once)
    };
    // Mints, applies and writes one operation; compacts the log when it has grown.
    // If the log cannot be written the change stays in memory and the error is
    // returned; the next snapshot (compaction) writes it.
    Outcome commit(const Mint& mint, Write write = Write::log);
    // Writes the whole desk as a new snapshot generation (after deferred commits).
    Outcome write_snapshot();
    // Persists extra() (settings, markers) with the factory state.
    Outcome save_meta();

    // Grows by one for every successful write to the replica directory; the
    // platform makes the directory durable (IDBFS syncfs) whenever it grows.
    std::uint64_t changes_written() const { return changes_written_; }

private:
    explicit Replica(store::ReplicaStore::Opened opened);
    Outcome lease_local_numbers();

    store::ReplicaStore store_;
    Desk desk_;
    OpFactory factory_;
    store::LoadReport report_;
    std::uint64_t changes_written_ = 0;
};

}  // namespace hotline::app
