// W1 status lifecycle, W2/W5 guards and W10 archived read-only (workflow.hpp), checked
// directly and through Desk::apply.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/workflow.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using S = IncidentStatus;

namespace {

// The table as written in workflow.hpp's banner (and FEATURES.md W1), kept independent of
// the implementation's matrix.
const std::set<std::pair<S, S>>& expected_table() {
    static const std::set<std::pair<S, S>> t = {
        {S::registered, S::assigned},   {S::registered, S::in_progress}, {S::registered, S::transferred},
        {S::registered, S::closed},     {S::assigned, S::registered},    {S::assigned, S::in_progress},
        {S::assigned, S::transferred},  {S::assigned, S::closed},        {S::in_progress, S::assigned},
        {S::in_progress, S::solved},    {S::in_progress, S::transferred}, {S::solved, S::in_progress},
        {S::solved, S::accepted},       {S::solved, S::closed},          {S::accepted, S::closed},
        {S::transferred, S::in_progress}, {S::transferred, S::closed},   {S::closed, S::archived},
        {S::closed, S::in_progress},
    };
    return t;
}

Incident incident_in(S status) {
    Incident inc = make_entity(EntityKind::incident, "r1:1");
    inc.number = IncidentNumber{10042, {}};
    inc.status = status;
    // Satisfy every guard, so only the table decides.
    inc.set_value(IncidentField::title, "Printer");
    inc.set_value(IncidentField::department, "Service");
    inc.set_value(IncidentField::actual_problem, "Worn roller");
    inc.set_value(IncidentField::actual_solution, "Replaced roller");
    return inc;
}

}  // namespace

TEST_CASE("workflow: the transition table matches W1 exactly") {
    int allowed = 0;
    for (int f = 0; f < kStatusCount; ++f) {
        for (int t = 0; t < kStatusCount; ++t) {
            S from = static_cast<S>(f), to = static_cast<S>(t);
            bool expected = expected_table().count({from, to}) == 1;
            CAPTURE(status_name(from));
            CAPTURE(status_name(to));
            CHECK(is_allowed_transition(from, to) == expected);
            Outcome o = check_transition(incident_in(from), to);
            CHECK(o.ok() == expected);
            if (!o.ok()) {
                if (from == to) {
                    CHECK(o.error().code == "same_status");
                } else {
                    CHECK(o.error().code == "transition_not_allowed");
                    CHECK(o.error().message.find(std::string(status_label(from))) != std::string::npos);
                    CHECK(o.error().message.find(std::string(status_label(to))) != std::string::npos);
                }
            }
            allowed += expected;
        }
        // allowed_targets lists exactly the allowed ones, in enum order.
        std::vector<S> targets = allowed_targets(static_cast<S>(f));
        std::vector<S> want;
        for (int t = 0; t < kStatusCount; ++t)
            if (expected_table().count({static_cast<S>(f), static_cast<S>(t)})) want.push_back(static_cast<S>(t));
        CHECK(targets == want);
    }
    CHECK(allowed == 19);
    CHECK(allowed_targets(S::archived).empty());
}

TEST_CASE("workflow: some forbidden transitions, spelled out") {
    CHECK_FALSE(is_allowed_transition(S::registered, S::solved));   // skip the work
    CHECK_FALSE(is_allowed_transition(S::registered, S::accepted));
    CHECK_FALSE(is_allowed_transition(S::registered, S::archived)); // archive only closed ones
    CHECK_FALSE(is_allowed_transition(S::in_progress, S::closed));  // solve first
    CHECK_FALSE(is_allowed_transition(S::accepted, S::in_progress));
    CHECK_FALSE(is_allowed_transition(S::closed, S::registered));
    for (int t = 0; t < kStatusCount; ++t) CHECK_FALSE(is_allowed_transition(S::archived, static_cast<S>(t)));
}

TEST_CASE("workflow: W5 guard - Solved needs the actual problem and the actual solution") {
    Incident inc = incident_in(S::in_progress);
    inc.set_value(IncidentField::actual_problem, "");
    inc.set_value(IncidentField::actual_solution, "");
    Outcome both = check_transition(inc, S::solved);
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().code == "guard_actual_problem_solution");
    CHECK(both.error().message.find("Actual problem") != std::string::npos);
    CHECK(both.error().message.find("Actual solution") != std::string::npos);

    inc.set_value(IncidentField::actual_problem, "Worn roller");
    Outcome no_solution = check_transition(inc, S::solved);
    REQUIRE_FALSE(no_solution.ok());
    CHECK(no_solution.error().code == "guard_actual_solution");
    CHECK(no_solution.error().message.find("Actual solution") != std::string::npos);
    CHECK(no_solution.error().message.find("Actual problem") == std::string::npos);

    inc.set_value(IncidentField::actual_problem, " \n\t ");  // blank counts as missing
    inc.set_value(IncidentField::actual_solution, "Replaced roller");
    Outcome no_problem = check_transition(inc, S::solved);
    REQUIRE_FALSE(no_problem.ok());
    CHECK(no_problem.error().code == "guard_actual_problem");
    CHECK(no_problem.error().message.find("Actual problem") != std::string::npos);
    CHECK(no_problem.error().message.find("Actual solution") == std::string::npos);

    inc.set_value(IncidentField::actual_problem, "Worn roller");
    CHECK(check_transition(inc, S::solved).ok());
    // The guard is about Solved only.
    inc.set_value(IncidentField::actual_problem, "");
    inc.set_value(IncidentField::actual_solution, "");
    CHECK(check_transition(inc, S::transferred).ok());
}

TEST_CASE("workflow: Assigned needs a department or an engineer") {
    Incident inc = incident_in(S::registered);
    inc.set_value(IncidentField::department, "");
    inc.set_value(IncidentField::engineer, "  ");
    Outcome o = check_transition(inc, S::assigned);
    REQUIRE_FALSE(o.ok());
    CHECK(o.error().code == "guard_assignee");
    CHECK(o.error().message.find("department") != std::string::npos);
    inc.set_value(IncidentField::engineer, "Petrov");
    CHECK(check_transition(inc, S::assigned).ok());
    inc.set_value(IncidentField::engineer, "");
    inc.set_value(IncidentField::department, "Field service");
    CHECK(check_transition(inc, S::assigned).ok());
    // In progress -> Assigned is guarded too.
    Incident prog = incident_in(S::in_progress);
    prog.set_value(IncidentField::department, "");
    CHECK(check_transition(prog, S::assigned).error().code == "guard_assignee");
}

TEST_CASE("workflow: check_editable refuses archived incidents only") {
    for (int s = 0; s < kStatusCount; ++s) {
        Incident inc = incident_in(static_cast<S>(s));
        Outcome o = check_editable(inc);
        CHECK(o.ok() == (static_cast<S>(s) != S::archived));
    }
    Outcome o = check_editable(incident_in(S::archived));
    REQUIRE_FALSE(o.ok());
    CHECK(o.error().code == "archived");
    CHECK(o.error().message.find("10042") != std::string::npos);  // names the incident number
}

TEST_CASE("workflow through the desk: guards use the folded state, refusals change nothing") {
    Desk desk;
    OpFactory f("r1");
    f.numbers().add_block({500, 599});
    Operation create = f.create_incident("u:ivanova", kBaseMs, {{IncidentField::title, "Printer jammed"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    const std::string id = create.entity_id;
    auto status = [&] { return desk.find(id)->status; };
    std::int64_t t = kBaseMs;

    ApplyResult r = desk.apply(f.transition("u:ivanova", ++t, id, S::assigned));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "guard_assignee");
    CHECK(status() == S::registered);

    REQUIRE(desk.apply(f.set_field("u:ivanova", ++t, id, IncidentField::engineer, "Petrov")).kind == ApplyKind::applied);
    CHECK(desk.apply(f.transition("u:ivanova", ++t, id, S::assigned)).kind == ApplyKind::applied);
    CHECK(status() == S::assigned);
    CHECK(desk.apply(f.transition("u:petrov", ++t, id, S::in_progress)).kind == ApplyKind::applied);

    Desk::Parts before = desk.parts();
    r = desk.apply(f.transition("u:petrov", ++t, id, S::solved));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "guard_actual_problem_solution");
    CHECK(hotline::testing::same_parts(desk.parts(), before));

    REQUIRE(desk.apply(f.set_field("u:petrov", ++t, id, IncidentField::actual_problem, "Worn roller")).kind ==
            ApplyKind::applied);
    r = desk.apply(f.transition("u:petrov", ++t, id, S::solved));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "guard_actual_solution");
    CHECK(r.error.message.find("Actual solution") != std::string::npos);

    REQUIRE(desk.apply(f.set_field("u:petrov", ++t, id, IncidentField::actual_solution, "Replaced roller")).kind ==
            ApplyKind::applied);
    CHECK(desk.apply(f.transition("u:petrov", ++t, id, S::solved)).kind == ApplyKind::applied);
    CHECK(desk.apply(f.transition("u:ivanova", ++t, id, S::accepted)).kind == ApplyKind::applied);
    r = desk.apply(f.transition("u:ivanova", ++t, id, S::in_progress));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "transition_not_allowed");
    r = desk.apply(f.transition("u:ivanova", ++t, id, S::accepted));
    CHECK(r.error.code == "same_status");
    CHECK(desk.apply(f.transition("u:ivanova", ++t, id, S::closed)).kind == ApplyKind::applied);
    CHECK(desk.apply(f.transition("u:ivanova", ++t, id, S::archived)).kind == ApplyKind::applied);
    CHECK(status() == S::archived);
}

TEST_CASE("workflow through the desk: an archived incident refuses set, add_event and transition") {
    Desk desk;
    OpFactory f("r1");
    Operation create = f.create_incident("u:ivanova", kBaseMs, {{IncidentField::title, "Old case"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    const std::string id = create.entity_id;
    std::int64_t t = kBaseMs;
    REQUIRE(desk.apply(f.transition("u:ivanova", ++t, id, S::closed)).kind == ApplyKind::applied);
    REQUIRE(desk.apply(f.transition("u:ivanova", ++t, id, S::archived)).kind == ApplyKind::applied);

    const Incident before = *desk.find(id);
    Desk::Parts parts_before = desk.parts();
    std::vector<Operation> attempts = {
        f.set_field("u:ivanova", ++t, id, IncidentField::title, "Changed"),
        f.add_event("u:ivanova", ++t, id, "note", "late note"),
        f.transition("u:ivanova", ++t, id, S::in_progress),
        f.transition("u:ivanova", ++t, id, S::closed),
    };
    for (const auto& op : attempts) {
        ApplyResult r = desk.apply(op);
        CAPTURE(op_type_name(op.type));
        CHECK(r.kind == ApplyKind::rejected);
        CHECK(r.error.code == "archived");
        CHECK(r.error.message.find("P-r1-1") != std::string::npos);
        CHECK_FALSE(desk.has_applied(op.id));
    }
    CHECK(*desk.find(id) == before);
    CHECK(hotline::testing::same_parts(desk.parts(), parts_before));
    // The server may still renumber it (a provisional number must not stay forever).
    CHECK(desk.apply(f.renumber("s:sync", ++t, id, 777)).kind == ApplyKind::applied);
    CHECK(desk.find(id)->number.display() == "777");
}
