// W13: the knowledge base in the core: the article's rules, who writes and who reads
// drafts, links and unlinks that converge when made concurrently on two replicas,
// suggestions ranked by reason codes and title words, and the draft written from a
// solved incident.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/knowledge.hpp"
#include "core/op_factory.hpp"
#include "desk_world.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using A = ArticleField;
using L = ArticleLinkField;

namespace {

const Principal kAgent{"agent", "Agent", Role::agent};
const Principal kEngineer{"pshah", "Priya", Role::engineer};
const Principal kTech{"tom", "Tom", Role::technician};

struct Fixture : hotline::testing::DeskWorld {
    std::string make(EntityKind kind, FieldValuesList fields, std::string key = {}, std::string actor = "u:admin") {
        const Operation op = f.create(std::move(actor), ++now, kind, std::move(fields), std::move(key));
        apply(op);
        return op.entity_id;
    }
    std::string article(const std::string& title, const std::string& body, const std::string& code,
                        std::string_view state = kArticlePublished) {
        FieldValuesList fields = {{A::title, title}, {A::body, body}, {A::state, std::string(state)}};
        if (!code.empty()) fields.emplace_back(A::reason_code, code);
        return make(EntityKind::article, fields);
    }
    std::string incident(const std::string& title, const std::string& general, const std::string& specific) {
        const Operation op = f.create_incident("u:agent", ++now, {{IncidentField::title, title},
                                                                  {IncidentField::reason_general, general},
                                                                  {IncidentField::reason_specific, specific}});
        apply(op);
        return op.entity_id;
    }
    Fixture() {
        f.numbers().add_block({1, 100});
        make(EntityKind::reason_code, {{ReasonCodeField::label, "Hardware"}}, "hw");
        make(EntityKind::reason_code, {{ReasonCodeField::label, "Water circuit"}, {ReasonCodeField::parent, "hw"}}, "hw_water");
        make(EntityKind::reason_code, {{ReasonCodeField::label, "Paper feed"}, {ReasonCodeField::parent, "hw"}}, "hw_paper");
        make(EntityKind::reason_code, {{ReasonCodeField::label, "Software"}}, "sw");
    }
    void link(const std::string& incident, const std::string& article, OpFactory& factory, Desk& on) {
        auto plan = plan_link(on, incident, article);
        REQUIRE(plan.ok());
        const Operation op = plan->reactivate.empty()
                                 ? factory.create("u:agent", ++now, EntityKind::article_link, plan->create)
                                 : factory.set_field("u:agent", ++now, EntityKind::article_link, plan->reactivate,
                                                     L::active, std::string(kFlagTrue));
        REQUIRE(on.apply(op).kind == ApplyKind::applied);
        ops.push_back(op);
    }
    void unlink(const std::string& incident, const std::string& article, OpFactory& factory, Desk& on) {
        auto plan = plan_unlink(on, incident, article);
        REQUIRE(plan.ok());
        for (const std::string& id : *plan) {
            const Operation op =
                factory.set_field("u:agent", ++now, EntityKind::article_link, id, L::active, std::string(kFlagFalse));
            REQUIRE(on.apply(op).kind == ApplyKind::applied);
            ops.push_back(op);
        }
    }
    std::vector<Operation> ops;  // made by link() and unlink(), to exchange between desks
};

std::vector<std::string> titles(const std::vector<const Entity*>& articles) {
    std::vector<std::string> out;
    for (const Entity* a : articles) out.emplace_back(a->value(A::title));
    return out;
}

}  // namespace

TEST_CASE("knowledge: an article is published with a body; links join one incident and one article for good") {
    Fixture fx;
    const Operation empty = fx.f.create("u:admin", ++fx.now, EntityKind::article,
                                        {{A::title, "Descaling"}, {A::state, std::string(kArticlePublished)}});
    CHECK(fx.desk.apply(empty).error.code == "article_needs_body");
    const std::string draft = fx.article("Descaling", "", "", kArticleDraft);
    CHECK(fx.desk.find(EntityKind::article, draft)->value(A::language) == "en");
    CHECK(fx.desk.apply(fx.f.set_field("u:admin", ++fx.now, EntityKind::article, draft, A::state,
                                       std::string(kArticlePublished)))
              .error.code == "article_needs_body");
    CHECK(fx.desk.apply(fx.f.set_field("u:admin", ++fx.now, EntityKind::article, draft, A::state, "live"))
              .kind == ApplyKind::rejected);

    const std::string inc = fx.incident("Leak", "Hardware", "Water circuit");
    const std::string other = fx.incident("Jam", "Hardware", "Paper feed");
    const std::string link = fx.make(EntityKind::article_link, {{L::incident, inc}, {L::article, draft}});
    CHECK(fx.desk.apply(fx.f.set_field("u:admin", ++fx.now, EntityKind::article_link, link, L::incident, other))
              .error.code == "article_link_fixed");
}

TEST_CASE("knowledge: an archived incident takes no new link in the app; one made offline meanwhile is kept") {
    Fixture fx;
    const std::string article = fx.article("Descaling", "Run the descaling program.", "");
    const std::string inc = fx.incident("Leak", "Hardware", "Water circuit");
    Desk offline = fx.desk;  // a replica that links before it hears of the archiving
    const Operation link = fx.f.create("u:admin", ++fx.now, EntityKind::article_link,
                                       {{L::incident, inc}, {L::article, article}});
    std::vector<Operation> archiving;
    for (IncidentStatus s : {IncidentStatus::closed, IncidentStatus::archived})
        archiving.push_back(fx.f.transition("u:admin", ++fx.now, inc, s));
    for (const Operation& op : archiving) fx.apply(op);
    CHECK(plan_link(fx.desk, inc, article).error().code == "archived");
    CHECK(plan_unlink(fx.desk, inc, article).error().code == "archived");

    // Both orders hold the link: a refused create would stay on the replica that made it.
    CHECK(offline.apply(link).kind == ApplyKind::applied);
    for (const Operation& op : archiving) CHECK(offline.apply(op).kind == ApplyKind::applied);
    CHECK(fx.desk.apply(link).kind == ApplyKind::applied);
    CHECK(linked_articles(fx.desk, inc).size() == 1);
    CHECK(linked_articles(offline, inc).size() == 1);
}

TEST_CASE("knowledge: engineers, managers and admins write articles; everyone else reads the published ones") {
    Fixture fx;
    const FieldValuesList fields = {{A::title, "Descaling"}, {A::body, "Run the descaling program."}};
    CHECK(authorize_operation(kEngineer, fx.f.create("u:pshah", fx.now, EntityKind::article, fields), fx.desk).ok());
    CHECK(authorize_operation(kAgent, fx.f.create("u:agent", fx.now, EntityKind::article, fields), fx.desk)
              .error().code == "forbidden_role");
    CHECK(authorize_operation(kTech, fx.f.create("u:tom", fx.now, EntityKind::article, fields), fx.desk)
              .error().code == "forbidden_role");
    const std::string published = fx.article("Descaling", "Run the descaling program.", "");
    const std::string draft = fx.article("Gaskets", "Unfinished.", "", kArticleDraft);
    CHECK(titles(search_articles(fx.desk, kAgent, "")) == std::vector<std::string>{"Descaling"});
    CHECK(titles(search_articles(fx.desk, kEngineer, "")) == std::vector<std::string>{"Descaling", "Gaskets"});
    CHECK(may_read_article(kTech, *fx.desk.find(EntityKind::article, published)));
    CHECK_FALSE(may_read_article(kTech, *fx.desk.find(EntityKind::article, draft)));
    // Articles are reference data: in every technician's scope.
    CHECK(TechnicianScope(kTech, fx.desk).contains(*fx.desk.find(EntityKind::article, draft)));
}

TEST_CASE("knowledge: search folds case and accents, title matches before body matches") {
    Fixture fx;
    fx.article("Détartrage de la machine", "Programme de nettoyage.", "");
    fx.article("Cleaning the group head", "After DETARTRAGE, rinse.", "");
    fx.article("Paper jams", "Open the rear door.", "");
    CHECK(titles(search_articles(fx.desk, kAgent, "detartrage")) ==
          std::vector<std::string>{"Détartrage de la machine", "Cleaning the group head"});
    CHECK(titles(search_articles(fx.desk, kAgent, "REAR door")) == std::vector<std::string>{"Paper jams"});
    CHECK(search_articles(fx.desk, kAgent, "nothing like it").empty());
}

TEST_CASE("knowledge: links made and unmade concurrently on three replicas converge, each link kept") {
    Fixture fx;
    const std::string inc = fx.incident("Leak", "Hardware", "Water circuit");
    const std::string gasket = fx.article("Gaskets", "Replace the gasket.", "hw_water");
    const std::string hose = fx.article("Drain hose", "Check the clamp.", "hw_water");
    Desk b = fx.desk, c = fx.desk;  // two more replicas, offline from here on
    OpFactory g{"rb"}, h{"rc"};
    const auto take = [&] { return std::exchange(fx.ops, {}); };
    const auto deliver = [](const std::vector<Operation>& ops, Desk& to) {
        for (const Operation& op : ops) REQUIRE(to.apply(op).kind != ApplyKind::rejected);
    };

    // A and B both link the gasket article, B the hose article too: three links.
    fx.link(inc, gasket, fx.f, fx.desk);
    const auto a_links = take();
    fx.link(inc, gasket, g, b);
    fx.link(inc, hose, g, b);
    const auto b_links = take();
    deliver(a_links, b);
    deliver(b_links, fx.desk);
    CHECK(titles(linked_articles(fx.desk, inc)) == std::vector<std::string>{"Drain hose", "Gaskets"});
    CHECK(titles(linked_articles(b, inc)) == titles(linked_articles(fx.desk, inc)));

    // B unlinks the gasket article (both links of the pair) while C, which has seen none of
    // this, links it: C's link is one B's unlink did not see, so it stays.
    fx.unlink(inc, gasket, g, b);
    const auto b_unlinks = take();
    CHECK(b_unlinks.size() == 2);
    CHECK(linked_articles(b, inc).size() == 1);
    fx.link(inc, gasket, h, c);
    const auto c_links = take();
    deliver(b_unlinks, fx.desk);
    deliver(c_links, fx.desk);
    deliver(c_links, b);
    for (const auto* ops : {&a_links, &b_links, &b_unlinks}) deliver(*ops, c);
    for (const Desk* d : {&fx.desk, &b, &c}) {
        CHECK(titles(linked_articles(*d, inc)) == std::vector<std::string>{"Drain hose", "Gaskets"});
        CHECK(testing::render_state(*d) == testing::render_state(fx.desk));
    }

    // Unlinking and linking again brings a link back rather than adding one.
    CHECK(plan_link(fx.desk, inc, hose).error().code == "already_linked");
    fx.unlink(inc, hose, fx.f, fx.desk);
    CHECK(plan_unlink(fx.desk, inc, hose).error().code == "not_linked");
    fx.link(inc, hose, fx.f, fx.desk);
    CHECK(fx.ops.back().type == OpType::set);
    CHECK(is_linked(fx.desk, inc, hose));
}

TEST_CASE("knowledge: technicians link articles to their incidents only, and hold those links") {
    Fixture fx;
    const Operation mine = fx.f.create_incident("u:tom", ++fx.now, {{IncidentField::title, "Mine"}});
    fx.apply(mine);
    const std::string theirs = fx.incident("Not Tom's", "Hardware", "");
    const std::string article = fx.article("Gaskets", "Replace the gasket.", "");
    const auto link_op = [&](const std::string& inc) {
        return fx.f.create("u:tom", ++fx.now, EntityKind::article_link, {{L::incident, inc}, {L::article, article}});
    };
    CHECK(authorize_operation(kTech, link_op(mine.entity_id), fx.desk).ok());
    CHECK(authorize_operation(kTech, link_op(theirs), fx.desk).error().code == "forbidden_incident");
    const std::string other_link = fx.make(EntityKind::article_link, {{L::incident, theirs}, {L::article, article}});
    const Operation unlink = fx.f.set_field("u:tom", ++fx.now, EntityKind::article_link, other_link, L::active,
                                            std::string(kFlagFalse));
    CHECK(authorize_operation(kTech, unlink, fx.desk).error().code == "forbidden_incident");
    const std::string my_link = fx.make(EntityKind::article_link, {{L::incident, mine.entity_id}, {L::article, article}});
    const TechnicianScope scope(kTech, fx.desk);
    CHECK(scope.contains(*fx.desk.find(EntityKind::article_link, my_link)));
    CHECK_FALSE(scope.contains(*fx.desk.find(EntityKind::article_link, other_link)));
}

TEST_CASE("knowledge: suggestions rank published articles by reason code, then title words") {
    Fixture fx;
    const std::string inc = fx.incident("Coffee machine leaking under the group head", "HARDWARE", "water circuit");
    fx.article("Group head gasket", "Replace the gasket.", "hw_water");        // 6, title "group" "head" 4
    fx.article("Leaks in general", "Find where the water comes from.", "hw");  // 3: the general code
    fx.article("Paper jams", "Open the rear door.", "hw_paper");                // 1, a sibling code: left out
    fx.article("Descaling", "Coffee machine descaling every month.", "sw");     // body "coffee" "machine" 2
    fx.article("Unrelated", "Nothing here.", "sw");                             // 0: left out
    fx.article("Group head draft", "Not published.", "hw_water", kArticleDraft);
    const Incident& incident = *fx.desk.find(inc);
    const auto suggestions = suggest_articles(fx.desk, incident);
    std::vector<std::string> order;
    for (const ArticleSuggestion& s : suggestions) order.emplace_back(s.article->value(A::title));
    CHECK(order == std::vector<std::string>{"Group head gasket", "Leaks in general", "Descaling"});
    CHECK(suggestions.front().score == 6 + 4);  // no account, so no language to prefer
    CHECK(suggest_articles(fx.desk, incident, 2).size() == 2);

    // A linked article is no longer suggested: it is listed as linked.
    fx.make(EntityKind::article_link, {{L::incident, inc}, {L::article, suggestions.front().article->id}});
    CHECK(suggest_articles(fx.desk, *fx.desk.find(inc)).front().article->value(A::title) == "Leaks in general");
}

TEST_CASE("knowledge: an article drafted from a solved incident's problem and solution") {
    Fixture fx;
    const std::string inc = fx.incident("Coffee machine leaking", "Hardware", "Water circuit");
    CHECK(article_from_incident(fx.desk, *fx.desk.find(inc), "Problem", "Solution").error().code == "not_solved");
    fx.apply(fx.f.set_field("u:admin", ++fx.now, inc, IncidentField::department, "Workshop"));
    fx.apply(fx.f.set_field("u:admin", ++fx.now, inc, IncidentField::actual_problem, "Gasket worn."));
    fx.apply(fx.f.set_field("u:admin", ++fx.now, inc, IncidentField::actual_solution, "Replaced the gasket."));
    for (IncidentStatus s : {IncidentStatus::assigned, IncidentStatus::in_progress, IncidentStatus::solved})
        fx.apply(fx.f.transition("u:admin", ++fx.now, inc, s));
    auto fields = article_from_incident(fx.desk, *fx.desk.find(inc), "Problem", "Solution");
    REQUIRE(fields.ok());
    const std::string article = fx.make(EntityKind::article, *fields, {}, "u:pshah");
    const Entity& a = *fx.desk.find(EntityKind::article, article);
    CHECK(a.value(A::title) == "Coffee machine leaking");
    CHECK(a.value(A::body) == "Problem\nGasket worn.\n\nSolution\nReplaced the gasket.");
    CHECK(a.value(A::reason_code) == "hw_water");
    CHECK(a.value(A::language) == "en");
    CHECK(a.value(A::state) == kArticleDraft);
    CHECK(authorize_operation(kEngineer, fx.f.create("u:pshah", fx.now, EntityKind::article, *fields), fx.desk).ok());
}
