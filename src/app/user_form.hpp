// The Users tab's form and the users API's messages (docs/openapi.yaml: GET and
// POST /users, PATCH /users/<login>), testable without a server.
//
// The form checks what the client can tell alone (a login's shape, a name's text,
// a known role, a password given) with the core's rules; the server decides the
// rest (a password's length, a login taken) and its refusal is shown as it says it.
// A user's department, skills and territories are not server fields: they live in
// the synced staff profile keyed by the login (schema.hpp), written by operations.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hotline::app {

// A server-side account, as GET /users lists it.
struct UserAccount {
    std::string login, name, role;
    bool active = true;

    friend bool operator==(const UserAccount&, const UserAccount&) = default;
};

struct UserForm {
    std::string login;
    std::string name;
    std::string role = "agent";
    std::string department;  // a department record's key, or empty
    std::string password;    // a new user's first password, or a reset one
};

// Translated problems per field; empty: fine.
struct UserFormErrors {
    std::string login, name, role, password;
    bool any() const { return !(login.empty() && name.empty() && role.empty() && password.empty()); }
};

// `creating`: the login and the password are checked too (an edit keeps both).
UserFormErrors check_user_form(const UserForm& form, bool creating);
// A password reset alone: only the password.
std::string check_new_password(std::string_view password);

// POST /users body.
std::string encode_new_user(const UserForm& form);
// PATCH /users/<login> body with what changed from `was` (name, role), or only
// `active`, or only `password`; "{}" when nothing did.
std::string encode_user_change(const UserForm& form, const UserAccount& was);
std::string encode_active(bool active);
std::string encode_password(std::string_view password);

// {"users": [...]} and {"user": {...}}, decoded strictly ("bad_reply").
Result<std::vector<UserAccount>> decode_user_list(std::string_view body);
Result<UserAccount> decode_user_reply(std::string_view body);

}  // namespace hotline::app
