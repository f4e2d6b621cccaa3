// GET /pull and GET /history (docs/sync-protocol.md; their replies:
// protocol/read_messages.hpp): stored operations the user may see, in server order.
// Visibility is decided on the server's current desk with can_see() (authorization.hpp):
// a technician gets only their own incidents, plus the earlier history of an incident the
// moment it is assigned to them, and of one handed over from them the operations up to the
// hand-over (handed_over.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"

namespace hotline::server {

ApiResponse pull(ServerDesk& desk, Database& db, const Principal& who, const std::map<std::string, std::string>& query);
ApiResponse history(ServerDesk& desk, Database& db, const Principal& who,
                    const std::map<std::string, std::string>& query);

// Reads a non-negative integer query parameter; `fallback` when absent.
Result<std::int64_t> query_integer(const std::map<std::string, std::string>& query, const std::string& key,
                                   std::int64_t fallback, std::int64_t max);

}  // namespace hotline::server
