// POST /push (docs/sync-protocol.md): a batch of operations from one replica,
// each decoded, authorized and applied on its own, all stored in one write
// transaction. The reply carries one result per operation.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"

namespace hotline::server {

inline constexpr std::size_t kPushMaxOps = 5000;
inline constexpr std::int64_t kMaxNumbersPerLease = 1000;

struct PushResult {
    ApiResponse response;
    bool stored_something = false;  // the log grew: wake long polls
};

// `body` is the raw request body. On a storage failure the desk is reloaded from
// the database, so nothing the failed transaction did stays in memory.
PushResult push(ServerDesk& desk, Database& db, const Principal& who, std::string_view body, std::int64_t now_ms);

}  // namespace hotline::server
