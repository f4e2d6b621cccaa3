// The first sync by snapshot (GET /snapshot, server/snapshot_api.hpp) against the real sync
// service on SQLite and PostgreSQL: real replicas and sync engines whose requests reach the
// service as the HTTP layer hands them over. A replica that took the snapshot must end
// like one that pulled the operations, for a manager and for a technician (whose snapshot
// holds their subset, and who later still gets an incident assigned to them whole), after
// an interruption and a reopen, and after the snapshot expired on the server. The service
// makes chunks of 4 records here, so a small desk has several.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

#include "app/replica.hpp"
#include "company_fixture.hpp"
#include "desk_fingerprint.hpp"
#include "protocol/snapshot_messages.hpp"
#include "server/http/url_codec.hpp"
#include "sync/sync_engine.hpp"

namespace {

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;
using hotline::testing::desk_fingerprint;
using hotline::testing::first_difference;

// sync::Transport straight into the service, answering inside request().
struct ServiceTransport : sync::Transport {
    Company& f;
    std::function<bool(const std::string& path)> drop;  // true: no answer (connection lost)
    std::size_t snapshot_calls = 0;

    explicit ServiceTransport(Company& company) : f(company) {}

    sync::RequestId request(const std::string& method, const std::string& path_and_query, const std::string& body,
                            const std::string& token, Callback callback) override {
        if (path_and_query.starts_with("/snapshot")) ++snapshot_calls;
        if (drop && drop(path_and_query)) {
            callback(make_error("network", "connection lost"));
            return 0;
        }
        const auto q = path_and_query.find('?');
        auto query = server::http::parse_query(q == std::string::npos ? "" : path_and_query.substr(q + 1));
        REQUIRE(query);
        auto r = f.call(method, path_and_query.substr(0, q), body, token, *query);
        std::string text = !r.octets.empty() ? std::move(r.octets) : r.body.is_null() ? std::string() : r.body.dump();
        callback(sync::Reply{r.status, std::move(text)});
        return 0;
    }
};

struct Client {
    std::string dir;
    std::string replica_id;
    std::string token;
    bool snapshot;
    ServiceTransport transport;
    std::unique_ptr<app::Replica> replica;
    std::unique_ptr<sync::SyncEngine> engine;

    Client(Company& f, const std::string& name, std::string user_token, bool take_snapshot)
        : dir(std::filesystem::absolute("first-sync-" + name).string()),
          replica_id(name),
          token(std::move(user_token)),
          snapshot(take_snapshot),
          transport(f) {
        std::filesystem::remove_all(dir);
        reopen();
    }
    void reopen() {
        engine.reset();
        replica.reset();
        auto r = app::Replica::open(dir, replica_id);
        REQUIRE(r.ok());
        replica = std::make_unique<app::Replica>(std::move(*r));
        sync::SyncEngine::Options options;
        options.token = token;
        options.wait_timeout_ms = 0;
        options.first_sync_snapshot = snapshot;
        engine = std::make_unique<sync::SyncEngine>(*replica, transport, options);
    }
    void sync(Company& f, int rounds = 30) {
        for (int i = 0; i < rounds; ++i) {
            engine->tick(f.now);
            f.now += 2000;  // past any backoff
        }
    }
};

void check_identical(const Desk& a, const Desk& b) {
    const std::string fa = desk_fingerprint(a), fb = desk_fingerprint(b);
    CHECK_MESSAGE(fa == fb, first_difference(fa, fb));
}

// For roles that see everything the snapshot is the pulled desk exactly: tables and seen set too.
void check_same_tables(const Desk& a, const Desk& b) {
    CHECK(a.replicas() == b.replicas());
    CHECK(a.actors() == b.actors());
    CHECK(a.seen() == b.seen());
    CHECK(a.newest_hlc() == b.newest_hlc());
}

struct World {
    std::string a, b, mine, other;
};

// Customers, units and incidents of two accounts; one incident is the technician's.
World build(Company& f, int extra_incidents) {
    World w;
    f.create("manager", EntityKind::department, {{DepartmentField::name, "Heating"}}, "heating");
    w.a = f.create("agent", EntityKind::account, {{AccountField::name, "Hôtel du Parc"}});
    w.b = f.create("agent", EntityKind::account, {{AccountField::name, "Studio Rossi"}});
    const std::string a_contact = f.create("agent", EntityKind::contact, {{ContactField::account, w.a}, {ContactField::name, "Mme Lefèvre"}});
    const std::string b_unit = f.create("agent", EntityKind::unit, {{UnitField::serial, "HP-4410"}, {UnitField::account, w.b}});
    f.create("manager", EntityKind::blocking_reason, {{BlockingReasonField::account, w.b}, {BlockingReasonField::text, "Audit"}});
    w.mine = f.create("agent", EntityKind::incident, {{IncidentField::title, "No hot water"}, {IncidentField::engineer, "technician"},
                                                      {IncidentField::account, w.a}, {IncidentField::contact, a_contact}});
    w.other = f.create("agent", EntityKind::incident, {{IncidentField::title, "Printer jammed"}, {IncidentField::account, w.b},
                                                       {IncidentField::unit, b_unit}});
    auto& agent = f.factory("agent");
    REQUIRE(f.push_as("agent", agent.add_event("u:agent", f.now += 10, w.other, "note", "Toner everywhere")) == "applied");
    REQUIRE(f.push_as("agent", agent.set_field("u:agent", f.now += 10, w.other, IncidentField::priority, "1")) == "applied");
    for (int i = 0; i < extra_incidents; ++i)
        f.create("agent", EntityKind::incident, {{IncidentField::title, "Boiler " + std::to_string(i)}});
    return w;
}

void manager_snapshot_equals_pull(Backend backend) {
    Company f(backend, "first sync manager");
    build(f, 9);
    Client snap(f, "msnap", f.tokens["manager"], true), ops(f, "mops", f.tokens["manager"], false);
    snap.sync(f);
    ops.sync(f);
    CHECK(snap.transport.snapshot_calls >= 4);  // the manifest and several chunks
    CHECK(ops.transport.snapshot_calls == 0);
    CHECK(snap.engine->cursor() == f.service().desk().seq());
    check_identical(snap.replica->desk(), ops.replica->desk());
    check_same_tables(snap.replica->desk(), ops.replica->desk());
    // Pulls follow from the snapshot's seq.
    f.create("agent", EntityKind::incident, {{IncidentField::title, "After the snapshot"}});
    snap.sync(f);
    ops.sync(f);
    check_identical(snap.replica->desk(), ops.replica->desk());
    check_same_tables(snap.replica->desk(), ops.replica->desk());
}

void technician_snapshot_is_their_subset(Backend backend) {
    Company f(backend, "first sync technician");
    const World w = build(f, 5);
    Client snap(f, "tsnap", f.tokens["technician"], true), ops(f, "tops", f.tokens["technician"], false);
    snap.sync(f);
    ops.sync(f);
    CHECK(snap.transport.snapshot_calls >= 2);
    check_identical(snap.replica->desk(), ops.replica->desk());
    const Desk& desk = snap.replica->desk();
    CHECK(desk.find(w.mine) != nullptr);
    CHECK(desk.find(EntityKind::account, w.a) != nullptr);
    CHECK(desk.find(w.other) == nullptr);
    CHECK(desk.find(EntityKind::account, w.b) == nullptr);
    CHECK(desk.incidents().size() == 1);

    // Assigned to them now: its earlier history, filtered out of the snapshot, arrives whole.
    REQUIRE(f.push_as("agent", f.factory("agent").set_field("u:agent", f.now += 10, w.other, IncidentField::engineer,
                                                            "technician")) == "applied");
    snap.sync(f);
    ops.sync(f);
    const Incident* other = snap.replica->desk().find(w.other);
    REQUIRE(other != nullptr);
    CHECK(other->events.size() == 1);
    CHECK(other->value(IncidentField::priority) == "1");
    CHECK(snap.replica->desk().find(EntityKind::account, w.b) != nullptr);
    check_identical(snap.replica->desk(), ops.replica->desk());
}

void interrupted_first_sync_resumes(Backend backend) {
    Company f(backend, "first sync resume");
    build(f, 9);
    Client snap(f, "rsnap", f.tokens["manager"], true), ops(f, "rops", f.tokens["manager"], false);
    ops.sync(f);
    int chunks = 0;
    snap.transport.drop = [&](const std::string& path) { return path.starts_with("/snapshot/") && ++chunks > 2; };
    snap.sync(f, 3);
    CHECK(snap.replica->desk().incidents().empty());
    const std::size_t calls = snap.transport.snapshot_calls;
    snap.transport.drop = nullptr;
    snap.reopen();  // a reload: the two chunks received stay staged
    snap.sync(f);
    CHECK(snap.transport.snapshot_calls - calls >= 2);
    CHECK(snap.engine->cursor() == f.service().desk().seq());
    check_identical(snap.replica->desk(), ops.replica->desk());
    check_same_tables(snap.replica->desk(), ops.replica->desk());
}

void expired_snapshot_restarts(Backend backend) {
    Company f(backend, "first sync expired");
    build(f, 9);
    Client snap(f, "esnap", f.tokens["manager"], true), ops(f, "eops", f.tokens["manager"], false);
    int chunks = 0;
    snap.transport.drop = [&](const std::string& path) {
        if (path.starts_with("/snapshot/") && ++chunks == 2) {
            f.now += 11 * 60 * 1000;  // the server forgets snapshots idle for 10 minutes
            f.create("agent", EntityKind::incident, {{IncidentField::title, "Meanwhile"}});
        }
        return false;
    };
    snap.sync(f);
    ops.sync(f);
    CHECK(snap.engine->cursor() == f.service().desk().seq());
    check_identical(snap.replica->desk(), ops.replica->desk());
    check_same_tables(snap.replica->desk(), ops.replica->desk());
}

void snapshot_endpoints_check_who_asks(Backend backend) {
    Company f(backend, "first sync auth");
    build(f, 2);
    CHECK(f.call("GET", "/snapshot").status == 401);
    CHECK(f.call("POST", "/snapshot", "", f.tokens["manager"]).status == 405);
    auto manifest_of = [&](const char* role) {
        auto r = f.call("GET", "/snapshot", "", f.tokens[role]);
        REQUIRE(r.status == 200);
        auto m = protocol::decode_snapshot_manifest(r.body.dump());
        REQUIRE(m.ok());
        return *m;
    };
    const auto manager = manifest_of("manager"), technician = manifest_of("technician");
    CHECK(manager.id != technician.id);
    CHECK(technician.incidents == 1);
    CHECK(manager.incidents == 4);
    CHECK(manifest_of("agent").id == manager.id);  // one snapshot for everyone who sees all
    // A few operations later the same one is given out again; the client pulls the rest.
    f.create("agent", EntityKind::incident, {{IncidentField::title, "After the snapshot"}});
    const auto again = manifest_of("manager");
    CHECK(again.id == manager.id);
    CHECK(again.seq < f.service().desk().seq());
    const std::string manager_chunk = protocol::snapshot_chunk_path(manager.id, 0);
    CHECK(f.call("GET", manager_chunk).status == 401);
    auto r = f.call("GET", manager_chunk, "", f.tokens["manager"]);
    CHECK(r.status == 200);
    CHECK(static_cast<std::int64_t>(r.octets.size()) == manager.chunks[0].bytes);
    // Another scope's snapshot is answered like one that is gone.
    r = f.call("GET", manager_chunk, "", f.tokens["technician"]);
    CHECK(r.status == 410);
    CHECK(r.body["error"]["code"] == "snapshot_gone");
    CHECK(f.call("GET", protocol::snapshot_chunk_path(technician.id, 0), "", f.tokens["manager"]).status == 410);
    CHECK(f.call("GET", protocol::snapshot_chunk_path("nosuchid", 0), "", f.tokens["manager"]).status == 410);
    CHECK(f.call("GET", protocol::snapshot_chunk_path(manager.id, manager.chunks.size()), "", f.tokens["manager"]).status ==
          404);
    CHECK(f.call("GET", "/snapshot/" + manager.id, "", f.tokens["manager"]).status == 404);

    // A client that takes gzip gets the chunk compressed, once: the next one gets the same bytes.
    auto request = test::api_request("GET", manager_chunk, "", f.tokens["manager"]);
    request.accepts_gzip = true;
    auto zipped = f.service().handle(request);
    REQUIRE(zipped.status == 200);
    CHECK(zipped.octets_gzipped);
    CHECK(server_test::gunzip(zipped.octets) == f.call("GET", manager_chunk, "", f.tokens["manager"]).octets);
    CHECK(f.service().handle(request).octets == zipped.octets);
}

}  // namespace

HOTLINE_DB_TEST("first sync: a manager's snapshot ends identical to pulling the operations", manager_snapshot_equals_pull)
HOTLINE_DB_TEST("first sync: a technician's snapshot holds their subset; a later assignment arrives whole",
                technician_snapshot_is_their_subset)
HOTLINE_DB_TEST("first sync: interrupted after two chunks and reopened, it resumes and ends identical",
                interrupted_first_sync_resumes)
HOTLINE_DB_TEST("first sync: an expired snapshot starts the first sync again", expired_snapshot_restarts)
HOTLINE_DB_TEST("first sync: 401 without a token; another scope's snapshot id is gone", snapshot_endpoints_check_who_asks)
