// The demo data set (P5) and state_json(), the test driver's view of the screen.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/demo_seed.hpp"
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
    REQUIRE(seed_synthetic(*app, demo_data_path(), 1000, kBaseMs).ok());
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
    CHECK(state["row_count"] == kDemoIncidents);
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
