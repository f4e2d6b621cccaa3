#include "app/session.hpp"

#include <nlohmann/json.hpp>

#include "core/authorization.hpp"
#include "store/file_util.hpp"

namespace hotline::app {
namespace {

using json = nlohmann::json;

Error bad(const std::string& what) { return make_error("bad_session", what); }

bool string_at(const json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

// The user part of a login reply or of session.json.
Result<Session> session_from(const json& user, const json& token, const json& expires) {
    Session s;
    if (!user.is_object() || !string_at(user, "login", s.login) || !string_at(user, "name", s.name) ||
        !string_at(user, "role", s.role))
        return bad("the user is missing its login, name or role");
    if (!is_valid_login(s.login) || !role_by_name(s.role)) return bad("the user's login or role is not valid");
    if (!token.is_string() || token.get<std::string>().empty()) return bad("the token is missing");
    if (!expires.is_number_integer()) return bad("the expiry is missing");
    s.token = token.get<std::string>();
    s.expires_at = expires.get<std::int64_t>();
    return s;
}

}  // namespace

std::string session_path(const std::string& root) { return root + "/session.json"; }
std::string user_replica_dir(const std::string& root, const std::string& login) { return root + "/users/" + login; }

Result<std::optional<Session>> load_session(const std::string& root) {
    auto text = store::read_file(session_path(root));
    if (!text) {
        if (text.error().code == "not_found") return std::optional<Session>();
        return text.error();
    }
    json j = json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad("session.json is not a JSON object");
    auto s = session_from(j, j.value("token", json()), j.value("expires_at", json()));
    if (!s) return s.error();
    return std::optional<Session>(std::move(*s));
}

Outcome save_session(const std::string& root, const Session& s) {
    const json j = {{"login", s.login}, {"name", s.name}, {"role", s.role}, {"token", s.token},
                    {"expires_at", s.expires_at}};
    return store::write_file_atomically(session_path(root), j.dump());
}

void forget_session(const std::string& root) { store::remove_file(session_path(root)); }

std::string encode_login_request(std::string_view login, std::string_view password) {
    return json{{"login", login}, {"password", password}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Session> decode_login_reply(std::string_view body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad("the server's answer is not a JSON object");
    return session_from(j.value("user", json()), j.value("token", json()), j.value("expires_at", json()));
}

}  // namespace hotline::app
