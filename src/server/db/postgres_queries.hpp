// Every SQL statement of the PostgreSQL backend, as functions over a pqxx transaction
// (a pqxx::work inside a write transaction, a nontransaction for autocommit calls).
// Statements are prepared once per connection (prepare_statements) and each call is one
// round trip: batches travel as array parameters (unnest), multi-step changes as one
// statement with CTEs. These functions throw pqxx exceptions; callers wrap them in
// pg_call(), and constraint violations are translated by the callers' domain codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/connection_base>
#include <pqxx/transaction_base>

#include "server/db/database.hpp"

namespace hotline::server::postgres_queries {

// Serializes writers across processes: held from begin_write (and migrate) to commit.
inline constexpr std::int64_t kWriteLockKey = 0x686f746c696e65;  // "hotline" in ASCII
// How long begin_write waits for the lock before "storage_busy".
inline constexpr const char* kLockTimeout = "10s";

void prepare_statements(pqxx::connection_base& connection);

void take_write_lock(pqxx::transaction_base& tx);
Result<int> migrate(pqxx::transaction_base& tx);  // tx must hold the write lock

std::vector<StoredOp> ops_after(pqxx::transaction_base& tx, std::int64_t seq, std::size_t limit);
std::vector<StoredOp> ops_of_entity(pqxx::transaction_base& tx, const std::string& entity_id);
std::optional<StoredOp> find_op(pqxx::transaction_base& tx, const std::string& op_id);
std::optional<Rejection> find_rejection(pqxx::transaction_base& tx, const std::string& op_id);
std::vector<Rejection> find_rejections(pqxx::transaction_base& tx, const std::vector<std::string>& op_ids);
std::int64_t head_seq(pqxx::transaction_base& tx);
std::vector<NumberBlock> number_blocks(pqxx::transaction_base& tx, const std::string& replica);

std::vector<std::int64_t> append_ops(pqxx::transaction_base& tx, const std::vector<NewOp>& ops);
void add_rejections(pqxx::transaction_base& tx, const std::vector<Rejection>& rejections);
Result<NumberBlock> lease_numbers(pqxx::transaction_base& tx, const std::string& replica, std::int64_t count);
std::int64_t next_number(pqxx::transaction_base& tx);
std::string bind_replica(pqxx::transaction_base& tx, const std::string& replica, const std::string& login);
std::optional<std::string> replica_owner(pqxx::transaction_base& tx, const std::string& replica);
ReplicaRelease release_replica(pqxx::transaction_base& tx, const std::string& replica);

void create_user(pqxx::transaction_base& tx, const UserRecord& user);
bool update_user(pqxx::transaction_base& tx, const UserRecord& user);  // false: no such user
std::optional<UserRecord> find_user(pqxx::transaction_base& tx, const std::string& login);
std::vector<UserRecord> list_users(pqxx::transaction_base& tx);
void create_session(pqxx::transaction_base& tx, const SessionRecord& session);
std::optional<SessionRecord> find_session(pqxx::transaction_base& tx, const std::string& token_hash);
void delete_session(pqxx::transaction_base& tx, const std::string& token_hash);
void delete_expired_sessions(pqxx::transaction_base& tx, std::int64_t now_ms);
void delete_sessions_of(pqxx::transaction_base& tx, const std::string& login, const std::string& keep_token_hash);
void trim_sessions(pqxx::transaction_base& tx, const std::string& login, std::size_t keep);

}  // namespace hotline::server::postgres_queries
