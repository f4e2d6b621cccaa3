// S2, S6 on the server: when an incident's running SLA target reaches Warning, then Late, the
// sweep adds the alert event through the server's write path (core/escalation.hpp), once
// per level and deadline: a second sweep, a restart and another process on the same
// database make nothing more. Each scenario runs on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include "core/desk.hpp"
#include "core/escalation.hpp"
#include "core/event_types.hpp"
#include "server/server_writes.hpp"
#include "server_test_support.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::ClientOps;
using hotline::test::ServiceFixture;

namespace {

constexpr std::int64_t kMinute = 60'000;

struct Desk2 : ServiceFixture {
    Desk2(Backend backend, std::string_view name) : ServiceFixture(backend, name) {
        add_user("mia", "manager");
        add_user("ann", "agent");
        manager = login("mia");
        agent = login("ann");
    }
    // The alerts of `incident` on a desk freshly folded from the database: (type, text).
    std::vector<std::pair<std::string, std::string>> alerts(const std::string& incident) {
        auto sd = server::ServerDesk::load(db());
        HOTLINE_REQUIRE_OK(sd);
        std::vector<std::pair<std::string, std::string>> out;
        for (const Event& e : sd->desk().find(incident)->events)
            if (read_escalation(e)) out.emplace_back(std::string(e.type), std::string(e.text));
        return out;
    }
    std::size_t sweep() {
        auto made = service().sweep();
        HOTLINE_REQUIRE_OK(made);
        return *made;
    }
    std::string manager, agent;
    OpFactory policies{"rm"};
    ClientOps client{"ra", "ann"};
};

}  // namespace

static void alerts_are_made_once_per_level(Backend backend) {
    Desk2 f(backend, "escalation");
    // Normal incidents: first response within an hour, around the clock (no calendar).
    REQUIRE(f.push(f.manager, "rm",
                   {f.policies.create("u:mia", f.now, EntityKind::sla_policy,
                                      {{SlaPolicyField::name, "Normal"}, {SlaPolicyField::priority, "3"},
                                       {SlaPolicyField::response_minutes, "60"}},
                                      "normal")})
                .status == 200);
    const Operation incident = f.client.create(f.now += 1000, "Printer jams");
    REQUIRE(f.push(f.agent, "ra", {incident}).status == 200);
    const std::int64_t created_s = incident.hlc.wall_ms / 1000;
    const std::string text = "response " + std::to_string(created_s + 3600);

    f.now += 47 * kMinute;  // 47 of 60 minutes: before Warning (80 %, 48 min)
    CHECK(f.sweep() == 0);
    f.now += 2 * kMinute;  // 49 minutes
    CHECK(f.sweep() == 1);
    CHECK(f.alerts(incident.entity_id) == std::vector<std::pair<std::string, std::string>>{
                                              {std::string(kSlaWarningEventType), text}});
    CHECK(f.sweep() == 0);  // asked again: nothing new

    // After a restart, and from another process on the same database: nothing due.
    f.restart();
    CHECK(f.sweep() == 0);
    auto other = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(other);
    CHECK(server::escalation_intents(other->desk(), f.now).empty());

    f.now += 12 * kMinute;  // 61 minutes: Late
    CHECK(f.sweep() == 1);
    CHECK(f.sweep() == 0);
    CHECK(f.alerts(incident.entity_id) == std::vector<std::pair<std::string, std::string>>{
                                              {std::string(kSlaWarningEventType), text},
                                              {std::string(kSlaLateEventType), text}});
    // The other process, late too, finds both made.
    HOTLINE_REQUIRE_OK(other->catch_up(f.db()));
    CHECK(server::escalation_intents(other->desk(), f.now).empty());

    // Work begins: first response met, no resolution target: nothing more, ever.
    REQUIRE(f.push(f.agent, "ra", {f.client.transition(f.now, incident.entity_id, IncidentStatus::in_progress)})
                .status == 200);
    f.now += 600 * kMinute;
    CHECK(f.sweep() == 0);
}

static void a_late_incident_gets_the_late_alert_only(Backend backend) {
    Desk2 f(backend, "escalation late");
    const Operation incident = f.client.create(f.now, "Created before any policy");
    REQUIRE(f.push(f.agent, "ra", {incident}).status == 200);
    REQUIRE(f.push(f.manager, "rm",
                   {f.policies.create("u:mia", f.now += 1000, EntityKind::sla_policy,
                                      {{SlaPolicyField::name, "Normal"}, {SlaPolicyField::priority, "3"},
                                       {SlaPolicyField::resolution_minutes, "30"}},
                                      "normal")})
                .status == 200);
    f.now += 45 * kMinute;
    CHECK(f.sweep() == 1);
    const auto alerts = f.alerts(incident.entity_id);
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].first == kSlaLateEventType);
}

HOTLINE_DB_TEST("SLA alerts: Warning then Late, each made once across sweeps, a restart and two processes",
                alerts_are_made_once_per_level)
HOTLINE_DB_TEST("SLA alerts: an incident already late gets the Late alert only", a_late_incident_gets_the_late_alert_only)
