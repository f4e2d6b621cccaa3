// Incident numbering (numbering.hpp) and the operation factory (op_factory.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;

TEST_CASE("numbering: blocks are used in the order added, then provisional numbers") {
    NumberAllocator a("r7f3");
    CHECK(a.remaining() == 0);
    a.add_block({100, 102});
    a.add_block({50, 51});  // lower numbers, added later: still used later
    CHECK(a.remaining() == 5);
    std::vector<std::string> got;
    for (int i = 0; i < 8; ++i) got.push_back(a.allocate().display());
    CHECK(got == std::vector<std::string>{"100", "101", "102", "50", "51", "P-r7f3-1", "P-r7f3-2", "P-r7f3-3"});
    CHECK(a.remaining() == 0);
    CHECK(a.provisional_issued() == 3);
    CHECK(a.blocks().empty());

    // A new lease ends the provisional run; the provisional counter keeps going afterwards.
    a.add_block({200, 200});
    IncidentNumber n = a.allocate();
    CHECK(n.is_final());
    CHECK(n.value == 200);
    CHECK(n.provisional.empty());
    IncidentNumber p = a.allocate();
    CHECK_FALSE(p.is_final());
    CHECK(p.provisional == "P-r7f3-4");
    CHECK(p.display() == "P-r7f3-4");
}

TEST_CASE("numbering: invalid blocks are ignored, remaining counts what is left") {
    NumberAllocator a("r1");
    a.add_block({0, 10});   // numbers start at 1
    a.add_block({-5, 3});
    a.add_block({10, 9});   // empty
    CHECK(a.blocks().empty());
    a.add_block({7, 7});
    a.add_block({1, 1000});  // 7 is held already: the rest of the block is added around it
    CHECK(a.remaining() == 1000);
    CHECK(a.allocate().value == 7);
    CHECK(a.allocate().value == 1);
    CHECK(a.remaining() == 998);
    CHECK(a.blocks().front() == NumberBlock{2, 6});
}

TEST_CASE("numbering: the allocator never hands out the same number twice, even from overlapping blocks") {
    NumberAllocator a("r1");
    a.add_block({4876, 4878});
    std::vector<std::int64_t> got;
    got.push_back(a.allocate().value);       // 4876
    a.add_block({4876, 4877});               // a block handed out before, or its repetition
    a.add_block({4870, 4880});               // overlapping on both sides
    while (a.remaining() > 0) got.push_back(a.allocate().value);
    std::vector<std::int64_t> sorted = got;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    CHECK(got.size() == 11);  // 4870-4880, each once
    CHECK(sorted.front() == 4870);
    CHECK(sorted.back() == 4880);
    CHECK(got[0] == 4876);

    // After a restart the restored blocks are known too.
    NumberAllocator b("r1");
    b.restore({{10, 12}}, 0);
    b.add_block({11, 13});
    CHECK(b.remaining() == 4);
}

TEST_CASE("numbering: restore continues where the persisted state left off") {
    NumberAllocator a("r1");
    a.add_block({10, 12});
    (void)a.allocate();
    NumberAllocator b("r1");
    b.restore(a.blocks(), 5);
    CHECK(b.allocate().value == 11);
    CHECK(b.allocate().value == 12);
    CHECK(b.allocate().provisional == "P-r1-6");
}

TEST_CASE("numbering through the desk: renumber makes the provisional number an alias") {
    Desk desk;
    OpFactory f("r1");
    f.numbers().add_block({10, 10});
    Operation first = f.create_incident("u:a", kBaseMs, {{IncidentField::title, "one"}});
    Operation second = f.create_incident("u:a", kBaseMs + 1, {{IncidentField::title, "two"}});
    Operation third = f.create_incident("u:a", kBaseMs + 2, {{IncidentField::title, "three"}});
    CHECK(first.number.display() == "10");
    CHECK(second.number.display() == "P-r1-1");
    CHECK(third.number.display() == "P-r1-2");
    for (const auto& op : {first, second, third}) REQUIRE(desk.apply(op).kind == ApplyKind::applied);

    OpFactory server("srv");
    REQUIRE(desk.apply(server.renumber("s:sync", kBaseMs + 3, second.entity_id, 11)).kind == ApplyKind::applied);
    const Incident* inc = desk.find(second.entity_id);
    CHECK(inc->number.display() == "11");
    CHECK(inc->number.is_final());
    CHECK(inc->number_aliases == std::vector<std::string>{"P-r1-1"});
    CHECK(desk.find(third.entity_id)->number.display() == "P-r1-2");  // untouched

    // Renumbering an incident whose number is already final is refused.
    ApplyResult r = desk.apply(server.renumber("s:sync", kBaseMs + 4, first.entity_id, 99));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "already_numbered");
    CHECK(desk.find(first.entity_id)->number.display() == "10");
    CHECK(desk.find(first.entity_id)->number_aliases.empty());
    r = desk.apply(server.renumber("s:sync", kBaseMs + 5, second.entity_id, 12));
    CHECK(r.error.code == "already_numbered");
    CHECK(desk.find(second.entity_id)->number.display() == "11");
}

TEST_CASE("op factory: ids count up, stamps increase, entity ids are filled in") {
    OpFactory f("r7f3");
    f.numbers().add_block({10042, 10042});
    Operation c = f.create_incident("u:ivanova", kBaseMs, {{IncidentField::priority, "2"}, {IncidentField::title, "T"}});
    CHECK(c.id == OpId{"r7f3", 1});
    CHECK(c.entity_id == "r7f3:1");
    CHECK(c.entity == EntityKind::incident);
    CHECK(c.type == OpType::create);
    CHECK(c.hlc == Hlc{kBaseMs, 0, "r7f3"});
    CHECK(c.actor == "u:ivanova");
    CHECK(c.number == IncidentNumber{10042, {}});
    // Fields are sorted, like the JSON decoder does, so a round trip is an identity.
    REQUIRE(c.fields.size() == 2);
    CHECK(c.fields[0].first == IncidentField::title);
    CHECK(c.fields[1].first == IncidentField::priority);

    std::vector<Operation> ops = {
        c,
        f.set_field("u:a", kBaseMs, "r7f3:1", IncidentField::title, "x"),          // same ms
        f.add_event("u:a", kBaseMs - 5000, "r7f3:1", "note", "clock went back"),
        f.transition("u:a", kBaseMs + 1, "r7f3:1", IncidentStatus::closed),
        f.define_event_type("u:a", kBaseMs + 1, "visit", "Visit"),
        f.renumber("s:sync", kBaseMs + 2, "r7f3:1", 5),
    };
    for (std::size_t i = 1; i < ops.size(); ++i) {
        CAPTURE(i);
        CHECK(ops[i].id.counter == ops[i - 1].id.counter + 1);
        CHECK(ops[i].id.replica == "r7f3");
        CHECK(ops[i].hlc > ops[i - 1].hlc);
        CHECK(ops[i].hlc.replica == "r7f3");
    }
    CHECK(ops[1].entity_id == "r7f3:1");
    CHECK(ops[1].field == IncidentField::title);
    CHECK(ops[1].text == "x");
    CHECK(ops[2].event_type == "note");
    CHECK(ops[3].to == IncidentStatus::closed);
    CHECK(ops[4].entity == EntityKind::event_type);
    CHECK(ops[4].entity_id == "visit");
    CHECK(ops[4].fields == std::vector<std::pair<FieldId, std::string>>{{EventTypeField::label, "Visit"}});
    CHECK(ops[5].number == IncidentNumber{5, {}});
    CHECK(f.state().last_counter == 6);
    CHECK(f.state().last_hlc == ops.back().hlc);
    // Everything it makes is valid on the wire.
    for (const auto& op : ops) {
        auto back = decode_operation(encode_operation(op));
        REQUIRE_MESSAGE(back.ok(), back.error().message);
        CHECK(*back == op);
    }
}

TEST_CASE("op factory: state() round trips through the State constructor") {
    OpFactory a("r1");
    a.numbers().add_block({10, 11});
    a.numbers().add_block({40, 49});
    (void)a.create_incident("u:a", kBaseMs, {{IncidentField::title, "one"}});
    (void)a.set_field("u:a", kBaseMs + 10, "r1:1", IncidentField::title, "x");
    a.clock().observe(Hlc{kBaseMs + 60000, 3, "r2"}, kBaseMs + 11);  // saw a stamp from a clock ahead

    OpFactory::State s = a.state();
    CHECK(s.replica == "r1");
    CHECK(s.last_counter == 2);
    CHECK(s.last_hlc == a.clock().last());
    CHECK(s.last_hlc.wall_ms == kBaseMs + 60000);
    CHECK(s.number_blocks.size() == 2);
    CHECK(s.provisional_issued == 0);

    OpFactory b(s);
    CHECK(b.state() == s);
    CHECK(b.replica() == "r1");
    // Both now mint exactly the same operations.
    for (int i = 0; i < 15; ++i) {
        std::int64_t now = kBaseMs + 20 + i;
        Operation x = a.create_incident("u:a", now, {{IncidentField::title, "n" + std::to_string(i)}});
        Operation y = b.create_incident("u:a", now, {{IncidentField::title, "n" + std::to_string(i)}});
        REQUIRE(x == y);
        CHECK(x.hlc > s.last_hlc);  // never below the restored clock
    }
    CHECK(a.state() == b.state());
    CHECK(a.state().provisional_issued == 4);  // 11 final numbers left (11, 40-49), then 4 provisional
    CHECK(a.state().last_counter == 17);

    // Restoring after provisional numbers were issued continues their count.
    OpFactory c(a.state());
    CHECK(c.state() == a.state());
    CHECK(c.create_incident("u:a", kBaseMs + 99, {{IncidentField::title, "next"}}).number.display() == "P-r1-5");
    CHECK(a.create_incident("u:a", kBaseMs + 99, {{IncidentField::title, "next"}}).number.display() == "P-r1-5");

    // A fresh factory's state round trips too.
    OpFactory fresh("zz");
    CHECK(OpFactory(fresh.state()).state() == fresh.state());
}
