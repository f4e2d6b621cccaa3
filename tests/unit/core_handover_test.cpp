// W2: an incident handed over from a technician. Their changes made while it was theirs
// are still accepted when pushed later; one made after the hand-over is refused as
// handed_over (kept in their conflict list); someone who never held it is refused as
// before; on their device it is read-only and out of their lists (check_workable).
#include <doctest/doctest.h>

#include <string>

#include "core/authorization.hpp"
#include "core/handover.hpp"
#include "core/op_factory.hpp"
#include "desk_world.hpp"

using namespace hotline;
using F = IncidentField;

namespace {

const Principal kTom{"tfletcher", "Tom Fletcher", Role::technician};
const Principal kSam{"sbaker", "Sam Baker", Role::technician};
const Principal kAgent{"agent", "Agent", Role::agent};

struct Fixture : hotline::testing::DeskWorld {
    std::string incident;
    std::int64_t tom_from = 0, handed_at = 0;

    Fixture() {
        f.numbers().add_block({1, 100});
        apply(f.create("u:boss", ++now, EntityKind::department, {{DepartmentField::name, "Field service"}}, "field"));
        for (const Principal* p : {&kTom, &kSam})
            apply(f.create("u:boss", ++now, EntityKind::staff_profile,
                           {{StaffProfileField::name, p->name}, {StaffProfileField::department, "field"}}, p->login));
        const Operation create = f.create_incident("u:agent", ++now, {{F::title, "Boiler leaks"}});
        apply(create);
        incident = create.entity_id;
        tom_from = now += 1000;
        apply(f.set_field("u:agent", now, incident, F::assignee, "tfletcher"));
        handed_at = now += 60'000;
        apply(f.set_field("u:agent", now, incident, F::assignee, "sbaker"));
    }
    const Incident& inc() const { return *desk.find(incident); }
    // A change Tom's device made at `wall_ms`, offline.
    Operation by_tom(std::int64_t wall_ms) {
        OpFactory tom("rt");
        return tom.set_field("u:tfletcher", wall_ms, incident, F::title, "Boiler leaks at the valve");
    }
};

}  // namespace

TEST_CASE("hand-over: who held the incident when, from its history") {
    Fixture fx;
    CHECK_FALSE(held_when(fx.desk, kTom, fx.inc(), fx.tom_from - 1));
    CHECK(held_when(fx.desk, kTom, fx.inc(), fx.tom_from));
    CHECK(held_when(fx.desk, kTom, fx.inc(), fx.handed_at));  // the same moment counts as before
    CHECK_FALSE(held_when(fx.desk, kTom, fx.inc(), fx.handed_at + 1));
    CHECK(held_when(fx.desk, kSam, fx.inc(), fx.handed_at + 1));
    CHECK(held_when(fx.desk, kAgent, fx.inc(), 0));  // its author, always
    CHECK(ever_held(fx.desk, kTom, fx.inc()));
    CHECK_FALSE(ever_held(fx.desk, Principal{"nobody", "", Role::technician}, fx.inc()));
}

TEST_CASE("hand-over: a technician's change made before it syncs, one made after is refused as handed_over") {
    Fixture fx;
    CHECK(authorize_operation(kTom, fx.by_tom(fx.handed_at - 5000), fx.desk).ok());
    const Outcome late = authorize_operation(kTom, fx.by_tom(fx.handed_at + 5000), fx.desk);
    CHECK(late.error().code == "handed_over");
    CHECK(late.error().args == std::vector<std::string>{fx.inc().number.display()});
    OpFactory other("rx");
    const Operation stranger = other.set_field("u:nobody", fx.tom_from + 10, fx.incident, F::title, "x");
    CHECK(authorize_operation(Principal{"nobody", "", Role::technician}, stranger, fx.desk).error().code ==
          "forbidden_incident");
    // Their time logged while it was theirs is theirs to sync too.
    OpFactory tom("rt");
    const Operation entry = tom.create("u:tfletcher", fx.handed_at - 1000, EntityKind::time_entry,
                                       {{TimeEntryField::incident, fx.incident},
                                        {TimeEntryField::person, "tfletcher"},
                                        {TimeEntryField::minutes, "20"}});
    CHECK(authorize_operation(kTom, entry, fx.desk).ok());
}

TEST_CASE("hand-over: on the former holder's device the incident is read-only, on the new one's it is not") {
    Fixture fx;
    CHECK(check_workable(kTom, fx.inc()).error().code == "handed_over");
    CHECK(check_workable(kSam, fx.inc()).ok());
    CHECK(check_workable(kAgent, fx.inc()).ok());
    CHECK_FALSE(can_see_incident(kTom, fx.inc()));
    // Given back, it is theirs again.
    fx.apply(fx.f.set_field("u:agent", fx.now += 1000, fx.incident, F::assignee, "tfletcher"));
    CHECK(check_workable(kTom, fx.inc()).ok());
}
