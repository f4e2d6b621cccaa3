// server/server_writes.hpp: the server's own operations go through one write path. A
// server-made operation is stored with its sequence number, pulled by clients like any
// other, survives a restart, and is made once however often the server asks for it (the
// intent is checked against the desk, the ids continue from the log). Each scenario runs
// on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include <span>

#include "protocol/read_messages.hpp"
#include "server/server_writes.hpp"
#include "server_test_support.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::ClientOps;
using hotline::test::ServiceFixture;

namespace {

// Stores `op` as it is, as a push that stopped before its renumber would have (the log of
// an older server, or of a process that is still deciding).
void store_directly(server::Database& db, const Operation& op) {
    auto tx = db.begin_write();
    HOTLINE_REQUIRE_OK(tx);
    HOTLINE_REQUIRE_OK((*tx)->append_ops({server::stored_form(op)}));
    HOTLINE_REQUIRE_OK((*tx)->commit());
}

std::vector<protocol::SequencedOp> give_number(server::ServerDesk& sd, server::Database& db, const std::string& incident,
                                               std::int64_t now_ms) {
    const server::ServerIntent intent = server::GiveFinalNumber{incident};
    auto made = server::write_server_ops(sd, db, std::span(&intent, 1), now_ms);
    HOTLINE_REQUIRE_OK(made);
    return std::move(made.value());
}

// A service with one agent, signed in, whose replica "ra" creates incidents offline.
struct Agent : ServiceFixture {
    explicit Agent(Backend backend, std::string_view name) : ServiceFixture(backend, name) {
        add_user("ann", "agent");
        token = login("ann");
    }
    std::string token;
    ClientOps client{"ra", "ann"};
};

}  // namespace

static void server_ops_are_stored_pulled_and_made_once(Backend backend) {
    Agent f(backend, "server writes");
    const Operation create = f.client.create(f.now, "Created offline");
    REQUIRE_FALSE(create.number.is_final());
    store_directly(f.db(), create);

    auto sd = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(sd);
    const auto made = give_number(*sd, f.db(), create.entity_id, f.now + 10);
    REQUIRE(made.size() == 1);
    const Operation& renumber = made[0].op;
    CHECK(made[0].seq == 2);
    CHECK(renumber.type == OpType::renumber);
    CHECK(renumber.id.replica == protocol::kServerReplica);
    CHECK(renumber.actor == protocol::kServerActor);
    CHECK(renumber.hlc.wall_ms >= f.now + 10);  // the server's clock
    CHECK(renumber.number.is_final());
    CHECK(sd->desk().find(create.entity_id)->number == renumber.number);
    CHECK(sd->seq() == 2);

    // Asked again, by this desk or by an unknown incident: nothing more is stored.
    CHECK(give_number(*sd, f.db(), create.entity_id, f.now + 20).empty());
    CHECK(give_number(*sd, f.db(), "ra:999", f.now + 20).empty());
    CHECK(f.db().head_seq().value() == 2);

    // A client pulls it like any other operation (the service's desk catches up).
    auto pulled = f.call("GET", "/pull", "", f.token, {{"cursor", "0"}});
    REQUIRE(pulled.status == 200);
    auto page = protocol::decode_pull_reply(pulled.body.dump());
    HOTLINE_REQUIRE_OK(page);
    REQUIRE(page->ops.size() == 2);
    CHECK(page->ops[1] == made[0]);

    // After a restart: the number is kept, asking again makes nothing, and the next
    // server operation gets the next id.
    f.restart();
    auto reloaded = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(reloaded);
    CHECK(reloaded->desk().find(create.entity_id)->number == renumber.number);
    CHECK(give_number(*reloaded, f.db(), create.entity_id, f.now + 30).empty());
    const Operation second = f.client.create(f.now + 40, "Also offline");
    store_directly(f.db(), second);
    const auto next = give_number(*reloaded, f.db(), second.entity_id, f.now + 50);
    REQUIRE(next.size() == 1);
    CHECK(next[0].op.id == OpId{std::string(protocol::kServerReplica), renumber.id.counter + 1});
    CHECK(next[0].op.number.value != renumber.number.value);
    CHECK(next[0].seq == 4);
}

static void a_pushed_renumber_is_the_same_intent(Backend backend) {
    Agent f(backend, "server writes push");
    const Operation create = f.client.create(f.now, "Pushed offline");
    REQUIRE(f.push(f.token, "ra", {create}).status == 200);
    CHECK(f.db().head_seq().value() == 2);  // the create and the server's renumber of it
    // Another server process (a desk of its own on the same database) asks for it too.
    auto other = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(other);
    CHECK(give_number(*other, f.db(), create.entity_id, f.now + 10).empty());
    CHECK(f.db().head_seq().value() == 2);
}

HOTLINE_DB_TEST("a server-made operation is stored, pulled, kept over a restart and made once",
                server_ops_are_stored_pulled_and_made_once)
HOTLINE_DB_TEST("a push's renumber and a later request for it are one intent", a_pushed_renumber_is_the_same_intent)
