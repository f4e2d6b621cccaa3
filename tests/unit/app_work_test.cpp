// The open incident's work through the App (app_work.cpp): assigning from records,
// "Assign to me" as a hand-over with its reason, technicians not assigning, and the
// work timer surviving a reopening of the replica (it is stored data).
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/display.hpp"
#include "app_test_support.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

namespace {

constexpr std::int64_t kMinute = 60'000;

void add_staff(App& app) {
    auto make = [&](EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields, std::string key) {
        REQUIRE(app.replica().commit([&](OpFactory& f) { return f.create("u:boss", kBaseMs, kind, fields, key); }));
    };
    make(EntityKind::department, {{DepartmentField::name, "Remote support"}}, "remote");
    make(EntityKind::staff_profile, {{StaffProfileField::name, "Priya Shah"}, {StaffProfileField::department, "remote"}}, "pshah");
    make(EntityKind::staff_profile, {{StaffProfileField::name, "Terry Tester"}, {StaffProfileField::department, "remote"}},
         "tester");
}

}  // namespace

TEST_CASE("app: assign from the pickers, then take the incident with a reason") {
    auto dir = fresh_dir("app-assign");
    auto app = open_app(dir);
    add_staff(*app);
    const std::uint32_t row = open_new_incident(*app);
    app->assignment().follow(row);
    app->assignment().choose_assignee("pshah");
    CHECK(app->assignment().choice().department == "remote");  // filled from Priya's profile
    REQUIRE_MESSAGE(app->assign(kBaseMs + 2000), app->message().text);
    CHECK(app->message().text == "Assigned to Priya Shah");
    const Incident& inc = app->list().incident(row);
    CHECK(inc.status == IncidentStatus::assigned);
    CHECK(inc.value(IncidentField::assignee) == "pshah");
    CHECK_FALSE(app->editor().has_unsaved_edits());  // the Summary's draft follows the assignment

    CHECK(app->assignment().is_hand_over());
    CHECK_FALSE(app->assign_to_me(kBaseMs + 3000));
    CHECK(app->message().code == "missing_reason");
    app->assignment().reason() = "Priya is away";
    REQUIRE_MESSAGE(app->assign_to_me(kBaseMs + 3000), app->message().text);
    CHECK(inc.value(IncidentField::assignee) == "tester");
    CHECK_FALSE(app->editor().has_unsaved_edits());
    CHECK(inc.events.back().text == "Remote support / Priya Shah → Remote support / Terry Tester\nPriya is away");
    CHECK(app->assignment().reason().empty());  // the form starts over from the incident
}

TEST_CASE("app: a technician is told at once that they may not assign") {
    auto dir = fresh_dir("app-assign-tech");
    auto app = open_app(dir, {}, kBaseMs, Role::technician);
    add_staff(*app);
    open_new_incident(*app);
    const auto written = app->changes_written();
    CHECK_FALSE(app->assign_to_me(kBaseMs + 2000));
    CHECK(app->message().code == "forbidden_assignment");
    CHECK(app->changes_written() == written);
}

TEST_CASE("app: the work timer keeps running over a reopening; manual minutes add up") {
    auto dir = fresh_dir("app-timer");
    std::uint32_t row = 0;
    {
        auto app = open_app(dir);
        row = open_new_incident(*app);
        REQUIRE_MESSAGE(app->start_timer(kBaseMs + 2000), app->message().text);
    }
    auto app = open_app(dir);
    REQUIRE(app->open_incident(row));
    const Incident* inc = app->editor().incident();
    app->timer().refresh(inc, kBaseMs + 2000 + 20 * kMinute);
    CHECK(app->timer().view().running);
    CHECK(app->timer().view().running_ms == 20 * kMinute);
    REQUIRE(app->stop_timer(kBaseMs + 2000 + 20 * kMinute));
    app->timer().minutes() = "abc";
    CHECK_FALSE(app->add_time_entry(kBaseMs + 3000 + 20 * kMinute));
    app->timer().minutes() = "15";
    app->timer().note() = "Report written";
    REQUIRE_MESSAGE(app->add_time_entry(kBaseMs + 3000 + 20 * kMinute), app->message().text);
    CHECK(app->timer().minutes().empty());
    app->timer().refresh(inc, kBaseMs + 90 * kMinute);
    CHECK_FALSE(app->timer().view().running);
    REQUIRE(app->timer().view().totals.size() == 1);
    CHECK(app->timer().view().totals[0].person == "tester");
    CHECK(app->timer().view().totals[0].minutes == 35);
    // The incident's transaction log shows its time entries' changes (W15).
    const auto& log = app->editor().transaction_log();
    auto has = [&](const std::string& field, const std::string& value) {
        return std::any_of(log.begin(), log.end(), [&](const LogRow& r) { return r.field == field && r.new_value == value; });
    };
    CHECK(has("Time entry: Minutes", "15"));
    CHECK(has("Time entry: Note", "Report written"));
    CHECK(has("Time entry: Ended", format_date_time(kBaseMs + 2000 + 20 * kMinute, 0)));
    CHECK(has("Time entry: Person", "tester"));
}

TEST_CASE("app: assignments and time entries are kept by a snapshot (compaction) too") {
    auto dir = fresh_dir("app-work-snapshot");
    std::uint32_t row = 0;
    {
        auto app = open_app(dir);
        add_staff(*app);
        row = open_new_incident(*app);
        app->assignment().follow(row);
        app->assignment().choose_assignee("pshah");
        REQUIRE(app->assign(kBaseMs + 2000));
        REQUIRE(app->start_timer(kBaseMs + 2000));
        REQUIRE(app->replica().write_snapshot());
    }
    auto app = open_app(dir);
    REQUIRE(app->open_incident(row));
    const Incident& inc = *app->editor().incident();
    CHECK(inc.value(IncidentField::assignee) == "pshah");
    CHECK(inc.value(IncidentField::service_department) == "remote");
    app->timer().refresh(&inc, kBaseMs + 2000 + 5 * kMinute);
    CHECK(app->timer().view().running);
    CHECK(app->timer().view().totals.at(0).minutes == 5);
}

TEST_CASE("app: a resolution deadline typed in the user's zone, shown back, refused when malformed, then cleared") {
    auto dir = fresh_dir("app-deadline");
    auto app = open_app(dir);
    const std::uint32_t row = open_new_incident(*app);
    app->assignment().follow(row);
    CHECK(app->assignment().deadline().empty());
    app->assignment().deadline() = "tomorrow";
    CHECK_FALSE(app->set_deadline(kBaseMs + 2000));
    CHECK(app->message().code == "invalid_deadline");
    app->assignment().deadline() = "2030-02-30 10:00";  // no such day
    CHECK_FALSE(app->set_deadline(kBaseMs + 2000));
    app->assignment().deadline() = " 2030-01-15 17:30 ";
    REQUIRE_MESSAGE(app->set_deadline(kBaseMs + 2000), app->message().text);
    const Incident& inc = app->list().incident(row);
    const std::int64_t expected = (std::int64_t{days_from_civil(2030, 1, 15)} * 1440 + 17 * 60 + 30 -
                                   app->utc_offset_minutes()) * kMinute;
    CHECK(inc.value(IncidentField::resolution_deadline) == std::to_string(expected));
    CHECK(app->assignment().deadline() == "2030-01-15 17:30");
    CHECK(app->message().text == "Resolve by 2030-01-15 17:30");
    CHECK_FALSE(app->editor().has_unsaved_edits());
    CHECK_FALSE(app->set_deadline(kBaseMs + 3000));
    CHECK(app->message().code == "no_changes");
    REQUIRE_MESSAGE(app->clear_deadline(kBaseMs + 4000), app->message().text);
    CHECK(inc.value(IncidentField::resolution_deadline).empty());
    CHECK(app->assignment().deadline().empty());
}

TEST_CASE("app: a technician may not set a deadline; the time of day is read at the user's offset") {
    auto dir = fresh_dir("app-deadline-tech");
    auto app = open_app(dir, {}, kBaseMs, Role::technician);
    open_new_incident(*app);
    app->assignment().deadline() = "2030-01-15 17:30";
    CHECK_FALSE(app->set_deadline(kBaseMs + 2000));
    CHECK(app->message().code == "forbidden_service_terms");
    // Paris in winter (+60): 17:30 there is 16:30 UTC; and back.
    const auto ms = parse_date_time("2030-01-15T17:30", 60);
    REQUIRE(ms);
    CHECK(*ms == (std::int64_t{days_from_civil(2030, 1, 15)} * 1440 + 16 * 60 + 30) * kMinute);
    CHECK(iso_date_time(*ms, 60) == "2030-01-15 17:30");
    CHECK_FALSE(parse_date_time("2030-01-15 24:00", 0));
    CHECK_FALSE(parse_date_time("2030-01-15", 0));
}
