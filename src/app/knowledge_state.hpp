// The Knowledge base in App::state_json, for the browser tests: the search and its
// results, the open article's form, and on the open incident its suggested and linked
// articles (titles as shown).
#pragma once

#include <nlohmann/json.hpp>

#include "core/entity.hpp"

namespace hotline::app {

class App;

nlohmann::json knowledge_state_json(const App& app);
nlohmann::json incident_articles_json(const App& app, const Incident& incident);

}  // namespace hotline::app
