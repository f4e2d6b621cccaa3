// The demo server (README's run command): on an empty database, users for every
// role and the demo data set's incidents (assets/demo/demo_data.json, the same
// stories as the static demo), stored as ordinary operations of a replica
// "demo". All demo users share the password kDemoPassword:
//   admin (admin), manager (manager), the data set's call takers (agent) and its
//   engineers (every other one a technician, the rest engineers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"

namespace hotline::server {

inline constexpr std::string_view kDemoPassword = "hotline-demo";

struct DemoSetupReport {
    std::size_t users_created = 0;
    std::size_t operations_stored = 0;
};

// Does nothing to a database that already has users (or operations, for the incidents).
// `incidents`: how many (the demo server makes 300; the browser benchmark 100,000).
Result<DemoSetupReport> set_up_demo(Database& db, const std::string& demo_data_path, HashCost cost, std::int64_t now_ms,
                                    std::size_t incidents = 300);

}  // namespace hotline::server
