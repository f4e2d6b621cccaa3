// App commands (app/app.hpp): registering, editing, events, status changes and
// what they leave on disk.
#include <doctest/doctest.h>

#include <cstdio>

#include "app/app.hpp"
#include "app_test_support.hpp"
#include "store/replica_store.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

namespace {

// Registers an incident through the quick form and returns its row.
std::uint32_t register_incident(App& app, const std::string& title, std::int64_t now = kBaseMs + 1000) {
    app.start_create();
    app.create_draft().value(IncidentField::title) = title;
    app.create_draft().value(IncidentField::customer_name) = "Boulangerie Lefèvre";
    app.create_draft().value(IncidentField::customer_phone) = "+33 4 78 60 12 34";
    app.create_draft().value(IncidentField::priority) = "2";
    REQUIRE_MESSAGE(app.save_create(now), app.message().text);
    return *app.list().selected();
}

std::size_t log_operations(const std::string& dir) {
    auto opened = store::ReplicaStore::open(dir, "other");
    REQUIRE(opened.ok());
    return opened->log.size();
}

}  // namespace

TEST_CASE("app: a new incident gets its number at once, is selected and open, and persists") {
    auto dir = fresh_dir("app-create");
    std::string number;
    {
        auto app = open_app(dir);
        std::uint32_t row = register_incident(*app, "Machine à café en panne");
        const Incident& inc = app->list().incident(row);
        number = inc.number.display();
        CHECK(inc.number.is_final());
        CHECK(number == "1");  // the replica's own block starts at 1
        CHECK(app->screen() == Screen::detail);
        CHECK(app->editor().row() == row);
        CHECK(app->message().text == "Incident 1 registered");
        CHECK_FALSE(app->message().error);
        CHECK(app->has_unsaved_changes());  // written, not yet made durable by the platform
        app->mark_durable(app->changes_written());
        CHECK_FALSE(app->has_unsaved_changes());
        CHECK(register_incident(*app, "Second") != row);
        CHECK(app->list().incident(*app->list().selected()).number.display() == "2");
    }
    auto app = open_app(dir);
    REQUIRE(app->list().total() == 2);
    app->list().set_query("машина");  // not there
    CHECK(app->list().rows().empty());
    app->list().set_query("CAFÉ");
    REQUIRE(app->list().rows().size() == 1);
    CHECK(app->list().incident(app->list().rows()[0]).number.display() == number);
    CHECK(register_incident(*app, "Third after reopening") == 2);
    CHECK(app->list().incident(2).number.display() == "3");
}

TEST_CASE("app: a refused form changes nothing and burns no counter or number") {
    auto dir = fresh_dir("app-refused");
    auto app = open_app(dir);
    const auto written = app->changes_written();
    app->start_create();
    app->create_draft().value(IncidentField::title) = "   ";
    app->create_draft().value(IncidentField::unit_warranty_end) = "2026-02-30";
    CHECK_FALSE(app->save_create(kBaseMs));
    CHECK(app->message().error);
    CHECK(app->message().text == "Fix the fields marked in red");
    CHECK(app->create_draft().error(IncidentField::title) == "An incident needs a title");
    CHECK(app->create_draft().error(IncidentField::unit_warranty_end) == "'Warranty end' must be a date YYYY-MM-DD");
    CHECK(app->changes_written() == written);
    CHECK(app->desk().incidents().empty());
    CHECK(app->screen() == Screen::create);

    // The next incident still gets the first number and the first operation id.
    app->create_draft().value(IncidentField::unit_warranty_end) = "2026-02-28";
    std::uint32_t row = register_incident(*app, "Now with a title");
    CHECK(app->list().incident(row).number.display() == "1");
    CHECK(app->list().incident(row).id == "web1:1");
    CHECK(log_operations(dir) == 1);
}

TEST_CASE("app: a refused operation restores the op factory (nothing burnt)") {
    auto dir = fresh_dir("app-refused-op");
    auto app = open_app(dir);
    std::uint32_t row = register_incident(*app, "Printer jammed");
    const std::string id = app->list().incident(row).id;
    // The core refuses an unknown event type: the factory must hand out the same id next time.
    app->editor().event_type() = "no_such_type";
    app->editor().event_text() = "Called";
    CHECK_FALSE(app->add_event(kBaseMs + 2000));
    CHECK(app->message().text == "Event type 'no_such_type' is not defined");
    app->editor().event_type() = "call_out";
    REQUIRE(app->add_event(kBaseMs + 3000));
    CHECK(app->list().incident(row).events[0].id == "web1:2");
    CHECK(log_operations(dir) == 2);
}

TEST_CASE("app: W5 - Solved is refused without an actual solution, and nothing changes") {
    auto dir = fresh_dir("app-w5");
    auto app = open_app(dir);
    std::uint32_t row = register_incident(*app, "No heating");
    REQUIRE(app->change_status(IncidentStatus::in_progress, kBaseMs + 2000));
    CHECK(app->message().text == "Status changed to In progress");

    app->editor().draft().value(IncidentField::actual_problem) = "Ignition electrode worn";
    const auto written = app->changes_written();
    CHECK_FALSE(app->change_status(IncidentStatus::solved, kBaseMs + 3000));
    CHECK(app->message().error);
    CHECK(app->message().text == "Cannot mark as Solved: fill in 'Actual solution' first");
    CHECK(app->message().code == "guard_actual_solution");  // the UI takes the user to that field
    CHECK(app->changes_written() == written);
    const Incident& inc = app->list().incident(row);
    CHECK(inc.status == IncidentStatus::in_progress);
    CHECK(inc.value(IncidentField::actual_problem).empty());  // the unsaved edit was not saved either
    CHECK(app->editor().has_unsaved_edits());

    // Filled in: the edits are saved, then the status changes.
    app->editor().draft().value(IncidentField::actual_solution) = "Replaced the electrode";
    REQUIRE(app->change_status(IncidentStatus::solved, kBaseMs + 4000));
    CHECK(inc.status == IncidentStatus::solved);
    CHECK(inc.value(IncidentField::actual_solution) == "Replaced the electrode");
    CHECK_FALSE(app->editor().has_unsaved_edits());
}

TEST_CASE("app: Summary save writes one set per changed field; the log shows old and new values") {
    auto dir = fresh_dir("app-summary");
    auto app = open_app(dir);
    std::uint32_t row = register_incident(*app, "Printer jammed");
    Draft& draft = app->editor().draft();
    draft.value(IncidentField::title) = "Printer jammed in tray 2  ";  // trimmed on save
    draft.value(IncidentField::engineer) = "Иван Петров";
    draft.value(IncidentField::priority) = "1";
    REQUIRE(app->save_summary(kBaseMs + 5000));
    CHECK(app->message().text == "Saved");
    CHECK(log_operations(dir) == 4);  // create + three sets
    CHECK(app->list().incident(row).value(IncidentField::title) == "Printer jammed in tray 2");

    CHECK_FALSE(app->save_summary(kBaseMs + 6000));
    CHECK(app->message().text == "There are no changes to save");

    const auto& log = app->editor().transaction_log();
    REQUIRE(log.size() >= 3);
    // The changes come in field order: title, priority, engineer.
    const LogRow& priority = log[log.size() - 2];
    CHECK(priority.field == "Priority");
    CHECK(priority.old_value == "High");
    CHECK(priority.new_value == "Critical");
    CHECK(priority.author == "tester");
    CHECK(priority.time == "2025-11-24 16:00");
    CHECK_FALSE(priority.superseded);
    CHECK(log.back().field == "Engineer");
    CHECK(log.back().old_value.empty());
    CHECK(log.back().new_value == "Иван Петров");
    auto titled = std::find_if(log.begin(), log.end(), [](const LogRow& r) { return r.field == "Title" && !r.old_value.empty(); });
    REQUIRE(titled != log.end());
    CHECK(titled->old_value == "Printer jammed");
    CHECK(titled->new_value == "Printer jammed in tray 2");
}

TEST_CASE("app: the timeline lists events in order with type, author and text; the log names them") {
    auto dir = fresh_dir("app-timeline");
    auto app = open_app(dir);
    register_incident(*app, "Fuite d'eau");
    app->editor().event_type() = "call_in";
    app->editor().event_text() = "La cliente rappelle";
    REQUIRE(app->add_event(kBaseMs + 60'000));
    CHECK(app->editor().event_text().empty());
    app->editor().event_type() = "note";
    app->editor().event_text() = "   ";
    CHECK_FALSE(app->add_event(kBaseMs + 61'000));
    CHECK(app->message().text == "Write the event text first");
    app->editor().event_text() = "Pièce commandée";
    REQUIRE(app->add_event(kBaseMs + 120'000));

    const auto& timeline = app->editor().timeline();
    REQUIRE(timeline.size() == 2);
    CHECK(timeline[0].type == "Incoming call");
    CHECK(timeline[0].text == "La cliente rappelle");
    CHECK(timeline[0].author == "tester");
    CHECK(timeline[0].time == "2025-11-24 16:01");
    CHECK(timeline[1].type == "Note");
    CHECK(timeline[1].text == "Pièce commandée");
    const auto& log = app->editor().transaction_log();
    CHECK(log.back().field == "Event: Note");
    CHECK(log.back().new_value == "Pièce commandée");
}

TEST_CASE("app: moving away from unsaved Summary edits is refused; Escape asks, then discards and closes") {
    auto dir = fresh_dir("app-unsaved");
    auto app = open_app(dir);
    std::uint32_t first = register_incident(*app, "First");
    std::uint32_t second = register_incident(*app, "Second");
    REQUIRE(app->open_incident(first));
    app->editor().draft().value(IncidentField::title) = "First, edited";
    CHECK_FALSE(app->select(second));
    CHECK(app->message().text == "Save or discard the changes to incident 1 first");
    CHECK(app->list().selected() == first);
    app->cancel();  // Escape: nothing is lost, the question is asked
    CHECK(app->leave_asked());
    CHECK(app->screen() == Screen::detail);
    CHECK_FALSE(app->answer_leave(LeaveChoice::keep_editing, kBaseMs));
    CHECK_FALSE(app->leave_asked());
    CHECK(app->editor().draft().value(IncidentField::title) == "First, edited");
    app->cancel();
    REQUIRE(app->answer_leave(LeaveChoice::discard, kBaseMs));
    CHECK(app->message().text == "Changes discarded");
    CHECK(app->screen() == Screen::list);
    REQUIRE(app->open_incident(first));
    CHECK(app->editor().draft().value(IncidentField::title) == "First");
    REQUIRE(app->move_selection(-1));  // newest first: the second incident is above
    CHECK(app->editor().row() == second);
    app->cancel();  // nothing to lose: closes at once
    CHECK_FALSE(app->leave_asked());
    CHECK(app->screen() == Screen::list);
    CHECK(app->list().selected() == second);
}

TEST_CASE("app: leaving with changes and saving: the Summary edits and the typed event are saved") {
    auto dir = fresh_dir("app-leave-save");
    auto app = open_app(dir);
    std::uint32_t row = register_incident(*app, "Pump");
    REQUIRE(app->open_incident(row));
    app->editor().draft().value(IncidentField::title) = "Pump leaks";
    app->editor().event_text() = "Called back";
    app->cancel();
    REQUIRE(app->leave_asked());
    REQUIRE(app->answer_leave(LeaveChoice::save, kBaseMs + 1000));
    CHECK(app->screen() == Screen::list);
    CHECK(app->list().incident(row).value(IncidentField::title) == "Pump leaks");
    REQUIRE(app->open_incident(row));
    CHECK(app->editor().timeline().back().text == "Called back");
}

TEST_CASE("app: the new-incident draft is kept to come back to; a blank form closes at once") {
    auto dir = fresh_dir("app-create-draft");
    auto app = open_app(dir);
    app->start_create();
    app->cancel();
    CHECK(app->screen() == Screen::list);
    app->start_create();
    app->create_draft().value(IncidentField::title) = "Half typed";
    app->cancel();
    CHECK(app->leave_asked());
    CHECK(app->screen() == Screen::create);
    app->answer_leave(LeaveChoice::keep_editing, kBaseMs);
    app->show_settings();  // away without Escape: the draft stays
    app->start_create();
    CHECK(app->create_draft().value(IncidentField::title) == "Half typed");
}

TEST_CASE("app: an event submitted twice within a moment is added once") {
    auto dir = fresh_dir("app-event-repeat");
    auto app = open_app(dir);
    std::uint32_t row = register_incident(*app, "Boiler");
    REQUIRE(app->open_incident(row));
    const auto events = [&] { return app->editor().timeline().size(); };
    const std::size_t before = events();
    app->editor().event_text() = "Parts ordered";
    REQUIRE(app->add_event(kBaseMs + 1000));
    CHECK(app->editor().event_text().empty());
    app->editor().event_text() = "Parts ordered";
    CHECK_FALSE(app->add_event(kBaseMs + 1000 + app::IncidentEditor::kRepeatWindowMs - 1));
    CHECK(app->message().code == "event_repeated");
    CHECK(events() == before + 1);
    REQUIRE(app->add_event(kBaseMs + 1000 + app::IncidentEditor::kRepeatWindowMs));
    CHECK(events() == before + 2);
}

TEST_CASE("app: go to an incident by its number") {
    auto dir = fresh_dir("app-open-number");
    auto app = open_app(dir);
    register_incident(*app, "First");
    std::uint32_t second = register_incident(*app, "Second");
    const std::string number = app->list().incident(second).number.display();
    REQUIRE(app->open_number(" #" + number + " "));
    CHECK(app->screen() == Screen::detail);
    CHECK(app->editor().row() == second);
    CHECK_FALSE(app->open_number("99999"));
    CHECK(app->message().code == "unknown_number");
}

TEST_CASE("app: archived incidents are read-only, out of the default list, opened by number but not a technician's") {
    auto dir = fresh_dir("app-archived");
    {
        auto app = open_app(dir);
        register_incident(*app, "Old");
        REQUIRE(app->change_status(IncidentStatus::closed, kBaseMs + 2000));
        REQUIRE(app->change_status(IncidentStatus::archived, kBaseMs + 3000));
        CHECK_FALSE(app->editor().editable());
        app->editor().draft().value(IncidentField::title) = "Changed";
        CHECK_FALSE(app->save_summary(kBaseMs + 4000));
        CHECK(app->message().text == "Incident 1 is archived and can no longer be changed");
        CHECK(app->list().rows().empty());  // W10: out of the default list
        CHECK(app->list().total() == 1);
        CHECK(app->open_number("1"));  // still found by number
        CHECK(app->editor().incident()->status == IncidentStatus::archived);
    }
    auto technician = open_app(dir, {}, kBaseMs, Role::technician);
    technician->list().set_query("Old");
    CHECK(technician->list().rows().empty());
    CHECK_FALSE(technician->open_number("1"));
    CHECK(technician->message().code == "unknown_number");
}

TEST_CASE("app: an incident handed over to someone else leaves the technician's list and is read-only for them") {
    auto dir = fresh_dir("app-handed-over");
    const auto as_agent = [&] { return open_app(dir, {}, kBaseMs, Role::agent, "u:agent"); };
    {
        auto agent = as_agent();
        register_incident(*agent, "Boiler leaks");
        agent->editor().draft().value(IncidentField::engineer) = "tester";
        REQUIRE(agent->save_summary(kBaseMs + 2000));
    }
    {
        auto technician = open_app(dir, {}, kBaseMs, Role::technician);
        CHECK(technician->list().rows().size() == 1);
        REQUIRE(technician->open_number("1"));
        CHECK(technician->editor().editable());
    }
    {
        auto agent = as_agent();
        REQUIRE(agent->open_number("1"));
        agent->editor().draft().value(IncidentField::engineer) = "someone";
        REQUIRE(agent->save_summary(kBaseMs + 3000));
    }
    auto technician = open_app(dir, {}, kBaseMs, Role::technician);
    CHECK(technician->list().rows().empty());
    CHECK_FALSE(technician->open_number("1"));
    CHECK(technician->message().code == "handed_over");
    CHECK(technician->message().text == "Incident 1 was handed over to someone else");
    // Opened as it was before the hand-over arrived: read-only, a change refused with the reason.
    REQUIRE(technician->open_incident(0));
    CHECK_FALSE(technician->editor().editable());
    technician->editor().draft().value(IncidentField::actual_problem) = "Gasket worn";
    CHECK_FALSE(technician->save_summary(kBaseMs + 4000));
    CHECK(technician->message().code == "handed_over");
    CHECK(technician->editor().draft().value(IncidentField::actual_problem) == "Gasket worn");  // kept in the form
}

TEST_CASE("app: the theme is kept in the replica's metadata") {
    auto dir = fresh_dir("app-theme");
    {
        auto app = open_app(dir);
        CHECK_FALSE(app->dark_theme());
        app->set_dark_theme(true);
    }
    CHECK(open_app(dir)->dark_theme());
}

TEST_CASE("app: the text size steps through the offered sizes and is kept in the replica's metadata") {
    auto dir = fresh_dir("app-text-size");
    {
        auto app = open_app(dir);
        CHECK(app->text_size() == 100);
        app->step_text_size(+1);
        app->step_text_size(+1);
        CHECK(app->text_size() == 130);
    }
    auto app = open_app(dir);
    CHECK(app->text_size() == 130);
    for (int i = 0; i < 10; ++i) app->step_text_size(+1);
    CHECK(app->text_size() == 200);  // the largest offered, not beyond
    for (int i = 0; i < 10; ++i) app->step_text_size(-1);
    CHECK(app->text_size() == 85);
}

TEST_CASE("app: a text size this version does not offer opens at the default size") {
    auto dir = fresh_dir("app-text-size-odd");
    for (const nlohmann::json& stored : {nlohmann::json(1000), nlohmann::json("150"), nlohmann::json(-5)}) {
        {
            auto app = open_app(dir);
            app->replica().extra()["text_size"] = stored;
            REQUIRE(app->replica().save_meta().ok());
        }
        CHECK(open_app(dir)->text_size() == 100);
    }
}

TEST_CASE("app: damage found while loading is reported, and the intact data is there") {
    auto dir = fresh_dir("app-damaged");
    {
        auto app = open_app(dir);
        register_incident(*app, "Kept");
    }
    {
        std::FILE* log = std::fopen((dir + "/" + store::log_name(0)).c_str(), "ab");
        REQUIRE(log);
        std::fputs("not a record", log);
        std::fclose(log);
    }
    auto app = open_app(dir);
    CHECK(app->desk().incidents().size() == 1);
    CHECK(app->message().error);
    CHECK(app->message().text.rfind("Some saved data was damaged and skipped", 0) == 0);
}
