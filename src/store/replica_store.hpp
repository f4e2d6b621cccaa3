// A replica directory: everything one replica keeps, in a few tens of files at
// most (IDBFS cost grows with the number of files; TOOLCHAIN.md).
//
//   meta              ReplicaMeta, replaced atomically; names the current generation
//   snap-<gen>-<k>    snapshot chunk k of generation gen: desk header, string
//                     table, entity records, string table, desk header (two
//                     copies, so one damaged record cannot lose the chunk)
//   log-<gen>         operations applied since snapshot <gen>, appended one
//                     record per operation
//
// Loading = newest snapshot + replaying its log. Damage never stops a load:
// a corrupt record is skipped and reported, every intact record is kept, a
// torn log tail is cut off so later appends stay readable.
// Compaction writes generation gen+1 (chunks, an empty log), then the meta
// file (the commit point), then deletes generation gen.
//
// In the browser the directory is an IDBFS mount: the caller runs syncfs after
// append()/compact() before telling the user a change is saved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/result.hpp"

namespace hotline::store {

struct LoadReport {
    std::vector<std::string> problems;  // one readable line per thing that was wrong
    std::size_t damaged_records = 0;    // damaged regions skipped, over all files
    std::size_t snapshot_records = 0;   // records of every kind read from the snapshot
    std::size_t log_operations = 0;     // operations replayed from the log
    bool new_replica = false;           // nothing was there: a fresh replica was made

    bool clean() const { return problems.empty(); }
};

class ReplicaStore {
public:
    struct Opened;

    // Opens (creating if needed) the replica in `dir` and loads it.
    // `fresh_replica_id` is used only when the directory holds no metadata.
    static Result<Opened> open(const std::string& dir, const std::string& fresh_replica_id);

    // Persists an operation already applied to the desk (durable on return natively).
    Outcome append(const Operation& op);
    Outcome append(std::span<const Operation> ops);

    // Writes a new snapshot of `desk` and starts an empty log.
    Outcome compact(const Desk& desk, const OpFactory::State& factory);
    // Persists the factory state (after leasing numbers) and `extra`.
    Outcome save_meta(const OpFactory::State& factory);

    nlohmann::json& extra() { return meta_extra_; }
    const std::string& dir() const { return dir_; }
    std::uint64_t generation() const { return generation_; }
    std::size_t log_bytes() const { return log_bytes_; }
    std::size_t log_operations() const { return log_ops_; }
    // Heuristic for callers: compact when the log is this big, so the file
    // rewritten on each change (IDBFS rewrites whole files) stays small.
    bool should_compact() const { return log_bytes_ > kCompactLogBytes; }

    static constexpr std::size_t kRecordsPerChunk = 16384;
    static constexpr std::size_t kCompactLogBytes = 512 * 1024;

private:
    explicit ReplicaStore(std::string dir) : dir_(std::move(dir)) {}
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    Outcome write_meta(std::uint64_t generation, const OpFactory::State& factory);

    std::string dir_;
    std::uint64_t generation_ = 0;
    nlohmann::json meta_extra_ = nlohmann::json::object();
    std::size_t log_bytes_ = 0;
    std::size_t log_ops_ = 0;
};

struct ReplicaStore::Opened {
    ReplicaStore store;
    Desk desk;
    OpFactory::State factory;
    std::vector<Operation> log;  // operations replayed from the log, in order
    LoadReport report;
};

std::string snapshot_chunk_name(std::uint64_t generation, std::size_t chunk);
std::string log_name(std::uint64_t generation);

}  // namespace hotline::store
