// Who may see and change what (authorization.hpp): visibility by login only, refusals
// that say nothing about incidents the user may not see, and each role against each
// entity kind.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;

namespace {

Incident assigned_to(const std::string& engineer) {
    Incident inc = make_entity(EntityKind::incident, "ra:1");
    inc.number = IncidentNumber{4242, {}};
    inc.set_value(IncidentField::engineer, engineer);
    inc.created_by = "u:agent";
    return inc;
}

// A desk holding one incident "ra:1" (number 1) assigned to `engineer`.
Desk desk_with_incident(const std::string& engineer) {
    Desk desk;
    OpFactory f("ra");
    f.numbers().add_block({1, 10});
    const Operation create = f.create_incident("u:agent", kBaseMs, {{IncidentField::title, "Boiler"},
                                                                    {IncidentField::engineer, engineer}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    return desk;
}

}  // namespace

TEST_CASE("authorization: a technician sees an incident by their login, never by their display name") {
    const Principal tom{"tfletcher", "Tom Fletcher", Role::technician};
    const Principal impostor{"imp", "Tom Fletcher", Role::technician};  // display names are not unique
    CHECK(can_see_incident(tom, assigned_to("tfletcher")));
    CHECK_FALSE(can_see_incident(impostor, assigned_to("tfletcher")));
    CHECK_FALSE(can_see_incident(tom, assigned_to("Tom Fletcher")));
    CHECK_FALSE(can_see_incident(impostor, assigned_to("Tom Fletcher")));
    CHECK(can_see_incident(Principal{"pshah", "Priya Shah", Role::engineer}, assigned_to("tfletcher")));

    OpFactory f("ra");
    Operation by_login = f.set_field("u:agent", kBaseMs, "ra:1", IncidentField::engineer, "tfletcher");
    Operation by_name = f.set_field("u:agent", kBaseMs, "ra:1", IncidentField::engineer, "Tom Fletcher");
    CHECK(assigns_to(by_login, tom));
    CHECK_FALSE(assigns_to(by_name, tom));
    CHECK_FALSE(assigns_to(by_login, impostor));
    CHECK_FALSE(assigns_to(by_name, impostor));
}

TEST_CASE("authorization: a technician is told the same for an incident not theirs and one that does not exist") {
    const Principal tech{"tfletcher", "Tom Fletcher", Role::technician};
    const Desk desk = desk_with_incident("pshah");
    OpFactory f("rt");
    Outcome not_theirs = authorize_operation(tech, f.set_field(tech.actor(), kBaseMs, "ra:1", IncidentField::diagnosis, "x"), desk);
    Outcome missing = authorize_operation(tech, f.set_field(tech.actor(), kBaseMs, "ra:9", IncidentField::diagnosis, "x"), desk);
    REQUIRE_FALSE(not_theirs.ok());
    REQUIRE_FALSE(missing.ok());
    CHECK(not_theirs.error() == missing.error());
    CHECK(not_theirs.error().code == "forbidden_incident");
    CHECK(not_theirs.error().message.find('1') == std::string::npos);  // names nothing not theirs

    // Everyone else may see every incident: an unknown one is left to Desk::apply.
    CHECK(authorize_operation(Principal{"agent", "Agent", Role::agent},
                              f.set_field("u:agent", kBaseMs, "ra:9", IncidentField::diagnosis, "x"), desk)
              .ok());
}

TEST_CASE("authorization: each role against each entity kind, to create and to change") {
    // The policy, written out here independently of the schema table: a technician
    // registers and works incidents only; agents and engineers also keep customer records
    // (accounts, contacts, units, contracts) and transfer to orders; managers and admins also
    // blocking reasons and all reference data.
    const std::map<EntityKind, std::string> allowed = {
        {EntityKind::incident, "agent engineer technician manager admin"},
        {EntityKind::account, "agent engineer manager admin"},
        {EntityKind::contact, "agent engineer manager admin"},
        {EntityKind::unit, "agent engineer manager admin"},
        {EntityKind::contract, "manager admin"},
        {EntityKind::blocking_reason, "manager admin"},
        {EntityKind::event_type, "manager admin"},
        {EntityKind::department, "manager admin"},
        {EntityKind::staff_profile, "manager admin"},
        {EntityKind::reason_code, "manager admin"},
        {EntityKind::resolution_code, "manager admin"},
        {EntityKind::priority_code, "manager admin"},
        {EntityKind::time_entry, "agent engineer technician manager admin"},  // their own time
        {EntityKind::order, "agent engineer manager admin"},  // a technician updates the orders they carry out
        {EntityKind::article, "engineer manager admin"},                       // W13: the others read
        {EntityKind::article_link, "agent engineer technician manager admin"}, // on incidents they work
        {EntityKind::calendar, "manager admin"},
        {EntityKind::sla_policy, "manager admin"},
        {EntityKind::routing_rule, "manager admin"},
        {EntityKind::queue, "manager admin"},
    };
    REQUIRE(allowed.size() == kEntityKindCount);
    const Desk desk = desk_with_incident("tfletcher");  // the technician's own incident
    for (EntityKind kind : kAllEntityKinds) {
        for (Role role : kAllRoles) {
            const Principal who{"tfletcher", "T", role};
            CAPTURE(entity_kind_name(kind));
            CAPTURE(role_name(role));
            const bool expected = (" " + allowed.at(kind) + " ").find(" " + std::string(role_name(role)) + " ") !=
                                  std::string::npos;
            OpFactory f("rt");
            const bool keyed = kind_spec(kind).ids == IdScheme::keyed;
            const FieldId title = kind_spec(kind).title_field;
            std::vector<std::pair<FieldId, std::string>> fields = {{title, "x"}};
            if (kind == EntityKind::time_entry) {
                fields.emplace_back(TimeEntryField::incident, "ra:1");
                fields.emplace_back(TimeEntryField::person, who.login);
            }
            Operation create = f.create(who.actor(), kBaseMs, kind, fields, keyed ? "k1" : "");
            Operation change = f.set_field(who.actor(), kBaseMs, kind, kind == EntityKind::incident ? "ra:1" : create.entity_id,
                                           title, "y");
            CHECK(authorize_operation(who, create, desk).ok() == expected);
            CHECK(authorize_operation(who, change, desk).ok() == expected);
            // Nobody writes in someone else's name, and only the server renumbers.
            create.actor = "u:someone";
            CHECK(authorize_operation(who, create, desk).error().code == "forbidden_actor");
        }
    }
}

TEST_CASE("authorization: a technician sees the customer records their incidents need, and reference data") {
    Desk desk;
    OpFactory f("ra");
    f.numbers().add_block({1, 10});
    std::int64_t t = kBaseMs;
    auto make = [&](EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields, std::string key = {}) {
        Operation op = f.create("u:cat", t += 10, kind, std::move(fields), std::move(key));
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
        return op.entity_id;
    };
    const std::string mine = make(EntityKind::account, {{AccountField::name, "Mine"}});
    const std::string theirs = make(EntityKind::account, {{AccountField::name, "Not mine"}});
    const std::string contract = make(EntityKind::contract, {{ContractField::account, mine}, {ContractField::name, "SC"}});
    const std::string unit = make(EntityKind::unit, {{UnitField::serial, "S1"}, {UnitField::account, mine},
                                                     {UnitField::contract, contract}});
    const std::string other_unit = make(EntityKind::unit, {{UnitField::serial, "S2"}, {UnitField::account, theirs}});
    const std::string block = make(EntityKind::blocking_reason, {{BlockingReasonField::account, mine},
                                                                 {BlockingReasonField::text, "Overdue"}});
    const std::string code = make(EntityKind::reason_code, {{ReasonCodeField::label, "Leak"}}, "leak");
    make(EntityKind::incident, {{IncidentField::title, "Mine"}, {IncidentField::engineer, "tom"}, {IncidentField::unit, unit}});

    const Principal tom{"tom", "Tom", Role::technician};
    const TechnicianScope scope(tom, desk);
    auto sees = [&](EntityKind k, const std::string& id) { return scope.contains(*desk.find(k, id)); };
    CHECK(sees(EntityKind::unit, unit));
    CHECK(sees(EntityKind::account, mine));            // the unit's account
    CHECK(sees(EntityKind::contract, contract));       // the unit's contract
    CHECK(sees(EntityKind::blocking_reason, block));   // the account's blocking reason
    CHECK(sees(EntityKind::reason_code, code));        // reference data
    CHECK_FALSE(sees(EntityKind::account, theirs));
    CHECK_FALSE(sees(EntityKind::unit, other_unit));
    CHECK(TechnicianScope(Principal{"ann", "Ann", Role::agent}, desk).contains(*desk.find(EntityKind::unit, other_unit)));
    CHECK_FALSE(can_see(tom, desk, *desk.find(EntityKind::unit, other_unit)));
}

TEST_CASE("authorization: the records a technician created stay in their scope when the incident moves away") {
    Desk desk;
    OpFactory f("rt");
    f.numbers().add_block({1, 10});
    std::int64_t t = kBaseMs;
    auto make = [&](const std::string& actor, EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields) {
        Operation op = f.create(actor, t += 10, kind, std::move(fields));
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
        return op.entity_id;
    };
    const std::string account = make("u:cat", EntityKind::account, {{AccountField::name, "Hôtel du Parc"}});
    // On site, Tom records a contact and a unit he found there; the incident is then given to Sam.
    const std::string contact = make("u:tom", EntityKind::contact, {{ContactField::account, account}, {ContactField::name, "Mme Roux"}});
    const std::string unit = make("u:tom", EntityKind::unit, {{UnitField::serial, "HP-12-0042"}, {UnitField::account, account}});
    make("u:cat", EntityKind::incident, {{IncidentField::title, "No heating"}, {IncidentField::engineer, "sam"},
                                         {IncidentField::contact, contact}, {IncidentField::unit, unit}});

    const TechnicianScope tom(Principal{"tom", "Tom", Role::technician}, desk);
    CHECK(tom.contains(*desk.find(EntityKind::contact, contact)));
    CHECK(tom.contains(*desk.find(EntityKind::unit, unit)));
    CHECK(tom.contains(*desk.find(EntityKind::account, account)));  // what his records need
    const TechnicianScope lea(Principal{"lea", "Léa", Role::technician}, desk);
    CHECK_FALSE(lea.contains(*desk.find(EntityKind::unit, unit)));
}
