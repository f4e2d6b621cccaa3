// Desk::apply (desk.hpp): every operation type, duplicates, rejections, last writer wins,
// event ordering, event types, snapshots (parts / from_parts).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/event_types.hpp"
#include "core/history.hpp"
#include "core/op_factory.hpp"
#include "core/transaction_log.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using hotline::testing::render_desk_full;
using hotline::testing::same_parts;

namespace {

struct Fixture {
    Desk desk;
    OpFactory r1{"r1"};
    OpFactory r2{"r2"};
    std::string id;  // an incident created by r1 and known to r2

    Fixture() {
        r1.numbers().add_block({10042, 10043});
        Operation create = r1.create_incident("u:ivanova", kBaseMs,
                                              {{IncidentField::title, "Printer jammed"},
                                               {IncidentField::customer_name, "ООО Ромашка"},
                                               {IncidentField::priority, "2"}});
        REQUIRE(desk.apply(create).kind == ApplyKind::applied);
        id = create.entity_id;
        r2.clock().observe(create.hlc, kBaseMs);
    }
    ApplyKind apply(const Operation& op) { return desk.apply(op).kind; }
    const Incident& inc() const { return *desk.find(id); }
};

}  // namespace

TEST_CASE("desk: a fresh desk has the default event types and nothing else") {
    Desk desk;
    CHECK(desk.incidents().empty());
    CHECK(std::vector<Entity>(desk.event_types().begin(), desk.event_types().end()) == default_event_types());
    for (const Entity& t : desk.event_types()) CHECK(t.created == Stamp{});
    CHECK(desk.find("r1:1") == nullptr);
    CHECK_FALSE(desk.has_applied(OpId{"r1", 1}));
    REQUIRE(desk.find_event_type("note") != nullptr);
    CHECK(desk.find_event_type("note")->value(EventTypeField::label) == "Note");
    CHECK(desk.find_event_type("visit") == nullptr);
}

TEST_CASE("desk: create incident") {
    Desk desk;
    OpFactory f("r1");
    f.numbers().add_block({10042, 10042});
    Operation op = f.create_incident("u:ivanova", kBaseMs + 5,
                                     {{IncidentField::title, "Printer jammed"}, {IncidentField::origin, "email"},
                                      {IncidentField::description, "Tray 2\nжуёт бумагу"}});
    ApplyResult r = desk.apply(op);
    REQUIRE(r.kind == ApplyKind::applied);
    CHECK(r.error.code.empty());
    const Incident* inc = desk.find(op.entity_id);
    REQUIRE(inc != nullptr);
    CHECK(inc->id == "r1:1");
    CHECK(inc->number == IncidentNumber{10042, {}});
    CHECK(inc->value(IncidentField::title) == "Printer jammed");
    CHECK(inc->value(IncidentField::origin) == "email");
    CHECK(inc->value(IncidentField::description) == "Tray 2\nжуёт бумагу");
    CHECK(inc->value(IncidentField::priority) == "3");  // default
    CHECK(inc->priority() == 3);
    CHECK(inc->value(IncidentField::engineer).empty());
    CHECK(inc->status == IncidentStatus::registered);
    CHECK(inc->created_by == "u:ivanova");
    CHECK(desk.to_hlc(inc->created) == op.hlc);
    CHECK(desk.to_hlc(inc->stamp_of(IncidentField::title)) == op.hlc);  // fields default to the create stamp
    CHECK(inc->updated_ms == kBaseMs + 5);
    CHECK(inc->events.empty());
    CHECK(inc->superseded_writes == 0);
    CHECK(desk.has_applied(op.id));
    CHECK(desk.newest_hlc() == op.hlc);
    // A second incident gets the next number: provisional, the block is used up.
    Operation op2 = f.create_incident("u:ivanova", kBaseMs + 6, {{IncidentField::title, "Second"}});
    REQUIRE(desk.apply(op2).kind == ApplyKind::applied);
    CHECK(desk.find(op2.entity_id)->number.display() == "P-r1-1");
    CHECK(desk.incidents().size() == 2);
}

TEST_CASE("desk: bad creates are rejected and change nothing") {
    Fixture fx;
    Desk::Parts before = fx.desk.parts();

    Operation blank = fx.r1.create_incident("u:ivanova", kBaseMs + 1, {{IncidentField::title, " \t "}});
    ApplyResult r = fx.desk.apply(blank);
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "missing_title");

    Operation no_title = fx.r1.create_incident("u:ivanova", kBaseMs + 2, {{IncidentField::engineer, "Petrov"}});
    CHECK(fx.desk.apply(no_title).error.code == "missing_title");

    Operation bad_value = fx.r1.create_incident("u:ivanova", kBaseMs + 3,
                                                {{IncidentField::title, "ok"}, {IncidentField::priority, "9"}});
    r = fx.desk.apply(bad_value);
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "bad_value");

    // Same entity id as an existing incident, new op id.
    Operation again = fx.r1.create_incident("u:ivanova", kBaseMs + 4, {{IncidentField::title, "Dup"}});
    again.entity_id = fx.id;
    r = fx.desk.apply(again);
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "duplicate_incident");

    CHECK(same_parts(fx.desk.parts(), before));
    CHECK(fx.desk.incidents().size() == 1);
}

TEST_CASE("desk: set writes a canonical value and its stamp") {
    Fixture fx;
    Operation op = fx.r2.set_field("u:petrov", kBaseMs + 10, fx.id, IncidentField::engineer, "Петров");
    CHECK(fx.apply(op) == ApplyKind::applied);
    CHECK(fx.inc().value(IncidentField::engineer) == "Петров");
    CHECK(fx.desk.to_hlc(fx.inc().stamp_of(IncidentField::engineer)) == op.hlc);
    CHECK(fx.desk.to_hlc(fx.inc().stamp_of(IncidentField::title)) != op.hlc);  // other fields untouched
    CHECK(fx.inc().updated_ms == kBaseMs + 10);
    CHECK(fx.desk.newest_hlc() == op.hlc);

    Operation prio = fx.r2.set_field("u:petrov", kBaseMs + 11, fx.id, IncidentField::priority, "1");
    CHECK(fx.apply(prio) == ApplyKind::applied);
    CHECK(fx.inc().priority() == 1);

    // Invalid values are refused by the desk too (not only by the JSON decoder).
    Desk::Parts before = fx.desk.parts();
    for (auto [field, value] : std::vector<std::pair<FieldId, std::string>>{
             {IncidentField::priority, "0"}, {IncidentField::title, "a\nb"}, {IncidentField::origin, "telex"},
             {IncidentField::unit_warranty_end, "2026-02-30x"}, {IncidentField::title, std::string(201, 'x')},
             {IncidentField::description, "\xc3"}}) {
        ApplyResult r = fx.desk.apply(fx.r2.set_field("u:petrov", kBaseMs + 12, fx.id, field, value));
        CHECK(r.kind == ApplyKind::rejected);
        CHECK(r.error.code == "bad_value");
    }
    CHECK(same_parts(fx.desk.parts(), before));
}

TEST_CASE("desk: a duplicate operation id is a no-op") {
    Fixture fx;
    Operation op = fx.r2.set_field("u:petrov", kBaseMs + 10, fx.id, IncidentField::engineer, "Petrov");
    REQUIRE(fx.apply(op) == ApplyKind::applied);
    Operation ev = fx.r2.add_event("u:petrov", kBaseMs + 11, fx.id, "note", "hello");
    REQUIRE(fx.apply(ev) == ApplyKind::applied);
    std::string full = render_desk_full(fx.desk);
    Desk::Parts before = fx.desk.parts();

    CHECK(fx.apply(op) == ApplyKind::duplicate);
    CHECK(fx.apply(ev) == ApplyKind::duplicate);
    // Same id, different content: still the same operation as far as the desk knows.
    Operation forged = op;
    forged.text = "Someone else";
    CHECK(fx.apply(forged) == ApplyKind::duplicate);
    CHECK(fx.inc().value(IncidentField::engineer) == "Petrov");
    CHECK(fx.inc().events.size() == 1);
    CHECK(same_parts(fx.desk.parts(), before));
    CHECK(render_desk_full(fx.desk) == full);  // the history got no extra entry either

    // A rejected operation is not remembered: once possible, it applies.
    Operation early = fx.r2.add_event("u:petrov", kBaseMs + 12, fx.id, "visit", "on site");
    CHECK(fx.apply(early) == ApplyKind::rejected);
    CHECK_FALSE(fx.desk.has_applied(early.id));
    REQUIRE(fx.apply(fx.r2.define_event_type("u:admin", kBaseMs + 13, "visit", "Visit")) == ApplyKind::applied);
    CHECK(fx.apply(early) == ApplyKind::applied);
    CHECK(fx.desk.has_applied(early.id));
}

TEST_CASE("desk: operations on an unknown incident are rejected and change nothing") {
    Fixture fx;
    Desk::Parts before = fx.desk.parts();
    for (const Operation& op : {fx.r1.set_field("u:ivanova", kBaseMs + 1, "r1:99", IncidentField::title, "x"),
                                fx.r1.add_event("u:ivanova", kBaseMs + 2, "r1:99", "note", "x"),
                                fx.r1.transition("u:ivanova", kBaseMs + 3, "r1:99", IncidentStatus::closed),
                                fx.r1.renumber("s:sync", kBaseMs + 4, "r1:99", 5)}) {
        ApplyResult r = fx.desk.apply(op);
        CHECK(r.kind == ApplyKind::rejected);
        CHECK(r.error.code == "unknown_incident");
        CHECK(r.error.message.find("r1:99") != std::string::npos);
    }
    CHECK(same_parts(fx.desk.parts(), before));
}

TEST_CASE("desk: a rejected operation from a replica never seen before leaves the state unchanged") {
    Fixture fx;
    Desk::Parts before = fx.desk.parts();
    OpFactory stranger("r9");
    ApplyResult r = fx.desk.apply(stranger.set_field("u:x", kBaseMs + 99, "r1:99", IncidentField::title, "x"));
    CHECK(r.kind == ApplyKind::rejected);
    Desk::Parts after = fx.desk.parts();
    // Everything a snapshot holds is unchanged; the replica table may have learnt the name
    // (desk.cpp interns it before applying), which no stamp refers to.
    CHECK(after.entities == before.entities);
    CHECK(after.seen == before.seen);
    CHECK(after.newest_hlc == before.newest_hlc);
    REQUIRE(after.replicas.size() >= before.replicas.size());
    CHECK(std::equal(before.replicas.begin(), before.replicas.end(), after.replicas.begin()));
    CHECK(hotline::testing::render_state(fx.desk) ==
          hotline::testing::render_state(*Desk::from_parts(std::move(before))));
}

TEST_CASE("desk: last writer wins per field; a late older write is superseded and logged") {
    Fixture fx;
    // r1 and r2 edit the title concurrently; r1's clock is ahead.
    Operation newer = fx.r1.set_field("u:ivanova", kBaseMs + 5000, fx.id, IncidentField::title, "Newer title");
    Operation older = fx.r2.set_field("u:petrov", kBaseMs + 1000, fx.id, IncidentField::title, "Older title");
    REQUIRE(older.hlc < newer.hlc);

    CHECK(fx.apply(newer) == ApplyKind::applied);
    ApplyResult r = fx.desk.apply(older);
    CHECK(r.kind == ApplyKind::superseded);
    CHECK(r.error.code.empty());
    CHECK(fx.inc().value(IncidentField::title) == "Newer title");
    CHECK(fx.desk.to_hlc(fx.inc().stamp_of(IncidentField::title)) == newer.hlc);
    CHECK(fx.inc().superseded_writes == 1);
    CHECK(fx.desk.has_applied(older.id));               // kept, so not re-applied
    CHECK(fx.apply(older) == ApplyKind::duplicate);      // and a re-delivery changes nothing
    CHECK(fx.inc().superseded_writes == 1);

    auto history = decode_history(fx.inc().history, fx.desk.actors(), EntityKind::incident);
    REQUIRE(history.size() == 3);  // created, newer, older
    CHECK(history[1].kind == TxKind::field);
    CHECK(history[1].field == "title");
    CHECK(history[1].old_value == "Printer jammed");
    CHECK(history[2].kind == TxKind::superseded);
    CHECK(history[2].field == "title");
    CHECK(history[2].actor == "u:petrov");
    CHECK(history[2].wall_ms == kBaseMs + 1000);
    CHECK(history[2].new_value == "Older title");  // nothing typed is lost
    // As people read it (W15): the applied change with both sides, then the lost write.
    auto log = render_transaction_log(fx.desk, fx.inc());
    REQUIRE(log.size() >= 2);
    const TxEntry& applied = log[log.size() - 2];
    CHECK(applied.kind == TxKind::field);
    CHECK(applied.actor == "u:ivanova");
    CHECK(applied.old_value == "Printer jammed");
    CHECK(applied.new_value == "Newer title");
    CHECK(log.back().kind == TxKind::superseded);
    CHECK(log.back().new_value == "Older title");

    // Other fields are independent: the older replica still wins a field nobody else wrote.
    Operation other = fx.r2.set_field("u:petrov", kBaseMs + 1001, fx.id, IncidentField::engineer, "Petrov");
    CHECK(fx.apply(other) == ApplyKind::applied);
    CHECK(fx.inc().value(IncidentField::engineer) == "Petrov");
}

TEST_CASE("desk: last writer wins is decided by HLC, not by arrival; ties go to the greater replica id") {
    for (bool newer_first : {true, false}) {
        CAPTURE(newer_first);
        Fixture fx;
        // Same wall and counter on both replicas: "r2" > "r1".
        Operation a = fx.r1.set_field("u:ivanova", kBaseMs + 7000, fx.id, IncidentField::engineer, "from r1");
        Operation b = fx.r2.set_field("u:petrov", kBaseMs + 7000, fx.id, IncidentField::engineer, "from r2");
        a.hlc.counter = 0;
        b.hlc.counter = 0;
        REQUIRE(a.hlc.wall_ms == b.hlc.wall_ms);
        REQUIRE(b.hlc > a.hlc);
        if (newer_first) {
            CHECK(fx.apply(b) == ApplyKind::applied);
            CHECK(fx.apply(a) == ApplyKind::superseded);
        } else {
            CHECK(fx.apply(a) == ApplyKind::applied);
            CHECK(fx.apply(b) == ApplyKind::applied);
        }
        CHECK(fx.inc().value(IncidentField::engineer) == "from r2");
        CHECK(fx.desk.to_hlc(fx.inc().stamp_of(IncidentField::engineer)) == b.hlc);
        CHECK(fx.inc().superseded_writes == (newer_first ? 1u : 0u));
        CHECK(fx.desk.newest_hlc() == b.hlc);
    }
}

TEST_CASE("desk: a write older than the create loses to the initial value") {
    Fixture fx;
    OpFactory skewed("r3");  // never observed the create, clock an hour behind
    Operation op = skewed.set_field("u:x", kBaseMs - 3600000, fx.id, IncidentField::title, "from the past");
    CHECK(fx.apply(op) == ApplyKind::superseded);
    CHECK(fx.inc().value(IncidentField::title) == "Printer jammed");
}

TEST_CASE("desk: events are kept in HLC order whatever the arrival order") {
    hotline::testing::Rng rng(99);
    for (int round = 0; round < 20; ++round) {
        Fixture fx;
        OpFactory r3("r3");
        std::vector<Operation> events;
        for (int i = 0; i < 12; ++i) {
            OpFactory& f = i % 3 == 0 ? fx.r1 : (i % 3 == 1 ? fx.r2 : r3);
            // Walls interleave and repeat across replicas.
            events.push_back(f.add_event("u:a", kBaseMs + 100 * (i / 2) + 1, fx.id, "note", "event " + std::to_string(i)));
        }
        std::vector<Operation> sorted = events;
        std::sort(sorted.begin(), sorted.end(), [](const Operation& a, const Operation& b) { return a.hlc < b.hlc; });
        hotline::testing::shuffle(rng, events);
        for (const auto& op : events) REQUIRE(fx.apply(op) == ApplyKind::applied);
        const auto& got = fx.inc().events;
        REQUIRE(got.size() == sorted.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].id == sorted[i].id.to_string());
            CHECK(fx.desk.to_hlc(got[i].stamp) == sorted[i].hlc);
            CHECK(got[i].text == sorted[i].text);
            CHECK(got[i].type == "note");
            CHECK(got[i].actor == "u:a");
        }
    }
}

TEST_CASE("desk: event types - unknown ones are refused, defined ones are usable") {
    Fixture fx;
    Operation use = fx.r2.add_event("u:petrov", kBaseMs + 10, fx.id, "site_visit", "Went there");
    Desk::Parts before = fx.desk.parts();
    ApplyResult r = fx.desk.apply(use);
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "unknown_event_type");
    CHECK(r.error.message.find("site_visit") != std::string::npos);
    CHECK(fx.desk.parts().entities == before.entities);
    CHECK(fx.desk.seen() == before.seen);

    Operation def = fx.r1.define_event_type("u:admin", kBaseMs + 20, "site_visit", "Site visit");
    CHECK(fx.apply(def) == ApplyKind::applied);
    REQUIRE(fx.desk.find_event_type("site_visit") != nullptr);
    CHECK(fx.desk.find_event_type("site_visit")->value(EventTypeField::label) == "Site visit");
    CHECK(fx.desk.event_types().size() == std::size(default_event_types()) + 1);

    Operation use2 = fx.r2.add_event("u:petrov", kBaseMs + 30, fx.id, "site_visit", "Went there");
    CHECK(fx.apply(use2) == ApplyKind::applied);
    REQUIRE(fx.inc().events.size() == 1);
    CHECK(fx.inc().events[0].type == "site_visit");

    // Relabelling: last writer wins on the label, an older definition is superseded.
    Operation relabel = fx.r2.define_event_type("u:admin", kBaseMs + 40, "site_visit", "Выезд");
    Operation stale = fx.r1.define_event_type("u:admin", kBaseMs + 21, "site_visit", "Stale label");
    CHECK(fx.apply(relabel) == ApplyKind::applied);
    CHECK(fx.apply(stale) == ApplyKind::superseded);
    CHECK(fx.desk.find_event_type("site_visit")->value(EventTypeField::label) == "Выезд");
    CHECK(fx.desk.event_types().size() == std::size(default_event_types()) + 1);
    // Default types can be relabelled too.
    CHECK(fx.apply(fx.r1.define_event_type("u:admin", kBaseMs + 50, "note", "Заметка")) == ApplyKind::applied);
    CHECK(fx.desk.find_event_type("note")->value(EventTypeField::label) == "Заметка");
}

TEST_CASE("desk: renumber") {
    Desk desk;
    OpFactory f("r1");
    Operation create = f.create_incident("u:ivanova", kBaseMs, {{IncidentField::title, "Offline one"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    const std::string id = create.entity_id;
    CHECK(desk.find(id)->number.display() == "P-r1-1");

    OpFactory server("srv");
    Desk::Parts before = desk.parts();
    Operation to_provisional = server.renumber("s:sync", kBaseMs + 1, id, 5);
    to_provisional.number = IncidentNumber{0, "P-srv-1"};
    ApplyResult r = desk.apply(to_provisional);
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "bad_number");
    CHECK(desk.find(id)->number.display() == "P-r1-1");
    CHECK(desk.parts().entities == before.entities);
    CHECK(desk.seen() == before.seen);

    Operation renumber = server.renumber("s:sync", kBaseMs + 2, id, 10050);
    CHECK(desk.apply(renumber).kind == ApplyKind::applied);
    const Incident* inc = desk.find(id);
    CHECK(inc->number == IncidentNumber{10050, {}});
    CHECK(inc->number_aliases == std::vector<std::string>{"P-r1-1"});
    CHECK(inc->updated_ms == kBaseMs + 2);

    // Renumbering to the number it already has is harmless; to another one is refused.
    CHECK(desk.apply(server.renumber("s:sync", kBaseMs + 3, id, 10050)).kind == ApplyKind::applied);
    CHECK(desk.find(id)->number_aliases.size() == 1);
    r = desk.apply(server.renumber("s:sync", kBaseMs + 4, id, 10051));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "already_numbered");
    CHECK(r.error.message.find("10050") != std::string::npos);
    CHECK(desk.find(id)->number.value == 10050);

    auto history = decode_history(desk.find(id)->history, desk.actors(), EntityKind::incident);
    REQUIRE(history.size() == 2);
    CHECK(history[1].kind == TxKind::renumber);
    CHECK(history[1].old_value == "P-r1-1");
    CHECK(history[1].new_value == "10050");
    CHECK(history[1].actor == "s:sync");
}

TEST_CASE("desk: transitions are recorded") {
    Fixture fx;
    Operation t = fx.r2.transition("u:petrov", kBaseMs + 10, fx.id, IncidentStatus::in_progress);
    CHECK(fx.apply(t) == ApplyKind::applied);
    CHECK(fx.inc().status == IncidentStatus::in_progress);
    CHECK(fx.inc().updated_ms == kBaseMs + 10);
    auto history = decode_history(fx.inc().history, fx.desk.actors(), EntityKind::incident);
    REQUIRE(history.size() == 2);
    CHECK(history[1].kind == TxKind::status);
    CHECK(history[1].old_value == "registered");
    CHECK(history[1].new_value == "in_progress");
}

TEST_CASE("desk: updated_ms is the newest wall time applied, newest_hlc the greatest stamp") {
    Fixture fx;
    Operation late = fx.r1.set_field("u:ivanova", kBaseMs + 9000, fx.id, IncidentField::title, "late");
    Operation early = fx.r2.add_event("u:petrov", kBaseMs + 2000, fx.id, "note", "early");
    CHECK(fx.apply(late) == ApplyKind::applied);
    CHECK(fx.apply(early) == ApplyKind::applied);
    CHECK(fx.inc().updated_ms == kBaseMs + 9000);
    CHECK(fx.desk.newest_hlc() == late.hlc);
}

TEST_CASE("desk: parts and from_parts rebuild an equal desk that keeps working the same") {
    hotline::testing::RandomOpsOptions options;
    options.transitions = true;
    options.event_types = true;
    options.renumbers = true;
    auto ops = hotline::testing::random_operations(31337, 300, options);
    Desk a;
    auto counts = hotline::testing::apply_all(a, std::vector<Operation>(ops.begin(), ops.begin() + 200));
    REQUIRE(counts.rejected == 0);
    auto rebuilt = Desk::from_parts(a.parts());
    REQUIRE(rebuilt.ok());
    Desk b = std::move(rebuilt.value());
    CHECK(same_parts(a.parts(), b.parts()));
    CHECK(render_desk_full(a) == render_desk_full(b));
    for (const auto& op : ops) {
        REQUIRE(a.apply(op).kind == b.apply(op).kind);  // the first 200 are duplicates on both
    }
    CHECK(render_desk_full(a) == render_desk_full(b));
    CHECK(same_parts(a.parts(), b.parts()));
    CHECK(b.find(a.incidents().front().id) != nullptr);
    CHECK(b.has_applied(ops.back().id));
}

TEST_CASE("desk: from_parts refuses inconsistent snapshots") {
    Fixture fx;
    REQUIRE(fx.apply(fx.r2.set_field("u:petrov", kBaseMs + 10, fx.id, IncidentField::engineer, "P")) == ApplyKind::applied);
    {
        auto p = fx.desk.parts();
        p.replicas.push_back(p.replicas.front());
        auto r = Desk::from_parts(std::move(p));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "bad_snapshot");
    }
    {
        auto p = fx.desk.parts();
        p.entities.push_back(p.entities.front());
        auto r = Desk::from_parts(std::move(p));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("twice") != std::string::npos);
    }
    {
        auto p = fx.desk.parts();
        p.entities.front().field_stamps.push_back({IncidentField::unit_item, Stamp{kBaseMs, 0, 7}});
        auto r = Desk::from_parts(std::move(p));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "bad_snapshot");
    }
    {
        auto p = fx.desk.parts();
        auto fewer = p.entities.back().values.to_strings();  // a record with fewer values than its kind has fields
        fewer.pop_back();
        p.entities.back().values = FieldValues(std::vector<std::string_view>(fewer.begin(), fewer.end()));
        CHECK_FALSE(Desk::from_parts(std::move(p)).ok());
    }
    {
        auto p = fx.desk.parts();
        SeenOps seen = p.seen;
        seen.insert(9, 1);
        p.seen = seen;
        CHECK_FALSE(Desk::from_parts(std::move(p)).ok());
    }
    CHECK(Desk::from_parts(fx.desk.parts()).ok());
}

TEST_CASE("desk: operations built in code are checked as strictly as decoded ones") {
    Fixture fx;
    std::string before = render_desk_full(fx.desk);
    // Event text that the JSON decoder would refuse.
    auto bad_text = fx.r2.add_event("u:petrov", kBaseMs + 1, fx.id, "note", std::string("\xff\xfe", 2));
    CHECK(fx.desk.apply(bad_text).error.code == "bad_value");
    auto long_text = fx.r2.add_event("u:petrov", kBaseMs + 2, fx.id, "note", std::string(40 * 1024, 'x'));
    CHECK(fx.desk.apply(long_text).error.code == "bad_value");
    // A title cannot be cleared any more than created blank.
    auto blank_title = fx.r2.set_field("u:petrov", kBaseMs + 3, fx.id, IncidentField::title, "   ");
    CHECK(fx.desk.apply(blank_title).error.code == "missing_title");
    // Impossible dates.
    for (const char* date : {"2026-02-29", "2026-04-31", "2026-13-01"}) {
        auto op = fx.r2.set_field("u:petrov", kBaseMs + 4, fx.id, IncidentField::unit_warranty_end, date);
        CHECK_MESSAGE(fx.desk.apply(op).error.code == "bad_value", date);
    }
    CHECK(fx.apply(fx.r2.set_field("u:petrov", kBaseMs + 5, fx.id, IncidentField::unit_warranty_end, "2028-02-29")) ==
          ApplyKind::applied);
    // Event type definitions made in code.
    CHECK(fx.desk.apply(fx.r2.define_event_type("u:admin", kBaseMs + 6, "Bad Key", "Visit")).error.code == "bad_key");
    CHECK(fx.desk.apply(fx.r2.define_event_type("u:admin", kBaseMs + 7, "visit", "")).error.code == "missing_label");
    CHECK(render_desk_full(fx.desk) != before);  // only the valid date changed it
}

TEST_CASE("desk: a rejected operation from an unknown replica leaves no trace in the replica table") {
    Fixture fx;
    auto replicas = fx.desk.replicas();
    auto actors = fx.desk.actors();
    OpFactory stranger("junk");
    CHECK(fx.desk.apply(stranger.set_field("u:x", kBaseMs, "nope:1", IncidentField::title, "T")).kind ==
          ApplyKind::rejected);
    CHECK(fx.desk.replicas() == replicas);
    CHECK(fx.desk.actors() == actors);
}

TEST_CASE("desk: a final number belongs to one incident, whether it was created with it or renumbered to it") {
    Desk desk;
    OpFactory a("ra"), b("rb"), c("rc"), server("server");
    a.numbers().add_block({4876, 4876});
    b.numbers().add_block({4876, 4876});
    c.numbers().add_block({4900, 4900});
    Operation first = a.create_incident("u:a", kBaseMs, {{IncidentField::title, "One"}});
    REQUIRE(desk.apply(first).kind == ApplyKind::applied);

    Desk::Parts before = desk.parts();
    Operation second = b.create_incident("u:b", kBaseMs + 1, {{IncidentField::title, "Two"}});
    ApplyResult r = desk.apply(second);
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "number_in_use");
    CHECK(r.error.message.find("4876") != std::string::npos);
    CHECK(desk.parts().entities == before.entities);
    CHECK_FALSE(desk.has_applied(second.id));

    // A renumber to a number another incident holds is refused the same way.
    Operation provisional = a.create_incident("u:a", kBaseMs + 2, {{IncidentField::title, "Offline"}});
    REQUIRE_FALSE(provisional.number.is_final());
    REQUIRE(desk.apply(provisional).kind == ApplyKind::applied);
    r = desk.apply(server.renumber("s:server", kBaseMs + 3, provisional.entity_id, 4876));
    CHECK(r.kind == ApplyKind::rejected);
    CHECK(r.error.code == "number_in_use");
    REQUIRE(desk.apply(server.renumber("s:server", kBaseMs + 4, provisional.entity_id, 4900)).kind == ApplyKind::applied);
    Operation third = c.create_incident("u:c", kBaseMs + 5, {{IncidentField::title, "Three"}});
    CHECK(desk.apply(third).error.code == "number_in_use");

    // The rule holds on a desk rebuilt from a snapshot and after replaying the holder.
    auto copy = Desk::from_parts(desk.parts());
    REQUIRE(copy.ok());
    CHECK(copy->apply(second).error.code == "number_in_use");
    CHECK(copy->apply(third).error.code == "number_in_use");
    const std::vector<Operation> replayed = {first};
    REQUIRE(desk.replay_entity(EntityKind::incident, first.entity_id, replayed)[0].kind == ApplyKind::applied);
    CHECK(desk.apply(second).error.code == "number_in_use");
    // An incident replayed without its create gives its number back only if nothing holds it:
    // here its former state (and number) stays.
    const std::vector<Operation> no_create = {};
    (void)desk.replay_entity(EntityKind::incident, first.entity_id, no_create);
    CHECK(desk.apply(second).error.code == "number_in_use");
}
