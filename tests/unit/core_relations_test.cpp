// W12: child incidents and merged duplicates in the core: the merge operation's fold
// (one operation: names the survivor, closes, never twice, never reopened), its JSON form,
// the rules checked when a change is made (parents, merge targets, closing a parent with
// open children), what moves to the survivor for people (events, time entries, article
// links, children), a technician kept to their own incidents, and two replicas merging
// one pair both ways ending alike once the server's order is applied.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/authorization.hpp"
#include "core/auto_close.hpp"
#include "core/knowledge.hpp"
#include "core/op_admission.hpp"
#include "core/operation_json.hpp"
#include "core/relations.hpp"
#include "core/time_entries.hpp"
#include "desk_world.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;

namespace {

struct Fixture : hotline::testing::DeskWorld {
    Fixture() { f.numbers().add_block({1, 100}); }

    std::string incident(const std::string& title, std::vector<std::pair<FieldId, std::string>> more = {}) {
        more.emplace_back(IncidentField::title, title);
        std::sort(more.begin(), more.end());
        const Operation op = f.create_incident("u:agent", ++now, more);
        apply(op);
        return op.entity_id;
    }
    const Incident& get(const std::string& id) const { return *desk.find(id); }
    std::string number(const std::string& id) const { return get(id).number.display(); }
    // A new operation as the app or the server admits it: its rules, then the fold.
    Outcome admit(const Operation& op) {
        if (auto ok = check_new_operation(op, desk); !ok) return ok;
        const ApplyResult r = desk.apply(op);
        if (r.kind == ApplyKind::rejected) return r.error;
        return {};
    }
    Outcome merge(const std::string& merged, const std::string& into) {
        return admit(f.merge("u:agent", ++now, merged, into));
    }
    Outcome close(const std::string& id) { return admit(f.transition("u:agent", ++now, id, IncidentStatus::closed)); }
};

std::vector<std::string> numbers(const std::vector<const Incident*>& list) {
    std::vector<std::string> out;
    for (const Incident* inc : list) out.push_back(inc->number.display());
    return out;
}

}  // namespace

TEST_CASE("merge: one operation names the survivor and closes the duplicate; its JSON round-trips") {
    Fixture w;
    const std::string dup = w.incident("Printer jams"), keep = w.incident("Printer jams again");
    const Operation op = w.f.merge("u:agent", ++w.now, dup, keep);
    const std::string json = encode_operation(op);
    CHECK(json.find("\"type\":\"merge\"") != std::string::npos);
    CHECK(json.find("\"value\":\"" + keep + "\"") != std::string::npos);
    auto decoded = decode_operation(json);
    REQUIRE(decoded.ok());
    CHECK(*decoded == op);
    CHECK(decode_operation(std::string(json).replace(json.find(keep), keep.size(), "not an id")).error().code ==
          "bad_operation");

    REQUIRE(w.admit(op));
    const Incident& merged = w.get(dup);
    CHECK(merged.value(IncidentField::merged_into) == keep);
    CHECK(merged.status == IncidentStatus::closed);
    CHECK(survivor_of(w.desk, merged) == &w.get(keep));
    CHECK(numbers(merged_family(w.desk, w.get(keep))) == std::vector<std::string>{w.number(keep), w.number(dup)});
    // Once merged: not again, not reopened, and nobody writes the survivor by hand.
    CHECK(w.merge(dup, keep).error().code == "already_merged");
    CHECK(w.admit(w.f.transition("u:agent", ++w.now, dup, IncidentStatus::in_progress)).error().code == "merged");
    CHECK(w.admit(w.f.set_field("u:agent", ++w.now, keep, IncidentField::merged_into, dup)).error().code == "merge_only");
    CHECK(w.desk.apply(w.f.create_incident("u:agent", ++w.now, {{IncidentField::merged_into, keep}, {IncidentField::title, "x"}}))
              .error.code == "merge_only");
    // Its number still finds it, and it can still be archived.
    CHECK(w.admit(w.f.transition("u:agent", ++w.now, dup, IncidentStatus::archived)));
}

TEST_CASE("merge: the survivor must be another incident, held, not merged, not archived, not a child") {
    Fixture w;
    const std::string a = w.incident("A"), b = w.incident("B"), c = w.incident("C");
    const std::string child = w.incident("A's child", {{IncidentField::parent, a}});
    CHECK(w.merge(a, a).error().code == "merge_into_itself");
    CHECK(w.merge(a, "zz:9").error().code == "unknown_incident");
    CHECK(w.merge(a, child).error().code == "merge_into_child");
    REQUIRE(w.merge(b, c));
    CHECK(w.merge(a, b).error().code == "merge_target_merged");
    REQUIRE(w.close(c));
    REQUIRE(w.admit(w.f.transition("u:agent", ++w.now, c, IncidentStatus::archived)));
    CHECK(w.merge(a, c).error().code == "archived");
    // A child merged into its parent is fine: it was a duplicate of it.
    CHECK(w.merge(child, a));
}

TEST_CASE("children: a parent is not closed while a child is open, and says which") {
    Fixture w;
    const std::string parent = w.incident("Site down");
    const std::string one = w.incident("Router", {{IncidentField::parent, parent}});
    const std::string two = w.incident("Switch", {{IncidentField::parent, parent}});
    CHECK(numbers(children_of(w.desk, w.get(parent))) == std::vector<std::string>{w.number(one), w.number(two)});
    CHECK(parent_of(w.desk, w.get(one)) == &w.get(parent));
    const Outcome refused = w.close(parent);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "open_children");
    CHECK(refused.error().message.find(w.number(one) + ", " + w.number(two)) != std::string::npos);
    REQUIRE(w.close(one));
    CHECK(w.close(parent).error().code == "open_children");
    REQUIRE(w.close(two));
    CHECK(w.close(parent));
}

TEST_CASE("children: a parent is held, open, not merged, and no cycle forms") {
    Fixture w;
    const std::string a = w.incident("A"), b = w.incident("B", {}), c = w.incident("C");
    const auto set_parent = [&](const std::string& id, const std::string& parent) {
        return w.admit(w.f.set_field("u:agent", ++w.now, id, IncidentField::parent, parent));
    };
    REQUIRE(set_parent(b, a));
    REQUIRE(set_parent(c, b));
    CHECK(set_parent(a, c).error().code == "parent_cycle");
    CHECK(set_parent(a, a).error().code == "parent_cycle");
    CHECK(set_parent(a, "zz:1").error().code == "unknown_incident");
    const std::string d = w.incident("D"), e = w.incident("E");
    REQUIRE(w.merge(d, e));
    CHECK(set_parent(a, d).error().code == "parent_merged");
    REQUIRE(w.close(e));
    CHECK(set_parent(a, e).error().code == "parent_closed");
    CHECK(check_parent(w.desk, {}, e).error().code == "parent_closed");  // what the app asks before a new child
    // The fold itself takes a parent it does not hold (a technician's device holds only theirs).
    CHECK(w.desk.apply(w.f.set_field("u:agent", ++w.now, a, IncidentField::parent, "zz:1")).kind == ApplyKind::applied);
}

TEST_CASE("child fields: a child starts from its parent's customer, unit, reasons and priority") {
    Fixture w;
    const std::string parent = w.incident("Boiler", {{IncidentField::customer_name, "Acme"},
                                                     {IncidentField::unit_serial, "SN-1"},
                                                     {IncidentField::priority, "2"},
                                                     {IncidentField::actual_problem, "valve"}});
    const auto fields = child_fields(w.get(parent));
    const auto value = [&](FieldId f) {
        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& p) { return p.first == f; });
        return it == fields.end() ? std::string("<none>") : it->second;
    };
    CHECK(value(IncidentField::parent) == parent);
    CHECK(value(IncidentField::customer_name) == "Acme");
    CHECK(value(IncidentField::unit_serial) == "SN-1");
    CHECK(value(IncidentField::priority) == "2");
    CHECK(value(IncidentField::actual_problem) == "<none>");  // the work is the child's own
    CHECK(value(IncidentField::title) == "<none>");
    CHECK(std::is_sorted(fields.begin(), fields.end()));
}

TEST_CASE("merge: events, time entries, article links and children show on the survivor") {
    Fixture w;
    const std::string dup = w.incident("Noise"), keep = w.incident("Noise in pump");
    const std::string child = w.incident("Check bearings", {{IncidentField::parent, dup}});
    w.apply(w.f.add_event("u:agent", ++w.now, dup, "note", "customer called twice"));
    w.apply(w.f.create("u:agent", ++w.now, EntityKind::time_entry, manual_entry_fields(dup, "agent", 25, "call")));
    w.apply(w.f.create("u:admin", ++w.now, EntityKind::article, {{ArticleField::title, "Pump noise"},
                                                                  {ArticleField::body, "Grease it"},
                                                                  {ArticleField::state, std::string(kArticlePublished)}}));
    const std::string article = w.desk.entities(EntityKind::article).back().id;
    const auto link = plan_link(w.desk, dup, article);
    REQUIRE(link.ok());
    w.apply(w.f.create("u:agent", ++w.now, EntityKind::article_link, link->create));
    REQUIRE(w.merge(dup, keep));

    const Incident& survivor = w.get(keep);
    const auto spent = time_spent(w.desk, w.now, keep);
    REQUIRE(spent.size() == 1);
    CHECK(spent[0].minutes == 25);
    CHECK(time_spent(w.desk, w.now, dup).empty());
    REQUIRE(linked_articles(w.desk, keep).size() == 1);
    CHECK(numbers(children_of(w.desk, survivor)) == std::vector<std::string>{w.number(child)});
    CHECK(children_of(w.desk, w.get(dup)).empty());
    CHECK(w.close(keep).error().code == "open_children");  // its new child holds it open
    CHECK(in_family(w.desk, survivor, dup));
    CHECK_FALSE(in_family(w.desk, w.get(dup), keep));
}

TEST_CASE("merge: a technician relates only their own incidents") {
    Fixture w;
    const std::string mine = w.incident("Mine", {{IncidentField::engineer, "tom"}});
    const std::string theirs = w.incident("Not mine");
    const Principal tom{"tom", "Tom", Role::technician};
    OpFactory tf("rt");
    CHECK(authorize_operation(tom, tf.merge("u:tom", w.now, mine, theirs), w.desk).error().code == "forbidden_incident");
    CHECK(authorize_operation(tom, tf.create_incident("u:tom", w.now, {{IncidentField::parent, theirs}, {IncidentField::title, "c"}}),
                              w.desk)
              .error()
              .code == "forbidden_incident");
    CHECK(authorize_operation(tom, tf.create_incident("u:tom", w.now, {{IncidentField::parent, mine}, {IncidentField::title, "c"}}),
                              w.desk));
}

TEST_CASE("merge: two replicas merging one pair both ways end alike in the server's order") {
    Fixture w;
    const Operation x_create = w.f.create_incident("u:agent", ++w.now, {{IncidentField::title, "X"}});
    const Operation y_create = w.f.create_incident("u:agent", ++w.now, {{IncidentField::title, "Y"}});
    const std::string x = x_create.entity_id, y = y_create.entity_id;
    w.apply(x_create);
    w.apply(y_create);
    Desk server = w.desk, other = w.desk;
    OpFactory fb("rb");
    const Operation x_into_y = w.f.merge("u:agent", ++w.now, x, y);  // replica A
    const Operation y_into_x = fb.merge("u:bob", ++w.now, y, x);     // replica B, offline
    REQUIRE(w.desk.apply(x_into_y).kind == ApplyKind::applied);
    REQUIRE(other.apply(y_into_x).kind == ApplyKind::applied);
    // The server admits A's first; B's is then refused (its survivor is merged).
    REQUIRE(check_new_operation(x_into_y, server));
    REQUIRE(server.apply(x_into_y).kind == ApplyKind::applied);
    CHECK(check_new_operation(y_into_x, server).error().code == "merge_target_merged");
    // B pulls A's merge (the fold judges X alone: it applies although Y is merged there) and
    // rebuilds Y from the server's history without its refused merge (the sync engine's way).
    REQUIRE(other.apply(x_into_y).kind == ApplyKind::applied);
    const std::vector<Operation> y_history{y_create};
    const std::vector<OpId> refused{y_into_x.id};
    other.replay_entity(EntityKind::incident, y, y_history, refused);
    for (const Desk* d : {&server, &w.desk, &other}) {
        CHECK(d->find(x)->value(IncidentField::merged_into) == y);
        CHECK(d->find(x)->status == IncidentStatus::closed);
        CHECK(d->find(y)->value(IncidentField::merged_into).empty());
        CHECK(d->find(y)->status == IncidentStatus::registered);
    }
}
