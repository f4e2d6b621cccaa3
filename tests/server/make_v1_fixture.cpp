// One-off generator of tests/fixtures/v1 (issue 8, "upgrade without loss"): the stored
// formats as the version before the entity model wrote them. Run once, by hand, at the
// commit that adds the fixture; the next commit removes this file (git show that commit's
// tests/server/make_v1_fixture.cpp to see it again):
//
//   HOTLINE_FIXTURE_OUT=$PWD/tests/fixtures/v1 build/default/bin/hotline_server_tests \
//       -tc='*make v1 fixture*' --no-skip                       (SQLite)
//   bash tests/server/postgres_fixture.sh run <dir> build/default/bin/hotline_server_tests \
//       -tc='*make v1 fixture*' --no-skip                       (PostgreSQL, after start)
//
// The real server program on the backend, two client replicas (agent "ann", manager "cat")
// syncing over HTTP. Ann's replica ends with a snapshot, a log after it, pending outbox
// operations, a superseded write and a conflict; the server's database holds every kind of
// operation, renumbers included.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "app/replica.hpp"
#include "core/operation_json.hpp"
#include "desk_fingerprint.hpp"
#include "http_transport.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"
#include "server/http/http_client.hpp"
#include "server/server_desk.hpp"
#include "server/users_api.hpp"
#include "server_process.hpp"
#include "server_test_support.hpp"
#include "sync/sync_engine.hpp"

#ifndef HOTLINE_SERVER_PROGRAM
#define HOTLINE_SERVER_PROGRAM ""
#endif

namespace {

using namespace hotline;
using namespace hotline::server_test;
namespace fs = std::filesystem;

constexpr const char* kPassword = "correct horse battery";

struct FixtureClient {
    std::string login, replica_id, dir, token;
    std::unique_ptr<HttpTransport> http;
    std::unique_ptr<app::Replica> replica;
    std::unique_ptr<sync::SyncEngine> engine;

    void open(std::uint16_t port) {
        http = std::make_unique<HttpTransport>(port);
        auto r = app::Replica::open(dir, replica_id);
        REQUIRE(r.ok());
        replica = std::make_unique<app::Replica>(std::move(*r));
        sync::SyncEngine::Options options;
        options.token = token;
        options.wait_timeout_ms = 5;
        options.want_numbers = 10;
        options.low_numbers = 3;
        engine = std::make_unique<sync::SyncEngine>(*replica, *http, options);
    }
    void commit(const std::function<Operation(OpFactory&)>& mint) {
        auto ok = replica->commit_local(mint);
        REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? "" : ok.error().message));
    }
    void settle(std::int64_t& now) {
        for (int i = 0; i < 40; ++i) engine->tick(now += 50);
    }
    std::string id_of(std::string_view title) const {
        for (const auto& inc : replica->desk().incidents())
            if (inc.value(FieldId::title) == title) return inc.id;
        FAIL("no incident titled " << title);
        return {};
    }
};

std::string login(std::uint16_t port, const std::string& user) {
    server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(10));
    auto r = client.request("POST", "/api/v1/login", nlohmann::json{{"login", user}, {"password", kPassword}}.dump());
    REQUIRE(r.ok());
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return nlohmann::json::parse(r->body)["token"].get<std::string>();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

void make_fixture(Backend backend) {
    const char* out_env = std::getenv("HOTLINE_FIXTURE_OUT");
    REQUIRE_MESSAGE(out_env, "set HOTLINE_FIXTURE_OUT");
    const fs::path out = out_env;
    fs::create_directories(out);
    const std::string name = backend_name(backend);
    const fs::path work = fs::current_path() / ("make-v1-fixture-" + name);
    fs::remove_all(work);
    fs::create_directories(work);

    TestDatabase td = fresh_database(backend, "v1 fixture");
    REQUIRE(server::init_credentials().ok());
    for (const auto& [user, role, display] : {std::tuple{"ann", "agent", "Ann Agent"}, std::tuple{"cat", "manager", "Cat Manager"},
                                              std::tuple{"tom", "technician", "Tom Technician"}}) {
        auto record = server::new_user(user, display, role, kPassword, server::HashCost::minimal);
        REQUIRE(record.ok());
        REQUIRE(td.db->create_user(*record).ok());
    }
    td.db.reset();
    if (backend == Backend::postgres) ::setenv("HOTLINE_POSTGRES", td.location.c_str(), 1);
    const std::string db_path = backend == Backend::sqlite ? td.location : (work / "unused.db").string();
    ServerProcess server(HOTLINE_SERVER_PROGRAM, db_path, work.string());
    REQUIRE(server.start(0).ok());

    FixtureClient ann{"ann", "fxann", (work / "replica-ann").string(), login(server.port(), "ann"), {}, {}, {}};
    FixtureClient cat{"cat", "fxcat", (work / "replica-cat").string(), login(server.port(), "cat"), {}, {}, {}};
    ann.open(server.port());
    cat.open(server.port());
    // The engines' clock follows the real one: the server stamps its renumbers with it.
    std::int64_t now =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const std::string a = "u:ann", c = "u:cat";

    // Before the first sync: a provisional number, renumbered by the server.
    ann.commit([&](OpFactory& f) {
        return f.create_incident(a, now += 1000,
                                 {{FieldId::title, "Boiler pressure drops overnight"},
                                  {FieldId::description, "Pressure falls from 1.5 to 0.4 bar by morning.\nNo visible leak."},
                                  {FieldId::customer_name, "Hôtel du Parc"},
                                  {FieldId::customer_contact, "Mme Lefèvre"},
                                  {FieldId::customer_phone, "+33 4 72 00 11 22"},
                                  {FieldId::customer_email, "technique@hotelduparc.example"},
                                  {FieldId::unit_item, "Viessmann Vitodens 200"},
                                  {FieldId::unit_serial, "VD200-7731"},
                                  {FieldId::unit_warranty_end, "2027-03-31"},
                                  {FieldId::reason_general, "heating"},
                                  {FieldId::priority, "2"},
                                  {FieldId::origin, "phone"}});
    });
    const std::string a1 = ann.id_of("Boiler pressure drops overnight");
    ann.commit([&](OpFactory& f) { return f.add_event(a, now += 1000, a1, "call_in", "Called at 08:10, guests without hot water."); });
    ann.settle(now);
    cat.settle(now);
    ann.commit([&](OpFactory& f) {
        return f.create_incident(a, now += 1000, {{FieldId::title, "Кондиционер не включается"}, {FieldId::customer_name, "ООО «Север»"}});
    });
    ann.commit([&](OpFactory& f) {
        return f.create_incident(a, now += 1000, {{FieldId::title, "Stampante bloccata"}, {FieldId::customer_name, "Studio Rossi"}});
    });
    const std::string a2 = ann.id_of("Кондиционер не включается"), a3 = ann.id_of("Stampante bloccata");
    ann.settle(now);
    cat.settle(now);

    cat.commit([&](OpFactory& f) { return f.define_event_type(c, now += 1000, "site_visit", "Site visit"); });
    cat.commit([&](OpFactory& f) { return f.set_field(c, now += 1000, a1, FieldId::department, "Heating"); });
    cat.commit([&](OpFactory& f) { return f.set_field(c, now += 1000, a1, FieldId::engineer, "tom"); });
    cat.commit([&](OpFactory& f) { return f.transition(c, now += 1000, a1, IncidentStatus::assigned); });
    cat.settle(now);
    ann.settle(now);

    // Ann offline: an older title that will lose, and a change the archive will refuse.
    ann.commit([&](OpFactory& f) { return f.set_field(a, now += 1000, a2, FieldId::title, "Кондиционер не включается (офис 3)"); });
    cat.commit([&](OpFactory& f) { return f.set_field(c, now += 5000, a2, FieldId::title, "Air conditioner will not start"); });
    cat.commit([&](OpFactory& f) { return f.transition(c, now += 1000, a3, IncidentStatus::closed); });
    cat.commit([&](OpFactory& f) { return f.transition(c, now += 1000, a3, IncidentStatus::archived); });
    cat.settle(now);
    ann.commit([&](OpFactory& f) { return f.set_field(a, now += 1000, a3, FieldId::priority, "1"); });
    ann.commit([&](OpFactory& f) { return f.add_event(a, now += 1000, a1, "site_visit", "Technician booked for Tuesday."); });
    ann.settle(now);
    cat.settle(now);
    REQUIRE(ann.engine->conflicts().items().size() == 1);
    REQUIRE(ann.replica->desk().find(a2)->superseded_writes == 1);

    // A snapshot, then a synced change in the log after it, then pending changes.
    REQUIRE(ann.replica->write_snapshot().ok());
    ann.commit([&](OpFactory& f) { return f.add_event(a, now += 1000, a2, "note", "Customer asks for a call back."); });
    ann.settle(now);
    ann.commit([&](OpFactory& f) {
        return f.create_incident(a, now += 1000, {{FieldId::title, "Perdita sotto il lavello"}, {FieldId::customer_name, "Residenza Aurora"}});
    });
    const std::string a4 = ann.id_of("Perdita sotto il lavello");
    ann.commit([&](OpFactory& f) { return f.set_field(a, now += 1000, a1, FieldId::diagnosis, "Expansion vessel pre-charge low."); });
    ann.commit([&](OpFactory& f) { return f.add_event(a, now += 1000, a4, "call_in", "Caller: the porter."); });
    REQUIRE(ann.replica->outbox().ops().size() == 3);

    const std::string ann_fingerprint = desk_fingerprint(ann.replica->desk());
    nlohmann::json pending = nlohmann::json::array();
    for (const auto& op : ann.replica->outbox().ops()) pending.push_back(operation_to_json(op));
    const nlohmann::json conflicts = ann.engine->conflicts().to_json();
    ann.engine.reset();
    ann.replica.reset();
    cat.engine.reset();
    cat.replica.reset();
    server.stop();

    auto reader = td.open_again();
    auto server_desk = server::ServerDesk::load(*reader);
    REQUIRE(server_desk.ok());
    write_file(out / ("expected-server-" + name + ".txt"), desk_fingerprint(server_desk->desk()));
    reader.reset();
    if (backend == Backend::sqlite) {
        fs::copy_file(td.location, out / "server.sqlite", fs::copy_options::overwrite_existing);
        fs::remove_all(out / "replica-ann");
        fs::copy(work / "replica-ann", out / "replica-ann", fs::copy_options::recursive);
        write_file(out / "expected-replica-ann.txt", ann_fingerprint);
        write_file(out / "expected-replica-ann-pending.json",
                   nlohmann::json{{"outbox", pending}, {"conflicts", conflicts}}.dump(2) + "\n");
    } else {
        const std::string cmd = "pg_dump --inserts --no-owner --no-privileges '" + td.location + "' > '" +
                                (out / "server-postgres.sql").string() + "'";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
}

}  // namespace

TEST_CASE("sqlite: make v1 fixture" * doctest::skip()) { make_fixture(Backend::sqlite); }
TEST_CASE("postgres: make v1 fixture" * doctest::skip()) { make_fixture(Backend::postgres); }
