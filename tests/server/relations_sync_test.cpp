// Relations (W12) through the sync service, on SQLite and PostgreSQL: the server judges a
// merge against the survivor when it is pushed, so of two concurrent merges of one pair the
// later is refused; a parent is not closed while a child is open; a technician pulls their
// child incident without its parent (a loose ref needs no record on the device), and relates
// only incidents of theirs.
#include <doctest/doctest.h>

#include "company_fixture.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;

namespace {

std::string refusal(Company& f, const std::string& role, const Operation& op) {
    auto r = f.push(f.tokens[role], Company::replica_of(role), {op});
    REQUIRE(r.status == 200);
    return r.body["results"][0].value("code", std::string());
}

}  // namespace

static void merges_are_judged_in_the_servers_order(Backend backend) {
    Company f(backend);
    const std::string x = f.create("agent", EntityKind::incident, {{IncidentField::title, "No heating"}});
    const std::string y = f.create("agent", EntityKind::incident, {{IncidentField::title, "Heating broken"}});
    // Both made offline, each on its own replica; the agent's arrives first.
    const Operation x_into_y = f.factory("agent").merge("u:agent", f.now += 10, x, y);
    const Operation y_into_x = f.factory("manager").merge("u:manager", f.now += 10, y, x);
    CHECK(f.push_as("agent", x_into_y) == "applied");
    CHECK(refusal(f, "manager", y_into_x) == "merge_target_merged");
    const auto record = [&](const std::string& id) {
        auto r = f.call("GET", "/records/incident/" + id, "", f.tokens["agent"]);
        REQUIRE(r.status == 200);
        return r.body["record"];
    };
    CHECK(record(x)["fields"]["merged_into"] == y);
    CHECK(record(x)["status"] == "closed");
    CHECK(record(y)["fields"]["merged_into"] == "");
    // A merged incident is not reopened.
    CHECK(refusal(f, "agent", f.factory("agent").transition("u:agent", f.now += 10, x, IncidentStatus::in_progress)) ==
          "merged");
}

HOTLINE_DB_TEST("relations: of two concurrent merges of one pair, the server refuses the later", merges_are_judged_in_the_servers_order)

static void a_parent_waits_for_its_children(Backend backend) {
    Company f(backend);
    const std::string parent = f.create("agent", EntityKind::incident, {{IncidentField::title, "Site down"}});
    const std::string child = f.create("agent", EntityKind::incident, {{IncidentField::title, "Router"},
                                                                        {IncidentField::parent, parent}});
    const auto close = [&](const std::string& id) {
        return f.factory("agent").transition("u:agent", f.now += 10, id, IncidentStatus::closed);
    };
    CHECK(refusal(f, "agent", close(parent)) == "open_children");
    CHECK(f.push_as("agent", close(child)) == "applied");
    CHECK(f.push_as("agent", close(parent)) == "applied");
}

HOTLINE_DB_TEST("relations: a parent is not closed while a child is open", a_parent_waits_for_its_children)

static void a_technician_holds_their_child_not_its_parent(Backend backend) {
    Company f(backend);
    const std::string parent = f.create("agent", EntityKind::incident, {{IncidentField::title, "Building B cold"}});
    // One child is the technician's from the start; the other becomes theirs later (its
    // earlier history is then sent, without the parent's).
    const std::string theirs = f.create("agent", EntityKind::incident, {{IncidentField::title, "Radiator"},
                                                                         {IncidentField::parent, parent},
                                                                         {IncidentField::engineer, "technician"}});
    const std::string later = f.create("agent", EntityKind::incident, {{IncidentField::title, "Boiler"},
                                                                        {IncidentField::parent, parent}});
    CHECK(f.push_as("agent", f.factory("agent").set_field("u:agent", f.now += 10, later, IncidentField::engineer,
                                                          "technician")) == "applied");
    std::int64_t cursor = 0;
    const auto pulled = f.pulled_ids("technician", cursor);
    CHECK(hotline::test::has(pulled, theirs));
    CHECK(hotline::test::has(pulled, later));
    CHECK_FALSE(hotline::test::has(pulled, parent));
    // They relate only their own incidents.
    OpFactory& tech = f.factory("technician");
    CHECK(refusal(f, "technician", tech.merge("u:technician", f.now += 10, theirs, parent)) == "forbidden_incident");
    CHECK(refusal(f, "technician", tech.create_incident("u:technician", f.now += 10,
                                                        {{IncidentField::title, "x"}, {IncidentField::parent, parent}})) ==
          "forbidden_incident");
    CHECK(f.push_as("technician", tech.merge("u:technician", f.now += 10, later, theirs)) == "applied");
}

HOTLINE_DB_TEST("relations: a technician pulls their child incident without its parent", a_technician_holds_their_child_not_its_parent)
