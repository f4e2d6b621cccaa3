// Upgrade without loss (issue 8), server side: a SQLite file and a PostgreSQL database
// filled by the version before the entity model (tests/fixtures/v1) open in this version
// with the same desk, and keep syncing: the fixture's client replica (also written by that
// version) pushes its pending changes and converges with the server; on PostgreSQL a fresh
// client syncs everything and adds a change of its own.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/replica.hpp"
#include "desk_fingerprint.hpp"
#include "text_file.hpp"
#include "http_transport.hpp"
#include "server/db/database.hpp"
#include "server/http/http_client.hpp"
#include "server/server_desk.hpp"
#include "server_process.hpp"
#include "server_test_support.hpp"
#include "sync/sync_engine.hpp"

#ifndef HOTLINE_SERVER_PROGRAM
#define HOTLINE_SERVER_PROGRAM ""
#endif

namespace {

using namespace hotline;
using namespace hotline::server_test;
using hotline::testing::desk_fingerprint;
using hotline::testing::first_difference;
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(HOTLINE_FIXTURES_DIR) / "v1";
constexpr const char* kFixturePassword = "correct horse battery";  // the fixture's users

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The database migrated to this version's schema and its desk folded, as a server start does.
std::string migrated_fingerprint(server::Database& db) {
    auto version = db.migrate();
    HOTLINE_REQUIRE_OK(version);
    auto desk = server::ServerDesk::load(db);
    HOTLINE_REQUIRE_OK(desk);
    return desk_fingerprint(desk->desk());
}

// A client replica syncing with the real server over HTTP.
struct Client {
    std::unique_ptr<HttpTransport> http;
    std::unique_ptr<app::Replica> replica;
    std::unique_ptr<sync::SyncEngine> engine;

    Client(std::uint16_t port, const std::string& dir, const std::string& fresh_id, const std::string& login) {
        server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(10));
        auto r = client.request("POST", "/api/v1/login",
                                nlohmann::json{{"login", login}, {"password", kFixturePassword}}.dump());
        REQUIRE(r.ok());
        REQUIRE_MESSAGE(r->status == 200, r->body);
        http = std::make_unique<HttpTransport>(port);
        auto opened = app::Replica::open(dir, fresh_id);
        REQUIRE_MESSAGE(opened.ok(), failure_text(opened));
        replica = std::make_unique<app::Replica>(std::move(*opened));
        sync::SyncEngine::Options options;
        options.token = nlohmann::json::parse(r->body)["token"].get<std::string>();
        options.wait_timeout_ms = 5;
        engine = std::make_unique<sync::SyncEngine>(*replica, *http, options);
    }
    void settle(server::Database& db) {
        std::int64_t now = now_ms();
        for (int round = 0; round < 100; ++round) {
            engine->tick(now += 100);
            auto head = db.head_seq();
            HOTLINE_REQUIRE_OK(head);
            if (replica->outbox().empty() && engine->cursor() == *head && engine->status().pending == 0) return;
        }
        FAIL("the client did not settle: " << engine->status().last_error);
    }
};

}  // namespace

TEST_CASE("sqlite: upgrade: a version 1 database and its client replica open unchanged and keep syncing") {
    const fs::path work = fs::current_path() / "upgrade-v1-sqlite";
    fs::remove_all(work);
    fs::create_directories(work);
    const std::string db_path = (work / "server.db").string();
    fs::copy_file(kFixtures / "server.sqlite", db_path);
    fs::copy(kFixtures / "replica-ann", work / "replica-ann", fs::copy_options::recursive);
    {
        auto db = server::open_sqlite(db_path);
        HOTLINE_REQUIRE_OK(db);
        const std::string expected = hotline::testing::with_defaults_added_since(
            hotline::testing::read_text_file(kFixtures / "expected-server-sqlite.txt"));
        const std::string got = migrated_fingerprint(**db);
        CHECK_MESSAGE(got == expected, first_difference(got, expected));
    }

    ServerProcess server(HOTLINE_SERVER_PROGRAM, db_path, work.string());
    HOTLINE_REQUIRE_OK(server.start(0));
    auto reader = server::open_sqlite(db_path);
    HOTLINE_REQUIRE_OK(reader);
    Client ann(server.port(), (work / "replica-ann").string(), "unused", "ann");
    const std::vector<Operation> pending(ann.replica->outbox().ops().begin(), ann.replica->outbox().ops().end());
    REQUIRE(pending.size() == 3);
    ann.settle(**reader);
    server.stop();

    // The pending changes made by the old version are stored, the conflict is still listed,
    // and the replica holds exactly what the server holds.
    for (const Operation& op : pending) {
        auto stored = (*reader)->find_op(op.id.to_string());
        HOTLINE_REQUIRE_OK(stored);
        CHECK_MESSAGE(stored->has_value(), op.id.to_string() << " was not stored");
    }
    CHECK(ann.engine->conflicts().items().size() == 1);
    auto server_desk = server::ServerDesk::load(**reader);
    HOTLINE_REQUIRE_OK(server_desk);
    const std::string expected = desk_fingerprint(server_desk->desk());
    const std::string got = desk_fingerprint(ann.replica->desk());
    CHECK_MESSAGE(got == expected, first_difference(got, expected));
    CHECK(server_desk->desk().incidents().size() == 4);
}

TEST_CASE("postgres: upgrade: a version 1 database opens unchanged and keeps syncing") {
    TestDatabase td = fresh_database(Backend::postgres, "upgrade");
    td.db.reset();
    // An empty schema, then the dump (psql runs its meta-commands and statements).
    const std::string reset = "psql -q -X -v ON_ERROR_STOP=1 '" + td.location +
                              "' -c 'DROP SCHEMA public CASCADE' -c 'CREATE SCHEMA public' > /dev/null";
    REQUIRE(std::system(reset.c_str()) == 0);
    const std::string load = "psql -q -X -v ON_ERROR_STOP=1 '" + td.location + "' -f '" +
                             (kFixtures / "server-postgres.sql").string() + "' > /dev/null";
    REQUIRE_MESSAGE(std::system(load.c_str()) == 0, "psql could not load the version 1 dump");
    auto db = td.open_again();
    const std::string expected = hotline::testing::with_defaults_added_since(
        hotline::testing::read_text_file(kFixtures / "expected-server-postgres.txt"));
    const std::string got = migrated_fingerprint(*db);
    CHECK_MESSAGE(got == expected, first_difference(got, expected));

    const fs::path work = fs::current_path() / "upgrade-v1-postgres";
    fs::remove_all(work);
    fs::create_directories(work);
    ::setenv("HOTLINE_POSTGRES", td.location.c_str(), 1);
    ServerProcess server(HOTLINE_SERVER_PROGRAM, (work / "unused.db").string(), work.string());
    const Outcome started = server.start(0);
    ::unsetenv("HOTLINE_POSTGRES");
    HOTLINE_REQUIRE_OK(started);
    Client cat(server.port(), (work / "replica-cat").string(), "upcat", "cat");
    cat.settle(*db);
    REQUIRE(cat.replica->commit_local([](OpFactory& f) {
        return f.create_incident("u:cat", now_ms(), {{IncidentField::title, "After the upgrade"}});
    }).ok());
    cat.settle(*db);
    server.stop();
    auto server_desk = server::ServerDesk::load(*db);
    HOTLINE_REQUIRE_OK(server_desk);
    CHECK(server_desk->desk().incidents().size() == 4);  // the three of the dump and the new one
    const std::string synced = desk_fingerprint(cat.replica->desk());
    const std::string on_server = desk_fingerprint(server_desk->desk());
    CHECK_MESSAGE(synced == on_server, first_difference(synced, on_server));
}
