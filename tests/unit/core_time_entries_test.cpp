// W4, V4: time entries (a timer or minutes by hand) as records of their own kind: one
// running timer per person, totals per person and incident, the rules of the kind,
// who may log whose time, the wire form of `count` fields.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "core/time_entries.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using T = TimeEntryField;

namespace {

constexpr std::int64_t kMinute = 60'000;

struct Fixture {
    Desk desk;
    OpFactory f{"ra"};
    std::int64_t now = kBaseMs;
    std::string boiler, printer;

    ApplyResult apply(const Operation& op) { return desk.apply(op); }
    void must(const Operation& op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
    std::string incident(const std::string& title) {
        const Operation op = f.create_incident("u:agent", now, {{IncidentField::title, title}});
        must(op);
        return op.entity_id;
    }
    Fixture() {
        f.numbers().add_block({1, 100});
        boiler = incident("Boiler");
        printer = incident("Printer");
    }
    // What the client does to start a timer (TimeTracker::start).
    std::string start(const std::string& incident, const std::string& person, std::int64_t at) {
        const TimerStart plan = plan_timer_start(desk, incident, person, at);
        for (const std::string& id : plan.stop)
            must(f.set_field("u:" + person, at, EntityKind::time_entry, id, T::ended, std::to_string(at)));
        const Operation op = f.create("u:" + person, at, EntityKind::time_entry, plan.create);
        must(op);
        return op.entity_id;
    }
    Operation manual(const std::string& incident, const std::string& person, std::int64_t minutes) {
        return f.create("u:" + person, now, EntityKind::time_entry, manual_entry_fields(incident, person, minutes, "On site"));
    }
};

}  // namespace

TEST_CASE("time entries: one running timer per person; starting another stops it") {
    Fixture fx;
    const std::string first = fx.start(fx.boiler, "pshah", kBaseMs);
    CHECK(running_timer(fx.desk, "pshah", fx.boiler)->id == first);
    fx.start(fx.printer, "tom", kBaseMs + kMinute);  // someone else's timer is left alone
    const std::string second = fx.start(fx.printer, "pshah", kBaseMs + 25 * kMinute);
    const auto running = running_timers(fx.desk, "pshah");
    REQUIRE(running.size() == 1);
    CHECK(running[0]->id == second);
    CHECK(running_timer(fx.desk, "pshah", fx.boiler) == nullptr);
    CHECK(fx.desk.find(EntityKind::time_entry, first)->value(T::ended) == std::to_string(kBaseMs + 25 * kMinute));
    CHECK(running_timers(fx.desk, "tom").size() == 1);
}

TEST_CASE("time entries: totals per incident and person; a running timer counts up to now") {
    Fixture fx;
    fx.start(fx.boiler, "pshah", kBaseMs);
    fx.start(fx.printer, "pshah", kBaseMs + 30 * kMinute);  // 30 min on the boiler
    fx.must(fx.manual(fx.boiler, "pshah", 15));
    fx.must(fx.manual(fx.boiler, "tom", 45));
    const auto boiler = time_spent(fx.desk, kBaseMs + 40 * kMinute, fx.boiler);
    REQUIRE(boiler.size() == 2);
    CHECK(boiler[0].person == "pshah");
    CHECK(boiler[0].minutes == 45);
    CHECK_FALSE(boiler[0].running);
    CHECK(boiler[1].person == "tom");
    CHECK(boiler[1].minutes == 45);
    // The whole desk, for reports: the printer's timer still runs (10 minutes so far).
    const auto all = time_spent(fx.desk, kBaseMs + 40 * kMinute);
    REQUIRE(all.size() == 3);
    const auto printer = std::find_if(all.begin(), all.end(), [&](const TimeSpent& t) { return t.incident == fx.printer; });
    REQUIRE(printer != all.end());
    CHECK(printer->minutes == 10);
    CHECK(printer->running);
}

TEST_CASE("time entries: the kind's rules") {
    Fixture fx;
    CHECK(fx.apply(fx.manual(fx.boiler, "pshah", 0)).error.code == "bad_minutes");
    CHECK(fx.apply(fx.manual(fx.boiler, "pshah", 24 * 60 + 1)).error.code == "bad_minutes");
    CHECK(fx.apply(fx.manual(fx.boiler, "Priya Shah", 5)).error.code == "bad_value");  // a login, not a name
    CHECK(fx.apply(fx.manual("ra:999", "pshah", 5)).error.code == "unknown_ref");
    const Operation both = fx.f.create("u:pshah", fx.now, EntityKind::time_entry,
                                       {{T::incident, fx.boiler}, {T::person, "pshah"}, {T::started, "1"}, {T::minutes, "5"}});
    CHECK(fx.apply(both).error.code == "bad_time_entry");
    const Operation neither = fx.f.create("u:pshah", fx.now, EntityKind::time_entry, {{T::incident, fx.boiler}, {T::person, "pshah"}});
    CHECK(fx.apply(neither).error.code == "bad_time_entry");

    const std::string timer = fx.start(fx.boiler, "pshah", kBaseMs);
    auto set = [&](FieldId field, std::string value) {
        return fx.apply(fx.f.set_field("u:pshah", ++fx.now, EntityKind::time_entry, timer, field, std::move(value)));
    };
    CHECK(set(T::ended, std::to_string(kBaseMs - 1)).error.code == "bad_period");
    CHECK(set(T::ended, "007").error.code == "bad_value");  // one spelling per number
    CHECK(set(T::incident, fx.printer).error.code == "time_entry_fixed");
    CHECK(set(T::started, "5").error.code == "time_entry_fixed");
    CHECK(set(T::note, "Fixed the valve").kind == ApplyKind::applied);
    CHECK(set(T::ended, std::to_string(kBaseMs + kMinute)).kind == ApplyKind::applied);
}

TEST_CASE("time entries: one made offline on an incident archived meanwhile is kept, in either order") {
    // The fold does not judge the incident's state (a refused create would stay on the
    // replica that made it); the app logs no new time on an archived incident.
    Fixture fx;
    Desk other = fx.desk;
    const Operation entry = fx.manual(fx.boiler, "pshah", 5);
    std::vector<Operation> archiving;
    for (IncidentStatus s : {IncidentStatus::closed, IncidentStatus::archived})
        archiving.push_back(fx.f.transition("u:agent", ++fx.now, fx.boiler, s));
    for (const Operation& op : archiving) fx.must(op);
    CHECK(fx.apply(entry).kind == ApplyKind::applied);
    CHECK(other.apply(entry).kind == ApplyKind::applied);
    for (const Operation& op : archiving) CHECK(other.apply(op).kind == ApplyKind::applied);
    CHECK(time_spent(fx.desk, fx.now, fx.boiler).size() == time_spent(other, fx.now, fx.boiler).size());
}

TEST_CASE("time entries: people log their own time; managers anyone's; technicians on their incidents") {
    Fixture fx;
    fx.must(fx.f.set_field("u:agent", ++fx.now, fx.boiler, IncidentField::engineer, "tom"));
    const Principal tom{"tom", "Tom", Role::technician}, priya{"pshah", "Priya", Role::engineer};
    const Principal boss{"boss", "Boss", Role::manager};
    CHECK(authorize_operation(priya, fx.manual(fx.boiler, "pshah", 5), fx.desk).ok());
    CHECK(authorize_operation(priya, fx.manual(fx.boiler, "tom", 5), fx.desk).error().code == "forbidden_actor");
    Operation for_tom = fx.manual(fx.boiler, "tom", 5);
    for_tom.actor = "u:pshah";
    CHECK(authorize_operation(priya, for_tom, fx.desk).error().code == "forbidden_time_entry");
    for_tom.actor = "u:boss";
    CHECK(authorize_operation(boss, for_tom, fx.desk).ok());
    CHECK(authorize_operation(tom, fx.manual(fx.boiler, "tom", 5), fx.desk).ok());
    CHECK(authorize_operation(tom, fx.manual(fx.printer, "tom", 5), fx.desk).error().code == "forbidden_incident");

    const Operation priyas = fx.manual(fx.boiler, "pshah", 5);
    fx.must(priyas);
    Operation stop_other = fx.f.set_field("u:tom", ++fx.now, EntityKind::time_entry, priyas.entity_id, T::note, "mine");
    CHECK(authorize_operation(tom, stop_other, fx.desk).error().code == "forbidden_time_entry");
    // The technician's replica holds the time logged on their incidents, and not on others.
    fx.must(fx.manual(fx.printer, "pshah", 5));
    const TechnicianScope scope(tom, fx.desk);
    int seen = 0;
    for (const Entity& e : fx.desk.entities(EntityKind::time_entry)) seen += scope.contains(e) ? 1 : 0;
    CHECK(seen == 1);
}

TEST_CASE("time entries: count fields are JSON integers on the wire") {
    Fixture fx;
    const Operation op = fx.f.create("u:pshah", fx.now, EntityKind::time_entry,
                                     {{T::incident, fx.boiler}, {T::person, "pshah"}, {T::started, std::to_string(kBaseMs)}});
    const std::string json = encode_operation(op);
    CHECK(json.find("\"started\":" + std::to_string(kBaseMs)) != std::string::npos);
    auto back = decode_operation(json);
    REQUIRE(back.ok());
    CHECK(*back == op);
    std::string text = json;
    text.replace(text.find(std::to_string(kBaseMs)), std::to_string(kBaseMs).size(), "\"12\"");
    CHECK_FALSE(decode_operation(text).ok());
    text = json;
    text.replace(text.find(std::to_string(kBaseMs)), std::to_string(kBaseMs).size(), "-5");
    CHECK_FALSE(decode_operation(text).ok());
}
