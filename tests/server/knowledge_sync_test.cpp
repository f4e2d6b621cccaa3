// The knowledge base through the sync service (W13), on SQLite and PostgreSQL: an article
// written offline and published later syncs to everyone, technicians included (articles
// are reference data); links travel with their incident, so a technician pulls the links
// of their incidents only; agents and technicians do not write articles, and a technician
// links articles to their own incidents only.
#include <doctest/doctest.h>

#include <algorithm>

#include "company_fixture.hpp"
#include "core/knowledge.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;

namespace {

std::vector<std::string> pulled_ids(Company& f, const std::string& role) {
    auto r = f.call("GET", "/pull", "", f.tokens[role], {{"cursor", "0"}});
    REQUIRE(r.status == 200);
    std::vector<std::string> ids;
    for (const auto& e : r.body["ops"]) ids.push_back(e["op"]["entity_id"].get<std::string>());
    return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

static void articles_sync_to_everyone_links_with_their_incident(Backend backend) {
    Company f(backend);
    const std::string mine = f.create("agent", EntityKind::incident, {{IncidentField::title, "Boiler leaking"},
                                                                      {IncidentField::engineer, "technician"}});
    const std::string other = f.create("agent", EntityKind::incident, {{IncidentField::title, "Printer jammed"}});

    // Written offline: the create and the publishing are minted first, pushed together later.
    OpFactory& offline = f.factory("manager");
    const Operation draft = offline.create("u:manager", f.now += 10, EntityKind::article,
                                           {{ArticleField::title, "Boiler leaks"}, {ArticleField::body, "Check the valve."}});
    const Operation publish = offline.set_field("u:manager", f.now += 10, EntityKind::article, draft.entity_id,
                                                ArticleField::state, std::string(kArticlePublished));
    auto pushed = f.push(f.tokens["manager"], Company::replica_of("manager"), {draft, publish});
    REQUIRE(pushed.status == 200);
    CHECK(pushed.body["results"][0]["status"] == "applied");
    CHECK(pushed.body["results"][1]["status"] == "applied");

    for (const char* role : {"agent", "technician"}) CHECK_MESSAGE(has(pulled_ids(f, role), draft.entity_id), role);
    auto record = f.call("GET", "/records/article/" + draft.entity_id, "", f.tokens["technician"]);
    REQUIRE(record.status == 200);
    CHECK(record.body["record"]["fields"]["state"] == "published");

    // Only writers write: the agent's and the technician's articles are refused.
    for (const char* role : {"agent", "technician"}) {
        const Operation op = f.factory(role).create(std::string("u:") + role, f.now += 10, EntityKind::article,
                                                    {{ArticleField::title, "Mine"}});
        CHECK_MESSAGE(f.push_as(role, op) == "rejected", role);
    }

    // Links: the technician links to their incident, not to another's; pulls only theirs.
    const auto link = [&](const std::string& role, const std::string& incident) {
        return f.factory(role).create("u:" + role, f.now += 10, EntityKind::article_link,
                                      {{ArticleLinkField::incident, incident}, {ArticleLinkField::article, draft.entity_id}});
    };
    const Operation tech_link = link("technician", mine);
    CHECK(f.push_as("technician", tech_link) == "applied");
    CHECK(f.push_as("technician", link("technician", other)) == "rejected");
    const Operation agent_link = link("agent", other);
    CHECK(f.push_as("agent", agent_link) == "applied");
    const auto tech_ids = pulled_ids(f, "technician");
    CHECK(has(tech_ids, tech_link.entity_id));
    CHECK_FALSE(has(tech_ids, agent_link.entity_id));
    CHECK(has(pulled_ids(f, "agent"), tech_link.entity_id));
}

HOTLINE_DB_TEST("knowledge base: articles sync to everyone, links with their incident", articles_sync_to_everyone_links_with_their_incident)
