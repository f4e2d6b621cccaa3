// sync/outbox.hpp and the Replica's use of it: persistence, restart, damage, and
// the rule that a restart neither loses nor duplicates a pending operation.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/replica.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "store/file_util.hpp"
#include "store/record_format.hpp"
#include "store_test_dir.hpp"
#include "sync/outbox.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::fresh_dir;
using hotline::testing::kBaseMs;

namespace {

std::vector<Operation> some_ops(int n) {
    OpFactory f("web1");
    f.numbers().add_block({1, 100});
    std::vector<Operation> ops;
    ops.push_back(f.create_incident("u:me", kBaseMs, {{IncidentField::title, "Fan noise"}}));
    for (int i = 1; i < n; ++i)
        ops.push_back(f.add_event("u:me", kBaseMs + i, ops.front().entity_id, "note", "note " + std::to_string(i)));
    return ops;
}

sync::Outbox open_box(const std::string& dir) {
    auto box = sync::Outbox::open(dir);
    REQUIRE(box.ok());
    return std::move(box.value());
}

Operation set_title(app::Replica& r, const std::string& id, const std::string& title, std::int64_t t) {
    Operation minted;
    REQUIRE(r.commit([&](OpFactory& f) { return minted = f.set_field("u:me", t, id, IncidentField::title, title); }).ok());
    return minted;
}

}  // namespace

TEST_CASE("sync outbox: append, remove and reopen keep the pending operations in order") {
    const std::string dir = fresh_dir("sync-outbox-basic");
    auto ops = some_ops(5);
    {
        sync::Outbox box = open_box(dir);
        CHECK(box.empty());
        for (const auto& op : ops) REQUIRE(box.append(op).ok());
        CHECK(box.size() == 5);
        CHECK(box.touches(ops[0].entity, ops[0].entity_id));
        CHECK_FALSE(box.touches(EntityKind::incident, "web1:99"));
        CHECK_FALSE(box.touches(EntityKind::account, ops[0].entity_id));
        REQUIRE(box.remove({ops[0].id, ops[2].id}).ok());
    }
    sync::Outbox box = open_box(dir);
    CHECK(box.problems().empty());
    REQUIRE(box.size() == 3);
    CHECK(box.ops()[0] == ops[1]);
    CHECK(box.ops()[1] == ops[3]);
    CHECK(box.ops()[2] == ops[4]);
    CHECK(box.contains(ops[3].id));
    CHECK_FALSE(box.contains(ops[2].id));
}

TEST_CASE("sync outbox: damage costs only the damaged records, and later appends stay readable") {
    const std::string dir = fresh_dir("sync-outbox-damage");
    auto ops = some_ops(6);
    {
        sync::Outbox box = open_box(dir);
        for (const auto& op : ops) REQUIRE(box.append(op).ok());
    }
    const std::string path = dir + "/outbox";
    auto data = store::read_file(path);
    REQUIRE(data.ok());
    std::string damaged = *data;
    // Flip a byte inside the third record's payload, and tear the tail.
    std::size_t third = 0;
    for (int i = 0; i < 3; ++i) third = damaged.find("LTHR", third + 1);
    damaged[third + 40] ^= 0x5a;
    damaged.resize(damaged.size() - 7);
    REQUIRE(store::write_file_atomically(path, damaged).ok());

    {
        sync::Outbox box = open_box(dir);
        CHECK_FALSE(box.problems().empty());
        REQUIRE(box.size() == 4);  // the damaged 3rd and the torn 6th are gone
        CHECK(box.ops()[0] == ops[0]);
        CHECK(box.ops()[2] == ops[3]);
        REQUIRE(box.append(ops[5]).ok());
    }
    sync::Outbox box = open_box(dir);
    CHECK(box.problems().empty());
    REQUIRE(box.size() == 5);
    CHECK(box.ops().back() == ops[5]);
}

TEST_CASE("sync outbox: every committed change is pending; restart and compaction neither lose nor duplicate") {
    const std::string dir = fresh_dir("sync-outbox-replica");
    std::string id;
    {
        auto r = app::Replica::open(dir, "web1");
        REQUIRE(r.ok());
        REQUIRE(r->commit([](OpFactory& f) { return f.create_incident("u:me", kBaseMs, {{IncidentField::title, "A"}}); }).ok());
        id = r->desk().incidents().front().id;
        set_title(*r, id, "B", kBaseMs + 1);
        // A refused change is not pending.
        CHECK_FALSE(r->commit([&](OpFactory& f) { return f.set_field("u:me", kBaseMs + 2, id, IncidentField::title, ""); }).ok());
        CHECK(r->outbox().size() == 2);
        REQUIRE(r->write_snapshot().ok());  // the snapshot holds the pending ops too
        set_title(*r, id, "C", kBaseMs + 3);
        CHECK(r->outbox().size() == 3);
    }
    auto r = app::Replica::open(dir, "web1");
    REQUIRE(r.ok());
    CHECK(r->load_report().clean());
    REQUIRE(r->outbox().size() == 3);
    CHECK(r->desk().find(id)->value(IncidentField::title) == "C");
    // The next change continues the counter: nothing is minted twice.
    Operation next = set_title(*r, id, "D", kBaseMs + 4);
    CHECK(next.id.counter == 4);
    CHECK(r->outbox().size() == 4);
}

TEST_CASE("sync outbox: a change written to the outbox but not to the log is recovered at open") {
    const std::string dir = fresh_dir("sync-outbox-crash");
    Operation lost;
    std::string id;
    {
        auto r = app::Replica::open(dir, "web1");
        REQUIRE(r.ok());
        REQUIRE(r->commit([](OpFactory& f) { return f.create_incident("u:me", kBaseMs, {{IncidentField::title, "A"}}); }).ok());
        id = r->desk().incidents().front().id;
        // What commit() would mint next, written to the outbox only (a crash before the log append).
        OpFactory copy = OpFactory(OpFactory::State{"web1", 1, r->desk().newest_hlc(), {}, 0});
        lost = copy.set_field("u:me", kBaseMs + 5, id, IncidentField::title, "after crash");
        REQUIRE(r->outbox().append(lost).ok());
    }
    {
        auto r = app::Replica::open(dir, "web1");
        REQUIRE(r.ok());
        CHECK(r->desk().has_applied(lost.id));
        CHECK(r->desk().find(id)->value(IncidentField::title) == "after crash");
        CHECK(r->outbox().size() == 2);
        Operation next = set_title(*r, id, "later", kBaseMs + 6);
        CHECK(next.id.counter == 3);
        CHECK(next.hlc > lost.hlc);
    }
    auto r = app::Replica::open(dir, "web1");  // recovered into the log: applied once
    REQUIRE(r.ok());
    CHECK(r->load_report().clean());
    CHECK(r->desk().find(id)->value(IncidentField::title) == "later");
    CHECK(r->outbox().size() == 3);
}
