// The demo data set (P5) and state_json(), the test driver's view of the screen.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/demo_records.hpp"
#include "app/demo_seed.hpp"
#include "app/incident_rows.hpp"
#include "app/unit_lookup.hpp"
#include "core/entity_rules.hpp"
#include "app_test_support.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

TEST_CASE("demo: the data set parses and covers four languages") {
    auto data = load_demo_data(demo_data_path());
    REQUIRE_MESSAGE(data.ok(), (data.ok() ? "" : data.error().message));
    CHECK(data->customers.size() >= 40);
    for (const char* lang : {"en", "fr", "ru", "it"}) {
        CHECK(std::count_if(data->customers.begin(), data->customers.end(),
                            [&](const DemoCustomer& c) { return c.lang == lang; }) >= 10);
        CHECK(data->phrases.count(lang) == 1);
    }
    CHECK(parse_demo_data("{}").error().message == "demo data: agents: expected a non-empty array");
    CHECK_FALSE(parse_demo_data("not json").ok());
}

TEST_CASE("demo: an empty replica is seeded with the same incidents every time, through real operations") {
    auto first = open_app(fresh_dir("demo-a"), demo_data_path());
    auto second = open_app(fresh_dir("demo-b"), demo_data_path());
    REQUIRE(first->message().text.empty());
    const Desk& desk = first->desk();
    CHECK(desk.incidents().size() == kDemoIncidents);
    CHECK(render_desk_full(desk) == render_desk_full(second->desk()));
    CHECK(first->is_demo());

    // Varied statuses, reached by transitions that passed the guards.
    int by_status[kStatusCount] = {};
    for (const Incident& inc : desk.incidents()) {
        ++by_status[static_cast<int>(inc.status)];
        CHECK(inc.number.is_final());
        CHECK_FALSE(inc.events.empty());
        if (inc.status == IncidentStatus::solved || inc.status == IncidentStatus::accepted) {
            CHECK_FALSE(inc.value(IncidentField::actual_problem).empty());
            CHECK_FALSE(inc.value(IncidentField::actual_solution).empty());
        }
        CHECK(inc.updated_ms <= kBaseMs);
    }
    for (int s = 0; s < kStatusCount; ++s) CHECK_MESSAGE(by_status[s] > 0, "no demo incident is " << status_name(static_cast<IncidentStatus>(s)));
}

TEST_CASE("demo: a service company of accounts, contacts, units, contracts and reference data, which the incidents refer to") {
    auto app = open_app(fresh_dir("demo-records"), demo_data_path());
    const Desk& desk = app->desk();
    CHECK(desk.entities(EntityKind::account).size() == kDemoAccounts);
    CHECK(desk.entities(EntityKind::contact).size() == kDemoContacts);
    CHECK(desk.entities(EntityKind::unit).size() == kDemoUnits);
    CHECK(desk.entities(EntityKind::contract).size() >= 20);
    CHECK(desk.entities(EntityKind::department).size() >= 4);
    CHECK(desk.entities(EntityKind::staff_profile).size() == 12);
    CHECK(desk.entities(EntityKind::reason_code).size() >= 10);
    CHECK(desk.entities(EntityKind::resolution_code).size() >= 10);
    std::map<std::string, int> modes, languages;
    for (const Entity& b : desk.entities(EntityKind::blocking_reason)) ++modes[std::string(b.value(BlockingReasonField::mode))];
    CHECK(modes == std::map<std::string, int>{{"forbid", 1}, {"warn", 1}});
    for (const Entity& a : desk.entities(EntityKind::account)) ++languages[std::string(a.value(AccountField::language))];
    CHECK(languages.size() == 4);

    // Mixed warranty and contract states on the seeding day.
    int in_warranty = 0, expired = 0, covered = 0, ended = 0, bare = 0;
    const std::string today = utc_date(kBaseMs);
    for (const Entity& u : desk.entities(EntityKind::unit)) {
        UnitCoverage c = unit_coverage(desk, u, today);
        (c.in_warranty ? in_warranty : expired) += 1;
        (c.contract ? (c.contract_in_force ? covered : ended) : bare) += 1;
    }
    CHECK(in_warranty > 150);
    CHECK(expired > 150);
    CHECK(covered > 100);
    CHECK(ended > 20);
    CHECK(bare > 150);

    // Every incident refers to an account, contact and unit, with the snapshot taken from them.
    for (const Incident& inc : desk.incidents()) {
        const Entity* account = desk.find(EntityKind::account, inc.value(IncidentField::account));
        const Entity* contact = desk.find(EntityKind::contact, inc.value(IncidentField::contact));
        const Entity* unit = desk.find(EntityKind::unit, inc.value(IncidentField::unit));
        REQUIRE((account && contact && unit));
        CHECK(inc.value(IncidentField::customer_name) == account->value(AccountField::name));
        CHECK(inc.value(IncidentField::customer_contact) == contact->value(ContactField::name));
        CHECK(contact->value(ContactField::account) == account->id);
        CHECK(inc.value(IncidentField::unit_serial) == unit->value(UnitField::serial));
        CHECK(unit->value(UnitField::account) == account->id);
        // Assigned by login (a technician sees the incidents whose engineer is their login).
        const std::string_view engineer = inc.value(IncidentField::engineer);
        if (!engineer.empty()) CHECK(desk.find(EntityKind::staff_profile, engineer) != nullptr);
    }
    // Half the staff work in the field (technicians on the demo server): urgent incidents offer them first.
    std::size_t field = 0;
    for (const Entity& profile : desk.entities(EntityKind::staff_profile))
        field += profile.flag(StaffProfileField::field_technician) ? 1 : 0;
    CHECK(field * 2 == desk.entities(EntityKind::staff_profile).size());
    CHECK(desk.find(EntityKind::staff_profile, "tfletcher")->flag(StaffProfileField::field_technician));
    // The lookup finds the demo's people in every language.
    CHECK_FALSE(app->registration().customers().find("север").empty());
    CHECK_FALSE(app->registration().customers().find("lefevre").empty());
}

TEST_CASE("demo: every operation the server seeds applies in order on an empty desk") {
    auto data = load_demo_data(demo_data_path());
    REQUIRE(data.ok());
    OpFactory factory("demo");
    factory.numbers().add_block({1, 1000});
    auto ops = demo_operations(*data, 200, kBaseMs, 7, factory);
    REQUIRE_MESSAGE(ops.ok(), (ops.ok() ? "" : ops.error().message));
    Desk desk;
    for (const Operation& op : *ops) {
        ApplyResult applied = desk.apply(op);
        REQUIRE_MESSAGE(applied.kind == ApplyKind::applied, op.entity_id << ": " << applied.error.message);
    }
    CHECK(desk.entities(EntityKind::account).size() == kDemoAccounts);
    CHECK(desk.incidents().size() == 200);
}

TEST_CASE("demo: the seeded replica reopens as it was, still a demo, and is not seeded twice") {
    auto dir = fresh_dir("demo-reopen");
    std::string before;
    {
        auto app = open_app(dir, demo_data_path());
        before = render_desk_full(app->desk());
    }
    auto app = open_app(dir, demo_data_path(), kBaseMs + 86'400'000);
    CHECK(app->is_demo());
    CHECK(render_desk_full(app->desk()) == before);
    auto plain = open_app(fresh_dir("demo-none"));
    CHECK_FALSE(plain->is_demo());
    CHECK(plain->desk().incidents().empty());
}

TEST_CASE("demo: a missing data set opens an empty desk and says why") {
    auto app = open_app(fresh_dir("demo-missing"), "/nonexistent/demo.json");
    CHECK(app->desk().incidents().empty());
    CHECK(app->message().error);
    CHECK(app->message().text.rfind("The demo data could not be loaded: ", 0) == 0);
}

TEST_CASE("synthetic incidents for benchmarks are added through the same operations") {
    auto app = open_app(fresh_dir("synthetic"));
    auto seeded = seed_synthetic(*app, demo_data_path(), 1000, kBaseMs);
    REQUIRE_MESSAGE(seeded.ok(), (seeded.ok() ? "" : seeded.error().message));
    CHECK(app->desk().incidents().size() == 1000);
    CHECK(app->list().total() == 1000);
    CHECK_FALSE(app->is_demo());
}

TEST_CASE("state_json: what the screen shows") {
    auto app = open_app(fresh_dir("state-json"), demo_data_path());
    auto state = nlohmann::json::parse(app->state_json());
    CHECK(state["screen"] == "list");
    CHECK(state["theme"] == "light");
    CHECK(state["demo"] == true);
    CHECK(state["saving"] == true);  // the seeded snapshot is not durable until the platform says so
    const auto archived = std::count_if(app->desk().incidents().begin(), app->desk().incidents().end(),
                                        [](const Incident& i) { return i.status == IncidentStatus::archived; });
    CHECK(archived > 0);
    CHECK(state["row_count"] == kDemoIncidents - archived);  // W10: the archive is out of the default list
    CHECK(state["total"] == kDemoIncidents);
    CHECK(state["rows"].size() == 50);
    CHECK(state["rows"][0]["number"] == std::to_string(kDemoIncidents));  // newest first
    for (const char* key : {"number", "title", "customer", "priority", "status", "assignee", "updated"})
        CHECK(state["rows"][0].contains(key));
    CHECK(state["selected"].is_null());

    REQUIRE(app->open_incident(app->list().rows()[3]));
    app->set_tab(DetailTab::log);
    app->mark_durable(app->changes_written());
    state = nlohmann::json::parse(app->state_json());
    CHECK(state["screen"] == "detail");
    CHECK(state["tab"] == "log");
    CHECK(state["saving"] == false);
    const auto& selected = state["selected"];
    CHECK(selected["number"] == state["rows"][3]["number"]);
    CHECK(selected["title"] == state["rows"][3]["title"]);
    CHECK(selected["fields"]["title"] == selected["title"]);
    CHECK(selected["fields"].size() == field_count(EntityKind::incident));
    CHECK(selected["events"].size() >= 1);
    CHECK(selected["log"].size() >= 1);
    for (const char* key : {"time", "field", "author", "old", "new", "superseded"}) CHECK(selected["log"][0].contains(key));
    CHECK(selected["unsaved"] == false);
    CHECK(selected.contains("actions"));

    app->start_create();
    CHECK_FALSE(app->save_create(kBaseMs + 1000));
    state = nlohmann::json::parse(app->state_json());
    CHECK(state["screen"] == "create");
    CHECK(state["message"] == "Fix the fields marked in red");
    CHECK(state["create"]["errors"]["title"] == "An incident needs a title");
}

TEST_CASE("demo: the timeline and the log show people with a staff profile by name, their login kept for a hover") {
    auto app = open_app(fresh_dir("demo-authors"), demo_data_path());
    const Desk& desk = app->desk();
    std::size_t named = 0, by_login = 0;
    auto check = [&](const std::string& author, const std::string& login) {
        if (login.empty()) {
            ++by_login;
            CHECK(desk.find(EntityKind::staff_profile, author) == nullptr);  // no profile: the login itself
            return;
        }
        ++named;
        const Entity* profile = desk.find(EntityKind::staff_profile, login);
        REQUIRE(profile != nullptr);
        CHECK(author == profile->value(StaffProfileField::name));
        CHECK(author != login);
    };
    for (const Incident& inc : desk.incidents()) {
        for (const TimelineRow& r : timeline_rows(desk, inc, 0)) check(r.author, r.author_login);
        for (const LogRow& r : log_rows(desk, inc, 0)) check(r.author, r.author_login);
    }
    CHECK(named > 0);     // the engineers' changes: "Tom Fletcher", not "tfletcher"
    CHECK(by_login > 0);  // the agents have no profile in the demo
}
