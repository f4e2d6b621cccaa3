// Entitlements (core/entitlements.hpp, issue 14 S7): a contract with an allowance of
// incidents or hours; what is used is counted from the desk (waived and merged incidents
// do not count, hours are the time logged); a new incident draws on the one chosen or the
// first in force with something left, and takes its SLA policy; billing counts it as cover.
#include <doctest/doctest.h>

#include <string>

#include "core/authorization.hpp"
#include "core/billing.hpp"
#include "core/entitlements.hpp"
#include "core/incident_sla.hpp"
#include "record_desk.hpp"

using namespace hotline;
using C = ContractField;
using F = IncidentField;
using Fields = std::vector<std::pair<FieldId, std::string>>;

namespace {

constexpr std::string_view kDay = "2027-01-15";  // the desk's clock: 2027-01-15

struct EntitlementDesk : testing::RecordDesk {
    std::string account, other;
    std::string pack, hours, expired, foreign;

    std::string made(EntityKind kind, Fields fields) {
        const Operation op = f.create("u:mia", now += 1000, kind, std::move(fields));
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
        return op.entity_id;
    }
    std::string contract(const std::string& of, const std::string& name, Fields more) {
        more.emplace_back(C::account, of);
        more.emplace_back(C::name, name);
        return made(EntityKind::contract, std::move(more));
    }
    EntitlementDesk() {
        make(EntityKind::sla_policy, {{SlaPolicyField::name, "Gold"}, {SlaPolicyField::priority, "1"},
                                      {SlaPolicyField::resolution_minutes, "120"}},
             "gold");
        account = made(EntityKind::account, {{AccountField::name, "Bramley Services"}});
        other = made(EntityKind::account, {{AccountField::name, "Kingsway Group"}});
        pack = contract(account, "Pack 2027", {{C::allowance_unit, "incidents"}, {C::allowance, "2"},
                                               {C::start, "2027-01-01"}, {C::end, "2027-12-31"},
                                               {C::sla_policy, "gold"}});
        hours = contract(account, "Hours", {{C::allowance_unit, "hours"}, {C::allowance, "1"}});
        expired = contract(account, "Pack 2026", {{C::allowance_unit, "incidents"}, {C::allowance, "10"},
                                                  {C::end, "2026-12-31"}});
        contract(account, "Maintenance", {});  // no allowance: not an entitlement
        foreign = contract(other, "Kingsway pack", {{C::allowance_unit, "incidents"}, {C::allowance, "5"}});
    }
    // What saving the registration form does: the entitlement's fields, then the create.
    Result<std::string> register_call(Fields fields) {
        fields.emplace_back(F::account, account);
        if (Outcome ok = add_entitlement(desk, kDay, now, fields); !ok) return ok.error();
        return incident(std::move(fields)).id;
    }
    std::int64_t left(const std::string& contract) const {
        return entitlement_use(desk, *desk.find(EntityKind::contract, contract), now).left();
    }
};

}  // namespace

TEST_CASE("entitlements: those in force, soonest end first; drawn on by default while something is left") {
    EntitlementDesk d;
    const auto in_force = account_entitlements(d.desk, d.account, kDay, d.now);
    REQUIRE(in_force.size() == 2);  // not the expired one, not the one without an allowance
    CHECK(in_force[0].contract->id == d.pack);
    CHECK(in_force[1].contract->id == d.hours);  // open-ended: last
    CHECK(in_force[1].hours);
    CHECK(in_force[1].allowance == 60);

    const auto first = d.register_call({});
    REQUIRE(first);
    const Incident& one = *d.desk.find(*first);
    CHECK(one.value(F::entitlement) == d.pack);
    CHECK(one.value(F::sla_policy) == "gold");
    CHECK(d.left(d.pack) == 1);

    // Waived with a reason: drawn on, not counted.
    REQUIRE(d.register_call({{F::entitlement_waiver, "Our fault: a faulty part we fitted"}}));
    CHECK(d.left(d.pack) == 1);

    // A waiver of spaces is no waiver: the incident counts.
    REQUIRE(d.register_call({{F::entitlement_waiver, "  "}}));
    CHECK(d.left(d.pack) == 0);
    // Used up: the next draws on the hours.
    const auto third = d.register_call({});
    CHECK(d.desk.find(*third)->value(F::entitlement) == d.hours);
    CHECK(d.desk.find(*third)->value(F::sla_policy).empty());

    // Chosen by hand: refused when used up (unless waived), another customer's or expired.
    CHECK(d.register_call({{F::entitlement, d.pack}}).error().code == "entitlement_used_up");
    CHECK(d.register_call({{F::entitlement, d.pack}, {F::entitlement_waiver, " "}}).error().code ==
          "entitlement_used_up");
    CHECK(d.register_call({{F::entitlement, d.pack}, {F::entitlement_waiver, "Goodwill"}}));
    CHECK(d.register_call({{F::entitlement, d.foreign}}).error().code == "entitlement_of_other_account");
    CHECK(d.register_call({{F::entitlement, d.expired}}).error().code == "entitlement_not_in_force");

    // No account, or nothing in force: nothing is added.
    Fields none{{F::title, "x"}};
    REQUIRE(add_entitlement(d.desk, kDay, d.now, none));
    CHECK(none.size() == 1);
}

TEST_CASE("entitlements: hours are the time logged on the incidents drawing on them") {
    EntitlementDesk d;
    const std::string id = *d.register_call({{F::entitlement, d.hours}});
    d.made(EntityKind::time_entry, {{TimeEntryField::incident, id}, {TimeEntryField::person, "mia"},
                                    {TimeEntryField::minutes, "45"}});
    CHECK(d.left(d.hours) == 15);
    d.made(EntityKind::time_entry, {{TimeEntryField::incident, id}, {TimeEntryField::person, "mia"},
                                    {TimeEntryField::minutes, "30"}});
    CHECK(d.left(d.hours) == -15);  // overdrawn: shown so, nothing refused
    // Time on an incident that waived it does not count.
    const std::string waived = *d.register_call({{F::entitlement, d.hours}, {F::entitlement_waiver, "Warranty repair"}});
    d.made(EntityKind::time_entry, {{TimeEntryField::incident, waived}, {TimeEntryField::person, "mia"},
                                    {TimeEntryField::minutes, "60"}});
    CHECK(d.left(d.hours) == -15);
}

TEST_CASE("entitlements: the incident gets the entitlement's SLA policy and is covered, not billed") {
    EntitlementDesk d;
    const std::string id = *d.register_call({{F::priority, "4"}});
    const SlaPolicies policies = SlaPolicies::of(d.desk, d.now / 1000);
    const IncidentSla sla = incident_sla(policies, *d.desk.find(id));
    REQUIRE(sla.policy);
    CHECK(sla.policy->id == "gold");  // Low, yet Gold's 2 hours
    CHECK(sla.resolution.clock.target == 7200);
    // Without an entitlement a Low incident has no policy here.
    const std::string plain = d.incident({{F::priority, "4"}}).id;
    CHECK(incident_sla(policies, *d.desk.find(plain)).policy == nullptr);

    CHECK(billing_decision(d.desk, *d.desk.find(id)).coverage == Coverage::contract);
    CHECK_FALSE(billing_decision(d.desk, *d.desk.find(id)).billable);
    const std::string waived = *d.register_call({{F::entitlement_waiver, "Not under the pack"}});
    CHECK(billing_decision(d.desk, *d.desk.find(waived)).billable);
}

TEST_CASE("service terms: a technician may not change an incident's SLA policy, entitlement or deadline") {
    EntitlementDesk d;
    const std::string id = *d.register_call({});
    const Principal technician{"tfletcher", "Tom Fletcher", Role::technician};
    const Principal agent{"ann", "Ann", Role::agent};
    const auto set = [&](const Principal& who, F field, std::string value) {
        const Operation op = d.f.set_field(who.actor(), d.now += 1000, EntityKind::incident, id, field, std::move(value));
        const Outcome ok = authorize_operation(who, op, d.desk);
        return ok ? std::string() : ok.error().code;
    };
    for (F field : {F::sla_policy, F::entitlement, F::entitlement_waiver, F::resolution_deadline}) {
        const std::string value = field == F::entitlement ? d.hours : field == F::sla_policy ? "gold" : "1800000000000";
        CHECK(set(technician, field, value) == "forbidden_service_terms");
        CHECK(set(agent, field, value).empty());
    }
    // Their own registration carries the entitlement it drew on, not a deadline of their own.
    Fields fields{{F::title, "Jammed"}, {F::account, d.account}, {F::entitlement, d.pack}};
    CHECK(authorize_operation(technician, d.f.create_incident(technician.actor(), d.now += 1000, fields), d.desk));
    fields.emplace_back(F::resolution_deadline, "1800000000000");
    CHECK(authorize_operation(technician, d.f.create_incident(technician.actor(), d.now += 1000, fields), d.desk)
              .error()
              .code == "forbidden_service_terms");
}
