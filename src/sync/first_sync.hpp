// The first sync of a fresh replica (docs/sync-protocol.md, "First sync"): instead of
// pulling the whole log operation by operation, the replica fetches a snapshot of what
// it may see (GET /snapshot, then its chunks one after another, gzip on the wire), in the
// store's own format, and adopts it as its snapshot; ordinary pulls continue from the
// snapshot's seq. The sync engine drives it in place of its pull stage.
//
//   fresh      only a replica that holds nothing takes this path: no operation applied,
//              none pending, cursor 0. Anything else pulls operations, so nothing typed
//              is ever replaced; a local change made during the download ends it (the
//              staged chunks are dropped) and the engine pulls instead.
//   chunks     each chunk is checked (sizes, checksums, every record decodes, one header
//              for all) and read into desk parts as it arrives, while the next one
//              downloads; then written as a chunk of the store's next generation. A bad
//              chunk is refused (corrupt_chunk) and nothing of it is kept.
//   resume     extra()["first_sync"] (manifest, base generation, chunks received) is saved
//              after each chunk: after a reload the staged chunks are read again and the
//              download continues at the next one.
//   adopt      the staged chunks become the replica's snapshot (the meta file is the
//              commit point, as in compaction) and the parts read from them its desk.
//   gone       the server no longer holds the snapshot (410 snapshot_gone): start again,
//              at most kMaxRestarts times in a session, then pull operations.
//   no server  a server without /snapshot (404 on it): pull operations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "protocol/snapshot_messages.hpp"
#include "store/snapshot_chunks.hpp"
#include "sync/sync_replica.hpp"
#include "sync/sync_status.hpp"
#include "sync/transport.hpp"

namespace hotline::sync {

class FirstSync {
public:
    static constexpr int kMaxRestarts = 3;

    // Picks up a download a previous session saved, if the replica is still fresh.
    explicit FirstSync(SyncReplica& replica);

    // Is a first sync the way now (engine cursor `cursor`)? Once it is not, it stays not for
    // this session; a download under way is then dropped.
    bool wanted(std::int64_t cursor);

    // The request for the next step: the manifest, or the next chunk.
    std::string next_path() const;
    // The chunk after the one next_path() asks for, to download while that one is read.
    std::optional<std::string> path_after_next() const;

    enum class Step : std::uint8_t {
        fetch,     // send next_path() (again)
        complete,  // every chunk is here: adopt()
        pull,      // pull operations instead
    };
    // The reply to next_path() (any status but 401, which the engine handles).
    Result<Step> take(const Reply& reply);

    // After Step::complete: the staged chunks become the replica's snapshot. The engine has
    // put its cursor (seq()) in extra() first: the same write commits both. On failure the
    // download starts again.
    Outcome adopt();
    std::int64_t seq() const { return manifest_ ? manifest_->seq : 0; }

    void report(SyncStatus& status) const;

private:
    Result<Step> take_manifest(const Reply& reply);
    Result<Step> take_chunk(const Reply& reply);
    Outcome save_progress();
    void resume();
    void restart();
    bool fresh(std::int64_t cursor) const;

    SyncReplica& replica_;
    bool declined_ = false;
    int restarts_ = 0;
    std::optional<protocol::SnapshotManifest> manifest_;
    std::uint64_t base_generation_ = 0;
    std::size_t received_ = 0;  // chunks read and staged
    std::int64_t bytes_ = 0;    // their size
    store::SnapshotReader reader_;
};

}  // namespace hotline::sync
