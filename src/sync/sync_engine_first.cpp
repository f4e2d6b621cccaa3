// SyncEngine's first-sync stage (first_sync.hpp does the work; this is the engine's side:
// requests, failures, the cursor).
#include "sync/sync_engine.hpp"

namespace hotline::sync {

void SyncEngine::handle_snapshot(const Reply& reply, std::int64_t now_ms) {
    // The next chunk downloads while this one is checked, read and stored.
    if (reply.status == 200)
        if (auto after = first_.path_after_next()) send(Call::snapshot, "GET", *after, "", now_ms);
    auto step = first_.take(reply);
    if (!step) {
        abandon_request();
        fail(step.error(), SyncState::error, now_ms);
        return;
    }
    succeed();
    switch (*step) {
        case FirstSync::Step::fetch: break;  // start_next asks for next_path() unless it is in flight
        case FirstSync::Step::pull: stage_ = Stage::pull; break;
        case FirstSync::Step::complete: adopt_snapshot(now_ms); break;
    }
}

void SyncEngine::adopt_snapshot(std::int64_t now_ms) {
    // A change typed while the last chunk was coming: it is never replaced, pull instead.
    if (!first_.wanted(cursor_)) {
        stage_ = Stage::pull;
        return;
    }
    // The cursor goes into the meta file that commits the snapshot: both or neither.
    cursor_ = applied_through_ = first_.seq();
    remember();
    if (auto adopted = first_.adopt(); !adopted) {
        cursor_ = applied_through_ = 0;
        remember();
        fail(adopted.error(), SyncState::error, now_ms);
        return;
    }
    desk_replaced_ = true;
    stage_ = Stage::pull;  // ordinary pulls from the snapshot's seq
}

}  // namespace hotline::sync
