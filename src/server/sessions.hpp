// POST /login, POST /logout and the bearer-token check in front of every other
// call. Tokens live 30 days; a deactivated user's tokens stop working at once
// because every request looks the user up again, and users_api ends them for good.
//
// Login answers do not tell whether a login exists: an unknown (or disabled) login is
// checked against a dummy hash of the same Argon2id cost, so every refusal costs one hash
// and says "wrong login or password". The hash runs as background work
// (ApiResponse::background), off the HTTP io thread. A user keeps at most
// kSessionsPerUserMax sessions: signing in once more ends the oldest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"
#include "server/login_limiter.hpp"

namespace hotline::server {

inline constexpr std::int64_t kSessionLifetimeMs = 30LL * 24 * 3600 * 1000;
inline constexpr std::size_t kSessionsPerUserMax = 50;

nlohmann::json user_json(const UserRecord& user);

class Sessions {
public:
    // dummy_hash: a password hash of the cost new passwords get (for unknown logins).
    Sessions(Database& db, std::string dummy_hash) : db_(db), dummy_hash_(std::move(dummy_hash)) {}

    ApiResponse login(const ApiRequest& request, std::int64_t now_ms);
    ApiResponse logout(const ApiRequest& request);
    // The signed-in user of a request, or the 401/503 reply to send.
    Result<Principal> authenticate(const ApiRequest& request, std::int64_t now_ms, ApiResponse& refusal);

private:
    // After the password check: the session, or the refusal.
    ApiResponse finish_login(const std::string& login, const std::string& address, std::int64_t attempt_ms,
                             bool password_matches, const std::string& checked_hash);

    Database& db_;
    std::string dummy_hash_;
    LoginLimiter limiter_;
    std::int64_t last_cleanup_ms_ = 0;
};

}  // namespace hotline::server
