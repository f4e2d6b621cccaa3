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

#include <nlohmann/json.hpp>
#include <pqxx/connection>
#include <pqxx/nontransaction>

#include "core/op_factory.hpp"
#include "protocol/push_messages.hpp"
#include "server/credentials.hpp"
#include "server/http/http_client.hpp"
#include "server/users_api.hpp"
#include "server_process.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::server_test::ServerProcess;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr std::int64_t kWaitMs = 15'000;  // the long poll's own deadline

std::int64_t wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A long poll on `port` from `cursor`, on a thread of its own: how long it took to answer.
class Poll {
public:
    Poll(std::uint16_t port, std::string token, std::int64_t cursor)
        : thread_([this, port, token = std::move(token), cursor] {
              server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(30));
              const auto begin = std::chrono::steady_clock::now();
              auto r = client.request("GET", "/api/v1/wait?cursor=" + std::to_string(cursor) +
                                                 "&timeout_ms=" + std::to_string(kWaitMs),
                                      {}, token);
              elapsed_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin)
                                .count();
              if (!r || r->status != 200) return;
              // No exception may leave this thread: a reply that is not JSON leaves head() at -1.
              const auto body = nlohmann::json::parse(r->body, nullptr, false);
              if (body.is_object()) head_ = body.value("head", std::int64_t{0});
          }) {}
    ~Poll() {
        if (thread_.joinable()) thread_.join();  // a failed check left early
    }
    // Waits for the answer.
    void join() { thread_.join(); }
    std::int64_t elapsed_ms() const { return elapsed_ms_; }
    std::int64_t head() const { return head_; }

private:
    std::int64_t elapsed_ms_ = -1, head_ = -1;
    std::thread thread_;
};

// Pushes one new incident as ann on `port`; the log's head after it.
std::int64_t push_incident(std::uint16_t port, const std::string& token, OpFactory& factory, const std::string& title) {
    const Operation op = factory.create_incident("u:ann", wall_ms(), {{IncidentField::title, title}});
    server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(10));
    auto r = client.request("POST", "/api/v1/push", protocol::encode_push_request("annrep", std::span(&op, 1), 0), token);
    REQUIRE(r.ok());
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return nlohmann::json::parse(r->body)["head"].get<std::int64_t>();
}

// A poll parked on `waiting` is woken by a push on `pushing`, well before its deadline.
void woken_across(ServerProcess& pushing, const std::string& push_token, ServerProcess& waiting,
                  const std::string& wait_token, OpFactory& factory, std::int64_t& head, const std::string& title) {
    Poll poll(waiting.port(), wait_token, head);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // parked by now
    head = push_incident(pushing.port(), push_token, factory, title);
    poll.join();
    CHECK(poll.head() == head);
    CHECK_MESSAGE(poll.elapsed_ms() < kWaitMs / 3, "woken after " << poll.elapsed_ms() << " ms");
    MESSAGE("woken across processes after " << poll.elapsed_ms() << " ms (300 ms of it before the push)");
}

}  // namespace

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
    woken_across(a, *token_a, b, *token_b, factory, head, "Boiler leaks");
    woken_across(b, *token_b, a, *token_a, factory, head, "Radiator cold");

    // PostgreSQL cuts the listeners' connections (a restart, a failover): they come back.
    {
        pqxx::connection admin(td.location);
        pqxx::nontransaction tx(admin);
        const auto cut = tx.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
        CHECK(cut.size() == 2);
    }
    std::this_thread::sleep_for(std::chrono::seconds(3));  // the listeners retry every second
    woken_across(a, *token_a, b, *token_b, factory, head, "Printer jams");
}
