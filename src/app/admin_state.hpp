// The Administration screen in App::state_json, for the browser tests: the tab,
// the users with their departments, the reference kind shown with its records,
// and the open forms with their errors.
#pragma once

#include <nlohmann/json.hpp>

namespace hotline::app {

class App;

nlohmann::json admin_state_json(const App& app);

}  // namespace hotline::app
