// First sync by snapshot (GET /snapshot, then its chunks), as the sync client does it
// (sync/first_sync.hpp) minus the files: fetch the manifest (the server builds the snapshot
// from its desk), fetch each chunk, read it strictly (store::SnapshotReader::read_intact:
// checksums, every record decoded), then build the desk (Desk::from_parts). Timed like the
// operation pull of sync_scenarios.cpp, so the two compare: transfer = time inside the
// requests; read = the client's decoding. The native client asks for no gzip; the bytes
// gzip would put on the wire (server/http/gzip.hpp, as the server sends a browser) are
// counted apart.
#include <chrono>

#include "core/desk.hpp"
#include "protocol/snapshot_messages.hpp"
#include "scenarios.hpp"
#include "server/http/gzip.hpp"
#include "store/snapshot_chunks.hpp"

namespace hotline::server_bench {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

void Scenarios::first_sync_snapshot(Results& r) {
    auto reader = client("reader", 5);
    auto t0 = Clock::now();
    auto body = reader->get(std::string(protocol::kSnapshotPath));
    r.snap_manifest_s = seconds_since(t0);
    if (!body) die(body.error().message);
    auto manifest = protocol::decode_snapshot_manifest(*body);
    if (!manifest) die(manifest.error().message);
    store::SnapshotReader chunks;
    for (std::size_t k = 0; k < manifest->chunks.size(); ++k) {
        t0 = Clock::now();
        auto chunk = reader->get(protocol::snapshot_chunk_path(manifest->id, k));
        r.snap_transfer_s += seconds_since(t0);
        if (!chunk) die(chunk.error().message);
        r.snap_bytes += chunk->size();
        r.snap_gzip_bytes += server::gzip(*chunk).size();
        t0 = Clock::now();
        if (auto read = chunks.read_intact("chunk " + std::to_string(k), *chunk); !read) die(read.error().message);
        r.snap_read_s += seconds_since(t0);
    }
    t0 = Clock::now();
    store::LoadReport report;
    auto desk = Desk::from_parts(std::move(chunks).finish("snapshot", report));
    r.snap_read_s += seconds_since(t0);
    // Summed, not wall time: gzip sizes are computed in the loop but are not the client's.
    r.snap_total_s = r.snap_manifest_s + r.snap_transfer_s + r.snap_read_s;
    if (!report.clean() || !desk) die("the snapshot did not read cleanly");
    r.snap_chunks = manifest->chunks.size();
    r.snap_incidents = desk->incidents().size();
    if (r.snap_incidents != r.sync_incidents)
        die("the snapshot holds " + std::to_string(r.snap_incidents) + " incidents, the pull " +
            std::to_string(r.sync_incidents));
}

}  // namespace hotline::server_bench
