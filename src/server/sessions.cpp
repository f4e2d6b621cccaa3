#include "server/sessions.hpp"

#include <optional>

#include "protocol/request_body.hpp"

namespace hotline::server {
namespace {
constexpr std::int64_t kCleanupEveryMs = 3600 * 1000;

ApiResponse bad_credentials() { return api_error(401, "bad_credentials", "Wrong login or password."); }
}  // namespace

nlohmann::json user_json(const UserRecord& user) {
    return {{"login", user.login}, {"name", user.name}, {"role", user.role}, {"active", user.active}};
}

ApiResponse Sessions::login(const ApiRequest& request, std::int64_t now_ms) {
    auto body = protocol::parse_object(request.body, {"login", "password"});
    if (!body) return api_error(400, body.error().code, body.error().message);
    auto login = protocol::string_member(*body, "login");
    auto password = protocol::string_member(*body, "password");
    if (!login) return api_error(400, login.error().code, login.error().message);
    if (!password) return api_error(400, password.error().code, password.error().message);
    // A login that cannot exist is counted under one name: any text could grow the limiter's keys.
    const std::string counted_as = is_valid_login(*login) ? *login : std::string("-");

    if (auto wait = limiter_.retry_after_ms(counted_as, request.client_address, now_ms); wait > 0) {
        return api_error(429, {{"too_many_attempts", "Too many failed logins; try again in a minute."}, wait});
    }
    limiter_.record_attempt(counted_as, request.client_address, now_ms);
    std::optional<UserRecord> user;
    if (counted_as == *login) {
        auto found = db_.find_user(*login);
        if (!found) return api_error(503, "storage_unavailable", found.error().message);
        user = std::move(*found);
    }
    // Unknown logins are checked against the dummy, disabled users against their own hash:
    // every refusal costs the same hash, so its time tells nothing.
    std::string checked_hash = user ? user->password_hash : dummy_hash_;
    const bool may_sign_in = user && user->active;
    return in_background([this, checked_hash = std::move(checked_hash), password = std::move(*password), may_sign_in,
                          login = counted_as, address = request.client_address, now_ms]() -> ApiContinuation {
        const bool matches = verify_password(checked_hash, password) && may_sign_in;
        return [=, this] { return finish_login(login, address, now_ms, matches, checked_hash); };
    });
}

ApiResponse Sessions::finish_login(const std::string& login, const std::string& address, std::int64_t attempt_ms,
                                   bool password_matches, const std::string& checked_hash) {
    if (!password_matches) return bad_credentials();  // already counted by record_attempt
    // The account may have changed while the hash ran: a new password or a deactivation
    // ends sessions, and must not be outrun by a login checked against the old state.
    auto user = db_.find_user(login);
    if (!user) return api_error(503, "storage_unavailable", user.error().message);
    if (!*user || !(*user)->active || (*user)->password_hash != checked_hash) return bad_credentials();
    limiter_.record_success(login, address, attempt_ms);

    if (attempt_ms - last_cleanup_ms_ > kCleanupEveryMs) {
        last_cleanup_ms_ = attempt_ms;
        (void)db_.delete_expired_sessions(attempt_ms);  // housekeeping; a failure only delays it
    }
    const std::string token = new_token();
    const std::int64_t expires = attempt_ms + kSessionLifetimeMs;
    if (auto created = db_.create_session({token_hash(token), login, expires}); !created)
        return api_error(503, "storage_unavailable", created.error().message);
    // The cap bounds what one account can pile up; a failure leaves a few too many until the next login.
    (void)db_.trim_sessions(login, kSessionsPerUserMax);
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
