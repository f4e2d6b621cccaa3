// The notification centre (app/notifications.hpp): an incident given to the user by someone
// else, and the server's SLA alerts on their incidents (every incident's, for managers);
// newest first, unread after the last look, kept up to date incident by incident.
#include <doctest/doctest.h>

#include <string>

#include "app/notifications.hpp"
#include "app/sla_display.hpp"
#include "core/event_types.hpp"
#include "core/op_factory.hpp"

using namespace hotline;
using namespace hotline::app;

namespace {

constexpr std::int64_t kT0 = 1800000000000;  // 2027-01-15 08:00Z

struct World {
    Desk desk;
    OpFactory agent{"ra"}, server{"server"};
    std::int64_t now = kT0;

    void apply(const Operation& op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
    std::string incident(std::string title, std::string assignee = {}) {
        std::vector<std::pair<FieldId, std::string>> fields{{IncidentField::title, std::move(title)}};
        if (!assignee.empty()) fields.emplace_back(IncidentField::assignee, assignee);
        Operation op = agent.create_incident("u:ann", now += 60'000, std::move(fields));
        apply(op);
        return op.entity_id;
    }
    void assign(const std::string& id, const std::string& who, const std::string& by) {
        apply(agent.set_field(by, now += 60'000, id, IncidentField::assignee, who));
    }
    void alert(const std::string& id, std::string_view type, std::string text) {
        apply(server.add_event("s:server", now += 60'000, id, std::string(type), std::move(text)));
    }
    std::uint32_t row(const std::string& id) const { return *desk.row_of(id); }
};

std::vector<std::string> texts(const Desk& desk, const Notifications& n) {
    std::vector<std::string> out;
    for (const Notification& x : n.newest(10))
        out.push_back(std::string(desk.incidents()[x.row].value(IncidentField::title)) + ": " +
                      notification_text(desk, x, 0));
    return out;
}

}  // namespace

TEST_CASE("notifications: assignments by others and SLA alerts, for the assignee and for managers") {
    World w;
    for (const char* login : {"eng", "tom"})
        w.apply(w.agent.create("u:mia", w.now += 1000, EntityKind::staff_profile, {{StaffProfileField::name, login}},
                               login));
    const std::string pump = w.incident("Pump", "eng");          // given to eng at creation, by ann
    const std::string boiler = w.incident("Boiler");
    w.assign(boiler, "eng", "u:eng");                             // eng took it: no notification
    const std::string fridge = w.incident("Fridge");
    w.assign(fridge, "eng", "u:mia");                             // given by mia
    w.alert(pump, kSlaWarningEventType, "response 1800003600");   // 2027-01-15 09:00Z
    w.alert(fridge, kSlaLateEventType, "resolution 1800007200");  // 10:00Z
    const std::string other = w.incident("Oven", "tom");
    w.alert(other, kSlaLateEventType, "response 1800010800");     // 11:00Z

    Notifications eng(w.desk);
    eng.set_viewer({"eng", "Eng", Role::engineer});
    eng.rebuild();
    CHECK(texts(w.desk, eng) == std::vector<std::string>{
                                    "Fridge: Resolution late: was due 2027-01-15 10:00",
                                    "Pump: First response at Warning: due 2027-01-15 09:00",
                                    "Fridge: Assigned to you by mia",
                                    "Pump: Assigned to you by ann",
                                });
    CHECK(eng.unread(0) == 4);
    CHECK(eng.unread(w.now) == 0);

    Notifications mia(w.desk);
    mia.set_viewer({"mia", "Mia", Role::manager});
    mia.rebuild();
    CHECK(texts(w.desk, mia) == std::vector<std::string>{
                                    "Oven: First response late: was due 2027-01-15 11:00",
                                    "Fridge: Resolution late: was due 2027-01-15 10:00",
                                    "Pump: First response at Warning: due 2027-01-15 09:00",
                                });

    // Given to someone else: eng is no longer told about the Fridge; a new alert on the Pump is.
    const std::int64_t seen = w.now;
    w.assign(fridge, "tom", "u:mia");
    eng.row_changed(w.row(fridge));
    w.alert(pump, kSlaLateEventType, "response 1800003600");
    eng.row_changed(w.row(pump));
    CHECK(eng.unread(seen) == 1);
    CHECK(texts(w.desk, eng).front() == "Pump: First response late: was due 2027-01-15 09:00");
    CHECK(texts(w.desk, eng).size() == 3);
}
