// A replica directory: everything one replica keeps, in a few tens of files at
// most (IDBFS cost grows with the number of files; TOOLCHAIN.md).
//
//   meta              ReplicaMeta, replaced atomically; names the current generation
//   snap-<gen>-<k>    snapshot chunk k of generation gen: desk header, string
//                     table, entity records, string table, desk header (two
//                     copies, so one damaged record cannot lose the chunk)
//   log-<gen>         operations applied since snapshot <gen>, appended one
//                     record per operation
//   staged-<gen>      empty: the chunks of generation gen are a snapshot being received
//
// Loading = newest snapshot + replaying its log. Damage never stops a load:
// a corrupt record is skipped and reported, every intact record is kept, a
// torn log tail is cut off so later appends stay readable.
// Compaction writes generation gen+1 (chunks, an empty log), then the meta
// file (the commit point), then deletes generation gen. A first sync stages the
// chunks the server sent as generation gen+1 and commits them the same way.
// Chunks are encoded and read by snapshot_chunks.hpp.
//
// In the browser the directory is an IDBFS mount: the caller runs syncfs after
// append()/compact() before telling the user a change is saved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/result.hpp"
#include "store/snapshot_chunks.hpp"

namespace hotline::store {

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
    // A snapshot received from the server (first sync, sync/first_sync.hpp) is staged as the
    // chunks of the next generation, one by one, with a marker file "staged-<gen>": open()
    // keeps staged chunks (not an interrupted compaction's), so a reload resumes; a
    // compaction would overwrite them. adopt_staged() makes the `chunks` staged
    // chunks the current generation the way compaction does (an empty log, then the meta
    // file: the commit point); the caller has read them (SnapshotReader) and holds the desk.
    Outcome stage_chunk(std::size_t k, std::string_view chunk);
    Result<std::string> read_staged_chunk(std::size_t k) const;
    void discard_staged();
    Outcome adopt_staged(std::size_t chunks, const OpFactory::State& factory) {
        return commit_next_generation(chunks, factory);
    }
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

    static constexpr std::size_t kCompactLogBytes = 512 * 1024;

private:
    explicit ReplicaStore(std::string dir) : dir_(std::move(dir)) {}
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    Outcome write_meta(std::uint64_t generation, const OpFactory::State& factory);
    Outcome commit_next_generation(std::size_t chunks, const OpFactory::State& factory);

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
