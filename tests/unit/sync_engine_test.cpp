// sync/sync_engine.hpp against an in-memory server that follows docs/sync-protocol.md
// (the core's Desk applies pushes in arrival order, with global sequence numbers; its
// messages are read and written by src/protocol/, like the real server's), over a
// scripted transport that answers synchronously (inside request()) or later, can be
// offline, and can replace replies (sync_fake_server.hpp). The real server's tests are in
// tests/server.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "app_test_support.hpp"
#include "sync_fake_server.hpp"

using namespace hotline;
using namespace hotline::protocol;
using namespace hotline::sync;
using namespace hotline::testing::sync_fake;
using hotline::testing::fresh_dir;
using hotline::testing::kBaseMs;
using hotline::testing::render_desk_full;
using hotline::testing::render_state;

TEST_CASE("sync engine: push, numbers, pull; the outbox empties once the pull has passed the ops") {
    for (bool synchronous : {true, false}) {
        CAPTURE(synchronous);
        FakeServer server;
        Client a(server, synchronous ? "push-sync" : "push-async");
        a.transport.synchronous = synchronous;
        std::string id = a.create("Printer on fire");  // no server numbers yet: provisional
        CHECK_FALSE(a.incident(id).number.is_final());
        a.commit([&](OpFactory& f) { return f.set_field("u:push", a.now, id, IncidentField::priority, "1"); });
        CHECK(a.engine->status().pending == 0);  // status is refreshed by tick
        a.engine->tick(a.now);
        a.transport.deliver_all();
        a.sync();
        CHECK(a.engine->status().state == SyncState::online);
        CHECK(a.engine->status().pending == 0);
        CHECK(a.engine->status().last_sync_ms > 0);
        CHECK(a.replica->outbox().empty());
        CHECK(a.replica->numbers_remaining() == 100);  // leased with the first push
        // The server renumbered the provisional create; the client took it via a rebuild.
        CHECK(a.incident(id).number.is_final());
        check_same(a.replica->desk(), server.desk);
        CHECK(a.transport.count("POST /push") == 1);
        CHECK(a.transport.count("GET /history") == 1);
        CHECK(a.transport.count("GET /wait") >= 1);
        if (!synchronous) CHECK(a.wakes > 0);
        // Later creations use the leased block.
        std::string id2 = a.create("Second");
        CHECK(a.incident(id2).number.value == 5001);
    }
}

TEST_CASE("sync engine: the outbox is pushed in batches of at most push_batch") {
    FakeServer server;
    SyncEngine::Options options;
    options.push_batch = 5;
    Client a(server, "batches", options);
    std::string id = a.create("Batch");
    for (int i = 0; i < 11; ++i)
        a.commit([&](OpFactory& f) { return f.add_event("u:batches", a.now + i, id, "note", std::to_string(i)); });
    a.sync();
    CHECK(a.transport.count("POST /push") == 3);  // 5 + 5 + 2
    CHECK(server.log.size() == 13);               // 12 ops + the renumber
    CHECK(a.replica->outbox().empty());
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: a rejected op goes to the conflict list and its incident is rebuilt") {
    FakeServer server;
    Client a(server, "reject-a");
    Client b(server, "reject-b");
    std::string id = a.create("Heating");
    a.sync();
    b.sync();
    REQUIRE(b.replica->desk().find(id) != nullptr);

    // Both move it to In progress while apart; b's arrives first.
    a.transport.offline = true;
    Operation mine = a.commit([&](OpFactory& f) { return f.transition("u:rejecta", a.now, id, IncidentStatus::in_progress); });
    a.commit([&](OpFactory& f) { return f.add_event("u:rejecta", a.now, id, "note", "on my way"); });
    b.commit([&](OpFactory& f) { return f.transition("u:rejectb", b.now, id, IncidentStatus::in_progress); });
    b.sync();
    a.sync();
    CHECK(a.engine->status().state == SyncState::offline);
    a.transport.offline = false;
    a.engine->retry_now();
    a.sync();

    REQUIRE(a.engine->conflicts().items().size() == 1);
    const Conflict& c = a.engine->conflicts().items().front();
    CHECK(c.op.id == mine.id);
    CHECK(c.reason.code == "same_status");
    CHECK(a.engine->status().conflicts == 1);
    CHECK_FALSE(a.replica->desk().has_applied(mine.id));
    CHECK(a.replica->outbox().empty());
    check_same(a.replica->desk(), server.desk);

    // Persisted: a reload shows the same conflict and does not bring the refused op back.
    a.reopen();
    REQUIRE(a.engine->conflicts().items().size() == 1);
    CHECK_FALSE(a.replica->desk().has_applied(mine.id));
    a.sync();
    check_same(a.replica->desk(), server.desk);

    SUBCASE("re-apply mints a new operation (here refused again: it stays listed)") {
        CHECK_FALSE(a.engine->reapply_conflict(mine.id, a.now).ok());
        CHECK(a.engine->conflicts().items().size() == 1);
    }
    SUBCASE("discard drops it") {
        REQUIRE(a.engine->discard_conflict(mine.id).ok());
        CHECK(a.engine->conflicts().empty());
        a.reopen();
        CHECK(a.engine->conflicts().empty());
    }
}

TEST_CASE("sync engine: re-applying a conflict pushes a new operation with the same intent") {
    FakeServer server;
    Client a(server, "reapply");
    std::string id = a.create("Leak");
    a.sync();
    a.transport.scripted.push_back(
        Reply{200, encode_push_reply({{{OpId{"reapply", 2}, std::nullopt, ApplyKind::rejected, 0, {"busy", "try later"}}},
                                      {},
                                      server.head()})});
    Operation set = a.commit([&](OpFactory& f) { return f.set_field("u:reapply", a.now, id, IncidentField::priority, "1"); });
    REQUIRE(set.id.to_string() == "reapply:2");
    a.sync();
    REQUIRE(a.engine->conflicts().items().size() == 1);
    CHECK(a.incident(id).priority() != 1);  // rebuilt without it
    REQUIRE(a.engine->reapply_conflict(set.id, a.now).ok());
    CHECK(a.engine->conflicts().empty());
    a.sync();
    CHECK(a.incident(id).priority() == 1);
    CHECK(server.desk.find(id)->priority() == 1);
    CHECK_FALSE(server.desk.has_applied(set.id));
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: foreign ops interleaving with pending ones end in the server's order") {
    FakeServer server;
    Client a(server, "inter-a");
    Client b(server, "inter-b");
    std::string id = a.create("Router");
    a.sync();
    b.sync();
    a.transport.offline = true;
    a.commit([&](OpFactory& f) { return f.set_field("u:intera", a.now, id, IncidentField::actual_problem, "cable"); });
    a.commit([&](OpFactory& f) { return f.add_event("u:intera", a.now, id, "note", "A was here"); });
    b.now = a.now + 50;  // b writes later: its title wins
    b.commit([&](OpFactory& f) { return f.set_field("u:interb", b.now, id, IncidentField::title, "Router (b)"); });
    b.commit([&](OpFactory& f) { return f.transition("u:interb", b.now, id, IncidentStatus::in_progress); });
    b.commit([&](OpFactory& f) { return f.add_event("u:interb", b.now, id, "note", "B was here"); });
    b.sync();
    a.sync();
    a.transport.offline = false;
    a.engine->retry_now();
    a.sync();
    b.sync();
    CHECK(a.engine->conflicts().empty());
    CHECK(a.incident(id).status == IncidentStatus::in_progress);
    CHECK(a.incident(id).events.size() == 2);
    check_same(a.replica->desk(), server.desk);
    check_same(b.replica->desk(), server.desk);
    auto changed = a.engine->take_changed_incidents();
    CHECK(std::find(changed.begin(), changed.end(), id) != changed.end());
    CHECK(a.engine->take_changed_incidents().empty());
}

TEST_CASE("sync engine: pull pages until more is false; the cursor survives a reload") {
    FakeServer server;
    OpFactory other("other");
    other.numbers().add_block({1, 100});
    for (int i = 0; i < 8; ++i) {
        Operation c = other.create_incident("u:other", kBaseMs + i, {{IncidentField::title, "T" + std::to_string(i)}});
        REQUIRE(server.accept(c) == ApplyKind::applied);
        REQUIRE(server.accept(other.add_event("u:other", kBaseMs + i, c.entity_id, "note", "x")) == ApplyKind::applied);
    }
    SyncEngine::Options options;
    options.pull_limit = 5;
    Client a(server, "pages", options);
    a.sync();
    CHECK(a.transport.count("GET /pull") == 4);  // 5 + 5 + 5 + 1
    CHECK(a.engine->cursor() == 16);
    CHECK(a.replica->desk().incidents().size() == 8);
    check_same(a.replica->desk(), server.desk);
    CHECK(a.replica->extra()["sync"]["cursor"] == 16);

    a.reopen();
    CHECK(a.engine->cursor() == 16);
    a.transport.calls.clear();
    REQUIRE(server.accept(other.add_event("u:other", kBaseMs + 99, a.replica->desk().incidents()[0].id, "note", "new")) ==
            ApplyKind::applied);
    a.sync();
    CHECK(a.transport.count("GET /pull?cursor=16") == 1);
    CHECK(a.engine->cursor() == 17);
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: offline retries back off 1 s, 2 s, 4 s ... 60 s; retry_now and a reply reset it") {
    FakeServer server;
    Client a(server, "backoff");
    a.create("Offline");
    a.transport.offline = true;
    std::vector<std::int64_t> attempts;
    for (std::int64_t t = 0; t <= 200000; t += 100) {
        std::size_t before = a.transport.calls.size();
        a.engine->tick(kBaseMs + t);
        if (a.transport.calls.size() > before) attempts.push_back(t);
    }
    std::vector<std::int64_t> expected{0, 1000, 3000, 7000, 15000, 31000, 63000, 123000, 183000};
    CHECK(attempts == expected);
    CHECK(a.engine->status().state == SyncState::offline);
    CHECK(a.engine->status().pending == 1);
    CHECK(a.engine->status().last_error == "unreachable");
    CHECK(a.engine->status().next_retry_ms == kBaseMs + 243000);

    a.engine->retry_now();  // the browser says it is online again
    a.transport.offline = false;
    a.now = kBaseMs + 200050;
    a.sync();
    CHECK(a.engine->status().state == SyncState::online);
    CHECK(a.engine->status().pending == 0);
    CHECK(a.engine->status().last_error.empty());
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: malformed replies are errors, retried, and change nothing") {
    FakeServer server;
    Client a(server, "malformed");
    std::string id = a.create("Odd server");
    const std::string before = render_desk_full(a.replica->desk());
    a.transport.scripted = {Reply{200, "<html>proxy</html>"}, Reply{200, R"({"results": [], "head": 0})"},
                            Reply{502, "Bad gateway"}};
    a.sync(1);
    CHECK(a.engine->status().state == SyncState::error);
    CHECK(a.engine->status().last_error_code == "bad_reply");
    CHECK(a.replica->outbox().size() == 1);
    CHECK(render_desk_full(a.replica->desk()) == before);
    a.now += 1000;
    a.sync(1);
    CHECK(a.engine->status().last_error_code == "bad_reply");  // answers none of the ops
    a.now += 2000;
    a.sync(1);
    CHECK(a.engine->status().last_error_code == "http_502");
    CHECK(a.replica->outbox().size() == 1);
    a.now += 4000;
    a.sync();
    CHECK(a.engine->status().state == SyncState::online);
    check_same(a.replica->desk(), server.desk);

    // A malformed pull page: nothing applied, the cursor stays.
    OpFactory other("other");
    REQUIRE(server.accept(other.add_event("u:other", kBaseMs + 5, id, "note", "x")) == ApplyKind::applied);
    const std::int64_t cursor = a.engine->cursor();
    a.transport.scripted = {Reply{200, encode_wait_reply({server.head()})},
                            Reply{200, R"({"results": [], "head": 3})"},
                            Reply{200, R"({"ops": [{"seq": 9, "op": {"id": 1}}], "cursor": 9, "more": false})"}};
    a.sync(3);  // the wait's answer, then a push reply where a pull page belongs
    CHECK(a.engine->status().state == SyncState::error);
    CHECK(a.engine->cursor() == cursor);
    a.now += 5000;
    a.sync(2);  // an operation that does not decode
    CHECK(a.engine->status().state == SyncState::error);
    CHECK(a.engine->status().last_error.find("ops[0].op") != std::string::npos);
    CHECK(a.engine->cursor() == cursor);
    CHECK(a.replica->desk().find(id)->events.empty());
    a.now += 5000;
    a.sync();
    CHECK(a.engine->status().state == SyncState::online);
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: 401 signs out, keeps everything local, and a new token resumes") {
    FakeServer server;
    server.token = "other";
    Client a(server, "signed-out");
    std::string id = a.create("Local only");
    a.sync();
    CHECK(a.engine->status().state == SyncState::signed_out);
    CHECK(a.transport.calls.size() == 1);  // nothing more is sent
    CHECK(a.replica->outbox().size() == 1);
    CHECK(a.replica->desk().find(id) != nullptr);
    a.engine->retry_now();
    a.sync();
    CHECK(a.transport.calls.size() == 1);
    a.engine->set_token("other");
    a.sync();
    CHECK(a.engine->status().state == SyncState::online);
    CHECK(a.replica->outbox().empty());
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: a reload between push and pull neither loses nor duplicates") {
    FakeServer server;
    SyncEngine::Options options;
    options.max_steps_per_tick = 1;
    Client a(server, "reload", options);
    std::string id = a.create("Crash");
    a.commit([&](OpFactory& f) { return f.set_field("u:reload", a.now, id, IncidentField::priority, "2"); });
    a.engine->tick(a.now);  // push sent and answered (synchronous)
    a.engine->tick(a.now);  // answer handled; the pull is not done yet
    CHECK(server.log.size() == 3);
    a.reopen();  // the answers were in memory only
    CHECK(a.replica->outbox().size() == 2);
    a.sync();
    CHECK(server.log.size() == 3);  // the re-push was a duplicate
    CHECK(a.replica->outbox().empty());
    check_same(a.replica->desk(), server.desk);
    a.reopen();
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: a long poll is given up for a local change, and learns of foreign ones") {
    FakeServer server;
    Client a(server, "live");
    a.transport.synchronous = false;
    std::string id = a.create("Live");
    a.sync();
    REQUIRE(a.transport.later.empty());
    // Keep the next /wait unanswered.
    a.engine->tick(a.now);
    REQUIRE(a.transport.later.size() == 1);
    REQUIRE(a.transport.calls.back().rfind("GET /wait", 0) == 0);
    a.commit([&](OpFactory& f) { return f.add_event("u:live", a.now, id, "note", "typed"); });
    a.engine->tick(a.now);
    CHECK(a.transport.cancelled.size() == 1);
    CHECK(a.transport.calls.back() == "POST /push");
    a.sync();  // the abandoned wait's reply is dropped
    CHECK(a.replica->outbox().empty());
    // A foreign change: the wait answers with a new head, the client pulls.
    OpFactory other("other");
    REQUIRE(server.accept(other.add_event("u:other", a.now, id, "note", "from afar")) == ApplyKind::applied);
    a.sync();
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("sync engine: random offline edits on three replicas converge to the server's state") {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        CAPTURE(seed);
        hotline::testing::Rng rng(seed);
        FakeServer server;
        std::vector<std::unique_ptr<Client>> clients;
        for (const char* name : {"ca", "cb", "cc"})
            clients.push_back(std::make_unique<Client>(server, std::string(name) + std::to_string(seed)));
        std::string first = clients[0]->create("Shared");
        for (auto& c : clients) c->sync();
        for (int round = 0; round < 6; ++round) {
            for (auto& c : clients) {
                c->transport.offline = hotline::testing::chance(rng, 50);
                c->now += hotline::testing::uniform(rng, 0, 3000);
                for (int k = 0; k < 4; ++k) {
                    const auto& incidents = c->replica->desk().incidents();
                    std::string id = incidents[static_cast<std::size_t>(
                                                   hotline::testing::uniform(rng, 0, static_cast<std::int64_t>(incidents.size()) - 1))]
                                         .id;
                    const std::string actor = "u:" + c->replica_id;
                    std::int64_t t = c->now;
                    Outcome ok;
                    switch (hotline::testing::uniform(rng, 0, 4)) {
                        case 0: ok = c->replica->commit([&](OpFactory& f) { return f.create_incident(actor, t, {{IncidentField::title, "New"}}); }); break;
                        case 1: ok = c->replica->commit([&](OpFactory& f) { return f.set_field(actor, t, id, IncidentField::title, hotline::testing::random_field_value(rng, IncidentField::title)); }); break;
                        case 2: ok = c->replica->commit([&](OpFactory& f) { return f.add_event(actor, t, id, "note", "n"); }); break;
                        case 3: ok = c->replica->commit([&](OpFactory& f) { return f.transition(actor, t, id, IncidentStatus::in_progress); }); break;
                        default: ok = c->replica->commit([&](OpFactory& f) { return f.set_field(actor, t, id, IncidentField::priority, std::to_string(hotline::testing::uniform(rng, 1, 4))); }); break;
                    }
                    (void)ok;
                }
                c->sync(5);
            }
        }
        for (int pass = 0; pass < 2; ++pass)
            for (auto& c : clients) {
                c->transport.offline = false;
                c->engine->retry_now();
                c->now += 61000;
                c->sync();
            }
        for (auto& c : clients) {
            CHECK(c->replica->outbox().empty());
            CHECK(render_state(c->replica->desk()) == render_state(server.desk));
            c->reopen();
            CHECK(render_state(c->replica->desk()) == render_state(server.desk));
        }
        (void)first;
    }
}

namespace {

// The app syncing with a server that holds one incident, `c`, made by another replica.
struct AppWithServer {
    FakeServer server;
    OpFactory other{"other"};
    Operation c;
    std::unique_ptr<app::App> app;
    FakeTransport transport{server};
    std::unique_ptr<SyncEngine> engine_ptr;  // after `transport`, which it uses

    AppWithServer(const std::string& dir, const std::string& title) {
        other.numbers().add_block({1, 100});
        c = other.create_incident("u:other", kBaseMs, {{IncidentField::title, title}});
        REQUIRE(server.accept(c) == ApplyKind::applied);
        app = hotline::testing::open_app(fresh_dir(dir));
        SyncEngine::Options options;
        options.token = "good";
        engine_ptr = std::make_unique<SyncEngine>(app->replica(), transport, options);
    }
    SyncEngine& engine() { return *engine_ptr; }
    // Another user changes the incident on the server.
    void remote_set(std::int64_t at, FieldId field, const std::string& value) {
        REQUIRE(server.accept(other.set_field("u:other", at, c.entity_id, field, value)) == ApplyKind::applied);
    }
    // Ten ticks from `from` (a pull), then the app hears what changed.
    void pull(std::int64_t from) {
        for (int i = 0; i < 10; ++i) engine().tick(from + i);
        app->incidents_changed(engine().take_changed_incidents());
    }
};

}  // namespace

TEST_CASE("sync engine: the app's list follows pulled incidents") {
    AppWithServer w("sync-engine-app", "From the server");
    const std::uint64_t written = w.app->changes_written();
    for (int i = 0; i < 10; ++i) w.engine().tick(kBaseMs + i);
    CHECK(w.app->changes_written() > written);  // the platform persists the directory after a pull
    CHECK(w.app->list().rows().empty());
    w.app->incidents_changed(w.engine().take_changed_incidents());
    REQUIRE(w.app->list().rows().size() == 1);
    CHECK(w.app->list().incident(w.app->list().rows()[0]).value(IncidentField::title) == "From the server");
    w.remote_set(kBaseMs + 50, IncidentField::title, "Renamed");
    w.pull(kBaseMs + 100);
    w.app->list().set_query("renamed");
    CHECK(w.app->list().rows().size() == 1);
}

TEST_CASE("sync engine: a pulled change reaches the open incident's form; what the user typed stays") {
    AppWithServer w("sync-engine-form", "Boiler leaks");
    std::int64_t now = kBaseMs;
    w.pull(now += 100);
    REQUIRE(w.app->open_incident(w.app->list().rows()[0]));
    app::Draft& form = w.app->editor().draft();

    w.remote_set(now += 10, IncidentField::title, "Boiler leaks at night");
    w.pull(now += 100);
    CHECK(form.value(IncidentField::title) == "Boiler leaks at night");
    CHECK_FALSE(w.app->editor().has_unsaved_edits());  // nothing typed: nothing to save

    form.value(IncidentField::description) = "Pressure drops to 0.5 bar";
    w.remote_set(now += 10, IncidentField::title, "Boiler leaks every night");
    w.remote_set(now += 10, IncidentField::description, "Customer called twice");
    w.pull(now += 100);
    CHECK(form.value(IncidentField::title) == "Boiler leaks every night");
    CHECK(form.value(IncidentField::description) == "Pressure drops to 0.5 bar");  // typed: kept
    CHECK(w.app->editor().has_unsaved_edits());
}

TEST_CASE("sync engine: a request with no answer times out as offline; a history the server does not show keeps local state") {
    FakeServer server;
    Client a(server, "hung");
    std::string id = a.create("Hung");
    a.transport.swallow = true;
    a.engine->tick(a.now);
    CHECK(a.transport.calls.size() == 1);
    a.engine->tick(a.now + 30000);
    CHECK(a.transport.calls.size() == 1);  // still waiting
    a.engine->tick(a.now + 60001);
    CHECK(a.engine->status().state == SyncState::offline);
    CHECK(a.engine->status().last_error_code == "timeout");
    CHECK(a.transport.cancelled.size() == 1);
    a.transport.swallow = false;
    a.now += 62000;
    a.sync();
    CHECK(a.engine->status().state == SyncState::online);
    check_same(a.replica->desk(), server.desk);

    // A refused op whose incident the server no longer shows us.
    a.transport.scripted = {
        Reply{200, encode_push_reply({{{OpId{"hung", 2}, std::nullopt, ApplyKind::rejected, 0, {"forbidden", "not yours"}}},
                                      {},
                                      server.head()})},
        Reply{404, R"({"error": {"code": "no_such_record", "message": "No incident you may see has this id."}})"}};
    Operation set = a.commit([&](OpFactory& f) { return f.set_field("u:hung", a.now, id, IncidentField::priority, "1"); });
    REQUIRE(set.id.to_string() == "hung:2");
    a.sync();
    CHECK(a.engine->status().state == SyncState::online);
    CHECK(a.engine->conflicts().items().size() == 1);
    CHECK(a.replica->outbox().empty());
    CHECK(a.replica->extra()["sync"]["rebuild"].empty());
    CHECK(a.incident(id).value(IncidentField::title) == "Hung");  // still here, as it was
}

TEST_CASE("sync engine: after the server refuses a stamp as too far ahead, later changes carry the physical time") {
    FakeServer server;
    server.clock_ms = kBaseMs;
    Client a(server, "clock-ahead");
    constexpr std::int64_t kYearMs = 365LL * 24 * 3600 * 1000;
    a.now = kBaseMs + kYearMs;  // the laptop's clock jumps a year ahead
    std::string future = a.create("Stamped a year ahead");
    a.now = kBaseMs;  // and is put right
    a.sync();
    REQUIRE(a.engine->conflicts().items().size() == 1);
    CHECK(a.engine->conflicts().items().front().reason.code == "clock_ahead");
    CHECK(server.desk.find(future) == nullptr);

    std::string later = a.create("After the clock was put right");
    CHECK(a.incident(later).created.wall_ms < kBaseMs + kHlcMaxAheadMs);
    a.sync();
    CHECK(server.desk.find(later) != nullptr);
    CHECK(a.engine->conflicts().items().size() == 1);

    // Also after the app is closed and opened again.
    a.reopen();
    std::string reopened = a.create("After a restart");
    a.sync();
    CHECK(server.desk.find(reopened) != nullptr);
    CHECK(a.engine->conflicts().items().size() == 1);
}
