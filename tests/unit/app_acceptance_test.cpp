// The customer's answer through the App (app_work.cpp, W6): a refusal keeps what was typed
// and changes nothing; the rating closes the incident and leaves no unsaved Summary edit; a
// rejection's reason is on the timeline. What the server did reads as "system" (W7).
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/display.hpp"
#include "app/incident_rows.hpp"
#include "app_test_support.hpp"
#include "core/event_types.hpp"
#include "protocol/push_messages.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

namespace {

// A new incident, open, with its problem and solution filled in and Solved.
std::uint32_t open_solved_incident(App& app) {
    app.start_create();
    app.create_draft().value(IncidentField::title) = "Boiler leaks";
    app.create_draft().value(IncidentField::actual_problem) = "Worn gasket";
    app.create_draft().value(IncidentField::actual_solution) = "Gasket replaced";
    REQUIRE_MESSAGE(app.save_create(kBaseMs + 1000), app.message().text);
    REQUIRE(app.change_status(IncidentStatus::in_progress, kBaseMs + 2000));
    REQUIRE_MESSAGE(app.change_status(IncidentStatus::solved, kBaseMs + 3000), app.message().text);
    return *app.editor().row();
}

}  // namespace

TEST_CASE("app: the customer accepts, then the rating closes the incident; a refusal keeps the comment") {
    auto dir = fresh_dir("app-accept");
    auto app = open_app(dir);
    const std::uint32_t row = open_solved_incident(*app);
    const Incident& inc = app->list().incident(row);
    REQUIRE_MESSAGE(app->accept_solution(kBaseMs + 4000), app->message().text);
    CHECK(inc.status == IncidentStatus::accepted);

    app->acceptance().comment() = "Quick and clean";
    CHECK_FALSE(app->rate_and_close(kBaseMs + 5000));
    CHECK(app->message().code == "missing_rating");
    CHECK(app->acceptance().comment() == "Quick and clean");  // nothing typed is lost
    CHECK(inc.status == IncidentStatus::accepted);

    app->acceptance().rating() = "5";
    REQUIRE_MESSAGE(app->rate_and_close(kBaseMs + 5000), app->message().text);
    CHECK(inc.status == IncidentStatus::closed);
    CHECK(inc.value(IncidentField::satisfaction) == "5");
    CHECK(inc.value(IncidentField::satisfaction_comment) == "Quick and clean");
    CHECK_FALSE(app->editor().has_unsaved_edits());  // the Summary's draft follows the rating
    CHECK(app->acceptance().comment().empty());
}

TEST_CASE("app: a rejection needs the reason, which lands on the timeline; then In progress") {
    auto dir = fresh_dir("app-reject");
    auto app = open_app(dir);
    const std::uint32_t row = open_solved_incident(*app);
    const Incident& inc = app->list().incident(row);
    CHECK_FALSE(app->reject_solution(kBaseMs + 4000));
    CHECK(app->message().code == "missing_rejection_reason");
    CHECK(app->message().error);
    app->acceptance().reason() = "Still leaks at night";
    REQUIRE_MESSAGE(app->reject_solution(kBaseMs + 4000), app->message().text);
    CHECK(inc.status == IncidentStatus::in_progress);
    const auto rows = timeline_rows(app->desk(), inc, 0);
    CHECK(std::any_of(rows.begin(), rows.end(), [](const TimelineRow& r) {
        return r.type == "Solution rejected" && r.text == "Still leaks at night";
    }));
    CHECK_FALSE(app->close_on_request(kBaseMs + 5000));  // In progress may not close
    CHECK(app->message().code == "transition_not_allowed");
}

TEST_CASE("app: the server's own changes are by \"system\" on the timeline and in the log; people without a profile by login") {
    const Desk desk;
    CHECK(author_of(desk, protocol::kServerActor).name == "system");
    CHECK(author_of(desk, protocol::kServerActor).login.empty());
    CHECK(author_of(desk, "u:ivanova").name == "ivanova");
    CHECK(author_of(desk, "u:ivanova").login.empty());
}
