// S3 on the server (server/zoneinfo.hpp, server_writes.hpp): a calendar's time zone rule
// comes from the server's zone files, is written into the record by the server's write
// path (in the push that made the calendar, or by a sweep when the record holds another
// rule), once however often asked, and a zone the server does not know is refused.
// Each scenario runs on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/desk.hpp"
#include "server/server_writes.hpp"
#include "server/zoneinfo.hpp"
#include "server_test_support.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::ServiceFixture;

TEST_CASE("zone files: a zone's rule is the footer of its TZif file; anything else is no rule") {
    CHECK(server::system_zone_rule("Europe/Paris") == "CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(server::system_zone_rule("Europe/Moscow") == "MSK-3");
    CHECK(server::system_zone_rule("America/New_York") == "EST5EDT,M3.2.0,M11.1.0");
    CHECK(server::system_zone_rule("UTC") == "UTC0");
    CHECK_FALSE(server::system_zone_rule("Mars/Olympus_Mons"));
    CHECK_FALSE(server::system_zone_rule("../../etc/passwd"));
    CHECK_FALSE(server::system_zone_rule("/etc/passwd"));

    const std::filesystem::path dir = std::filesystem::current_path() / "zoneinfo_test";
    std::filesystem::create_directories(dir / "Test");
    const auto write = [&](const char* name, const std::string& bytes) { std::ofstream(dir / "Test" / name) << bytes; };
    write("Good", std::string("TZif2") + std::string(40, '\0') + "\nEST5\n");
    write("Version1", std::string("TZif") + '\0' + std::string(40, '\0') + "\nEST5\n");
    write("Garbage", std::string("TZif2") + "\nnot a rule\n");
    write("Text", "hello\n");
    CHECK(server::system_zone_rule("Test/Good", dir.string()) == "EST5");
    CHECK_FALSE(server::system_zone_rule("Test/Version1", dir.string()));
    CHECK_FALSE(server::system_zone_rule("Test/Garbage", dir.string()));
    CHECK_FALSE(server::system_zone_rule("Test/Text", dir.string()));
    std::filesystem::remove_all(dir);
}

namespace {

struct Manager : ServiceFixture {
    Manager(Backend backend, std::string_view name) : ServiceFixture(backend, name) {
        add_user("mia", "manager");
        token = login("mia");
    }
    Operation calendar(const std::string& key, std::vector<std::pair<FieldId, std::string>> fields) {
        fields.emplace_back(CalendarField::name, "Office " + key);
        return factory.create("u:mia", now += 1000, EntityKind::calendar, std::move(fields), key);
    }
    std::string rule_on_server(const std::string& key) {
        auto sd = server::ServerDesk::load(db());
        HOTLINE_REQUIRE_OK(sd);
        return std::string(sd->desk().find(EntityKind::calendar, key)->value(CalendarField::zone_rule));
    }
    std::string token;
    OpFactory factory{"rm"};
};

}  // namespace

static void a_pushed_calendar_gets_its_rule_once(Backend backend) {
    Manager f(backend, "zone rules push");
    const auto r = f.push(f.token, "rm", {f.calendar("paris", {{CalendarField::time_zone, "Europe/Paris"}})});
    REQUIRE(r.status == 200);
    CHECK(r.body["results"][0]["status"] == "applied");
    CHECK(f.db().head_seq().value() == 2);  // the calendar and the server's rule for it
    CHECK(f.rule_on_server("paris") == "CET-1CEST,M3.5.0,M10.5.0/3");

    // A client that typed a wrong rule: the server writes the zone files' one after it.
    const auto wrong = f.push(f.token, "rm",
                              {f.calendar("moscow", {{CalendarField::time_zone, "Europe/Moscow"},
                                                     {CalendarField::zone_rule, "CET-1CEST,M3.5.0,M10.5.0/3"}})});
    CHECK(wrong.body["results"][0]["status"] == "applied");
    CHECK(f.rule_on_server("moscow") == "MSK-3");
    CHECK(f.db().head_seq().value() == 4);

    // A zone the server does not know: refused, nothing stored.
    const auto unknown = f.push(f.token, "rm", {f.calendar("mars", {{CalendarField::time_zone, "Mars/Olympus_Mons"}})});
    CHECK(unknown.body["results"][0]["status"] == "rejected");
    CHECK(unknown.body["results"][0]["code"] == "unknown_time_zone");
    CHECK(f.db().head_seq().value() == 4);

    // Sweeps, by this process after a restart or by another on the same database: nothing to do.
    f.restart();
    HOTLINE_REQUIRE_OK(f.service().sweep());
    auto other = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(other);
    CHECK(server::zone_rule_intents(other->desk()).empty());
    CHECK(f.db().head_seq().value() == 4);
}

static void a_sweep_corrects_a_stored_rule_once(Backend backend) {
    Manager f(backend, "zone rules sweep");
    // Stored as an older server would have: no rule written after it.
    const Operation made = f.calendar("rome", {{CalendarField::time_zone, "Europe/Rome"}});
    {
        auto tx = f.db().begin_write();
        HOTLINE_REQUIRE_OK(tx);
        HOTLINE_REQUIRE_OK((*tx)->append_ops({server::stored_form(made)}));
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    f.restart();
    auto swept = f.service().sweep();
    HOTLINE_REQUIRE_OK(swept);
    CHECK(*swept == 1);
    CHECK(f.rule_on_server("rome") == "CET-1CEST,M3.5.0,M10.5.0/3");
    auto again = f.service().sweep();
    HOTLINE_REQUIRE_OK(again);
    CHECK(*again == 0);
    CHECK(f.db().head_seq().value() == 2);
}

HOTLINE_DB_TEST("a pushed calendar gets its zone rule from the zone files, once; an unknown zone is refused",
                a_pushed_calendar_gets_its_rule_once)
HOTLINE_DB_TEST("a sweep writes the rule of a calendar stored without it, once", a_sweep_corrects_a_stored_rule_once)
