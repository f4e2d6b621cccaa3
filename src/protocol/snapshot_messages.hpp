// The first sync's messages (docs/sync-protocol.md, "First sync"): a fresh client asks
// for a snapshot of what it may see, then fetches its chunks one by one.
//
//   GET /snapshot           {"chunks":[{"bytes":9612345,"records":16384},...],
//                            "id":"4f1c...","incidents":100000,"records":100020,"seq":300000}
//   GET /snapshot/<id>/<k>  chunk k: application/octet-stream, the store's own snapshot
//                           chunk (store/snapshot_chunks.hpp), gzip on the wire when asked
//
// `id` names the snapshot the server keeps for a while (snapshot_gone once it is no
// longer held: the client starts again); `seq` is the log position it covers: ordinary
// pulls continue from there. Encoder and strict decoder here, for client, server and tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hotline::protocol {

inline constexpr std::string_view kSnapshotPath = "/snapshot";
inline constexpr std::string_view kSnapshotGone = "snapshot_gone";  // error code (410)
inline constexpr std::size_t kSnapshotIdMax = 64;
inline constexpr std::size_t kSnapshotChunksMax = 4096;  // the store's limit (desk_codec.hpp)

struct SnapshotChunkInfo {
    std::int64_t bytes = 0;    // of the chunk as stored (before any Content-Encoding)
    std::int64_t records = 0;

    friend bool operator==(const SnapshotChunkInfo&, const SnapshotChunkInfo&) = default;
};

struct SnapshotManifest {
    std::string id;
    std::int64_t seq = 0;
    std::int64_t records = 0;    // of every kind
    std::int64_t incidents = 0;  // among them (the progress the app shows)
    std::vector<SnapshotChunkInfo> chunks;

    std::int64_t bytes() const;
    friend bool operator==(const SnapshotManifest&, const SnapshotManifest&) = default;
};

std::string encode_snapshot_manifest(const SnapshotManifest& manifest);
// bad_reply on anything odd: an id that is empty, too long or not [A-Za-z0-9_-], no
// chunks or too many, negative numbers, records that do not add up, more incidents than
// records.
Result<SnapshotManifest> decode_snapshot_manifest(std::string_view body);

// "/snapshot/<id>/<k>", and its reading (the server's): false when `path` is not one.
std::string snapshot_chunk_path(std::string_view id, std::size_t k);
bool parse_snapshot_chunk_path(std::string_view path, std::string& id, std::size_t& k);

}  // namespace hotline::protocol
