#include "server/snapshot_api.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/ids.hpp"
#include "server/credentials.hpp"
#include "server/http/gzip.hpp"

namespace hotline::server {
namespace {

// Whose snapshot it is: everyone who sees the whole desk shares one.
std::string scope_key(const Principal& who) {
    return sees_whole_desk(who) ? std::string("everything") : "technician:" + who.login;
}

// The operations a pull from cursor 0 would have brought for `records`: each one's own.
Result<SeenOps> ops_of(Database& db, const Desk& desk, const std::vector<const Entity*>& records) {
    std::unordered_map<std::string_view, std::uint32_t> replica_index;
    for (std::uint32_t i = 0; i < desk.replicas().size(); ++i) replica_index.emplace(desk.replicas()[i], i);
    SeenOps seen;
    std::unordered_map<std::string_view, bool> asked;  // keyed records of several kinds share a key
    for (const Entity* record : records) {
        if (!asked.emplace(record->id, true).second) continue;
        auto ops = db.ops_of_entity(record->id);
        if (!ops) return ops.error();
        for (const StoredOp& stored : *ops) {
            auto id = OpId::parse(stored.op_id);
            if (!id) return id.error();
            // Every stored operation was folded into the desk, so its replica is in the table.
            if (auto it = replica_index.find(id->replica); it != replica_index.end()) seen.insert(it->second, id->counter);
        }
    }
    return seen;
}

ApiResponse gone() {
    return api_error(410, std::string(protocol::kSnapshotGone),
                     "This snapshot is no longer held; ask for a new one (GET /snapshot).");
}

}  // namespace

ApiResponse SnapshotCache::manifest(const ServerDesk& sd, Database& db, const Principal& who, std::int64_t now_ms) {
    forget_stale(now_ms);
    const Desk& desk = sd.desk();
    const TechnicianScope scope(who, desk);
    const std::string key = scope_key(who);
    // The list is most recently used first; the newest fitting snapshot wins.
    auto held = snapshots_.end();
    for (auto it = snapshots_.begin(); it != snapshots_.end(); ++it)
        if (it->scope == key && sd.seq() - it->seq <= limits_.reuse_ops &&
            (held == snapshots_.end() || it->seq > held->seq))
            held = it;
    if (held == snapshots_.end()) {
        Snapshot s{key, sd.seq(), {new_token().substr(0, 32), sd.seq(), 0, 0, {}}, {}, {}, 0, now_ms};
        std::vector<const Entity*> records = store::all_records(desk);
        std::erase_if(records, [&](const Entity* e) { return !scope.contains(*e); });
        Result<SeenOps> seen = sees_whole_desk(who) ? Result<SeenOps>(desk.seen()) : ops_of(db, desk, records);
        if (!seen) return api_error(503, "storage_unavailable", seen.error().message);
        auto encoded = store::encode_snapshot(
            {desk.replicas(), desk.actors(), *seen, desk.newest_hlc(), records}, [&](std::size_t k, std::string& chunk) {
                const std::size_t first = k * limits_.records_per_chunk;
                const auto n = static_cast<std::int64_t>(std::min(limits_.records_per_chunk, records.size() - first));
                s.manifest.chunks.push_back({static_cast<std::int64_t>(chunk.size()), n});
                s.bytes += chunk.size();
                s.chunks.push_back(std::make_shared<const std::string>(std::move(chunk)));
                s.gzipped.emplace_back();
                return Outcome{};
            },
            limits_.records_per_chunk);
        if (!encoded) return api_error(500, "internal_error", encoded.error().message);
        s.manifest.records = static_cast<std::int64_t>(records.size());
        s.manifest.incidents = std::count_if(records.begin(), records.end(),
                                             [](const Entity* e) { return e->kind == EntityKind::incident; });
        snapshots_.push_front(std::move(s));
        held = snapshots_.begin();
    }
    held->last_used_ms = now_ms;
    snapshots_.splice(snapshots_.begin(), snapshots_, held);
    forget_stale(now_ms);
    return encoded_reply(protocol::encode_snapshot_manifest(snapshots_.front().manifest));
}

ApiResponse SnapshotCache::chunk(const Principal& who, std::string_view path, bool accepts_gzip, std::int64_t now_ms) {
    std::string id;
    std::size_t k = 0;
    if (!protocol::parse_snapshot_chunk_path(path, id, k))
        return api_error(404, "no_such_endpoint", "No endpoint " + std::string(path) + ".");
    forget_stale(now_ms);
    // Another scope's snapshot is answered like one that is gone: ids tell nothing.
    const std::string key = scope_key(who);
    auto held = std::find_if(snapshots_.begin(), snapshots_.end(),
                             [&](const Snapshot& s) { return s.manifest.id == id && s.scope == key; });
    if (held == snapshots_.end()) return gone();
    if (k >= held->chunks.size())
        return api_error(404, "no_such_chunk", "This snapshot has " + std::to_string(held->chunks.size()) + " chunks.");
    held->last_used_ms = now_ms;
    snapshots_.splice(snapshots_.begin(), snapshots_, held);
    if (accepts_gzip) return gzipped(snapshots_.front(), k);
    ApiResponse response;
    response.octets = *snapshots_.front().chunks[k];
    return response;
}

ApiResponse SnapshotCache::gzipped(const Snapshot& s, std::size_t k) {
    ApiResponse response;
    if (s.gzipped[k]) {
        response.octets = *s.gzipped[k];
        response.octets_gzipped = true;
        return response;
    }
    // Compressed on a worker from a shared copy; kept if the snapshot is still held then.
    return in_background([this, plain = s.chunks[k], id = s.manifest.id, k]() -> ApiContinuation {
        auto packed = std::make_shared<const std::string>(gzip(*plain));
        return [this, plain, packed, id, k] {
            ApiResponse r;
            r.octets = packed->empty() ? *plain : *packed;
            r.octets_gzipped = !packed->empty();
            for (Snapshot& held : snapshots_)
                if (held.manifest.id == id && r.octets_gzipped) held.gzipped[k] = packed;
            return r;
        };
    });
}

void SnapshotCache::forget_stale(std::int64_t now_ms) {
    std::size_t kept = 0, bytes = 0;
    for (auto it = snapshots_.begin(); it != snapshots_.end();) {
        const bool keep = it == snapshots_.begin() ||
                          (now_ms - it->last_used_ms <= limits_.idle_ms && kept < limits_.snapshots &&
                           bytes + it->bytes <= limits_.bytes);
        if (!keep) {
            it = snapshots_.erase(it);
            continue;
        }
        ++kept;
        bytes += it->bytes;
        ++it;
    }
    // The most recently used one stays for its own chunks, unless it too has idled out.
    if (!snapshots_.empty() && now_ms - snapshots_.front().last_used_ms > limits_.idle_ms) snapshots_.pop_front();
}

}  // namespace hotline::server
