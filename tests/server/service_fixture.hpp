// A sync service on a real database, called the way the HTTP layer calls it,
// for the service's tests: users of every role, logins, pushes of operations
// minted by real op factories.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/op_factory.hpp"
#include "server/db/database.hpp"
#include "server/sync_service.hpp"
#include "server_test_support.hpp"

namespace hotline::test {

// A request as the HTTP layer hands it to the service, from the loopback address.
server::ApiRequest api_request(const std::string& method, const std::string& path, const std::string& body,
                               const std::string& token, std::map<std::string, std::string> query = {});

class ServiceFixture {
public:
    // A fresh database: SQLite in the current folder, or the test PostgreSQL server.
    using Backend = server_test::Backend;
    explicit ServiceFixture(Backend backend = Backend::sqlite, std::string_view name = "service");

    server::ApiResponse call(const std::string& method, const std::string& path, const std::string& body = "",
                             const std::string& token = "", std::map<std::string, std::string> query = {});
    void add_user(const std::string& login, const std::string& role, const std::string& name = "");
    std::string login(const std::string& login);  // returns the token; fails the test if refused

    // The push request (protocol/push_messages.hpp) for operations minted elsewhere.
    static std::string push_body(const std::string& replica, const std::vector<Operation>& ops, int want_numbers = 0);
    server::ApiResponse push(const std::string& token, const std::string& replica, const std::vector<Operation>& ops,
                             int want_numbers = 0);
    // Restarts the service on the same database (a server restart).
    void restart();

    server::Database& db() { return *database_.db; }
    server::SyncService& service() { return *service_; }
    std::int64_t now = 1764000000000;
    int changes_signalled = 0;
    ArchivePolicy archive;  // W10: off, as the server's default; set it, then restart()

    static constexpr const char* kPassword = "correct horse battery";

private:
    server_test::TestDatabase database_;
    std::unique_ptr<server::SyncService> service_;
};

// Operations of one client replica, with times from the fixture's clock.
struct ClientOps {
    explicit ClientOps(std::string replica, std::string login) : factory(replica), actor("u:" + std::move(login)) {}
    Operation create(std::int64_t now, const std::string& title, const std::string& engineer = "");
    Operation set(std::int64_t now, const std::string& incident, FieldId field, const std::string& value);
    Operation transition(std::int64_t now, const std::string& incident, IncidentStatus to);
    OpFactory factory;
    std::string actor;
};

}  // namespace hotline::test
