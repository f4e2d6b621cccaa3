#include "sync/first_sync.hpp"

#include <utility>

#include "protocol/error_reply.hpp"

namespace hotline::sync {
namespace {

const char* kStateKey = "first_sync";

bool holds_nothing(const Desk& desk) {
    for (const SeenRange& r : desk.seen().ranges())
        if (r.contiguous > 0 || !r.beyond.empty()) return false;
    return true;
}

std::string chunk_name(std::size_t k) { return "snapshot chunk " + std::to_string(k); }

}  // namespace

FirstSync::FirstSync(SyncReplica& replica) : replica_(replica) { resume(); }

bool FirstSync::fresh(std::int64_t cursor) const {
    return cursor == 0 && replica_.outbox().empty() && holds_nothing(replica_.desk());
}

// extra()["first_sync"] = {"manifest": <manifest>, "generation": <base>, "received": <chunks>}.
// Anything unreadable, or a replica that is no longer fresh: the download starts afresh.
void FirstSync::resume() {
    nlohmann::json& extra = replica_.extra();
    auto it = extra.find(kStateKey);
    if (it == extra.end()) return;
    const nlohmann::json saved = *it;
    auto manifest = saved.is_object() && saved.contains("manifest")
                        ? protocol::decode_snapshot_manifest(saved["manifest"].dump())
                        : Result<protocol::SnapshotManifest>(make_error("bad_state", "no manifest"));
    auto number = [&](const char* key) {
        auto v = saved.is_object() ? saved.find(key) : saved.end();
        return v != saved.end() && v->is_number_unsigned() ? std::optional(v->get<std::uint64_t>()) : std::nullopt;
    };
    const auto generation = number("generation");
    const auto received = number("received");
    if (!manifest || generation != replica_.snapshot_generation() || !received ||
        *received > manifest->chunks.size() || !fresh(0)) {
        restart();
        (void)replica_.save_meta();
        return;
    }
    manifest_ = std::move(manifest.value());
    base_generation_ = *generation;
    // The staged chunks are read again; the first one missing or damaged is fetched again.
    for (std::size_t k = 0; k < *received; ++k) {
        auto chunk = replica_.read_staged_chunk(k);
        if (!chunk || static_cast<std::int64_t>(chunk->size()) != manifest_->chunks[k].bytes ||
            !reader_.read_intact(chunk_name(k), *chunk))
            break;
        ++received_;
        bytes_ += manifest_->chunks[k].bytes;
    }
    (void)save_progress();
}

void FirstSync::restart() {
    replica_.discard_staged_snapshot();
    replica_.extra().erase(kStateKey);
    manifest_.reset();
    received_ = 0;
    bytes_ = 0;
    reader_ = store::SnapshotReader();
}

bool FirstSync::wanted(std::int64_t cursor) {
    if (declined_) return false;
    if (fresh(cursor)) return true;
    declined_ = true;
    if (manifest_) {
        restart();
        (void)replica_.save_meta();
    }
    return false;
}

std::string FirstSync::next_path() const {
    if (!manifest_) return std::string(protocol::kSnapshotPath);
    return protocol::snapshot_chunk_path(manifest_->id, received_);
}

std::optional<std::string> FirstSync::path_after_next() const {
    if (!manifest_ || received_ + 1 >= manifest_->chunks.size()) return std::nullopt;
    return protocol::snapshot_chunk_path(manifest_->id, received_ + 1);
}

Result<FirstSync::Step> FirstSync::take(const Reply& reply) {
    if (!manifest_ && reply.status == 404) {
        declined_ = true;  // a server from before snapshots
        return Step::pull;
    }
    if (reply.status == 410 && protocol::failure_of(reply.status, reply.body).code == protocol::kSnapshotGone) {
        restart();
        if (auto saved = replica_.save_meta(); !saved) return saved.error();
        if (++restarts_ > kMaxRestarts) {
            declined_ = true;
            return Step::pull;
        }
        return Step::fetch;
    }
    if (reply.status != 200) return protocol::failure_of(reply.status, reply.body);
    return manifest_ ? take_chunk(reply) : take_manifest(reply);
}

Result<FirstSync::Step> FirstSync::take_manifest(const Reply& reply) {
    auto manifest = protocol::decode_snapshot_manifest(reply.body);
    if (!manifest) return manifest.error();
    manifest_ = std::move(manifest.value());
    base_generation_ = replica_.snapshot_generation();
    if (auto saved = save_progress(); !saved) return saved.error();
    return Step::fetch;
}

Result<FirstSync::Step> FirstSync::take_chunk(const Reply& reply) {
    const std::size_t k = received_;
    const protocol::SnapshotChunkInfo& expected = manifest_->chunks[k];
    const std::size_t records_before = reader_.records();
    if (static_cast<std::int64_t>(reply.body.size()) != expected.bytes)
        return make_error("corrupt_chunk", chunk_name(k) + ": " + std::to_string(reply.body.size()) + " bytes, " +
                                               std::to_string(expected.bytes) + " announced");
    if (auto read = reader_.read_intact(chunk_name(k), reply.body); !read) return read.error();
    const store::DeskHeader& header = *reader_.header();
    const bool as_announced = static_cast<std::int64_t>(reader_.records() - records_before) == expected.records &&
                              header.record_count == static_cast<std::uint64_t>(manifest_->records) &&
                              header.chunk_count == manifest_->chunks.size();
    if (!as_announced) {
        // The reader keeps what it read: start the whole snapshot again rather than mix.
        restart();
        (void)replica_.save_meta();
        return make_error("corrupt_chunk", chunk_name(k) + ": its records are not the ones announced");
    }
    if (auto staged = replica_.stage_snapshot_chunk(k, reply.body); !staged) {
        restart();
        (void)replica_.save_meta();
        return staged.error();
    }
    ++received_;
    bytes_ += expected.bytes;
    if (auto saved = save_progress(); !saved) return saved.error();
    return received_ == manifest_->chunks.size() ? Step::complete : Step::fetch;
}

Outcome FirstSync::save_progress() {
    if (!manifest_) return replica_.save_meta();
    replica_.extra()[kStateKey] = {{"manifest", nlohmann::json::parse(protocol::encode_snapshot_manifest(*manifest_))},
                                   {"generation", base_generation_},
                                   {"received", received_}};
    return replica_.save_meta();
}

Outcome FirstSync::adopt() {
    store::LoadReport report;
    Desk::Parts parts = std::move(reader_).finish("snapshot " + manifest_->id, report);
    replica_.extra().erase(kStateKey);
    Outcome adopted = report.clean() ? replica_.adopt_snapshot(received_, std::move(parts))
                                     : Outcome(make_error("corrupt_chunk", report.problems.front()));
    if (!adopted) restart();
    manifest_.reset();
    received_ = 0;
    bytes_ = 0;
    reader_ = store::SnapshotReader();
    declined_ = adopted.ok();  // done: pulls from here on
    return adopted;
}

void FirstSync::report(SyncStatus& status) const {
    status.first_sync_bytes = manifest_ ? bytes_ : 0;
    status.first_sync_bytes_total = manifest_ ? manifest_->bytes() : 0;
    status.first_sync_incidents = manifest_ ? static_cast<std::int64_t>(reader_.incidents()) : 0;
    status.first_sync_incidents_total = manifest_ ? manifest_->incidents : 0;
}

}  // namespace hotline::sync
