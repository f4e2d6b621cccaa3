#include "faulty_database.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "server/users_api.hpp"
#include "service_fixture.hpp"

namespace hotline::server_test {
namespace {

using namespace hotline::server;

Error broken() { return make_error("storage_unavailable", "injected failure"); }

class FaultyTransaction final : public WriteTransaction {
public:
    FaultyTransaction(std::unique_ptr<WriteTransaction> tx, Faults& faults) : tx_(std::move(tx)), faults_(faults) {}
    ~FaultyTransaction() override { faults_.tx_failed = false; }  // rolled back

    Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) override {
        if (faults_.tx_failed) return broken();
        return tx_->ops_after(seq, limit);
    }
    Result<std::vector<std::int64_t>> append_ops(const std::vector<NewOp>& ops) override {
        if (faults_.fail_append) {
            faults_.fail_append = false;
            faults_.tx_failed = true;
            faults_.fail_reads = faults_.reads_fail_too;
        }
        if (faults_.tx_failed) return broken();
        return tx_->append_ops(ops);
    }
    Outcome add_rejections(const std::vector<Rejection>& r) override {
        return faults_.tx_failed ? Outcome(broken()) : tx_->add_rejections(r);
    }
    Result<NumberBlock> lease_numbers(const std::string& replica, std::int64_t count) override {
        if (faults_.tx_failed) return broken();
        return tx_->lease_numbers(replica, count);
    }
    Result<std::int64_t> next_number() override {
        if (faults_.tx_failed) return broken();
        return tx_->next_number();
    }
    Result<std::string> bind_replica(const std::string& replica, const std::string& login) override {
        if (faults_.tx_failed) return broken();
        return tx_->bind_replica(replica, login);
    }
    Result<std::optional<std::string>> replica_owner(const std::string& replica) override {
        if (faults_.tx_failed) return broken();
        return tx_->replica_owner(replica);
    }
    Result<ReplicaRelease> release_replica(const std::string& replica) override {
        if (faults_.tx_failed) return broken();
        return tx_->release_replica(replica);
    }
    Outcome commit() override { return faults_.tx_failed ? Outcome(broken()) : tx_->commit(); }

private:
    std::unique_ptr<WriteTransaction> tx_;
    Faults& faults_;
};

class FaultyDatabase final : public Database {
public:
    FaultyDatabase(Database& db, Faults& faults) : db_(db), faults_(faults) {}

    Result<int> migrate() override { return db_.migrate(); }
    Result<std::unique_ptr<WriteTransaction>> begin_write() override {
        auto tx = db_.begin_write();
        if (!tx) return tx.error();
        return std::unique_ptr<WriteTransaction>(new FaultyTransaction(std::move(*tx), faults_));
    }
    Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) override {
        if (unreadable()) return broken();
        return db_.ops_after(seq, limit);
    }
    Result<std::vector<StoredOp>> ops_of_entity(const std::string& id) override {
        if (unreadable()) return broken();
        return db_.ops_of_entity(id);
    }
    Result<std::optional<StoredOp>> find_op(const std::string& id) override {
        if (unreadable()) return broken();
        return db_.find_op(id);
    }
    Result<std::optional<Rejection>> find_rejection(const std::string& id) override {
        if (unreadable()) return broken();
        return db_.find_rejection(id);
    }
    Result<std::vector<Rejection>> find_rejections(const std::vector<std::string>& ids) override {
        if (unreadable()) return broken();
        return db_.find_rejections(ids);
    }
    Result<std::int64_t> head_seq() override {
        ++faults_.head_reads;
        if (unreadable()) return broken();
        return db_.head_seq();
    }
    Result<std::vector<NumberBlock>> number_blocks(const std::string& replica) override {
        if (unreadable()) return broken();
        return db_.number_blocks(replica);
    }
    Outcome create_user(const UserRecord& user) override { return db_.create_user(user); }
    Outcome update_user(const UserRecord& user) override { return db_.update_user(user); }
    Result<std::optional<UserRecord>> find_user(const std::string& login) override { return db_.find_user(login); }
    Result<std::vector<UserRecord>> list_users() override { return db_.list_users(); }
    Outcome create_session(const SessionRecord& s) override { return db_.create_session(s); }
    Result<std::optional<SessionRecord>> find_session(const std::string& hash) override { return db_.find_session(hash); }
    Outcome delete_session(const std::string& hash) override { return db_.delete_session(hash); }
    Outcome delete_expired_sessions(std::int64_t now_ms) override { return db_.delete_expired_sessions(now_ms); }
    Outcome delete_sessions_of(const std::string& login, const std::string& keep) override {
        return db_.delete_sessions_of(login, keep);
    }
    Outcome trim_sessions(const std::string& login, std::size_t keep) override { return db_.trim_sessions(login, keep); }

private:
    bool unreadable() const { return faults_.fail_reads || faults_.tx_failed; }
    Database& db_;
    Faults& faults_;
};

}  // namespace

std::unique_ptr<Database> faulty_database(Database& db, Faults& faults) {
    return std::make_unique<FaultyDatabase>(db, faults);
}

FaultyService::FaultyService(Backend backend)
    : database(fresh_database(backend, "faulty database")), faulty(faulty_database(*database.db, faults)) {
    auto user = new_user("agent", "Anna Agent", "agent", test::ServiceFixture::kPassword, HashCost::minimal);
    REQUIRE(user.ok());
    REQUIRE(database.db->create_user(*user).ok());
    ServiceOptions options;
    options.hash_cost = HashCost::minimal;
    options.now_ms = [] { return std::int64_t{1764000000000}; };
    auto opened = SyncService::open(*faulty, options);
    REQUIRE(opened.ok());
    service = std::move(*opened);
    auto r = call("POST", "/login", nlohmann::json{{"login", "agent"}, {"password", test::ServiceFixture::kPassword}}.dump());
    REQUIRE(r.status == 200);
    token = r.body["token"].get<std::string>();
}

ApiResponse FaultyService::call(const std::string& method, const std::string& path, const std::string& body,
                                std::map<std::string, std::string> query) {
    return service->handle(test::api_request(method, path, body, token, std::move(query)));
}

ApiResponse FaultyService::push(const std::vector<Operation>& ops) {
    return call("POST", "/push", test::ServiceFixture::push_body("ra", ops));
}

}  // namespace hotline::server_test
