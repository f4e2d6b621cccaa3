#include "server/users_api.hpp"

#include <optional>

#include "core/limits.hpp"
#include "core/text_rules.hpp"
#include "protocol/request_body.hpp"
#include "server/sessions.hpp"

namespace hotline::server {
namespace {

Outcome check_name(const std::string& name) {
    if (name.empty() || name.size() > limits::kShortTextMax)
        return make_error("bad_name", "A name is 1-200 bytes of text.");
    if (auto problem = line_text_problem(name)) return make_error("bad_name", "The name " + std::string(*problem) + ".");
    return {};
}

Outcome check_password(const std::string& password) {
    if (auto problem = line_text_problem(password))
        return make_error("bad_password", "The password " + std::string(*problem) + ".");
    // Characters, not bytes: "éééé" is four characters in eight bytes.
    if (code_point_count(password) < kPasswordMin || password.size() > kPasswordMax)
        return make_error("bad_password", "A password has at least 8 characters and at most 1024 bytes.");
    return {};
}

Outcome check_role(const std::string& role) {
    if (!role_by_name(role))
        return make_error("bad_role", "Unknown role \"" + role + "\" (agent, engineer, technician, manager, admin).");
    return {};
}

ApiResponse bad_request(const Error& e) { return api_error(400, e.code, e.message); }
ApiResponse storage_unavailable(const Error& e) { return api_error(503, "storage_unavailable", e.message); }

// A hash computed as background work, then `finish` with it on the handler's thread.
template <typename Finish>
ApiResponse after_hashing(std::string password, HashCost cost, Finish finish) {
    return in_background([password = std::move(password), cost, finish = std::move(finish)]() -> ApiContinuation {
        auto hash = hash_password(password, cost);
        return [hash = std::move(hash), finish]() -> ApiResponse {
            if (!hash) return api_error(503, hash.error().code, hash.error().message);
            return finish(*hash);
        };
    });
}

// What a PATCH asks for, every given key already checked.
struct UserChange {
    std::optional<std::string> name, role, password;
    std::optional<bool> active;
};

ApiResponse apply_change(Database& db, const Principal& admin, const std::string& caller_token_hash,
                         const std::string& login, const UserChange& change, const std::optional<std::string>& new_hash) {
    // Read again: the hash ran in the background, and the record may have changed meanwhile.
    auto found = db.find_user(login);
    if (!found) return storage_unavailable(found.error());
    if (!*found) return api_error(404, "no_such_user", "No user " + login + ".");
    UserRecord user = **found;
    if (change.name) user.name = *change.name;
    if (change.role) user.role = *change.role;
    if (new_hash) user.password_hash = *new_hash;
    if (change.active) user.active = *change.active;
    // An administrator cannot lock themselves out (and with them, perhaps, everyone).
    if (login == admin.login && (!user.active || user.role != "admin"))
        return api_error(409, "self_lockout", "You cannot disable yourself or drop your own administrator role.");
    // A new password or a deactivation ends the sessions first: if storing the change then
    // fails, users only sign in again, whereas the other order could leave old sessions
    // working with the new password. Enabling again revives none of them.
    if (new_hash || !user.active) {
        const std::string keep = login == admin.login ? caller_token_hash : std::string();
        if (auto ended = db.delete_sessions_of(login, keep); !ended) return storage_unavailable(ended.error());
    }
    if (auto updated = db.update_user(user); !updated) return storage_unavailable(updated.error());
    return {200, {{"user", user_json(user)}}, std::nullopt};
}

}  // namespace

Outcome check_new_user(const std::string& login, const std::string& name, const std::string& role,
                       const std::string& password) {
    if (!is_valid_login(login))
        return make_error("bad_login", "A login is 1-48 characters of a-z, 0-9, '.', '_', '-', '@'.");
    for (const Outcome& check : {check_name(name), check_role(role), check_password(password)})
        if (!check) return check.error();
    return {};
}

Result<UserRecord> new_user(const std::string& login, const std::string& name, const std::string& role,
                            const std::string& password, HashCost cost) {
    if (Outcome ok = check_new_user(login, name, role, password); !ok) return ok.error();
    auto hash = hash_password(password, cost);
    if (!hash) return hash.error();
    return UserRecord{login, name, role, std::move(*hash), true};
}

ApiResponse list_users(Database& db) {
    auto users = db.list_users();
    if (!users) return storage_unavailable(users.error());
    nlohmann::json list = nlohmann::json::array();
    for (const UserRecord& u : *users) list.push_back(user_json(u));
    return {200, {{"users", std::move(list)}}, std::nullopt};
}

ApiResponse create_user(Database& db, const std::string& body, HashCost cost) {
    auto j = protocol::parse_object(body, {"login", "name", "role", "password"});
    if (!j) return bad_request(j.error());
    std::string fields[4];
    const char* keys[4] = {"login", "name", "role", "password"};
    for (int i = 0; i < 4; ++i) {
        auto v = protocol::string_member(*j, keys[i]);
        if (!v) return bad_request(v.error());
        fields[i] = std::move(*v);
    }
    if (Outcome ok = check_new_user(fields[0], fields[1], fields[2], fields[3]); !ok) return bad_request(ok.error());
    UserRecord user{fields[0], fields[1], fields[2], {}, true};
    return after_hashing(std::move(fields[3]), cost, [&db, user](const std::string& hash) -> ApiResponse {
        UserRecord hashed = user;
        hashed.password_hash = hash;
        if (auto created = db.create_user(hashed); !created)
            return created.error().code == "user_exists" ? api_error(409, "user_exists", created.error().message)
                                                         : storage_unavailable(created.error());
        return {201, {{"user", user_json(hashed)}}, std::nullopt};
    });
}

ApiResponse update_user(Database& db, const Principal& admin, const std::string& caller_token_hash,
                        const std::string& login, const std::string& body, HashCost cost) {
    auto j = protocol::parse_object(body, {"name", "role", "password", "active"});
    if (!j) return bad_request(j.error());
    // Each given key is checked before anything changes: a bad one refuses the whole update.
    auto given = [&](const char* key, Outcome (*check)(const std::string&)) -> Result<std::optional<std::string>> {
        if (!j->contains(key)) return std::optional<std::string>();
        auto v = protocol::string_member(*j, key);
        if (!v) return v.error();
        if (Outcome ok = check(*v); !ok) return ok.error();
        return std::optional<std::string>(std::move(*v));
    };
    auto name = given("name", check_name);
    auto role = given("role", check_role);
    auto password = given("password", check_password);
    for (const auto* r : {&name, &role, &password})
        if (!*r) return bad_request(r->error());
    UserChange change{std::move(*name), std::move(*role), std::move(*password), std::nullopt};
    if (auto active = j->find("active"); active != j->end()) {
        if (!active->is_boolean()) return bad_request(make_error("bad_type", "\"active\" must be true or false."));
        change.active = active->get<bool>();
    }
    // An unknown user is answered before any hashing.
    auto found = db.find_user(login);
    if (!found) return storage_unavailable(found.error());
    if (!*found) return api_error(404, "no_such_user", "No user " + login + ".");
    if (!change.password) return apply_change(db, admin, caller_token_hash, login, change, std::nullopt);
    return after_hashing(*change.password, cost, [&db, admin, caller_token_hash, login, change](const std::string& hash) {
        return apply_change(db, admin, caller_token_hash, login, change, hash);
    });
}

}  // namespace hotline::server
