// GET /records/{kind}/{id} and GET /records/{kind} (docs/openapi.yaml): the current state
// of records of any kind of the schema, one by id or a search, for tools that read the
// desk without syncing it. Generic over the schema: a record is its kind's fields by wire
// name (schema.hpp) plus the hooks its kind has (number, status); a search is a
// RecordFilter (core/record_filter.hpp) over the kind's records in the order the desk
// created them, paged by a cursor. Who may see what is decided as for /pull and /history
// (authorization.hpp): a record the user may not see is answered like one that does not
// exist.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"

namespace hotline::server {

inline constexpr std::string_view kRecordsPrefix = "/records/";
inline constexpr std::int64_t kRecordsDefaultLimit = 50;
inline constexpr std::int64_t kRecordsMaxLimit = 200;

// `path` starts with kRecordsPrefix.
ApiResponse read_records(ServerDesk& desk, Database& db, const Principal& who, std::string_view path,
                         const std::map<std::string, std::string>& query);

}  // namespace hotline::server
