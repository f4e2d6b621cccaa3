// Queues and workload-aware assignment (core/queues.hpp, core/workload.hpp, issue 14 S5):
// adding to a queue gives the incident to the queue's department and releases its person;
// picking takes the waiting incident due first; the least loaded eligible engineer (skills,
// territory, open work weighted by priority) is chosen and the log says why; a routing rule
// sends to a queue.
#include <doctest/doctest.h>

#include <string>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/event_types.hpp"
#include "core/op_factory.hpp"
#include "core/queues.hpp"
#include "core/routing.hpp"
#include "core/workload.hpp"
#include "record_desk.hpp"

using namespace hotline;
using F = IncidentField;

namespace {

struct QueueDesk : testing::RecordDesk {
    void person(const std::string& login, const std::string& name, const std::string& skills,
                const std::string& territories) {
        make(EntityKind::staff_profile,
             {{StaffProfileField::name, name}, {StaffProfileField::department, "field"},
              {StaffProfileField::skills, skills}, {StaffProfileField::territories, territories}},
             login);
    }
    QueueDesk() {
        make(EntityKind::department, {{DepartmentField::name, "Field service"}}, "field");
        make(EntityKind::department, {{DepartmentField::name, "Remote support"}}, "remote");
        person("tfletcher", "Tom Fletcher", "boilers, gas", "Lyon");
        person("amoreau", "Ana Moreau", "Boilers", "");
        person("lpetit", "Léo Petit", "gas", "Paris");
        make(EntityKind::queue, {{QueueField::name, "Boilers"}, {QueueField::department, "field"},
                                 {QueueField::skills, "boilers"}},
             "boilers");
    }
    // Commits a plan as the app and the server do: one operation per step.
    void commit(const std::string& id, const Result<IncidentPlan>& plan, const std::string& actor = "u:ann") {
        REQUIRE_MESSAGE(bool(plan), (plan ? std::string() : plan.error().code));
        for (const IncidentStep& step : *plan) {
            const ApplyResult r = desk.apply(step_operation(f, actor, now += 1000, id, step));
            REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
        }
    }
    const Incident& get(const std::string& id) const { return *desk.find(id); }
};

}  // namespace

TEST_CASE("queues: adding gives the incident to the queue's department; it waits until someone picks it") {
    QueueDesk d;
    const std::string id = d.incident({}).id;
    const auto plan = plan_enqueue(d.desk, d.get(id), "boilers");
    REQUIRE(plan);
    CHECK(plan->size() == 3);  // the queue, the department, the assignment event
    CHECK(std::get<SetStep>((*plan)[0]) == SetStep{F::queue, "boilers"});
    CHECK(std::get<SetStep>((*plan)[1]) == SetStep{F::service_department, "field"});
    CHECK(std::get<EventStep>((*plan)[2]) ==
          EventStep{std::string(kAssignmentEventType), "— → Field service\nQueue: Boilers"});
    d.commit(id, plan);
    CHECK(waits_in_queue(d.get(id)));
    CHECK(queue_depths(d.desk).at("boilers") == 1);
    CHECK(plan_enqueue(d.desk, d.get(id), "boilers").error().code == "already_in_queue");
    CHECK(plan_enqueue(d.desk, d.get(id), "nope").error().code == "unknown_queue");

    // Picked: assigned to the one who picked it, in the queue's department; it waits no more.
    CHECK(plan_pick(d.desk, d.get(id), "nobody").error().code == "no_staff_profile");
    d.commit(id, plan_pick(d.desk, d.get(id), "amoreau"));
    CHECK(d.get(id).value(F::assignee) == "amoreau");
    CHECK(d.get(id).status == IncidentStatus::assigned);
    CHECK_FALSE(waits_in_queue(d.get(id)));
    CHECK(queue_depths(d.desk).empty());
    CHECK(plan_pick(d.desk, d.get(id), "tfletcher").error().code == "not_in_queue");

    // Put back: the person is released (a hand-over, its reason the queue) and it waits again.
    const auto back = plan_enqueue(d.desk, d.get(id), "boilers");
    REQUIRE(back);
    CHECK(std::get<SetStep>(back->front()) == SetStep{F::assignee, ""});
    d.commit(id, back);
    CHECK(waits_in_queue(d.get(id)));
    CHECK(d.get(id).value(F::service_department) == "field");

    // A solved incident needs no more work: it does not wait in a queue.
    const std::string solved = d.incident({{F::actual_problem, "Worn gasket"}, {F::actual_solution, "Replaced"}}).id;
    for (IncidentStatus to : {IncidentStatus::in_progress, IncidentStatus::solved})
        REQUIRE(d.desk.apply(d.f.transition("u:ann", d.now += 1000, solved, to)).kind == ApplyKind::applied);
    CHECK(plan_enqueue(d.desk, d.get(solved), "boilers").error().code == "not_queueable");

    // A closed queue takes nothing more, and still gives out what waits in it.
    REQUIRE(d.desk.apply(d.f.set_field("u:mia", d.now += 1000, EntityKind::queue, "boilers", QueueField::active,
                                       "false")).kind == ApplyKind::applied);
    CHECK(plan_enqueue(d.desk, d.incident({}), "boilers").error().code == "inactive_queue");
    CHECK(plan_pick(d.desk, d.get(id), "amoreau"));
}

TEST_CASE("queues: the next is the waiting incident due first; those without a deadline come last, oldest first") {
    QueueDesk d;
    // 24/7 (no calendar): Critical resolved within 4 hours, Normal within 2 days; Low has no policy.
    d.make(EntityKind::sla_policy, {{SlaPolicyField::name, "P1"}, {SlaPolicyField::priority, "1"},
                                    {SlaPolicyField::resolution_minutes, "240"}},
           "p1");
    d.make(EntityKind::sla_policy, {{SlaPolicyField::name, "P3"}, {SlaPolicyField::priority, "3"},
                                    {SlaPolicyField::resolution_minutes, "2880"}},
           "p3");
    const auto enqueued = [&](const std::string& priority) {
        const std::string id = d.incident({{F::priority, priority}}).id;
        d.commit(id, plan_enqueue(d.desk, d.get(id), "boilers"));
        return id;
    };
    const std::string low_old = enqueued("4"), normal = enqueued("3"), critical = enqueued("1"), low_new = enqueued("4");
    const SlaPolicies policies = SlaPolicies::of(d.desk, d.now / 1000);
    const auto next = [&] {
        const Incident* n = next_in_queue(d.desk, policies, "boilers", d.now / 1000);
        return n ? n->id : std::string("none");
    };
    // Created last but due in 4 hours, before the Normal one's 2 days.
    CHECK(next() == critical);
    d.commit(critical, plan_pick(d.desk, d.get(critical), "tfletcher"));
    CHECK(next() == normal);
    d.commit(normal, plan_pick(d.desk, d.get(normal), "tfletcher"));
    CHECK(next() == low_old);
    d.commit(low_old, plan_pick(d.desk, d.get(low_old), "tfletcher"));
    CHECK(next() == low_new);
    CHECK(next_in_queue(d.desk, policies, "other", d.now / 1000) == nullptr);
}

TEST_CASE("workload: the least loaded of those with the skills and territory, and the log says why") {
    QueueDesk d;
    const Entity* queue = d.desk.find(EntityKind::queue, "boilers");
    // Tom holds one Critical (weight 4), Ana two Low (1 each); Léo has no boiler skill.
    d.incident({{F::priority, "1"}, {F::assignee, "tfletcher"}, {F::service_department, "field"}});
    d.incident({{F::priority, "4"}, {F::assignee, "amoreau"}, {F::service_department, "field"}});
    d.incident({{F::priority, "4"}, {F::assignee, "amoreau"}, {F::service_department, "field"}});

    const Incident& lyon = d.incident({{F::customer_address, "3 rue Garibaldi, LYON"}});
    auto choice = least_loaded(d.desk, lyon, queue);
    REQUIRE(choice);
    CHECK(choice->profile->id == "amoreau");
    CHECK(choice->open == 2);
    CHECK(choice->load == 2);
    CHECK(choice->eligible == 2);  // Tom and Ana
    CHECK(workload_reason(*choice) == "Workload: fewest open (2, weighted 2) of 2 eligible");

    // Two more Low for Ana (load 4) ties with Tom's Critical (load 4): fewer incidents wins.
    d.incident({{F::priority, "4"}, {F::assignee, "amoreau"}});
    d.incident({{F::priority, "4"}, {F::assignee, "amoreau"}});
    CHECK(least_loaded(d.desk, lyon, queue)->profile->id == "tfletcher");
    // In Paris Tom (Lyon only) is not eligible; Ana lists no territory: she serves everywhere.
    const Incident& paris = d.incident({{F::customer_address, "8 avenue Foch, Paris"}});
    CHECK(least_loaded(d.desk, paris, queue)->profile->id == "amoreau");
    CHECK(least_loaded(d.desk, paris, queue)->eligible == 1);
    // Without a queue, everyone of the incident's department (any, when it has none) is eligible.
    CHECK(least_loaded(d.desk, paris, nullptr)->profile->id == "lpetit");

    // Nobody has the skill: refused.
    d.make(EntityKind::queue, {{QueueField::name, "Solar"}, {QueueField::department, "field"},
                               {QueueField::skills, "solar"}},
           "solar");
    CHECK(least_loaded(d.desk, lyon, d.desk.find(EntityKind::queue, "solar")).error().code == "no_eligible_engineer");

    // The plan is an assignment whose event names the workload.
    const std::string id = paris.id;
    d.commit(id, plan_workload_assignment(d.desk, d.get(id), queue));
    CHECK(d.get(id).value(F::assignee) == "amoreau");
    CHECK(d.get(id).events.back().text ==
          "— → Field service / Ana Moreau\nWorkload: fewest open (4, weighted 4) of 1 eligible");
}

TEST_CASE("queues: a queue that assigns by workload gives the incident at once; a routing rule sends to a queue") {
    QueueDesk d;
    d.make(EntityKind::queue, {{QueueField::name, "Gas"}, {QueueField::department, "field"},
                               {QueueField::skills, "gas"}, {QueueField::assign_by_workload, "true"}},
           "gas");
    const std::string id = d.incident({{F::customer_address, "Paris"}}).id;
    d.commit(id, plan_enqueue(d.desk, d.get(id), "gas"));
    CHECK(d.get(id).value(F::queue) == "gas");
    CHECK(d.get(id).value(F::assignee) == "lpetit");  // the only one with gas in Paris
    CHECK_FALSE(waits_in_queue(d.get(id)));

    using R = RoutingRuleField;
    d.make(EntityKind::routing_rule,
           {{R::name, "Critical to boilers"}, {R::priority, "1"}, {R::then_queue, "boilers"}}, "critical");
    const std::string urgent = d.incident({{F::priority, "1"}}).id;
    const auto plan = plan_routing(d.desk, d.get(urgent));
    REQUIRE(plan);
    d.commit(urgent, plan);
    CHECK(waits_in_queue(d.get(urgent)));
    CHECK(d.get(urgent).value(F::service_department) == "field");
    CHECK(d.get(urgent).events.back().type == kRoutingEventType);
    CHECK(plan_routing(d.desk, d.get(urgent)).error().code == "already_routed");

    // A rule gives a queue or a department and person, not both.
    const ApplyResult both = d.desk.apply(d.f.create(
        "u:mia", d.now += 1000, EntityKind::routing_rule,
        {{R::name, "Both"}, {R::then_queue, "boilers"}, {R::then_department, "remote"}}, "both"));
    CHECK(both.error.code == "routing_queue_and_assignee");
}

TEST_CASE("queues: a technician may not put an incident in a queue (it hands it to others)") {
    QueueDesk d;
    const Incident& inc = d.incident({{F::assignee, "tfletcher"}});
    const Principal technician{"tfletcher", "Tom Fletcher", Role::technician};
    const Operation op = d.f.set_field("u:tfletcher", d.now += 1000, EntityKind::incident, inc.id, F::queue, "boilers");
    CHECK(authorize_operation(technician, op, d.desk).error().code == "forbidden_assignment");
    const Operation by_agent = d.f.set_field("u:ann", d.now += 1000, EntityKind::incident, inc.id, F::queue, "boilers");
    const Outcome agent = authorize_operation(Principal{"ann", "Ann", Role::agent}, by_agent, d.desk);
    CHECK_MESSAGE(agent, (agent ? std::string() : agent.error().code));
}
