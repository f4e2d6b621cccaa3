// POST /push (docs/sync-protocol.md; its messages: protocol/push_messages.hpp): a batch of
// operations from one replica, each decoded, authorized and applied on its own, all stored
// in one write transaction with the server's own operations they call for
// (server_writes.hpp). The reply carries one result per operation. Nothing about an
// operation whose id is not the caller's replica's is looked up or stored, and nothing
// about an incident is revealed before the operation is authorized.
#pragma once

#include <array>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"

namespace hotline::server {

struct PushAnswer {
    ApiResponse response;
    bool stored_something = false;  // the log grew: wake long polls
    // The results of the request's operations by kind (indexed by ApplyKind), for GET /metrics.
    std::array<std::size_t, 4> results_by_kind{};
    static_assert(static_cast<std::size_t>(ApplyKind::rejected) == 3, "one count per ApplyKind");
};

// `body` is the raw request body; `who` is authenticated. On a storage failure the
// desk forgets what the failed transaction did (ServerDesk::discard_unstored).
PushAnswer push(ServerDesk& desk, Database& db, const Principal& who, std::string_view body, std::int64_t now_ms);

}  // namespace hotline::server
