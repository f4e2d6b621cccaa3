// Desk::replay_entity (desk.hpp): rebuilding one incident in a given operation order,
// as the sync client does with server history + pending operations.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using hotline::testing::render_desk_full;
using hotline::testing::render_state;

namespace {

Desk fold(const std::vector<Operation>& ops) {
    Desk d;
    for (const auto& op : ops) d.apply(op);
    return d;
}

struct TwoWriters {
    OpFactory me{"me"};
    OpFactory other{"ot"};
    Operation create;

    TwoWriters() {
        me.numbers().add_block({100, 199});
        create = me.create_incident("u:me", kBaseMs, {{IncidentField::title, "Boiler leaks"}});
        other.clock().observe(create.hlc, kBaseMs);
    }
};

}  // namespace

TEST_CASE("replay: a pending transition that the server order makes invalid is reported as rejected") {
    TwoWriters w;
    Operation mine = w.me.transition("u:me", kBaseMs + 10, w.create.entity_id, IncidentStatus::in_progress);
    Operation note = w.me.add_event("u:me", kBaseMs + 11, w.create.entity_id, "note", "on my way");
    Operation theirs = w.other.transition("u:ot", kBaseMs + 5, w.create.entity_id, IncidentStatus::in_progress);

    Desk local;
    REQUIRE(local.apply(w.create).kind == ApplyKind::applied);
    REQUIRE(local.apply(mine).kind == ApplyKind::applied);
    REQUIRE(local.apply(note).kind == ApplyKind::applied);

    // Server order: create, their transition; then my pending ones.
    std::vector<Operation> order{w.create, theirs, mine, note};
    auto results = local.replay_entity(EntityKind::incident, w.create.entity_id, order);
    REQUIRE(results.size() == 4);
    CHECK(results[0].kind == ApplyKind::applied);
    CHECK(results[1].kind == ApplyKind::applied);
    CHECK(results[2].kind == ApplyKind::rejected);
    CHECK(results[2].error.code == "same_status");
    CHECK(results[3].kind == ApplyKind::applied);

    CHECK_FALSE(local.has_applied(mine.id));  // refused: the user may re-apply it
    CHECK(local.has_applied(theirs.id));
    CHECK(local.has_applied(note.id));
    CHECK(render_desk_full(local) == render_desk_full(fold(order)));
}

TEST_CASE("replay: the result equals a fresh desk folding the same operations in that order") {
    TwoWriters w;
    const std::string id = w.create.entity_id;
    std::vector<Operation> mine{
        w.me.set_field("u:me", kBaseMs + 20, id, IncidentField::priority, "1"),
        w.me.set_field("u:me", kBaseMs + 21, id, IncidentField::title, "Boiler leaks badly"),
        w.me.add_event("u:me", kBaseMs + 22, id, "note", "called"),
    };
    // Minted in time order (their clock never goes back), delivered in another.
    Operation their_priority = w.other.set_field("u:ot", kBaseMs + 5, id, IncidentField::priority, "3");  // older: loses
    Operation their_transition = w.other.transition("u:ot", kBaseMs + 6, id, IncidentStatus::in_progress);
    Operation their_title = w.other.set_field("u:ot", kBaseMs + 30, id, IncidentField::title, "Boiler: leak");  // wins
    std::vector<Operation> theirs{their_title, their_priority, their_transition};
    // Another incident that must not be touched, created before and after.
    Operation before = w.other.create_incident("u:ot", kBaseMs + 1, {{IncidentField::title, "Before"}});
    Operation after_create = w.other.create_incident("u:ot", kBaseMs + 2, {{IncidentField::title, "After"}});

    Desk local;
    local.apply(before);
    local.apply(w.create);
    local.apply(after_create);
    for (const auto& op : mine) local.apply(op);
    const Incident* address_before = local.find(id);

    std::vector<Operation> order{w.create, theirs[0], theirs[1], theirs[2], mine[0], mine[1], mine[2]};
    auto results = local.replay_entity(EntityKind::incident, id, order);
    for (const auto& r : results) CHECK(r.kind != ApplyKind::rejected);
    CHECK(results[4].kind == ApplyKind::applied);     // my priority is newer than theirs
    CHECK(results[5].kind == ApplyKind::superseded);  // my title is older than theirs

    CHECK(local.find(id) == address_before);  // same place in the list
    CHECK(local.incidents()[1].id == id);
    const Incident& inc = *local.find(id);
    CHECK(inc.value(IncidentField::title) == "Boiler: leak");
    CHECK(inc.value(IncidentField::priority) == "1");
    CHECK(inc.status == IncidentStatus::in_progress);
    CHECK(inc.superseded_writes == 1);

    std::vector<Operation> fresh_order{before, after_create};
    fresh_order.insert(fresh_order.end(), order.begin(), order.end());
    Desk fresh = fold(fresh_order);
    CHECK(render_state(local) == render_state(fresh));
    CHECK(inc == *fresh.find(id));  // values, history, superseded writes, events
    CHECK(*local.find(before.entity_id) == *fresh.find(before.entity_id));
}

TEST_CASE("replay: random operation sequences replayed in another order equal a fresh fold of that order") {
    hotline::testing::RandomOpsOptions options;
    options.replicas = 3;
    options.incidents = 3;
    options.transitions = true;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        auto ops = hotline::testing::random_operations(seed, 80, options);
        Desk local = fold(ops);
        // Rebuild each incident with its operations rotated (creation first).
        hotline::testing::Rng rng(seed);
        std::vector<Operation> reordered;
        for (const Incident& inc : local.incidents()) {
            std::vector<Operation> mine;
            for (const auto& op : ops)
                if (op.entity == EntityKind::incident && op.entity_id == inc.id && op.type != OpType::create)
                    mine.push_back(op);
            hotline::testing::shuffle(rng, mine);
            for (const auto& op : ops)
                if (op.type == OpType::create && op.entity_id == inc.id) mine.insert(mine.begin(), op);
            reordered.insert(reordered.end(), mine.begin(), mine.end());
        }
        Desk expected;
        for (const auto& op : ops)
            if (op.entity == EntityKind::event_type) expected.apply(op);
        for (const Incident& inc : std::vector<Incident>(local.incidents().begin(), local.incidents().end())) {
            std::vector<Operation> mine;
            for (const auto& op : reordered)
                if (op.entity_id == inc.id) mine.push_back(op);
            local.replay_entity(EntityKind::incident, inc.id, mine);
            for (const auto& op : mine) expected.apply(op);
        }
        INFO("seed " << seed);
        CHECK(render_desk_full(local) == render_desk_full(expected));
    }
}

TEST_CASE("replay: foreign ids, repeats, a missing create and an unknown incident") {
    TwoWriters w;
    const std::string id = w.create.entity_id;
    Operation set = w.me.set_field("u:me", kBaseMs + 3, id, IncidentField::priority, "2");
    Operation elsewhere = w.other.create_incident("u:ot", kBaseMs + 4, {{IncidentField::title, "Other"}});

    SUBCASE("ops of another incident and repeated ids are not applied") {
        Desk local = fold({w.create, set, elsewhere});
        std::vector<Operation> order{w.create, elsewhere, set, set};
        auto results = local.replay_entity(EntityKind::incident, id, order);
        CHECK(results[1].kind == ApplyKind::rejected);
        CHECK(results[1].error.code == "wrong_record");
        CHECK(results[2].kind == ApplyKind::applied);
        CHECK(results[3].kind == ApplyKind::duplicate);
        CHECK(local.find(id)->value(IncidentField::priority) == "2");
        CHECK(local.has_applied(elsewhere.id));  // untouched
    }
    SUBCASE("without its create the incident keeps its former state and stays seen") {
        Desk local = fold({w.create, set});
        const std::string full_before = render_desk_full(local);
        auto results = local.replay_entity(EntityKind::incident, id, std::vector<Operation>{set});
        REQUIRE(results.size() == 1);
        CHECK(results[0].kind == ApplyKind::rejected);
        CHECK(render_desk_full(local) == full_before);
        CHECK(local.has_applied(set.id));
    }
    SUBCASE("an incident not held yet is appended") {
        Desk local = fold({elsewhere});
        auto results = local.replay_entity(EntityKind::incident, id, std::vector<Operation>{w.create, set});
        CHECK(results[0].kind == ApplyKind::applied);
        CHECK(results[1].kind == ApplyKind::applied);
        REQUIRE(local.incidents().size() == 2);
        CHECK(local.incidents()[1].id == id);
        CHECK(render_desk_full(local) == render_desk_full(fold({elsewhere, w.create, set})));
    }
}
