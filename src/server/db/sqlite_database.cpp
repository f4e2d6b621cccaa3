// The SQLite backend: one connection (sqlite_connection.hpp) and the queries of
// sqlite_queries.hpp behind the Database / WriteTransaction interface.
#include <memory>

#include "server/db/database.hpp"
#include "server/db/db_errors.hpp"
#include "server/db/sqlite_connection.hpp"
#include "server/db/sqlite_queries.hpp"
#include "server/db/write_transaction_state.hpp"

namespace hotline::server {
namespace {

namespace q = sqlite_queries;

// BEGIN IMMEDIATE takes SQLite's write lock at once (waiting up to the busy timeout), so
// no other connection appends between our catch-up read and our inserts. On the same
// connection, Database reads made while it is open see its uncommitted writes.
class SqliteWriteTransaction final : public WriteTransaction {
public:
    SqliteWriteTransaction(SqliteConnection& db, bool& open_flag) : db_(db), open_flag_(open_flag) {
        open_flag_ = true;
    }
    ~SqliteWriteTransaction() override {
        if (!state_.finished()) (void)db_.exec("ROLLBACK");
        open_flag_ = false;
    }

    Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) override {
        return state_.guarded("ops_after", [&] { return q::ops_after(db_, seq, limit); });
    }
    Result<std::vector<std::int64_t>> append_ops(const std::vector<NewOp>& ops) override {
        return state_.guarded("append_ops", [&] { return q::append_ops(db_, ops); });
    }
    Outcome add_rejections(const std::vector<Rejection>& rejections) override {
        return state_.guarded("add_rejections", [&] { return q::add_rejections(db_, rejections); });
    }
    Result<NumberBlock> lease_numbers(const std::string& replica, std::int64_t count) override {
        return state_.guarded("lease_numbers", [&] { return q::lease_numbers(db_, replica, count); });
    }
    Result<std::int64_t> next_number() override {
        return state_.guarded("next_number", [&] { return q::next_number(db_); });
    }
    Result<std::string> bind_replica(const std::string& replica, const std::string& login) override {
        return state_.guarded("bind_replica", [&] { return q::bind_replica(db_, replica, login); });
    }
    Result<std::optional<std::string>> replica_owner(const std::string& replica) override {
        return state_.guarded("replica_owner", [&] { return q::replica_owner(db_, replica); });
    }
    Result<ReplicaRelease> release_replica(const std::string& replica) override {
        return state_.guarded("release_replica", [&] { return q::release_replica(db_, replica); });
    }
    Outcome commit() override {
        Outcome committed = state_.guarded("commit", [&] { return db_.exec("COMMIT"); });
        if (committed) state_.finish();
        return committed;  // on failure the destructor rolls back
    }

private:
    SqliteConnection& db_;
    bool& open_flag_;
    WriteTransactionState state_;
};

class SqliteDatabase final : public Database {
public:
    explicit SqliteDatabase(std::unique_ptr<SqliteConnection> db) : db_(std::move(db)) {}
    ~SqliteDatabase() override = default;

    Result<int> migrate() override {
        if (write_open_) return transaction_open("migrate");
        return q::migrate(*db_);
    }
    Result<std::unique_ptr<WriteTransaction>> begin_write() override {
        if (write_open_) return transaction_open("begin_write");
        if (Outcome begun = db_->exec("BEGIN IMMEDIATE"); !begun) return begun.error();
        return std::unique_ptr<WriteTransaction>(new SqliteWriteTransaction(*db_, write_open_));
    }

    Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) override {
        return q::ops_after(*db_, seq, limit);
    }
    Result<std::vector<StoredOp>> ops_of_entity(const std::string& entity_id) override {
        return q::ops_of_entity(*db_, entity_id);
    }
    Result<std::optional<StoredOp>> find_op(const std::string& op_id) override {
        return q::find_op(*db_, op_id);
    }
    Result<std::optional<Rejection>> find_rejection(const std::string& op_id) override {
        return q::find_rejection(*db_, op_id);
    }
    Result<std::vector<Rejection>> find_rejections(const std::vector<std::string>& op_ids) override {
        return q::find_rejections(*db_, op_ids);
    }
    Result<std::int64_t> head_seq() override { return q::head_seq(*db_); }
    Result<std::vector<NumberBlock>> number_blocks(const std::string& replica) override {
        return q::number_blocks(*db_, replica);
    }

    Outcome create_user(const UserRecord& user) override { return q::create_user(*db_, user); }
    Outcome update_user(const UserRecord& user) override { return q::update_user(*db_, user); }
    Result<std::optional<UserRecord>> find_user(const std::string& login) override {
        return q::find_user(*db_, login);
    }
    Result<std::vector<UserRecord>> list_users() override { return q::list_users(*db_); }
    Outcome create_session(const SessionRecord& session) override {
        return q::create_session(*db_, session);
    }
    Result<std::optional<SessionRecord>> find_session(const std::string& token_hash) override {
        return q::find_session(*db_, token_hash);
    }
    Outcome delete_session(const std::string& token_hash) override {
        return q::delete_session(*db_, token_hash);
    }
    Outcome delete_expired_sessions(std::int64_t now_ms) override {
        return q::delete_expired_sessions(*db_, now_ms);
    }
    Outcome delete_sessions_of(const std::string& login, const std::string& keep_token_hash) override {
        return q::delete_sessions_of(*db_, login, keep_token_hash);
    }
    Outcome trim_sessions(const std::string& login, std::size_t keep) override {
        return q::trim_sessions(*db_, login, keep);
    }

private:
    static Error transaction_open(const char* what) {
        return db_errors::make(db_errors::kTransactionOpen,
                               std::string(what) + ": a write transaction is open on this connection");
    }

    std::unique_ptr<SqliteConnection> db_;
    bool write_open_ = false;  // one WriteTransaction at a time per connection
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path) {
    auto connection = SqliteConnection::open(path);
    if (!connection) return connection.error();
    return std::unique_ptr<Database>(new SqliteDatabase(std::move(*connection)));
}

}  // namespace hotline::server
