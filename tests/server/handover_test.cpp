// W2 on the server, on SQLite and PostgreSQL: an incident handed over from a technician.
// Their device, which held it, is sent its operations up to the hand-over and none after
// (so it leaves their lists); a fresh device of theirs is sent nothing of it; their changes
// made while it was theirs still apply when pushed later, one made after is refused as
// handed_over; they may still read its history (their device rebuilds it), others may not.
#include <doctest/doctest.h>

#include "company_fixture.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;

namespace {

// The operation ids of `role`'s pull from `cursor`; `cursor` moves on.
std::vector<std::string> pulled_op_ids(Company& f, const std::string& role, std::int64_t& cursor) {
    auto r = f.call("GET", "/pull", "", f.tokens[role], {{"cursor", std::to_string(cursor)}});
    REQUIRE(r.status == 200);
    std::vector<std::string> ids;
    for (const auto& e : r.body["ops"]) ids.push_back(e["op"]["id"].get<std::string>());
    cursor = r.body["cursor"];
    return ids;
}

}  // namespace

static void handed_over_incident(Backend backend) {
    Company f(backend, "hand-over");
    for (const char* login : {"sbaker", "nobody"}) {
        f.add_user(login, "technician");
        f.tokens[login] = f.login(login);
    }
    const std::string id = f.create("agent", EntityKind::incident,
                                    {{IncidentField::title, "Boiler leaks"}, {IncidentField::engineer, "technician"}});
    std::int64_t cursor = 0;
    CHECK(hotline::test::has(f.pulled_ids("technician", cursor), id));

    // Offline, the technician changes it once before the hand-over and once after.
    OpFactory& device = f.factory("technician");
    const Operation early = device.set_field("u:technician", f.now + 1, id, IncidentField::actual_problem, "Gasket worn");
    const Operation hand_over = f.factory("agent").set_field("u:agent", f.now += 10, id, IncidentField::engineer, "sbaker");
    CHECK(f.push_as("agent", hand_over) == "applied");
    const Operation late = device.set_field("u:technician", f.now + 5, id, IncidentField::actual_solution, "New gasket");
    const Operation after = f.factory("sbaker").set_field("u:sbaker", f.now += 10, id, IncidentField::title, "Boiler leaks (valve)");
    CHECK(f.push_as("sbaker", after) == "applied");

    // Their device is sent the hand-over, not what the new holder did after it.
    const auto pulled = pulled_op_ids(f, "technician", cursor);
    CHECK(hotline::test::has(pulled, hand_over.id.to_string()));
    CHECK_FALSE(hotline::test::has(pulled, after.id.to_string()));
    std::int64_t fresh = 0;
    CHECK_FALSE(hotline::test::has(f.pulled_ids("technician", fresh), id));

    // What they typed while it was theirs syncs; the later change is refused with the reason.
    auto pushed = f.push(f.tokens["technician"], Company::replica_of("technician"), {early, late});
    REQUIRE_MESSAGE(pushed.status == 200, pushed.body.dump());
    CHECK(pushed.body["results"][0]["status"] == "applied");
    CHECK(pushed.body["results"][1]["status"] == "rejected");
    CHECK(pushed.body["results"][1]["code"] == "handed_over");
    CHECK(f.service().desk().desk().find(id)->value(IncidentField::actual_problem) == "Gasket worn");

    // Their device may rebuild it from its history; a technician who never held it may not read it.
    const std::string path = "/history";
    CHECK(f.call("GET", path, "", f.tokens["technician"], {{"entity", id}}).status == 200);
    CHECK(f.call("GET", path, "", f.tokens["nobody"], {{"entity", id}}).status == 404);
}

HOTLINE_DB_TEST("hand-over: the former holder's device learns it, their earlier changes still sync", handed_over_incident)
