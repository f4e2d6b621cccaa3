#include "server_fleet.hpp"

#include <filesystem>

namespace hotline::server_test {

ServerFleet::ServerFleet(const std::string& program, const std::string& db_path, const std::string& work,
                         std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
        const std::string dir = work + "/server-" + std::to_string(k);
        std::filesystem::create_directories(dir);
        servers_.push_back(std::make_unique<ServerProcess>(program, db_path, dir));
    }
}

Outcome ServerFleet::start_all() {
    for (auto& server : servers_)
        if (auto started = server->start(0); !started) return started;
    return {};
}

Result<bool> ServerFleet::restart(std::size_t k) {
    ServerProcess& server = at(k);
    if (server.running()) server.kill_hard();
    const std::uint16_t old_port = server.port();
    if (server.start(old_port)) return false;
    if (auto started = server.start(0); !started) return started.error();  // the old port was taken meanwhile
    return true;
}

void ServerFleet::stop_all() {
    for (auto& server : servers_) server->stop();
}

}  // namespace hotline::server_test
