// The push path against a user who sends what no honest client sends (issue 9): another
// replica's operation ids, far-future clocks, one leased number used twice, probes of
// incidents that are not theirs, and display names passed off as assignments. Each
// scenario runs on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include "core/operation_json.hpp"
#include "service_fixture.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::test::ClientOps;
using hotline::test::ServiceFixture;
using hotline::server_test::Backend;

namespace {

// An agent, an engineer and a technician (display name "Tom Fletcher"), all signed in.
struct Staff : ServiceFixture {
    explicit Staff(Backend backend) : ServiceFixture(backend, "push integrity") {
        add_user("agent", "agent", "Anna Agent");
        add_user("pshah", "engineer", "Priya Shah");
        add_user("tfletcher", "technician", "Tom Fletcher");
        for (const char* user : {"agent", "pshah", "tfletcher"}) tokens[user] = login(user);
    }
    NumberBlock lease(const std::string& login, ClientOps& client, int count) {
        auto r = push(tokens[login], client.factory.replica(), {}, count);
        REQUIRE(r.body["number_blocks"].size() == 1);
        NumberBlock block{r.body["number_blocks"][0]["first"], r.body["number_blocks"][0]["last"]};
        client.factory.numbers().add_block(block);
        return block;
    }
    // The one result of a one-operation push.
    nlohmann::json push_one(const std::string& login, const std::string& replica, const Operation& op) {
        auto r = push(tokens[login], replica, {op});
        REQUIRE(r.status == 200);
        REQUIRE(r.body["results"].size() == 1);
        return r.body["results"][0];
    }
    std::map<std::string, std::string> tokens;
};

}  // namespace

static void foreign_ids_are_never_stored(Backend backend) {
    Staff f(backend);
    ClientOps priya("pr", "pshah");
    f.lease("pshah", priya, 10);
    Operation create = priya.create(f.now, "Priya's job", "pshah");
    REQUIRE(f.push_one("pshah", "pr", create)["status"] == "applied");
    Operation real = priya.set(f.now + 1, create.entity_id, IncidentField::priority, "2");

    // Tom sends Priya's next operation id (in his own name) from his own replica.
    Operation forged = real;
    forged.actor = "u:tfletcher";
    auto refused = f.push_one("tfletcher", "tr", forged);
    CHECK(refused["status"] == "rejected");
    CHECK(refused["code"] == "forbidden_replica");
    CHECK_FALSE(f.db().find_rejection(real.id.to_string()).value().has_value());

    // Priya's own operation with that id is still hers to push.
    auto mine = f.push_one("pshah", "pr", real);
    CHECK(mine["status"] == "applied");
    CHECK(f.service().desk().desk().find(create.entity_id)->value(IncidentField::priority) == "2");
}

static void far_future_clocks_are_refused(Backend backend) {
    Staff f(backend);
    ClientOps agent("ra", "agent");
    f.lease("agent", agent, 10);
    Operation create = agent.create(f.now, "Clock test");
    REQUIRE(f.push_one("agent", "ra", create)["status"] == "applied");

    Operation future = agent.set(f.now + 1, create.entity_id, IncidentField::priority, "1");
    future.hlc.wall_ms = kHlcWallMax;  // a laptop whose clock says 2200
    auto refused = f.push_one("agent", "ra", future);
    CHECK(refused["status"] == "rejected");
    CHECK(refused["code"] == "clock_ahead");
    CHECK(f.push_one("agent", "ra", future)["code"] == "clock_ahead");  // and on every retry

    Operation near = agent.set(f.now + 2, create.entity_id, IncidentField::priority, "2");
    near.hlc.wall_ms = f.now + kHlcMaxAheadMs;  // within the allowed skew
    CHECK(f.push_one("agent", "ra", near)["status"] == "applied");

    // A later ordinary edit still wins, and the server's own next stamp stays near its clock.
    f.now += kHlcMaxAheadMs + 1;
    ClientOps priya("pr", "pshah");
    Operation later = priya.set(f.now, create.entity_id, IncidentField::priority, "3");
    CHECK(f.push_one("pshah", "pr", later)["status"] == "applied");
    CHECK(f.service().desk().desk().find(create.entity_id)->value(IncidentField::priority) == "3");
    Operation provisional = priya.create(f.now, "Gets a number from the server");
    REQUIRE(f.push_one("pshah", "pr", provisional)["status"] == "applied");
    auto pulled = f.call("GET", "/pull", "", f.tokens["agent"], {{"cursor", "0"}});
    const auto& last = pulled.body["ops"].back()["op"];
    REQUIRE(last["type"] == "renumber");
    auto stamp = Hlc::parse(last["hlc"].get<std::string>());
    REQUIRE(stamp.ok());
    CHECK(stamp->wall_ms <= f.now + kHlcMaxAheadMs);
}

static void one_number_one_create(Backend backend) {
    Staff f(backend);
    ClientOps agent("ra", "agent");
    const NumberBlock block = f.lease("agent", agent, 3);
    Operation first = agent.create(f.now, "First with the number");
    Operation second = agent.create(f.now + 1, "Second with the same number");
    REQUIRE(first.number.value == block.first);
    second.number = first.number;
    auto r = f.push(f.tokens["agent"], "ra", {first, second});
    REQUIRE(r.status == 200);
    CHECK(r.body["results"][0]["status"] == "applied");
    CHECK(r.body["results"][1]["status"] == "rejected");
    CHECK(r.body["results"][1]["code"] == "number_in_use");

    // In a later push too.
    Operation third = agent.create(f.now + 2, "Third with the same number");
    third.number = first.number;
    CHECK(f.push_one("agent", "ra", third)["code"] == "number_in_use");
    int holders = 0;
    for (const Incident& inc : f.service().desk().desk().incidents()) holders += inc.number == first.number;
    CHECK(holders == 1);
    f.restart();
    CHECK(f.service().desk().desk().find(second.entity_id) == nullptr);
}

static void technicians_learn_nothing_of_others_incidents(Backend backend) {
    Staff f(backend);
    ClientOps agent("ra", "agent");
    f.lease("agent", agent, 10);
    Operation others = agent.create(f.now, "Priya's job", "pshah");
    REQUIRE(f.push_one("agent", "ra", others)["status"] == "applied");
    const std::string number = std::to_string(others.number.value);

    // The id of an operation already stored: no "duplicate", no seq.
    Operation copy = others;
    copy.actor = "u:tfletcher";
    auto probe = f.push_one("tfletcher", "tr", copy);
    CHECK(probe["status"] == "rejected");
    CHECK_FALSE(probe.contains("seq"));

    // An incident not theirs and one that does not exist get the same answer, naming neither.
    ClientOps tom("tr", "tfletcher");
    auto not_theirs = f.push_one("tfletcher", "tr", tom.set(f.now + 1, others.entity_id, IncidentField::diagnosis, "x"));
    auto missing = f.push_one("tfletcher", "tr", tom.set(f.now + 2, "ra:999", IncidentField::diagnosis, "x"));
    CHECK(not_theirs["status"] == "rejected");
    CHECK(not_theirs["code"] == missing["code"]);
    CHECK(not_theirs["message"] == missing["message"]);
    CHECK(not_theirs["message"].get<std::string>().find(number) == std::string::npos);

    auto history_of_others = f.call("GET", "/history", "", f.tokens["tfletcher"], {{"entity", others.entity_id}});
    auto history_of_none = f.call("GET", "/history", "", f.tokens["tfletcher"], {{"entity", "ra:999"}});
    CHECK(history_of_others.status == history_of_none.status);
    CHECK(history_of_others.body == history_of_none.body);
}

static void visibility_by_login_only(Backend backend) {
    Staff f(backend);
    f.add_user("impostor", "technician", "Priya Shah");  // display names are not unique
    const std::string impostor = f.login("impostor");
    ClientOps agent("ra", "agent");
    f.lease("agent", agent, 10);
    Operation by_name = agent.create(f.now, "Assigned by display name", "Priya Shah");
    Operation by_login = agent.create(f.now + 1, "Assigned by login", "pshah");
    Operation toms = agent.create(f.now + 2, "Tom's job", "tfletcher");
    REQUIRE(f.push(f.tokens["agent"], "ra", {by_name, by_login, toms}).status == 200);

    auto pulled = f.call("GET", "/pull", "", impostor, {{"cursor", "0"}});
    CHECK(pulled.body["ops"].empty());
    auto toms_pull = f.call("GET", "/pull", "", f.tokens["tfletcher"], {{"cursor", "0"}});
    REQUIRE(toms_pull.body["ops"].size() == 1);
    CHECK(toms_pull.body["ops"][0]["op"]["id"] == toms.id.to_string());
}

static void control_text_is_refused_but_stored_text_loads(Backend backend) {
    Staff f(backend);
    ClientOps agent("ra", "agent");
    f.lease("agent", agent, 10);
    for (const char* bad : {"Pump\x7f", "Pump\xc2\x85", "\xe2\x80\xaePump", "Pump\xe2\x81\xa6"}) {
        CAPTURE(bad);
        auto refused = f.push_one("agent", "ra", agent.create(f.now, bad));
        CHECK(refused["status"] == "rejected");
        CHECK(refused["code"] == "bad_value");
    }
    CHECK(f.service().desk().desk().incidents().empty());

    // Stored by a version without the rule: the server still loads it, and a retry of its
    // push is answered as the duplicate it is.
    Operation old = agent.create(f.now, "Old \x7f title");
    {
        auto tx = f.db().begin_write();
        HOTLINE_REQUIRE_OK(tx);
        HOTLINE_REQUIRE_OK((*tx)->append_ops({{old.id.to_string(), old.entity_id, old.actor, encode_operation(old)}}));
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    f.restart();
    const Incident* loaded = f.service().desk().desk().find(old.entity_id);
    REQUIRE(loaded);
    CHECK(loaded->value(IncidentField::title) == "Old \x7f title");
    CHECK(f.push_one("agent", "ra", old)["status"] == "duplicate");
}

HOTLINE_DB_TEST("push: another replica's operation ids are refused and never stored as rejections",
                foreign_ids_are_never_stored)
HOTLINE_DB_TEST("push: operations stamped too far ahead of the server's clock are refused", far_future_clocks_are_refused)
HOTLINE_DB_TEST("push: a final number is used by one create only", one_number_one_create)
HOTLINE_DB_TEST("push and history: a technician learns nothing about incidents not theirs",
                technicians_learn_nothing_of_others_incidents)
HOTLINE_DB_TEST("pull: a technician sees incidents assigned to their login, never to their display name",
                visibility_by_login_only)
HOTLINE_DB_TEST("push: text with control characters or bidi controls is refused; such text stored earlier still loads",
                control_text_is_refused_but_stored_text_loads)
