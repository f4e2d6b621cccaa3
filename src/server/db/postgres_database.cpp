// The PostgreSQL backend: one pqxx connection and the statements of postgres_queries.hpp
// behind the Database / WriteTransaction interface. Several server processes may share
// the database: writers serialize on an advisory transaction lock, so sequence numbers
// increase in commit order.
#include <memory>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include "server/db/database.hpp"
#include "server/db/db_errors.hpp"
#include "server/db/postgres_queries.hpp"
#include "server/db/postgres_support.hpp"
#include "server/db/write_transaction_state.hpp"

namespace hotline::server {
namespace {

namespace q = postgres_queries;

class PostgresWriteTransaction final : public WriteTransaction {
public:
    // `active` is the Database's pointer to the open write transaction: its reads go
    // through this pqxx::work while it is open (pqxx allows one transaction per connection).
    PostgresWriteTransaction(std::unique_ptr<pqxx::work> work, pqxx::work*& active)
        : work_(std::move(work)), active_(active) {
        active_ = work_.get();
    }
    ~PostgresWriteTransaction() override {
        active_ = nullptr;
        // pqxx::work's destructor aborts an uncommitted transaction (and never throws).
    }

    Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) override {
        return call("ops_after", [&]() -> Result<std::vector<StoredOp>> {
            return q::ops_after(*work_, seq, limit);
        });
    }
    Result<std::vector<std::int64_t>> append_ops(const std::vector<NewOp>& ops) override {
        Result<std::vector<std::int64_t>> seqs = call("append_ops", [&]() -> Result<std::vector<std::int64_t>> {
            return q::append_ops(*work_, ops);
        });
        if (!seqs) return db_errors::translate(seqs.error(), db_errors::kDuplicateOp);
        return seqs;
    }
    Outcome add_rejections(const std::vector<Rejection>& rejections) override {
        return call("add_rejections", [&]() -> Outcome {
            q::add_rejections(*work_, rejections);
            return Outcome::success();
        });
    }
    Result<NumberBlock> lease_numbers(const std::string& replica, std::int64_t count) override {
        return call("lease_numbers", [&] { return q::lease_numbers(*work_, replica, count); });
    }
    Result<std::int64_t> next_number() override {
        return call("next_number", [&]() -> Result<std::int64_t> { return q::next_number(*work_); });
    }
    Result<std::string> bind_replica(const std::string& replica, const std::string& login) override {
        Result<std::string> owner = call("bind_replica", [&]() -> Result<std::string> {
            return q::bind_replica(*work_, replica, login);
        });
        if (!owner) return db_errors::translate(owner.error(), {}, db_errors::kNoSuchUser);
        return owner;
    }
    Result<std::optional<std::string>> replica_owner(const std::string& replica) override {
        return call("replica_owner", [&]() -> Result<std::optional<std::string>> {
            return q::replica_owner(*work_, replica);
        });
    }
    Result<ReplicaRelease> release_replica(const std::string& replica) override {
        return call("release_replica", [&]() -> Result<ReplicaRelease> { return q::release_replica(*work_, replica); });
    }
    Outcome commit() override {
        Outcome committed = call("commit", [&]() -> Outcome {
            work_->commit();
            return Outcome::success();
        });
        if (committed) state_.finish();
        return committed;
    }

private:
    template <typename Call>
    auto call(const char* what, Call&& body) -> decltype(body()) {
        return state_.guarded(what, [&] { return pg_call(what, body); });
    }

    std::unique_ptr<pqxx::work> work_;
    pqxx::work*& active_;
    WriteTransactionState state_;
};

class PostgresDatabase final : public Database {
public:
    explicit PostgresDatabase(std::unique_ptr<pqxx::connection> connection)
        : connection_(std::move(connection)) {}

    Result<int> migrate() override {
        if (active_ != nullptr) return transaction_open("migrate");
        return pg_call("migrate", [&]() -> Result<int> {
            pqxx::work work(*connection_, "hotline_migrate");
            q::take_write_lock(work);  // two processes starting at once migrate in turn
            Result<int> version = q::migrate(work);
            if (version) work.commit();
            return version;
        });
    }

    Result<std::unique_ptr<WriteTransaction>> begin_write() override {
        if (active_ != nullptr) return transaction_open("begin_write");
        return pg_call("begin_write", [&]() -> Result<std::unique_ptr<WriteTransaction>> {
            auto work = std::make_unique<pqxx::work>(*connection_, "hotline_write");
            q::take_write_lock(*work);
            return std::unique_ptr<WriteTransaction>(new PostgresWriteTransaction(std::move(work), active_));
        });
    }

    Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) override {
        return run("ops_after", [&](pqxx::transaction_base& tx) { return q::ops_after(tx, seq, limit); });
    }
    Result<std::vector<StoredOp>> ops_of_entity(const std::string& entity_id) override {
        return run("ops_of_entity", [&](pqxx::transaction_base& tx) { return q::ops_of_entity(tx, entity_id); });
    }
    Result<std::optional<StoredOp>> find_op(const std::string& op_id) override {
        return run("find_op", [&](pqxx::transaction_base& tx) { return q::find_op(tx, op_id); });
    }
    Result<std::optional<Rejection>> find_rejection(const std::string& op_id) override {
        return run("find_rejection", [&](pqxx::transaction_base& tx) { return q::find_rejection(tx, op_id); });
    }
    Result<std::vector<Rejection>> find_rejections(const std::vector<std::string>& op_ids) override {
        return run("find_rejections", [&](pqxx::transaction_base& tx) { return q::find_rejections(tx, op_ids); });
    }
    Result<std::int64_t> head_seq() override {
        return run("head_seq", [&](pqxx::transaction_base& tx) { return q::head_seq(tx); });
    }
    Result<std::vector<NumberBlock>> number_blocks(const std::string& replica) override {
        return run("number_blocks", [&](pqxx::transaction_base& tx) { return q::number_blocks(tx, replica); });
    }

    Outcome create_user(const UserRecord& user) override {
        Outcome created = run_void("create_user", [&](pqxx::transaction_base& tx) { q::create_user(tx, user); });
        if (created) return created;
        Error error = db_errors::translate(created.error(), db_errors::kUserExists);
        if (error.code == db_errors::kUserExists) error.message = "user " + user.login + " exists";
        return error;
    }
    Outcome update_user(const UserRecord& user) override {
        Result<bool> found = run("update_user", [&](pqxx::transaction_base& tx) { return q::update_user(tx, user); });
        if (!found) return found.error();
        if (!*found) return db_errors::make(db_errors::kNoSuchUser, "no user " + user.login);
        return Outcome::success();
    }
    Result<std::optional<UserRecord>> find_user(const std::string& login) override {
        return run("find_user", [&](pqxx::transaction_base& tx) { return q::find_user(tx, login); });
    }
    Result<std::vector<UserRecord>> list_users() override {
        return run("list_users", [&](pqxx::transaction_base& tx) { return q::list_users(tx); });
    }
    Outcome create_session(const SessionRecord& session) override {
        Outcome created = run_void("create_session", [&](pqxx::transaction_base& tx) { q::create_session(tx, session); });
        if (created) return created;
        return db_errors::translate(created.error(), {}, db_errors::kNoSuchUser);
    }
    Result<std::optional<SessionRecord>> find_session(const std::string& token_hash) override {
        return run("find_session", [&](pqxx::transaction_base& tx) { return q::find_session(tx, token_hash); });
    }
    Outcome delete_session(const std::string& token_hash) override {
        return run_void("delete_session", [&](pqxx::transaction_base& tx) { q::delete_session(tx, token_hash); });
    }
    Outcome delete_expired_sessions(std::int64_t now_ms) override {
        return run_void("delete_expired_sessions",
                        [&](pqxx::transaction_base& tx) { q::delete_expired_sessions(tx, now_ms); });
    }
    Outcome delete_sessions_of(const std::string& login, const std::string& keep_token_hash) override {
        return run_void("delete_sessions_of",
                        [&](pqxx::transaction_base& tx) { q::delete_sessions_of(tx, login, keep_token_hash); });
    }
    Outcome trim_sessions(const std::string& login, std::size_t keep) override {
        return run_void("trim_sessions", [&](pqxx::transaction_base& tx) { q::trim_sessions(tx, login, keep); });
    }

private:
    // One statement: inside the open write transaction if there is one (same connection,
    // sees its uncommitted writes, as SQLite does), else autocommit.
    template <typename Body>
    auto run(const char* what, Body&& body) -> Result<decltype(body(std::declval<pqxx::transaction_base&>()))> {
        using T = decltype(body(std::declval<pqxx::transaction_base&>()));
        return pg_call(what, [&]() -> Result<T> {
            if (active_ != nullptr) return body(*active_);
            pqxx::nontransaction tx(*connection_, what);
            return body(tx);
        });
    }
    template <typename Body>
    Outcome run_void(const char* what, Body&& body) {
        Result<bool> done = run(what, [&](pqxx::transaction_base& tx) {
            body(tx);
            return true;
        });
        if (!done) return done.error();
        return Outcome::success();
    }
    static Error transaction_open(const char* what) {
        return db_errors::make(db_errors::kTransactionOpen,
                               std::string(what) + ": a write transaction is open on this connection");
    }

    std::unique_ptr<pqxx::connection> connection_;
    pqxx::work* active_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& connection) {
    return pg_call("open_postgres", [&]() -> Result<std::unique_ptr<Database>> {
        auto conn = std::make_unique<pqxx::connection>(connection);
        // Kept across pqxx's reconnects; hides NOTICEs such as "table exists, skipping".
        conn->set_variable("client_min_messages", "warning");
        q::prepare_statements(*conn);
        return std::unique_ptr<Database>(new PostgresDatabase(std::move(conn)));
    });
}

}  // namespace hotline::server
