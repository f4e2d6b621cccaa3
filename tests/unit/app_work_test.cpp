// The open incident's work through the App (app_work.cpp): assigning from records,
// "Assign to me" as a hand-over with its reason, technicians not assigning, and the
// work timer surviving a reopening of the replica (it is stored data).
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/display.hpp"
#include "app_test_support.hpp"
#include "core/civil_date.hpp"
#include "core/posix_zone.hpp"

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
                                   app->zone().offset_at(0)) * kMinute;
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

namespace {

// The browser answers the zone's offset at each moment (LocalZone); here Paris's rules.
int paris_offset_at(std::int64_t wall_ms) {
    static const PosixZone paris = PosixZone::parse("CET-1CEST,M3.5.0,M10.5.0/3").value();
    return paris.offset_at(floor_div(wall_ms, 1000)) / 60;
}

}  // namespace

TEST_CASE("dates show and are typed at the zone's offset of that moment, across daylight saving") {
    const LocalZone paris(&paris_offset_at);
    const auto utc = [](int y, unsigned m, unsigned d, int h, int mi) {
        return (std::int64_t{days_from_civil(y, m, d)} * 1440 + h * 60 + mi) * kMinute;
    };
    // A summer date read in winter: 14:00 CEST is 12:00Z (a fixed winter offset said 13:00).
    CHECK(iso_date_time(utc(2027, 7, 14, 12, 0), paris) == "2027-07-14 14:00");
    CHECK(iso_date_time(utc(2027, 1, 14, 12, 0), paris) == "2027-01-14 13:00");
    CHECK(parse_date_time("2027-07-14 14:00", paris) == utc(2027, 7, 14, 12, 0));
    CHECK(parse_date_time("2027-01-14 13:00", paris) == utc(2027, 1, 14, 12, 0));
    // 2027-03-28: 02:00 CET becomes 03:00 CEST (01:00Z). 01:30 is CET; 04:00 CEST; 02:30,
    // which the clocks skip, is read at the offset before (01:30Z, shown 03:30).
    CHECK(parse_date_time("2027-03-28 01:30", paris) == utc(2027, 3, 28, 0, 30));
    CHECK(parse_date_time("2027-03-28 04:00", paris) == utc(2027, 3, 28, 2, 0));
    CHECK(parse_date_time("2027-03-28 02:30", paris) == utc(2027, 3, 28, 1, 30));
    CHECK(iso_date_time(utc(2027, 3, 28, 1, 30), paris) == "2027-03-28 03:30");
    // 2027-10-31: 03:00 CEST becomes 02:00 CET (01:00Z). 02:30 comes twice: the first (00:30Z).
    CHECK(parse_date_time("2027-10-31 02:30", paris) == utc(2027, 10, 31, 0, 30));
    CHECK(parse_date_time("2027-10-31 03:30", paris) == utc(2027, 10, 31, 2, 30));
    CHECK(iso_date_time(utc(2027, 10, 31, 1, 30), paris) == "2027-10-31 02:30");  // the second
}
