#include "server/sessions.hpp"

#include "server/request_body.hpp"

namespace hotline::server {
namespace {
constexpr std::int64_t kCleanupEveryMs = 3600 * 1000;
}

nlohmann::json user_json(const UserRecord& user) {
    return {{"login", user.login}, {"name", user.name}, {"role", user.role}, {"active", user.active}};
}

ApiResponse Sessions::login(const ApiRequest& request, std::int64_t now_ms) {
    auto body = parse_object(request.body, {"login", "password"});
    if (!body) return api_error(400, body.error().code, body.error().message);
    auto login = string_member(*body, "login");
    auto password = string_member(*body, "password");
    if (!login) return api_error(400, login.error().code, login.error().message);
    if (!password) return api_error(400, password.error().code, password.error().message);

    if (auto wait = limiter_.retry_after_ms(*login, request.client_address, now_ms); wait > 0) {
        ApiResponse r = api_error(429, "too_many_attempts", "Too many failed logins; try again in a minute.");
        r.body["error"]["retry_after_ms"] = wait;
        return r;
    }
    auto user = db_.find_user(*login);
    if (!user) return api_error(503, "storage_unavailable", user.error().message);
    // Same answer for an unknown login and a wrong password: logins are not revealed.
    if (!*user || !(*user)->active || !verify_password((*user)->password_hash, *password)) {
        limiter_.record_failure(*login, request.client_address, now_ms);
        return api_error(401, "bad_credentials", "Wrong login or password.");
    }
    limiter_.record_success(*login);

    if (now_ms - last_cleanup_ms_ > kCleanupEveryMs) {
        last_cleanup_ms_ = now_ms;
        (void)db_.delete_expired_sessions(now_ms);  // housekeeping; a failure only delays it
    }
    const std::string token = new_token();
    const std::int64_t expires = now_ms + kSessionLifetimeMs;
    if (auto created = db_.create_session({token_hash(token), (*user)->login, expires}); !created)
        return api_error(503, "storage_unavailable", created.error().message);
    return {200, {{"token", token}, {"expires_at", expires}, {"user", user_json(**user)}}, std::nullopt};
}

ApiResponse Sessions::logout(const ApiRequest& request) {
    if (request.bearer_token.empty()) return api_error(401, "no_token", "Sign in first.");
    if (auto deleted = db_.delete_session(token_hash(request.bearer_token)); !deleted)
        return api_error(503, "storage_unavailable", deleted.error().message);
    return {204, nullptr, std::nullopt};
}

Result<Principal> Sessions::authenticate(const ApiRequest& request, std::int64_t now_ms, ApiResponse& refusal) {
    auto refuse = [&](int status, const char* code, std::string message) -> Result<Principal> {
        refusal = api_error(status, code, message);
        return make_error(code, std::move(message));
    };
    if (request.bearer_token.empty()) return refuse(401, "no_token", "Sign in first (Authorization: Bearer <token>).");
    auto session = db_.find_session(token_hash(request.bearer_token));
    if (!session) return refuse(503, "storage_unavailable", session.error().message);
    if (!*session || (*session)->expires_ms <= now_ms)
        return refuse(401, "bad_token", "The session has ended; sign in again.");
    auto user = db_.find_user((*session)->login);
    if (!user) return refuse(503, "storage_unavailable", user.error().message);
    if (!*user || !(*user)->active) return refuse(401, "bad_token", "This account is disabled.");
    auto role = role_by_name((*user)->role);
    if (!role) return refuse(503, "corrupt_user", "User " + (*user)->login + " has an unknown role.");
    return Principal{(*user)->login, (*user)->name, *role};
}

}  // namespace hotline::server
