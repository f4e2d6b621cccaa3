// The record search's conditions (core/record_filter.hpp), on records made in place: the
// HTTP API that uses them is tested in tests/server/records_api_test.cpp.
#include <doctest/doctest.h>

#include "core/record_filter.hpp"

using namespace hotline;

namespace {

Entity unit(const std::string& serial, const std::string& account) {
    Entity e = make_entity(EntityKind::unit, "r1:1");
    e.set_value(UnitField::serial, serial);
    e.set_value(UnitField::account, account);
    return e;
}

bool matches(EntityKind kind, std::initializer_list<std::pair<std::string, std::string>> conditions,
             const Entity& e) {
    RecordFilter filter(kind);
    for (const auto& [name, value] : conditions) REQUIRE(filter.add_condition(name, value).ok());
    return filter.matches(e);
}

}  // namespace

TEST_CASE("record filter: text fields by folded prefix, other fields exactly, empty for empty") {
    const Entity u = unit("VD200-7731", "r1:5");
    CHECK(matches(EntityKind::unit, {{"serial", "vd200"}}, u));
    CHECK(matches(EntityKind::unit, {{"serial", "VD200-7731"}}, u));
    CHECK_FALSE(matches(EntityKind::unit, {{"serial", "7731"}}, u));
    CHECK(matches(EntityKind::unit, {{"account", "r1:5"}}, u));
    CHECK_FALSE(matches(EntityKind::unit, {{"account", "r1:50"}}, u));  // refs are not prefixes
    CHECK(matches(EntityKind::unit, {{"contract", ""}}, u));
    CHECK_FALSE(matches(EntityKind::unit, {{"serial", ""}}, u));
    CHECK(matches(EntityKind::unit, {{"active", "true"}, {"account", "r1:5"}}, u));
}

TEST_CASE("record filter: the text is a folded substring of a text field, or of a number") {
    Entity inc = make_entity(EntityKind::incident, "r1:2");
    inc.set_value(IncidentField::customer_name, "Société Générale");
    inc.number = IncidentNumber{10042, {}};
    inc.number_aliases = {"P-r1-3"};
    auto finds = [&](std::string_view text) {
        RecordFilter filter(EntityKind::incident);
        REQUIRE(filter.set_text("q", text).ok());
        return filter.matches(inc);
    };
    CHECK(finds("GENERALE"));
    CHECK(finds(" société "));
    CHECK(finds("1004"));
    CHECK(finds("p-r1-3"));
    CHECK(finds(""));
    CHECK_FALSE(finds("phone"));  // choice fields are not searched as text
}

TEST_CASE("record filter: the status of kinds with a workflow") {
    Entity inc = make_entity(EntityKind::incident, "r1:2");
    inc.status = IncidentStatus::in_progress;
    CHECK(matches(EntityKind::incident, {{"status", "in_progress"}}, inc));
    CHECK_FALSE(matches(EntityKind::incident, {{"status", "closed"}}, inc));
}

TEST_CASE("record filter: what it refuses names the parameter") {
    RecordFilter filter(EntityKind::account);
    const std::pair<const char*, const char*> refused_conditions[] = {
        {"colour", "red"}, {"status", "closed"}, {"active", "yes"}, {"language", "xx"}};
    for (auto [name, value] : refused_conditions) {
        auto refused = filter.add_condition(name, value);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == "bad_query");
        CHECK(refused.error().message.find(std::string("\"") + name + "\"") != std::string::npos);
    }
    RecordFilter incidents(EntityKind::incident);
    CHECK_FALSE(incidents.add_condition("status", "done").ok());
    CHECK_FALSE(incidents.add_condition("priority", "5").ok());
    CHECK_FALSE(incidents.add_condition("account", "not an id").ok());
    CHECK_FALSE(incidents.set_text("q", "\xc3").ok());
}
