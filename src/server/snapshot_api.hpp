// The first sync's endpoints (protocol/snapshot_messages.hpp, docs/sync-protocol.md):
//   GET /snapshot           builds a snapshot of what the caller may see at the desk's
//                           current seq (or gives out a recent one it holds for the same
//                           scope) and answers its manifest
//   GET /snapshot/<id>/<k>  chunk k of a snapshot this server holds for the caller's scope
//
// What a snapshot holds is what a pull from cursor 0 would send, folded: for roles that see
// everything, the whole desk with its seen set; for a technician, the records in their
// scope (TechnicianScope, as pull's visible()) and, as seen, only the operations of those
// records, so that the earlier history of an incident assigned to them later (which pull
// then sends) is applied and not taken for a duplicate. The replica and actor tables are
// the server desk's whole tables: record stamps and histories index into them as they are.
//
// Snapshots are kept in memory (a few, by scope and seq, each for a while after its last
// use) so that the chunks of one are consistent; an id no longer held, or another scope's,
// gets 410 snapshot_gone, and the client starts again. For clients that take gzip, a chunk
// is compressed once, on a worker thread (ApiResponse::background: the io thread keeps
// answering), and kept compressed for the next client of the same snapshot.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/authorization.hpp"
#include "protocol/snapshot_messages.hpp"
#include "server/api_handler.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"
#include "store/snapshot_chunks.hpp"

namespace hotline::server {

class SnapshotCache {
public:
    struct Limits {
        std::size_t snapshots = 4;                   // kept at most
        std::size_t bytes = 512u * 1024 * 1024;      // all of them together (the newest stays)
        std::int64_t idle_ms = 10 * 60 * 1000;       // forgotten this long after the last use
        std::size_t records_per_chunk = store::kRecordsPerChunk;
        // A held snapshot at most this many operations behind the head is given out again
        // (the client pulls the rest): clients signing in one after another share one build
        // and its compressed chunks.
        std::int64_t reuse_ops = 10'000;
    };
    SnapshotCache() = default;
    explicit SnapshotCache(Limits limits) : limits_(limits) {}

    // The caller caught the desk up with storage first.
    ApiResponse manifest(const ServerDesk& sd, Database& db, const Principal& who, std::int64_t now_ms);
    // `path` is "/snapshot/<id>/<k>".
    ApiResponse chunk(const Principal& who, std::string_view path, bool accepts_gzip, std::int64_t now_ms);

private:
    struct Snapshot {
        std::string scope;
        std::int64_t seq = 0;
        protocol::SnapshotManifest manifest;
        std::vector<std::shared_ptr<const std::string>> chunks;
        std::vector<std::shared_ptr<const std::string>> gzipped;  // null until a client took gzip
        std::size_t bytes = 0;
        std::int64_t last_used_ms = 0;
    };
    void forget_stale(std::int64_t now_ms);
    ApiResponse gzipped(const Snapshot& s, std::size_t k);

    Limits limits_;
    std::list<Snapshot> snapshots_;  // most recently used first
};

}  // namespace hotline::server
