// The server under benchmark, in this process: a fresh database (a new SQLite file in the
// work folder, or the PostgreSQL server in HOTLINE_TEST_PG with its `public` schema dropped
// and re-created, as tests/server/server_test_support.cpp does), the real SyncService, and
// the real HttpServer on 127.0.0.1, port 0. Users (role manager: sees everything, may edit
// everything) and their sessions are written to the database before the server starts,
// because after start() only the server's io thread may use the connection.
// Passwords are hashed with HashCost::minimal, except the sign-in users' (interactive, the
// cost real users have): only they log in.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "server/db/database.hpp"
#include "server/http/http_server.hpp"
#include "server/sync_service.hpp"

namespace hotline::server_bench {

enum class Backend { sqlite, postgres };

// Users whose passwords are hashed at the interactive cost: the login scenario signs in as
// them, paying what a real sign-in pays. One per signing-in client: concurrent attempts of
// one login from one address count against its rate limit until they succeed.
inline constexpr const char* kSignInPassword = "sign-in password";
std::string sign_in_login(std::size_t client);

class BenchServer {
public:
    // `location`: the SQLite file path, or the PostgreSQL connection string.
    static Result<std::unique_ptr<BenchServer>> start(Backend backend, const std::string& location,
                                                      const std::vector<std::string>& logins,
                                                      std::size_t sign_in_users);
    ~BenchServer();

    std::uint16_t port() const { return http_->port(); }
    const std::string& token(const std::string& login) const { return tokens_.at(login); }

private:
    BenchServer() = default;

    std::unique_ptr<server::Database> db_;
    std::unique_ptr<server::SyncService> service_;
    std::unique_ptr<server::http::HttpServer> http_;
    std::map<std::string, std::string> tokens_;
};

}  // namespace hotline::server_bench
