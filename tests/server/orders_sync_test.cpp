// W8 through the sync service, on SQLite and PostgreSQL: a transfer made offline (the
// plan's operations, pushed later in one batch) is taken by the server; a technician
// syncs the orders of their incidents only, gets an order's earlier history when its
// incident becomes theirs, and may not change an order they do not carry out.
#include <doctest/doctest.h>

#include <algorithm>

#include "company_fixture.hpp"
#include "core/transfer.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;
using hotline::test::has;

namespace {

// The agent's replica while offline: what it applies locally, kept to push later.
struct OfflineAgent {
    Company& f;
    Desk desk;
    std::vector<Operation> pending;

    void make(const Operation& op) {
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
        pending.push_back(op);
    }
    std::string incident(std::vector<std::pair<FieldId, std::string>> fields) {
        make(f.factory("agent").create_incident("u:agent", f.now += 10, std::move(fields)));
        return pending.back().entity_id;
    }
    std::string transfer(const std::string& incident_id, OrderType type) {
        auto plan = plan_transfer(desk, *desk.find(incident_id), {type, "", "", "", "", "Send it in"});
        REQUIRE(plan.ok());
        std::string order;
        for (const PlanStep& step : *plan) {
            make(step.mint(f.factory("agent"), "u:agent", f.now += 10));
            if (step.type == OpType::create) order = pending.back().entity_id;
        }
        return order;
    }
};

}  // namespace

static void transfer_made_offline_syncs(Backend backend) {
    Company f(backend);
    OfflineAgent agent{f, {}, {}};
    const std::string mine = agent.incident({{IncidentField::title, "Fridge too warm"}, {IncidentField::engineer, "technician"}});
    const std::string other = agent.incident({{IncidentField::title, "Printer jammed"}});
    const std::string my_order = agent.transfer(mine, OrderType::workshop_repair);
    const std::string other_order = agent.transfer(other, OrderType::parts_delivery);

    // Back online: the whole batch is taken.
    auto r = f.push(f.tokens["agent"], Company::replica_of("agent"), agent.pending);
    REQUIRE(r.status == 200);
    for (const auto& result : r.body["results"]) CHECK(result["status"] == "applied");

    // The technician syncs the order of their incident, not the other one.
    std::int64_t cursor = 0;
    const auto ids = f.pulled_ids("technician", cursor);
    CHECK(has(ids, mine));
    CHECK(has(ids, my_order));
    CHECK_FALSE(has(ids, other));
    CHECK_FALSE(has(ids, other_order));
    auto history = [&](const std::string& id) {
        return f.call("GET", "/history", "", f.tokens["technician"], {{"entity", id}, {"kind", "order"}}).status;
    };
    CHECK(history(my_order) == 200);
    CHECK(history(other_order) == 404);
    // Not the order's technician: they may not write its outcome.
    CHECK(f.push_as("technician", f.factory("technician").set_field("u:technician", f.now += 10, EntityKind::order,
                                                                     my_order, OrderField::outcome, "Mine now")) ==
          "rejected");

    // The other incident becomes theirs: its order arrives with it.
    CHECK(f.push_as("agent", f.factory("agent").set_field("u:agent", f.now += 10, other, IncidentField::engineer,
                                                          "technician")) == "applied");
    const auto later = f.pulled_ids("technician", cursor);
    CHECK(has(later, other));
    CHECK(has(later, other_order));
}

HOTLINE_DB_TEST("a transfer made offline syncs; a technician syncs the orders of their incidents only",
                transfer_made_offline_syncs)
