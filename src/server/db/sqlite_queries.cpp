#include "server/db/sqlite_queries.hpp"

#include <algorithm>
#include <limits>

#include "server/db/db_errors.hpp"
#include "server/db/schema_migrations.hpp"

namespace hotline::server::sqlite_queries {
namespace {

constexpr const char* kOpColumns = "SELECT seq, op_id, entity_id, actor, body FROM ops ";

StoredOp read_op(const SqliteStatement& st) {
    return StoredOp{st.column_int64(0), st.column_text(1), st.column_text(2), st.column_text(3),
                    st.column_text(4)};
}

UserRecord read_user(const SqliteStatement& st) {
    return UserRecord{st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3),
                      st.column_int64(4) != 0};
}

// `expected`: rows the caller expects at most (a page's limit), reserved up front so a
// 5,000-row page does not move its strings through a dozen reallocations.
Result<std::vector<StoredOp>> read_ops(SqliteStatement& st, std::size_t expected = 0) {
    std::vector<StoredOp> ops;
    ops.reserve(expected);
    for (;;) {
        auto row = st.step();
        if (!row) return row.error();
        if (!*row) return ops;
        ops.push_back(read_op(st));
    }
}

// Runs a statement expected to give at most one row, read by `read`.
template <typename T, typename Read>
Result<std::optional<T>> read_one(SqliteStatement& st, Read read) {
    auto row = st.step();
    if (!row) return row.error();
    if (!*row) return std::optional<T>();
    return std::optional<T>(read(st));
}

// Rolls back an explicit transaction unless dismissed (migrate's error paths).
class RollbackGuard {
public:
    explicit RollbackGuard(SqliteConnection& db) : db_(db) {}
    ~RollbackGuard() {
        if (armed_) (void)db_.exec("ROLLBACK");
    }
    void dismiss() { armed_ = false; }

private:
    SqliteConnection& db_;
    bool armed_ = true;
};

}  // namespace

Result<int> migrate(SqliteConnection& db) {
    // IMMEDIATE: two processes starting at once migrate one after the other.
    if (Outcome begun = db.exec("BEGIN IMMEDIATE"); !begun) return begun.error();
    RollbackGuard guard(db);
    if (Outcome created = db.exec(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, description TEXT NOT NULL)");
        !created) {
        return created.error();
    }
    std::int64_t current = 0;
    {
        auto st = db.statement("SELECT coalesce(max(version), 0) FROM schema_version");
        if (!st) return st.error();
        ScopedStatement use(**st);
        auto row = use->step();
        if (!row) return row.error();
        current = use->column_int64(0);
    }
    if (Outcome fits = check_not_newer(current); !fits) return fits.error();
    for (const Migration& migration : schema_migrations()) {
        if (migration.version <= current) continue;
        if (Outcome applied = db.exec(migration.sqlite); !applied) {
            Error error = applied.error();
            error.message = "migration " + std::to_string(migration.version) + ": " + error.message;
            return error;
        }
        auto st = db.statement("INSERT INTO schema_version (version, description) VALUES (?1, ?2)");
        if (!st) return st.error();
        ScopedStatement use(**st);
        use->bind(1, std::int64_t{migration.version}).bind(2, migration.description);
        if (Outcome inserted = use->run(); !inserted) return inserted.error();
    }
    if (Outcome committed = db.exec("COMMIT"); !committed) return committed.error();
    guard.dismiss();
    return latest_schema_version();
}

Result<std::vector<StoredOp>> ops_after(SqliteConnection& db, std::int64_t seq, std::size_t limit) {
    if (limit == 0) return std::vector<StoredOp>();
    auto st = db.statement(std::string(kOpColumns) + "WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    if (!st) return st.error();
    ScopedStatement use(**st);
    const auto capped = static_cast<std::int64_t>(
        std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()));
    use->bind(1, seq).bind(2, capped);
    return read_ops(*use, std::min<std::size_t>(limit, 5000));
}

Result<std::vector<StoredOp>> ops_of_entity(SqliteConnection& db, const std::string& entity_id) {
    auto st = db.statement(std::string(kOpColumns) + "WHERE entity_id = ?1 ORDER BY seq");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, entity_id);
    return read_ops(*use);
}

Result<std::optional<StoredOp>> find_op(SqliteConnection& db, const std::string& op_id) {
    auto st = db.statement(std::string(kOpColumns) + "WHERE op_id = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, op_id);
    return read_one<StoredOp>(*use, read_op);
}

Result<std::optional<Rejection>> find_rejection(SqliteConnection& db, const std::string& op_id) {
    auto st = db.statement("SELECT op_id, code, message FROM rejected_ops WHERE op_id = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, op_id);
    return read_one<Rejection>(*use, [](const SqliteStatement& row) {
        return Rejection{row.column_text(0), row.column_text(1), row.column_text(2)};
    });
}

Result<std::vector<Rejection>> find_rejections(SqliteConnection& db, const std::vector<std::string>& op_ids) {
    // Chunks of a fixed number of parameters, so there is one statement text (one cached
    // statement) and no SQLite build's variable limit (999 before 3.32) is reached. The
    // last chunk leaves its unused parameters unbound: NULL, which IN never matches.
    constexpr std::size_t kChunk = 250;
    static const std::string sql = [] {
        std::string text = "SELECT op_id, code, message FROM rejected_ops WHERE op_id IN (";
        for (std::size_t i = 1; i <= kChunk; ++i) text += (i > 1 ? ",?" : "?") + std::to_string(i);
        return text + ")";
    }();
    std::vector<Rejection> found;
    for (std::size_t start = 0; start < op_ids.size(); start += kChunk) {
        auto st = db.statement(sql);
        if (!st) return st.error();
        ScopedStatement use(**st);
        const std::size_t end = std::min(op_ids.size(), start + kChunk);
        for (std::size_t i = start; i < end; ++i) use->bind(static_cast<int>(i - start + 1), op_ids[i]);
        for (;;) {
            auto row = use->step();
            if (!row) return row.error();
            if (!*row) break;
            found.push_back(Rejection{use->column_text(0), use->column_text(1), use->column_text(2)});
        }
    }
    return found;
}

Result<std::int64_t> head_seq(SqliteConnection& db) {
    auto st = db.statement("SELECT coalesce(max(seq), 0) FROM ops");
    if (!st) return st.error();
    ScopedStatement use(**st);
    auto row = use->step();
    if (!row) return row.error();
    return use->column_int64(0);
}

Result<std::vector<NumberBlock>> number_blocks(SqliteConnection& db, const std::string& replica) {
    auto st = db.statement(
        "SELECT first_number, last_number FROM number_blocks WHERE replica = ?1 ORDER BY first_number");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, replica);
    std::vector<NumberBlock> blocks;
    for (;;) {
        auto row = use->step();
        if (!row) return row.error();
        if (!*row) return blocks;
        blocks.push_back(NumberBlock{use->column_int64(0), use->column_int64(1)});
    }
}

Result<std::vector<std::int64_t>> append_ops(SqliteConnection& db, const std::vector<NewOp>& ops) {
    // seq is the rowid: NULL lets SQLite give max(seq) + 1, in the order of the inserts.
    auto st = db.statement(
        "INSERT INTO ops (seq, op_id, entity_id, actor, body) VALUES (NULL, ?1, ?2, ?3, ?4)");
    if (!st) return st.error();
    SqliteStatement& insert = **st;
    std::vector<std::int64_t> seqs;
    seqs.reserve(ops.size());
    for (const NewOp& op : ops) {
        ScopedStatement use(insert);
        use->bind(1, op.op_id).bind(2, op.entity_id).bind(3, op.actor).bind(4, op.body);
        if (Outcome inserted = use->run(); !inserted) {
            return db_errors::translate(inserted.error(), db_errors::kDuplicateOp);
        }
        seqs.push_back(db.last_insert_rowid());
    }
    return seqs;
}

Outcome add_rejections(SqliteConnection& db, const std::vector<Rejection>& rejections) {
    // The first reason given for an id stays: a retry gets the same answer.
    auto st = db.statement(
        "INSERT INTO rejected_ops (op_id, code, message) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (op_id) DO NOTHING");
    if (!st) return st.error();
    for (const Rejection& rejection : rejections) {
        ScopedStatement use(**st);
        use->bind(1, rejection.op_id).bind(2, rejection.code).bind(3, rejection.message);
        if (Outcome inserted = use->run(); !inserted) return inserted.error();
    }
    return Outcome::success();
}

Result<NumberBlock> lease_numbers(SqliteConnection& db, const std::string& replica, std::int64_t count) {
    if (count < 1) {
        return db_errors::make(db_errors::kInvalidArgument,
                               "lease_numbers: count must be at least 1, got " + std::to_string(count));
    }
    NumberBlock block;
    {
        auto st = db.statement(
            "UPDATE counters SET value = value + ?1 WHERE name = 'next_number' RETURNING value - ?1");
        if (!st) return st.error();
        ScopedStatement use(**st);
        use->bind(1, count);
        auto row = use->step();
        if (!row) return row.error();
        if (!*row) return db_errors::make(db_errors::kStorage, "the number counter row is missing");
        block.first = use->column_int64(0);
        block.last = block.first + count - 1;
        // Run to completion before the reset, whatever SQLite's RETURNING timing.
        if (Outcome done = use->run(); !done) return done.error();
    }
    auto st = db.statement(
        "INSERT INTO number_blocks (replica, first_number, last_number) VALUES (?1, ?2, ?3)");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, replica).bind(2, block.first).bind(3, block.last);
    if (Outcome inserted = use->run(); !inserted) return inserted.error();
    return block;
}

Result<std::int64_t> next_number(SqliteConnection& db) {
    auto st = db.statement(
        "UPDATE counters SET value = value + 1 WHERE name = 'next_number' RETURNING value - 1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    auto row = use->step();
    if (!row) return row.error();
    if (!*row) return db_errors::make(db_errors::kStorage, "the number counter row is missing");
    const std::int64_t number = use->column_int64(0);
    if (Outcome done = use->run(); !done) return done.error();
    return number;
}

Result<std::string> bind_replica(SqliteConnection& db, const std::string& replica, const std::string& login) {
    {
        auto st = db.statement(
            "INSERT INTO replicas (replica, login) VALUES (?1, ?2) ON CONFLICT (replica) DO NOTHING");
        if (!st) return st.error();
        ScopedStatement use(**st);
        use->bind(1, replica).bind(2, login);
        if (Outcome inserted = use->run(); !inserted) {
            return db_errors::translate(inserted.error(), {}, db_errors::kNoSuchUser);
        }
    }
    auto st = db.statement("SELECT login FROM replicas WHERE replica = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, replica);
    auto row = use->step();
    if (!row) return row.error();
    if (!*row) return db_errors::make(db_errors::kStorage, "replica " + replica + " vanished");
    return use->column_text(0);
}

Result<std::optional<std::string>> replica_owner(SqliteConnection& db, const std::string& replica) {
    auto st = db.statement("SELECT login FROM replicas WHERE replica = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, replica);
    return read_one<std::string>(*use, [](const SqliteStatement& row) { return row.column_text(0); });
}

Result<ReplicaRelease> release_replica(SqliteConnection& db, const std::string& replica) {
    {
        // Replica ids are [a-z0-9]: no LIKE wildcard can hide in one.
        auto st = db.statement("SELECT 1 FROM ops WHERE op_id LIKE ?1 || ':%' LIMIT 1");
        if (!st) return st.error();
        ScopedStatement use(**st);
        use->bind(1, replica);
        auto row = use->step();
        if (!row) return row.error();
        if (*row) return ReplicaRelease::has_operations;
    }
    auto st = db.statement("DELETE FROM replicas WHERE replica = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, replica);
    if (Outcome deleted = use->run(); !deleted) return deleted.error();
    return db.changes() > 0 ? ReplicaRelease::released : ReplicaRelease::unbound;
}

Outcome create_user(SqliteConnection& db, const UserRecord& user) {
    auto st = db.statement(
        "INSERT INTO users (login, name, role, password_hash, active) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, user.login).bind(2, user.name).bind(3, user.role).bind(4, user.password_hash);
    use->bind(5, std::int64_t{user.active ? 1 : 0});
    if (Outcome inserted = use->run(); !inserted) {
        Error error = db_errors::translate(inserted.error(), db_errors::kUserExists);
        if (error.code == db_errors::kUserExists) error.message = "user " + user.login + " exists";
        return error;
    }
    return Outcome::success();
}

Outcome update_user(SqliteConnection& db, const UserRecord& user) {
    auto st = db.statement(
        "UPDATE users SET name = ?2, role = ?3, password_hash = ?4, active = ?5 WHERE login = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, user.login).bind(2, user.name).bind(3, user.role).bind(4, user.password_hash);
    use->bind(5, std::int64_t{user.active ? 1 : 0});
    if (Outcome updated = use->run(); !updated) return updated.error();
    if (db.changes() == 0) return db_errors::make(db_errors::kNoSuchUser, "no user " + user.login);
    return Outcome::success();
}

Result<std::optional<UserRecord>> find_user(SqliteConnection& db, const std::string& login) {
    auto st = db.statement(
        "SELECT login, name, role, password_hash, active FROM users WHERE login = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, login);
    return read_one<UserRecord>(*use, read_user);
}

Result<std::vector<UserRecord>> list_users(SqliteConnection& db) {
    auto st = db.statement(
        "SELECT login, name, role, password_hash, active FROM users ORDER BY login");
    if (!st) return st.error();
    ScopedStatement use(**st);
    std::vector<UserRecord> users;
    for (;;) {
        auto row = use->step();
        if (!row) return row.error();
        if (!*row) return users;
        users.push_back(read_user(*use));
    }
}

Outcome create_session(SqliteConnection& db, const SessionRecord& session) {
    auto st = db.statement(
        "INSERT INTO sessions (token_hash, login, expires_ms) VALUES (?1, ?2, ?3)");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, session.token_hash).bind(2, session.login).bind(3, session.expires_ms);
    if (Outcome inserted = use->run(); !inserted) {
        return db_errors::translate(inserted.error(), {}, db_errors::kNoSuchUser);
    }
    return Outcome::success();
}

Result<std::optional<SessionRecord>> find_session(SqliteConnection& db, const std::string& token_hash) {
    auto st = db.statement("SELECT token_hash, login, expires_ms FROM sessions WHERE token_hash = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, token_hash);
    return read_one<SessionRecord>(*use, [](const SqliteStatement& row) {
        return SessionRecord{row.column_text(0), row.column_text(1), row.column_int64(2)};
    });
}

Outcome delete_session(SqliteConnection& db, const std::string& token_hash) {
    auto st = db.statement("DELETE FROM sessions WHERE token_hash = ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, token_hash);
    return use->run();
}

Outcome delete_expired_sessions(SqliteConnection& db, std::int64_t now_ms) {
    auto st = db.statement("DELETE FROM sessions WHERE expires_ms <= ?1");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, now_ms);
    return use->run();
}

Outcome delete_sessions_of(SqliteConnection& db, const std::string& login, const std::string& keep_token_hash) {
    auto st = db.statement("DELETE FROM sessions WHERE login = ?1 AND token_hash <> ?2");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, login).bind(2, keep_token_hash);
    return use->run();
}

Outcome trim_sessions(SqliteConnection& db, const std::string& login, std::size_t keep) {
    auto st = db.statement(
        "DELETE FROM sessions WHERE login = ?1 AND token_hash NOT IN ("
        " SELECT token_hash FROM sessions WHERE login = ?1 ORDER BY expires_ms DESC, token_hash DESC LIMIT ?2)");
    if (!st) return st.error();
    ScopedStatement use(**st);
    use->bind(1, login).bind(2, static_cast<std::int64_t>(std::min<std::size_t>(keep, std::numeric_limits<std::int64_t>::max())));
    return use->run();
}

}  // namespace hotline::server::sqlite_queries
