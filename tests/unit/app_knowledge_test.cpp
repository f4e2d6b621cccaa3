// The Knowledge base through the App (app_knowledge.cpp, knowledge_base.hpp): an engineer
// writes and publishes an article, links and unlinks it on an incident, and writes one
// from a solved incident (a draft, linked, opened in the form); an agent reads only the
// published articles and writes none; the demo desk holds published articles.
#include <doctest/doctest.h>

#include <set>

#include "app/app.hpp"
#include "app_test_support.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

TEST_CASE("app: an engineer writes, publishes, links and unlinks an article") {
    auto dir = fresh_dir("app-knowledge");
    auto app = open_app(dir, {}, kBaseMs, Role::engineer);
    open_new_incident(*app, "Boiler leaks at night");
    app->show_knowledge();
    CHECK(app->screen() == Screen::knowledge);
    KnowledgeBase& kb = app->knowledge();
    kb.start_new();
    kb.draft().value(ArticleField::title) = "Boiler leaks";
    CHECK_FALSE(app->publish_article(kBaseMs + 2000));  // no body yet
    CHECK(app->message().code == "article_needs_body");
    CHECK(kb.draft().value(ArticleField::state) == "draft");  // a refused publish leaves the form as it was
    kb.draft().value(ArticleField::body) = "Check the pressure relief valve.";
    REQUIRE_MESSAGE(app->save_article(kBaseMs + 2000), app->message().text);
    REQUIRE_MESSAGE(app->publish_article(kBaseMs + 3000), app->message().text);
    const std::string id = kb.editing();
    CHECK(app->desk().find(EntityKind::article, id)->value(ArticleField::state) == "published");
    CHECK(kb.results().size() == 1);

    const Incident& inc = *app->editor().incident();
    CHECK(kb.suggestions(inc).front().article->id == id);  // "boiler", "leaks" in its title
    REQUIRE_MESSAGE(app->link_article(id, kBaseMs + 4000), app->message().text);
    CHECK(kb.linked(inc).size() == 1);
    CHECK_FALSE(app->link_article(id, kBaseMs + 4000));
    CHECK(app->message().code == "already_linked");
    REQUIRE_MESSAGE(app->unlink_article(id, kBaseMs + 5000), app->message().text);
    CHECK(kb.linked(inc).empty());
}

TEST_CASE("app: an article from a solved incident is a draft linked to it; agents read published ones only") {
    auto dir = fresh_dir("app-knowledge-solved");
    {
        auto app = open_app(dir, {}, kBaseMs, Role::engineer);
        open_new_incident(*app, "Printer jams");
        const std::string incident_id = app->editor().incident()->id;
        CHECK_FALSE(app->write_article(kBaseMs + 2000));
        CHECK(app->message().code == "not_solved");
        std::int64_t t = kBaseMs + 3000;
        const auto set = [&](IncidentField f, std::string v) {
            REQUIRE(app->replica().commit([&](OpFactory& op) { return op.set_field("u:tester", ++t, incident_id, f, v); }));
        };
        set(IncidentField::engineer, "tester");
        set(IncidentField::actual_problem, "Worn rollers.");
        set(IncidentField::actual_solution, "Replaced the roller kit.");
        for (IncidentStatus s : {IncidentStatus::assigned, IncidentStatus::in_progress, IncidentStatus::solved})
            REQUIRE(app->replica().commit([&](OpFactory& op) { return op.transition("u:tester", ++t, incident_id, s); }));
        app->editor().revert();  // the Summary follows what was written behind it
        REQUIRE_MESSAGE(app->write_article(++t), app->message().text);
        CHECK(app->screen() == Screen::knowledge);
        const Draft& form = app->knowledge().draft();
        CHECK(form.value(ArticleField::title) == "Printer jams");
        CHECK(form.value(ArticleField::body) == "Actual problem\nWorn rollers.\n\nActual solution\nReplaced the roller kit.");
        CHECK(form.value(ArticleField::state) == "draft");
        CHECK(app->knowledge().linked(*app->desk().find(incident_id)).size() == 1);
    }
    auto agent = open_app(dir, {}, kBaseMs, Role::agent);
    CHECK(agent->knowledge().results().empty());  // the draft is the writers'
    CHECK_FALSE(agent->knowledge().may_write());
    agent->knowledge().start_new();
    agent->knowledge().draft().value(ArticleField::title) = "Mine";
    CHECK_FALSE(agent->save_article(kBaseMs + 9000));
    CHECK(agent->message().code == "forbidden_role");
}

TEST_CASE("app: the demo desk holds published articles in its four languages") {
    auto dir = fresh_dir("app-knowledge-demo");
    auto app = open_app(dir, demo_data_path(), kBaseMs, Role::agent);
    std::set<std::string> languages;
    for (const Entity* a : app->knowledge().results()) {
        CHECK(a->value(ArticleField::state) == "published");
        CHECK_FALSE(a->value(ArticleField::reason_code).empty());
        languages.emplace(a->value(ArticleField::language));
    }
    CHECK(languages == std::set<std::string>{"en", "fr", "it", "ru"});
}
