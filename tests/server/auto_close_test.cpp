// W7 on the server: a solved incident the customer is silent about gets its closing notice,
// then is closed, by the server ("s:server") through its write path, as the server's clock
// (SyncService's now_ms) moves on. Both are pulled by a client like any other operation, and
// each is made once: not again by a second sweep, after a restart, or by another server
// process on the same database. Each scenario runs on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/entity_rules.hpp"
#include "core/event_types.hpp"
#include "protocol/read_messages.hpp"
#include "server/auto_close_sweep.hpp"
#include "server_test_support.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::ClientOps;
using hotline::test::ServiceFixture;

namespace {

const AutoClosePolicy kPolicy{14, 3};  // ServiceOptions' default

struct AgentService : ServiceFixture {
    explicit AgentService(Backend backend) : ServiceFixture(backend, "auto close") {
        add_user("ann", "agent");
        token = login("ann");
    }
    // An incident solved at `now`, pushed by the agent's replica.
    std::string solved_incident() {
        const Operation create = client.create(now, "Radiator cold");
        const std::string id = create.entity_id;
        const std::vector<Operation> ops = {create,
                                            client.set(now, id, IncidentField::actual_problem, "Air in the circuit"),
                                            client.set(now, id, IncidentField::actual_solution, "Bled the radiator"),
                                            client.transition(now, id, IncidentStatus::in_progress),
                                            client.transition(now, id, IncidentStatus::solved)};
        const auto pushed = push(token, "ra", ops);
        REQUIRE_MESSAGE(pushed.status == 200, pushed.body.dump());
        return id;
    }
    std::size_t sweep() {
        auto made = service().sweep();
        HOTLINE_REQUIRE_OK(made);
        return *made;
    }
    // Everything a client pulls, folded into a desk of its own.
    Desk pulled() {
        Desk desk;
        std::int64_t cursor = 0;
        for (bool more = true; more;) {
            auto r = call("GET", "/pull", "", token, {{"cursor", std::to_string(cursor)}});
            REQUIRE(r.status == 200);
            auto page = protocol::decode_pull_reply(r.body.dump());
            HOTLINE_REQUIRE_OK(page);
            for (const auto& sequenced : page->ops) desk.apply(sequenced.op);
            cursor = page->cursor;
            more = page->more;
        }
        return desk;
    }
    std::string token;
    ClientOps client{"ra", "ann"};
};

std::size_t notices(const Incident& incident) {
    return static_cast<std::size_t>(std::count_if(incident.events.begin(), incident.events.end(), [](const Event& e) {
        return e.type == kCloseNoticeEventType;
    }));
}

}  // namespace

static void notice_then_close_pulled_and_made_once(Backend backend) {
    AgentService f(backend);
    const std::int64_t solved = f.now;
    const std::string id = f.solved_incident();
    const std::int64_t head = f.db().head_seq().value();

    f.now = solved + 11 * kDayMs - 1;
    CHECK(f.sweep() == 0);
    f.now = solved + 11 * kDayMs;
    const int signalled = f.changes_signalled;
    CHECK(f.sweep() == 1);
    CHECK(f.changes_signalled > signalled);  // parked pulls are woken
    CHECK(f.sweep() == 0);                   // a second sweep: done already
    CHECK(f.db().head_seq().value() == head + 1);

    Desk client = f.pulled();
    const Incident* seen = client.find(id);
    REQUIRE(seen);
    CHECK(seen->status == IncidentStatus::solved);
    REQUIRE(notices(*seen) == 1);
    const Event notice = *std::find_if(seen->events.begin(), seen->events.end(),
                                       [](const Event& e) { return e.type == kCloseNoticeEventType; });
    CHECK(notice.actor == protocol::kServerActor);
    CHECK(notice.text == utc_date(solved + 14 * kDayMs));

    // A restart remembers it (the desk is folded from the log): no second notice.
    f.restart();
    f.now = solved + 13 * kDayMs;
    CHECK(f.sweep() == 0);

    // The close: made by another server process on the same database first, so this one,
    // catching up inside its write transaction, makes nothing.
    f.now = solved + 14 * kDayMs;
    auto other = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(other);
    auto by_other = server::sweep_auto_close(*other, f.db(), kPolicy, f.now);
    HOTLINE_REQUIRE_OK(by_other);
    REQUIRE(by_other->size() == 1);
    CHECK(by_other->front().op.type == OpType::transition);
    CHECK(by_other->front().op.actor == protocol::kServerActor);
    CHECK(f.sweep() == 0);
    CHECK(f.db().head_seq().value() == head + 2);

    client = f.pulled();
    seen = client.find(id);
    CHECK(seen->status == IncidentStatus::closed);
    CHECK(notices(*seen) == 1);
    f.now = solved + 40 * kDayMs;
    CHECK(f.sweep() == 0);
    HOTLINE_REQUIRE_OK(server::sweep_auto_close(*other, f.db(), kPolicy, f.now));
    CHECK(f.db().head_seq().value() == head + 2);
}

static void two_processes_sweep_the_same_notice_once(Backend backend) {
    AgentService f(backend);
    const std::int64_t solved = f.now;
    const std::string id = f.solved_incident();
    // Both processes saw the incident due before either stored anything: each decides again
    // inside its write transaction, so the second makes nothing.
    auto a = server::ServerDesk::load(f.db());
    auto b = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(a);
    HOTLINE_REQUIRE_OK(b);
    const std::int64_t now = solved + 12 * kDayMs;
    const auto intents = server::auto_close_intents(b->desk(), kPolicy, now);
    REQUIRE(intents.size() == 1);
    auto first = server::sweep_auto_close(*a, f.db(), kPolicy, now);
    HOTLINE_REQUIRE_OK(first);
    CHECK(first->size() == 1);
    auto second = server::write_server_ops(*b, f.db(), intents, now);
    HOTLINE_REQUIRE_OK(second);
    CHECK(second->empty());
    CHECK(notices(*b->desk().find(id)) == 1);
}

HOTLINE_DB_TEST("auto-close: the notice, then the close, pulled by a client and made once", notice_then_close_pulled_and_made_once)
HOTLINE_DB_TEST("auto-close: two server processes give one notice", two_processes_sweep_the_same_notice_once)
