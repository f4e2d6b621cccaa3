// POST /login, POST /logout and the bearer-token check in front of every other
// call. Tokens live 30 days; a deactivated user's tokens stop working at once
// because every request looks the user up again.
#pragma once

#include <cstdint>
#include <functional>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"
#include "server/login_limiter.hpp"

namespace hotline::server {

inline constexpr std::int64_t kSessionLifetimeMs = 30LL * 24 * 3600 * 1000;

nlohmann::json user_json(const UserRecord& user);

class Sessions {
public:
    explicit Sessions(Database& db) : db_(db) {}

    ApiResponse login(const ApiRequest& request, std::int64_t now_ms);
    ApiResponse logout(const ApiRequest& request);
    // The signed-in user of a request, or the 401/503 reply to send.
    Result<Principal> authenticate(const ApiRequest& request, std::int64_t now_ms, ApiResponse& refusal);

private:
    Database& db_;
    LoginLimiter limiter_;
    std::int64_t last_cleanup_ms_ = 0;
};

}  // namespace hotline::server
