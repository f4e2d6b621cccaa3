// The Users tab (P6, admins only): the server's accounts listed, created and
// changed through the users API (user_form.hpp) over the app's transport to the
// server, and each user's department in their synced staff profile.
//
// One request runs at a time. Replies arrive through sync::Transport callbacks,
// which only store them; poll() acts on them (the app calls it each frame), so
// state changes in one place, as in SignIn. Without a server (the demo, the
// local desk) or without an answer (offline), an action is refused with
// "needs a connection": accounts live on the server alone.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/replica.hpp"
#include "app/user_form.hpp"
#include "core/authorization.hpp"
#include "sync/transport.hpp"

namespace hotline::app {

class UserAdmin {
public:
    UserAdmin(Replica& replica, Principal who);
    ~UserAdmin();

    void connect(sync::Transport& transport, std::string token);
    bool connected() const { return transport_ != nullptr; }
    bool allowed() const { return can_manage_users(who_); }

    // --- The list ---
    Outcome refresh();  // GET /users
    bool loaded() const { return loaded_; }
    bool busy() const { return busy_; }
    const std::vector<UserAccount>& users() const { return users_; }
    const UserAccount* user(const std::string& login) const;
    // The user's department key, from their staff profile; empty when none.
    std::string department_of(const std::string& login) const;

    // --- The form: a new user, or the user being edited ---
    UserForm form;
    const UserFormErrors& errors() const { return errors_; }
    bool form_open() const { return open_; }
    const std::string& editing() const { return editing_; }  // empty: a new user
    void start_new();
    bool edit(const std::string& login);
    void close() { open_ = false; }

    // Each sends one request (refused at once when the form is wrong, a request
    // runs, or there is no server); the answer comes through poll().
    Outcome create();
    // The name and role go to the server; the department (and name) to the staff
    // profile at once, as an operation: that part works offline too.
    Outcome save(std::int64_t now_ms);
    Outcome reset_password();
    Outcome set_active(bool active);

    // Acts on an answer that arrived: the text to confirm with, or the refusal.
    std::optional<Result<std::string>> poll(std::int64_t now_ms);

private:
    enum class Request : std::uint8_t { list, create, change, password, active };
    struct Mailbox;
    Outcome send(Request what, const std::string& method, const std::string& path, const std::string& body);
    Result<std::string> finish(Request what, const sync::Reply& reply, std::int64_t now_ms);
    Outcome save_profile(const std::string& login, const std::string& name, const std::string& department,
                         std::int64_t now_ms);
    void remember(const UserAccount& account);

    Replica& replica_;
    Principal who_;
    sync::Transport* transport_ = nullptr;
    std::string token_;
    std::shared_ptr<Mailbox> mailbox_;
    bool busy_ = false;
    bool loaded_ = false;
    std::vector<UserAccount> users_;
    UserFormErrors errors_;
    bool open_ = false;
    std::string editing_;
    Request running_ = Request::list;
    UserForm pending_;  // what the running create or change sent
};

}  // namespace hotline::app
