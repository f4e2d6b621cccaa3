#include "app/user_form.hpp"

#include <nlohmann/json.hpp>

#include "app/i18n.hpp"
#include "core/ids.hpp"
#include "core/roles.hpp"
#include "core/text_rules.hpp"

namespace hotline::app {
namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Error bad(std::string what) { return make_error("bad_reply", "The server's answer " + what + "."); }

std::optional<UserAccount> account_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    for (const char* key : {"login", "name", "role"})
        if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
    if (!j.contains("active") || !j["active"].is_boolean()) return std::nullopt;
    return UserAccount{j["login"].get<std::string>(), j["name"].get<std::string>(), j["role"].get<std::string>(),
                       j["active"].get<bool>()};
}

json parse(std::string_view body) { return json::parse(body, nullptr, false); }

}  // namespace

UserFormErrors check_user_form(const UserForm& form, bool creating) {
    UserFormErrors e;
    if (creating && !is_valid_login(form.login)) e.login = tr("admin.bad_login");
    if (form.name.empty()) e.name = tr("admin.name_missing");
    else if (auto problem = line_text_problem(form.name)) e.name = tr_format("admin.name_problem", {*problem});
    if (!role_by_name(form.role)) e.role = tr("admin.bad_role");
    if (creating) e.password = check_new_password(form.password);
    return e;
}

std::string check_new_password(std::string_view password) {
    return password.empty() ? std::string(tr("admin.password_missing")) : std::string();
}

std::string encode_new_user(const UserForm& form) {
    return dump({{"login", form.login}, {"name", form.name}, {"role", form.role}, {"password", form.password}});
}

std::string encode_user_change(const UserForm& form, const UserAccount& was) {
    json change = json::object();
    if (form.name != was.name) change["name"] = form.name;
    if (form.role != was.role) change["role"] = form.role;
    return dump(change);
}

std::string encode_active(bool active) { return dump({{"active", active}}); }

std::string encode_password(std::string_view password) { return dump({{"password", password}}); }

Result<std::vector<UserAccount>> decode_user_list(std::string_view body) {
    const json j = parse(body);
    if (!j.is_object() || !j.contains("users") || !j["users"].is_array()) return bad("has no list of users");
    std::vector<UserAccount> users;
    for (const json& u : j["users"]) {
        auto account = account_from(u);
        if (!account) return bad("lists a user without login, name, role and active");
        users.push_back(std::move(*account));
    }
    return users;
}

Result<UserAccount> decode_user_reply(std::string_view body) {
    const json j = parse(body);
    if (!j.is_object() || !j.contains("user")) return bad("has no user");
    auto account = account_from(j["user"]);
    if (!account) return bad("has a user without login, name, role and active");
    return std::move(*account);
}

}  // namespace hotline::app
