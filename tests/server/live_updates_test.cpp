// Issue 13: live updates across server processes on one PostgreSQL (LISTEN/NOTIFY,
// server/db/postgres_listener.hpp). Two real server processes share the database; a client
// parked in a long poll on B is woken by a push on A within seconds, not at its deadline;
// after PostgreSQL cuts the listeners' connections, they come back and wake polls again.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include <pqxx/connection>
#include <pqxx/nontransaction>

#include "core/op_factory.hpp"
#include "live_poll.hpp"
#include "server/credentials.hpp"
#include "server/users_api.hpp"
#include "server_process.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::server_test::check_woken_across;
using hotline::server_test::ServerProcess;
namespace fs = std::filesystem;

constexpr const char* kPassword = "correct horse battery";

TEST_CASE("postgres: a push on one server process wakes a long poll on another") {
    auto td = server_test::fresh_database(Backend::postgres, "live updates");
    REQUIRE(server::init_credentials().ok());
    auto user = server::new_user("ann", "Ann", "agent", kPassword, server::HashCost::minimal);
    HOTLINE_REQUIRE_OK(user);
    HOTLINE_REQUIRE_OK(td.db->create_user(*user));

    const fs::path work = fs::current_path() / "live-updates";
    fs::remove_all(work);
    fs::create_directories(work / "a");
    fs::create_directories(work / "b");
    ::setenv("HOTLINE_POSTGRES", td.location.c_str(), 1);
    ServerProcess a(HOTLINE_SERVER_PROGRAM, (work / "unused.db").string(), (work / "a").string());
    ServerProcess b(HOTLINE_SERVER_PROGRAM, (work / "unused.db").string(), (work / "b").string());
    const Outcome started_a = a.start(0), started_b = b.start(0);
    ::unsetenv("HOTLINE_POSTGRES");
    HOTLINE_REQUIRE_OK(started_a);
    HOTLINE_REQUIRE_OK(started_b);
    auto token_a = server_test::sign_in(a.port(), "ann", kPassword);
    auto token_b = server_test::sign_in(b.port(), "ann", kPassword);
    HOTLINE_REQUIRE_OK(token_a);
    HOTLINE_REQUIRE_OK(token_b);

    OpFactory factory("annrep");  // no leased numbers: provisional ones, the server gives the final
    std::int64_t head = 0;
    check_woken_across(a.port(), *token_a, b.port(), *token_b, "ann", factory, head, "Boiler leaks");
    check_woken_across(b.port(), *token_b, a.port(), *token_a, "ann", factory, head, "Radiator cold");

    // PostgreSQL cuts the listeners' connections (a restart, a failover): they come back.
    {
        pqxx::connection admin(td.location);
        pqxx::nontransaction tx(admin);
        const auto cut = tx.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
        CHECK(cut.size() == 2);
    }
    std::this_thread::sleep_for(std::chrono::seconds(3));  // the listeners retry every second
    check_woken_across(a.port(), *token_a, b.port(), *token_b, "ann", factory, head, "Printer jams");
}
