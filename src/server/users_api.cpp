#include "server/users_api.hpp"

#include <optional>

#include "core/schema.hpp"
#include "core/limits.hpp"
#include "server/request_body.hpp"
#include "server/sessions.hpp"

namespace hotline::server {
namespace {

Outcome check_name(const std::string& name) {
    if (name.empty() || name.size() > limits::kShortTextMax || !is_valid_utf8(name))
        return make_error("bad_name", "A name is 1-200 bytes of UTF-8 text.");
    return {};
}

Outcome check_password(const std::string& password) {
    if (password.size() < kPasswordMin || password.size() > kPasswordMax)
        return make_error("bad_password", "A password has 8 to 1024 characters.");
    return {};
}

Outcome check_role(const std::string& role) {
    if (!role_by_name(role))
        return make_error("bad_role", "Unknown role \"" + role + "\" (agent, engineer, technician, manager, admin).");
    return {};
}

ApiResponse bad_request(const Error& e) { return api_error(400, e.code, e.message); }

}  // namespace

Result<UserRecord> new_user(const std::string& login, const std::string& name, const std::string& role,
                            const std::string& password, HashCost cost) {
    if (!is_valid_login(login))
        return make_error("bad_login", "A login is 1-48 characters of a-z, 0-9, '.', '_', '-', '@'.");
    for (const Outcome& check : {check_name(name), check_role(role), check_password(password)})
        if (!check) return check.error();
    auto hash = hash_password(password, cost);
    if (!hash) return hash.error();
    return UserRecord{login, name, role, std::move(*hash), true};
}

ApiResponse list_users(Database& db) {
    auto users = db.list_users();
    if (!users) return api_error(503, "storage_unavailable", users.error().message);
    nlohmann::json list = nlohmann::json::array();
    for (const UserRecord& u : *users) list.push_back(user_json(u));
    return {200, {{"users", std::move(list)}}, std::nullopt};
}

ApiResponse create_user(Database& db, const std::string& body, HashCost cost) {
    auto j = parse_object(body, {"login", "name", "role", "password"});
    if (!j) return bad_request(j.error());
    std::string fields[4];
    const char* keys[4] = {"login", "name", "role", "password"};
    for (int i = 0; i < 4; ++i) {
        auto v = string_member(*j, keys[i]);
        if (!v) return bad_request(v.error());
        fields[i] = std::move(*v);
    }
    auto user = new_user(fields[0], fields[1], fields[2], fields[3], cost);
    if (!user) return bad_request(user.error());
    if (auto created = db.create_user(*user); !created)
        return created.error().code == "user_exists" ? api_error(409, "user_exists", created.error().message)
                                                     : api_error(503, "storage_unavailable", created.error().message);
    return {201, {{"user", user_json(*user)}}, std::nullopt};
}

ApiResponse update_user(Database& db, const Principal& admin, const std::string& login, const std::string& body,
                        HashCost cost) {
    auto j = parse_object(body, {"name", "role", "password", "active"});
    if (!j) return bad_request(j.error());
    auto found = db.find_user(login);
    if (!found) return api_error(503, "storage_unavailable", found.error().message);
    if (!*found) return api_error(404, "no_such_user", "No user " + login + ".");
    UserRecord user = **found;
    // Each given key is checked before anything changes: a bad one refuses the whole update.
    auto given = [&](const char* key, Outcome (*check)(const std::string&)) -> Result<std::optional<std::string>> {
        if (!j->contains(key)) return std::optional<std::string>();
        auto v = string_member(*j, key);
        if (!v) return v.error();
        if (Outcome ok = check(*v); !ok) return ok.error();
        return std::optional<std::string>(std::move(*v));
    };
    auto name = given("name", check_name);
    auto role = given("role", check_role);
    auto password = given("password", check_password);
    for (const auto* r : {&name, &role, &password})
        if (!*r) return bad_request(r->error());
    if (*name) user.name = **name;
    if (*role) user.role = **role;
    if (*password) {
        auto hash = hash_password(**password, cost);
        if (!hash) return api_error(503, hash.error().code, hash.error().message);
        user.password_hash = std::move(*hash);
    }
    if (auto active = j->find("active"); active != j->end()) {
        if (!active->is_boolean()) return bad_request(make_error("bad_type", "\"active\" must be true or false."));
        user.active = active->get<bool>();
    }
    // An administrator cannot lock themselves out (and with them, perhaps, everyone).
    if (login == admin.login && (!user.active || user.role != "admin"))
        return api_error(409, "self_lockout", "You cannot disable yourself or drop your own administrator role.");
    if (auto updated = db.update_user(user); !updated)
        return api_error(503, "storage_unavailable", updated.error().message);
    return {200, {{"user", user_json(user)}}, std::nullopt};
}

}  // namespace hotline::server
