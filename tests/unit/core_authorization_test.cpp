// Who may see and change what (authorization.hpp): visibility by login only, and
// refusals that say nothing about incidents the user may not see.
#include <doctest/doctest.h>

#include <string>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;

namespace {

Incident assigned_to(const std::string& engineer) {
    Incident inc;
    inc.id = "ra:1";
    inc.number = IncidentNumber{4242, {}};
    inc.value(FieldId::engineer) = engineer;
    inc.created_by = "u:agent";
    return inc;
}

}  // namespace

TEST_CASE("authorization: a technician sees an incident by their login, never by their display name") {
    const Principal tom{"tfletcher", "Tom Fletcher", Role::technician};
    const Principal impostor{"imp", "Tom Fletcher", Role::technician};  // display names are not unique
    CHECK(can_see(tom, assigned_to("tfletcher")));
    CHECK_FALSE(can_see(impostor, assigned_to("tfletcher")));
    CHECK_FALSE(can_see(tom, assigned_to("Tom Fletcher")));
    CHECK_FALSE(can_see(impostor, assigned_to("Tom Fletcher")));
    CHECK(can_see(Principal{"pshah", "Priya Shah", Role::engineer}, assigned_to("tfletcher")));

    OpFactory f("ra");
    Operation by_login = f.set_field("u:agent", kBaseMs, "ra:1", FieldId::engineer, "tfletcher");
    Operation by_name = f.set_field("u:agent", kBaseMs, "ra:1", FieldId::engineer, "Tom Fletcher");
    CHECK(assigns_to(by_login, tom));
    CHECK_FALSE(assigns_to(by_name, tom));
    CHECK_FALSE(assigns_to(by_login, impostor));
    CHECK_FALSE(assigns_to(by_name, impostor));
}

TEST_CASE("authorization: a technician is told the same for an incident not theirs and one that does not exist") {
    const Principal tech{"tfletcher", "Tom Fletcher", Role::technician};
    OpFactory f("rt");
    Operation set = f.set_field(tech.actor(), kBaseMs, "ra:1", FieldId::diagnosis, "x");
    const Incident other = assigned_to("pshah");
    Outcome not_theirs = authorize_operation(tech, set, &other);
    Outcome missing = authorize_operation(tech, set, nullptr);
    REQUIRE_FALSE(not_theirs.ok());
    REQUIRE_FALSE(missing.ok());
    CHECK(not_theirs.error() == missing.error());
    CHECK(not_theirs.error().code == "forbidden_incident");
    CHECK(not_theirs.error().message.find("4242") == std::string::npos);  // names nothing not theirs

    // Everyone else may see every incident: an unknown one is left to Desk::apply.
    CHECK(authorize_operation(Principal{"agent", "Agent", Role::agent},
                              f.set_field("u:agent", kBaseMs, "ra:1", FieldId::diagnosis, "x"), nullptr)
              .ok());
}
