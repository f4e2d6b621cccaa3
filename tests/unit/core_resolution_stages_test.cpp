// W5: the resolution as a code of the two-level tree (one field, so concurrent choices
// converge); W14: the stage an incident is in, what the next one needs and the status
// change that takes it there.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/code_tree.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/stages.hpp"
#include "desk_world.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using F = IncidentField;
using RC = ResolutionCodeField;

namespace {

struct Fixture : hotline::testing::DeskWorld {
    std::string incident;

    ApplyResult try_apply(const Operation& op) { return desk.apply(op); }
    void code(const std::string& key, const std::string& label, const std::string& parent = {}, bool active = true) {
        std::vector<std::pair<FieldId, std::string>> fields = {{RC::label, label}, {RC::active, active ? "true" : "false"}};
        if (!parent.empty()) fields.push_back({RC::parent, parent});
        apply(f.create("u:boss", ++now, EntityKind::resolution_code, fields, key));
    }
    Fixture() {
        f.numbers().add_block({1, 100});
        code("repaired", "Repaired");
        code("repaired_part", "Part replaced", "repaired");
        code("repaired_adjust", "Adjusted", "repaired");
        code("repaired_old", "Soldered", "repaired", false);
        code("advice", "Advice given");
        apply(f.create("u:boss", ++now, EntityKind::reason_code, {{ReasonCodeField::label, "Leak"}}, "leak"));
        const Operation create = f.create_incident("u:agent", ++now, {{F::title, "Boiler leaks"}});
        apply(create);
        incident = create.entity_id;
    }
    const Incident& inc() const { return *desk.find(incident); }
    Operation set(FieldId field, const std::string& value) { return f.set_field("u:eng", ++now, incident, field, value); }
    void to(IncidentStatus status) { apply(f.transition("u:eng", ++now, incident, status)); }
};

std::vector<std::string> ids(const std::vector<const Entity*>& records) {
    std::vector<std::string> out;
    for (const Entity* e : records) out.push_back(e->id);
    return out;
}

}  // namespace

TEST_CASE("resolution codes: an incident holds one code of the tree, general or specific") {
    Fixture fx;
    fx.apply(fx.set(F::resolution_code, "repaired_part"));
    CodePath path = code_path(fx.desk, EntityKind::resolution_code, fx.inc().value(F::resolution_code));
    REQUIRE(path.general);
    REQUIRE(path.specific);
    CHECK(path.general->id == "repaired");
    CHECK(path.specific->id == "repaired_part");

    fx.apply(fx.set(F::resolution_code, "advice"));  // a general code without specifics
    path = code_path(fx.desk, EntityKind::resolution_code, "advice");
    CHECK(path.general->id == "advice");
    CHECK(path.specific == nullptr);
    CHECK(code_path(fx.desk, EntityKind::resolution_code, "").general == nullptr);
}

TEST_CASE("resolution codes: a reason code, an unknown code or a bad key is refused and changes nothing") {
    Fixture fx;
    fx.apply(fx.set(F::resolution_code, "advice"));
    for (const std::string bad : {"leak", "nothing_like_it", "Not A Key"}) {
        CAPTURE(bad);
        const ApplyResult r = fx.try_apply(fx.set(F::resolution_code, bad));
        CHECK(r.kind == ApplyKind::rejected);
        CHECK(fx.inc().value(F::resolution_code) == "advice");
    }
}

TEST_CASE("resolution codes: pickers offer active codes by label, and keep the one held even when retired") {
    Fixture fx;
    CHECK(ids(general_codes(fx.desk, EntityKind::resolution_code)) == std::vector<std::string>{"advice", "repaired"});
    CHECK(ids(specific_codes(fx.desk, EntityKind::resolution_code, "repaired")) ==
          std::vector<std::string>{"repaired_adjust", "repaired_part"});
    CHECK(ids(specific_codes(fx.desk, EntityKind::resolution_code, "repaired", "repaired_old")) ==
          std::vector<std::string>{"repaired_adjust", "repaired_part", "repaired_old"});
    CHECK(specific_codes(fx.desk, EntityKind::resolution_code, "").empty());
    CHECK(code_parent_field(EntityKind::resolution_code) == FieldId(RC::parent));
    CHECK(!code_parent_field(EntityKind::incident));
}

TEST_CASE("resolution codes: Solved still needs the actual problem and solution, a code alone is not enough") {
    Fixture fx;
    fx.apply(fx.set(F::engineer, "eng"));
    fx.to(IncidentStatus::assigned);
    fx.to(IncidentStatus::in_progress);
    fx.apply(fx.set(F::resolution_code, "repaired_part"));
    const ApplyResult refused = fx.try_apply(fx.f.transition("u:eng", ++fx.now, fx.incident, IncidentStatus::solved));
    CHECK(refused.kind == ApplyKind::rejected);
    CHECK(refused.error.code == "guard_actual_problem_solution");
}

TEST_CASE("stages: each status is a stage, and the guide names the next status change") {
    Fixture fx;
    StageGuide g = stage_guide(fx.inc());
    CHECK(g.current == ProcessStage::register_call);
    CHECK(g.next == IncidentStatus::assigned);
    // Leaving Register asks for both records of the assignment (W2).
    REQUIRE(g.missing.size() == 2);
    CHECK(g.missing[0].code == "missing_service_department");
    CHECK(g.missing[1].code == "missing_assignee");

    fx.apply(fx.f.create("u:boss", ++fx.now, EntityKind::department, {{DepartmentField::name, "Remote"}}, "remote"));
    fx.apply(fx.f.create("u:boss", ++fx.now, EntityKind::staff_profile, {{StaffProfileField::name, "Eng"}}, "eng"));
    fx.apply(fx.set(F::service_department, "remote"));
    fx.apply(fx.set(F::assignee, "eng"));
    g = stage_guide(fx.inc());
    CHECK(g.missing.empty());
    fx.to(*g.next);
    CHECK(stage_guide(fx.inc()).current == ProcessStage::assign);

    fx.to(IncidentStatus::in_progress);
    g = stage_guide(fx.inc());
    CHECK(g.current == ProcessStage::work);
    CHECK(g.next == IncidentStatus::solved);
    REQUIRE(g.missing.size() == 1);
    CHECK(g.missing[0].code == "guard_actual_problem_solution");
    fx.apply(fx.set(F::actual_problem, "Seal worn"));
    CHECK(stage_guide(fx.inc()).missing[0].code == "guard_actual_solution");
    fx.apply(fx.set(F::actual_solution, "Seal replaced"));
    CHECK(stage_guide(fx.inc()).missing.empty());
}

TEST_CASE("stages: Transferred is a branch of Work; Closed and Archived have every stage done") {
    Fixture fx;
    fx.to(IncidentStatus::transferred);
    StageGuide g = stage_guide(fx.inc());
    CHECK(g.current == ProcessStage::work);
    CHECK(g.transferred);
    CHECK(g.next == IncidentStatus::in_progress);
    CHECK(g.missing.empty());

    fx.to(IncidentStatus::closed);
    g = stage_guide(fx.inc());
    CHECK(g.current == ProcessStage::close);
    CHECK(g.finished);
    CHECK(!g.next);
    fx.to(IncidentStatus::archived);
    CHECK(stage_guide(fx.inc()).finished);
}

TEST_CASE("stages: Solved leads to Accept, Accepted to Close") {
    Fixture fx;
    fx.apply(fx.set(F::actual_problem, "p"));
    fx.apply(fx.set(F::actual_solution, "s"));
    fx.to(IncidentStatus::in_progress);
    fx.to(IncidentStatus::solved);
    StageGuide g = stage_guide(fx.inc());
    CHECK(g.current == ProcessStage::solve);
    CHECK(g.next == IncidentStatus::accepted);
    fx.to(IncidentStatus::accepted);
    g = stage_guide(fx.inc());
    CHECK(g.current == ProcessStage::accept);
    CHECK(g.next == IncidentStatus::closed);
    CHECK(!g.finished);
}
