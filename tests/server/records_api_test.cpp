// GET /records/{kind}/{id} and GET /records/{kind} (server/records_api.hpp), on SQLite and
// PostgreSQL: every kind reads back by its fields' wire names; the search folds case and
// accents, filters by any field, pages with a cursor that meets every record once; a
// technician sees what /pull gives them and nothing else; bad requests are refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "company_fixture.hpp"
#include "core/record_filter.hpp"
#include "server/records_api.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;
using Query = std::map<std::string, std::string>;

namespace {

server::ApiResponse get(Company& f, const std::string& role, const std::string& path, Query query = {}) {
    return f.call("GET", path, "", f.tokens[role], std::move(query));
}

// The ids of a search's page, in order (fails the test unless it was answered).
std::vector<std::string> found(Company& f, const std::string& role, const std::string& kind, Query query = {}) {
    auto r = get(f, role, "/records/" + kind, std::move(query));
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    std::vector<std::string> ids;
    for (const auto& record : r.body["records"]) ids.push_back(record["id"].get<std::string>());
    return ids;
}

std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

// A refusal: its status, its code, and that its message names `mentions`.
void check_refused(const server::ApiResponse& r, int status, const std::string& code, const std::string& mentions) {
    CHECK_MESSAGE(r.status == status, r.body.dump());
    CHECK_MESSAGE(r.body["error"]["code"] == code, r.body.dump());
    CHECK_MESSAGE(r.body["error"]["message"].get<std::string>().find(mentions) != std::string::npos, r.body.dump());
}

// Records made by the agent, the role that keeps customer records.
using Fields = std::vector<std::pair<FieldId, std::string>>;
std::string account(Company& f, const std::string& name, Fields more = {}) {
    more.emplace_back(AccountField::name, name);
    return f.create("agent", EntityKind::account, std::move(more));
}
std::string contact(Company& f, const std::string& account, const std::string& name) {
    return f.create("agent", EntityKind::contact, {{ContactField::account, account}, {ContactField::name, name}});
}
std::string unit(Company& f, const std::string& serial, const std::string& account, Fields more = {}) {
    more.emplace_back(UnitField::serial, serial);
    more.emplace_back(UnitField::account, account);
    return f.create("agent", EntityKind::unit, std::move(more));
}
std::string incident(Company& f, const std::string& title, Fields more = {}) {
    more.emplace_back(IncidentField::title, title);
    return f.create("agent", EntityKind::incident, std::move(more));
}

}  // namespace

TEST_CASE("records API: no field of any kind is named like a search parameter") {
    for (EntityKind kind : kAllEntityKinds)
        for (const FieldSpec& f : fields_of(kind))
            for (std::string_view reserved : {std::string_view("q"), std::string_view("limit"),
                                              std::string_view("cursor"), kStatusCondition})
                CHECK_MESSAGE(f.name != reserved, (std::string(entity_kind_name(kind)) + "." + std::string(f.name)));
}

static void every_kind_reads_back(Backend backend) {
    Company f(backend, "records");
    std::vector<std::pair<EntityKind, std::string>> made;
    auto make = [&](const std::string& role, EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields,
                    std::string key = {}) {
        made.emplace_back(kind, f.create(role, kind, std::move(fields), std::move(key)));
        return made.back().second;
    };
    make("manager", EntityKind::event_type, {{EventTypeField::label, "Site visit"}}, "visit");
    const std::string heating =
        make("manager", EntityKind::department, {{DepartmentField::name, "Heating"}}, "heating");
    make("manager", EntityKind::staff_profile,
         {{StaffProfileField::name, "T. Fletcher"}, {StaffProfileField::department, heating}}, "technician");
    make("manager", EntityKind::reason_code, {{ReasonCodeField::label, "Leak"}}, "leak");
    make("manager", EntityKind::resolution_code, {{ResolutionCodeField::label, "Fixed"}}, "fixed");
    make("manager", EntityKind::priority_code, {{PriorityCodeField::label, "Urgent"}}, "urgent");
    const std::string a = make("agent", EntityKind::account, {{AccountField::name, "Hôtel du Parc"}});
    make("agent", EntityKind::contact, {{ContactField::account, a}, {ContactField::name, "Mme Lefèvre"}});
    const std::string sc =
        make("manager", EntityKind::contract, {{ContractField::account, a}, {ContractField::name, "SC-17"}});
    const std::string u = make("agent", EntityKind::unit,
                               {{UnitField::serial, "VD200-7731"}, {UnitField::account, a}, {UnitField::contract, sc}});
    make("manager", EntityKind::blocking_reason,
         {{BlockingReasonField::account, a}, {BlockingReasonField::text, "Audit"}});
    const std::string i = make("agent", EntityKind::incident,
                               {{IncidentField::title, "No hot water"}, {IncidentField::account, a},
                                {IncidentField::unit, u}, {IncidentField::priority, "2"}});
    const std::string spent = make("agent", EntityKind::time_entry,
                                   {{TimeEntryField::incident, i}, {TimeEntryField::person, "agent"},
                                    {TimeEntryField::minutes, "30"}});
    make("agent", EntityKind::order, {{OrderField::incident, i}, {OrderField::type, "workshop_repair"}});
    const std::string article = make("manager", EntityKind::article,
                                     {{ArticleField::title, "Boiler leaks"}, {ArticleField::reason_code, "leak"}});
    make("agent", EntityKind::article_link, {{ArticleLinkField::incident, i}, {ArticleLinkField::article, article}});
    const std::string office = make("manager", EntityKind::calendar,
                                    {{CalendarField::name, "Office"}, {CalendarField::time_zone, "Europe/Paris"},
                                     {CalendarField::hours, "mon-fri 09:00-17:00"}},
                                    "office");
    make("manager", EntityKind::sla_policy,
         {{SlaPolicyField::name, "High"}, {SlaPolicyField::priority, "2"}, {SlaPolicyField::calendar, office},
          {SlaPolicyField::resolution_minutes, "480"}},
         "high");
    make("manager", EntityKind::routing_rule, {{RoutingRuleField::name, "Leaks"}, {RoutingRuleField::reason, "leak"},
                                               {RoutingRuleField::then_department, heating}},
         "leaks");
    make("manager", EntityKind::queue, {{QueueField::name, "Boilers"}, {QueueField::department, heating}}, "boilers");
    REQUIRE(made.size() == kEntityKindCount);

    for (const auto& [kind, id] : made) {
        CAPTURE(entity_kind_name(kind));
        auto r = get(f, "manager", "/records/" + std::string(entity_kind_name(kind)) + "/" + id);
        REQUIRE_MESSAGE(r.status == 200, r.body.dump());
        const auto& record = r.body["record"];
        CHECK(record["kind"] == entity_kind_name(kind));
        CHECK(record["id"] == id);
        CHECK(record["fields"].size() == field_count(kind));
        for (const FieldSpec& field : fields_of(kind))
            CHECK_MESSAGE(record["fields"].contains(field.name), field.name);
        CHECK(record["created_by"].get<std::string>().starts_with("u:"));
        CHECK(record["created_at"].get<std::int64_t>() > 0);
        CHECK(record["updated_at"].get<std::int64_t>() >= record["created_at"].get<std::int64_t>());
        CHECK(record.contains("number") == kind_spec(kind).numbered);
        CHECK(record.contains("status") == kind_spec(kind).has_workflow);
    }
    const auto account = get(f, "agent", "/records/account/" + a).body["record"];
    CHECK(account["fields"]["name"] == "Hôtel du Parc");
    CHECK(account["fields"]["active"] == true);  // flags are booleans, as in operations
    CHECK(account["fields"]["language"] == "en");
    CHECK(get(f, "agent", "/records/unit/" + u).body["record"]["fields"]["contract"] == sc);  // refs are ids
    const auto inc = get(f, "agent", "/records/incident/" + i).body["record"];
    CHECK(inc["fields"]["priority"] == 2);
    CHECK(inc["fields"]["unit"] == u);
    CHECK(inc["number"].is_number_integer());  // the server renumbered the provisional number
    CHECK(inc["number_aliases"].size() == 1);
    CHECK(inc["status"] == "registered");
    CHECK(get(f, "manager", "/records/staff_profile/technician").body["record"]["fields"]["department"] == heating);
    const auto time = get(f, "agent", "/records/time_entry/" + spent).body["record"]["fields"];
    CHECK(time["minutes"] == 30);  // counts are numbers, as in operations
    CHECK(time["started"].is_null());
}

static void search_folds_case_and_accents(Backend backend) {
    Company f(backend, "records");
    const std::string ecole = account(f, "École Saint-Exupéry");
    const std::string beaux = account(f, "ECOLE DES BEAUX-ARTS");
    const std::string ivanov = account(f, "Иванов и Партнёры");
    const std::string rossi = account(f, "Studio Rossi", {{AccountField::notes, "Boiler in the\nbasement"}});
    auto q = [&](const std::string& text) { return found(f, "agent", "account", {{"q", text}}); };
    CHECK(q("ecole") == std::vector{ecole, beaux});
    CHECK(q("ÉCOLE") == std::vector{ecole, beaux});
    CHECK(q("exupery") == std::vector{ecole});
    CHECK(q("иванов") == std::vector{ivanov});
    CHECK(q("ИВАНОВ") == std::vector{ivanov});
    CHECK(q("партнеры") == std::vector{ivanov});  // ё read as е
    CHECK(q("  rossi ") == std::vector{rossi});    // trimmed
    CHECK(q("basement") == std::vector{rossi});    // long text fields too
    CHECK(q("") == std::vector{ecole, beaux, ivanov, rossi});
    CHECK(q("nowhere").empty());

    // Numbered kinds: the number is searched too.
    const std::string leak = incident(f, "Leak");
    const auto number = get(f, "agent", "/records/incident/" + leak).body["record"]["number"].get<std::int64_t>();
    CHECK(found(f, "agent", "incident", {{"q", std::to_string(number)}}) == std::vector{leak});
}

static void field_filters(Backend backend) {
    Company f(backend, "records");
    const std::string a = account(f, "Hôtel du Parc");
    const std::string b = account(f, "Studio Rossi");
    const std::string a1 = contact(f, a, "Lefèvre");
    contact(f, b, "Rossi");
    const std::string a2 = contact(f, a, "Dupont");
    const std::string u1 = unit(f, "VD200-7731", a);
    const std::string u2 = unit(f, "VD200-8800", b);
    const std::string u3 = unit(f, "HP-4410", b);
    const std::string i1 = incident(f, "Leak", {{IncidentField::account, a}, {IncidentField::engineer, "technician"}});
    const std::string i2 = incident(f, "Noise", {{IncidentField::account, b}, {IncidentField::priority, "1"}});

    CHECK(found(f, "agent", "contact", {{"account", a}}) == std::vector{a1, a2});
    CHECK(found(f, "agent", "unit", {{"account", b}}) == std::vector{u2, u3});
    CHECK(found(f, "agent", "incident", {{"account", a}}) == std::vector{i1});
    CHECK(found(f, "agent", "contact", {{"account", "nowhere:1"}}).empty());
    // Text fields: the folded value begins with the one given.
    CHECK(found(f, "agent", "unit", {{"serial", "vd200"}}) == std::vector{u1, u2});
    CHECK(found(f, "agent", "unit", {{"serial", "VD200-7731"}}) == std::vector{u1});
    CHECK(found(f, "agent", "unit", {{"serial", "7731"}}).empty());
    CHECK(found(f, "agent", "unit", {{"serial", "VD200"}, {"account", b}}) == std::vector{u2});
    CHECK(found(f, "agent", "contact", {{"name", "lefevre"}}) == std::vector{a1});
    // Other fields: exact values; an empty value asks for an empty field.
    CHECK(found(f, "agent", "incident", {{"priority", "1"}}) == std::vector{i2});
    CHECK(found(f, "agent", "incident", {{"engineer", ""}}) == std::vector{i2});
    CHECK(found(f, "agent", "unit", {{"contract", ""}}) == std::vector{u1, u2, u3});
    CHECK(found(f, "agent", "account", {{"active", "true"}}) == std::vector{a, b});
    CHECK(found(f, "agent", "account", {{"active", "false"}}).empty());
    CHECK(found(f, "agent", "incident", {{"status", "registered"}}) == std::vector{i1, i2});
    CHECK(found(f, "agent", "incident", {{"status", "closed"}}).empty());
    CHECK(found(f, "agent", "incident", {{"q", "noise"}, {"account", a}}).empty());
}

static void paging_meets_every_record_once(Backend backend) {
    Company f(backend, "records");
    std::vector<std::string> made;
    for (int i = 0; i < 7; ++i)
        made.push_back(account(f, "Account " + std::to_string(i)));
    std::vector<std::string> seen;
    std::vector<std::size_t> pages;
    std::int64_t cursor = 0;
    for (bool more = true; more;) {
        auto r = get(f, "agent", "/records/account", {{"limit", "3"}, {"cursor", std::to_string(cursor)}});
        REQUIRE(r.status == 200);
        for (const auto& record : r.body["records"]) seen.push_back(record["id"].get<std::string>());
        pages.push_back(r.body["records"].size());
        cursor = r.body["cursor"];
        more = r.body["more"];
        REQUIRE(pages.size() < 10);
    }
    CHECK(seen == made);
    CHECK(pages == std::vector<std::size_t>{3, 3, 1});
    // The last cursor goes on with what is created later.
    const std::string later = account(f, "Account 7");
    CHECK(found(f, "agent", "account", {{"cursor", std::to_string(cursor)}}) == std::vector{later});
    // Paging a search: the cursor skips what does not match.
    auto first = get(f, "agent", "/records/account", {{"q", "account 1"}, {"limit", "1"}});
    CHECK(first.body["records"].size() == 1);
    CHECK(first.body["more"] == false);
    CHECK(found(f, "agent", "account", {{"q", "ACCOUNT"}, {"limit", "200"}}).size() == 8);
}

static void technician_sees_only_what_their_incidents_use(Backend backend) {
    Company f(backend, "records");
    const std::string heating =
        f.create("manager", EntityKind::department, {{DepartmentField::name, "Heating"}}, "heating");
    const std::string a = account(f, "Hôtel du Parc");
    const std::string b = account(f, "Studio Rossi");
    const std::string b_unit = unit(f, "HP-4410", b);
    const std::string mine =
        incident(f, "No hot water", {{IncidentField::engineer, "technician"}, {IncidentField::account, a}});
    const std::string other =
        incident(f, "Printer jammed", {{IncidentField::account, b}, {IncidentField::unit, b_unit}});
    CHECK(get(f, "technician", "/records/account/" + a).status == 200);
    CHECK(get(f, "technician", "/records/incident/" + mine).status == 200);
    CHECK(get(f, "technician", "/records/department/" + heating).status == 200);
    // Not theirs and not there: the same answer.
    const auto hidden = get(f, "technician", "/records/account/" + b);
    const auto missing = get(f, "technician", "/records/account/nowhere:1");
    check_refused(hidden, 404, "no_such_record", "account");
    CHECK(hidden.body == missing.body);
    CHECK(get(f, "technician", "/records/unit/" + b_unit).status == 404);
    CHECK(get(f, "technician", "/records/incident/" + other).status == 404);
    CHECK(get(f, "agent", "/records/account/" + b).status == 200);

    CHECK(found(f, "technician", "account") == std::vector{a});
    CHECK(found(f, "technician", "incident") == std::vector{mine});
    CHECK(found(f, "technician", "unit").empty());
    CHECK(found(f, "technician", "incident", {{"account", b}}).empty());
    CHECK(found(f, "technician", "account", {{"q", "rossi"}}).empty());
    CHECK(found(f, "technician", "department") == std::vector{heating});
    CHECK(sorted(found(f, "agent", "account")) == sorted({a, b}));
}

static void bad_requests_are_refused(Backend backend) {
    Company f(backend, "records");
    const std::string a = account(f, "Acme");
    auto list = [&](const std::string& kind, Query query) {
        return get(f, "agent", "/records/" + kind, std::move(query));
    };
    check_refused(list("account", {{"limit", "0"}}), 400, "bad_query", "limit");
    const std::string over = std::to_string(server::kRecordsMaxLimit + 1);
    check_refused(list("account", {{"limit", over}}), 400, "bad_query", "limit");
    check_refused(list("account", {{"limit", "ten"}}), 400, "bad_query", "limit");
    check_refused(list("account", {{"cursor", "-1"}}), 400, "bad_query", "cursor");
    check_refused(list("account", {{"colour", "red"}}), 400, "bad_query", "colour");
    check_refused(list("account", {{"status", "registered"}}), 400, "bad_query", "status");  // accounts have none
    check_refused(list("incident", {{"status", "done"}}), 400, "bad_query", "status");
    check_refused(list("incident", {{"priority", "9"}}), 400, "bad_query", "priority");
    check_refused(list("contact", {{"account", "not an id"}}), 400, "bad_query", "account");
    check_refused(list("account", {{"active", "yes"}}), 400, "bad_query", "active");
    check_refused(list("account", {{"q", "\xc3"}}), 400, "bad_query", "q");
    check_refused(get(f, "agent", "/records/account/" + a, {{"fields", "name"}}), 400, "bad_query", "fields");
    check_refused(list("customer", {}), 404, "no_such_kind", "customer");
    check_refused(get(f, "agent", "/records/customer/" + a), 404, "no_such_kind", "customer");
    check_refused(get(f, "agent", "/records/account/" + a + "/name"), 404, "no_such_record", "account");
    check_refused(get(f, "agent", "/records/"), 404, "no_such_kind", "incident");
    CHECK(f.call("POST", "/records/account", "{}", f.tokens["agent"]).status == 405);
    CHECK(f.call("GET", "/records/account").status == 401);
    CHECK(f.call("GET", "/records/account/" + a).status == 401);
    CHECK(list("account", {}).status == 200);
}

HOTLINE_DB_TEST("records API: every kind reads back by its fields' wire names", every_kind_reads_back)
HOTLINE_DB_TEST("records API: the search folds case and accents", search_folds_case_and_accents)
HOTLINE_DB_TEST("records API: filters on any field", field_filters)
HOTLINE_DB_TEST("records API: paging meets every record once", paging_meets_every_record_once)
HOTLINE_DB_TEST("records API: a technician sees only what their incidents use",
                technician_sees_only_what_their_incidents_use)
HOTLINE_DB_TEST("records API: bad requests are refused", bad_requests_are_refused)
