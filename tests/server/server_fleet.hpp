// Several real hotline_server processes on one database, as deployed behind a load balancer
// (docs/operations.md): on PostgreSQL any number (HOTLINE_POSTGRES in the environment when
// they start), on SQLite one. Process k keeps its port file and log in <work>/server-<k>.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "server_process.hpp"

namespace hotline::server_test {

class ServerFleet {
public:
    ServerFleet(const std::string& program, const std::string& db_path, const std::string& work, std::size_t count);

    Outcome start_all();
    std::size_t size() const { return servers_.size(); }
    ServerProcess& at(std::size_t k) { return *servers_.at(k); }
    // Kills process k hard if it runs and starts it again, on its old port when that is still
    // free: whether its port changed (its clients must then be told).
    Result<bool> restart(std::size_t k);
    void stop_all();  // SIGTERM each: in-flight requests finish

private:
    std::vector<std::unique_ptr<ServerProcess>> servers_;
};

}  // namespace hotline::server_test
