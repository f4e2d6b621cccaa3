// W2, W3: assignment to a service department and a person from staff records, the
// hand-over with its reason on the timeline, Assigned when both are chosen, urgent
// incidents offered to field technicians, who may assign, and data stored by earlier
// versions (free-text department and engineer) still replaying and showing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/assignment.hpp"
#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/event_types.hpp"
#include "core/op_factory.hpp"
#include "core/transaction_log.hpp"
#include "desk_world.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using F = IncidentField;

namespace {

struct Fixture : hotline::testing::DeskWorld {
    std::string incident;

    void staff(const std::string& login, const std::string& name, const std::string& department, bool field = false) {
        apply(f.create("u:boss", ++now, EntityKind::staff_profile,
                       {{StaffProfileField::name, name},
                        {StaffProfileField::department, department},
                        {StaffProfileField::field_technician, field ? "true" : "false"}},
                       login));
    }
    Fixture(std::vector<std::pair<FieldId, std::string>> fields = {{F::title, "Boiler leaks"}}) {
        f.numbers().add_block({1, 100});
        apply(f.create("u:boss", ++now, EntityKind::department, {{DepartmentField::name, "Remote support"}}, "remote"));
        apply(f.create("u:boss", ++now, EntityKind::department, {{DepartmentField::name, "Field service"}}, "field"));
        staff("pshah", "Priya Shah", "remote");
        staff("tfletcher", "Tom Fletcher", "field", true);
        const Operation create = f.create_incident("u:agent", ++now, std::move(fields));
        apply(create);
        incident = create.entity_id;
    }
    const Incident& inc() const { return *desk.find(incident); }

    // What the client does with a plan: one operation per step, in order.
    void commit(const AssignmentPlan& plan, const std::string& actor = "u:agent") {
        for (const auto& [field, value] : plan.sets) apply(f.set_field(actor, ++now, incident, field, value));
        apply(f.add_event(actor, ++now, incident, std::string(kAssignmentEventType), plan.event_text));
        if (plan.transition) apply(f.transition(actor, ++now, incident, *plan.transition));
    }
};

}  // namespace

TEST_CASE("assignment: department and person from records make the incident Assigned, with an event") {
    Fixture fx;
    auto plan = plan_assignment(fx.desk, fx.inc(), {"remote", "pshah"}, "");
    REQUIRE(plan.ok());
    CHECK(plan->sets == std::vector<std::pair<FieldId, std::string>>{{F::service_department, "remote"},
                                                                      {F::assignee, "pshah"}});
    CHECK(plan->transition == IncidentStatus::assigned);
    fx.commit(*plan);
    CHECK(fx.inc().status == IncidentStatus::assigned);
    CHECK(assignee_name(fx.desk, fx.inc()) == "Priya Shah");
    CHECK(department_name(fx.desk, fx.inc()) == "Remote support");
    REQUIRE(fx.inc().events.size() == 1);
    CHECK(fx.inc().events[0].type == kAssignmentEventType);
    CHECK(fx.inc().events[0].text == "— → Remote support / Priya Shah");
    // The transaction log shows the change of each field (W15).
    const auto log = render_transaction_log(fx.desk, fx.inc());
    CHECK(std::any_of(log.begin(), log.end(), [](const auto& e) { return e.field == "assignee" && e.new_value == "pshah"; }));
}

TEST_CASE("assignment: a department alone, or a person alone, does not make it Assigned") {
    Fixture fx;
    CHECK_FALSE(holds_assignment(fx.inc()));
    auto plan = plan_assignment(fx.desk, fx.inc(), {"remote", ""}, "");
    REQUIRE(plan.ok());
    CHECK_FALSE(plan->transition);
    fx.commit(*plan);
    CHECK(holds_assignment(fx.inc()));
    CHECK(fx.inc().status == IncidentStatus::registered);
    // Filling in the person of a department's incident is no hand-over: no reason needed.
    auto person = plan_assignment(fx.desk, fx.inc(), {"remote", "pshah"}, "");
    REQUIRE(person.ok());
    CHECK(person->transition == IncidentStatus::assigned);
}

TEST_CASE("assignment: a hand-over needs a reason, and the timeline keeps from, to and why (W3)") {
    Fixture fx;
    fx.commit(*plan_assignment(fx.desk, fx.inc(), {"remote", "pshah"}, ""));
    fx.apply(fx.f.transition("u:pshah", ++fx.now, fx.incident, IncidentStatus::in_progress));

    auto refused = plan_assignment(fx.desk, fx.inc(), {"field", "tfletcher"}, "  ");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "missing_reason");
    CHECK(plan_assignment(fx.desk, fx.inc(), {"remote", "pshah"}, "why").error().code == "no_changes");

    auto plan = plan_assignment(fx.desk, fx.inc(), {"field", "tfletcher"}, "Needs a visit on site");
    REQUIRE(plan.ok());
    // The new person has not started: back to Assigned.
    CHECK(plan->transition == IncidentStatus::assigned);
    fx.commit(*plan, "u:pshah");
    CHECK(fx.inc().status == IncidentStatus::assigned);
    REQUIRE(fx.inc().events.size() == 2);
    CHECK(fx.inc().events[1].text == "Remote support / Priya Shah → Field service / Tom Fletcher\nNeeds a visit on site");
    CHECK(fx.inc().events[1].actor == "u:pshah");
}

TEST_CASE("assignment: the desk refuses a person or department that is not a record") {
    Fixture fx;
    Operation typed = fx.f.set_field("u:agent", ++fx.now, fx.incident, F::assignee, "nobody");
    CHECK(fx.desk.apply(typed).error.code == "unknown_ref");
    Operation named = fx.f.set_field("u:agent", ++fx.now, fx.incident, F::assignee, "Priya Shah");
    CHECK(fx.desk.apply(named).error.code == "bad_value");  // a name is not a login
    CHECK(fx.inc().value(F::assignee).empty());
}

TEST_CASE("assignment: free text stored by earlier versions still replays and shows") {
    // Operations as version 1 wrote them: free-text department and engineer, then Assigned.
    Fixture fx({{F::title, "Old call"}, {F::department, "Service Lyon"}, {F::engineer, "Иван Петров"}});
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::assigned));
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::engineer, "ivan"));
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::engineer, ""));
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::registered));
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::assigned));  // the department alone
    CHECK(assignee_name(fx.desk, fx.inc()).empty());
    CHECK(department_name(fx.desk, fx.inc()) == "Service Lyon");
    // Moving it onto records is a hand-over from what it held.
    CHECK(plan_assignment(fx.desk, fx.inc(), {"remote", "pshah"}, "").error().code == "missing_reason");
    auto plan = plan_assignment(fx.desk, fx.inc(), {"remote", "pshah"}, "Lyon closed");
    REQUIRE(plan.ok());
    CHECK_FALSE(plan->transition);  // already Assigned
    fx.commit(*plan);
    CHECK(fx.inc().events.back().text == "Service Lyon → Remote support / Priya Shah\nLyon closed");
    CHECK(assignee_name(fx.desk, fx.inc()) == "Priya Shah");
    CHECK(assignee_key(fx.inc()) == "pshah");
}

TEST_CASE("assignment: urgent incidents offer field technicians first (seed 001)") {
    Fixture urgent({{F::title, "Gas smell"}, {F::priority, "1"}});
    auto offered = assignment_candidates(urgent.desk, urgent.inc());
    REQUIRE(offered.size() == 2);
    CHECK(offered[0].profile->id == "tfletcher");
    CHECK(offered[0].suggested);
    CHECK_FALSE(offered[1].suggested);
    Fixture normal;
    offered = assignment_candidates(normal.desk, normal.inc());
    CHECK(offered[0].profile->id == "pshah");  // by name
    CHECK_FALSE(offered[0].suggested);
    CHECK_FALSE(offered[1].suggested);
}

TEST_CASE("assignment: everyone but the technician assigns; the assignee's technician sees the incident") {
    Fixture fx;
    const Principal tech{"tfletcher", "Tom Fletcher", Role::technician};
    const Principal engineer{"pshah", "Priya Shah", Role::engineer};
    Operation to_tom = fx.f.set_field("u:tfletcher", ++fx.now, fx.incident, F::assignee, "tfletcher");
    CHECK_FALSE(can_see_incident(tech, fx.inc()));
    CHECK(authorize_operation(tech, to_tom, fx.desk).error().code == "forbidden_assignment");
    Operation by_priya = fx.f.set_field("u:pshah", ++fx.now, fx.incident, F::assignee, "tfletcher");
    CHECK(authorize_operation(engineer, by_priya, fx.desk).ok());
    CHECK(assigns_to(by_priya, tech));
    fx.apply(by_priya);
    CHECK(can_see_incident(tech, fx.inc()));
    CHECK(TechnicianScope(tech, fx.desk).contains(fx.inc()));
    CHECK(may_assign(engineer));
    CHECK_FALSE(may_assign(tech));
}
