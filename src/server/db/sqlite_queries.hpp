// Every SQL statement of the SQLite backend, as functions over one connection. The
// Database (autocommit reads, users, sessions) and the WriteTransaction (inside BEGIN
// IMMEDIATE) share them, so each query is written once. Errors come back as the storage
// codes of db_errors.hpp, constraint violations still untranslated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/db/database.hpp"
#include "server/db/sqlite_connection.hpp"

namespace hotline::server::sqlite_queries {

Result<int> migrate(SqliteConnection& db);

Result<std::vector<StoredOp>> ops_after(SqliteConnection& db, std::int64_t seq, std::size_t limit);
Result<std::vector<StoredOp>> ops_of_entity(SqliteConnection& db, const std::string& entity_id);
Result<std::optional<StoredOp>> find_op(SqliteConnection& db, const std::string& op_id);
Result<std::optional<Rejection>> find_rejection(SqliteConnection& db, const std::string& op_id);
Result<std::vector<Rejection>> find_rejections(SqliteConnection& db, const std::vector<std::string>& op_ids);
Result<std::int64_t> head_seq(SqliteConnection& db);
Result<std::vector<NumberBlock>> number_blocks(SqliteConnection& db, const std::string& replica);

Result<std::vector<std::int64_t>> append_ops(SqliteConnection& db, const std::vector<NewOp>& ops);
Outcome add_rejections(SqliteConnection& db, const std::vector<Rejection>& rejections);
Result<NumberBlock> lease_numbers(SqliteConnection& db, const std::string& replica, std::int64_t count);
Result<std::int64_t> next_number(SqliteConnection& db);
Result<std::string> bind_replica(SqliteConnection& db, const std::string& replica, const std::string& login);
Result<std::optional<std::string>> replica_owner(SqliteConnection& db, const std::string& replica);
Result<ReplicaRelease> release_replica(SqliteConnection& db, const std::string& replica);

Outcome create_user(SqliteConnection& db, const UserRecord& user);
Outcome update_user(SqliteConnection& db, const UserRecord& user);
Result<std::optional<UserRecord>> find_user(SqliteConnection& db, const std::string& login);
Result<std::vector<UserRecord>> list_users(SqliteConnection& db);
Outcome create_session(SqliteConnection& db, const SessionRecord& session);
Result<std::optional<SessionRecord>> find_session(SqliteConnection& db, const std::string& token_hash);
Outcome delete_session(SqliteConnection& db, const std::string& token_hash);
Outcome delete_expired_sessions(SqliteConnection& db, std::int64_t now_ms);
Outcome delete_sessions_of(SqliteConnection& db, const std::string& login, const std::string& keep_token_hash);
Outcome trim_sessions(SqliteConnection& db, const std::string& login, std::size_t keep);

}  // namespace hotline::server::sqlite_queries
