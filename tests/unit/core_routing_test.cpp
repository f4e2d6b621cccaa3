// Routing rules (core/routing.hpp): the first active rule by position whose every
// condition holds fires; its plan sets the priority, assigns with the rule named as the
// reason, moves the incident to Assigned and records the rule on the timeline.
#include <doctest/doctest.h>

#include <string>

#include "core/desk.hpp"
#include "core/event_types.hpp"
#include "core/op_factory.hpp"
#include "core/routing.hpp"
#include "record_desk.hpp"

using namespace hotline;
using R = RoutingRuleField;

namespace {

struct RoutingDesk : testing::RecordDesk {
    RoutingDesk() {
        make(EntityKind::reason_code, {{ReasonCodeField::label, "Heating"}}, "heat");
        make(EntityKind::reason_code, {{ReasonCodeField::label, "Boiler"}, {ReasonCodeField::parent, "heat"}}, "heat_boiler");
        make(EntityKind::department, {{DepartmentField::name, "Field service"}}, "field");
        make(EntityKind::department, {{DepartmentField::name, "Remote support"}}, "remote");
        make(EntityKind::staff_profile, {{StaffProfileField::name, "Tom Fletcher"}, {StaffProfileField::department, "field"}},
             "tfletcher");
    }
    const char* fired(const Incident& inc) const {
        const Entity* rule = matching_rule(desk, inc);
        return rule ? rule->id.c_str() : "";
    }
};

}  // namespace

TEST_CASE("routing: the first rule by position whose every condition holds") {
    RoutingDesk d;
    d.make(EntityKind::routing_rule,
           {{R::name, "Heating to the field"}, {R::position, "20"}, {R::reason, "heat"}, {R::then_department, "field"}},
           "heating");
    d.make(EntityKind::routing_rule,
           {{R::name, "Urgent boilers to Tom"}, {R::position, "10"}, {R::reason, "heat_boiler"}, {R::priority, "1"},
            {R::unit_item, "chaudiere"}, {R::then_assignee, "tfletcher"}},
           "urgent_boilers");
    d.make(EntityKind::routing_rule,
           {{R::name, "Email to remote"}, {R::position, "30"}, {R::origin, "email"}, {R::then_department, "remote"}},
           "email");

    // A specific code matches the rule on its general code; accents and case are ignored.
    CHECK(std::string(d.fired(d.incident({{IncidentField::reason_general, "Heating"},
                                          {IncidentField::reason_specific, "Boiler"},
                                          {IncidentField::priority, "1"},
                                          {IncidentField::unit_item, "Chaudière Vitodens"}}))) == "urgent_boilers");
    // Not urgent: the next rule by position.
    CHECK(std::string(d.fired(d.incident({{IncidentField::reason_general, "Heating"},
                                          {IncidentField::reason_specific, "Boiler"},
                                          {IncidentField::unit_item, "Chaudière Vitodens"}}))) == "heating");
    CHECK(std::string(d.fired(d.incident({{IncidentField::origin, "email"}}))) == "email");
    CHECK(std::string(d.fired(d.incident({{IncidentField::origin, "phone"}}))).empty());

    // An inactive rule does not fire.
    REQUIRE(d.desk.apply(d.f.set_field("u:mia", d.now += 1000, EntityKind::routing_rule, "email", R::active, "false"))
                .kind == ApplyKind::applied);
    CHECK(std::string(d.fired(d.incident({{IncidentField::origin, "email"}}))).empty());
}

TEST_CASE("routing: the plan sets the priority, assigns naming the rule, and records it; nothing twice") {
    RoutingDesk d;
    d.make(EntityKind::routing_rule,
           {{R::name, "Boilers"}, {R::reason, "heat"}, {R::then_department, "field"}, {R::then_assignee, "tfletcher"},
            {R::then_priority, "2"}},
           "boilers");
    const Incident& inc = d.incident({{IncidentField::reason_general, "Heating"}});
    auto plan = plan_routing(d.desk, inc);
    REQUIRE(plan);
    const IncidentPlan want = {
        SetStep{IncidentField::priority, "2"},
        SetStep{IncidentField::service_department, "field"},
        SetStep{IncidentField::assignee, "tfletcher"},
        plan->at(3),  // the assignment event (its text: assignment.hpp's)
        TransitionStep{IncidentStatus::assigned},
        EventStep{std::string(kRoutingEventType), "Boilers"},
    };
    REQUIRE(plan->size() == want.size());
    CHECK(*plan == want);
    const auto& assigned = std::get<EventStep>(plan->at(3));
    CHECK(assigned.type == kAssignmentEventType);
    CHECK(assigned.text.find("Routing rule: Boilers") != std::string::npos);

    const std::string id = inc.id;
    for (const IncidentStep& step : *plan)
        REQUIRE(d.desk.apply(step_operation(d.f, "u:ann", d.now += 1000, id, step)).kind == ApplyKind::applied);
    const Incident& routed = *d.desk.find(id);
    CHECK(routed.status == IncidentStatus::assigned);
    CHECK(routed.value(IncidentField::assignee) == "tfletcher");
    CHECK(plan_routing(d.desk, routed).error().code == "already_routed");

    CHECK(plan_routing(d.desk, d.incident({})).error().code == "no_routing_rule");
    const ApplyResult nothing =
        d.desk.apply(d.f.create("u:mia", d.now += 1000, EntityKind::routing_rule, {{R::name, "Empty"}}, "empty"));
    CHECK(nothing.error.code == "missing_routing_target");
}

TEST_CASE("routing: the preview names the conditions an incident does not meet, for a rule not saved yet") {
    RoutingDesk d;
    // The rule as the editor's form holds it: nothing saved.
    Entity rule = make_entity(EntityKind::routing_rule, "draft");
    rule.set_value(R::priority, "1");
    rule.set_value(R::origin, "email");
    rule.set_value(R::unit_item, "boiler");
    const Incident& urgent_mail = d.incident({{IncidentField::priority, "1"}, {IncidentField::origin, "email"},
                                              {IncidentField::unit_item, "Boiler VX-200"}});
    CHECK(unmet_conditions(d.desk, rule, urgent_mail).empty());
    const Incident& phoned = d.incident({{IncidentField::priority, "3"}, {IncidentField::origin, "phone"},
                                         {IncidentField::unit_item, "Boiler VX-200"}});
    CHECK(unmet_conditions(d.desk, rule, phoned) == std::vector<FieldId>{R::priority, R::origin});
    // Conditions the rule does not give are not listed.
    rule.set_value(R::origin, "");
    CHECK(unmet_conditions(d.desk, rule, phoned) == std::vector<FieldId>{R::priority});
    CHECK(matching_rule(d.desk, phoned) == nullptr);  // nothing was saved
}
