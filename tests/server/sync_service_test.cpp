// The sync service (docs/sync-protocol.md) against a real SQLite file and a real
// PostgreSQL server (each scenario runs on both): login and
// tokens, push results and idempotency, bad input, numbers, pull pages and
// visibility, long-poll answers, restart.
#include <doctest/doctest.h>

#include "core/operation_json.hpp"
#include "service_fixture.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::test::ClientOps;
using hotline::test::ServiceFixture;
using hotline::server_test::Backend;

namespace {

std::vector<std::string> statuses(const server::ApiResponse& r) {
    std::vector<std::string> out;
    for (const auto& result : r.body["results"]) out.push_back(result["status"].get<std::string>());
    return out;
}

// A fixture with one user per role, all signed in.
struct Desk5 : ServiceFixture {
    explicit Desk5(Backend backend) : ServiceFixture(backend) {
        for (const char* role : {"agent", "engineer", "technician", "manager", "admin"}) {
            add_user(role, role, std::string(role) == "technician" ? "Tom Fletcher" : "");
            tokens[role] = login(role);
        }
    }
    // Gives the client a block of final numbers (else its creates are provisional and
    // each one brings a server renumber operation into the log).
    void lease(const std::string& role, ClientOps& client) {
        auto r = push(tokens[role], client.factory.replica(), {}, 1000);
        REQUIRE(r.body["number_blocks"].size() == 1);
        client.factory.numbers().add_block({r.body["number_blocks"][0]["first"], r.body["number_blocks"][0]["last"]});
    }
    std::map<std::string, std::string> tokens;
};

}  // namespace

static void login_and_tokens(Backend backend) {
    ServiceFixture f(backend);
    f.add_user("ivanova", "agent", "Anna Ivanova");
    auto ok = f.call("POST", "/login", R"({"login":"ivanova","password":"correct horse battery"})");
    REQUIRE(ok.status == 200);
    CHECK(ok.body["user"]["role"] == "agent");
    CHECK(ok.body["token"].get<std::string>().size() == 64);
    const std::string token = ok.body["token"];
    CHECK(f.call("GET", "/me", "", token).status == 200);

    CHECK(f.call("POST", "/login", R"({"login":"ivanova","password":"wrong password"})").status == 401);
    CHECK(f.call("POST", "/login", R"({"login":"nobody","password":"whatever1"})").status == 401);
    CHECK(f.call("GET", "/me").status == 401);
    CHECK(f.call("GET", "/me", "", std::string(64, 'a')).status == 401);

    SUBCASE("logout ends the token at once") {
        CHECK(f.call("POST", "/logout", "", token).status == 204);
        CHECK(f.call("GET", "/me", "", token).status == 401);
    }
    SUBCASE("tokens expire after 30 days") {
        f.now += server::kSessionLifetimeMs;
        CHECK(f.call("GET", "/me", "", token).status == 401);
    }
    SUBCASE("a disabled user's token stops working") {
        f.add_user("root", "admin");
        const std::string admin = f.login("root");
        CHECK(f.call("PATCH", "/users/ivanova", R"({"active":false})", admin).status == 200);
        CHECK(f.call("GET", "/me", "", token).status == 401);
    }
}

static void login_rate_limit(Backend backend) {
    ServiceFixture f(backend);
    f.add_user("ivanova", "agent");
    for (int i = 0; i < 5; ++i)
        CHECK(f.call("POST", "/login", R"({"login":"ivanova","password":"guess-guess"})").status == 401);
    auto limited = f.call("POST", "/login", R"({"login":"ivanova","password":"correct horse battery"})");
    CHECK(limited.status == 429);
    CHECK(limited.body["error"]["retry_after_ms"].get<std::int64_t>() > 0);
    f.now += 61'000;
    CHECK(f.call("POST", "/login", R"({"login":"ivanova","password":"correct horse battery"})").status == 200);
}

static void malformed_login(Backend backend) {
    ServiceFixture f(backend);
    for (const char* body : {"", "{", "[]", R"({"login":1,"password":"x"})", R"({"login":"a"})",
                             R"({"login":"a","password":"b","extra":true})"})
        CHECK_MESSAGE(f.call("POST", "/login", body).status == 400, body);
    CHECK(f.call("GET", "/login").status == 405);
}

static void push_is_idempotent(Backend backend) {
    Desk5 f(backend);
    ClientOps c("ra", "agent");
    f.lease("agent", c);
    Operation create = c.create(f.now, "Printer jams");
    Operation set = c.set(f.now + 1, create.entity_id, IncidentField::priority, "1");
    auto first = f.push(f.tokens["agent"], "ra", {create, set}, 0);
    REQUIRE(first.status == 200);
    CHECK(statuses(first) == std::vector<std::string>{"applied", "applied"});
    CHECK(first.body["results"][0]["seq"].get<std::int64_t>() + 1 == first.body["results"][1]["seq"].get<std::int64_t>());
    CHECK(first.body["results"][1]["seq"] == first.body["head"]);
    const auto head = first.body["head"].get<std::int64_t>();
    CHECK(f.changes_signalled == 1);

    auto again = f.push(f.tokens["agent"], "ra", {create, set, set}, 0);
    CHECK(statuses(again) == std::vector<std::string>{"duplicate", "duplicate", "duplicate"});
    CHECK(again.body["results"][1]["seq"] == first.body["results"][1]["seq"]);
    CHECK(again.body["results"][2]["seq"] == first.body["results"][1]["seq"]);
    CHECK(again.body["head"].get<std::int64_t>() == head);
    CHECK(f.db().head_seq().value() == head);
    CHECK(f.changes_signalled == 1);

    // The same new id twice in one batch: stored once, the second answered with its seq.
    Operation twice = c.set(f.now + 2, create.entity_id, IncidentField::title, "Printer jams daily");
    auto doubled = f.push(f.tokens["agent"], "ra", {twice, twice}, 0);
    CHECK(statuses(doubled) == std::vector<std::string>{"applied", "duplicate"});
    CHECK(doubled.body["results"][1]["seq"] == doubled.body["results"][0]["seq"]);
}

static void push_rejects_alone(Backend backend) {
    Desk5 f(backend);
    ClientOps c("ra", "agent");
    Operation create = c.create(f.now, "Boiler leaks");
    Operation solve = c.transition(f.now + 1, create.entity_id, IncidentStatus::solved);  // not from Registered
    Operation set = c.set(f.now + 2, create.entity_id, IncidentField::description, "Water on the floor");
    nlohmann::json body = nlohmann::json::parse(ServiceFixture::push_body("ra", {create, solve, set}));
    body["ops"].push_back({{"id", "ra:99"}, {"type", "explode"}});  // not an operation
    body["ops"].push_back(42);
    auto r = f.call("POST", "/push", body.dump(), f.tokens["agent"]);
    REQUIRE(r.status == 200);
    CHECK(statuses(r) == std::vector<std::string>{"applied", "rejected", "applied", "rejected", "rejected"});
    CHECK(r.body["results"][1]["id"] == solve.id.to_string());
    CHECK_FALSE(r.body["results"][1]["code"].get<std::string>().empty());
    CHECK(r.body["results"][3]["index"] == 3);
    CHECK(f.service().desk().desk().find(create.entity_id)->value(IncidentField::description) == "Water on the floor");

    SUBCASE("a rejected id keeps its answer on retry") {
        auto retry = f.push(f.tokens["agent"], "ra", {solve});
        CHECK(statuses(retry) == std::vector<std::string>{"rejected"});
        CHECK(retry.body["results"][0]["code"] == r.body["results"][1]["code"]);
    }
}

static void bad_push_envelopes(Backend backend) {
    Desk5 f(backend);
    ClientOps c("ra", "agent");
    const std::string token = f.tokens["agent"];
    for (const char* body : {"not json", "[]", R"({"ops":[]})", R"({"replica":"ra"})", R"({"replica":"ra","ops":{}})",
                             R"({"replica":"RA!","ops":[]})", R"({"replica":"server","ops":[]})",
                             R"({"replica":"ra","ops":[],"want_numbers":-1})", R"({"replica":"ra","ops":[],"x":1})"})
        CHECK_MESSAGE(f.call("POST", "/push", body, token).status == 400, body);
    std::vector<Operation> many;
    for (int i = 0; i < 5001; ++i) many.push_back(c.create(f.now + i, "x"));
    CHECK(f.push(token, "ra", many).status == 413);
    CHECK(f.db().head_seq().value() == 0);
    CHECK(f.call("POST", "/push", R"({"replica":"ra","ops":[]})").status == 401);
}

static void own_operations_only(Backend backend) {
    Desk5 f(backend);
    ClientOps mine("ra", "agent");
    ClientOps other("rx", "engineer");
    auto r = f.push(f.tokens["agent"], "rx", {other.create(f.now, "In someone else's name")});
    CHECK(r.body["results"][0]["code"] == "forbidden_actor");
    REQUIRE(statuses(f.push(f.tokens["agent"], "ra", {mine.create(f.now, "Mine")})) == std::vector<std::string>{"applied"});
    // Replica "ra" now belongs to the agent.
    ClientOps engineer("ra", "engineer");
    engineer.factory = OpFactory(OpFactory::State{"ra", 100, {}, {}, 0});
    CHECK(f.push(f.tokens["engineer"], "ra", {engineer.create(f.now, "Stolen replica")}).status == 403);
    ClientOps elsewhere("rb", "agent");
    CHECK(f.push(f.tokens["agent"], "ra", {elsewhere.create(f.now, "Other replica")}).body["results"][0]["code"] ==
          "forbidden_replica");
}

static void number_leases(Backend backend) {
    Desk5 f(backend);
    ClientOps c("ra", "agent");
    auto leased = f.push(f.tokens["agent"], "ra", {}, 10);
    REQUIRE(leased.body["number_blocks"].size() == 1);
    NumberBlock block{leased.body["number_blocks"][0]["first"], leased.body["number_blocks"][0]["last"]};
    CHECK(block.last - block.first + 1 == 10);
    c.factory.numbers().add_block(block);
    Operation final_number = c.create(f.now, "Numbered offline");
    CHECK(final_number.number.value == block.first);

    ClientOps d("rb", "agent");
    Operation provisional = d.create(f.now, "Out of numbers");
    CHECK_FALSE(provisional.number.is_final());
    auto r = f.push(f.tokens["agent"], "ra", {final_number});
    CHECK(statuses(r) == std::vector<std::string>{"applied"});
    auto p = f.push(f.tokens["agent"], "rb", {provisional});
    CHECK(statuses(p) == std::vector<std::string>{"applied"});
    const Incident* inc = f.service().desk().desk().find(provisional.entity_id);
    REQUIRE(inc);
    CHECK(inc->number.is_final());
    CHECK(inc->number.value > block.last);
    CHECK(inc->number_aliases == std::vector<std::string>{provisional.number.provisional});

    // A final number nobody leased to the replica is refused.
    ClientOps cheat("rc", "agent");
    cheat.factory.numbers().add_block({block.first, block.first});
    CHECK(f.push(f.tokens["agent"], "rc", {cheat.create(f.now, "Borrowed number")}).body["results"][0]["code"] ==
          "number_not_leased");
}

static void pull_pages(Backend backend) {
    Desk5 f(backend);
    ClientOps c("ra", "agent");
    f.lease("agent", c);
    std::vector<Operation> ops;
    for (int i = 0; i < 25; ++i) ops.push_back(c.create(f.now + i, "Incident " + std::to_string(i)));
    REQUIRE(f.push(f.tokens["agent"], "ra", ops).status == 200);
    std::int64_t cursor = 0;
    std::vector<std::string> seen;
    for (int page = 0;; ++page) {
        REQUIRE(page < 10);
        auto r = f.call("GET", "/pull", "", f.tokens["manager"], {{"cursor", std::to_string(cursor)}, {"limit", "10"}});
        REQUIRE(r.status == 200);
        for (const auto& e : r.body["ops"]) seen.push_back(e["op"]["id"].get<std::string>());
        cursor = r.body["cursor"];
        if (!r.body["more"].get<bool>()) break;
    }
    REQUIRE(seen.size() == 25);
    for (int i = 0; i < 25; ++i) CHECK(seen[i] == ops[i].id.to_string());
    for (const auto& [k, v] : std::map<std::string, std::string>{{"cursor", "-1"}, {"limit", "0"}, {"limit", "5001"}, {"cursor", "x"}})
        CHECK(f.call("GET", "/pull", "", f.tokens["manager"], {{k, v}}).status == 400);
}

static void technician_visibility(Backend backend) {
    Desk5 f(backend);
    ClientOps agent("ra", "agent");
    f.lease("agent", agent);
    Operation theirs = agent.create(f.now, "Tom's job", "technician");  // the engineer field holds logins
    Operation other = agent.create(f.now + 1, "Someone else's job", "engineer");
    Operation later = agent.set(f.now + 2, other.entity_id, IncidentField::description, "Before assignment");
    REQUIRE(f.push(f.tokens["agent"], "ra", {theirs, other, later}).status == 200);

    auto pulled = f.call("GET", "/pull", "", f.tokens["technician"], {{"cursor", "0"}});
    REQUIRE(pulled.body["ops"].size() == 1);
    CHECK(pulled.body["ops"][0]["op"]["id"] == theirs.id.to_string());
    const std::int64_t cursor = pulled.body["cursor"];
    CHECK(f.call("GET", "/history", "", f.tokens["technician"], {{"entity", other.entity_id}}).status == 404);
    CHECK(f.call("GET", "/history", "", f.tokens["technician"], {{"entity", theirs.entity_id}}).status == 200);

    ClientOps tech("rt", "technician");
    auto refused = f.push(f.tokens["technician"], "rt", {tech.set(f.now + 3, other.entity_id, IncidentField::diagnosis, "x")});
    CHECK(refused.body["results"][0]["code"] == "forbidden_incident");
    CHECK(statuses(f.push(f.tokens["technician"], "rt", {tech.set(f.now + 4, theirs.entity_id, IncidentField::diagnosis, "Worn roller")})) ==
          std::vector<std::string>{"applied"});

    // Assigned later: the next pull brings the incident's whole earlier history.
    REQUIRE(f.push(f.tokens["agent"], "ra", {agent.set(f.now + 5, other.entity_id, IncidentField::engineer, "technician")}).status == 200);
    auto after = f.call("GET", "/pull", "", f.tokens["technician"], {{"cursor", std::to_string(cursor)}});
    std::vector<std::string> ids;
    for (const auto& e : after.body["ops"]) ids.push_back(e["op"]["id"]);
    CHECK(std::find(ids.begin(), ids.end(), other.id.to_string()) != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), later.id.to_string()) != ids.end());
}

static void roles_by_endpoint(Backend backend) {
    Desk5 f(backend);
    for (const auto& [role, token] : f.tokens) {
        const bool admin = role == "admin";
        CAPTURE(role);
        CHECK(f.call("GET", "/me", "", token).status == 200);
        CHECK(f.call("GET", "/pull", "", token).status == 200);
        CHECK(f.call("GET", "/users", "", token).status == (admin ? 200 : 403));
        const std::string login = "new-" + role;
        auto created = f.call("POST", "/users",
                              nlohmann::json{{"login", login}, {"name", "N"}, {"role", "agent"}, {"password", "long enough"}}.dump(),
                              token);
        CHECK(created.status == (admin ? 201 : 403));
        CHECK(f.call("PATCH", "/users/agent", R"({"name":"Renamed"})", token).status == (admin ? 200 : 403));
        ClientOps c("r" + std::to_string(role.size()) + role.substr(0, 3), role);
        auto r = f.push(token, c.factory.replica(), {c.factory.define_event_type(c.actor, f.now, "site_visit", "Site visit")});
        CHECK(r.body["results"][0]["status"] == ((role == "manager" || admin) ? "applied" : "rejected"));
        CHECK(f.call("GET", "/nowhere", "", token).status == 404);
        CHECK(f.call("DELETE", "/push", "", token).status == 405);
    }
    // Admin mistakes are refused clearly.
    const std::string admin = f.tokens["admin"];
    CHECK(f.call("POST", "/users", R"({"login":"agent","name":"Dup","role":"agent","password":"long enough"})", admin).status == 409);
    CHECK(f.call("POST", "/users", R"({"login":"x","name":"X","role":"boss","password":"long enough"})", admin).status == 400);
    CHECK(f.call("POST", "/users", R"({"login":"y","name":"Y","role":"agent","password":"short"})", admin).status == 400);
    CHECK(f.call("PATCH", "/users/admin", R"({"active":false})", admin).status == 409);
    CHECK(f.call("PATCH", "/users/ghost", R"({"name":"G"})", admin).status == 404);
}

static void long_poll(Backend backend) {
    Desk5 f(backend);
    const std::string token = f.tokens["engineer"];
    auto idle = f.call("GET", "/wait", "", token, {{"cursor", "0"}, {"timeout_ms", "5000"}});
    CHECK(idle.wait.has_value());
    ClientOps c("ra", "agent");
    f.lease("agent", c);
    REQUIRE(f.push(f.tokens["agent"], "ra", {c.create(f.now, "Wake up")}).status == 200);
    auto woken = f.call("GET", "/wait", "", token, {{"cursor", "0"}, {"timeout_ms", "5000"}});
    CHECK_FALSE(woken.wait.has_value());
    CHECK(woken.body["head"] == 1);
    CHECK(f.call("GET", "/wait", "", token, {{"timeout_ms", "999999"}}).status == 400);
}

static void restart_refolds(Backend backend) {
    Desk5 f(backend);
    ClientOps c("ra", "agent");
    Operation create = c.create(f.now, "Survives restarts");
    REQUIRE(f.push(f.tokens["agent"], "ra", {create, c.set(f.now + 1, create.entity_id, IncidentField::priority, "2")}, 5).status == 200);
    ClientOps d("rb", "agent");
    REQUIRE(f.push(f.tokens["agent"], "rb", {d.create(f.now, "Provisional")}).status == 200);
    const auto before = f.service().desk().desk().incidents();
    const auto seq = f.service().desk().seq();
    f.restart();
    CHECK(f.service().desk().seq() == seq);
    CHECK(f.service().desk().desk().incidents() == before);
    // The server's own counter continues: a second provisional number gets a new renumber id.
    REQUIRE(statuses(f.push(f.tokens["agent"], "rb", {d.create(f.now + 5, "Provisional 2")})) == std::vector<std::string>{"applied"});
    CHECK(f.service().desk().seq() == seq + 2);
}

HOTLINE_DB_TEST("login gives a token; wrong passwords, unknown users and bad tokens get 401", login_and_tokens)
HOTLINE_DB_TEST("login attempts are rate-limited per login", login_rate_limit)
HOTLINE_DB_TEST("malformed login bodies get 400", malformed_login)
HOTLINE_DB_TEST("push applies, answers per operation, and a second push of the same batch changes nothing", push_is_idempotent)
HOTLINE_DB_TEST("a bad operation is rejected with a reason while the rest of the batch applies", push_rejects_alone)
HOTLINE_DB_TEST("bad push envelopes get 400/413 and store nothing", bad_push_envelopes)
HOTLINE_DB_TEST("operations must be the user's own, from their own replica", own_operations_only)
HOTLINE_DB_TEST("numbers are leased in blocks; provisional numbers are replaced and kept as aliases", number_leases)
HOTLINE_DB_TEST("pull pages through the log with a cursor", pull_pages)
HOTLINE_DB_TEST("a technician pulls and changes only their own incidents", technician_visibility)
HOTLINE_DB_TEST("each role against each endpoint", roles_by_endpoint)
HOTLINE_DB_TEST("the long poll answers at once when the log is ahead, else asks to wait", long_poll)
HOTLINE_DB_TEST("a restarted server folds the same desk from its log", restart_refolds)
