#include "server/db/postgres_queries.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

#include <pqxx/result>
#include <pqxx/row>

#include "server/db/db_errors.hpp"
#include "server/db/postgres_support.hpp"
#include "server/db/schema_migrations.hpp"

namespace hotline::server::postgres_queries {
namespace {

#define HOTLINE_OP_COLUMNS "SELECT seq, op_id, entity_id, actor, body FROM ops "
#define HOTLINE_USER_COLUMNS "SELECT login, name, role, password_hash, active FROM users "

struct Statement {
    const char* name;
    const char* sql;
};

constexpr Statement kStatements[] = {
    {"ops_after", HOTLINE_OP_COLUMNS "WHERE seq > $1 ORDER BY seq LIMIT $2"},
    {"ops_of_entity", HOTLINE_OP_COLUMNS "WHERE entity_id = $1 ORDER BY seq"},
    {"find_op", HOTLINE_OP_COLUMNS "WHERE op_id = $1"},
    {"find_rejection", "SELECT op_id, code, message FROM rejected_ops WHERE op_id = $1"},
    {"find_rejections", "SELECT op_id, code, message FROM rejected_ops WHERE op_id = ANY($1::text[])"},
    {"head_seq", "SELECT coalesce(max(seq), 0) FROM ops"},
    {"number_blocks",
     "SELECT first_number, last_number FROM number_blocks WHERE replica = $1 ORDER BY first_number"},
    // The whole batch in one statement. Under the write lock nobody else inserts, so
    // max(seq) + ordinality numbers the batch in input order, with no gaps; the CTE
    // reports the first seq and the count. It also tells the other server processes, at
    // commit, that the log grew (NOTIFY on kOpsChannel, postgres_listener.hpp).
    {"append_ops",
     "WITH inserted AS ("
     " INSERT INTO ops (seq, op_id, entity_id, actor, body)"
     " SELECT (SELECT coalesce(max(seq), 0) FROM ops) + t.n, t.o, t.e, t.a, t.b"
     " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(o, e, a, b, n)"
     " ORDER BY t.n"
     " RETURNING seq)"
     " SELECT coalesce(min(seq), 0), count(*), pg_notify('hotline_ops', coalesce(max(seq), 0)::text) FROM inserted"},
    // The first reason given for an id stays: a retry gets the same answer.
    {"add_rejections",
     "INSERT INTO rejected_ops (op_id, code, message)"
     " SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (op_id) DO NOTHING"},
    {"lease_numbers",
     "WITH counter AS ("
     " UPDATE counters SET value = value + $2::bigint WHERE name = 'next_number'"
     " RETURNING value - $2::bigint AS first_number)"
     " INSERT INTO number_blocks (replica, first_number, last_number)"
     " SELECT $1, first_number, first_number + $2::bigint - 1 FROM counter"
     " RETURNING first_number, last_number"},
    {"next_number",
     "UPDATE counters SET value = value + 1 WHERE name = 'next_number' RETURNING value - 1"},
    // Inserted now, or the binding that was there (the statement's snapshot sees it).
    {"bind_replica",
     "WITH inserted AS ("
     " INSERT INTO replicas (replica, login) VALUES ($1, $2) ON CONFLICT (replica) DO NOTHING"
     " RETURNING login)"
     " SELECT login FROM inserted UNION ALL SELECT login FROM replicas WHERE replica = $1"},
    {"replica_owner", "SELECT login FROM replicas WHERE replica = $1"},
    // Replica ids are [a-z0-9]: no LIKE wildcard can hide in one.
    {"replica_has_ops", "SELECT 1 FROM ops WHERE op_id LIKE $1 || ':%' LIMIT 1"},
    {"release_replica", "DELETE FROM replicas WHERE replica = $1"},
    {"create_user",
     "INSERT INTO users (login, name, role, password_hash, active) VALUES ($1, $2, $3, $4, $5)"},
    {"update_user",
     "UPDATE users SET name = $2, role = $3, password_hash = $4, active = $5 WHERE login = $1"},
    {"find_user", HOTLINE_USER_COLUMNS "WHERE login = $1"},
    {"list_users", HOTLINE_USER_COLUMNS "ORDER BY login"},
    {"create_session", "INSERT INTO sessions (token_hash, login, expires_ms) VALUES ($1, $2, $3)"},
    {"find_session", "SELECT token_hash, login, expires_ms FROM sessions WHERE token_hash = $1"},
    {"delete_session", "DELETE FROM sessions WHERE token_hash = $1"},
    {"delete_expired_sessions", "DELETE FROM sessions WHERE expires_ms <= $1"},
    {"delete_sessions_of", "DELETE FROM sessions WHERE login = $1 AND token_hash <> $2"},
    {"trim_sessions",
     "DELETE FROM sessions WHERE login = $1 AND token_hash NOT IN ("
     " SELECT token_hash FROM sessions WHERE login = $1 ORDER BY expires_ms DESC, token_hash DESC LIMIT $2)"},
};

#undef HOTLINE_OP_COLUMNS
#undef HOTLINE_USER_COLUMNS

StoredOp read_op(const pqxx::row& row) {
    return StoredOp{row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                    row[3].as<std::string>(), row[4].as<std::string>()};
}

std::vector<StoredOp> read_ops(const pqxx::result& result) {
    std::vector<StoredOp> ops;
    ops.reserve(result.size());
    for (const auto& row : result) ops.push_back(read_op(row));
    return ops;
}

UserRecord read_user(const pqxx::row& row) {
    return UserRecord{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                      row[3].as<std::string>(), row[4].as<int>() != 0};
}

template <typename T, typename Member>
std::string column_array(const std::vector<T>& items, Member member) {
    std::vector<std::string_view> values;
    values.reserve(items.size());
    for (const T& item : items) values.emplace_back(item.*member);
    return pg_text_array(values);
}

}  // namespace

void prepare_statements(pqxx::connection_base& connection) {
    // pqxx prepares lazily, on first use, and again after it restores a broken connection.
    for (const Statement& statement : kStatements) connection.prepare(statement.name, statement.sql);
}

void take_write_lock(pqxx::transaction_base& tx) {
    // Advisory xact lock: released by COMMIT or ROLLBACK, never leaked by a crash.
    tx.exec(std::string("SET LOCAL lock_timeout = '") + kLockTimeout +
            "'; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
}

Result<int> migrate(pqxx::transaction_base& tx) {
    tx.exec("CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, description TEXT NOT NULL)");
    const auto current = tx.exec1("SELECT coalesce(max(version), 0) FROM schema_version")[0].as<int>();
    if (Outcome fits = check_not_newer(current); !fits) return fits.error();
    for (const Migration& migration : schema_migrations()) {
        if (migration.version <= current) continue;
        tx.exec(std::string(migration.postgres));
        tx.exec("INSERT INTO schema_version (version, description) VALUES (" +
                std::to_string(migration.version) + ", " +
                tx.quote(std::string(migration.description)) + ")");
    }
    return latest_schema_version();
}

std::vector<StoredOp> ops_after(pqxx::transaction_base& tx, std::int64_t seq, std::size_t limit) {
    if (limit == 0) return {};
    const auto capped = static_cast<std::int64_t>(
        std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()));
    return read_ops(tx.exec_prepared("ops_after", seq, capped));
}

std::vector<StoredOp> ops_of_entity(pqxx::transaction_base& tx, const std::string& entity_id) {
    return read_ops(tx.exec_prepared("ops_of_entity", entity_id));
}

std::optional<StoredOp> find_op(pqxx::transaction_base& tx, const std::string& op_id) {
    const pqxx::result result = tx.exec_prepared("find_op", op_id);
    if (result.empty()) return std::nullopt;
    return read_op(result[0]);
}

std::optional<Rejection> find_rejection(pqxx::transaction_base& tx, const std::string& op_id) {
    const pqxx::result result = tx.exec_prepared("find_rejection", op_id);
    if (result.empty()) return std::nullopt;
    return Rejection{result[0][0].as<std::string>(), result[0][1].as<std::string>(),
                     result[0][2].as<std::string>()};
}

std::vector<Rejection> find_rejections(pqxx::transaction_base& tx, const std::vector<std::string>& op_ids) {
    if (op_ids.empty()) return {};
    const std::vector<std::string_view> ids(op_ids.begin(), op_ids.end());
    std::vector<Rejection> found;
    for (const auto& row : tx.exec_prepared("find_rejections", pg_text_array(ids))) {
        found.push_back(Rejection{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
    }
    return found;
}

std::int64_t head_seq(pqxx::transaction_base& tx) {
    return tx.exec_prepared("head_seq")[0][0].as<std::int64_t>();
}

std::vector<NumberBlock> number_blocks(pqxx::transaction_base& tx, const std::string& replica) {
    std::vector<NumberBlock> blocks;
    for (const auto& row : tx.exec_prepared("number_blocks", replica)) {
        blocks.push_back(NumberBlock{row[0].as<std::int64_t>(), row[1].as<std::int64_t>()});
    }
    return blocks;
}

std::vector<std::int64_t> append_ops(pqxx::transaction_base& tx, const std::vector<NewOp>& ops) {
    if (ops.empty()) return {};
    const pqxx::result result = tx.exec_prepared(
        "append_ops", column_array(ops, &NewOp::op_id), column_array(ops, &NewOp::entity_id),
        column_array(ops, &NewOp::actor), column_array(ops, &NewOp::body));
    const auto first = result[0][0].as<std::int64_t>();
    const auto count = result[0][1].as<std::int64_t>();
    if (count != static_cast<std::int64_t>(ops.size())) {
        throw std::runtime_error("append_ops stored " + std::to_string(count) + " of " +
                                 std::to_string(ops.size()) + " operations");
    }
    std::vector<std::int64_t> seqs(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) seqs[i] = first + static_cast<std::int64_t>(i);
    return seqs;
}

void add_rejections(pqxx::transaction_base& tx, const std::vector<Rejection>& rejections) {
    if (rejections.empty()) return;
    tx.exec_prepared("add_rejections", column_array(rejections, &Rejection::op_id),
                     column_array(rejections, &Rejection::code),
                     column_array(rejections, &Rejection::message));
}

Result<NumberBlock> lease_numbers(pqxx::transaction_base& tx, const std::string& replica, std::int64_t count) {
    if (count < 1) {
        return db_errors::make(db_errors::kInvalidArgument,
                               "lease_numbers: count must be at least 1, got " + std::to_string(count));
    }
    const pqxx::result result = tx.exec_prepared("lease_numbers", replica, count);
    if (result.empty()) return db_errors::make(db_errors::kStorage, "the number counter row is missing");
    return NumberBlock{result[0][0].as<std::int64_t>(), result[0][1].as<std::int64_t>()};
}

std::int64_t next_number(pqxx::transaction_base& tx) {
    const pqxx::result result = tx.exec_prepared("next_number");
    if (result.empty()) throw std::runtime_error("the number counter row is missing");
    return result[0][0].as<std::int64_t>();
}

std::string bind_replica(pqxx::transaction_base& tx, const std::string& replica, const std::string& login) {
    const pqxx::result result = tx.exec_prepared("bind_replica", replica, login);
    if (result.empty()) throw std::runtime_error("replica " + replica + " vanished");
    return result[0][0].as<std::string>();
}

std::optional<std::string> replica_owner(pqxx::transaction_base& tx, const std::string& replica) {
    const pqxx::result result = tx.exec_prepared("replica_owner", replica);
    if (result.empty()) return std::nullopt;
    return result[0][0].as<std::string>();
}

ReplicaRelease release_replica(pqxx::transaction_base& tx, const std::string& replica) {
    if (!tx.exec_prepared("replica_has_ops", replica).empty()) return ReplicaRelease::has_operations;
    return tx.exec_prepared("release_replica", replica).affected_rows() > 0 ? ReplicaRelease::released
                                                                            : ReplicaRelease::unbound;
}

void create_user(pqxx::transaction_base& tx, const UserRecord& user) {
    tx.exec_prepared("create_user", user.login, user.name, user.role, user.password_hash,
                     user.active ? 1 : 0);
}

bool update_user(pqxx::transaction_base& tx, const UserRecord& user) {
    return tx.exec_prepared("update_user", user.login, user.name, user.role, user.password_hash,
                            user.active ? 1 : 0)
               .affected_rows() > 0;
}

std::optional<UserRecord> find_user(pqxx::transaction_base& tx, const std::string& login) {
    const pqxx::result result = tx.exec_prepared("find_user", login);
    if (result.empty()) return std::nullopt;
    return read_user(result[0]);
}

std::vector<UserRecord> list_users(pqxx::transaction_base& tx) {
    std::vector<UserRecord> users;
    for (const auto& row : tx.exec_prepared("list_users")) users.push_back(read_user(row));
    return users;
}

void create_session(pqxx::transaction_base& tx, const SessionRecord& session) {
    tx.exec_prepared("create_session", session.token_hash, session.login, session.expires_ms);
}

std::optional<SessionRecord> find_session(pqxx::transaction_base& tx, const std::string& token_hash) {
    const pqxx::result result = tx.exec_prepared("find_session", token_hash);
    if (result.empty()) return std::nullopt;
    return SessionRecord{result[0][0].as<std::string>(), result[0][1].as<std::string>(),
                         result[0][2].as<std::int64_t>()};
}

void delete_session(pqxx::transaction_base& tx, const std::string& token_hash) {
    tx.exec_prepared("delete_session", token_hash);
}

void delete_expired_sessions(pqxx::transaction_base& tx, std::int64_t now_ms) {
    tx.exec_prepared("delete_expired_sessions", now_ms);
}

void delete_sessions_of(pqxx::transaction_base& tx, const std::string& login, const std::string& keep_token_hash) {
    tx.exec_prepared("delete_sessions_of", login, keep_token_hash);
}

void trim_sessions(pqxx::transaction_base& tx, const std::string& login, std::size_t keep) {
    tx.exec_prepared("trim_sessions", login,
                     static_cast<std::int64_t>(std::min<std::size_t>(keep, std::numeric_limits<std::int64_t>::max())));
}

}  // namespace hotline::server::postgres_queries
