// Customer records through the sync service (issue 8, item 6), on SQLite and PostgreSQL:
// who may create them, and what a technician syncs — only the accounts, contacts, units,
// contracts and blocking reasons their incidents need, plus all reference data; a record
// that comes into their view later arrives with its earlier history, before what needs it.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "company_fixture.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;
using hotline::test::has;

namespace {

std::size_t first(const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

}  // namespace

static void technician_sees_what_their_incidents_need(Backend backend) {
    Company f(backend);
    const std::string dept = f.create("manager", EntityKind::department, {{DepartmentField::name, "Heating"}}, "heating");
    const std::string a = f.create("agent", EntityKind::account, {{AccountField::name, "Hôtel du Parc"}});
    const std::string b = f.create("agent", EntityKind::account, {{AccountField::name, "Studio Rossi"}});
    const std::string a_contact = f.create("agent", EntityKind::contact, {{ContactField::account, a}, {ContactField::name, "Mme Lefèvre"}});
    const std::string b_contact = f.create("agent", EntityKind::contact, {{ContactField::account, b}, {ContactField::name, "Dott. Rossi"}});
    const std::string a_contract = f.create("manager", EntityKind::contract, {{ContractField::account, a}, {ContractField::name, "SC-17"}});
    const std::string a_unit = f.create("agent", EntityKind::unit, {{UnitField::serial, "VD200-7731"}, {UnitField::account, a},
                                                                    {UnitField::contract, a_contract}});
    const std::string b_unit = f.create("agent", EntityKind::unit, {{UnitField::serial, "HP-4410"}, {UnitField::account, b}});
    const std::string a_block = f.create("manager", EntityKind::blocking_reason,
                                         {{BlockingReasonField::account, a}, {BlockingReasonField::text, "Invoices overdue"}});
    const std::string b_block = f.create("manager", EntityKind::blocking_reason,
                                         {{BlockingReasonField::account, b}, {BlockingReasonField::text, "Audit"}});
    const std::string mine = f.create("agent", EntityKind::incident, {{IncidentField::title, "No hot water"},
                                                                      {IncidentField::engineer, "technician"},
                                                                      {IncidentField::account, a},
                                                                      {IncidentField::contact, a_contact},
                                                                      {IncidentField::unit, a_unit}});
    const std::string other = f.create("agent", EntityKind::incident, {{IncidentField::title, "Printer jammed"},
                                                                       {IncidentField::account, b},
                                                                       {IncidentField::contact, b_contact},
                                                                       {IncidentField::unit, b_unit}});

    std::int64_t cursor = 0;
    const auto ids = f.pulled_ids("technician", cursor);
    for (const auto& id : {dept, a, a_contact, a_contract, a_unit, a_block, mine}) CHECK_MESSAGE(has(ids, id), id);
    for (const auto& id : {b, b_contact, b_unit, b_block, other}) CHECK_MESSAGE(!has(ids, id), id);
    CHECK(first(ids, a) < first(ids, mine));

    // A record outside their view is answered as one that does not exist.
    auto history = [&](const std::string& id, const char* kind) {
        return f.call("GET", "/history", "", f.tokens["technician"], {{"entity", id}, {"kind", kind}}).status;
    };
    CHECK(history(a, "account") == 200);
    CHECK(history(a_unit, "unit") == 200);
    CHECK(history(b, "account") == 404);
    CHECK(history(b_unit, "unit") == 404);
    CHECK(history("nowhere:1", "unit") == 404);
    CHECK(history(dept, "department") == 200);
    CHECK(history(a, "customer") == 400);

    // Assigned later: the incident arrives with what it needs, each before what refers to it.
    CHECK(f.push_as("agent", f.factory("agent").set_field("u:agent", f.now += 10, other, IncidentField::engineer,
                                                          "technician")) == "applied");
    const auto later = f.pulled_ids("technician", cursor);
    for (const auto& id : {b, b_contact, b_unit, b_block, other}) CHECK_MESSAGE(has(later, id), id);
    CHECK(first(later, b) < first(later, b_contact));
    CHECK(first(later, b_contact) < first(later, other));
    CHECK(first(later, b_unit) < first(later, other));
}

static void who_may_create_and_change_customer_records(Backend backend) {
    Company f(backend);
    const std::string a = f.create("agent", EntityKind::account, {{AccountField::name, "Acme"}});
    // A technician registers incidents but keeps no customer records.
    Operation account = f.factory("technician").create("u:technician", f.now += 10, EntityKind::account,
                                                       {{AccountField::name, "Tech's own"}});
    CHECK(f.push_as("technician", account) == "rejected");
    Operation rename = f.factory("technician").set_field("u:technician", f.now += 10, EntityKind::account, a,
                                                         AccountField::name, "Renamed");
    CHECK(f.push_as("technician", rename) == "rejected");
    // Reference data and blocking reasons are the managers'.
    Operation code = f.factory("agent").create("u:agent", f.now += 10, EntityKind::reason_code,
                                               {{ReasonCodeField::label, "Leak"}}, "leak");
    CHECK(f.push_as("agent", code) == "rejected");
    Operation block = f.factory("agent").create("u:agent", f.now += 10, EntityKind::blocking_reason,
                                                {{BlockingReasonField::account, a}, {BlockingReasonField::text, "x"}});
    CHECK(f.push_as("agent", block) == "rejected");
    f.create("manager", EntityKind::reason_code, {{ReasonCodeField::label, "Leak"}}, "leak");
    // A forbidding blocking reason: the server refuses the registration with the reason.
    f.create("manager", EntityKind::blocking_reason, {{BlockingReasonField::account, a},
                                                      {BlockingReasonField::text, "Contract terminated"},
                                                      {BlockingReasonField::mode, "forbid"}});
    Operation refused = f.factory("agent").create_incident("u:agent", f.now += 10,
                                                           {{IncidentField::title, "Call"}, {IncidentField::account, a}});
    auto r = f.push(f.tokens["agent"], Company::replica_of("agent"), {refused});
    CHECK(r.body["results"][0]["code"] == "account_blocked");
    CHECK(r.body["results"][0]["message"].get<std::string>().find("Contract terminated") != std::string::npos);
}

HOTLINE_DB_TEST("a technician syncs only the customer records their incidents need", technician_sees_what_their_incidents_need)
HOTLINE_DB_TEST("who may create and change customer records and reference data", who_may_create_and_change_customer_records)
