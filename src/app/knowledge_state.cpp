#include "app/knowledge_state.hpp"

#include "app/app.hpp"

namespace hotline::app {
namespace {

using A = ArticleField;

nlohmann::json article_json(const Entity& a) {
    return {{"id", a.id}, {"title", a.value(A::title)}, {"state", a.value(A::state)},
            {"language", a.value(A::language)}, {"reason_code", a.value(A::reason_code)}};
}

}  // namespace

nlohmann::json knowledge_state_json(const App& app) {
    const KnowledgeBase& kb = app.knowledge();
    nlohmann::json results = nlohmann::json::array();
    for (const Entity* a : kb.results()) results.push_back(article_json(*a));
    nlohmann::json form = nullptr;
    if (kb.form_open()) {
        nlohmann::json fields = nlohmann::json::object();
        for (const FieldSpec& spec : fields_of(EntityKind::article))
            fields[std::string(spec.name)] = kb.draft().value(spec.id);
        form = {{"id", kb.editing()}, {"fields", std::move(fields)}, {"unsaved", kb.has_unsaved_edits()}};
    }
    return {{"query", kb.query()}, {"results", std::move(results)}, {"form", std::move(form)},
            {"may_write", kb.may_write()}};
}

nlohmann::json incident_articles_json(const App& app, const Incident& incident) {
    const KnowledgeBase& kb = app.knowledge();
    nlohmann::json suggested = nlohmann::json::array();
    for (const ArticleSuggestion& s : kb.suggestions(incident))
        suggested.push_back({{"title", s.article->value(A::title)}, {"score", s.score}});
    nlohmann::json linked = nlohmann::json::array();
    for (const Entity* a : kb.linked(incident)) linked.push_back(article_json(*a));
    return {{"suggested", std::move(suggested)}, {"linked", std::move(linked)}};
}

}  // namespace hotline::app
