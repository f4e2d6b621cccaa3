// The first sync by snapshot (sync/first_sync.hpp) against the in-memory server of
// sync_fake_server.hpp, whose snapshots the store's own code encodes (3 records a chunk,
// so a few incidents make several chunks). A client that took the snapshot must end with
// the desk of one that pulled the operations: records, histories, seen set, tables.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store/file_util.hpp"
#include "sync_fake_server.hpp"

using namespace hotline;
using namespace hotline::protocol;
using namespace hotline::sync;
using namespace hotline::testing::sync_fake;
using hotline::testing::render_desk_full;
using hotline::testing::same_parts;

namespace {

// Another client's replica, which makes the server's incidents (with edits and events).
struct Author {
    FakeServer& server;
    OpFactory factory{"author"};
    std::int64_t at = hotline::testing::kBaseMs;

    explicit Author(FakeServer& s) : server(s) { factory.numbers().add_block({1, 1000}); }
    void seed(int incidents) {
        for (int i = 0; i < incidents; ++i) {
            at += 1000;
            Operation create = factory.create_incident("u:author", at, {{IncidentField::title, "Boiler " + std::to_string(i)}});
            REQUIRE(server.accept(create) == ApplyKind::applied);
            REQUIRE(server.accept(factory.set_field("u:author", at + 1, create.entity_id, IncidentField::priority, "2")) ==
                    ApplyKind::applied);
            REQUIRE(server.accept(factory.add_event("u:author", at + 2, create.entity_id, "note",
                                                    "seen " + std::to_string(i))) == ApplyKind::applied);
        }
    }
};

SyncEngine::Options pulling() {
    SyncEngine::Options o;
    o.first_sync_snapshot = false;
    return o;
}

// A server with snapshots and `incidents` incidents; a client that takes the snapshot and
// one that pulls the operations (synced already), to compare with.
struct Scene {
    FakeServer server;
    Author author{server};
    Client snap, ops;

    Scene(const std::string& name, int incidents) : snap(server, name), ops(server, name + "-ops", pulling()) {
        server.snapshots = true;
        author.seed(incidents);
        ops.sync();
    }
};

// Same records, histories, tables and seen set.
void check_identical(const Desk& a, const Desk& b) {
    CHECK(render_desk_full(a) == render_desk_full(b));
    CHECK(same_parts(a.parts(), b.parts()));
}

std::size_t chunk_calls(const FakeTransport& t) { return t.count("GET /snapshot/"); }

}  // namespace

TEST_CASE("first sync: a fresh client takes the snapshot and ends identical to one that pulled the operations") {
    Scene scene("fs-snap", 7);  // 7 incidents + 11 default event types: 3 + 4 chunks of 3 records
    FakeServer& server = scene.server;
    Client& snap = scene.snap;
    Client& ops = scene.ops;
    snap.sync();
    ops.sync();
    CHECK(snap.transport.count("GET /snapshot") == 8);  // the manifest and 7 chunks
    CHECK(snap.transport.count("GET /pull?cursor=0&") == 0);
    CHECK(snap.transport.count("GET /pull?cursor=" + std::to_string(server.head())) >= 1);
    CHECK(ops.transport.count("GET /snapshot") == 0);
    CHECK(snap.engine->cursor() == server.head());
    CHECK(snap.replica->desk().incidents().size() == 7);
    check_identical(snap.replica->desk(), ops.replica->desk());
    check_same(snap.replica->desk(), server.desk);
    CHECK(snap.engine->take_desk_replaced());
    CHECK(snap.engine->status().first_sync_bytes_total == 0);  // over

    // Later operations arrive by ordinary pulls, on top of the snapshot.
    scene.author.seed(2);
    snap.sync();
    ops.sync();
    check_identical(snap.replica->desk(), ops.replica->desk());
    // The adopted snapshot is the replica's own: a reopen loads the same desk.
    const std::string before = render_desk_full(snap.replica->desk());
    snap.reopen();
    CHECK(render_desk_full(snap.replica->desk()) == before);
    snap.sync();
    CHECK(snap.transport.count("GET /snapshot") == 8);  // never again
}

TEST_CASE("first sync: an interrupted download resumes at the next chunk, also after a reopen") {
    for (bool reopen : {false, true}) {
        CAPTURE(reopen);
        Scene scene(reopen ? "fs-resume-reopen" : "fs-resume", 7);
        FakeServer& server = scene.server;
        Client& snap = scene.snap;
        Client& ops = scene.ops;
        // The connection drops after the manifest and two chunks.
        std::size_t served = 0;
        snap.transport.tamper = [&](const std::string& path, Reply&) {
            if (path.starts_with("/snapshot/") && ++served == 2) snap.transport.offline = true;
        };
        snap.sync(3);
        REQUIRE(snap.transport.offline);
        CHECK(snap.engine->status().state == SyncState::offline);
        CHECK(snap.replica->desk().incidents().empty());  // nothing adopted yet
        CHECK(snap.engine->status().first_sync_bytes > 0);
        CHECK(snap.engine->status().first_sync_bytes < snap.engine->status().first_sync_bytes_total);
        const std::size_t fetched = chunk_calls(snap.transport);
        snap.transport.offline = false;
        snap.transport.tamper = nullptr;
        if (reopen) snap.reopen();
        snap.now += 120'000;  // past the backoff
        snap.sync();
        CHECK(snap.transport.count("GET /snapshot/snap1/0") == 1);  // not fetched again
        CHECK(snap.transport.count("GET /snapshot/snap1/1") == 1);
        CHECK(chunk_calls(snap.transport) == fetched - 1 + 6);  // the dropped one and the rest
        CHECK(server.snapshots_made == 1);
        check_identical(snap.replica->desk(), ops.replica->desk());
    }
}

TEST_CASE("first sync: a snapshot the server no longer holds starts the first sync again") {
    Scene scene("fs-gone", 5);
    FakeServer& server = scene.server;
    Client& snap = scene.snap;
    Client& ops = scene.ops;
    std::size_t served = 0;
    snap.transport.tamper = [&](const std::string& path, Reply&) {
        if (path.starts_with("/snapshot/") && ++served == 2) {
            server.held.clear();  // expired on the server
            scene.author.seed(1);  // and the desk moved on meanwhile
        }
    };
    snap.sync();
    ops.sync();
    CHECK(server.snapshots_made == 2);
    CHECK(snap.transport.count("GET /snapshot/snap2/0") == 1);
    CHECK(snap.replica->desk().incidents().size() == 6);
    check_identical(snap.replica->desk(), ops.replica->desk());
}

TEST_CASE("first sync: a snapshot that keeps going away ends in pulling operations") {
    Scene scene("fs-gone-always", 4);
    FakeServer& server = scene.server;
    Client& snap = scene.snap;
    Client& ops = scene.ops;
    snap.transport.tamper = [&](const std::string& path, Reply&) {
        if (path == "/snapshot") server.held.clear();
    };
    snap.sync();
    CHECK(server.snapshots_made == FirstSync::kMaxRestarts + 1);
    CHECK(snap.transport.count("GET /pull?cursor=0&") == 1);
    check_identical(snap.replica->desk(), ops.replica->desk());
}

TEST_CASE("first sync: a client with a change of its own pulls operations; nothing typed is replaced") {
    FakeServer server;
    server.snapshots = true;
    Author author(server);
    author.seed(4);
    Client a(server, "fs-pending");
    const std::string mine = a.create("Typed before the first sync");
    a.sync();
    CHECK(a.transport.count("GET /snapshot") == 0);
    CHECK(a.transport.count("GET /pull?cursor=0&") == 1);
    CHECK(a.replica->desk().find(mine) != nullptr);
    CHECK(a.replica->desk().incidents().size() == 5);
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("first sync: a change typed during the download ends it; the change is kept and pushed") {
    FakeServer server;
    server.snapshots = true;
    Author author(server);
    author.seed(7);
    Client a(server, "fs-typed");
    std::string mine;
    std::size_t served = 0;
    a.transport.tamper = [&](const std::string& path, Reply&) {
        if (path.starts_with("/snapshot/") && ++served == 1) a.transport.offline = true;
    };
    a.sync(3);
    REQUIRE(a.engine->status().first_sync_bytes > 0);
    mine = a.create("Typed while downloading");
    a.transport.offline = false;
    a.transport.tamper = nullptr;
    a.now += 120'000;
    a.sync();
    CHECK(a.replica->desk().find(mine) != nullptr);
    CHECK(a.replica->outbox().empty());
    CHECK(a.engine->status().first_sync_bytes_total == 0);
    CHECK(a.replica->desk().incidents().size() == 8);
    check_same(a.replica->desk(), server.desk);
    // Its staged chunks are gone with it.
    for (const auto& name : store::list_directory(a.dir)) CHECK(name.find("snap-1-") == std::string::npos);
}

TEST_CASE("first sync: a change typed while the last chunk comes is kept: the snapshot is not adopted") {
    Scene scene("fs-typed-last", 7);
    Client& a = scene.snap;
    std::string mine;
    a.transport.tamper = [&](const std::string& path, Reply&) {
        if (path == "/snapshot/snap1/4") mine = a.create("Typed as the last chunk arrives");
    };
    a.sync();
    REQUIRE_FALSE(mine.empty());
    CHECK(a.transport.count("GET /snapshot/snap1/4") == 1);
    CHECK(a.transport.count("GET /pull?cursor=0&") == 1);
    CHECK(a.replica->desk().find(mine) != nullptr);
    CHECK(a.replica->outbox().empty());
    check_same(a.replica->desk(), scene.server.desk);
}

TEST_CASE("first sync: a damaged chunk is refused and the replica stays as it was; the retry completes") {
    Scene scene("fs-corrupt", 7);
    Client& snap = scene.snap;
    Client& ops = scene.ops;
    bool damaged = false;
    snap.transport.tamper = [&](const std::string& path, Reply& reply) {
        if (path == "/snapshot/snap1/2" && !damaged) {
            reply.body[reply.body.size() / 2] ^= 0x5a;  // same size, one byte off
            damaged = true;
        }
    };
    snap.sync(3);
    CHECK(damaged);
    CHECK(snap.engine->status().state == SyncState::error);
    CHECK(snap.engine->status().last_error_code == "corrupt_chunk");
    CHECK(snap.replica->desk().incidents().empty());
    CHECK(snap.engine->cursor() == 0);
    // What is staged is intact: a reopen reads chunks 0 and 1 again and goes on from 2.
    snap.reopen();
    snap.now += 120'000;
    snap.sync();
    CHECK(snap.transport.count("GET /snapshot/snap1/2") == 2);
    CHECK(snap.transport.count("GET /snapshot/snap1/0") == 1);
    check_identical(snap.replica->desk(), ops.replica->desk());
}

TEST_CASE("first sync: a server without snapshots is pulled from") {
    FakeServer server;  // snapshots off: /snapshot is an unknown route (404)
    Author author(server);
    author.seed(3);
    Client a(server, "fs-old-server");
    a.sync();
    CHECK(a.transport.count("GET /snapshot") == 1);
    CHECK(a.transport.count("GET /pull?cursor=0&") == 1);
    check_same(a.replica->desk(), server.desk);
}

TEST_CASE("first sync: progress in bytes and incidents while the chunks arrive") {
    FakeServer server;
    server.snapshots = true;
    Author author(server);
    author.seed(7);
    Client a(server, "fs-progress");
    a.transport.synchronous = false;
    std::vector<std::int64_t> incidents, bytes;
    for (int i = 0; i < 30; ++i) {
        a.engine->tick(a.now);
        const SyncStatus& st = a.engine->status();
        if (st.first_sync_bytes_total > 0) {
            incidents.push_back(st.first_sync_incidents);
            bytes.push_back(st.first_sync_bytes);
            CHECK(st.first_sync_incidents_total == 7);
        }
        a.transport.deliver_all();
        a.now += 10;
    }
    REQUIRE(incidents.size() >= 4);
    CHECK(bytes.front() == 0);
    CHECK(std::is_sorted(bytes.begin(), bytes.end()));
    CHECK(std::is_sorted(incidents.begin(), incidents.end()));
    CHECK(incidents.back() > 0);
    CHECK(a.replica->desk().incidents().size() == 7);
}

TEST_CASE("first sync: the manifest's decoder refuses what does not add up") {
    const SnapshotManifest good{"abc", 12, 5, 3, {{100, 3}, {80, 2}}};
    auto round = decode_snapshot_manifest(encode_snapshot_manifest(good));
    REQUIRE(round.ok());
    CHECK(*round == good);
    for (const char* bad : {R"({"chunks":[{"bytes":1,"records":2}],"id":"a","incidents":0,"records":3,"seq":1})",
                            R"({"chunks":[],"id":"a","incidents":0,"records":0,"seq":1})",
                            R"({"chunks":[{"bytes":1,"records":1}],"id":"a/b","incidents":0,"records":1,"seq":1})",
                            R"({"chunks":[{"bytes":1,"records":1}],"id":"a","incidents":2,"records":1,"seq":1})",
                            R"({"chunks":[{"bytes":-1,"records":1}],"id":"a","incidents":0,"records":1,"seq":1})"}) {
        CAPTURE(bad);
        auto decoded = decode_snapshot_manifest(bad);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == "bad_reply");
    }
    std::string id;
    std::size_t k = 0;
    CHECK(parse_snapshot_chunk_path(snapshot_chunk_path("x9", 4), id, k));
    CHECK((id == "x9" && k == 4));
    CHECK_FALSE(parse_snapshot_chunk_path("/snapshot/x9/", id, k));
    CHECK_FALSE(parse_snapshot_chunk_path("/snapshot/x9/4/5", id, k));
}

TEST_CASE("first sync: a chunk of another snapshot is refused by the strict reader") {
    Desk one, two;
    OpFactory f("rr");
    f.numbers().add_block({1, 10});
    REQUIRE(two.apply(f.create_incident("u:x", hotline::testing::kBaseMs, {{IncidentField::title, "T"}})).kind ==
            ApplyKind::applied);
    auto chunks_of = [](const Desk& d) {
        std::vector<std::string> out;
        const auto records = store::all_records(d);
        REQUIRE(store::encode_snapshot({d.replicas(), d.actors(), d.seen(), d.newest_hlc(), records},
                                       [&](std::size_t, std::string& c) {
                                           out.push_back(c);
                                           return Outcome{};
                                       },
                                       3)
                    .ok());
        return out;
    };
    const auto a = chunks_of(one), b = chunks_of(two);
    store::SnapshotReader reader;
    REQUIRE(reader.read_intact("a0", a[0]).ok());
    const std::size_t held = reader.records();
    auto refused = reader.read_intact("b1", b[1]);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "corrupt_chunk");
    CHECK(reader.records() == held);
}
