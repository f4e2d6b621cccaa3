// The replica directory loads to exactly the state that was saved, through
// appends, compactions and reopenings.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/op_factory.hpp"
#include "store/file_util.hpp"
#include "store/replica_store.hpp"
#include "store_test_dir.hpp"
#include "test_support.hpp"

using namespace hotline;
using namespace hotline::store;
using namespace hotline::testing;

namespace {

ReplicaStore::Opened open_ok(const std::string& dir, const std::string& replica = "local") {
    auto opened = ReplicaStore::open(dir, replica);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(opened.value());
}

// Applies and appends, like the app does for every accepted change.
void apply_and_save(ReplicaStore::Opened& o, const std::vector<Operation>& ops) {
    for (const auto& op : ops) {
        auto r = o.desk.apply(op);
        REQUIRE(r.kind != ApplyKind::rejected);
        if (r.kind != ApplyKind::duplicate) REQUIRE(o.store.append(op).ok());
    }
}

std::size_t file_count(const std::string& dir) { return list_directory(dir).size(); }

}  // namespace

TEST_CASE("a new directory becomes a fresh replica with the given id") {
    auto dir = fresh_dir("fresh");
    auto o = open_ok(dir, "abc123");
    CHECK(o.report.new_replica);
    CHECK(o.report.clean());
    CHECK(o.factory.replica == "abc123");
    CHECK(o.desk.incidents().empty());
    // Reopening keeps the id: the fresh id passed the second time is ignored.
    auto again = open_ok(dir, "zzz");
    CHECK_FALSE(again.report.new_replica);
    CHECK(again.factory.replica == "abc123");
}

TEST_CASE("an invalid fresh replica id is refused") {
    auto opened = ReplicaStore::open(fresh_dir("badid"), "Not Valid");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "bad_replica_id");
}

TEST_CASE("log only, snapshot + log, and snapshot only all load to the saved state") {
    auto dir = fresh_dir("roundtrip");
    RandomOpsOptions opts;
    opts.incidents = 30;
    opts.transitions = true;
    opts.event_types = true;
    opts.renumbers = true;
    auto ops = random_operations(7, 1500, opts);
    std::vector<Operation> first(ops.begin(), ops.begin() + 900), second(ops.begin() + 900, ops.end());

    auto o = open_ok(dir);
    apply_and_save(o, first);
    std::string expected = render_desk_full(o.desk);
    {
        auto reopened = open_ok(dir);
        CHECK(reopened.report.clean());
        CHECK(reopened.report.log_operations == first.size());
        CHECK(render_desk_full(reopened.desk) == expected);
    }

    REQUIRE(o.store.compact(o.desk, OpFactory(o.factory).state()).ok());
    CHECK(o.store.log_operations() == 0);
    {
        auto reopened = open_ok(dir);
        CHECK(reopened.report.clean());
        CHECK(reopened.report.log_operations == 0);
        CHECK(reopened.report.snapshot_records == o.desk.incidents().size() + o.desk.event_types().size());
        CHECK(render_desk_full(reopened.desk) == expected);
        CHECK(same_parts(reopened.desk.parts(), o.desk.parts()));
    }

    apply_and_save(o, second);
    auto reopened = open_ok(dir);
    CHECK(reopened.report.clean());
    CHECK(reopened.report.log_operations == second.size());
    CHECK(render_desk_full(reopened.desk) == render_desk_full(o.desk));
    CHECK(same_parts(reopened.desk.parts(), o.desk.parts()));
}

TEST_CASE("compaction replaces the previous generation and keeps the file count small") {
    auto dir = fresh_dir("compact");
    auto o = open_ok(dir);
    OpFactory f(o.factory);
    std::vector<Operation> ops;
    for (int i = 0; i < 40000; ++i)
        ops.push_back(f.create_incident("u:agent", kBaseMs + i, {{IncidentField::title, "Printer jam " + std::to_string(i)}}));
    apply_and_save(o, ops);
    REQUIRE(o.store.compact(o.desk, f.state()).ok());
    REQUIRE(o.store.compact(o.desk, f.state()).ok());
    CHECK(o.store.generation() == 2);
    // meta + log + ceil(40000 / 16384) = 3 chunks
    CHECK(file_count(dir) == 5);
    auto reopened = open_ok(dir);
    CHECK(reopened.desk.incidents().size() == 40000);
    CHECK(reopened.desk.incidents()[39999].value(IncidentField::title) == "Printer jam 39999");
}

TEST_CASE("the op factory resumes after the last saved operation, numbers included") {
    auto dir = fresh_dir("factory");
    auto o = open_ok(dir, "tech1");
    OpFactory f(o.factory);
    f.numbers().add_block({100, 104});
    REQUIRE(o.store.save_meta(f.state()).ok());
    std::vector<Operation> ops;
    for (int i = 0; i < 3; ++i)
        ops.push_back(f.create_incident("u:tech", kBaseMs + i, {{IncidentField::title, "Call " + std::to_string(i)}}));
    apply_and_save(o, ops);  // meta still says nothing was used
    auto reopened = open_ok(dir, "tech1");
    OpFactory resumed(reopened.factory);
    auto next = resumed.create_incident("u:tech", kBaseMs, {{IncidentField::title, "Next"}});
    CHECK(next.id.counter == 4);
    CHECK(next.number.value == 103);
    CHECK(next.hlc > ops.back().hlc);  // even with a clock that went backwards
    CHECK(reopened.desk.apply(next).kind == ApplyKind::applied);
}

TEST_CASE("the extra metadata of upper layers survives reopening") {
    auto dir = fresh_dir("extra");
    auto o = open_ok(dir);
    o.store.extra()["sync_cursor"] = 42;
    REQUIRE(o.store.save_meta(o.factory).ok());
    auto reopened = open_ok(dir);
    CHECK(reopened.store.extra().value("sync_cursor", 0) == 42);
}
