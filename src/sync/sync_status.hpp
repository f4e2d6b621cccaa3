// What the UI shows about sync: a plain value, rebuilt by the engine after
// every step. Conflicts are read from SyncEngine::conflicts().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace hotline::sync {

enum class SyncState : std::uint8_t {
    offline,     // no answer from the server (or not tried yet): retrying with backoff
    online,      // the last request got its answer
    signed_out,  // the server refused the token (401): nothing is sent until set_token()
    error,       // the server answered with an error or a malformed reply: retrying with backoff
};

std::string_view sync_state_name(SyncState s);

struct SyncStatus {
    SyncState state = SyncState::offline;
    bool syncing = false;             // a push/pull cycle is under way
    std::size_t pending = 0;          // local operations the server has not answered for yet
    std::size_t conflicts = 0;        // refused operations waiting for the user
    std::int64_t last_sync_ms = 0;    // end of the last complete push + pull; 0: never
    std::int64_t next_retry_ms = 0;   // offline/error: when the next attempt is due
    std::string last_error;           // readable; empty when the last step succeeded
    std::string last_error_code;      // Error::code of it
    // A first sync by snapshot under way (first_sync.hpp): what has arrived of it, in
    // bytes (as stored, before Content-Encoding) and incidents. All 0 when none is.
    std::int64_t first_sync_bytes = 0, first_sync_bytes_total = 0;
    std::int64_t first_sync_incidents = 0, first_sync_incidents_total = 0;
};

}  // namespace hotline::sync
