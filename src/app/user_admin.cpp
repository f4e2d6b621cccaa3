#include "app/user_admin.hpp"

#include "app/admin_access.hpp"
#include "app/draft.hpp"
#include "app/i18n.hpp"
#include "protocol/error_reply.hpp"

namespace hotline::app {

struct UserAdmin::Mailbox {
    std::optional<Result<sync::Reply>> reply;
};

UserAdmin::UserAdmin(Replica& replica, Principal who)
    : replica_(replica), who_(std::move(who)), mailbox_(std::make_shared<Mailbox>()) {}
UserAdmin::~UserAdmin() = default;

void UserAdmin::connect(sync::Transport& transport, std::string token) {
    transport_ = &transport;
    token_ = std::move(token);
}

const UserAccount* UserAdmin::user(const std::string& login) const {
    for (const UserAccount& u : users_)
        if (u.login == login) return &u;
    return nullptr;
}

std::string UserAdmin::department_of(const std::string& login) const {
    const Entity* profile = replica_.desk().find(EntityKind::staff_profile, login);
    return profile ? std::string(profile->value(StaffProfileField::department)) : std::string();
}

void UserAdmin::start_new() {
    form = {};
    errors_ = {};
    editing_.clear();
    open_ = true;
}

bool UserAdmin::edit(const std::string& login) {
    const UserAccount* u = user(login);
    if (!u) return false;
    form = {u->login, u->name, u->role, department_of(login), {}};
    errors_ = {};
    editing_ = login;
    open_ = true;
    return true;
}

Outcome UserAdmin::send(Request what, const std::string& method, const std::string& path, const std::string& body) {
    if (!allowed()) return make_error("forbidden_role", std::string(tr("admin.users_forbidden")));
    if (!transport_) return make_error("needs_connection", std::string(tr("admin.needs_connection")));
    if (busy_) return make_error("busy", std::string(tr("admin.busy")));
    busy_ = true;
    running_ = what;
    std::weak_ptr<Mailbox> box = mailbox_;
    transport_->request(method, path, body, token_, [box](Result<sync::Reply> reply) {
        if (auto b = box.lock()) b->reply = std::move(reply);
    });
    return {};
}

Outcome UserAdmin::refresh() { return send(Request::list, "GET", "/users", ""); }

Outcome UserAdmin::create() {
    errors_ = check_user_form(form, true);
    if (errors_.any()) return invalid_fields_error();
    pending_ = form;
    return send(Request::create, "POST", "/users", encode_new_user(form));
}

Outcome UserAdmin::save(std::int64_t now_ms) {
    const UserAccount* was = user(editing_);
    if (!was) return make_error("no_such_user", tr_format("admin.no_user", {editing_}));
    errors_ = check_user_form(form, false);
    if (errors_.any()) return invalid_fields_error();
    if (Outcome saved = save_profile(editing_, form.name, form.department, now_ms); !saved) return saved;
    const std::string change = encode_user_change(form, *was);
    if (change == "{}") return {};
    pending_ = form;
    return send(Request::change, "PATCH", "/users/" + editing_, change);
}

Outcome UserAdmin::reset_password() {
    errors_ = {};
    errors_.password = check_new_password(form.password);
    if (errors_.any()) return invalid_fields_error();
    return send(Request::password, "PATCH", "/users/" + editing_, encode_password(form.password));
}

Outcome UserAdmin::set_active(bool active) {
    return send(Request::active, "PATCH", "/users/" + editing_, encode_active(active));
}

std::optional<Result<std::string>> UserAdmin::poll(std::int64_t now_ms) {
    if (!mailbox_->reply) return std::nullopt;
    const Result<sync::Reply> reply = std::move(*mailbox_->reply);
    mailbox_->reply.reset();
    busy_ = false;
    if (!reply) return Result<std::string>(make_error("needs_connection", std::string(tr("admin.needs_connection"))));
    if (reply->status < 200 || reply->status > 299) {
        // The server's own words ("A password has at least 8 characters…"), as it said them.
        return Result<std::string>(protocol::failure_of(reply->status, reply->body));
    }
    return finish(running_, *reply, now_ms);
}

Result<std::string> UserAdmin::finish(Request what, const sync::Reply& reply, std::int64_t now_ms) {
    if (what == Request::list) {
        auto list = decode_user_list(reply.body);
        if (!list) return list.error();
        users_ = std::move(*list);
        loaded_ = true;
        return std::string();
    }
    auto account = decode_user_reply(reply.body);
    if (!account) return account.error();
    remember(*account);
    switch (what) {
        case Request::list: return std::string();
        case Request::create:
            if (Outcome saved = save_profile(account->login, account->name, pending_.department, now_ms); !saved)
                return saved.error();
            editing_ = account->login;
            form.password.clear();
            return tr_format("admin.user_created", {account->login});
        case Request::change: return tr_format("admin.user_saved", {account->login});
        case Request::password:
            form.password.clear();
            return tr_format("admin.password_reset", {account->login});
        case Request::active:
            return tr_format(account->active ? "admin.user_reactivated" : "admin.user_deactivated", {account->login});
    }
    return std::string();
}

void UserAdmin::remember(const UserAccount& account) {
    for (UserAccount& u : users_)
        if (u.login == account.login) {
            u = account;
            return;
        }
    users_.push_back(account);
}

Outcome UserAdmin::save_profile(const std::string& login, const std::string& name, const std::string& department,
                                std::int64_t now_ms) {
    const Entity* profile = replica_.desk().find(EntityKind::staff_profile, login);
    std::vector<std::pair<FieldId, std::string>> fields;
    if (profile ? profile->value(StaffProfileField::name) != name : !name.empty())
        fields.emplace_back(StaffProfileField::name, name);
    if (profile ? profile->value(StaffProfileField::department) != department : !department.empty())
        fields.emplace_back(StaffProfileField::department, department);
    if (fields.empty()) return {};
    if (Outcome allowed = check_may_write(who_, EntityKind::staff_profile, !profile); !allowed) return allowed;
    // A keyed create of a held profile changes the given fields (reference_editor.hpp).
    return replica_.commit([&](OpFactory& f) {
        return f.create(who_.actor(), now_ms, EntityKind::staff_profile, fields, login);
    });
}

}  // namespace hotline::app
